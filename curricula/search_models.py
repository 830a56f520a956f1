"""The tables of the Thai-aware search index (curricula.search reads and writes them)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .choices import Track


class SearchEntry(models.Model):
    """Thai-aware search index: one row per live course, lesson and activity plan.

    Thai is written without spaces, so text is split into words with PyThaiNLP
    when a page is published (curricula.search) and stored as " word word ",
    with one SearchPosting per word for ranking. `text` is the page's plain text,
    from which result snippets are cut.
    """

    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        LESSON = "lesson", _("Lesson")
        ACTIVITY = "activity", _("Activity plan")

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    track = models.CharField(max_length=20, choices=Track.choices)
    title_tokens = models.TextField()
    tokens = models.TextField()
    text = models.TextField(blank=True, default="")
    length = models.PositiveIntegerField(default=0, help_text="Number of words in the page.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["locale", "kind"], name="curricula_search_locale_kind")]

    def __str__(self) -> str:
        return f"{self.kind} {self.page_id}"


class SearchPosting(models.Model):
    """One word of one indexed page, with how often it occurs: what ranking reads.

    A query word is looked up here (and its spelling variants and synonyms), so
    the database returns only the pages that contain one of them.
    """

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="postings")
    term = models.CharField(max_length=100)
    title_count = models.PositiveSmallIntegerField(default=0)
    body_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [
            models.UniqueConstraint(fields=["term", "entry"], name="curricula_posting_term_entry")
        ]

    def __str__(self) -> str:
        return f"{self.term} @ {self.entry_id}"


class SearchTerm(models.Model):
    """One indexed word of one language and how many pages hold it: the search vocabulary.

    Kept up to date as pages are indexed, so that a process reads only the words
    changed since it last looked (`generation`) instead of counting every posting
    again after each publish.
    """

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=100)
    # Zero once no page holds the word: the row stays so that readers learn it went.
    pages = models.PositiveIntegerField(default=0)
    generation = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("search vocabulary word")
        verbose_name_plural = _("search vocabulary words")
        constraints = [
            models.UniqueConstraint(fields=["locale", "term"], name="curricula_term_locale_term")
        ]
        indexes = [models.Index(fields=["locale", "generation"], name="curricula_term_generation")]

    def __str__(self) -> str:
        return f"{self.term} ({self.pages})"


class SearchIndexState(models.Model):
    """The search index's change counter (a single row).

    Every change to the index takes the next generation while holding this row's
    lock, so changes are numbered in the order they commit and a reader that has
    seen generation G has seen every change up to G.
    """

    generation = models.BigIntegerField(default=0)
    # The indexing code's format when the index was last rebuilt: an upgrade that
    # changes how pages are indexed rebuilds the index after migrating.
    format = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search index state")
        verbose_name_plural = _("search index state")

    def __str__(self) -> str:
        return f"generation {self.generation}"


class SearchSynonym(models.Model):
    """Words that mean the same to a searcher, kept by national admins.

    Searching for any word of a group also finds pages that use the others:
    ของ and สินค้า, มือถือ and โทรศัพท์, Excel and สเปรดชีต.
    """

    words = models.TextField(
        verbose_name=_("words"),
        help_text=_(
            "Words that mean the same, separated by commas or new lines, "
            "for example: มือถือ, โทรศัพท์, สมาร์ตโฟน"
        ),
    )
    note = models.CharField(verbose_name=_("note"), max_length=200, blank=True)

    panels = [FieldPanel("words"), FieldPanel("note")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["id"]

    def __str__(self) -> str:
        return ", ".join(self.word_list()[:4])

    def word_list(self) -> list[str]:
        """The words of the group, stripped, in the order the admin wrote them."""
        return [word.strip() for word in re.split(r"[,\n]+", self.words) if word.strip()]

    def clean(self):
        super().clean()
        if len(self.word_list()) < 2:
            raise ValidationError({"words": _("Write at least two words that mean the same.")})
