"""Entry script of the frozen app: the same ``main`` as the ``wecom-appeal`` console script.

It lives outside ``app/`` so PyInstaller does not put ``app/`` itself on the search path, where
``app/cli.py`` would also be importable as a top-level ``cli``.
"""

from app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
