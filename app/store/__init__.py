"""The local workspace: SQLite store, encrypted document vault, keyring, migrations.

Plain Python (no Qt): the CLI, the GUI and the tests use the same functions. The case is the
unit: ``cases`` (the restriction, its diagnosis, which earlier-restriction count it used),
``ledger`` (each member's restrictions, recorded or entered by hand), ``documents`` (the case's
own files), ``drafts`` (the package draft, builds), ``package`` (build and check the package
from the workspace), ``submissions`` (attempts, outcomes, follow-ups, what is due);
``profile`` and ``enterprise`` (the standing documents) belong to the enterprise.
"""
