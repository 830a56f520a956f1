"""The benchmark report: the machine it ran on, and a Markdown table of results and verdicts."""

import contextlib
import os
import platform
import re
import subprocess
from pathlib import Path


def machine(gunicorn_workers: int) -> dict:
    memory = 0
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    cpu = ""
    with contextlib.suppress(OSError):
        match = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = match.group(1) if match else ""
    postgres = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", "SHOW server_version"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "cpu": cpu,
        "python": platform.python_version(),
        "postgresql": postgres,
        "gunicorn_workers": gunicorn_workers,
    }


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def markdown(results: dict) -> str:
    lines = ["| Measure | Figure | Baseline | Ratio | Target | |", "|---|---|---|---|---|---|"]

    def row(measure, figure, baseline="", ratio="", target="", ok=None):
        lines.append(
            f"| {measure} | {figure} | {baseline} | {ratio} | {target} | "
            f"{'' if ok is None else _verdict(ok)} |"
        )

    for run in results.get("http", {}).get("runs", []):
        c, lesson, trivial = run["connections"], run["lesson"], run["trivial"]
        row(
            f"Lesson page, {c} connections: req/s",
            lesson["requests_per_s"],
            f"trivial view {trivial['requests_per_s']}",
            f"{run['throughput_ratio']:.2f}",
            "≥ 0.10 of trivial" if c == 32 else "",
            run["throughput_ratio"] >= 0.10 if c == 32 else None,
        )
        row(
            f"Lesson page, {c} connections: p50 / p95 / p99 ms",
            f"{lesson['p50_ms']:.0f} / {lesson['p95_ms']:.0f} / {lesson['p99_ms']:.0f}",
            f"trivial {trivial['p50_ms']:.0f} / {trivial['p95_ms']:.0f} / {trivial['p99_ms']:.0f}",
            "",
            "p95 < 100 ms" if c == 8 else "",
            lesson["p95_ms"] < 100 if c == 8 else None,
        )
    bursts = results.get("bursts")
    if bursts:
        for key, label, limit in (
            ("one_class", "30 learners in 1 s", 1000),
            ("two_hundred", "200 learners over 10 s", 300),
        ):
            burst = bursts[key]
            for step in ("start", "save", "submit"):
                figures = burst["steps"].get(step, {})
                p95 = figures.get("p95_ms", float("nan"))
                row(
                    f"Quiz, {label}: {step} p95 ms (errors)",
                    f"{p95:.0f} ({figures.get('errors', '?')})",
                    "",
                    "",
                    f"< {limit} ms, 0 errors",
                    p95 < limit and figures.get("errors", 1) == 0,
                )
        row(
            "Quiz attempts graded (bursts)",
            bursts["graded_attempts"],
            "230 learners",
            "",
            "230",
            bursts["graded_attempts"] == 230,
        )
    for scale, pages in results.get("pages", {}).items():
        for name, page in pages.items():
            row(
                f"{name} ({scale} data): p50 / p95 ms",
                f"{page['p50_ms']:.0f} / {page['p95_ms']:.0f}",
                "",
                "",
                "p95 < 500 ms" if "report" in name and scale == "national" else "",
                page["p95_ms"] < 500 if "report" in name and scale == "national" else None,
            )
    for name, ratio in results.get("national_vs_small", {}).items():
        row(f"{name}: national / small p50", f"{ratio:.2f}", "", "", "≤ 1.2", ratio <= 1.2)
    certificates = results.get("certificates")
    if certificates:
        one, two, bare = (
            certificates["one_worker"],
            certificates["two_workers"],
            certificates["bare"],
        )
        row(
            "Certificates/s, 1 worker (pipeline)",
            f"{one['per_second']:.2f}",
            f"bare WeasyPrint {bare['per_second']:.2f}",
            f"{certificates['pipeline_vs_bare']:.2f}",
            "≥ 0.8",
            certificates["pipeline_vs_bare"] >= 0.8,
        )
        row(
            "Certificates/s, 2 workers",
            f"{two['per_second']:.2f}",
            f"1 worker {one['per_second']:.2f}",
            f"{certificates['two_vs_one']:.2f}",
            "≥ 1.7",
            certificates["two_vs_one"] >= 1.7,
        )
        row(
            f"Worker RSS over {one['count']} renders (MiB)",
            f"{one['rss_start_mib']:.0f} → {one['rss_end_mib']:.0f}",
            "",
            f"{certificates['memory_growth']:+.1%}",
            "< +10%",
            certificates["memory_growth"] < 0.10,
        )
    return "\n".join(lines)
