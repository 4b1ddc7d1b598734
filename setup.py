"""Packaging layout: the code in app/, the data in the top-level resources/ folder, the user
guide in docs/.

The data is mapped into the package as ``app.resources`` (see docs/design.md, "Where things
live"), so code reads it with ``importlib.resources.files("app.resources")`` the same way from the
editable install, the wheel and the frozen build (packaging/wecom-appeal.spec maps it too).
The user guide (docs/en, docs/zh_CN and their screenshots) is mapped as ``app.docs`` the same
way: Help → User guide reads it inside the app, so installed copies must carry it.
Everything else is declared in pyproject.toml.
"""

from setuptools import find_packages, setup

RESOURCE_FILES = ["*.toml", "*.json", "*.ts", "*.qm", "*.svg", "*.png", "*.ttf", "*.ttc", "*.otf",
                  "*.csv", "*.txt"]
GUIDE_FILES = ["en/*.md", "zh_CN/*.md", "images/*/*.png"]

setup(
    packages=[*find_packages(include=["app", "app.*"]), "app.resources", "app.docs"],
    package_dir={"app.resources": "resources", "app.docs": "docs"},
    package_data={"app.resources": [f"**/{pattern}" for pattern in RESOURCE_FILES],
                  "app.docs": GUIDE_FILES},
)
