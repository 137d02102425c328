"""Kontaktanalys in the app: imports, scope, figures, links to steps, observed figures on the
journey, on SQLite and PostgreSQL."""

import asyncio
from datetime import date

import pytest
from sqlalchemy import select

from academy.core.db import session_scope
from academy.core.errors import AccessDenied, ValidationError
from academy.core.models import Unit
from academy.core.web.login_state import LoginState
from academy.demo import DEMO_PASSWORD
from academy.journeys.contacts import service
from academy.journeys.contacts.models import ContactImport, ContactRecord
from academy.journeys.web import diagrams
from academy.journeys.web.contacts_figures_state import ContactFiguresState
from academy.journeys.web.contacts_state import ContactsState
from academy.journeys.web.editor_state import JourneyEditorState
from journeys.contacts import ContactImportError
from tests.integration.conftest import run_event
from tests.integration.journeys.test_store import _felanmalan_id, actor
from tests.sessions import redeem, with_cookie

HEADER = "tidpunkt;kanal;språk;kategori;löst_direkt;överlämnad_till;efterfrågan;orsak;kontakt\n"


def small_file(rows: int = 12) -> bytes:
    lines = [
        f"2026-02-0{2 + n % 5} 09:{n:02d};telefon;svenska;Testkategori;{'ja' if n % 2 else 'nej'};"
        f"{'' if n % 3 else 'Gatuenheten'};{'svikt' if n % 4 == 0 else 'värde'};"
        f"{'Väntar på besked' if n % 4 == 0 else ''};070-123 45 {n:02d}\n"
        for n in range(rows)
    ]
    return (HEADER + "".join(lines)).encode()


def unit_id(engine, name="Servicecenter"):
    with session_scope(engine) as session:
        return session.scalar(select(Unit.id).where(Unit.name == name))


def do_import(engine, email, data, name="test.csv", unit=None):
    who = actor(engine, email)
    with session_scope(engine) as session:
        service.check_import(session, who, unit or unit_id(engine), name, len(data))
    table = service.parse_file(data)
    with session_scope(engine) as session:
        return service.store_import(session, who, unit or unit_id(engine), name, table)


def test_demo_contacts_are_seeded_and_linked(demo):
    with session_scope(demo) as session:
        record = session.scalar(select(ContactImport))
        assert record.row_count == 6500
        callers = session.scalars(select(ContactRecord.caller).limit(50)).all()
    assert all(c is None or len(c) == 64 for c in callers)  # hashes, never numbers
    with session_scope(demo) as session:
        observed, period = service.observed_for_journey(
            session, actor(demo, "strateg@demo.se"), _felanmalan_id(demo)
        )
    assert set(observed) == {"ringer"} and period.startswith("2026-01-05")
    assert observed["ringer"].categories == ("Felanmälan gata",)


def test_import_stores_hashed_callers_and_the_figures_follow(demo):
    import_id = do_import(demo, "strateg@demo.se", small_file())
    with session_scope(demo) as session:
        callers = session.scalars(
            select(ContactRecord.caller).where(ContactRecord.import_id == import_id)
        ).all()
        period = service.import_period(session, actor(demo, "strateg@demo.se"), import_id)
        summary = service.figures(session, period)
    assert len(callers) == 12 and all(len(c) == 64 and "12345" not in c for c in callers)
    assert summary.overall.contacts == 12
    assert summary.overall.resolved == 6
    assert summary.by_category[0].label == "Testkategori"


def test_a_bad_file_is_refused_with_row_and_column_and_nothing_is_stored(demo):
    bad = small_file().replace(b"2026-02-02 09:00", b"31/02", 1)
    with pytest.raises(ContactImportError) as refused:
        service.parse_file(bad)
    assert str(refused.value.issues[0]).startswith("Rad 2, kolumn tidpunkt:")
    personal = small_file().replace(b"Testkategori", b"Ring 070-123 45 67", 1)
    with pytest.raises(ContactImportError) as refused:
        service.parse_file(personal)
    assert "070-123 45 67" not in str(refused.value)


def test_who_may_import_and_see(demo):
    with pytest.raises(AccessDenied):
        do_import(demo, "utbildare@demo.se", small_file())
    with pytest.raises(AccessDenied):
        do_import(demo, "medarbetare@demo.se", small_file())
    other = do_import(demo, "strateg@demo.se", small_file(), unit=unit_id(demo, "Bygglov"))
    with session_scope(demo) as session:
        seen = service.list_imports(session, actor(demo, "utbildare@demo.se"))
        assert {i.unit for i in seen} == {"Servicecenter"}
        with pytest.raises(Exception, match="Importen finns inte"):
            service.import_period(session, actor(demo, "utbildare@demo.se"), other)
        with pytest.raises(AccessDenied):
            service.list_imports(session, actor(demo, "medarbetare@demo.se"))


def test_size_limit_is_checked_before_reading(demo, monkeypatch):
    monkeypatch.setattr(service, "MAX_FILE_BYTES", 10)
    with session_scope(demo) as session, pytest.raises(ValidationError, match="för stor"):
        service.check_import(session, actor(demo, "strateg@demo.se"), unit_id(demo), "x.csv", 11)


def test_linking_a_category_puts_observed_figures_on_the_step(demo):
    do_import(demo, "strateg@demo.se", small_file())
    journey_id = _felanmalan_id(demo)
    strategist = actor(demo, "strateg@demo.se")
    with session_scope(demo) as session:
        choices = service.step_choices(session, strategist, unit_id(demo))
        assert service.suggest_step("Felanmälan gata", choices) != ""
        service.link_category(
            session, strategist, unit_id(demo), "Testkategori", f"{journey_id}:bedomer"
        )
    with session_scope(demo) as session:
        observed, _period = service.observed_for_journey(session, strategist, journey_id)
    assert observed["bedomer"].contacts == 12
    assert observed["bedomer"].first_contact_resolution == 0.5
    # The newer import has no "Felanmälan gata": that step keeps the demo import's figures.
    assert observed["ringer"].contacts > 100


def test_compare_two_periods(demo):
    strategist = actor(demo, "strateg@demo.se")
    with session_scope(demo) as session:
        before = service.date_period(
            session, strategist, unit_id(demo), date(2026, 1, 5), date(2026, 1, 7)
        )
        after = service.date_period(
            session, strategist, unit_id(demo), date(2026, 1, 8), date(2026, 1, 10)
        )
        comparison = service.compare(session, before, after)
    assert comparison.overall.before.contacts > 0 and comparison.overall.after.contacts > 0


def logged_in(state_class, email):
    login = LoginState()
    asyncio.run(login.submit({"email": email, "password": DEMO_PASSWORD}))
    state = state_class()
    with_cookie(state, redeem(login.handoff))
    return state


class Upload:
    def __init__(self, data, filename):
        self.data, self.filename = data, filename

    async def read(self, size=-1):
        return self.data


def test_import_state_previews_maps_headers_and_imports_in_the_background(demo, tmp_path):
    state = logged_in(ContactsState, "strateg@demo.se")
    state.load()
    data = small_file().replace(b"tidpunkt", b"Datum", 1)
    asyncio.run(state.upload([Upload(data, "kontakter.csv")]))
    assert state.has_preview, state.error
    assert [(h.header, h.column) for h in state.headers][:2] == [("Datum", ""), ("kanal", "kanal")]
    form = {f"map-{h.index}": h.column for h in state.headers}
    form["map-0"] = "tidpunkt"
    form["unit"] = str(unit_id(demo))

    class Context:  # `async with self` outside a running app
        async def __aenter__(self):
            return state

        async def __aexit__(self, *exc):
            return False

    state.__class__.__aenter__ = lambda self: Context().__aenter__()
    state.__class__.__aexit__ = lambda self, *exc: Context().__aexit__(*exc)
    handler = ContactsState.run_import.fn
    asyncio.run(handler(state, form))
    assert state.error == "" and "12 kontakter" in state.notice
    assert any(row.file_name == "kontakter.csv" for row in state.imports)


def test_figures_state_links_a_category_and_the_editor_shows_it(demo):
    import_id = do_import(demo, "strateg@demo.se", small_file())
    state = logged_in(ContactFiguresState, "strateg@demo.se")
    state.import_id = import_id
    assert state._run(state._show), state.error
    assert state.overall[0].contacts == "12"
    assert [r.category for r in state.ranking] == ["Testkategori"]
    journey_id = _felanmalan_id(demo)
    state.link({"category": "Testkategori", "step": f"{journey_id}:bedomer"})
    assert state.error == "" and "Testkategori" in {link.category for link in state.links}
    editor = logged_in(JourneyEditorState, "strateg@demo.se")
    editor.journey_id = journey_id
    assert editor._run(editor._reload), editor.error
    steps = {row.step for row in editor.observed_rows}
    assert "Gatuavdelningen bedömer och prioriterar felet" in steps
    assert "Observerat:" in diagrams.kept_at(editor._view().svg_url)
    trainer = logged_in(ContactFiguresState, "utbildare@demo.se")
    trainer.import_id = import_id
    assert trainer._run(trainer._show)
    trainer.link({"category": "Testkategori", "step": f"{journey_id}:lagar"})
    assert trainer.error == "Du har inte behörighet att göra detta."


def test_before_and_after_lists_future_journeys_and_cohorts_in_between(demo, monkeypatch):
    import threading

    state = logged_in(ContactFiguresState, "strateg@demo.se")
    with session_scope(demo) as session:
        state.import_id = session.scalar(select(ContactImport.id))
    assert state._run(state._show), state.error
    in_app(monkeypatch, ContactFiguresState, state.import_id)
    threads = []
    real = service.compare_periods

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "compare_periods", spy)
    assert ContactFiguresState.event_handlers["compare"].is_background

    def compare(form):
        asyncio.run(ContactFiguresState.compare.fn(state, form))

    compare(
        {
            "before_from": "2026-01-05",
            "before_to": "2026-01-07",
            "after_from": "2026-06-15",
            "after_to": "2026-06-17",
        }
    )
    assert state.error == "" and state.changes[0].label
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert state.futures == ["Ansöka om förskoleplats (önskat läge)"]
    assert any("slutade 2026-06-12" in line for line in state.cohorts)
    compare({"before_from": "5 jan", "before_to": "", "after_from": "", "after_to": ""})
    assert state.field_errors == {"before_from": "Skriv första dagen före som ÅÅÅÅ-MM-DD."}


def test_figures_export_as_csv_and_xlsx_through_the_download_helper(demo):
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from academy.journeys.web.api import ROUTES
    from tests.integration.journeys.test_api import token

    with session_scope(demo) as session:
        import_id = session.scalar(select(ContactImport.id))
    client = TestClient(Starlette(routes=ROUTES))
    url = f"/api/kundresor/kontakter/{import_id}"
    assert client.get(f"{url}/csv").status_code == 401
    client.cookies.set("sa_session", token("medarbetare@demo.se"))
    assert client.get(f"{url}/csv").status_code == 403
    client.cookies.set("sa_session", token("utbildare@demo.se"))
    answer = client.get(f"{url}/csv")
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"
    lines = answer.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Grupp;Namn;Kontakter;Lösta i första kontakten")
    assert lines[1].startswith("Alla;Alla;6500;")
    assert any(line.startswith("Kategori;Felanmälan gata;") for line in lines)
    assert client.get(f"{url}/xlsx").content[:2] == b"PK"
    assert client.get(f"{url}/pdf").status_code == 404


def test_the_journey_list_links_kontaktanalys_for_those_who_may_see_it(demo):
    from academy.journeys.web.list_state import JourneyListState

    for email, expected in [
        ("strateg@demo.se", True),
        ("utbildare@demo.se", True),
        ("medarbetare@demo.se", False),
    ]:
        state = logged_in(JourneyListState, email)
        state.load()
        assert state.can_see_contacts is expected, email


def test_uploads_never_imported_are_removed_after_a_day(demo):
    import os
    import time

    from academy.journeys.web.contacts_state import remove_stale_uploads, upload_folder

    old, new = upload_folder() / "old-upload", upload_folder() / "new-upload"
    old.write_bytes(b"x")
    new.write_bytes(b"y")
    os.utime(old, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    remove_stale_uploads()
    assert not old.exists() and new.exists()
    new.unlink()


# ---- figures off the event loop, kept; a unit's settings; training by topic ------------------


@pytest.fixture(autouse=True)
def fresh_figures():
    """Each test restores its database, so import ids repeat: start without kept figures."""
    service.clear_cache()
    yield
    service.clear_cache()


def in_app(monkeypatch, state_class, import_id):
    """Let a background event's `async with self` and the route parameter work outside an app."""

    class Context:
        def __init__(self, state):
            self.state = state

        async def __aenter__(self):
            return self.state

        async def __aexit__(self, *exc):
            return False

    monkeypatch.setattr(state_class, "__aenter__", lambda self: Context(self).__aenter__())
    monkeypatch.setattr(state_class, "__aexit__", lambda self, *exc: Context(self).__aexit__())
    monkeypatch.setattr(state_class, "_param", lambda self, name: import_id)


def repeat_file() -> bytes:
    """One caller twice, ten days apart; a repeat only with a window of ten days or more."""
    lines = [
        "2026-03-02 09:00;telefon;svenska;Parkering;ja;;värde;;070-111 11 11\n",
        "2026-03-12 09:00;telefon;svenska;Parkering;nej;Parkeringsenheten;svikt;Fel;"
        "070-111 11 11\n",
    ]
    return (HEADER + "".join(lines)).encode()


def test_the_figures_are_computed_in_a_worker_thread_and_kept(demo, monkeypatch):
    import threading

    import_id = do_import(demo, "strateg@demo.se", small_file())
    computed: list[tuple[threading.Thread, bool]] = []
    real = service.summarize
    state = logged_in(ContactFiguresState, "strateg@demo.se")

    def spy(*args, **kwargs):
        computed.append((threading.current_thread(), state.computing))
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "summarize", spy)
    in_app(monkeypatch, ContactFiguresState, import_id)
    assert ContactFiguresState.event_handlers["load"].is_background
    loop_threads: list[threading.Thread] = []

    async def open_page():
        loop_threads.append(threading.current_thread())
        await ContactFiguresState.load.fn(state)

    asyncio.run(open_page())
    assert state.error == "" and state.overall[0].contacts == "12"
    assert not state.computing
    # computed once, off the event loop's thread, while the page said "Beräknar …"
    assert len(computed) == 1 and computed[0][0] is not loop_threads[0] and computed[0][1]
    asyncio.run(open_page())  # opened again: the kept figures, nothing computed
    assert len(computed) == 1 and state.overall[0].contacts == "12"
    # new settings are a new computation (in the worker thread again)
    assert state.save_settings({"window_days": "14", "goal_percent": "60"}) is not None
    asyncio.run(ContactFiguresState.recompute.fn(state))
    assert len(computed) == 2 and computed[1][0] is not threading.main_thread()
    assert "inom 14 dagar" in state.settings_text and "60 %" in state.settings_text
    assert state.notice == "Inställningarna är sparade. Siffrorna räknas om."


def test_the_figures_page_reports_a_refusal_from_the_worker_thread(demo, monkeypatch):
    in_app(monkeypatch, ContactFiguresState, 999999)
    state = logged_in(ContactFiguresState, "strateg@demo.se")
    asyncio.run(ContactFiguresState.load.fn(state))
    assert state.error == service.NOT_FOUND and state.overall == [] and not state.computing


def test_a_new_import_is_in_a_date_periods_figures_at_once(demo):
    who = actor(demo, "strateg@demo.se")
    unit = unit_id(demo, "Servicecenter")
    with session_scope(demo) as session:
        period = service.date_period(session, who, unit, date(2026, 3, 1), date(2026, 3, 31))
        before = service.figures(session, period).overall.contacts
    do_import(demo, "strateg@demo.se", repeat_file())
    with session_scope(demo) as session:
        after = service.figures(session, period).overall.contacts
    assert after == before + 2


def test_a_units_settings_are_stored_checked_and_used(demo):
    strategist, trainer = actor(demo, "strateg@demo.se"), actor(demo, "utbildare@demo.se")
    import_id = do_import(demo, "strateg@demo.se", repeat_file())
    unit = unit_id(demo)
    with session_scope(demo) as session:
        period = service.import_period(session, strategist, import_id)
        assert service.figures(session, period).overall.repeat_contacts == 0  # 7 days
        assert service.unit_settings(session, unit).own is False
    refusals = [
        (("366", "80"), "window_days", "Fönstret för återkommande kontakt ska vara 0–365 dagar."),
        (("-1", "80"), "window_days", "Fönstret för återkommande kontakt ska vara 0–365 dagar."),
        (("sju", "80"), "window_days", "Skriv fönstret för återkommande kontakt som ett heltal."),
        (("7", "0"), "goal_percent", "Målet för lösta i första kontakten ska vara 1–100 %."),
        (("7", "101"), "goal_percent", "Målet för lösta i första kontakten ska vara 1–100 %."),
    ]
    for (window, goal), field, message in refusals:
        with pytest.raises(ValidationError) as refused, session_scope(demo) as session:
            service.save_settings(session, strategist, unit, window, goal)
        assert (refused.value.field, refused.value.message) == (field, message)
    with pytest.raises(AccessDenied), session_scope(demo) as session:
        service.save_settings(session, trainer, unit, "10", "70")
    with session_scope(demo) as session:
        saved = service.save_settings(session, strategist, unit, "10", "70 %")
    assert (saved.window_days, saved.goal_percent, saved.own) == (10, 70, True)
    with session_scope(demo) as session:
        summary = service.figures(session, period)
        assert summary.overall.repeat_contacts == 1  # the contact ten days later
        assert service.settings_of(session, trainer, unit).goal_percent == 70
    with session_scope(demo) as session:
        service.reset_settings(session, strategist, unit)
    with session_scope(demo) as session:
        assert service.figures(session, period).overall.repeat_contacts == 0
        assert service.unit_settings(session, unit).own is False


def test_the_settings_form_shows_the_refusal_beside_its_field(demo):
    import_id = do_import(demo, "strateg@demo.se", small_file())
    state = logged_in(ContactFiguresState, "strateg@demo.se")
    state.import_id = import_id
    assert state._run(state._show), state.error
    assert (state.window_days, state.goal_percent) == ("7", "80")
    assert state.save_settings({"window_days": "400", "goal_percent": "80"}) is None
    assert state.message_at == "contacts-settings"
    assert state.field_errors == {
        "window_days": "Fönstret för återkommande kontakt ska vara 0–365 dagar."
    }


def test_training_matches_a_category_by_its_topics_not_by_its_words(demo):
    strategist = actor(demo, "strateg@demo.se")
    unit = unit_id(demo)
    do_import(demo, "strateg@demo.se", small_file())
    # "Klarspråk i mejl" shares no word with the category; "Telefon" shares a word, no topic
    with session_scope(demo) as session:
        found = service.matching_training(session, unit, ["Testkategori", "Bemötande i telefon"])
    assert found == {"Testkategori": [], "Bemötande i telefon": []}
    with session_scope(demo) as session:
        tags = service.set_category_topics(
            session, strategist, unit, "Testkategori", " #Skriftlig  kommunikation, telefon "
        )
    assert tags == ("skriftlig kommunikation", "telefon")
    with session_scope(demo) as session:
        found = service.matching_training(session, unit, ["Testkategori"])["Testkategori"]
    modules = [label for label in found if label.startswith("Modul: Klarspråk i mejl")]
    assert modules and all(label.endswith("(ämne skriftlig kommunikation)") for label in modules)
    assert any(label.startswith("Modul: Bemötande i telefon") for label in found)
    assert any(  # a telephone scenario, by its channel
        label == "Övning: Upprörd medborgare om utebliven sophämtning (ämne telefon)"
        for label in found
    )
    with pytest.raises(ValidationError) as refused, session_scope(demo) as session:
        service.set_category_topics(session, strategist, unit, "Testkategori", "x" * 61)
    assert refused.value.field == "topics"
    with pytest.raises(AccessDenied), session_scope(demo) as session:
        service.set_category_topics(
            session, actor(demo, "utbildare@demo.se"), unit, "Testkategori", "telefon"
        )
    with session_scope(demo) as session:
        service.set_category_topics(session, strategist, unit, "Testkategori", "")
        assert service.matching_training(session, unit, ["Testkategori"]) == {"Testkategori": []}


def test_training_linked_to_the_categorys_step_matches_too(demo):
    from academy.journeys import links

    strategist = actor(demo, "strateg@demo.se")
    unit, journey_id = unit_id(demo), _felanmalan_id(demo)
    do_import(demo, "strateg@demo.se", small_file())
    with session_scope(demo) as session:
        target = next(v for v, label in links.target_choices(session) if v.startswith("exercise:"))
        links.link_training(session, strategist, journey_id, "bedomer", target)
        service.link_category(session, strategist, unit, "Testkategori", f"{journey_id}:bedomer")
    with session_scope(demo) as session:
        found = service.matching_training(session, unit, ["Testkategori"])["Testkategori"]
    assert len(found) == 1 and found[0].startswith("Övning: ")
    assert found[0].endswith("(kopplad till steget)")


def test_the_ranking_shows_topics_and_the_matching_training(demo):
    state = logged_in(ContactFiguresState, "strateg@demo.se")
    with session_scope(demo) as session:
        state.import_id = session.scalar(select(ContactImport.id))
    assert state._run(state._show), state.error
    rows = {row.category: row for row in state.ranking}
    assert rows["Faktura VA"].topics == "klarspråk, skriftlig kommunikation"
    assert "Modul: Klarspråk i mejl" in rows["Faktura VA"].training
    assert "klarspråk" in state.known_topics and "telefon" in state.known_topics
    state.save_topics({"category": "Parkering", "topics": "svåra samtal"})
    assert state.notice == "Ämnena för Parkering är sparade."
    rows = {row.category: row for row in state.ranking}
    assert rows["Parkering"].topics == "svåra samtal"
    assert "Modul: Bemötande i telefon" in rows["Parkering"].training


def test_the_newest_imports_figures_are_computed_as_the_server_starts(demo, monkeypatch):
    """After a restart the first person to open a journey with observed contacts waited while
    its import was read back and summarised; the server now does it as it starts."""
    from academy.journeys.web.warm_up import keep_contact_figures

    computed: list[int] = []
    real = service.summarize
    monkeypatch.setattr(service, "summarize", lambda *a, **k: computed.append(1) or real(*a, **k))
    run_event(keep_contact_figures())
    assert computed == [1]  # the demo's one unit with contacts, its newest import
    strategist = actor(demo, "strateg@demo.se")
    with session_scope(demo) as session:
        observed, _period = service.observed_for_journey(session, strategist, _felanmalan_id(demo))
        import_id = session.scalar(select(ContactImport.id))
        service.prepare_figures(session, strategist, import_id)
    assert observed["ringer"].contacts > 100
    assert computed == [1]  # the journey and Kontaktanalys found them kept
