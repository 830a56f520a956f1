"""Events of quizzes that apps above assessments act on.

`attempt_started(sender=QuizAttempt, attempt=...)` is sent once per attempt, when it is
created; `attempt_graded(sender=QuizAttempt, attempt=...)` once, when its score, percent
and result are recorded (at submission, or when a trainer grades the last essay). Both
are sent inside the transaction that writes the attempt, so a receiver's writes commit
or roll back with it (Django's `send`: an error in a receiver undoes the write).
"""

from django.dispatch import Signal

attempt_started = Signal()
attempt_graded = Signal()
