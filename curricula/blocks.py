"""What an author can put in a lesson (and in an activity plan's steps)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Sub-section"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Description for screen readers"),
        required=False,
        max_length=250,
        help_text=_("What the picture shows. Leave empty if the caption already says it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/image_block.html"


class VideoBlock(blocks.StructBlock):
    url = EmbedBlock(
        label=_("Video link"),
        required=False,
        help_text=_("A YouTube or Vimeo address."),
    )
    file = DocumentChooserBlock(
        label=_("Video file"),
        required=False,
        help_text=_("An MP4 or WebM file kept on this site: it works where the internet is slow."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("What is said in the video, for learners who cannot play it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("url") and not value.get("file"):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Give a video link or choose a video file."))
                }
            )
        return value


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "blocks/download_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("note", _("Note")), ("warning", _("Be careful"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=SHORT_RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Tip or callout")
        template = "blocks/callout_block.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    text = blocks.RichTextBlock(
        label=_("Details"), required=False, features=SHORT_RICH_TEXT_FEATURES
    )
    image = ImageChooserBlock(label=_("Picture"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        template = "blocks/steps_block.html"


class PracticeBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Task"), max_length=200)
    instructions = blocks.RichTextBlock(label=_("What to do"), features=SHORT_RICH_TEXT_FEATURES)
    duration_minutes = blocks.IntegerBlock(
        label=_("Time needed (minutes)"), required=False, min_value=1, max_value=600
    )
    checklist = blocks.ListBlock(
        blocks.CharBlock(max_length=200), label=_("Check when done"), default=[]
    )

    class Meta:
        icon = "tasks"
        label = _("Hands-on practice")
        template = "blocks/practice_block.html"


class H5PBlock(blocks.StructBlock):
    # Named as a string: the H5P app sits above curricula and registers the model.
    content = SnippetChooserBlock("h5p.H5PContent", label=_("Interactive activity (H5P)"))
    completes_lesson = blocks.BooleanBlock(
        label=_("Completing this activity finishes the lesson"), required=False
    )
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_("Leave empty to count completing the activity, whatever the score."),
    )

    class Meta:
        icon = "pick"
        label = _("Interactive activity (H5P)")
        template = "h5p/blocks/h5p_block.html"


class LessonBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html"
    )
    heading = HeadingBlock()
    image = ImageBlock()
    video = VideoBlock()
    download = DownloadBlock()
    callout = CalloutBlock()
    steps = StepsBlock()
    practice = PracticeBlock()
    h5p = H5PBlock()


class ActivityStepsBlock(blocks.StreamBlock):
    step = StepBlock(template="blocks/activity_step_block.html")
