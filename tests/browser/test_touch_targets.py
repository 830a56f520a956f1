"""Every link and control a learner uses on a phone is at least 44 × 44 CSS pixels, on every
learner and public page of the journeys at 360 px.

What counts as the target is what a finger can press: a link stretched over its card is
the card; a checkbox or radio button is its label. A link inside a sentence is the one
exception (WCAG 2.5.5's inline exception): making it taller would spread the lines apart.
"""

from .conftest import PHONE
from .test_accessibility import _pages
from .test_centre_journey import log_in

MINIMUM = 44

# Runs in the page: every visible control with the box a finger can press.
MEASURE = """
(minimum) => {
  const controls = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]");
  const small = [];
  const boxOf = (element) => {
    for (const pseudo of ["::before", "::after"]) {
      const style = getComputedStyle(element, pseudo);
      if (style.content !== "none" && style.position === "absolute") {
        let holder = element.parentElement;
        while (holder && getComputedStyle(holder).position === "static") holder = holder.parentElement;
        if (holder) return holder.getBoundingClientRect();
      }
    }
    if (element.matches("input[type=checkbox], input[type=radio]")) {
      const label = element.closest("label") || (element.id && document.querySelector(`label[for="${element.id}"]`));
      if (label) return label.getBoundingClientRect();
    }
    return element.getBoundingClientRect();
  };
  const inSentence = (element) => {
    if (element.tagName !== "A") return false;
    if (getComputedStyle(element).display !== "inline") return false;
    const block = element.closest("p, li, dd, td, figcaption, label, .help, .muted");
    if (!block) return false;
    const text = block.textContent.replace(/\\s+/g, " ").trim();
    const own = element.textContent.replace(/\\s+/g, " ").trim();
    return text.length > own.length + 2;
  };
  for (const element of controls) {
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (!rect.width || !rect.height || style.visibility === "hidden") continue;
    if (element.closest(".visually-hidden, [hidden], .skip-link")) continue;
    if (inSentence(element)) continue;
    const box = boxOf(element);
    if (box.width + 0.5 < minimum || box.height + 0.5 < minimum) {
      const name = (element.getAttribute("aria-label") || element.textContent || element.name || element.type || "")
        .replace(/\\s+/g, " ").trim().slice(0, 40);
      small.push(`${element.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return small;
}
"""


def test_every_learner_control_is_big_enough_for_a_finger(demo, playwright_browser):
    base, result = demo
    public, learner = _pages(result)
    context = playwright_browser.new_context(viewport=PHONE, locale="th-TH")
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    checked = 0
    try:
        for group, paths in (("anonymous", public), ("learner", learner)):
            if group == "learner":
                log_in(page, base, "demo-learner")
            for path in paths:
                page.goto(base + path)
                problems += [
                    f"[{group}] {path}: {what}" for what in page.evaluate(MEASURE, MINIMUM)
                ]
                checked += 1
    finally:
        context.close()
    print(f"touch targets: {checked} pages at 360 px, {len(problems)} too small")
    assert not problems, "targets under 44 × 44 px:\n" + "\n".join(problems)
