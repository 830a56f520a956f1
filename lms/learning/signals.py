"""Events of learning that apps above it act on.

`course_completed(sender=Enrollment, enrollment=...)` is sent once per completed
enrolment by `enrollment_completion_check`, inside the transaction that records the
completion and after its audit entry: a receiver's writes commit or roll back with
the completion itself, and an error raised by a receiver undoes the completion (Django's
`send`, not `send_robust`). Receivers run in the order they were connected. Work that
must wait for the commit (a task, an e-mail) goes through `transaction.on_commit` in
the receiver.

A new app listens in its `AppConfig.ready()`:

    from lms.learning.signals import course_completed

    course_completed.connect(award_badge, dispatch_uid="badges-award-on-completion")

where `def award_badge(sender, *, enrollment, **kwargs)` (certificates issue theirs this way).

`lesson_launched(sender=LessonProgress, progress=...)` is sent once per lesson and
enrolment, when its progress row is created (the first view, or a completion that came
first); `lesson_completed(sender=LessonProgress, progress=...)` once, when the lesson
is first marked done. Both inside the transaction that writes the row, like
`course_completed`.
"""

from django.dispatch import Signal

course_completed = Signal()
lesson_launched = Signal()
lesson_completed = Signal()
