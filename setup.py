"""Packaging layout: the code in app/, the data in the top-level resources/ folder.

The data is mapped into the package as ``app.resources`` (see docs/design.md, "Where things
live"), so code reads it with ``importlib.resources.files("app.resources")`` the same way from the
editable install, the wheel and the frozen build (packaging/wecom-appeal.spec maps it too).
Everything else is declared in pyproject.toml.
"""

from setuptools import find_packages, setup

RESOURCE_FILES = ["*.toml", "*.json", "*.ts", "*.qm", "*.svg", "*.png", "*.ttf", "*.ttc", "*.otf",
                  "*.csv", "*.txt"]

setup(
    packages=[*find_packages(include=["app", "app.*"]), "app.resources"],
    package_dir={"app.resources": "resources"},
    package_data={"app.resources": [f"**/{pattern}" for pattern in RESOURCE_FILES]},
)
