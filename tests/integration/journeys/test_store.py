import re

import pytest
from sqlalchemy import select

from academy.core.auth import to_current_user
from academy.core.db import session_scope
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.core.models import Unit, User
from academy.journeys import links, store
from journeys.examples import load_example


def actor(engine, email):
    with session_scope(engine) as session:
        return to_current_user(session.scalar(select(User).where(User.email == email)))


def titles(engine, email, **filters):
    with session_scope(engine) as session:
        return sorted(
            j.title + "/" + j.kind
            for j in store.list_journeys(session, actor(engine, email), **filters)
        )


def test_demo_journeys_are_visible_by_unit_and_sharing(demo):
    everything = titles(demo, "strateg@demo.se")
    assert len(everything) == 3
    assert titles(demo, "admin@demo.se") == everything
    # Servicecenter staff see their unit's journey and the shared ones.
    assert titles(demo, "medarbetare@demo.se") == everything
    # An employee of another unit sees only the shared ones.
    assert titles(demo, "eva.holm@demo.se") == [
        t for t in everything if "förskoleplats" in t.lower()
    ]
    assert titles(demo, "strateg@demo.se", kind="future") == [
        t for t in everything if t.endswith("/future")
    ]
    assert titles(demo, "strateg@demo.se", search="GATUBELYSNING") == [
        t for t in everything if "gatubelysning" in t.lower()
    ]


def _felanmalan_id(engine, email="strateg@demo.se"):
    with session_scope(engine) as session:
        rows = store.list_journeys(session, actor(engine, email), search="gatubelysning")
    return rows[0].id


def test_every_save_makes_a_version_and_a_stale_save_is_refused(demo):
    strategist, admin = actor(demo, "strateg@demo.se"), actor(demo, "admin@demo.se")
    journey_id = _felanmalan_id(demo)
    with session_scope(demo) as session:
        first = store.get_journey(session, strategist, journey_id)
        second = store.get_journey(session, admin, journey_id)
    first.journey.title = "Felanmälan gatubelysning (reviderad)"
    with session_scope(demo) as session:
        new_version = store.save_journey(
            session,
            strategist,
            journey_id,
            first.journey,
            expected_version=first.version,
            summary="Ny titel",
        )
    assert new_version == first.version + 1

    second.journey.persona = "Något annat"
    with (
        pytest.raises(store.StaleJourney, match="ändrats av Erik Johansson"),
        session_scope(demo) as session,
    ):
        store.save_journey(
            session,
            admin,
            journey_id,
            second.journey,
            expected_version=second.version,
            summary="Krock",
        )
    with session_scope(demo) as session:
        now = store.get_journey(session, admin, journey_id)
        versions = store.history(session, admin, journey_id)
    assert now.journey.title == "Felanmälan gatubelysning (reviderad)"
    assert now.journey.persona != "Något annat"
    assert [v.version for v in versions] == [2, 1]
    assert versions[0].author == "Erik Johansson" and versions[0].summary == "Ny titel"


def test_restore_makes_the_old_version_the_newest(demo):
    strategist = actor(demo, "strateg@demo.se")
    journey_id = _felanmalan_id(demo)
    with session_scope(demo) as session:
        stored = store.get_journey(session, strategist, journey_id)
    original_steps = len(stored.journey.steps)
    stored.journey.steps.pop()
    with session_scope(demo) as session:
        store.save_journey(
            session, strategist, journey_id, stored.journey, expected_version=1, summary="Steg bort"
        )
    with session_scope(demo) as session:
        assert store.restore_version(session, strategist, journey_id, 1, expected_version=2) == 3
    with session_scope(demo) as session:
        restored = store.get_journey(session, strategist, journey_id)
        summaries = [v.summary for v in store.history(session, strategist, journey_id)]
    assert len(restored.journey.steps) == original_steps
    assert summaries[0] == "Återställd från version 1"


def test_only_editors_change_and_others_cannot_see_what_is_not_theirs(demo):
    journey_id = _felanmalan_id(demo)
    employee = actor(demo, "medarbetare@demo.se")
    with session_scope(demo) as session:
        stored = store.get_journey(session, employee, journey_id)
        assert stored.can_edit is False
    with pytest.raises(AccessDenied), session_scope(demo) as session:
        store.save_journey(
            session, employee, journey_id, stored.journey, expected_version=1, summary="x"
        )
    with pytest.raises(AccessDenied), session_scope(demo) as session:
        store.create_journey(session, employee, load_example("felanmalan-gatubelysning"))
    with pytest.raises(NotFound), session_scope(demo) as session:
        store.get_journey(session, actor(demo, "eva.holm@demo.se"), journey_id)


def test_bad_metadata_is_refused(demo):
    strategist = actor(demo, "strateg@demo.se")
    journey = load_example("felanmalan-gatubelysning")
    journey.title = "  "
    with pytest.raises(ValidationError, match="titel"), session_scope(demo) as session:
        store.create_journey(session, strategist, journey)


def test_training_links_point_at_a_step_or_one_of_its_pain_points(demo):
    strategist = actor(demo, "strateg@demo.se")
    journey_id = _felanmalan_id(demo)
    with session_scope(demo) as session:
        journey = store.get_journey(session, strategist, journey_id).journey
        choices = links.target_choices(session)
    step = next(s for s in journey.steps if s.pain_points)
    module, label = choices[0]
    assert module.startswith("module:") and label.startswith("Modul: ")
    exercises = [(value, text) for value, text in choices if value.startswith("exercise:")]
    assert exercises and all(text.startswith("Övning: ") for _, text in exercises)
    with session_scope(demo) as session:
        links.link_training(session, strategist, journey_id, step.id, module)
        links.link_training(
            session, strategist, journey_id, step.id, module, pain_point=step.pain_points[0]
        )
    for target, pain, message in [
        (module, "?", "Smärtpunkten"),
        ("module:999999", "", "finns inte längre"),
        ("kurs:1", "", "Välj en modul"),
        (module, "", "finns redan"),
    ]:
        with pytest.raises(ValidationError, match=message), session_scope(demo) as session:
            links.link_training(session, strategist, journey_id, step.id, target, pain_point=pain)
    with session_scope(demo) as session:
        rows = links.training_links(session, actor(demo, "medarbetare@demo.se"), journey_id)
    assert [(r.pain_point, r.target) for r in rows] == [
        ("", label.removeprefix("Modul: ")),
        (step.pain_points[0], label.removeprefix("Modul: ")),
    ]
    module_id = int(module.removeprefix("module:"))
    assert re.fullmatch(rf"/utbildning/kurs/\d+#modul-{module_id}", rows[0].href), rows[0].href
    with session_scope(demo) as session:
        links.link_training(session, strategist, journey_id, step.id, exercises[0][0])
        last = links.training_links(session, strategist, journey_id)[-1]
        assert last.target == exercises[0][1].removeprefix("Övning: ")
        assert last.href == f"/traning/scenarier/{exercises[0][0].removeprefix('exercise:')}/spela"
    with pytest.raises(AccessDenied), session_scope(demo) as session:
        links.unlink_training(session, actor(demo, "medarbetare@demo.se"), journey_id, rows[0].id)
    with session_scope(demo) as session:
        links.unlink_training(session, strategist, journey_id, rows[0].id)
        assert len(links.training_links(session, strategist, journey_id)) == 2


def test_a_sitting_of_edits_by_one_person_is_one_version(demo):
    from datetime import timedelta

    from academy.core.models import utcnow

    strategist, admin = actor(demo, "strateg@demo.se"), actor(demo, "admin@demo.se")
    journey_id = _felanmalan_id(demo)
    start = utcnow()

    def edit(who, version, summary, minutes):
        with session_scope(demo) as session:
            return store.edit_journey(
                session,
                who,
                journey_id,
                lambda j: setattr(j, "goal", summary),
                expected_version=version,
                summary=summary,
                now=start + timedelta(minutes=minutes),
            )

    assert edit(strategist, 1, "Steg tillagt: Ringer", 0) == 2
    assert edit(strategist, 2, "Flöde tillagt: Ringer → Får beslut", 4) == 3
    assert edit(strategist, 3, "Namn ändrat", 9) == 4
    assert edit(admin, 4, "Steg ändrat: Ringer", 10) == 5  # someone else: a version of its own
    assert edit(admin, 5, "Steg borttaget", 21) == 6  # more than ten minutes later
    with session_scope(demo) as session:
        versions = store.history(session, strategist, journey_id)
        latest = store.version_journey(session, strategist, journey_id, 4)
    assert [(v.version, v.summary) for v in versions] == [
        (6, "Steg borttaget"),
        (5, "Steg ändrat: Ringer"),
        (4, "Steg tillagt: Ringer; Flöde tillagt: Ringer → Får beslut; Namn ändrat"),
        (1, "Skapad"),
    ]
    assert latest.goal == "Namn ändrat"  # the merged entry holds the sitting's last document


def test_deleting_a_journey_takes_its_versions_and_links_and_spares_its_future(demo):
    from academy.journeys.contacts.models import ContactCategoryLink
    from academy.journeys.models import JourneyRecord, JourneyVersion, TrainingLink

    strategist = actor(demo, "strateg@demo.se")
    with session_scope(demo) as session:
        future = session.scalar(
            select(JourneyRecord).where(JourneyRecord.current_journey_id.is_not(None))
        )
        future_id, current_id = future.id, future.current_journey_id
        step = store.get_journey(session, strategist, current_id).journey.steps[0]
        links.link_training(
            session, strategist, current_id, step.id, links.target_choices(session)[0][0]
        )
        session.add(
            ContactCategoryLink(
                unit_id=session.scalar(select(Unit.id).limit(1)),
                category="Test",
                journey_id=current_id,
                step_id=step.id,
            )
        )
    for who in ("medarbetare@demo.se", "utbildare@demo.se"):
        with pytest.raises(AccessDenied), session_scope(demo) as session:
            store.delete_journey(session, actor(demo, who), current_id)

    with session_scope(demo) as session:
        title = session.get(JourneyRecord, current_id).title
        assert store.delete_journey(session, strategist, current_id) == title
    with session_scope(demo) as session:
        assert session.get(JourneyRecord, current_id) is None
        for model in (JourneyVersion, TrainingLink, ContactCategoryLink):
            left = session.scalars(select(model).where(model.journey_id == current_id)).all()
            assert left == [], model.__name__
        # The future journey stays, with its own content; only its pointer is gone.
        assert session.get(JourneyRecord, future_id).current_journey_id is None
    with pytest.raises(NotFound), session_scope(demo) as session:
        store.delete_journey(session, strategist, current_id)
