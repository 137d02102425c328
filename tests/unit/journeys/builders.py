"""Small hand-made journeys whose figures are worked out by hand in the tests."""

from __future__ import annotations

from journeys.model import Flow, Journey, Lane, Stage, Step

LANES = [
    Lane("kund", "Medborgare", "customer"),
    Lane("front", "Kontaktcenter", "frontstage"),
    Lane("back", "Handläggning", "backstage"),
]


def loop_journey() -> Journey:
    """call (telefon) -> work -> letter (brev, end); work -> call is rework with share 0.25.

    Expected visits: call = work = 1 / (1 - 0.25) = 4/3, letter = 0.75 * 4/3 = 1."""
    return Journey(
        title="Bygglov",
        stages=[Stage("a", "Kontakt"), Stage("b", "Handläggning")],
        lanes=list(LANES),
        steps=[
            Step(
                "call",
                "a",
                "front",
                "Ringer",
                channel="telefon",
                emotion=-1,
                volume_per_week=100,
                first_contact_resolution=0.6,
                handling_minutes=6,
                failure_demand=True,
                evidence="observed",
            ),
            Step("work", "b", "back", "Handlägger"),
            Step(
                "letter",
                "b",
                "back",
                "Beslut med brev",
                channel="brev",
                emotion=1,
                volume_per_week=75,
                first_contact_resolution=1.0,
                is_end=True,
            ),
        ],
        flows=[
            Flow("call", "work", "next"),
            Flow("work", "call", "rework", 0.25),
            Flow("work", "letter", "next", 0.75),
        ],
    )


def split_journey() -> Journey:
    """start -> web (0.7) | phone (0.3); web -> end; phone -> desk -> end.

    Paths: start-web-end (p 0.7) and start-phone-desk-end (p 0.3)."""
    return Journey(
        title="Delning",
        stages=[Stage("s1", "Start"), Stage("s2", "Kontakt"), Stage("s3", "Klart")],
        lanes=list(LANES),
        steps=[
            Step("start", "s1", "kund", "Behov", emotion=0),
            Step("web", "s2", "kund", "Webb", channel="webb", emotion=1),
            Step("phone", "s2", "front", "Telefon", channel="telefon", emotion=-2),
            Step("desk", "s2", "front", "Besök", channel="besök", emotion=-1),
            Step("end", "s3", "kund", "Klart", emotion=2),
        ],
        flows=[
            Flow("start", "web", "next", 0.7),
            Flow("start", "phone", "alternative", 0.3),
            Flow("web", "end"),
            Flow("phone", "desk", "handoff"),
            Flow("desk", "end"),
        ],
    )
