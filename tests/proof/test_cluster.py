"""Two web nodes and two Celery workers behind HAProxy, one of each killed mid-run
(scripts/cluster, also `make cluster`).

The nodes run in their own network namespaces and share this test's database (through
PostgreSQL's unix socket), a Redis of their own and one file store. The test holds the
run to its promises: every answered request is in the database once, every completion
has one rendered certificate that any node serves, errors happen only after the kill,
and nothing lands on a node's own disk. The counts are printed at the end of the run.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.db import connection

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOCKET_DIR = "/var/run/postgresql"
# The failover window: requests in flight on the killed node fail, then HAProxy has it.
FAILOVER_SECONDS = 5.0

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the nodes share the database: PostgreSQL (CI runs it)",
    ),
    pytest.mark.skipif(os.geteuid() != 0, reason="network namespaces need root (CI runs as root)"),
    pytest.mark.skipif(
        not (shutil.which("haproxy") and shutil.which("ip") and Path(SOCKET_DIR).is_dir()),
        reason="needs haproxy, iproute2 and PostgreSQL's socket (scripts/test-services)",
    ),
    # Committed rows the node processes can see; the database is emptied afterwards.
    pytest.mark.django_db(transaction=True),
]


def socket_url() -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{quote(SOCKET_DIR, safe='')}/{db['NAME']}"


def test_killing_a_web_node_and_a_worker_loses_and_doubles_nothing(tmp_path, record_property):
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/root"), "LANG": "C.UTF-8"}
    run = subprocess.run(
        [sys.executable, "scripts/cluster", "--database-url", socket_url()]
        + ["--learners", "40", "--folder", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    lines = run.stdout.splitlines()
    results = [line for line in lines if line.startswith("cluster-result: ")]
    assert results, (
        f"no result (exit {run.returncode}):\n{run.stdout[-3000:]}\n{run.stderr[:1500]}\n{run.stderr[-6000:]}"
    )
    result = json.loads(results[-1].removeprefix("cluster-result: "))
    summary = next(line for line in lines if line.startswith("cluster: "))
    record_property("counts", summary)

    assert result["failed_learners"] == {}
    assert result["learners"] == 40
    # Everything the clients were answered is in the database, once.
    assert result["lost"] == 0, result
    assert result["doubled"] == 0, result
    assert result["lessons_done"] == result["lessons_done_answered"] + result["submitted_answered"]
    assert result["attempts"] == result["attempts_answered"] == 40
    assert result["graded"] == result["submitted_answered"] == 40
    # The killed worker's certificate too: one each, rendered once, served by either node.
    assert result["completed"] == result["certificates_rendered"] == 40
    assert result["renders"] == result["certificate_files"] == result["downloads"] == 40
    # Errors only in the failover window after the kill.
    assert result["errors_before_kill"] == 0, result["error_kinds"]
    assert result["failover_seconds"] <= FAILOVER_SECONDS, result
    assert result["killed_worker_had_task"], "the worker was killed idle: nothing was at stake"
    assert result["node_local_files"] == []
    assert run.returncode == 0, run.stderr[-3000:]
    # Nothing left behind: namespaces and links carry the run's process id.
    namespaces = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
    assert f"lms{result['tag']}" not in namespaces
