"""Any question GIFT can hold, written and read back, is the same question.

Texts are drawn from GIFT's special characters, HTML's, Thai letters and marks
in any order, spaces and line breaks, then put in the form we store (the form a
reader of any file gives), so each drawn question is one an import could make.
"""

from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assessments.interchange.data import ImportFileError, QuestionData
from assessments.interchange.gift_read import gift_read
from assessments.interchange.gift_write import gift_write
from assessments.interchange.text_formats import clean_html, html_to_text, to_text
from assessments.validation import QuestionDraft, question_problems

from .gift_helpers import A, C, K, N

ALPHABET = "~=#{}:\\%[]<>&;-/*_$ \t\nabcTFxyzAB019กขคงมยร่้๊๋ัิีึืุูเแโใไาำะ็์ๆ๑"

raw = st.text(alphabet=ALPHABET, max_size=40)


def one_line(limit: int) -> st.SearchStrategy[str]:
    return raw.map(lambda text: to_text(text, "plain")[:limit].strip()).filter(
        lambda text: text and text == to_text(text, "plain")
    )


def lines(limit: int) -> st.SearchStrategy[str]:
    return raw.map(lambda text: to_text(text, "plain", multiline=True)[:limit].strip()).filter(
        lambda text: text == to_text(text, "plain", multiline=True)
    )


TAGS = ["", "b", "i", "sup", "sub"]


@st.composite
def rich(draw, *, required: bool = True) -> str:
    """Stored HTML: paragraphs of runs, some bold or italic, maybe a list."""
    paragraphs = []
    for _n in range(draw(st.integers(1 if required else 0, 3))):
        runs = []
        for _m in range(draw(st.integers(1, 3))):
            tag, text = draw(st.sampled_from(TAGS)), draw(raw)
            text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            runs.append(f"<{tag}>{text}</{tag}>" if tag else text)
        paragraphs.append("<p>" + "<br>".join(runs) + "</p>")
    if draw(st.booleans()):
        paragraphs.append("<ul><li>" + draw(raw).replace("<", "&lt;") + "</li></ul>")
    value = clean_html("".join(paragraphs))
    if required:
        assume(html_to_text(value).replace("_____", "").strip())
    return value


WEIGHT_SETS = [[100], [50, 50], [25, 75], ["33.33333"] * 3, [20] * 5, ["12.5"] * 8]
feedback = st.one_of(st.just(""), one_line(500))


@st.composite
def choices(draw, kind: str) -> list:
    positive = draw(st.sampled_from(WEIGHT_SETS[:1] if kind == K.SINGLE else WEIGHT_SETS))
    if kind == K.SINGLE:
        positive = positive + draw(st.lists(st.sampled_from([100, 50, 10]), max_size=2))
    others = draw(st.lists(st.sampled_from([0, -100, -50, "-33.33333"]), min_size=1, max_size=3))
    weights = draw(st.permutations(positive + others))
    return [C(draw(one_line(500)), weight, draw(feedback)) for weight in weights]


@st.composite
def questions(draw) -> QuestionData:
    kind = draw(st.sampled_from(list(K)))
    question = QuestionData(
        kind=kind,
        title=draw(st.one_of(st.just(""), one_line(255))),
        category=draw(st.lists(one_line(200), max_size=3)),
        prompt=draw(rich()),
    )
    if kind != K.DESCRIPTION:
        question.general_feedback = draw(rich(required=False))
    if kind in (K.SINGLE, K.MULTIPLE):
        question.choices = draw(choices(kind))
    elif kind == K.TRUE_FALSE:
        question.correct_answer_true = draw(st.booleans())
        question.feedback_correct = draw(lines(300))
        question.feedback_incorrect = draw(lines(300))
    elif kind == K.SHORT_TEXT:
        weights = [100, *draw(st.lists(st.sampled_from([100, 75, 50, 0]), max_size=3))]
        texts = st.one_of(one_line(200), st.just("*"))
        answers = [A(draw(texts), weight, draw(feedback)) for weight in weights]
        # "->" cannot be escaped: next to other answers it would make a matching question.
        assume(len(answers) == 1 or not any("->" in a.text for a in answers))
        question.answers = draw(st.permutations(answers))
    elif kind == K.NUMERIC:
        value = st.decimals(-(10**10), 10**10, places=4, allow_nan=False, allow_infinity=False)
        tolerance = st.decimals(0, 1000, places=4, allow_nan=False, allow_infinity=False)
        numbers = [N(draw(value), draw(tolerance), 100, draw(feedback))]
        numbers += [
            N(draw(st.one_of(st.none(), value)), draw(tolerance), weight, draw(feedback))
            for weight in draw(st.lists(st.sampled_from([50, 10, 0]), max_size=3))
        ]
        question.numbers = draw(st.permutations(numbers))
    elif kind == K.MATCHING:
        items = draw(st.lists(one_line(300), min_size=2, max_size=4))
        extras = draw(st.lists(st.just(""), max_size=2))
        question.pairs = [(item, draw(one_line(300))) for item in items + extras]
    assume(not question_problems(_draft(question)))
    return question


def _draft(question: QuestionData) -> QuestionDraft:
    return QuestionDraft(
        kind=question.kind,
        choices=[(c.text, c.weight > 0, c.weight) for c in question.choices],
        accepted_answers=[(a.text, a.weight) for a in question.answers],
        numbers=[(n.value, n.weight) for n in question.numbers],
        pairs=question.pairs,
        correct_answer_true=question.correct_answer_true,
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(questions(), min_size=1, max_size=4))
def test_write_then_read_gives_the_same_questions(drawn):
    text = gift_write(drawn)
    report = gift_read(text)
    assert [q.comparable() for q in report.questions] == [q.comparable() for q in drawn], text
    assert all(not q.error and not q.warnings for q in report.questions), text


# Pieces of GIFT, to make texts that look like GIFT and are broken in every way.
PIECES = [
    *"{}~=#:\\*%-> \n",
    "\n\n",
    "####",
    "->",
    "::",
    "//",
    "..",
    "$CATEGORY: ",
    "[html]",
    "[markdown]",
    "[plain]",
    "%50%",
    "%-100%",
    "T",
    "TRUE",
    "false",
    "<b>",
    "<img src=a.png>",
    "ข้อ",
    "ก่",
    "1",
    "-2.5",
    "1e5",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_any_text_gives_a_report_and_what_it_reads_is_written_back(text):
    try:
        report = gift_read(text)
    except ImportFileError:
        return
    if valid := report.valid:
        again = gift_read(gift_write(valid))
        assert [q.comparable() for q in again.questions] == [q.comparable() for q in valid]


def test_decimal_weights_survive_as_written():
    question = QuestionData(
        kind=K.MULTIPLE,
        prompt="<p>x</p>",
        choices=[C("a", Decimal("33.33333")), C("b", Decimal("66.66667")), C("c", -100)],
    )
    assert [c.weight for c in gift_read(gift_write([question])).questions[0].choices] == [
        Decimal("33.33333"),
        Decimal("66.66667"),
        Decimal(-100),
    ]
