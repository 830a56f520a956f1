"""The rubric an author writes: criteria, each with its levels and their points."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class RubricLevelBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Level"), max_length=100, help_text=_("For example: Good"))
    points = blocks.IntegerBlock(label=_("Points"), min_value=0, max_value=100)
    description = blocks.TextBlock(
        label=_("What work at this level looks like"), required=False, max_length=500
    )

    class Meta:
        icon = "order"
        label = _("Level")


class RubricCriterionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Criterion"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=500)
    levels = blocks.ListBlock(RubricLevelBlock(), label=_("Levels"), min_num=2, max_num=6)

    class Meta:
        icon = "tasks"
        label = _("Criterion")

    def clean(self, value):
        value = super().clean(value)
        labels = [level["label"].strip().casefold() for level in value["levels"]]
        if len(set(labels)) != len(labels):
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError(_("Give each level of a criterion its own name."))
                ]
            )
        return value


class RubricBlock(blocks.StreamBlock):
    criterion = RubricCriterionBlock()

    class Meta:
        max_num = 12
