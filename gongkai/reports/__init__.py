"""Annual reports (年度报告) on government information disclosure: building and auditing."""
