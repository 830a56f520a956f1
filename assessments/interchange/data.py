"""The neutral form of a question between a file and the database.

Texts come in two kinds: `prompt` and `general_feedback` are HTML in the
subset a question's rich text allows (see text_formats.clean_html); every other
text is plain text, shown escaped. Weights are percentages as in Moodle's
answer "grade" (100 full marks, 50 half, -100 takes the question's marks away).
"""

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from ..models import MultipleScoring, QuestionKind


@dataclass
class ChoiceData:
    text: str
    weight: Decimal
    feedback: str = ""

    @property
    def is_correct(self) -> bool:
        return self.weight > 0


@dataclass
class AnswerData:
    """An accepted short answer; "*" in the text stands for any text."""

    text: str
    weight: Decimal = Decimal(100)
    feedback: str = ""


@dataclass
class NumberData:
    """An accepted number; value None matches every number (Moodle's "*")."""

    value: Decimal | None
    tolerance: Decimal = Decimal(0)
    weight: Decimal = Decimal(100)
    feedback: str = ""


@dataclass
class ImageData:
    name: str
    content: bytes
    alt: str = ""


@dataclass
class QuestionData:
    number: int = 0  # position in the file, from 1
    line: int = 0  # first line in the file (0: not known)
    source: str = ""  # the question as written in the file, for the report
    category: list[str] = field(default_factory=list)  # bank path below the chosen bank
    title: str = ""
    kind: str = ""
    prompt: str = ""  # HTML
    general_feedback: str = ""  # HTML
    points: int = 1
    choices: list[ChoiceData] = field(default_factory=list)
    scoring: str = MultipleScoring.PARTIAL
    answers: list[AnswerData] = field(default_factory=list)
    numbers: list[NumberData] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (item, match); item "" = extra
    correct_answer_true: bool | None = None
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    grader_info: str = ""
    image: ImageData | None = None
    tags: list[str] = field(default_factory=list)  # free tags, as Moodle's question tags
    # What could not be carried over as written: what Moodle would do and what we did.
    warnings: list[str] = field(default_factory=list)
    error: str = ""  # set: the question cannot be imported, and says why

    @property
    def is_valid(self) -> bool:
        return not self.error

    @property
    def kind_label(self) -> str:
        return QuestionKind(self.kind).label if self.kind else ""

    def comparable(self) -> dict:
        """What makes two questions the same, whatever file they came from.

        Leaves out where the question stood in its file, its report and the
        picture's file name (formats name pictures their own way).
        """
        data = asdict(self)
        for key in ("number", "line", "source", "warnings", "error"):
            data.pop(key)
        if self.image is not None:
            data["image"] = {"content": self.image.content, "alt": self.image.alt}
        for group in ("choices", "answers", "numbers"):
            for row in data[group]:
                row["weight"] = row["weight"].normalize()
        for row in data["numbers"]:
            row["tolerance"] = row["tolerance"].normalize()
            if row["value"] is not None:
                row["value"] = row["value"].normalize()
        data["pairs"] = [tuple(pair) for pair in data["pairs"]]
        data["tags"] = sorted(set(data["tags"]))  # a set of labels, kept in any order
        if self.kind == QuestionKind.DESCRIPTION:
            data["points"] = 0  # a description earns nothing, whatever a file says
        return data

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


@dataclass
class ImportReport:
    """Every question of one file, and notes about the file as a whole."""

    format: str = ""  # "gift" or "moodle_xml"
    questions: list[QuestionData] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> list[QuestionData]:
        return [q for q in self.questions if q.is_valid]

    @property
    def invalid(self) -> list[QuestionData]:
        return [q for q in self.questions if not q.is_valid]


class ImportFileError(ValueError):
    """The file as a whole cannot be read; the message says why, in the user's language."""
