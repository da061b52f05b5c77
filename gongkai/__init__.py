"""gongkai: government information disclosure (政府信息公开)."""
