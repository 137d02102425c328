"""Hypothesis strategies for journeys."""

from __future__ import annotations

from hypothesis import strategies as st

from journeys.model import CHANNELS, EVIDENCE_LEVELS, FLOW_KINDS, Flow, Journey, Lane, Stage, Step

texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64)


@st.composite
def journeys(draw: st.DrawFn) -> Journey:
    stages = [Stage(f"fas-{n}", draw(texts)) for n in range(draw(st.integers(1, 4)))]
    lanes = [
        Lane(
            f"bana-{n}", draw(texts), draw(st.sampled_from(["customer", "frontstage", "backstage"]))
        )
        for n in range(draw(st.integers(1, 3)))
    ]
    steps = []
    for n in range(draw(st.integers(0, 8))):
        steps.append(
            Step(
                id=f"steg-{n}",
                stage=draw(st.sampled_from(stages)).id,
                lane=draw(st.sampled_from(lanes)).id,
                text=draw(texts),
                channel=draw(st.none() | st.sampled_from(CHANNELS)),
                emotion=draw(st.none() | st.integers(-2, 2) | st.floats(-2, 2)),
                pain_points=draw(st.lists(texts, max_size=2)),
                opportunities=draw(st.lists(texts, max_size=2)),
                volume_per_week=draw(numbers),
                handling_minutes=draw(numbers),
                first_contact_resolution=draw(st.none() | st.floats(0, 1)),
                failure_demand=draw(st.booleans()),
                evidence=draw(st.sampled_from(EVIDENCE_LEVELS)),
                is_start=draw(st.booleans()),
                is_end=draw(st.booleans()),
                actors=draw(st.lists(texts, max_size=2)),
            )
        )
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(steps), st.sampled_from(steps)),
            max_size=10,
            unique_by=lambda p: (p[0].id, p[1].id),
        )
        if steps
        else st.just([])
    )
    flows = [
        Flow(a.id, b.id, draw(st.sampled_from(FLOW_KINDS)), draw(st.none() | st.floats(0, 1)))
        for a, b in pairs
    ]
    return Journey(
        title=draw(texts),
        persona=draw(texts),
        goal=draw(texts),
        kind=draw(st.sampled_from(["current", "future"])),
        version=draw(st.integers(1, 10_000)),
        description=draw(texts),
        stages=stages,
        lanes=lanes,
        steps=steps,
        flows=flows,
    )


# Mermaid keeps stages, step texts, scores and actors, so these journeys use only that.
mermaid_texts = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=25)


@st.composite
def mermaid_journeys(draw: st.DrawFn) -> Journey:
    stages = [Stage(f"fas-{n}", draw(mermaid_texts)) for n in range(draw(st.integers(1, 4)))]
    steps = []
    for stage in stages:
        for _ in range(draw(st.integers(0, 3))):
            actors = draw(st.lists(mermaid_texts, max_size=3))
            steps.append(
                Step(
                    id=f"steg-{len(steps) + 1}",
                    stage=stage.id,
                    lane="?",
                    text=draw(mermaid_texts),
                    emotion=draw(st.integers(-2, 2)),
                    actors=actors,
                )
            )
    return Journey(
        title=draw(st.just("") | mermaid_texts),
        description=draw(st.just("") | mermaid_texts),
        stages=stages,
        steps=steps,
    )
