"""The outbox against a real Learning Record Store (Ralph, file-system backend), with the
LRS stopped and started again in the middle: every statement arrives exactly once."""

import datetime as dt
import os
import subprocess
from pathlib import Path

from django.utils import timezone

import pytest
import requests

from lms.xapi.models import StatementOutbox
from lms.xapi.services import outbox_drain

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "lrs"
USERNAME, PASSWORD = "lms", "lms-test-pass"


class Ralph:
    """Ralph's LRS started by scripts/lrs, with its data kept in `folder` across restarts."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.url = ""

    def start(self) -> None:
        done = subprocess.run(
            [str(SCRIPT), "start", str(self.folder)],
            capture_output=True,
            text=True,
            timeout=900,
            env={**os.environ, "LRS_USERNAME": USERNAME, "LRS_PASSWORD": PASSWORD},
        )
        assert done.returncode == 0, done.stderr
        self.url = done.stdout.strip()

    def stop(self) -> None:
        subprocess.run([str(SCRIPT), "stop", str(self.folder)], check=True, timeout=60)

    def statements(self) -> list[dict]:
        """Every statement the LRS holds, through its own query API, page after page."""
        found, url = [], f"{self.url}/xAPI/statements?limit=100"
        while url:
            response = requests.get(
                url,
                auth=(USERNAME, PASSWORD),
                headers={"X-Experience-API-Version": "1.0.3"},
                timeout=30,
            )
            response.raise_for_status()
            body = response.json()
            found.extend(body["statements"])
            more = body.get("more")
            url = f"{self.url}{more}" if more else ""
        return found


@pytest.fixture
def ralph(tmp_path, settings):
    lrs = Ralph(tmp_path / "lrs")
    lrs.start()
    settings.LMS_XAPI_LRS_URL = lrs.url
    settings.LMS_XAPI_LRS_USERNAME = USERNAME
    settings.LMS_XAPI_LRS_PASSWORD = PASSWORD
    yield lrs
    lrs.stop()


def test_every_statement_arrives_once_across_an_outage(
    ralph, journey, make_learner, record_property
):
    journey(make_learner("malee"))
    first = StatementOutbox.objects.count()
    assert first == 12
    assert outbox_drain().sent == first
    assert not StatementOutbox.objects.unsent().exists()

    ralph.stop()
    journey(make_learner("somchai"))
    waiting = StatementOutbox.objects.unsent().count()
    assert waiting == 12
    result = outbox_drain()
    assert result.sent == 0 and result.failed > 0
    failed_rows = list(StatementOutbox.objects.filter(attempts__gt=0))
    assert failed_rows and all(row.sent_at is None for row in failed_rows)
    assert all(row.next_attempt_at > timezone.now() for row in failed_rows)
    assert all(row.last_error for row in failed_rows)

    ralph.start()  # the same data folder and port
    # Until the back-off has passed, the waiting rows stay where they are.
    assert outbox_drain().sent == 0
    # Time passes: the back-off is over.
    StatementOutbox.objects.unsent().update(
        next_attempt_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert outbox_drain().sent == waiting
    assert not StatementOutbox.objects.unsent().exists()

    stored = ralph.statements()
    ids = [statement["id"] for statement in stored]
    ours = {str(pk) for pk in StatementOutbox.objects.values_list("statement_id", flat=True)}
    assert len(ids) == StatementOutbox.objects.count() == 24
    assert set(ids) == ours and len(set(ids)) == len(ids)
    verbs = sorted(statement["verb"]["id"].rsplit("/", 1)[1] for statement in stored)
    assert verbs.count("earned") == 2 and verbs.count("passed") == 2
    record_property(
        "counts",
        f"xAPI: {len(ours)} statements, {len(set(ids))} received once, "
        f"{len(failed_rows)} retried during the outage",
    )


def test_a_resend_after_a_lost_answer_is_not_a_second_statement(ralph, journey, make_learner):
    journey(make_learner("malee"))
    assert outbox_drain().sent == 12
    # The LRS stored them, but the answer was lost: the outbox still thinks they wait.
    StatementOutbox.objects.update(sent_at=None)
    assert outbox_drain().sent == 12
    # Drained again: nothing waits, nothing is sent.
    assert outbox_drain().sent == 0
    # A row whose stored copy differs from ours (the LRS answers 409 for the id) is
    # still the statement the LRS holds: counted as sent, not sent as a new one.
    row = StatementOutbox.objects.order_by("id").first()
    row.statement = {**row.statement, "timestamp": "2020-01-01T00:00:00.000+07:00"}
    row.sent_at = None
    row.save()
    assert outbox_drain().sent == 1
    row.refresh_from_db()
    assert row.sent_at is not None and row.attempts == 0

    stored = ralph.statements()
    ids = [statement["id"] for statement in stored]
    assert len(ids) == len(set(ids)) == StatementOutbox.objects.count() == 12
