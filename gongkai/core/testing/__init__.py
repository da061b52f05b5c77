"""Helpers for the test suite that ship with the package so pytest can load them by name."""
