"""GUI tests of the Appeal package page."""
