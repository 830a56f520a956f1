"""Listing columns and field displays for the Wagtail admin that read well in Thai."""

from django.db.models import Model
from django.utils.text import capfirst
from django.utils.translation import pgettext_lazy

from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn

YES = pgettext_lazy("yes/no column", "Yes")
NO = pgettext_lazy("yes/no column", "No")


class YesNoColumn(BooleanColumn):
    """A yes/no value as an icon with a word beside it.

    Wagtail's own BooleanColumn shows only an icon whose tooltip is "True" or "False"."""

    cell_template_name = "core/admin/yes_no_cell.html"

    def __init__(self, name, yes=YES, no=NO, **kwargs):
        super().__init__(name, **kwargs)
        self.yes = yes
        self.no = no

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        value = context["value"]
        context["word"] = "—" if value is None else (self.yes if value else self.no)
        return context


def yes_no_column(model: type[Model], field_name: str, **kwargs) -> YesNoColumn:
    """A YesNoColumn labelled and sorted like the model field it shows."""
    field = model._meta.get_field(field_name)
    return YesNoColumn(
        field_name, label=capfirst(field.verbose_name), sort_key=field_name, **kwargs
    )


class YesNoDisplay(Component):
    """A yes/no field on an inspect page as a word: Wagtail would print the value,
    "True" or "False"."""

    def __init__(self, value):
        self.value = value

    def render_html(self, parent_context=None):
        if self.value is None:
            return "—"
        return str(YES if self.value else NO)
