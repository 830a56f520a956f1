"""Thai lines on the learner pages break only between words, at phone widths.

Every character of every text node is measured in Chromium (Range.getClientRects):
where the next visible character sits on a lower line than the one before, the line
wrapped there. A wrap between two Thai letters must fall on a word boundary of
PyThaiNLP's segmentation, and a date or a number with its unit ("20 นาที") must not
wrap at all.
"""

import re

from pythainlp.corpus import thai_words

from assessments.models import QuizAttempt
from lms.core.linebreaks import EXTRA_WORDS, thai_words_of

from .conftest import fits

WIDTHS = [320, 360, 414]
THAI_LETTER = re.compile(r"[\u0E01-\u0E4F]")
THAI_RUN = re.compile(r"[\u0E01-\u0E4F]+")
# A date as the pages write it, or a number followed by a Thai unit.
KEPT_TOGETHER = re.compile(
    r"[0-9\u0E50-\u0E59]{1,2}\s+\S+\s+พ\.ศ\.\s+[0-9\u0E50-\u0E59]{4}"
    r"|[0-9\u0E50-\u0E59][0-9\u0E50-\u0E59,.]*\s+[\u0E01-\u0E4F]"
)

# For each element that lays out lines (not display: inline), its text in document
# order and the places where a line wrapped: [index of the last character on the
# line, index of the first character on the next].
MEASURE = """
() => {
  const groups = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, svg')) continue;
    let box = parent;
    while (box && getComputedStyle(box).display === 'inline') box = box.parentElement;
    if (!groups.has(box)) groups.set(box, {text: '', tops: []});
    const group = groups.get(box);
    for (let i = 0; i < node.data.length; i++) {
      let top = null;
      if (!/\\s/.test(node.data[i])) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rects = range.getClientRects();
        if (rects.length && rects[0].width > 0) top = [rects[0].top, rects[0].height];
      }
      group.text += node.data[i];
      group.tops.push(top);
    }
  }
  const out = [];
  for (const group of groups.values()) {
    const wraps = [];
    let last = null;
    for (let i = 0; i < group.tops.length; i++) {
      const here = group.tops[i];
      if (!here) continue;
      if (last !== null) {
        const before = group.tops[last];
        if (here[0] > before[0] + Math.max(before[1], here[1]) * 0.5) wraps.push([last, i]);
      }
      last = i;
    }
    if (wraps.length) out.push({text: group.text, wraps: wraps});
  }
  return out;
}
"""


def _known(word: str) -> bool:
    return word in EXTRA_WORDS or word in _dictionary()


_WORDS: set[str] = set()


def _dictionary() -> set[str]:
    if not _WORDS:
        _WORDS.update(thai_words())
    return _WORDS


def bad_wraps(measured: list[dict]) -> tuple[int, list[str]]:
    """How many lines wrapped, and those that split a known word or a kept-together pair."""
    total, bad = 0, []
    for group in measured:
        text = group["text"]
        together = [match.span() for match in KEPT_TOGETHER.finditer(text)]
        for last, first in group["wraps"]:
            total += 1
            shown = f"{text[max(0, last - 12) : last + 1]}|{text[first : first + 12]}"
            if any(start <= last and first < end for start, end in together):
                bad.append(f"kept-together split: {shown}")
                continue
            if first != last + 1 or not (
                THAI_LETTER.match(text[last]) and THAI_LETTER.match(text[first])
            ):
                continue
            run = next(m for m in THAI_RUN.finditer(text) if m.start() <= last < m.end())
            offset, position = first - run.start(), 0
            for word in thai_words_of(run.group()):
                if position < offset < position + len(word) and _known(word):
                    bad.append(f"inside {word}: {shown}")
                position += len(word)
    return total, bad


def learner_pages(base, result) -> dict[str, str]:
    selling = result["courses"]["sell-products-online"]
    lesson = selling.get_children().live().specific().get(slug="photograph-products-with-a-phone")
    attempt = QuizAttempt.objects.filter(
        user__username="demo-learner", submitted_at__isnull=False
    ).first()
    pages = {
        "home": "/",
        "track": selling.get_parent().url,
        "course-list": "/courses/",
        "course": selling.url,
        "lesson": lesson.url,
        "activity-plan": result["activities"][0].url,
        "search": "/search/?q=ขายของออนไลน์",
        "dashboard": "/learn/",
        "certificates": "/certificates/",
        "credential-verify": "/credentials/verify/",
        "quiz": f"/quizzes/{attempt.quiz_id}/",
        "attempt-review": f"/quizzes/attempts/{attempt.pk}/review/",
        "profile": "/accounts/profile/",
    }
    return {name: base + url for name, url in pages.items()}


def log_in(page, base):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", "demo-learner")
    page.fill("#id_password", "demo-pass-2566")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url("**/learn/")


def test_thai_lines_break_only_between_words(demo, browser_page, shots, settings):
    settings.LMS_THAI_LINE_BREAKS = True
    base, result = demo
    urls = learner_pages(base, result)
    summary, problems = [], []
    for width in WIDTHS:
        viewport = {"width": width, "height": 800}
        page = browser_page(viewport)
        log_in(page, base)
        wraps, inside = 0, 0
        for name, url in urls.items():
            response = page.goto(url)
            assert response.status == 200, f"{name}: {response.status}"
            page.evaluate("document.fonts.ready")
            shots(page, f"{width}px-{name}")
            total, bad = bad_wraps(page.evaluate(MEASURE))
            wraps += total
            inside += len(bad)
            problems += [f"{width}px {name}: {problem}" for problem in bad]
            fits(page, viewport)
        summary.append(f"{width}px: {wraps} line wraps, {inside} inside a word")
        # The pages do wrap at this width: the test measured something.
        assert wraps > 50, summary
    print("; ".join(summary))
    assert problems == [], "\n".join(summary + problems)
