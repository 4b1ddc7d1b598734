from __future__ import annotations

import pytest

from app.audit.behaviour import import_behaviour


@pytest.fixture
def load(request):
    """import_behaviour that closes the import (its temporary files) after the test."""

    def _load(*args, **kwargs):
        result = import_behaviour(*args, **kwargs)
        request.addfinalizer(result.close)
        return result

    return _load
