"""What the synthetic data generator (bench.data) shares: its scales, Thai names, the record
of what was made, and COPY helpers."""

import json
import os
from dataclasses import dataclass
from pathlib import Path

SCALES = {
    "small": {"centres": 100, "learners": 20_000, "progress": 200_000},
    "national": {"centres": 2_222, "learners": 2_000_000, "progress": 20_000_000},
}
CHUNK = 20_000  # learners per COPY round
POOL = 400  # learners the load benchmarks sign in as (enrolled in the classroom courses)
LESSON_COUNTS = [5, 8, 10, 12, 15, 20, 30, 50, 80, 120, 200]
# How often learners choose each course: short courses are the popular ones.
COURSE_WEIGHTS = [30, 22, 18, 14, 12, 10, 7, 5, 3, 2, 1]
CLASS_SIZE = 20
SESSIONS_PER_CLASS = 4
EARLY_SESSIONS_PER_CENTRE = 3
SEED = 2569
NULL = "\\N"  # COPY's empty value

FIRST_NAMES = [
    ("สมชาย", "Somchai", "mr"),
    ("สมศักดิ์", "Somsak", "mr"),
    ("ประเสริฐ", "Prasert", "mr"),
    ("วิชัย", "Wichai", "mr"),
    ("สุรชัย", "Surachai", "mr"),
    ("อนันต์", "Anan", "mr"),
    ("ธนากร", "Thanakorn", "mr"),
    ("ณัฐพล", "Nattapon", "mr"),
    ("กิตติพัฒน์", "Kittiphat", "mr"),
    ("พงศกร", "Phongsakorn", "mr"),
    ("ภานุวัฒน์", "Phanuwat", "mr"),
    ("ศุภชัย", "Supachai", "mr"),
    ("มาลี", "Malee", "miss"),
    ("สมศรี", "Somsri", "mrs"),
    ("วันเพ็ญ", "Wanphen", "mrs"),
    ("ปราณี", "Pranee", "mrs"),
    ("กาญจนา", "Kanchana", "mrs"),
    ("สุภาพร", "Supaporn", "miss"),
    ("ศิริพร", "Siriporn", "miss"),
    ("อรอุมา", "Onuma", "miss"),
    ("ณัฐธิดา", "Nattida", "miss"),
    ("พิมพ์ชนก", "Pimchanok", "miss"),
    ("ธิดารัตน์", "Thidarat", "mrs"),
    ("จันทร์เพ็ญ", "Chanphen", "mrs"),
]
LAST_NAMES = [
    ("ศรีสุข", "Srisuk"),
    ("ทองดี", "Thongdee"),
    ("แก้วมณี", "Kaewmanee"),
    ("วงศ์ใหญ่", "Wongyai"),
    ("บุญมา", "Boonma"),
    ("สุขสวัสดิ์", "Suksawat"),
    ("ใจดี", "Jaidee"),
    ("พรหมมา", "Phromma"),
    ("จันทร์แก้ว", "Chankaew"),
    ("ศรีวงศ์", "Sriwong"),
    ("คำแสน", "Khamsaen"),
    ("สายทอง", "Saithong"),
    ("ปัญญาดี", "Panyadee"),
    ("มีสุข", "Meesuk"),
    ("อินทร์แก้ว", "Inkaew"),
    ("ชัยมงคล", "Chaimongkol"),
    ("บุญเรือง", "Boonruang"),
    ("ทองคำ", "Thongkham"),
    ("เพชรรัตน์", "Phetcharat"),
    ("นาคสวัสดิ์", "Naksawat"),
]
SUBDISTRICTS = [
    ("บ้านใหม่", "Ban Mai"),
    ("หนองบัว", "Nong Bua"),
    ("ท่าช้าง", "Tha Chang"),
    ("โพธิ์ทอง", "Pho Thong"),
    ("นาดี", "Na Di"),
    ("วังน้ำเย็น", "Wang Nam Yen"),
    ("ดอนตูม", "Don Tum"),
    ("หัวฝาย", "Hua Fai"),
    ("บางปลา", "Bang Pla"),
    ("เขาดิน", "Khao Din"),
    ("ห้วยทราย", "Huai Sai"),
    ("สระแก้ว", "Sa Kaeo"),
]
HOST_TYPES = ["temple", "mosque", "school", "local_office", "local_office", "other"]


@dataclass
class Made:
    """What the generator made: counts, timings and what the benchmarks use."""

    scale: str
    database: str
    centres: int = 0
    learners: int = 0
    enrolments: int = 0
    progress: int = 0
    attempts: int = 0
    certificates: int = 0
    classes: int = 0
    attendance: int = 0
    early_sessions: int = 0
    seconds_content: float = 0.0
    seconds_bulk: float = 0.0
    seconds_index: float = 0.0
    seconds_summaries: float = 0.0
    pool_user_ids: list | None = None
    course_ids: list | None = None
    lesson_course_id: int = 0
    quiz_id: int = 0
    quiz_course_id: int = 0
    big_centre_id: int = 0
    generated_at: str = ""


def result_path(scale: str) -> Path:
    from django.conf import settings

    return Path(settings.VAR_DIR) / "bench" / f"data-{scale}.json"


def load_made(scale: str) -> dict | None:
    path = result_path(scale)
    return json.loads(path.read_text()) if path.exists() else None


# --- database ------------------------------------------------------------------------------


def recreate_database(name: str) -> None:
    import psycopg

    admin_url = os.environ.get("BENCH_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")


def _copy(cursor, table: str, columns: str, lines: list[str]) -> None:
    if not lines:
        return
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        copy.write("".join(lines).encode())


def _next_id(cursor, table: str) -> int:
    cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608 - our table names
    return cursor.fetchone()[0]


def _reset_sequences(cursor, tables: list[str]) -> None:
    for table in tables:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
            f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
        )
