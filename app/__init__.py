"""WeCom Appeal & Compliance Assistant."""

from app import startup

__version__ = "0.1.0"

startup.prepare()  # before any third-party stack is imported (bench/startup)
