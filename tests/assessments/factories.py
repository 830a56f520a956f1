"""Questions and quizzes for tests, built the way a trainer would write them."""

from decimal import Decimal

from assessments.models import (
    AcceptedAnswer,
    Choice,
    MatchingPair,
    MultipleScoring,
    NumericAnswer,
    Question,
    QuestionKind,
    Quiz,
    QuizDraw,
    QuizQuestion,
)


def single_choice(right="ถูก", wrong=("ผิดหนึ่ง", "ผิดสอง"), **fields) -> Question:
    question = Question(kind=QuestionKind.SINGLE, prompt="<p>เลือกคำตอบที่ถูก</p>", **fields)
    question.choices = [Choice(text=right, is_correct=True, feedback=f"ป้อนกลับ-{right}")] + [
        Choice(text=text, feedback=f"ป้อนกลับ-{text}") for text in wrong
    ]
    question.save()
    return question


def multiple_choice(
    right=("ก", "ข"), wrong=("ค", "ง"), scoring=MultipleScoring.ALL_OR_NOTHING, **fields
) -> Question:
    question = Question(
        kind=QuestionKind.MULTIPLE, prompt="<p>เลือกทุกข้อที่ถูก</p>", scoring=scoring, **fields
    )
    question.choices = [Choice(text=t, is_correct=True) for t in right] + [
        Choice(text=t) for t in wrong
    ]
    question.save()
    return question


def true_false(answer=True, **fields) -> Question:
    return Question.objects.create(
        kind=QuestionKind.TRUE_FALSE,
        prompt="<p>ข้อความนี้จริงหรือไม่</p>",
        correct_answer_true=answer,
        **fields,
    )


def short_text(*accepted, **fields) -> Question:
    question = Question(kind=QuestionKind.SHORT_TEXT, prompt="<p>พิมพ์คำตอบ</p>", **fields)
    question.accepted_answers = [AcceptedAnswer(text=t) for t in accepted or ("พร้อมเพย์",)]
    question.save()
    return question


def numeric(answer="1250", tolerance="0", **fields) -> Question:
    question = Question(kind=QuestionKind.NUMERIC, prompt="<p>คำนวณ</p>", **fields)
    question.numeric_answers = [NumericAnswer(value=Decimal(answer), tolerance=Decimal(tolerance))]
    question.save()
    return question


def matching(pairs=(("แสง", "หน้าต่าง"), ("ฉาก", "ผ้าขาว"), ("มุม", "ด้านหน้า")), **fields):
    question = Question(kind=QuestionKind.MATCHING, prompt="<p>จับคู่</p>", **fields)
    question.pairs = [MatchingPair(prompt=p, answer=a) for p, a in pairs]
    question.save()
    return question


def essay(points=5, **fields) -> Question:
    fields.setdefault("prompt", "<p>อธิบายวิธีจัดแสงถ่ายรูปสินค้าของคุณ</p>")
    fields.setdefault("grader_info", "คำตอบที่ดีพูดถึงแสงจากหน้าต่างและฉากหลังสีขาว")
    return Question.objects.create(kind=QuestionKind.ESSAY, points=points, **fields)


def description(text="<p>ตอนที่ 2: อ่านตารางราคาด้านล่าง</p>", **fields) -> Question:
    return Question.objects.create(kind=QuestionKind.DESCRIPTION, prompt=text, **fields)


def one_of_each() -> list[Question]:
    return [
        single_choice(),
        multiple_choice(),
        true_false(),
        short_text(),
        numeric(),
        matching(),
    ]


def make_quiz(*, lesson=None, course=None, questions=(), draws=(), **settings) -> Quiz:
    settings.setdefault("is_live", True)
    settings.setdefault("title", "แบบทดสอบท้ายบท")
    quiz = Quiz(lesson=lesson, course=course, **settings)
    quiz.items = [QuizQuestion(question=q) for q in questions]
    quiz.draws = [QuizDraw(**draw) for draw in draws]
    quiz.save()
    return quiz
