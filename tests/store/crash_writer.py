"""Child process of the crash test: writes records in a loop and reports each after its commit.

Run as ``python crash_writer.py WORKSPACE``; the passphrase comes from WECOM_APPEAL_PASSPHRASE.
Prints ``ready`` once the vault is unlocked, then ``<kind> <id> [<sha256>]`` lines, each only
after the commit that made the record durable returned.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared_fakes
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakes import MemoryKeyring, fake_diagnosis, profile_dict

from app.rules.contract import RestrictionReport
from app.store import audits, cases, documents, ledger
from app.store.keystore import KeyringStore
from app.store.profile import Profile, save_profile
from app.store.workspace import Workspace


def main() -> None:
    ws = Workspace.open(Path(sys.argv[1]), keyring_store=KeyringStore(MemoryKeyring()))
    ws.unlock()
    report = RestrictionReport(account="member", scope="interop", duration="temporary",
                               notice_text="notice")
    print("ready", flush=True)
    case_id = None
    n = 0
    while True:
        n += 1
        if case_id is None or n % 7 == 0:
            case_id = cases.create_case(ws, report, diagnoser=fake_diagnosis,
                                        userid=f"m{n % 3}").id
            print(f"case {case_id}", flush=True)
        data = os.urandom(1 + (n * 7919) % 50_000)
        doc = documents.add_document(ws, case_id, "evidence", data, f"e{n}.bin")
        print(f"doc {doc.id} {hashlib.sha256(data).hexdigest()}", flush=True)
        record = audits.add_audit(ws, "crash", {"n": n, "pad": "x" * (n % 900)})
        print(f"audit {record.id}", flush=True)
        if n % 5 == 2:  # a profile rewrite: delete and insert in one transaction
            data = profile_dict()
            data["administrator"]["phone"] = f"139{n % 10**8:08d}"
            save_profile(ws, Profile.model_validate(data))
            print(f"profile {data['administrator']['phone']}", flush=True)
        stamp = time.time_ns()  # grows across runs, unlike n
        ledger.set_member_name(ws, f"m{n % 3}", f"name {stamp}")
        print(f"member m{n % 3} name {stamp}", flush=True)


if __name__ == "__main__":
    main()
