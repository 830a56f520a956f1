"""Usernames from Thai names: the name in RTGS (`lms.core.rtgs`), as plain ASCII letters."""

import re

from lms.core.rtgs import romanise_words


def romanise_name(name: str) -> str:
    """A Thai (or English) name in plain lower-case ASCII letters: คำพอง → khamphong."""
    return re.sub(r"[^a-z]+", "", "".join(romanise_words(name, split=False)).casefold())
