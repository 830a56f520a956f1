"""Page-numbered lists with a bounded page size (and a bounded page number, so an
absurd page never turns into an overflowing database offset).

An operation returns a `Listing`: the rows (a queryset or a list) and how to turn one
page of them into response items, so related facts are read once per page, never once
per row.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000


@dataclass
class Listing:
    rows: Any  # a queryset or a list
    items: Callable[[list], Sequence] = list


class Pages(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
        page_size: int = Field(
            DEFAULT_PAGE_SIZE,
            ge=1,
            le=MAX_PAGE_SIZE,
            description=f"Items per page (at most {MAX_PAGE_SIZE}).",
        )

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        page_size: int

    def paginate_queryset(self, queryset, pagination: Input, request, **params) -> Any:
        listing = queryset if isinstance(queryset, Listing) else Listing(queryset)
        offset = (pagination.page - 1) * pagination.page_size
        rows = list(listing.rows[offset : offset + pagination.page_size])
        return {
            "items": listing.items(rows),
            "count": self._items_count(listing.rows),
            "page": pagination.page,
            "page_size": pagination.page_size,
        }
