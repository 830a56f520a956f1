from .attempts import AttemptAnswer, CloseReason, QuizAttempt
from .questions import (
    CHOICE_KINDS,
    PROMPT_FEATURES,
    AcceptedAnswer,
    Choice,
    MatchingPair,
    MultipleScoring,
    Question,
    QuestionBank,
    QuestionKind,
    QuestionTag,
)
from .quizzes import GradingMethod, Quiz, QuizDraw, QuizQuestion, RevealAnswers

__all__ = [
    "CHOICE_KINDS",
    "PROMPT_FEATURES",
    "AcceptedAnswer",
    "AttemptAnswer",
    "Choice",
    "CloseReason",
    "GradingMethod",
    "MatchingPair",
    "MultipleScoring",
    "Question",
    "QuestionBank",
    "QuestionKind",
    "QuestionTag",
    "Quiz",
    "QuizAttempt",
    "QuizDraw",
    "QuizQuestion",
    "RevealAnswers",
]
