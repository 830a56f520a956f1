"""What the Moodle XML reader and writer must agree on.

Category paths: Moodle writes a category as "$course$/top/Parent/Child", a
context, the invisible "top" category and the names; a "/" inside a name is
written "//".

Names: Moodle refuses a question without a name, so a question without a title
is written with the start of its text, and a name equal to the start of the
text is read as no title (the platform shows the start of the text for a
question without a title, so nothing is lost either way).

Our own settings that Moodle has no element for are written in elements that
Moodle's import skips (it reads only the elements it knows), so that a file we
write imports into Moodle and back into the platform unchanged: `<scoring>` (all
or nothing), `<correctfeedback>`/`<incorrectfeedback>` on types where Moodle has
no such feedback, and `<graderinfo>` on types other than essays.
"""

import re
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element, tostring

from django.utils.text import Truncator

from lms.core.numbers import digits_ascii

from .text_formats import HTML, MARKDOWN, MOODLE, PLAIN, html_to_text, to_text

# Moodle's names of text formats and ours, both ways.
FORMAT_NAMES = {
    "html": HTML,
    "moodle_auto_format": MOODLE,
    "plain_text": PLAIN,
    "markdown": MARKDOWN,
    "wiki_like": MOODLE,  # Moodle 1.x; later versions show it as auto-format text
}
TYPE_NAMES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true_false": "truefalse",
    "short_text": "shortanswer",
    "numeric": "numerical",
    "matching": "matching",
    "essay": "essay",
    "description": "description",
}
SCORING_ELEMENT = "scoring"
PLUGINFILE = "@@PLUGINFILE@@"
_CONTEXT = re.compile(r"^\$[a-z]+\$$")
TITLE_LENGTH = 80
_FALSE = {"false", "0", "no", ""}


def category_split(path: str) -> list[str]:
    """The names of a Moodle category path, without its context and "top"."""
    names, current, position = [], [], 0
    while position < len(path):
        if path.startswith("//", position):
            current.append("/")
            position += 2
        elif path[position] == "/":
            names.append("".join(current))
            current = []
            position += 1
        else:
            current.append(path[position])
            position += 1
    names.append("".join(current))
    names = [" ".join(name.split()) for name in names]
    if names and _CONTEXT.match(names[0]):
        names = names[1:]
    names = [name for name in names if name]
    if names and names[0] == "top":
        names = names[1:]
    return names


def category_join(names: list[str]) -> str:
    """The Moodle path of a category in the course's question bank."""
    return "/".join(["$course$", "top", *(name.replace("/", "//") for name in names)])


def default_title(prompt: str) -> str:
    """The name Moodle is given for a question without a title: the start of its text."""
    start = Truncator(to_text(html_to_text(prompt), PLAIN)).chars(TITLE_LENGTH)
    return to_text(start, PLAIN) or "—"  # in the form a name is read in


def decimal_text(value: Decimal) -> str:
    """A number as Moodle writes it: "100", "33.33333", "-50", "0.5" (no exponent)."""
    text = f"{value.normalize():f}"
    return "0" if text == "-0" else text


def inner_text(element: Element | None) -> str:
    """The text of a Moodle text element: its `<text>` child (or, in old files, itself)."""
    if element is None:
        return ""
    text = element.find("text")
    holder = text if text is not None else element
    value = holder.text or ""
    if text is not None and len(text):
        # HTML written without CDATA is parsed as elements: serialise it back.
        value += "".join(tostring(child, encoding="unicode") for child in text)
    return value.strip()


def text_format(element: Element | None, default: str) -> str:
    if element is None or element.get("format") is None:
        return default
    return FORMAT_NAMES.get(element.get("format").strip(), HTML)


def flag(element: Element, name: str) -> bool | None:
    """A yes/no setting: True, False or None when the element is missing."""
    value = element.findtext(name)
    if value is None:
        return None
    return value.strip().lower() not in _FALSE


def decimal_value(raw: str | None) -> Decimal | None:
    try:
        value = Decimal(digits_ascii((raw or "").strip()))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None
