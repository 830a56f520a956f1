"""Certificate throughput: the real pipeline against bare WeasyPrint, in the same run.

Certificates of the small data set are set back to "pending" and their render
tasks sent through Redis, ten certificates to a task as a bulk issue sends them; real
Celery workers (prefork, one process each, as `make worker` runs them with one slot)
render and store the PDFs. Timing runs from the moment the workers are ready to the
last certificate marked rendered. The same certificates' HTML, built beforehand, is
then turned into PDFs by WeasyPrint alone in this process: the cost of rendering with
nothing around it.
"""

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BROKER = os.environ.get("BENCH_RENDER_BROKER_URL", "redis://127.0.0.1:6379/10")


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _pool_children(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            children.extend(int(child) for child in (task / "children").read_text().split())
    return children


def _pool_rss(processes) -> float:
    """Mean resident memory of the workers' pool processes (where the rendering happens)."""
    sizes = []
    for process in processes:
        for child in _pool_children(process.pid):
            with contextlib.suppress(OSError):
                sizes.append(_rss_mib(child))
    return sum(sizes) / len(sizes) if sizes else 0.0


def _env() -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        BENCH_SCALE="small",
        BENCH_BROKER_URL=BROKER,
        CELERY_BROKER_URL=BROKER,
        PYTHONPATH=str(ROOT),
    )
    env.pop("DATABASE_URL", None)
    return env


@contextlib.contextmanager
def workers(count: int):
    processes = [
        subprocess.Popen(
            [
                str(BIN / "celery"),
                "-A",
                "lms",
                "worker",
                "--pool",
                "prefork",
                "--concurrency",
                "1",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel",
                "WARNING",
                "-n",
                f"bench{n}@%h",
            ],
            cwd=ROOT,
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n in range(count)
    ]
    try:
        # Ready when each has forked its pool process and that process has imported Django.
        deadline = time.monotonic() + 60
        while not all(_pool_children(p.pid) for p in processes):
            if time.monotonic() > deadline:
                raise RuntimeError("Celery workers did not start")
            time.sleep(0.2)
        time.sleep(2)
        yield processes
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def _reset(ids: list[int]) -> None:
    from lms.certificates.models import Certificate, RenderStatus

    Certificate.objects.filter(pk__in=ids).update(
        status=RenderStatus.PENDING,
        file_name="",
        rendered_at=None,
        render_attempts=0,
        render_count=0,
    )


def _purge_queue() -> None:
    from celery import current_app

    with current_app.connection_for_write(BROKER) as connection:
        current_app.control.purge(connection=connection)


def _pipeline(ids: list[int], worker_count: int) -> dict:
    from django.conf import settings

    from lms.celery import app
    from lms.certificates.models import Certificate, RenderStatus
    from lms.certificates.services import RENDER_BATCH_SIZE
    from lms.certificates.tasks import render_certificates

    _reset(ids)
    app.conf.broker_url = BROKER
    app.conf.task_always_eager = False
    settings.CELERY_TASK_ALWAYS_EAGER = False
    _purge_queue()
    # As a bulk issue sends them (lms.certificates.services.certificate_renders_batched).
    with app.connection_for_write(BROKER) as connection:
        for start in range(0, len(ids), RENDER_BATCH_SIZE):
            render_certificates.apply_async(
                args=[ids[start : start + RENDER_BATCH_SIZE]], connection=connection
            )
    rendered = Certificate.objects.filter(pk__in=ids, status=RenderStatus.RENDERED)
    with workers(worker_count) as processes:
        started = time.monotonic()
        rss_start = None
        while True:
            done = rendered.count()
            if rss_start is None and done >= min(len(ids), 10 * worker_count):
                rss_start = _pool_rss(processes)
            if done == len(ids):
                break
            if time.monotonic() - started > 900:
                raise RuntimeError(f"only {done} of {len(ids)} certificates rendered in 15 min")
            time.sleep(0.1)
        seconds = time.monotonic() - started
        rss_end = _pool_rss(processes)
    once = Certificate.objects.filter(pk__in=ids, render_count=1).count()
    result = {
        "workers": worker_count,
        "count": len(ids),
        "seconds": round(seconds, 2),
        "per_second": round(len(ids) / seconds, 2),
        "rss_start_mib": round(rss_start or 0.0, 1),
        "rss_end_mib": round(rss_end, 1),
        "rendered_once": once,
    }
    log(
        f"pipeline, {worker_count} worker(s): {result['per_second']} certificates/s "
        f"({len(ids)} in {result['seconds']} s), RSS {result['rss_start_mib']} → "
        f"{result['rss_end_mib']} MiB"
    )
    return result


def _bare(ids: list[int]) -> dict:
    from django.conf import settings

    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from lms.certificates.models import Certificate
    from lms.certificates.pdf import CertificateFacts, certificate_html
    from lms.certificates.services import certificate_template_for

    pages = []
    for certificate in Certificate.objects.filter(pk__in=ids).select_related("course"):
        template = certificate.template or certificate_template_for(certificate.course)
        pages.append(certificate_html(facts=CertificateFacts.of(certificate), template=template))
    # WeasyPrint used well: one font configuration for every document, as the pipeline does.
    fonts = FontConfiguration()
    HTML(string=pages[0], base_url=str(settings.BASE_DIR)).write_pdf(font_config=fonts)
    started = time.monotonic()
    for html in pages:
        HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(font_config=fonts)
    seconds = time.monotonic() - started
    result = {
        "count": len(pages),
        "seconds": round(seconds, 2),
        "per_second": round(len(pages) / seconds, 2),
    }
    log(
        f"bare WeasyPrint: {result['per_second']} certificates/s ({len(pages)} in {result['seconds']} s)"
    )
    return result


def bench_certificates(made: dict, *, renders: int = 1000) -> dict:
    from lms.certificates.models import Certificate

    ids = list(
        Certificate.objects.filter(revoked_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:renders]
    )
    if len(ids) < renders:
        raise RuntimeError(f"the data set has {len(ids)} certificates, {renders} are needed")
    bare = _bare(ids[: max(100, renders // 5)])
    one = _pipeline(ids, 1)
    two = _pipeline(ids[: max(200, renders // 2)], 2)
    return {
        "bare": bare,
        "one_worker": one,
        "two_workers": two,
        "pipeline_vs_bare": round(one["per_second"] / bare["per_second"], 3),
        "two_vs_one": round(two["per_second"] / one["per_second"], 3),
        "memory_growth": round(one["rss_end_mib"] / one["rss_start_mib"] - 1, 3)
        if one["rss_start_mib"]
        else 0.0,
    }
