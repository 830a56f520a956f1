"""People import, one row at a time: the columns of the file, a row's checks, usernames.

`rows_check` checks every row of a file against the others and the database
(lms.classes.people_import stores the outcome; nothing is created here).
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from lms.centres import scoping
from lms.core.clean import text_clean
from lms.core.numbers import digits_ascii
from lms.users.forms import clean_birth_year, clean_name, phone_normalise, phone_validator
from lms.users.models import TitlePrefix, User, username_validator
from lms.users.romanise import romanise_name

from .models import ImportRowOutcome

FIELDS = [
    "title_prefix",
    "first_name",
    "last_name",
    "first_name_en",
    "last_name_en",
    "birth_year",
    "phone",
    "email",
    "username",
]
REQUIRED_FIELDS = ["first_name", "last_name"]

# The template's headings come first; the rest are what people type instead.
HEADER_ALIASES: dict[str, list[str]] = {
    "title_prefix": ["คำนำหน้า", "คำนำหน้าชื่อ", "title", "prefix", "title prefix"],
    "first_name": ["ชื่อ", "ชื่อจริง", "ชื่อ (ไทย)", "ชื่อภาษาไทย", "first name", "firstname"],
    "last_name": ["นามสกุล", "นามสกุล (ไทย)", "นามสกุลภาษาไทย", "last name", "surname"],
    "first_name_en": [
        "ชื่อ (อังกฤษ)",
        "ชื่อภาษาอังกฤษ",
        "first name (english)",
        "first name en",
        "english first name",
    ],
    "last_name_en": [
        "นามสกุล (อังกฤษ)",
        "นามสกุลภาษาอังกฤษ",
        "last name (english)",
        "last name en",
        "english last name",
    ],
    "birth_year": ["ปีเกิด", "ปีเกิด (พ.ศ.)", "ปีเกิด พ.ศ.", "birth year", "year of birth"],
    "phone": ["โทรศัพท์", "เบอร์โทร", "เบอร์โทรศัพท์", "หมายเลขโทรศัพท์", "phone", "mobile"],
    "email": ["อีเมล", "อีเมล์", "e-mail", "email"],
    "username": ["ชื่อผู้ใช้", "ชื่อผู้ใช้งาน", "username", "user name", "login"],
}
# The headings of the template, in order (Thai first, as the centres read them).
TEMPLATE_HEADINGS = [HEADER_ALIASES[name][0] for name in FIELDS]

TITLE_WORDS = {
    "": TitlePrefix.NONE,
    "นาย": TitlePrefix.MR,
    "นาง": TitlePrefix.MRS,
    "นางสาว": TitlePrefix.MISS,
    "น.ส.": TitlePrefix.MISS,
    "นส.": TitlePrefix.MISS,
    "เด็กชาย": TitlePrefix.BOY,
    "ด.ช.": TitlePrefix.BOY,
    "ดช.": TitlePrefix.BOY,
    "เด็กหญิง": TitlePrefix.GIRL,
    "ด.ญ.": TitlePrefix.GIRL,
    "ดญ.": TitlePrefix.GIRL,
    "mr.": TitlePrefix.MR,
    "mr": TitlePrefix.MR,
    "mrs.": TitlePrefix.MRS,
    "mrs": TitlePrefix.MRS,
    "miss": TitlePrefix.MISS,
    "ms.": TitlePrefix.MISS,
    "ms": TitlePrefix.MISS,
    "master": TitlePrefix.BOY,
}


# --- One row ---------------------------------------------------------------------------


@dataclass
class RowCheck:
    line: int
    raw: dict[str, str]
    data: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    existing_user_id: int | None = None

    @property
    def outcome(self) -> str:
        if self.errors:
            return ImportRowOutcome.ERROR
        return ImportRowOutcome.EXISTS if self.existing_user_id else ImportRowOutcome.NEW


def _name(value: str, label: str, errors: list[str], *, required: bool) -> str:
    if not value:
        if required:
            errors.append(_("%(field)s is missing.") % {"field": label})
        return ""
    if len(value) > 100:
        errors.append(_("%(field)s is longer than 100 letters.") % {"field": label})
        return ""
    try:
        return clean_name(value)
    except ValidationError as error:
        errors.append(f"{label}: {error.messages[0]}")
        return ""


def _english_name(value: str, label: str, errors: list[str]) -> str:
    value = _name(value, label, errors, required=False)
    if value and not value.isascii():
        errors.append(_("%(field)s must be written in English letters.") % {"field": label})
        return ""
    return value


def _phone(value: str, errors: list[str]) -> str:
    if not value:
        return ""
    digits = phone_normalise(value)
    try:
        phone_validator(digits)
    except ValidationError:
        errors.append(
            _("Phone “%(value)s” is not a Thai phone number (e.g. 0812345678).") % {"value": value}
        )
        return ""
    return digits


# A date cell (read as 1987-04-13) or a date typed as 13/4/2530, 13-04-1987 or 13.4.2530.
_ISO_DATE = re.compile(r"([0-9]{4})-[0-9]{1,2}-[0-9]{1,2}(?: [0-9:]+)?")
_DAY_FIRST_DATE = re.compile(r"[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-]([0-9]{4})")
_ERA = re.compile(r"^(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*")


def _year_from(value: str) -> int | None:
    """The year in a birth-year cell: 2540, ๒๕๔๐, พ.ศ. 2540, or a whole date in B.E. or C.E."""
    text = _ERA.sub("", digits_ascii(value).strip())
    if re.fullmatch(r"[0-9]{4}", text):
        return int(text)
    match = _ISO_DATE.fullmatch(text) or _DAY_FIRST_DATE.fullmatch(text)
    return int(match.group(1)) if match else None


def _birth_year(value: str, errors: list[str]) -> int | None:
    if not value:
        return None
    year = _year_from(value)
    if year is None:
        errors.append(
            _("Birth year “%(value)s” should be four digits, e.g. 2540 or 1997.") % {"value": value}
        )
        return None
    try:
        return clean_birth_year(year)
    except ValidationError:
        errors.append(
            _("Birth year “%(value)s” is not possible: write e.g. 2540 (B.E.) or 1997 (C.E.).")
            % {"value": value}
        )
        return None


def row_check(line: int, cells: list[str], columns: dict[str, int]) -> RowCheck:
    raw = {name: (cells[i] if i < len(cells) else "") for name, i in columns.items()}
    for name in FIELDS:
        raw.setdefault(name, "")
    errors: list[str] = []
    title_key = unicodedata.normalize("NFC", raw["title_prefix"]).replace(" ", "").casefold()
    title = TITLE_WORDS.get(title_key)
    if title is None:
        errors.append(
            _("Unknown title “%(value)s”: use นาย, นาง, นางสาว, เด็กชาย, เด็กหญิง or leave it empty.")
            % {"value": raw["title_prefix"]}
        )
        title = TitlePrefix.NONE
    data = {
        "title_prefix": str(title),
        "first_name": _name(raw["first_name"], _("First name"), errors, required=True),
        "last_name": _name(raw["last_name"], _("Last name"), errors, required=True),
        "first_name_en": _english_name(raw["first_name_en"], _("English first name"), errors),
        "last_name_en": _english_name(raw["last_name_en"], _("English last name"), errors),
        "birth_year": _birth_year(raw["birth_year"], errors),
        "phone": _phone(raw["phone"], errors),
        "email": "",
        "username": "",
        "username_generated": False,
    }
    email = raw["email"].strip().lower()
    if email:
        try:
            validate_email(email)
            data["email"] = email
        except ValidationError:
            errors.append(_("E-mail “%(value)s” is not an e-mail address.") % {"value": email})
    username = raw["username"].strip()
    if username:
        try:
            username_validator(username)
            data["username"] = username
        except ValidationError:
            errors.append(
                _(
                    "Username “%(value)s”: use 3 to 40 English letters, digits and . _ - only, or leave it empty."
                )
                % {"value": username}
            )
    return RowCheck(line=line, raw=raw, data=data, errors=errors)


# --- Usernames -------------------------------------------------------------------------------


def _ascii_part(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def _romanise(text: str) -> str:
    if text.isascii():
        return _ascii_part(text)
    return romanise_name(text)


def username_base(data: dict) -> str:
    """somchai.jaidee from the English name, or from the Thai name transliterated."""
    first = _ascii_part(data.get("first_name_en", "")) or _romanise(data.get("first_name", ""))
    last = _ascii_part(data.get("last_name_en", "")) or _romanise(data.get("last_name", ""))
    base = ".".join(part for part in (first[:20], last[:12]) if part)
    if len(base) < 3:
        base = f"learner{base}"
    return base


def _taken_usernames(candidates: set[str]) -> set[str]:
    taken: set[str] = set()
    candidates_list = sorted(candidates)
    for start in range(0, len(candidates_list), 2000):
        chunk = candidates_list[start : start + 2000]
        taken.update(
            User.objects.annotate(lower=Lower("username"))
            .filter(lower__in=chunk)
            .values_list("lower", flat=True)
        )
    return taken


SUFFIXES = range(2, 30)


def usernames_assign(bases: list[str], reserved: set[str]) -> list[str]:
    """A free username for each base (`base`, `base2`, `base3` ...), unique in the file too."""
    candidates = {c for base in bases for c in (base, *(f"{base}{n}" for n in SUFFIXES))}
    taken = _taken_usernames(candidates) | {name.lower() for name in reserved}
    chosen = []
    for base in bases:
        for candidate in (base, *(f"{base}{n}" for n in SUFFIXES)):
            if candidate not in taken:
                break
        else:
            candidate = _username_fallback(base, taken)
        taken.add(candidate)
        chosen.append(candidate)
    return chosen


def _username_fallback(base: str, taken: set[str]) -> str:
    import secrets

    while True:
        candidate = f"{base[:30]}{secrets.randbelow(90000) + 10000}"
        if candidate not in taken and not User.objects.filter(username__iexact=candidate).exists():
            return candidate


# --- The whole file ---------------------------------------------------------------------------


def _person_key(data: dict) -> tuple:
    """Names compared in their one normal form: "ลําดวน" (nikhahit + sara aa) is "ลำดวน"."""
    return (text_clean(data["first_name"]).casefold(), text_clean(data["last_name"]).casefold())


def rows_check(*, actor: User, checks: list[RowCheck]) -> None:
    """Duplicates in the file, usernames in the database, people who already have accounts."""
    visible = scoping.learners_visible_to(actor)
    seen_usernames: dict[str, int] = {}
    seen_people: dict[tuple, int] = {}
    given = [c for c in checks if c.data["username"] and not c.errors]
    for check in checks:
        if check.errors:
            continue
        username = check.data["username"].lower()
        if username:
            if username in seen_usernames:
                check.errors.append(
                    _("The username “%(value)s” is also on row %(line)s.")
                    % {"value": check.data["username"], "line": seen_usernames[username]}
                )
                continue
            seen_usernames[username] = check.line
        person = (*_person_key(check.data), check.data["birth_year"], check.data["phone"])
        if person in seen_people:
            check.errors.append(
                _("The same person is also on row %(line)s.") % {"line": seen_people[person]}
            )
            continue
        seen_people[person] = check.line

    # Usernames given in the file: free, or an account of the same person we may see.
    existing = {}
    names = sorted({c.data["username"].lower() for c in given})
    for start in range(0, len(names), 2000):
        for user in (
            User.objects.annotate(lower=Lower("username"))
            .filter(lower__in=names[start : start + 2000])
            .only("id", "username", "first_name", "last_name")
        ):
            existing[user.username.lower()] = user
    visible_ids = set(
        visible.filter(pk__in=[u.pk for u in existing.values()]).values_list("pk", flat=True)
    )
    for check in given:
        if check.errors:
            continue
        user = existing.get(check.data["username"].lower())
        if user is None:
            continue
        same_person = _person_key(check.data) == _person_key(
            {"first_name": user.first_name, "last_name": user.last_name}
        )
        if user.pk in visible_ids and same_person:
            check.existing_user_id = user.pk
        else:
            check.errors.append(
                _(
                    "The username “%(value)s” already belongs to someone else. Choose another or leave it empty."
                )
                % {"value": check.data["username"]}
            )

    # No username: the same Thai name with the same birth year or phone is the same person.
    unnamed = [c for c in checks if not c.errors and not c.data["username"]]
    firsts = sorted({c.data["first_name"] for c in unnamed})
    known: dict[tuple, list[dict]] = {}
    for start in range(0, len(firsts), 1000):
        for user in visible.filter(first_name__in=firsts[start : start + 1000]).values(
            "id", "username", "first_name", "last_name", "birth_year", "phone"
        ):
            known.setdefault(_person_key(user), []).append(user)
    for check in unnamed:
        for user in known.get(_person_key(check.data), []):
            same_year = check.data["birth_year"] and user["birth_year"] == check.data["birth_year"]
            same_phone = check.data["phone"] and user["phone"] == check.data["phone"]
            if same_year or same_phone:
                check.existing_user_id = user["id"]
                check.data["username"] = user["username"]
                break

    new = [c for c in unnamed if not c.existing_user_id]
    reserved = {c.data["username"] for c in given}
    for check, username in zip(
        new, usernames_assign([username_base(c.data) for c in new], reserved), strict=True
    ):
        check.data["username"] = username
        check.data["username_generated"] = True
