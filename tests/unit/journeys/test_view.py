"""What the journey pages show: typed rows with the glossary's Swedish words."""

from academy.journeys.store import JourneySummary, VersionRow
from academy.journeys.web import view
from journeys.examples import load_example
from journeys.model import Flow, Journey, Lane, Stage, Step
from journeys.report import compare, summarize


def blueprint() -> Journey:
    return Journey(
        title="Bygglov",
        stages=[Stage("ansokan", "Ansökan"), Stage("beslut", "Beslut")],
        lanes=[
            Lane("medborgare", "Medborgare", "customer"),
            Lane("kvl", "Kommunvägledare", "frontstage"),
            Lane("handl", "Handläggning", "backstage"),
            Lane("system", "Ärendesystem", "support"),
        ],
        steps=[
            Step("a", "ansokan", "medborgare", "Ringer", channel="telefon", emotion=-1.5),
            Step(
                "b",
                "ansokan",
                "kvl",
                "Svarar",
                pain_points=["Lång kö", "Fel nummer"],
                first_contact_resolution=0.75,
                volume_per_week=40,
            ),
        ],
        flows=[Flow("a", "b", "handoff", 0.5), Flow("b", "a", "rework")],
    )


def test_lane_kinds_are_the_glossary_words_never_frontstage():
    roles = [row.role for row in view.column_rows(blueprint(), "lane")]
    assert roles == [
        "Medborgarens bana",
        "Främre led (synlig)",
        "Bakre led (osynlig)",
        "Stödprocess / System",
    ]
    assert not any("stage" in word.lower() for word in view.LANE_ROLE_SV.values())


def test_column_rows_count_steps_and_know_the_ends_of_the_list():
    stages = view.column_rows(blueprint(), "stage")
    assert [(s.name, s.steps, s.steps_text) for s in stages] == [
        ("Ansökan", 2, "2 steg"),
        ("Beslut", 0, "0 steg"),
    ]
    assert (stages[0].first, stages[0].last, stages[1].last) == (True, False, True)
    assert stages[0].role == "" and stages[0].anchor == "row-stage-ansokan"


def test_step_rows_hold_input_strings_and_the_names_of_stage_and_lane():
    ringer, svarar = view.step_rows(blueprint())
    assert (ringer.stage_name, ringer.lane_name, ringer.emotion) == (
        "Ansökan",
        "Medborgare",
        "-1.5",
    )
    assert ringer.volume_per_week == "" and ringer.pain_list == []
    assert svarar.first_contact_resolution == "75" and svarar.volume_per_week == "40"
    assert svarar.pain_points == "Lång kö\nFel nummer"
    assert svarar.pain_list == ["Lång kö", "Fel nummer"]
    assert view.StepRow().evidence == "assumed"


def test_flow_rows_show_swedish_kinds_and_shares_and_have_unique_keys():
    rows = view.flow_rows(blueprint())
    assert [(r.source_text, r.target_text, r.kind, r.share) for r in rows] == [
        ("Ringer", "Svarar", "Överlämning", "50 %"),
        ("Svarar", "Ringer", "Omtag", ""),
    ]
    assert len({r.key for r in rows}) == 2


def test_figures_and_numbers_are_written_the_swedish_way():
    assert view.number(1.5) == "1,5" and view.number(2.0) == "2" and view.number(None) == "–"
    assert view.percent(0.333) == "33 %" and view.percent(None) == "–"
    journey = load_example("felanmalan-gatubelysning")
    figures = {f.label: f.value for f in view.key_figures(summarize(journey))}
    assert figures["Steg"] == str(len(journey.steps))
    assert figures["Nås utan digitala kanaler"] in ("Ja", "Nej")


def test_journey_and_history_rows():
    summary = JourneySummary(
        7, "Bygglov", "future", "Önskat läge", None, "", "", False, "2026-01-02"
    )
    (row,) = view.journey_rows([summary])
    assert (row.href, row.kind, row.unit, row.owner) == ("/kundresor/7", "Önskat läge", "–", "–")
    (version,) = view.history_rows([VersionRow(3, "", "2026-01-02 10:00", "")])
    assert (version.version, version.author, version.summary) == (3, "–", "–")


def test_comparison_rows_and_import_preview():
    current = load_example("forskoleplats-nulage")
    future = load_example("forskoleplats-onskat-lage")
    rows = view.comparison_rows(compare(current, future))
    assert rows[0].label == "Steg" and rows[0].before == str(len(current.steps))
    assert view.step_names([]) == "inga" and view.step_names(["a", "b"]) == "”a”, ”b”"
    preview = view.import_preview(blueprint())
    assert (preview.title, preview.stages, preview.steps, preview.flows) == (
        "Bygglov",
        "Ansökan, Beslut",
        2,
        2,
    )


def test_download_name_is_an_ascii_slug_with_the_version():
    assert view.download_name("Ansöka om förskoleplats", 3, "svg") == (
        "ansoka-om-forskoleplats-v3.svg"
    )


def test_comparison_names_steps_by_text_and_says_which_moved_each_figure():
    current = load_example("forskoleplats-nulage")
    future = load_example("forskoleplats-onskat-lage")
    result = compare(current, future)
    rows = {row.label: row for row in view.comparison_rows(result, current, future)}
    texts = view.step_texts(current, future)
    moved = rows["Sviktande efterfrågan"].moved_by
    assert moved.startswith("Ändrat av: ")
    # every step is named by its text and what happened to it, never by its id
    for step_id in result["movers"]["failure_demand_share"]:
        assert texts[step_id] in moved
    assert "(borttaget)" in moved and "(nytt)" in moved
    assert "ringer-status" not in moved
    same = [row for row in rows.values() if row.before == row.after]
    assert all(row.moved_by == "Oförändrat." for row in same)
    marks = view.comparison_marks(result)
    assert {marks[s] for s in result["steps_added"]} == {"added"}
    assert {marks[s] for s in result["steps_removed"]} == {"removed"}
    assert view.step_names(result["steps_added"], texts).startswith("”")


def test_every_key_figure_has_a_one_sentence_explanation():
    figures = view.key_figures(summarize(load_example("forskoleplats-nulage")))
    assert figures and all(f.explanation.endswith(".") for f in figures)
    assert all(f.explanation.count(". ") == 0 for f in figures)  # one sentence each


THREE_ACTORS = (
    "journey\n  title Bygglov\n  section Ansökan\n"
    "    Fyller i: 3: Medborgare\n"
    "    Ringer: 1: Medborgare, Kundtjänst, Bygglovshandläggare\n"
    "  section Beslut\n    Beslutar: 4: Bygglovshandläggare\n"
)


def test_the_import_preview_says_how_each_actor_was_used():
    from journeys.formats.mermaid import parse_mermaid

    journey = parse_mermaid(THREE_ACTORS)
    assert view.import_preview(journey).actors == [
        "Medborgare → banan ”Medborgare”",
        "Bygglovshandläggare → banan ”Bygglovshandläggare” och deltagare i ”Ringer”",
        "Kundtjänst → deltagare i ”Ringer”",
    ]
    ringer = next(s for s in journey.steps if s.text == "Ringer")
    assert view.step_row(journey, ringer).participants == "Kundtjänst, Bygglovshandläggare"


def test_an_actor_s_steps_can_go_to_another_lane_before_the_import():
    from journeys.formats.mermaid import parse_mermaid

    journey = parse_mermaid(THREE_ACTORS)
    preview = view.import_preview(journey, {"Bygglovshandläggare": "medborgare", "Nej": "x"})
    assert [o.label for o in preview.lanes] == ["Medborgare", "Bygglovshandläggare"]
    assert [(a.actor, a.lane) for a in preview.lane_actors] == [
        ("Medborgare", "medborgare"),
        ("Bygglovshandläggare", "medborgare"),
    ]
    assert preview.actors[1].startswith("Bygglovshandläggare → banan ”Medborgare”")
    # the steps moved, the empty lane is gone, the actors stay on the steps
    assert {step.lane for step in journey.steps} == {"medborgare"}
    assert [lane.id for lane in journey.lanes] == ["medborgare"]
    beslutar = next(s for s in journey.steps if s.text == "Beslutar")
    assert beslutar.actors == ["Bygglovshandläggare"]
    # an unknown lane is ignored
    other = parse_mermaid(THREE_ACTORS)
    view.import_preview(other, {"Medborgare": "finns-inte"})
    assert len(other.lanes) == 2
