"""`make bench`: benchmarks that are too slow for the test suite (see benchmarks/__main__.py)."""
