"""Centres from the national list (CSV or XLSX), matched by centre code.

Importing the same list twice changes nothing; a changed name or address updates
the centre. A file with any bad row changes nothing and lists every bad row.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from lms.core.numbers import digits_ascii
from lms.users.models import User

from . import scoping
from .models import Centre, HostType, Province
from .services import CentreError
from .spreadsheets import SpreadsheetError, header_key, map_headers, table_read

MAX_ROWS = 5_000

HEADER_ALIASES: dict[str, list[str]] = {
    "code": ["รหัสศูนย์", "รหัส", "code", "centre code", "center code"],
    "name_th": ["ชื่อศูนย์", "ชื่อศูนย์ (ไทย)", "ชื่อ", "name", "name th", "name (thai)"],
    "name_en": ["ชื่อศูนย์ (อังกฤษ)", "ชื่อภาษาอังกฤษ", "name en", "name (english)"],
    "province": ["จังหวัด", "province"],
    "district": ["อำเภอ", "เขต", "district", "amphoe"],
    "subdistrict": ["ตำบล", "แขวง", "subdistrict", "sub-district", "tambon"],
    "address": ["ที่อยู่", "ที่ตั้ง", "address"],
    "host_type": ["ประเภทสถานที่", "สถานที่ตั้ง", "หน่วยงานที่ตั้ง", "host", "host type"],
    "contact_name": ["ผู้ประสานงาน", "ผู้ติดต่อ", "contact", "contact name"],
    "contact_phone": ["โทรศัพท์", "เบอร์โทร", "phone", "contact phone"],
    "contact_email": ["อีเมล", "e-mail", "email", "contact email"],
}
REQUIRED = ["code", "name_th", "province"]
FIELDS = [name for name in HEADER_ALIASES if name != "code"]

HOST_WORDS = {
    "วัด": HostType.TEMPLE,
    "มัสยิด": HostType.MOSQUE,
    "โรงเรียน": HostType.SCHOOL,
    "อบต": HostType.LOCAL_OFFICE,
    "องค์การบริหารส่วนตำบล": HostType.LOCAL_OFFICE,
    "เทศบาล": HostType.LOCAL_OFFICE,
    "ที่ทำการ": HostType.LOCAL_OFFICE,
    "ที่ว่าการ": HostType.LOCAL_OFFICE,
}


@dataclass
class CentreImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, list[str]]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _host_type(value: str) -> str | None:
    if not value:
        return HostType.OTHER
    key = header_key(value)
    for choice in HostType:
        if key in (header_key(choice.value), header_key(str(choice.label))):
            return choice.value
    for word, host in HOST_WORDS.items():
        if key.startswith(header_key(word)):
            return host
    return HostType.OTHER if key in ("อื่นๆ", "อื่น", "other") else None


def _province_lookup() -> dict[str, Province]:
    lookup = {}
    for province in Province.objects.all():
        for key in (province.code, province.name_th, province.name_en):
            lookup[header_key(key)] = province
        lookup[header_key(f"จังหวัด{province.name_th}")] = province
    lookup[header_key("กรุงเทพฯ")] = lookup[header_key("กรุงเทพมหานคร")]
    return lookup


def centre_import(*, actor: User, file_name: str, content: bytes) -> CentreImportResult:
    """Create or update centres from the national list; all rows or none."""
    if not scoping.is_national_admin(actor):
        raise CentreError(
            _("Only national admins can import the list of centres."), code="forbidden"
        )
    try:
        table = table_read(name=file_name, content=content, max_rows=MAX_ROWS)
        columns, _unknown = map_headers(table.headers, HEADER_ALIASES)
    except SpreadsheetError as error:
        raise CentreError(error.message, code=error.code) from error
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise CentreError(
            _("The file has no column for %(columns)s.")
            % {"columns": ", ".join(f"“{HEADER_ALIASES[name][0]}”" for name in missing)},
            code="missing_columns",
        )
    provinces = _province_lookup()
    result = CentreImportResult()
    wanted: dict[str, tuple[int, dict]] = {}
    for line, cells in table.rows:
        raw = {name: (cells[i] if i < len(cells) else "") for name, i in columns.items()}
        errors = []
        code = raw.get("code", "").strip().upper()
        if not code:
            errors.append(_("The centre code is missing."))
        elif len(code) > 20:
            errors.append(_("The centre code is longer than 20 characters."))
        elif code in wanted:
            errors.append(
                _("The code %(code)s is also on row %(line)s.")
                % {"code": code, "line": wanted[code][0]}
            )
        if not raw.get("name_th"):
            errors.append(_("The centre's Thai name is missing."))
        province = provinces.get(header_key(raw.get("province", "")))
        if province is None:
            errors.append(_("Unknown province “%(value)s”.") % {"value": raw.get("province", "")})
        host = _host_type(raw.get("host_type", ""))
        if host is None:
            errors.append(
                _("Unknown kind of host “%(value)s”: use วัด, มัสยิด, โรงเรียน, อบต./เทศบาล or อื่นๆ.")
                % {"value": raw.get("host_type", "")}
            )
        email = raw.get("contact_email", "").strip().lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(_("E-mail “%(value)s” is not an e-mail address.") % {"value": email})
        if errors:
            result.errors.append((line, errors))
            continue
        wanted[code] = (
            line,
            {
                "name_th": raw["name_th"][:200],
                "name_en": raw.get("name_en", "")[:200],
                "province_id": province.pk,
                "district": raw.get("district", "")[:100],
                "subdistrict": raw.get("subdistrict", "")[:100],
                "address": raw.get("address", ""),
                "host_type": host,
                "contact_name": raw.get("contact_name", "")[:200],
                "contact_phone": digits_ascii(raw.get("contact_phone", ""))[:20],
                "contact_email": email,
            },
        )
    if result.errors:
        return result
    with transaction.atomic():
        existing = {c.code: c for c in Centre.objects.filter(code__in=list(wanted))}
        to_create, to_update = [], []
        for code, (_line, values) in wanted.items():
            centre = existing.get(code)
            if centre is None:
                to_create.append(Centre(code=code, **values))
                continue
            changed = [name for name, value in values.items() if getattr(centre, name) != value]
            if changed:
                for name in changed:
                    setattr(centre, name, values[name])
                to_update.append(centre)
            else:
                result.unchanged += 1
        Centre.objects.bulk_create(to_create, batch_size=500)
        Centre.objects.bulk_update(to_update, FIELDS, batch_size=500)
        result.created, result.updated = len(to_create), len(to_update)
        log(
            instance=actor,
            action="lms.centre.import",
            user=actor,
            data={"created": result.created, "updated": result.updated, "file": file_name[:100]},
        )
    return result
