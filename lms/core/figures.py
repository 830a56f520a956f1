"""Writes that reports must hear about but no model signal announces.

Bulk writes (`bulk_create`, `bulk_update`, `QuerySet.update`) skip Django's model
signals. The services that write the rows reports count (enrolments, certificates,
attendance, class sessions, early-childhood sessions, a learner's home centre) call
`figures_rows_written` after such a write; lms.reports registers the listener that
marks the report summaries those rows touch as out of date. Call it inside the
writing transaction, after the write.
"""

from collections.abc import Callable, Iterable

from django.db import models

from .registry import Registry

FigureListener = Callable[..., None]

FIGURE_LISTENERS: Registry[FigureListener] = Registry("figure rows written")


def figures_rows_written(*, model: type[models.Model], pks: Iterable[int]) -> None:
    """Tell every listener that these rows of `model` were written in bulk."""
    pks = list(pks)
    if not pks:
        return
    for listener in FIGURE_LISTENERS:
        listener(model=model, pks=pks)
