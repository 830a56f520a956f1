"""Authoring quizzes in the Wagtail admin, under one "Quizzes" menu.

Wagtail's InlinePanel does not nest, so a question is its own snippet (with
inline choices, accepted answers and pairs) and a quiz is a snippet with inline
question items and random-draw rules.
"""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from curricula.extensions import COURSE_PAGE_PANELS, LESSON_PAGE_PANELS
from curricula.review import PARTS_HOOK, ReviewPart, change_since
from lms.centres import audit
from lms.centres.scoping import learners_visible_to
from lms.core.admin_columns import yes_no_column

# grading_admin registers the essay grading menu item, home page panel and permission.
from . import grading_admin, page_panels  # noqa: F401
from .admin_views import (
    EXPORT_PERMISSION,
    IMPORT_PERMISSION,
    QuestionExportView,
    QuestionImportView,
)
from .forms import QuestionAdminForm, QuizAdminForm
from .models import AttemptAnswer, Question, QuestionBank, Quiz, QuizAttempt

MENU_HOOK = "register_assessments_menu_item"
QUIZ_EDIT_URL = "wagtailsnippets_assessments_quiz:edit"


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    icon = "folder-open-1"
    menu_label = gettext_lazy("Question banks")
    list_display = ["name", "parent", "created_at"]
    list_filter = ["parent"]
    search_fields = ["name", "description"]
    panels = [FieldPanel("name"), FieldPanel("parent"), FieldPanel("description")]


class QuestionChooserColumns:
    """Questions often share a short name ("S01 เลือกตอบ" three times): the chooser shows
    each one's bank, type and the start of its text so a trainer picks the right one."""

    @property
    def columns(self):
        return [
            self.title_column,
            Column(
                "prompt",
                label=gettext_lazy("Question"),
                accessor="prompt_excerpt",
            ),
            Column(
                "bank",
                label=gettext_lazy("Question bank"),
                accessor=lambda question: question.bank.name if question.bank else "—",
            ),
            Column("kind", label=gettext_lazy("Type"), accessor="get_kind_display"),
        ]

    def get_object_list(self):
        return super().get_object_list().select_related("bank")


class QuestionChooseView(QuestionChooserColumns, ChooseView):
    pass


class QuestionChooseResultsView(QuestionChooserColumns, ChooseResultsView):
    pass


class QuestionChooserViewSet(SnippetChooserViewSet):
    choose_view_class = QuestionChooseView
    choose_results_view_class = QuestionChooseResultsView


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    chooser_viewset_class = QuestionChooserViewSet
    menu_label = gettext_lazy("Questions")
    list_display = ["__str__", "kind", "bank", "points", "updated_at"]
    list_filter = ["kind", "bank"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("points")]),
                    FieldPanel("prompt"),
                    FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
                    MultiFieldPanel(
                        [
                            FieldPanel("scoring"),
                            InlinePanel("choices", min_num=0, heading=gettext_lazy("Choices")),
                        ],
                        heading=gettext_lazy("Choices (single or multiple choice)"),
                    ),
                    FieldPanel("correct_answer_true", heading=gettext_lazy("True or false")),
                    InlinePanel(
                        "accepted_answers",
                        heading=gettext_lazy("Accepted answers (short text)"),
                    ),
                    InlinePanel("numeric_answers", heading=gettext_lazy("Numbers")),
                    InlinePanel("pairs", heading=gettext_lazy("Matching pairs")),
                    FieldPanel("grader_info", heading=gettext_lazy("Essay")),
                ],
                heading=gettext_lazy("Question"),
            ),
            ObjectList(
                [
                    FieldPanel("feedback_correct"),
                    FieldPanel("feedback_incorrect"),
                    FieldPanel("general_feedback"),
                ],
                heading=gettext_lazy("Feedback"),
            ),
            ObjectList(
                [FieldPanel("title"), FieldPanel("bank"), FieldPanel("tags")],
                heading=gettext_lazy("Bank and tags"),
            ),
        ],
        base_form_class=QuestionAdminForm,
    )


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = gettext_lazy("Quizzes")
    list_display = ["title", "lesson", "course", yes_no_column(Quiz, "is_live"), "updated_at"]
    list_filter = ["is_live", "grading_method"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("intro"),
                    MultiFieldPanel(
                        [
                            PageChooserPanel("lesson", "curricula.LessonPage"),
                            PageChooserPanel("course", "curricula.CoursePage"),
                        ],
                        heading=gettext_lazy("Where the quiz belongs (one of the two)"),
                    ),
                    FieldPanel("is_live"),
                ],
                heading=gettext_lazy("Quiz"),
            ),
            ObjectList(
                [
                    InlinePanel("items", heading=gettext_lazy("Questions every learner gets")),
                    InlinePanel(
                        "draws", heading=gettext_lazy("Random questions, new for each attempt")
                    ),
                    FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                ],
                heading=gettext_lazy("Questions"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("pass_mark_percent"), FieldPanel("max_attempts")]),
                    FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("grading_method")]),
                    FieldPanel("available_offline"),
                    FieldPanel("reveal_answers"),
                    FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                ],
                heading=gettext_lazy("Rules"),
            ),
        ],
        base_form_class=QuizAdminForm,
    )


class PermissionMenuItem(MenuItem):
    permission = ""

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class QuestionImportViewSet(ViewSet):
    name = "question-import"
    icon = "upload"
    menu_label = gettext_lazy("Import questions")
    menu_hook = MENU_HOOK
    menu_order = 5

    @property
    def menu_item_class(self):
        return type("ImportMenuItem", (PermissionMenuItem,), {"permission": IMPORT_PERMISSION})

    def get_urlpatterns(self):
        return [path("", QuestionImportView.as_view(), name="index")]


class QuestionExportViewSet(ViewSet):
    name = "question-export"
    icon = "download"
    menu_label = gettext_lazy("Export questions")
    menu_hook = MENU_HOOK
    menu_order = 6

    @property
    def menu_item_class(self):
        return type("ExportMenuItem", (PermissionMenuItem,), {"permission": EXPORT_PERMISSION})

    def get_urlpatterns(self):
        return [path("", QuestionExportView.as_view(), name="index")]


class AssessmentsGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Quizzes")
    menu_icon = "tasks"
    menu_order = 250
    submenu_hook = MENU_HOOK
    items = (QuizViewSet, QuestionViewSet, QuestionBankViewSet)


register_snippet(AssessmentsGroup)


@hooks.register("register_admin_viewset")
def register_assessment_views():
    return [QuestionImportViewSet(), QuestionExportViewSet()]


@hooks.register("register_snippet_listing_buttons")
def export_buttons(snippet, user, next_url=None):
    """ "Export as GIFT" and "Export as Moodle XML" in the menu of each bank and quiz."""
    if not isinstance(snippet, QuestionBank | Quiz) or not user.has_perm(EXPORT_PERMISSION):
        return []
    field = "bank" if isinstance(snippet, QuestionBank) else "quiz"
    url = reverse("question-export:index")
    return [
        Button(
            _("Export as Moodle XML"),
            url=f"{url}?{field}={snippet.pk}&format=xml",
            icon_name="download",
            priority=90,
        ),
        Button(
            _("Export as GIFT"),
            url=f"{url}?{field}={snippet.pk}&format=gift",
            icon_name="download",
            priority=91,
        ),
    ]


@hooks.register("register_log_actions")
def register_assessment_actions(actions):
    actions.register_action(
        "assessments.attempt.start",
        gettext_lazy("Start attempt"),
        gettext_lazy("Started a quiz attempt"),
    )
    actions.register_action(
        "assessments.attempt.submit",
        gettext_lazy("Submit attempt"),
        gettext_lazy("Submitted a quiz attempt"),
    )
    actions.register_action(
        "assessments.attempt.time_up",
        gettext_lazy("Attempt timed out"),
        gettext_lazy("A quiz attempt was graded when its time ran out"),
    )
    actions.register_action(
        "assessments.attempt.graded",
        gettext_lazy("Attempt graded"),
        gettext_lazy("A quiz attempt's result was worked out"),
    )
    actions.register_action(
        "assessments.essay.grade",
        gettext_lazy("Grade essay"),
        gettext_lazy("Graded an essay answer"),
    )
    actions.register_action(
        "assessments.questions.import",
        gettext_lazy("Import questions"),
        gettext_lazy("Imported questions from a GIFT or Moodle XML file"),
    )


@hooks.register("before_delete_snippet")
def keep_records_of_attempts(request, instances):
    """Learners' attempts point at quizzes and questions: those cannot be deleted."""
    quiz_ids = [obj.pk for obj in instances if isinstance(obj, Quiz)]
    question_ids = [obj.pk for obj in instances if isinstance(obj, Question)]
    blocked = []
    if quiz_ids:
        taken = set(
            QuizAttempt.objects.filter(quiz_id__in=quiz_ids).values_list("quiz_id", flat=True)
        )
        blocked += [obj for obj in instances if isinstance(obj, Quiz) and obj.pk in taken]
    if question_ids:
        answered = set(
            AttemptAnswer.objects.filter(question_id__in=question_ids).values_list(
                "question_id", flat=True
            )
        )
        blocked += [obj for obj in instances if isinstance(obj, Question) and obj.pk in answered]
    if not blocked:
        return None
    for obj in blocked:
        if isinstance(obj, Quiz):
            message = _(
                "“%(title)s” has learners' attempts and cannot be deleted. Turn off “open to "
                "learners” instead."
            )
        else:
            message = _(
                "“%(title)s” has learners' answers and cannot be deleted. Remove it from its "
                "quizzes instead."
            )
        messages.error(request, message % {"title": obj})
    opts = blocked[0]._meta
    return redirect(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:list")


@hooks.register("before_delete_page")
def keep_pages_with_quizzes(request, page):
    """A lesson or course with a quiz keeps its quiz's records: unpublish it instead."""
    subtree = page.get_descendants(inclusive=True).values("pk")
    if Quiz.objects.filter(Q(lesson__in=subtree) | Q(course__in=subtree)).exists():
        messages.error(
            request,
            _(
                "“%(title)s” has a quiz and cannot be deleted. Unpublish it, or move the quiz "
                "elsewhere first."
            )
            % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register(audit.HOOK)
def assessment_log_entry_scopes():
    return {
        QuestionBank: audit.SHARED,
        Question: audit.SHARED,
        Quiz: audit.SHARED,
        QuizAttempt: lambda user: QuizAttempt.objects.filter(user__in=learners_visible_to(user)),
    }


@hooks.register(PARTS_HOOK)
def quizzes_in_course_review(*, course, lessons):
    """The quizzes of a course under review and of the lessons sent with it."""
    published_at = {course.pk: course.last_published_at}
    published_at.update({lesson.pk: lesson.last_published_at for lesson in lessons})
    quizzes = Quiz.objects.filter(Q(course=course) | Q(lesson__in=lessons)).order_by("title")
    parts = []
    for quiz in quizzes:
        page_id = quiz.lesson_id or quiz.course_id
        parts.append(
            ReviewPart(
                page_id=page_id,
                kind=_("Quiz"),
                title=quiz.title,
                change=change_since(
                    published_at=published_at[page_id],
                    created_at=quiz.created_at,
                    updated_at=quiz.updated_at,
                ),
                note=_("already open to learners")
                if quiz.is_live
                else _("not open to learners yet"),
                url=reverse(QUIZ_EDIT_URL, args=[quiz.pk]),
            )
        )
    return parts


# The lesson's quiz first in the lesson's status box, then other work (assignments: 20).
hooks.register(LESSON_PAGE_PANELS, page_panels.lesson_quiz, order=10)
hooks.register(COURSE_PAGE_PANELS, page_panels.course_quizzes, order=10)
