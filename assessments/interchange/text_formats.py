"""Texts written in Moodle's four formats, made into what a question stores.

Moodle marks each text with its format: HTML, "Moodle auto-format" (HTML in
which line breaks count), plain text and Markdown. A question's prompt and
general feedback are stored as HTML in the subset its rich text editor allows;
answers, matching items and feedback are stored as plain text.

    html      sanitised: only paragraphs, line breaks, bold, italic, lists,
              superscript and subscript stay; scripts and their content go
    moodle    as html, and a line break in the text is a line break
    plain     escaped: "<b>" stays the four characters it is
    markdown  rendered (Python-Markdown), then sanitised as html

`clean_html` is idempotent, so a text exported and imported again is stored
the same.
"""

import html
import re

import markdown as markdown_lib
import nh3

from lms.core.clean import text_clean

HTML, MOODLE, PLAIN, MARKDOWN = "html", "moodle", "plain", "markdown"
FORMATS = (HTML, MOODLE, PLAIN, MARKDOWN)

# The tags of the prompt's rich text features (models.PROMPT_FEATURES) in Wagtail's
# stored form, which writes bold as <b> and italic as <i>.
ALLOWED_TAGS = {"p", "br", "b", "i", "ul", "ol", "li", "sup", "sub"}
_RENAME = {"strong": "b", "em": "i"}
_BLOCK = {"p", "ul", "ol"}
_TAG_NAME = re.compile(r"<(/?)(strong|em)(\s[^>]*)?>", re.IGNORECASE)
# Headings, table cells and divisions end a line when their tags are dropped.
_BREAKING_END = re.compile(
    r"</(h[1-6]|div|tr|table|blockquote|pre|section|article|header|footer)\s*>", re.IGNORECASE
)
_SPACE = re.compile(r"[ \t\r\n\f]+")
_LOOSE_BLOCK = re.compile(r"^\s*<(p|ul|ol)[\s>]", re.IGNORECASE)
_EMPTY_P = re.compile(r"<p>(\s|<br>)*</p>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PARAGRAPH_END = re.compile(r"</p\s*>|</li\s*>|</h[1-6]\s*>|</div\s*>|</tr\s*>", re.IGNORECASE)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def _sanitise(value: str) -> str:
    value = _TAG_NAME.sub(lambda m: f"<{m.group(1)}{_RENAME[m.group(2).lower()]}>", value)
    value = _BREAKING_END.sub(lambda m: m.group(0) + "<br>", value)
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes={},
        clean_content_tags={"script", "style", "template", "iframe", "object", "noscript"},
        link_rel=None,
        strip_comments=True,
    )


def _paragraphs_from_lines(text: str) -> str:
    """Escaped-or-HTML text whose blank lines separate paragraphs and line breaks count."""
    blocks = [b.strip() for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    return "".join(
        "<p>" + "<br>".join(line.strip() for line in b.split("\n")) + "</p>" for b in blocks
    )


def clean_html(value: str) -> str:
    """HTML reduced to the allowed subset, whitespace settled, loose text in a paragraph.

    clean_html(clean_html(x)) == clean_html(x): one pass can leave tags to balance again
    (loose bold text before a list is wrapped in a paragraph that ends inside the bold),
    so passes repeat until nothing changes.
    """
    value = _clean_once(value)
    for _pass in range(3):
        again = _clean_once(value)
        if again == value:
            break
        value = again
    # Wagtail's rich text is stored with self-closed line breaks; its editor reads no other.
    return value.replace("<br>", "<br/>")


def _clean_once(value: str) -> str:
    value = text_clean(value or "", multiline=True)
    value = _sanitise(value)
    value = _SPACE.sub(" ", value).strip()
    value = re.sub(r"\s*(</?(?:p|ul|ol|li)>|<br>)\s*", r"\1", value)
    value = _tidy_breaks(value)
    if not value:
        return ""
    if not _LOOSE_BLOCK.match(value):
        # Text outside any paragraph: wrap the run of inline content up to the first block.
        match = re.search(r"<(p|ul|ol)>", value)
        head, tail = (value[: match.start()], value[match.start() :]) if match else (value, "")
        # The new paragraph may begin or end with a line break: tidy again.
        value = _tidy_breaks(f"<p>{head}</p>{tail}" if head.strip() else tail)
    # Dropped tags and settled spaces can bring Thai marks together that the first
    # cleaning saw apart ("ะ<b></b> ะ"): clean the text once more.
    return text_clean(value, multiline=True)


def _tidy_breaks(value: str) -> str:
    """No line break at the start or end of a paragraph or item, no empty paragraph."""
    value = re.sub(r"(<br>)+(</p>|</li>)", r"\2", value)
    value = re.sub(r"(<p>|<li>)(<br>)+", r"\1", value)
    return _EMPTY_P.sub("", value)


def to_html(text: str, fmt: str = MOODLE) -> str:
    """A prompt or general feedback written in `fmt`, as stored HTML."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if fmt == PLAIN:
        return clean_html(_paragraphs_from_lines(html.escape(text.strip(), quote=False)))
    if fmt == MARKDOWN:
        return clean_html(markdown_lib.markdown(text.strip()))
    if fmt == MOODLE:
        if re.search(r"<(p|div|br|ul|ol|table)\b", text, re.IGNORECASE):
            return clean_html(text)
        return clean_html(_paragraphs_from_lines(text.strip()))
    return clean_html(text)


def html_to_text(value: str) -> str:
    """The words of an HTML text, lines kept: for fields that store plain text."""
    value = _IMG.sub("", value or "")
    value = _BR.sub("\n", value)
    value = _PARAGRAPH_END.sub(lambda m: m.group(0) + "\n", value)
    value = nh3.clean(
        value, tags=set(), clean_content_tags={"script", "style"}, strip_comments=True
    )
    value = html.unescape(value)
    lines = [" ".join(line.split()) for line in value.split("\n")]
    return "\n".join(line for line in lines if line).strip()


def to_text(text: str, fmt: str = MOODLE, *, multiline: bool = False) -> str:
    """An answer, matching item or feedback written in `fmt`, as stored plain text.

    to_text(to_text(x), PLAIN) == to_text(x): joining words can bring Thai vowels
    together that the Thai repairs then rule on (two "ใ" around a no-break space),
    so the cleaning repeats until nothing changes.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if fmt == MARKDOWN:
        text = html_to_text(markdown_lib.markdown(text.strip()))
    elif fmt == HTML or (fmt == MOODLE and re.search(r"</?[a-zA-Z][^>]*>|&[#a-zA-Z0-9]+;", text)):
        text = html_to_text(text if fmt == HTML else text.replace("\n", "<br>"))
    for _pass in range(4):
        again = text_clean(text, multiline=multiline).strip()
        if not multiline:
            again = " ".join(again.split())
        if again == text:
            break
        text = again
    return text


def has_markup(value: str) -> bool:
    """Whether stored HTML holds more than paragraphs and line breaks (bold, lists …)."""
    return bool(re.search(r"<(b|i|ul|ol|li|sup|sub)>", value or ""))
