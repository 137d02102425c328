from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from journeys import blueprint, render
from journeys.errors import RenderError
from journeys.examples import example_names, load_example
from journeys.model import Flow, Journey, Lane, Stage, Step
from tests.unit.journeys.builders import loop_journey, split_journey

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = (
    'Hon sa "hej" <script>alert(1)</script> & <b>fet</b> \\N \\G \\\\ \\l '
    '"]; evil [label="x"]; } digraph { <TABLE> &amp; ]]> <!-- x -->\n'
    "rad två: å ä ö Å Ä Ö 😀 \u202e"
)


def svg_root(journey: Journey) -> ET.Element:
    return ET.fromstring(blueprint.render_journey(journey, "svg"))


def hostile_journey() -> Journey:
    return Journey(
        title=HOSTILE,
        stages=[Stage("a", HOSTILE), Stage("b", "B")],
        lanes=[Lane("kund", HOSTILE, "customer"), Lane("back", "Back", "backstage")],
        steps=[
            Step("s1", "a", "kund", HOSTILE, channel="telefon", pain_points=[HOSTILE]),
            Step("s2", "b", "back", "ok\x00\x07\x1b", is_end=True),
        ],
        flows=[Flow("s1", "s2", "handoff", 1.0)],
    )


def texts_of(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def _words(element: ET.Element) -> str:
    return " ".join(" ".join(texts_of(element)).split())


def test_hostile_text_ends_up_as_text_in_the_svg() -> None:
    root = svg_root(hostile_journey())
    first_line, second_line = HOSTILE.split("\n")
    # the title appears line by line, verbatim
    texts = texts_of(root)
    assert first_line in texts and second_line in texts
    # stage header, lane name, step text and pain point are wrapped at spaces, word for word
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    words = " ".join(HOSTILE.split())
    for group_id in ("stage-a", "lane-kund", "step-s1"):
        assert words in _words(groups[group_id])
    assert f"Smärtpunkt: {words}" in _words(groups["step-s1"])
    assert "ok" in texts_of(groups["step-s2"])  # control characters are dropped
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= {"svg", "g", "title", "text", "path", "polygon", "ellipse", "polyline"}
    assert not any(
        "evil" in value or "script" in value
        for element in root.iter()
        for value in element.attrib.values()
    )


def test_the_inline_svg_is_the_same_drawing_without_comments_titles_or_repeated_fonts() -> None:
    rendered = blueprint.render_journey(hostile_journey(), "svg")
    full, page = ET.fromstring(rendered), ET.fromstring(render.inline_svg(rendered))
    assert "<!--" in rendered.decode() and "<!--" not in render.inline_svg(rendered)
    assert not list(page.iter(f"{SVG}title")) and list(full.iter(f"{SVG}title"))
    # the font is inherited from the <svg> element, not repeated on every text
    assert page.get("font-family") == render.FONT
    assert all(text.get("font-family") is None for text in page.iter(f"{SVG}text"))

    # everything else is as Graphviz drew it: the same elements, attributes and text
    def drawing(root: ET.Element) -> list[tuple]:
        return [
            (
                e.tag,
                {k: v for k, v in e.attrib.items() if k != "font-family"},
                e.text if e.tag == f"{SVG}text" else None,  # not the line breaks between tags
            )
            for e in root.iter()
            if e.tag != f"{SVG}title"
        ]

    assert drawing(page)[1:] == drawing(full)[1:]
    assert texts_of(page) == texts_of(full)  # user text that looks like a comment included
    assert any("<!-- x -->" in text for text in texts_of(page))


def test_escape_label_is_plain_markup() -> None:
    escaped = render.escape_label("a<b>&\"c'\\N\nd")
    assert escaped == 'a&lt;b&gt;&amp;&quot;c&#39;\\\\N<BR ALIGN="LEFT"/>d'


def test_every_step_has_a_stable_svg_id() -> None:
    journey = split_journey()
    root = svg_root(journey)
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    assert {f"step-{step.id}" for step in journey.steps} <= ids
    assert {"stage-s1", "stage-s2", "lane-kund", "lane-front", "line-of-visibility"} <= ids


def test_unsafe_ids_are_hashed_not_copied() -> None:
    journey = split_journey()
    journey.steps[1].id = 'web" onclick="x'
    journey.flows = [f for f in journey.flows if "web" not in (f.source, f.target)]
    svg = blueprint.render_journey(journey, "svg").decode()
    assert "onclick" not in svg
    assert render.svg_id("step", 'web" onclick="x').startswith("step-x")


def test_emotion_fill_failure_demand_and_handoff_marks() -> None:
    journey = loop_journey()
    root = svg_root(journey)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    call = groups["step-call"]
    fills = [p.get("fill") for p in call.iter(f"{SVG}path")]
    assert render.EMOTION_FILLS[-1] in fills
    assert len(fills) == 2  # failure demand draws a double border
    assert "↻ Sviktande efterfrågan" in texts_of(call)
    handoff = groups["flow-call--work"]
    assert any(p.get("stroke-width") == "3" for p in handoff.iter(f"{SVG}path"))
    assert "överlämning" in texts_of(handoff)


def _left(group: ET.Element) -> float:
    return float(next(group.iter(f"{SVG}text")).get("x"))


def _centre_x(group: ET.Element) -> float:
    xs = _coordinates(group)[0::2]
    return (min(xs) + max(xs)) / 2


@pytest.mark.parametrize("name", example_names())
def test_stages_are_columns_in_order_and_visible_lanes_come_first(name: str) -> None:
    journey = load_example(name)
    groups = {g.get("id"): g for g in svg_root(journey).iter(f"{SVG}g")}
    headers = [_left(groups[f"stage-{stage.id}"]) for stage in journey.stages]
    assert headers == sorted(headers)
    position = journey.stage_index()
    centres = [
        (position[step.stage], _centre_x(groups[f"step-{step.id}"])) for step in journey.steps
    ]
    for stage, centre in centres:
        for other_stage, other_centre in centres:
            if stage < other_stage:
                assert centre < other_centre
    line_top = min(_y(groups["line-of-visibility"]))
    for lane in journey.lanes:
        lane_ys = _y(groups[f"lane-{lane.id}"])
        if lane.role in ("customer", "frontstage"):
            assert max(lane_ys) <= line_top
        else:
            assert min(lane_ys) >= line_top


def _coordinates(group: ET.Element) -> list[float]:
    """x, y, x, y, ... of the first outline in a group (a rounded path or a plain polygon)."""
    shape = next(e for e in group if e.tag in (f"{SVG}path", f"{SVG}polygon"))
    outline = shape.get("d") or shape.get("points")
    return [float(n) for n in outline.replace("M", " ").replace("C", " ").replace(",", " ").split()]


def _y(group: ET.Element) -> list[float]:
    return _coordinates(group)[1::2]


def test_png_and_pdf() -> None:
    journey = split_journey()
    assert blueprint.render_journey(journey, "png").startswith(b"\x89PNG")
    assert blueprint.render_journey(journey, "pdf").startswith(b"%PDF")


def test_cache_serves_unchanged_journeys_and_renders_changed_ones() -> None:
    blueprint.JOURNEY_CACHE.clear()
    journey = split_journey()
    first = blueprint.render_journey(journey, "svg")
    assert blueprint.render_journey(split_journey(), "svg") is first
    journey.steps[0].text = "Ändrad"
    changed = blueprint.render_journey(journey, "svg")
    assert changed is not first and "Ändrad".encode() in changed


def test_a_renderer_takes_the_journey_as_it_was_and_runs_dot_when_called(monkeypatch) -> None:
    blueprint.JOURNEY_CACHE.clear()
    render.DOT_CACHE.clear()
    runs = []
    real_run = render.run_dot
    monkeypatch.setattr(render, "run_dot", lambda *a, **k: runs.append(a) or real_run(*a, **k))
    journey = split_journey()
    renderer = blueprint.journey_renderer(journey)
    assert runs == []  # the DOT text is built, graphviz has not run
    journey.steps[0].text = "Ändrad efteråt"
    drawn = renderer()
    assert len(runs) == 1 and "Ändrad efteråt".encode() not in drawn
    assert drawn == blueprint.render_journey(split_journey())
    # A journey too large to draw is refused when the renderer is made, before any dot runs.
    with pytest.raises(RenderError, match="högst"):
        blueprint.journey_renderer(big_journey(render.MAX_STEPS + 1))
    assert len(runs) == 1


def test_render_dot_cache_is_keyed_by_content() -> None:
    dot_text = blueprint.journey_dot(split_journey())
    assert render.render_dot(dot_text) is render.render_dot(dot_text)


def test_time_limit_refuses_with_a_message() -> None:
    journey = big_journey(200)
    with pytest.raises(RenderError, match="sekunder"):
        render.run_dot(blueprint.journey_dot(journey), "svg", timeout=0.001)


def test_size_limits_refuse_before_running_dot() -> None:
    with pytest.raises(RenderError, match="högst"):
        blueprint.render_journey(big_journey(render.MAX_STEPS + 1))
    with pytest.raises(RenderError, match="för stort"):
        render.run_dot("digraph { a }" + " " * render.MAX_DOT_BYTES)


def test_dot_errors_become_render_errors() -> None:
    with pytest.raises(RenderError, match="Graphviz"):
        render.run_dot("digraph { a -> }")
    with pytest.raises(ValueError):
        render.run_dot("digraph { a }", "exe")


def test_text_description_for_screen_readers() -> None:
    text = render.describe_journey(split_journey())
    lines = text.splitlines()
    assert lines[0] == "Kundresa: Delning (nuläge)."
    assert lines.index("  1. Start") < lines.index("  2. Kontakt") < lines.index("  3. Klart")
    assert "  3. Telefon (fas Kontakt, bana Kontaktcenter, kanal telefon, känsla −2)." in lines
    assert "  Telefon → Besök (överlämning)." in lines
    assert "  Behov → Webb (nästa, 70 %)." in lines


def big_journey(size: int) -> Journey:
    stages = [Stage(f"f{n}", f"Fas {n}") for n in range(10)]
    steps = [
        Step(f"s{n}", f"f{n * 10 // size}", "kund", f"Steg {n}", channel="telefon")
        for n in range(size)
    ]
    flows = [Flow(f"s{n}", f"s{n + 1}") for n in range(size - 1)]
    return Journey(
        "Stor", stages=stages, lanes=[Lane("kund", "Kund", "customer")], steps=steps, flows=flows
    )


def test_dot_quote_keeps_names_and_values_inside_their_quotes() -> None:
    assert render.dot_quote("cluster_row_1") == "cluster_row_1"
    assert render.dot_quote("node") == '"node"'  # DOT keywords cannot be bare names
    assert render.dot_quote('a"b\\') == '"a\\"b\\\\"'
    assert render.dot_quote("two\nlines") == '"two\\nlines"'
    assert render.dot_quote(render.html_label("x")) == "<x>"
    assert render.dot_quote("<b>not html</b>") == '"<b>not html</b>"'


# --- the service blueprint ---------------------------------------------------------------------


def _top(group: ET.Element) -> float:
    return min(_y(group))


def _bottom(group: ET.Element) -> float:
    return max(_y(group))


def blueprint_journey() -> Journey:
    """Lanes listed out of blueprint order, one of each role, steps in every lane."""
    return Journey(
        title="Ritning",
        stages=[Stage("a", "Behov"), Stage("b", "Kontakt"), Stage("c", "Beslut")],
        lanes=[
            Lane("system", "Verksamhetssystem", "support"),
            Lane("back", "Handläggning", "backstage"),
            Lane("kund", "Medborgare", "customer"),
            Lane("front", "Kontaktcenter", "frontstage"),
        ],
        steps=[
            Step("behov", "a", "kund", "Behöver hjälp", emotion=-1, is_start=True),
            Step("ringer", "b", "kund", "Ringer", channel="telefon", emotion=-2),
            Step("skriver", "b", "kund", "Skriver ett brev", channel="brev"),
            Step("svarar", "b", "front", "Svarar", pain_points=["Lång kö"], failure_demand=True),
            Step("registrerar", "b", "system", "Registrerar ärendet"),
            Step("beslutar", "c", "back", "Beslutar"),
            Step("beslut", "c", "kund", "Får beslut", emotion=1, is_end=True),
        ],
        flows=[
            Flow("behov", "ringer"),
            Flow("ringer", "svarar", "handoff"),
            Flow("svarar", "registrerar"),
            Flow("registrerar", "beslutar"),
            Flow("beslutar", "beslut", "handoff"),
            Flow("skriver", "beslutar"),
        ],
    )


def test_blueprint_rows_are_in_blueprint_order_with_the_two_lines_between() -> None:
    journey = blueprint_journey()
    groups = {g.get("id"): g for g in svg_root(journey).iter(f"{SVG}g")}
    order = [
        "stage-a",
        "emotion-row",
        "lane-kund",
        "line-of-interaction",
        "lane-front",
        "line-of-visibility",
        "lane-back",
        "lane-system",
    ]
    tops = [_top(groups[name]) for name in order]
    assert tops == sorted(tops), order
    assert "Interaktionslinje" in texts_of(groups["line-of-interaction"])
    assert "Synlighetslinje" in texts_of(groups["line-of-visibility"])
    # every step lies between its lane's neighbouring lines
    interaction = _line_y(svg_root(journey), "line-of-interaction")
    visibility = _line_y(svg_root(journey), "line-of-visibility")
    assert _bottom(groups["step-ringer"]) < interaction < _top(groups["step-svarar"])
    assert _bottom(groups["step-svarar"]) < visibility < _top(groups["step-beslutar"])
    assert _bottom(groups["step-beslutar"]) < _top(groups["step-registrerar"])
    # two citizen steps in one column are stacked inside the citizen lane
    assert _centre_x(groups["step-skriver"]) == pytest.approx(_centre_x(groups["step-ringer"]))
    assert _top(groups["emotion-row"]) < _top(groups["step-skriver"])
    assert _bottom(groups["step-skriver"]) < interaction
    # the stage names form a header row above every step, in stage order
    headers = [groups[f"stage-{stage}"] for stage in "abc"]
    assert [_left(h) for h in headers] == sorted(_left(h) for h in headers)
    assert max(_bottom(h) for h in headers) < min(
        _top(groups[f"step-{step.id}"]) for step in journey.steps
    )


def _line_y(root: ET.Element, line: str) -> float:
    segments = [g for g in root.iter(f"{SVG}g") if g.get("class") == f"edge {line}"]
    ys = sorted(y for segment in segments for y in _y(segment))
    return ys[len(ys) // 2]


def test_blueprint_lines_are_drawn_across_the_diagram() -> None:
    root = svg_root(blueprint_journey())
    for line in ("line-of-interaction", "line-of-visibility"):
        segments = [g for g in root.iter(f"{SVG}g") if g.get("class") == f"edge {line}"]
        xs = [x for segment in segments for x in _coordinates(segment)[0::2]]
        steps = [g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith("step-")]
        assert min(xs) < min(min(_coordinates(step)[0::2]) for step in steps)
        assert max(xs) > max(max(_coordinates(step)[0::2]) for step in steps)
        ys = [y for segment in segments for y in _y(segment)]
        assert max(ys) - min(ys) < 1  # straight
    dashed = [
        path.get("stroke-dasharray")
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "edge line-of-visibility"
        for path in g.iter(f"{SVG}path")
    ]
    assert all(dashed)


def test_only_the_lines_that_separate_lanes_are_drawn() -> None:
    journey = blueprint_journey()
    journey.lanes = [lane for lane in journey.lanes if lane.role in ("customer", "frontstage")]
    journey.steps = [step for step in journey.steps if step.lane in ("kund", "front")]
    journey.flows = []
    ids = {g.get("id") for g in svg_root(journey).iter(f"{SVG}g")}
    assert "line-of-interaction" in ids and "line-of-visibility" not in ids


def test_emotion_row_shows_each_score_as_marker_position_and_text() -> None:
    root = svg_root(blueprint_journey())
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    markers = [g for g in root.iter(f"{SVG}g") if "emotion" in (g.get("class") or "").split()]
    # the citizen's steps: −1 (behov), −2 (ringer), +1 (beslut); the others have none
    by_text = {_words(m): m for m in markers}
    assert sorted(by_text) == ["+1", "−1", "−2"]
    score_y = {
        t: float(next(e for e in m.iter(f"{SVG}text") if e.text.strip()).get("y"))
        for t, m in by_text.items()
    }
    assert score_y["+1"] < score_y["−1"] < score_y["−2"]  # higher scores sit higher
    fills = {t: next(m.iter(f"{SVG}polygon")).get("fill") for t, m in by_text.items()}
    assert fills["−2"] == render.EMOTION_FILLS[-2] and fills["+1"] == render.EMOTION_FILLS[1]
    assert "Känsla" in texts_of(groups["emotion-row"])


def test_pain_points_failure_demand_and_legend_are_marked() -> None:
    root = svg_root(blueprint_journey())
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    step = texts_of(groups["step-svarar"])
    assert "⚠" in step and "↻ Sviktande efterfrågan" in step
    legend = texts_of(groups["journey"])
    for mark in ("Teckenförklaring", "⚠ Smärtpunkt", "↻ Sviktande efterfrågan (dubbel ram)"):
        assert mark in legend
    assert {"−2", "−1", "0", "+1", "+2"} <= set(legend)


def test_blueprint_columns_put_a_separator_between_stages() -> None:
    from journeys.blueprint import blueprint_columns

    columns, starts, separators, count = blueprint_columns(blueprint_journey())
    # Kontakt needs three columns (ringer -> svarar -> registrerar), Beslut two
    assert starts == [1, 3, 7] and separators == [2, 6] and count == 9
    assert [columns[s] for s in ("behov", "ringer", "svarar", "registrerar")] == [1, 3, 4, 5]
    assert columns["beslutar"] == 7 and columns["beslut"] == 8


def test_comparison_marks_are_text_border_and_class_on_the_step() -> None:
    journey = blueprint_journey()
    svg = blueprint.render_journey(
        journey, "svg", marks={"ringer": "added", "svarar": "removed", "beslut": "changed"}
    )
    groups = {g.get("id"): g for g in ET.fromstring(svg).iter(f"{SVG}g")}
    assert "+ Nytt i önskat läge" in texts_of(groups["step-ringer"])
    assert "− Finns inte i önskat läge" in texts_of(groups["step-svarar"])
    assert "≠ Ändrat" in texts_of(groups["step-beslut"])
    assert "step-added" in groups["step-ringer"].get("class")
    assert "Ringer" in texts_of(groups["step-ringer"])
    unmarked = blueprint.render_journey(journey, "svg")
    assert "Nytt i önskat läge" not in unmarked.decode()  # marks are part of the cache key


def test_very_large_journeys_get_the_compact_layout() -> None:
    small = big_journey(20)
    large = big_journey(blueprint.GRID_MAX_STEPS + 1)
    assert "line_of_interaction" not in blueprint.journey_dot(small)  # one customer lane
    assert "cluster_row_0" in blueprint.journey_dot(large)
    assert "cluster_row_0" not in blueprint.journey_dot(small)
    assert "Fas 0" in blueprint.render_journey(large, "svg").decode()


def test_participants_are_shown_on_the_step() -> None:
    journey = blueprint_journey()
    journey.step("ringer").actors = ["Medborgare", "Kundtjänst", "Handläggare"]
    groups = {g.get("id"): g for g in svg_root(journey).iter(f"{SVG}g")}
    assert "Deltar: Kundtjänst, Handläggare" in texts_of(groups["step-ringer"])
