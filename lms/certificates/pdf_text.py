"""Thai text in certificate PDFs that reads back exactly (copy, search, screen readers).

Where the text is lost: HarfBuzz's Thai shaper decomposes SARA AM (ำ) into NIKHAHIT
and SARA AA glyphs and moves the NIKHAHIT before any tone mark (น้ำ is drawn
น ํ ้ า), merging them into one cluster. WeasyPrint then writes the font's ToUnicode
map, which gives each glyph one text: the SARA AA glyph is "ำ" or "า" depending on
which it met first, and the glyphs that open a merged cluster map to nothing, so
pdftotext gave จานวน for จำนวน, or ผู้อำนวยกำร, and น้ำ lost its tone mark. A
glyph-to-text map cannot be right for a glyph that stands for two texts.

The fix: each line of Thai text is drawn inside a marked-content span whose
/ActualText is the line's own text (PDF 32000-1 §14.9.4), which text extraction uses
instead of the glyphs' map. The glyphs, their positions and the fonts are unchanged.
WeasyPrint has no hook for this, so its line-drawing function is wrapped, once.
"""

import re
import threading

import pydyf
from weasyprint.draw import text as weasyprint_text

_THAI = re.compile(r"[\u0E00-\u0E7F]")
_lock = threading.Lock()
_installed = False


def _with_actual_text(draw_first_line):
    def draw_first_line_with_actual_text(stream, textbox, *args, **kwargs):
        text = textbox.text or ""
        if not _THAI.search(text):
            return draw_first_line(stream, textbox, *args, **kwargs)
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))
        try:
            return draw_first_line(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()

    draw_first_line_with_actual_text.wrapped = draw_first_line
    return draw_first_line_with_actual_text


def install() -> None:
    """Make WeasyPrint mark each line of Thai text with its ActualText (idempotent)."""
    global _installed
    with _lock:
        if _installed:
            return
        weasyprint_text.draw_first_line = _with_actual_text(weasyprint_text.draw_first_line)
        _installed = True
