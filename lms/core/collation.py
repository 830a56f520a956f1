"""Thai order for lists sorted for people: เชียงราย, เชียงใหม่ before อ่างทอง.

Code-point order puts every word that starts with a leading vowel (เ แ โ ใ ไ) after
อ, and lets tone marks decide before the letters do. Thai dictionary order reads the
consonant first, then the vowel, and looks at tone marks only to break ties.

- In the database: `thai_order("name_th")` in `order_by()` or `Meta.ordering`
  sorts with the collation "thai": ICU's Thai rules on PostgreSQL (created by the
  migration core 0001), and `thai_compare` on SQLite (registered on each connection).
- In Python: `sorted(items, key=lambda item: thai_sort_key(item.name))`.
"""

import re
import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import F
from django.db.models.expressions import OrderBy
from django.db.models.functions import Collate

THAI_COLLATION = "thai"

_LEADING_VOWEL = re.compile(r"([\u0E40-\u0E44])([\u0E01-\u0E2E])")
# Tone marks, mai taikhu, thanthakhat and the other signs that only break ties.
_TIE_BREAKERS = re.compile(r"[\u0E47-\u0E4E]")


def _script_group(text: str) -> int:
    # As ICU's Thai rules: digits and signs first, then Thai, then other letters.
    if not text or not text[0].isalpha():
        return 0
    return 1 if "\u0e00" <= text[0] <= "\u0e7f" else 2


def thai_sort_key(text: str | None) -> tuple[int, str, str, str]:
    """A key that sorts Thai in dictionary order, then Latin ignoring case."""
    folded = unicodedata.normalize("NFC", text or "").casefold()
    # เชียง is read ช-เ-ี-ย-ง: the consonant before its leading vowel.
    consonant_first = _LEADING_VOWEL.sub(r"\2\1", folded)
    primary = _TIE_BREAKERS.sub("", consonant_first)
    return (_script_group(folded), primary, consonant_first, folded)


def thai_compare(left: str | None, right: str | None) -> int:
    """`thai_sort_key` as the three-way comparison SQLite's collations need."""
    left_key, right_key = thai_sort_key(left), thai_sort_key(right)
    return (left_key > right_key) - (left_key < right_key)


def thai_order(field: str, *, descending: bool = False) -> OrderBy:
    """`order_by(thai_order("name_th"))`: the column in Thai order, in the database."""
    collated = Collate(F(field), THAI_COLLATION)
    return collated.desc() if descending else collated.asc()


def _register_on_sqlite(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(THAI_COLLATION, thai_compare)


def register() -> None:
    """Called from CoreConfig.ready(): SQLite learns the collation on every connection."""
    connection_created.connect(_register_on_sqlite, dispatch_uid="lms.core.collation")
