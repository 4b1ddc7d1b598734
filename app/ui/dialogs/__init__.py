"""Dialogs: vault setup and unlock, workspace security."""
