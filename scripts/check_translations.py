"""Fail when the Thai catalogue has untranslated or fuzzy strings, or a .mo file
does not match its .po (someone edited the .po and forgot `make messages`)."""

import gettext
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
problems: list[str] = []

for po_path in sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po")):
    language = po_path.parts[-3]
    po = polib.pofile(str(po_path))
    mo_path = po_path.with_suffix(".mo")
    if language == "th":
        for entry in po:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                problems.append(f"{po_path}: fuzzy: {entry.msgid!r}")
            elif not entry.translated():
                problems.append(f"{po_path}: untranslated: {entry.msgid!r}")
    if not mo_path.exists():
        problems.append(f"{mo_path}: missing (run `make messages`)")
        continue
    with mo_path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in po.translated_entries():
        if "fuzzy" in entry.flags or entry.msgid_plural:
            continue
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if compiled._catalog.get(key) != entry.msgstr:
            problems.append(f"{mo_path}: out of date for {entry.msgid!r} (run `make messages`)")
            break

if problems:
    print("\n".join(problems))
    sys.exit(1)
print("Translations complete.")
