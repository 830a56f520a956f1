from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from .models import MAX_TEXT_LENGTH, Assignment, Submission
from .services import Decision


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; each is checked by the upload service, not here."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        return data

    def clean(self, data, initial=None):
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        return [item for item in items if item]


class HandInForm(forms.Form):
    """The learner's work: text, photos, files, and consent to the class gallery."""

    text = forms.CharField(
        label=gettext_lazy("Your answer"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    photos = MultipleFileField(label=gettext_lazy("Add photos"))
    files = MultipleFileField(label=gettext_lazy("Add files"))
    share_in_gallery = forms.BooleanField(
        label=gettext_lazy(
            "If my work passes, others on this course may see it in the class gallery."
        ),
        required=False,
    )

    def __init__(self, *args, assignment: Assignment, current: Submission | None = None, **kwargs):
        initial = kwargs.setdefault("initial", {})
        if current is not None:
            initial.setdefault("text", current.text)
            initial.setdefault("share_in_gallery", current.share_in_gallery)
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        limits = _("Up to %(count)s photos and files, each at most %(size)s.") % {
            "count": assignment.max_files,
            "size": filesizeformat(assignment.max_file_bytes),
        }
        if assignment.accepts_text:
            text = self.fields["text"]
            text.label = assignment.text_label or _("Your answer")
            text.required = False  # checked when handing in, so drafts may be partial
            text.widget.attrs["maxlength"] = MAX_TEXT_LENGTH
        else:
            del self.fields["text"]
        if assignment.accepts_images:
            photos = self.fields["photos"]
            # accept="image/*" lets a phone offer its camera as well as its gallery.
            photos.widget.attrs.update({"accept": "image/*", "multiple": True})
            photos.help_text = _("Take them with your camera or choose them from your phone.")
            photos.help_text += " " + limits
        else:
            del self.fields["photos"]
        if assignment.accepts_files:
            files = self.fields["files"]
            types = assignment.allowed_extensions
            files.widget.attrs.update(
                {"accept": ",".join(f".{ext}" for ext in types), "multiple": True}
            )
            files.help_text = _("File types: %(types)s.") % {"types": ", ".join(types)}
            if not assignment.accepts_images:
                files.help_text += " " + limits
        else:
            del self.fields["files"]
        if not assignment.gallery_enabled:
            del self.fields["share_in_gallery"]


class ReviewForm(forms.Form):
    """A trainer's review: a level for each rubric criterion, feedback and the decision."""

    feedback = forms.CharField(
        label=gettext_lazy("Feedback for the learner"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Say what is good and, for a redo, exactly what to change. Required for a redo."
        ),
    )
    decision = forms.ChoiceField(
        choices=[
            (Decision.PASS, gettext_lazy("Pass")),
            (Decision.REDO, pgettext_lazy("assignment decision", "Redo")),
        ],
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, assignment: Assignment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        self.criterion_fields = []
        if assignment.uses_rubric:
            for criterion in assignment.criteria:
                name = f"criterion_{criterion.id}"
                self.fields[name] = forms.TypedChoiceField(
                    label=criterion.title,
                    help_text=criterion.description,
                    choices=[
                        (
                            level.index,
                            _("%(label)s (%(points)s points)")
                            % {"label": level.label, "points": level.points},
                        )
                        for level in criterion.levels
                    ],
                    coerce=int,
                    required=False,
                    widget=forms.RadioSelect,
                )
                self.criterion_fields.append(name)

    def levels(self) -> dict[str, int]:
        levels = {}
        for name in self.criterion_fields:
            value = self.cleaned_data.get(name)
            if value not in (None, ""):
                levels[name.removeprefix("criterion_")] = value
        return levels
