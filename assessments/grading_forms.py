"""The trainer's form for grading the essays of one attempt: points and a comment each."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _

from .grading import CENT
from .grading_selectors import EssayToGrade
from .grading_services import MAX_COMMENT
from .normalise import parse_number


class EssayGradeForm(forms.Form):
    """One points field and one comment field per written essay.

    Points may be typed in Thai digits ("๒.๕"), as numbers are everywhere else on
    the platform; the service checks them again.
    """

    def __init__(self, *args, essays: list[EssayToGrade], **kwargs):
        super().__init__(*args, **kwargs)
        # An essay left empty was given no marks on submission: nothing to grade.
        self.essays = [essay for essay in essays if essay.text.strip()]
        for essay in self.essays:
            points = forms.CharField(
                label=_("Points (0 to %(most)s)") % {"most": essay.points},
                max_length=20,
                initial=_number(essay.awarded),
                widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
                error_messages={"required": _("Give this answer its points.")},
            )
            self.fields[f"points-{essay.answer_id}"] = points
            self.fields[f"comment-{essay.answer_id}"] = forms.CharField(
                label=_("Comment for the learner"),
                required=False,
                max_length=MAX_COMMENT,
                initial=essay.comment,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("Optional. The learner reads it with their answer."),
            )

    def clean(self):
        cleaned = super().clean()
        for essay in self.essays:
            name = f"points-{essay.answer_id}"
            if name not in cleaned:
                continue
            value = parse_number(cleaned[name])
            if value is None or not 0 <= value <= essay.points:
                self.add_error(
                    name, _("Give between 0 and %(most)s points.") % {"most": essay.points}
                )
            elif value != value.quantize(CENT):
                self.add_error(name, _("Use at most two decimal places, for example 2.5."))
            else:
                cleaned[name] = value
        return cleaned

    def rows(self) -> list[tuple[EssayToGrade, forms.BoundField, forms.BoundField]]:
        """Each essay with its two fields, for the template."""
        return [
            (essay, self[f"points-{essay.answer_id}"], self[f"comment-{essay.answer_id}"])
            for essay in self.essays
        ]

    def grades(self) -> dict[int, tuple[Decimal, str]]:
        """What essay_grade takes: answer id → (points, comment)."""
        return {
            essay.answer_id: (
                self.cleaned_data[f"points-{essay.answer_id}"],
                self.cleaned_data[f"comment-{essay.answer_id}"],
            )
            for essay in self.essays
        }


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}"
