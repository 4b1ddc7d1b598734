"""Packages: everything under app/, and the user guide (docs/) as the package ``app.docs`` so
installed copies carry it (Help → User guide). pyproject.toml holds the rest of the metadata;
pyproject alone cannot map a folder outside app/ into the package next to a package search."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["app", "app.*"]), "app.docs"],
      package_dir={"app.docs": "docs"})
