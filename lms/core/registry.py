"""An ordered registry that higher apps fill from their `AppConfig.ready()`.

Used where a lower app must let higher ones take part without importing them:
the requirements of lessons and courses (lms.learning.requirements) and the
sections of the personal-data export and the erasure steps (lms.users.personal_data).
"""

from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """Items in the order they were given (`order`, then registration), each once.

    Registering an item twice keeps the first registration, so calling a `ready()`
    again (as some test runners do) changes nothing.
    """

    def __init__(self, name: str):
        self.name = name
        self._entries: list[tuple[int, int, T]] = []
        self._count = 0

    def register(self, item: T, *, order: int = 0) -> T:
        if item not in self:
            self._count += 1
            self._entries.append((order, self._count, item))
            self._entries.sort(key=lambda entry: entry[:2])
        return item

    def unregister(self, item: T) -> None:
        self._entries = [entry for entry in self._entries if entry[2] != item]

    def __iter__(self) -> Iterator[T]:
        return iter([entry[2] for entry in self._entries])

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, item: object) -> bool:
        return any(entry[2] == item for entry in self._entries)

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {list(self)!r}>"
