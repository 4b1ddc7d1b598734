"""The local workspace: SQLite store, encrypted document vault, keyring, migrations.

Plain Python (no Qt): the CLI, the GUI and the tests use the same functions.
"""
