"""Forms: the learner's answer post, the admin question and quiz forms, the GIFT upload."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm

from lms.core.clean import text_clean

from .layout import RawAnswer
from .models import QuestionBank, Quiz
from .validation import QuestionDraft, question_problems

# q3 = the answer to question 3 (option numbers or text); q3-2 = item 2 of matching question 3.
_ANSWER_FIELD = re.compile(r"^q([0-9]{1,4})(?:-([0-9]{1,3}))?$")
MAX_POSTED_QUESTIONS = 500


class AnswerPostError(ValueError):
    pass


def parse_answer_post(data: QueryDict) -> dict[int, RawAnswer]:
    """Answers by position from a posted quiz form (the whole sheet, or one question).

    Each question on the sheet posts `present=<position>`, so a question whose
    boxes were all unticked is saved as cleared rather than ignored.
    """
    answers: dict[int, RawAnswer] = {}
    for value in data.getlist("present"):
        if not re.fullmatch(r"[0-9]{1,4}", value):
            raise AnswerPostError(_("The form was not sent correctly. Reload the page."))
        answers.setdefault(int(value), RawAnswer())
    for name in data:
        match = _ANSWER_FIELD.match(name)
        if not match:
            continue
        position = int(match.group(1))
        raw = answers.setdefault(position, RawAnswer())
        # The autosave endpoint posts here too: answers get the same form as any typed text.
        # Line breaks stay (an essay keeps its paragraphs); one-line answers lose them in
        # layout.response_from_raw.
        if match.group(2) is None:
            raw.values = [text_clean(value, multiline=True) for value in data.getlist(name)]
        else:
            raw.items[int(match.group(2))] = text_clean(data.get(name, ""))
    if len(answers) > MAX_POSTED_QUESTIONS:
        raise AnswerPostError(_("The form was not sent correctly. Reload the page."))
    return answers


# --- Admin ----------------------------------------------------------------------------------


def _live_forms(formset):
    formset.is_valid()
    for form in formset.forms:
        if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
            continue
        if form.cleaned_data:
            yield form.cleaned_data


class QuestionAdminForm(WagtailAdminModelForm):
    """Checks the question against its inline choices, pairs and accepted answers."""

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if not kind:
            return cleaned
        draft = QuestionDraft(
            kind=kind,
            choices=[
                (row.get("text") or "", bool(row.get("is_correct")), row.get("weight"))
                for row in _live_forms(self.formsets["choices"])
            ],
            accepted_answers=[
                (row.get("text") or "", row.get("weight") or Decimal(0))
                for row in _live_forms(self.formsets["accepted_answers"])
            ],
            numbers=[
                (row.get("value"), row.get("weight") or Decimal(0))
                for row in _live_forms(self.formsets["numeric_answers"])
            ],
            pairs=[
                (row.get("prompt") or "", row.get("answer") or "")
                for row in _live_forms(self.formsets["pairs"])
            ],
            correct_answer_true=cleaned.get("correct_answer_true"),
        )
        for field_name, message in question_problems(draft).items():
            if field_name in self.fields:
                self.add_error(field_name, message)
            else:
                self.add_error(None, message)
        return cleaned


class QuizAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_live"):
            items = list(_live_forms(self.formsets["items"]))
            draws = list(_live_forms(self.formsets["draws"]))
            if not items and not draws:
                self.add_error(
                    "is_live",
                    _("Add questions or random questions before opening the quiz to learners."),
                )
        return cleaned


class BankChoiceField(forms.ModelChoiceField):
    """Banks by their path, "Selling online / Pricing", so nested banks can be told apart.

    Paths are long: the list takes the form's width and no more (a phone is 360 px).
    """

    widget = forms.Select(attrs={"class": "w-w-full"})

    def label_from_instance(self, obj):
        return " / ".join(obj.path_names())


class QuestionUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Question file"),
        help_text=gettext_lazy(
            "A GIFT text file or a Moodle XML file, as Moodle exports question banks (up to 20 MB)."
        ),
    )
    bank = BankChoiceField(
        queryset=QuestionBank.objects.select_related("parent__parent__parent"),
        required=False,
        label=gettext_lazy("Add the questions to this bank"),
        help_text=gettext_lazy("Categories in the file become banks inside it."),
    )
    new_bank = forms.CharField(
        max_length=200,
        required=False,
        label=gettext_lazy("or to a new bank named"),
    )
    quiz = forms.ModelChoiceField(
        queryset=Quiz.objects.all(),
        required=False,
        label=gettext_lazy("Also add them to this quiz"),
        help_text=gettext_lazy("Optional. They are added after the quiz's own questions."),
    )
    import_valid = forms.BooleanField(
        required=False,
        label=gettext_lazy("If some questions have errors, import the others anyway"),
        help_text=gettext_lazy(
            "Leave this off to import nothing from a file with errors and see the report first."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        bank, new_bank = cleaned.get("bank"), (cleaned.get("new_bank") or "").strip()
        if bank and new_bank:
            raise ValidationError(_("Choose an existing bank or name a new one, not both."))
        if not bank and not new_bank:
            raise ValidationError(_("Choose the bank the questions go into, or name a new one."))
        if new_bank and QuestionBank.objects.filter(parent__isnull=True, name=new_bank).exists():
            self.add_error("new_bank", _("A bank with this name exists; choose it above."))
        cleaned["new_bank"] = new_bank
        return cleaned


class QuestionExportForm(forms.Form):
    bank = BankChoiceField(
        queryset=QuestionBank.objects.select_related("parent__parent__parent"),
        required=False,
        label=gettext_lazy("Question bank (with the banks inside it)"),
    )
    quiz = forms.ModelChoiceField(
        queryset=Quiz.objects.all(), required=False, label=gettext_lazy("or quiz")
    )
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[("gift", gettext_lazy("GIFT (text)")), ("xml", gettext_lazy("Moodle XML"))],
        initial="xml",
        widget=forms.RadioSelect,
    )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("bank")) == bool(cleaned.get("quiz")):
            raise ValidationError(_("Choose a question bank or a quiz to export (one of the two)."))
        return cleaned


class ImportConfirmForm(forms.Form):
    """Import the valid part of a file already checked (kept in the session)."""

    token = forms.CharField(max_length=64)
