"""The Sarabun font for documents rendered on the server (PDFs).

The files come from the same npm package the web pages use, found through the
static-files finders, so there is one copy of the font and no network access.
"""

from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured

_SUBSETS = ("latin", "thai")
WEIGHTS = (400, 700)


def sarabun_file(subset: str, weight: int) -> Path:
    name = f"vendor/sarabun/sarabun-{subset}-{weight}-normal.woff"
    found = finders.find(name)
    if not found:
        raise ImproperlyConfigured(f"Font file {name} not found: run `npm ci` (make install).")
    return Path(found)


@cache
def sarabun_font_face_css() -> str:
    """@font-face rules naming every Sarabun file by its absolute file:// URL.

    The Thai and Latin files are declared as two families rather than one family
    split by unicode-range, which WeasyPrint does not apply to list markers; use
    them together as `font-family: SarabunLatin, SarabunThai` (see FONT_STACK).
    """
    rules = []
    for weight in WEIGHTS:
        for subset in _SUBSETS:
            url = sarabun_file(subset, weight).as_uri()
            rules.append(
                f"@font-face {{ font-family: 'Sarabun{subset.title()}'; font-style: normal; "
                f"font-weight: {weight}; src: url('{url}') format('woff'); }}"
            )
    return "\n".join(rules)


FONT_STACK = "'SarabunLatin', 'SarabunThai'"
