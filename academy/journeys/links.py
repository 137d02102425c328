"""Links from a journey step (or one of its pain points) to the training that addresses it.

A target is a course module (Utbildning) or an exercise, a bemötande scenario (Träning). The
areas that own them register how to name them (academy.core.training_targets), so a link never
points at something that does not exist and this module imports neither area.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core import training_targets
from academy.core.access import CurrentUser, require_role
from academy.core.errors import NotFound, ValidationError
from academy.journeys.models import TrainingLink
from academy.journeys.store import EDITORS, get_journey, require_visible


@dataclass(frozen=True)
class LinkRow:
    id: int
    step_id: str
    pain_point: str
    target_kind: str
    target_id: int
    target: str  # "Kurs – Modul"
    href: str = ""  # the target's page ("" when it is gone)


def target_choices(session: Session) -> list[tuple[str, str]]:
    """(value "kind:id", label) for every target a step can be linked to."""
    return [
        (f"{target.kind}:{target_id}", f"{target.label}: {label}")
        for target in training_targets.kinds()
        for target_id, label in target.names(session, None).items()
    ]


def link_training(
    session: Session,
    actor: CurrentUser | None,
    journey_id: int,
    step_id: str,
    target: str,
    pain_point: str = "",
) -> int:
    """Link a step (or one pain point on it) to `target` ("module:12")."""
    require_role(actor, *EDITORS)
    step = next(
        (s for s in get_journey(session, actor, journey_id).journey.steps if s.id == step_id),
        None,
    )
    if step is None:
        raise ValidationError("Steget finns inte i kundresan.")
    if pain_point and pain_point not in step.pain_points:
        raise ValidationError("Smärtpunkten finns inte på steget.")
    kind, _, raw_id = target.partition(":")
    target_kind = training_targets.get(kind)
    if target_kind is None or not raw_id.isdigit():
        raise ValidationError("Välj en modul eller övning att koppla till.", field="target")
    if int(raw_id) not in target_kind.names(session, {int(raw_id)}):
        raise ValidationError("Den valda utbildningen finns inte längre.", field="target")
    duplicate = session.scalar(
        select(TrainingLink.id).where(
            TrainingLink.journey_id == journey_id,
            TrainingLink.step_id == step_id,
            TrainingLink.pain_point == pain_point,
            TrainingLink.target_kind == kind,
            TrainingLink.target_id == int(raw_id),
        )
    )
    if duplicate is not None:
        raise ValidationError("Den kopplingen finns redan.")
    link = TrainingLink(
        journey_id=journey_id,
        step_id=step_id,
        pain_point=pain_point,
        target_kind=kind,
        target_id=int(raw_id),
        created_by=actor.id,
    )
    session.add(link)
    session.flush()
    return link.id


def unlink_training(
    session: Session, actor: CurrentUser | None, journey_id: int, link_id: int
) -> None:
    require_role(actor, *EDITORS)
    require_visible(session, actor, journey_id)
    link = session.get(TrainingLink, link_id)
    if link is None or link.journey_id != journey_id:
        raise NotFound("Kopplingen finns inte längre.")
    session.delete(link)


def training_links(session: Session, actor: CurrentUser | None, journey_id: int) -> list[LinkRow]:
    require_visible(session, actor, journey_id)
    links = list(
        session.scalars(
            select(TrainingLink)
            .where(TrainingLink.journey_id == journey_id)
            .order_by(TrainingLink.id)
        )
    )
    names = {
        kind.kind: kind.names(
            session, {link.target_id for link in links if link.target_kind == kind.kind}
        )
        for kind in training_targets.kinds()
    }
    hrefs = {
        kind.kind: kind.links(
            session, {link.target_id for link in links if link.target_kind == kind.kind}
        )
        for kind in training_targets.kinds()
        if kind.links is not None
    }
    return [
        LinkRow(
            link.id,
            link.step_id,
            link.pain_point,
            link.target_kind,
            link.target_id,
            names.get(link.target_kind, {}).get(link.target_id, "(borttagen)"),
            hrefs.get(link.target_kind, {}).get(link.target_id, "")
            if link.target_id in names.get(link.target_kind, {})
            else "",
        )
        for link in links
    ]
