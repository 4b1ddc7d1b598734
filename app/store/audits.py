"""A generic, kept-for-later record of self-audits and scans (the self-audit owns the payload).

Payloads are stored as plaintext JSON: put no identity numbers or names in them.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from typing import Any

from pydantic import BaseModel, Field

from app.store.db import now, transaction
from app.store.errors import NotFound
from app.store.workspace import Workspace


class AuditRecord(BaseModel):
    id: str
    created: dt.datetime
    kind: str = Field(pattern=r"^[a-z][a-z0-9_.-]{0,63}$")
    payload: dict[str, Any]


def add_audit(ws: Workspace, kind: str, payload: dict[str, Any], *,
              audit_id: str | None = None, created: str | None = None) -> AuditRecord:
    record = AuditRecord(id=audit_id or secrets.token_hex(8), created=created or now(),
                         kind=kind, payload=payload)
    with transaction(ws.conn) as c:
        c.execute("INSERT INTO audits (id, created, kind, payload) VALUES (?, ?, ?, ?)",
                  (record.id, record.created.isoformat(timespec="seconds"), record.kind,
                   json.dumps(record.payload, ensure_ascii=False)))
    return record


def update_audit(ws: Workspace, audit_id: str, payload: dict[str, Any]) -> AuditRecord:
    """Replace the payload of a kept audit in place, in one transaction: same id, same kind and
    creation time (the history keeps its order); NotFound when there is no such audit."""
    with transaction(ws.conn) as c:
        row = c.execute("SELECT * FROM audits WHERE id = ?", (audit_id,)).fetchone()
        if row is None:
            raise NotFound(f"no audit {audit_id}")
        record = AuditRecord(id=audit_id, created=row["created"], kind=row["kind"],
                             payload=payload)
        c.execute("UPDATE audits SET payload = ? WHERE id = ?",
                  (json.dumps(record.payload, ensure_ascii=False), audit_id))
    return record


def _record(row: object) -> AuditRecord:
    r = dict(row)  # type: ignore[call-overload]
    return AuditRecord(id=r["id"], created=r["created"], kind=r["kind"],
                       payload=json.loads(r["payload"]))


def get_audit(ws: Workspace, audit_id: str) -> AuditRecord:
    row = ws.conn.execute("SELECT * FROM audits WHERE id = ?", (audit_id,)).fetchone()
    if row is None:
        raise NotFound(f"no audit {audit_id}")
    return _record(row)


def list_audits(ws: Workspace, kind: str | None = None) -> list[AuditRecord]:
    if kind is None:
        rows = ws.conn.execute("SELECT * FROM audits ORDER BY created, rowid")
    else:
        rows = ws.conn.execute("SELECT * FROM audits WHERE kind = ? ORDER BY created, rowid",
                               (kind,))
    return [_record(r) for r in rows]


def delete_audit(ws: Workspace, audit_id: str) -> None:
    with transaction(ws.conn) as c:
        if c.execute("DELETE FROM audits WHERE id = ?", (audit_id,)).rowcount == 0:
            raise NotFound(f"no audit {audit_id}")
