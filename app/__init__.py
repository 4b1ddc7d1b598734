"""WeCom Appeal & Compliance Assistant."""

__version__ = "0.1.0"
