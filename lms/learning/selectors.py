"""Reads for the learner's pages: course outline, lesson player, dashboard.

Each selector uses a fixed number of queries however long the course or however
many enrolments a learner has (tested with query budgets).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Q, When

from wagtail.models import Page

from curricula.models import CoursePage, LessonPage, TrackPage
from curricula.selectors import canonical_page, course_lessons, required_lesson_counts
from lms.users.models import User

from .models import Enrollment, LessonProgress, LessonState
from .outline import OutlineLesson, course_outline


@dataclass
class LessonItem:
    lesson: OutlineLesson
    state: str
    requirement: str
    is_open: bool = True
    is_current: bool = False


@dataclass
class CourseProgress:
    course: CoursePage  # the page being read (any language)
    enrollment: Enrollment | None
    items: list[LessonItem]
    done_required: int
    total_required: int
    next_lesson: OutlineLesson | None
    current_index: int | None = None

    @property
    def percent(self) -> int:
        return course_percent(
            completed=bool(self.enrollment and self.enrollment.completed_at),
            done=self.done_required,
            total=self.total_required,
        )

    @property
    def is_enrolled(self) -> bool:
        return self.enrollment is not None and self.enrollment.is_active

    @property
    def is_completed(self) -> bool:
        return self.enrollment is not None and self.enrollment.completed_at is not None

    @property
    def previous_lesson(self) -> OutlineLesson | None:
        if self.current_index is None or self.current_index == 0:
            return None
        return self.items[self.current_index - 1].lesson

    @property
    def following_lesson(self) -> OutlineLesson | None:
        if self.current_index is None or self.current_index + 1 >= len(self.items):
            return None
        return self.items[self.current_index + 1].lesson

    @property
    def current(self) -> LessonItem | None:
        return None if self.current_index is None else self.items[self.current_index]


def course_percent(*, completed: bool, done: int, total: int) -> int:
    """How far through a course a learner is: required lessons done of those there are.

    A completed course is 100 whatever its lessons are now (one may have been added
    since); a course without required lessons is 0 until completed.
    """
    if completed:
        return 100
    return round(100 * done / total) if total else 0


def active_enrollment(*, user: User, course: CoursePage, lock: bool = False) -> Enrollment | None:
    """The learner's current enrolment in `course` (not left), or None; `lock` locks its row."""
    if not user.is_authenticated:
        return None
    enrollments = Enrollment.objects.active().filter(user=user, course=course)
    if lock:
        enrollments = enrollments.select_for_update()
    return enrollments.first()


def enrollment_for(*, user: User, course: CoursePage) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return Enrollment.objects.filter(user=user, course=canonical_page(course)).first()


def course_progress_for(
    *,
    user: User,
    course: CoursePage,
    current_lesson: LessonPage | None = None,
    enrollment: Enrollment | None = None,
) -> CourseProgress:
    """The course outline with each lesson's state for `user`, in the language being read.

    Progress is stored against the canonical (Thai) lessons and matched to the
    lessons being read through their shared translation key. `enrollment`, when the
    caller has just read it (the lesson page's visit does), spares reading it again.
    """
    lessons = course_outline(course)
    canonical = canonical_page(course)
    states: dict = {}
    if enrollment is None and user.is_authenticated:
        enrollment = Enrollment.objects.filter(user=user, course_id=canonical.pk).first()
    if enrollment is not None:
        for row in LessonProgress.objects.filter(enrollment=enrollment).values(
            "lesson__translation_key", "completed_at", "first_visited_at"
        ):
            if row["completed_at"]:
                states[row["lesson__translation_key"]] = LessonState.DONE
            elif row["first_visited_at"]:
                states[row["lesson__translation_key"]] = LessonState.IN_PROGRESS

    items: list[LessonItem] = []
    blocked = False
    done_required = total_required = 0
    next_lesson = None
    current_index = None
    sequential = canonical.specific.sequential if canonical.pk != course.pk else course.sequential
    for index, lesson in enumerate(lessons):
        state = states.get(lesson.translation_key, LessonState.NOT_STARTED)
        item = LessonItem(
            lesson=lesson,
            state=state,
            requirement=lesson.requirement,
            is_open=not (sequential and blocked and enrollment is not None),
        )
        if not lesson.is_optional:
            total_required += 1
            if state == LessonState.DONE:
                done_required += 1
            else:
                blocked = True
                if next_lesson is None:
                    next_lesson = lesson
        if current_lesson is not None and lesson.pk == current_lesson.pk:
            item.is_current = True
            current_index = index
        items.append(item)
    if next_lesson is None:
        next_lesson = next((i.lesson for i in items if i.state != LessonState.DONE), None)
    return CourseProgress(
        course=course,
        enrollment=enrollment,
        items=items,
        done_required=done_required,
        total_required=total_required,
        next_lesson=next_lesson,
        current_index=current_index,
    )


@dataclass
class DashboardCourse:
    enrollment: Enrollment
    course: CoursePage
    done_required: int
    total_required: int

    @property
    def percent(self) -> int:
        return course_percent(
            completed=self.enrollment.completed_at is not None,
            done=self.done_required,
            total=self.total_required,
        )


@dataclass
class Dashboard:
    in_progress: list[DashboardCourse] = field(default_factory=list)
    completed: list[DashboardCourse] = field(default_factory=list)
    recent: list[LessonProgress] = field(default_factory=list)
    # Courses to start with, for a learner with none in progress.
    suggested: list[CoursePage] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        """Nothing started yet: the learner is welcomed, not welcomed back."""
        return not (self.in_progress or self.completed or self.recent)


def dashboard_for(*, user: User, language: str | None = None, recent_limit: int = 5) -> Dashboard:
    """Courses in progress and completed, with progress, and the latest lessons touched.

    With `language`, courses and lessons are shown in that language where a live
    translation exists (one query for all of them).
    """
    enrollments = list(
        Enrollment.objects.filter(user=user, left_at__isnull=True)
        .select_related("course", "course__cover_image")
        .annotate(
            done=Count(
                "progress",
                filter=Q(
                    progress__completed_at__isnull=False,
                    progress__lesson__is_optional=False,
                    progress__lesson__live=True,
                ),
            )
        )
        .order_by("-last_activity_at", "-enrolled_at")
    )
    totals = required_lesson_counts([e.course for e in enrollments])
    recent = list(
        LessonProgress.objects.filter(user=user, last_visited_at__isnull=False)
        .select_related("lesson")
        .order_by("-last_visited_at")[:recent_limit]
    )
    shown = _translations([e.course for e in enrollments] + [p.lesson for p in recent], language)
    dashboard = Dashboard()
    for enrollment in enrollments:
        course = shown.get(enrollment.course.translation_key, enrollment.course)
        item = DashboardCourse(
            enrollment, course, enrollment.done, totals.get(enrollment.course_id, 0)
        )
        (dashboard.completed if enrollment.completed_at else dashboard.in_progress).append(item)
    for progress in recent:
        progress.shown_lesson = shown.get(progress.lesson.translation_key, progress.lesson)
    dashboard.recent = recent
    if not dashboard.in_progress:
        dashboard.suggested = suggested_courses(user=user, language=language)
    return dashboard


def suggested_courses(
    *, user: User, language: str | None = None, limit: int = 3, like: CoursePage | None = None
) -> list:
    """Courses a learner has never taken, the most taken first: first in the tracks the
    learner chose at sign-up, then at the learner's own centre (what neighbours learn),
    then everywhere. With `like` (a course just finished), courses sharing its skill tags
    or its track come first. Two to four queries."""
    active = Q(enrollments__left_at__isnull=True)
    courses = (
        CoursePage.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .exclude(pk__in=Enrollment.objects.filter(user=user).values("course_id"))
        .select_related("cover_image")
        .annotate(taken=Count("enrollments", filter=active, distinct=True))
    )
    order = ["-taken", "title", "pk"]
    if user.interests:
        wanted = Q()
        for path in TrackPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, track__in=user.interests
        ).values_list("path", flat=True):
            wanted |= Q(path__startswith=path)
        if wanted:
            courses = courses.annotate(
                wanted=Case(When(wanted, then=1), default=0, output_field=IntegerField())
            )
            order.insert(0, "-wanted")
    if like is not None:
        like = canonical_page(like)
        tag_ids = list(like.tags.values_list("pk", flat=True))
        courses = courses.annotate(
            shared_tags=Count(
                "tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True
            )
        )
        same_track = Q(path__startswith=like.path[: -like.steplen])
        courses = courses.annotate(
            same_track=Case(When(same_track, then=1), default=0, output_field=IntegerField())
        )
        order[:0] = ["-shared_tags", "-same_track"]
    if user.home_centre_id:
        courses = courses.annotate(
            taken_here=Count(
                "enrollments",
                filter=active & Q(enrollments__user__home_centre=user.home_centre_id),
                distinct=True,
            )
        )
        order.insert(order.index("-taken"), "-taken_here")
    chosen = list(courses.order_by(*order)[:limit])
    shown = _translations(chosen, language)
    return [shown.get(course.translation_key, course) for course in chosen]


def _translations(pages: list[Page], language: str | None) -> dict:
    """Live translations of `pages` into `language`, keyed by translation key, in one query."""
    # Learner records point at pages in the default language: nothing to translate then.
    if not language or not pages or language == settings.LANGUAGE_CODE:
        return {}
    keys = [p.translation_key for p in pages]
    found = (
        Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code=language)
        .specific()
    )
    return {page.translation_key: page for page in found}


def translated(page: Page, language: str) -> Page:
    """`page` in `language` when a live translation exists, else `page`."""
    if page.locale.language_code == language:
        return page
    other = (
        page.specific_class.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .first()
    )
    return other or page


def default_language() -> str:
    return settings.LANGUAGE_CODE


@dataclass(frozen=True)
class CourseBadge:
    percent: int
    completed: bool


def course_badges_for(*, user: User, courses: list[CoursePage]) -> dict:
    """The learner's progress on each of `courses` they are enrolled in, keyed by translation key.

    Works for pages in any language; a fixed number of queries for any number of courses.
    """
    if not user.is_authenticated or not courses:
        return {}
    keys = {course.translation_key for course in courses}
    enrollments = list(
        Enrollment.objects.filter(user=user, left_at__isnull=True, course__translation_key__in=keys)
        .select_related("course")
        .annotate(
            done=Count(
                "progress",
                filter=Q(
                    progress__completed_at__isnull=False,
                    progress__lesson__is_optional=False,
                    progress__lesson__live=True,
                ),
            )
        )
    )
    totals = required_lesson_counts([e.course for e in enrollments])
    badges = {}
    for enrollment in enrollments:
        total = totals.get(enrollment.course_id, 0)
        percent = course_percent(
            completed=enrollment.completed_at is not None, done=enrollment.done, total=total
        )
        badges[enrollment.course.translation_key] = CourseBadge(
            percent, enrollment.completed_at is not None
        )
    return badges


def lesson_states_for(*, user: User, lessons: list[LessonPage]) -> dict:
    """The learner's state of each of `lessons`, keyed by translation key (one query)."""
    if not user.is_authenticated or not lessons:
        return {}
    rows = LessonProgress.objects.filter(
        user=user, lesson__translation_key__in={lesson.translation_key for lesson in lessons}
    ).values("lesson__translation_key", "completed_at", "first_visited_at")
    return {
        row["lesson__translation_key"]: LessonState.DONE
        if row["completed_at"]
        else LessonState.IN_PROGRESS
        for row in rows
    }


def lesson_is_open(*, enrollment: Enrollment, lesson: LessonPage) -> bool:
    """In a sequential course a lesson opens when every required lesson before it is done."""
    course = enrollment.course
    if not course.sequential:
        return True
    earlier = course_lessons(course).filter(path__lt=lesson.path, is_optional=False)
    done = enrollment.progress.filter(completed_at__isnull=False).values("lesson_id")
    return not earlier.exclude(pk__in=done).exists()
