"""Reads for "download for offline": every address a device keeps to read a course offline.

The list is built from the lessons' stored content (their raw StreamField data), so
the number of queries stays the same however many lessons, pictures and files a
course has.
"""

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Max, Q
from django.http import HttpRequest
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from assessments.models import Quiz, QuizQuestion
from curricula.models import CoursePage
from curricula.selectors import canonical_page, course_lessons
from lms.assignments.models import Assignment
from lms.learning.selectors import active_enrollment
from lms.users.models import User

# The renditions the lesson templates ask for (templates/blocks/image_block.html and
# steps_block.html): a phone's srcset picks one of the first three by its pixel density.
IMAGE_BLOCK_SPECS = tuple(Filter.expand_spec(["max-{360x270,720x540,960x720}", "format-webp"]))
STEP_IMAGE_SPECS = ("max-640x480",)

# A page's HTML, compressed, as the page-weight test measures it: an estimate is enough
# for "about how much space".
PAGE_BYTES = 30_000
# A phone-sized WebP photo, when the original's size is not recorded.
BYTES_PER_PIXEL = 0.15

_DOCUMENT_LINK = re.compile(r"""<a\b[^>]*\blinktype=["']document["'][^>]*\bid=["'](\d+)["']""")
_DOCUMENT_LINK_REVERSED = re.compile(
    r"""<a\b[^>]*\bid=["'](\d+)["'][^>]*\blinktype=["']document["']"""
)


@dataclass
class CourseDownload:
    course: CoursePage
    version: str
    bytes: int
    urls: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "course": self.course.pk,
            "title": self.course.title,
            "version": self.version,
            "bytes": self.bytes,
            "urls": self.urls,
        }


@dataclass
class _Content:
    """What the lessons' bodies use: image id → rendition specs, and document ids."""

    images: dict[int, set[str]] = field(default_factory=dict)
    documents: set[int] = field(default_factory=set)

    def add_image(self, value, specs: Iterable[str]) -> None:
        if isinstance(value, int):
            self.images.setdefault(value, set()).update(specs)

    def add_document(self, value) -> None:
        if isinstance(value, int):
            self.documents.add(value)


def _list_items(value) -> Iterator[dict]:
    # A ListBlock is stored as [{"type": "item", "value": ..., "id": ...}] (or, in
    # content saved by older Wagtail versions, as a plain list of values).
    for item in value or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            item = item["value"]
        if isinstance(item, dict):
            yield item


def _read_body(raw: Iterable[dict], content: _Content) -> None:
    for block in raw:
        kind, value = block.get("type"), block.get("value")
        if kind == "image" and isinstance(value, dict):
            content.add_image(value.get("image"), IMAGE_BLOCK_SPECS)
        elif kind == "steps" and isinstance(value, dict):
            for step in _list_items(value.get("steps")):
                content.add_image(step.get("image"), STEP_IMAGE_SPECS)
        elif kind == "download" and isinstance(value, dict):
            content.add_document(value.get("document"))
        elif kind == "paragraph" and isinstance(value, str):
            for pattern in (_DOCUMENT_LINK, _DOCUMENT_LINK_REVERSED):
                for match in pattern.finditer(value):
                    content.add_document(int(match.group(1)))
        # Videos stay out: they start only when asked, and would cost a phone's data plan.


def _estimated_rendition_bytes(image, rendition) -> int:
    """The rendition's share of the original's bytes, by area (no storage access)."""
    if not image.file_size or not image.width or not image.height:
        return int(rendition.width * rendition.height * BYTES_PER_PIXEL)
    share = (rendition.width * rendition.height) / (image.width * image.height)
    return int(image.file_size * min(share, 1.0))


def course_download(*, user: User, course_id: int, request: HttpRequest) -> CourseDownload | None:
    """What `user` downloads to read course `course_id` offline, or None when the course
    is not live or they are not enrolled in it (the caller answers 404 for both)."""
    course = CoursePage.objects.live().public().filter(pk=course_id).first()
    if course is None:
        return None
    canonical = canonical_page(course)
    if active_enrollment(user=user, course=canonical) is None:
        return None
    lessons = list(course_lessons(course).public())
    content = _Content()
    for lesson in lessons:
        _read_body(lesson.body.raw_data, content)

    urls = [course.get_url(request=request)]
    urls += [lesson.get_url(request=request) for lesson in lessons]
    size = PAGE_BYTES * len(urls)
    version_parts = [f"c{course.pk}:{course.live_revision_id}"]
    version_parts += [f"l{lesson.pk}:{lesson.live_revision_id}" for lesson in lessons]

    images = get_image_model().objects.filter(pk__in=content.images).order_by("pk")
    all_specs = {spec for specs in content.images.values() for spec in specs}
    for image in images.prefetch_renditions(*all_specs):
        specs = sorted(content.images[image.pk])
        renditions = image.get_renditions(*specs)
        for spec in specs:
            rendition = renditions[spec]
            urls.append(rendition.url)
            size += _estimated_rendition_bytes(image, rendition)
        version_parts.append(
            f"i{image.pk}:{image.file.name}:{image.file_hash}:{image.get_focal_point()}"
        )

    documents = get_document_model().objects.filter(pk__in=content.documents).order_by("pk")
    for document in documents:
        urls.append(document.url)
        size += document.file_size or 0
        version_parts.append(f"d{document.pk}:{document.file.name}:{document.file_hash}")

    # Quizzes and assignments point at the Thai pages (canonical_page): found through
    # the translation key, so the English course finds them too.
    lesson_keys = [lesson.translation_key for lesson in lessons]
    belongs = Q(lesson__translation_key__in=lesson_keys) | Q(course=canonical)
    quizzes = list(
        Quiz.objects.live()
        .filter(belongs, available_offline=True)
        .order_by("pk")
        .only("id", "updated_at", "closes_at")
    )
    questions_changed = (
        QuizQuestion.objects.filter(quiz__in=quizzes).aggregate(at=Max("question__updated_at"))[
            "at"
        ]
        if quizzes
        else None
    )
    for quiz in quizzes:
        urls.append(reverse("offline:quiz_paper", args=[quiz.pk]))
        size += PAGE_BYTES
        version_parts.append(f"q{quiz.pk}:{quiz.updated_at.isoformat()}")
    if questions_changed:
        version_parts.append(f"qq:{questions_changed.isoformat()}")

    assignments = list(Assignment.objects.filter(belongs).order_by("pk").only("id", "updated_at"))
    for assignment in assignments:
        urls.append(reverse("offline:assignment_draft", args=[assignment.pk]))
        size += PAGE_BYTES
        version_parts.append(f"a{assignment.pk}:{assignment.updated_at.isoformat()}")

    version = hashlib.sha256("|".join(version_parts).encode()).hexdigest()[:20]
    # The same address twice (one picture in two lessons) is downloaded once.
    return CourseDownload(
        course=course, version=version, bytes=size, urls=list(dict.fromkeys(urls))
    )


def course_offline_available(*, user: User, course: CoursePage) -> bool:
    """Whether the course page offers `user` the download (an enrolled learner)."""
    return active_enrollment(user=user, course=canonical_page(course)) is not None
