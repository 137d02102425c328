"""Read models derived from authored content, kept in this process under the content's stamp.

A kind of content (a course's modules, lessons and quizzes; a quiz's questions) has a stamp in
`content_stamps` that database triggers replace, inside the writing transaction, at every write
to its tables (migrations 0015, 0016). A `Kept` reads the stamp in the caller's session, first,
and serves what it computed under that stamp; a new stamp drops everything it kept. So every
worker sees another worker's edit at its next read, and nothing needs to be told of a change.

Why this is safe: the stamp is read before the content, so what is computed is at least as
new as the stamp it is kept under (newer content under an older stamp is dropped as soon as
the newer stamp is read); a value computed while another stamp came in is not kept; stamps are
random, so a rolled-back write or a restored backup never brings back a stamp that was seen
with other content. Kept values are shared between events: they must be immutable.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from academy.core.db import read
from academy.core.models import ContentStamp

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_STAMP = select(ContentStamp.__table__.c.stamp).where(
    ContentStamp.__table__.c.name == bindparam("name")
)
# `get_many`'s way of saying "read the stamp here".
UNREAD: Any = object()


def frozen(value: Any) -> Any:
    """A JSON value made read-only for keeping: objects as `MappingProxyType`, arrays as
    tuples, all the way down."""
    if isinstance(value, dict):
        return MappingProxyType({key: frozen(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return tuple(frozen(item) for item in value)
    return value


def stamp_column(name: str, label: str):
    """The stamp of `name` as a column of the caller's first statement (a scalar subquery): the
    stamp is then read before the content with no statement of its own; pass the row's value
    to `Kept.get_many(..., stamp=)`."""
    stamps = ContentStamp.__table__.c
    return select(stamps.stamp).where(stamps.name == name).scalar_subquery().label(label)


class Kept(Generic[K, V]):
    """Values of one kind of content, by key, kept while its stamp stays the same."""

    def __init__(self, name: str, *, limit: int = 4096) -> None:
        self.name, self.limit = name, limit
        self._stamp: int | None = None
        self._values: dict[K, V] = {}
        self._lock = threading.Lock()

    def get_many(
        self,
        session: Session,
        keys: Iterable[K],
        compute: Callable[[list[K]], dict[K, V]],
        stamp: int | None = UNREAD,
    ) -> dict[K, V]:
        """The values of `keys`; `compute` is given the missing keys, in `session`. `stamp`:
        the stamp as read by an earlier statement of this transaction (`stamp_column`)."""
        keys = list(dict.fromkeys(keys))
        if stamp is UNREAD:
            stamp = read(session, _STAMP, {"name": self.name}).scalar()
        if stamp is None:  # no stamp row: nothing can be kept safely
            return compute(keys)
        with self._lock:
            if stamp != self._stamp:
                self._stamp, self._values = stamp, {}
            values = self._values
        found = {key: values[key] for key in keys if key in values}
        missing = [key for key in keys if key not in found]
        if missing:
            computed = compute(missing)
            with self._lock:
                if self._stamp == stamp and len(self._values) + len(computed) <= self.limit:
                    self._values.update(computed)
            found.update(computed)
        return {key: found[key] for key in keys}
