"""What a journey step can be linked to as training: a registry the areas fill.

Kundresor links a step (or one of its pain points) to a course module or a practice exercise,
but must not import those areas (they import it). Each area that owns a kind of target
registers it here when its package is imported: a Swedish label and a function naming the
targets, so a link can be checked and shown without knowing the area.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from sqlalchemy.orm import Session

# (session, ids or None for every target that may be linked now) -> {id: display name}
Names = Callable[[Session, set[int] | None], dict[int, str]]
# (session, topics) -> {id: (display name, the target's topics among them)}: the targets that
# may be linked now and carry at least one of the topics (lower-case tags, as courses keep them)
Topics = Callable[[Session, Collection[str]], dict[int, tuple[str, tuple[str, ...]]]]
# (session) -> every topic the kind's targets carry
AllTopics = Callable[[Session], Collection[str]]
# (session, ids) -> {id: the address of the target's page}, where a person opens it
Links = Callable[[Session, set[int]], dict[int, str]]


@dataclass(frozen=True)
class TargetKind:
    kind: str  # stored in journey_training_links.target_kind
    label: str  # "Modul", "Övning"
    names: Names
    topics: Topics | None = None
    all_topics: AllTopics | None = None
    links: Links | None = None


_KINDS: dict[str, TargetKind] = {}


def register(
    kind: str,
    label: str,
    names: Names,
    topics: Topics | None = None,
    all_topics: AllTopics | None = None,
    links: Links | None = None,
) -> None:
    """Register (or replace) a kind of training target; `topics` finds targets by topic,
    `links` gives the address where a person opens a target."""
    _KINDS[kind] = TargetKind(kind, label, names, topics, all_topics, links)


def kinds() -> list[TargetKind]:
    """The registered kinds, in registration order."""
    return list(_KINDS.values())


def get(kind: str) -> TargetKind | None:
    return _KINDS.get(kind)
