from textwrap import dedent

import pytest

from academy.practice.demo import demo_path
from academy.practice.formats.twee import TweeParseError, canonical, export_twee, parse_twee
from academy.practice.play import play
from academy.practice.scenario import Choice, Node, validate

HEADER = """\
:: StoryTitle
Samtal om bygglov

:: StoryData
{"ifid": "ABCD-1234", "format": "Harlowe", "start": "Början"}

:: ScenarioSetting
kanal: besök
situation: En granne kommer till receptionen.
kundresesteg: bygglov/ansökan
dimensioner: Tydlighet, Empati
"""


def parse(body: str):
    return parse_twee(HEADER + "\n" + dedent(body))


def parse_errors(source: str) -> list[str]:
    with pytest.raises(TweeParseError) as raised:
        parse_twee(dedent(source))
    return [str(e) for e in raised.value.errors]


def test_story_title_data_and_setting_are_read():
    scenario = parse(
        """\
        :: Början
        Hej.
        [[Slut]]
        {feedback: Kort men rätt.}

        :: Slut [end]
        Tack.
        ---
        Klart.
        """
    )
    assert scenario.title == "Samtal om bygglov"
    assert scenario.ifid == "ABCD-1234"
    assert scenario.start == "Början"
    assert scenario.setting.channel == "besök"
    assert scenario.setting.situation == "En granne kommer till receptionen."
    assert scenario.setting.journey_step == "bygglov/ansökan"
    assert scenario.dimensions == ["Tydlighet", "Empati"]
    assert [n.id for n in scenario.nodes] == ["Början", "Slut"]
    assert scenario.nodes[1] == Node("Slut", "Tack.", is_end=True, closing="Klart.")
    assert validate(scenario) == []


def test_start_falls_back_to_passage_named_start():
    scenario = parse_twee(':: StoryData\n{"ifid": "X"}\n\n:: Start\nHej\n\n:: Annan\nx\n')
    assert scenario.start == "Start"


def test_no_start_at_all_is_a_validation_problem_not_a_parse_error():
    scenario = parse_twee(":: Annan\nx\n")
    assert scenario.start == ""
    assert "missing_start" in [p.code for p in validate(scenario)]


def test_every_link_form():
    scenario = parse(
        """\
        :: Början
        Vad gäller det?

        [[Slut]]
        [[Jag kollar->Slut]]
        [[Slut<-Vänta lite]]
        [[Ett ögonblick|Slut]]
        [[Pil -> i texten->Slut]]

        :: Slut [end]
        x
        ---
        y
        """
    )
    links = [(c.id, c.text, c.target) for c in scenario.choices]
    assert links == [
        ("Början#1", "Slut", "Slut"),
        ("Början#2", "Jag kollar", "Slut"),
        ("Början#3", "Vänta lite", "Slut"),
        ("Början#4", "Ett ögonblick", "Slut"),
        ("Början#5", "Pil -> i texten", "Slut"),  # rightmost '->' divides, as in Twine
    ]


def test_feedback_and_scores_on_one_or_two_lines():
    scenario = parse(
        """\
        :: Början
        Jag är så arg!

        [[Jag förstår att du är upprörd.->Slut]]
        {feedback: Bra, du bekräftar känslan.} {Empati:+2 Tydlighet:+1}

        [[Lugna ner dig.->Slut]]
        {feedback: Avvisande.}
        {Empati:-2}

        [[Hmm.->Slut]]
        {Tydlighet:0}
        """
    )
    first, second, third = scenario.choices
    assert first.feedback == "Bra, du bekräftar känslan."
    assert first.scores == {"Empati": 2, "Tydlighet": 1}
    assert (second.feedback, second.scores) == ("Avvisande.", {"Empati": -2})
    assert (third.feedback, third.scores) == ("", {"Tydlighet": 0})


def test_citizen_text_image_and_multiline_text():
    scenario = parse(
        """\
        :: Början {"position":"250,120.5"}
        {bild: bilder/receptionen.png}
        Grannen lägger en ritning på disken.
        ”Vad är det här för bygge?”

        [[Slut]]
        """
    )
    node = scenario.nodes[0]
    assert node.text == "Grannen lägger en ritning på disken.\n”Vad är det här för bygge?”"
    assert node.image == "bilder/receptionen.png"
    assert node.position == (250.0, 120.5)


def test_escapes_in_passage_names_and_tags():
    scenario = parse_twee(
        ":: Start\nx\n[[Val->Rum \\[1\\] \\{a\\} \\\\b]]\n\n"
        ':: Rum \\[1\\] \\{a\\} \\\\b [end sl\\]ut] {"position":"1,2"}\ny\n---\nz\n'
    )
    node = scenario.node("Rum [1] {a} \\b")
    assert node is not None and node.is_end and node.position == (1.0, 2.0)
    # Link targets are plain text (no header escapes), so this link points at another name.
    assert scenario.choices[0].target == "Rum \\[1\\] \\{a\\} \\\\b"


def test_exported_names_are_escaped_and_read_back():
    scenario = parse_twee(":: Start\nx\n[[Val->Rum [1] {a} \\b]]\n\n:: Rum [1] {a} \\b [end]\ny\n")
    # The header above is unescaped, so Twee reads name 'Rum', tags ['1'] and metadata.
    assert [n.id for n in scenario.nodes] == ["Start", "Rum"]
    scenario.nodes[1] = Node("Rum [1] {a} \\b", "y", is_end=True, closing="z")
    text = export_twee(scenario)
    assert ":: Rum \\[1\\] \\{a\\} \\\\b [end]" in text
    assert parse_twee(text).node("Rum [1] {a} \\b") == scenario.nodes[1]


def test_script_and_stylesheet_passages_are_ignored():
    scenario = parse_twee(":: Start\nx\n\n:: Kod [script]\nalert(1)\n\n:: Stil [stylesheet]\np{}\n")
    assert [n.id for n in scenario.nodes] == ["Start"]


def test_missing_setting_passage_gives_validation_problems():
    scenario = parse_twee(":: Start\nx\n")
    codes = {p.code for p in validate(scenario)}
    assert {"missing_channel", "empty_situation", "empty_title"} <= codes
    assert scenario.dimensions == ["Tydlighet", "Empati", "Lösningsfokus", "Korrekthet"]


def test_errors_name_passage_and_line_and_all_are_collected():
    errors = parse_errors(
        """\
        :: Start
        Hej [[inline]] här.
        [[Ok->B]]
        {feedback: Bra} {Empati:+x}

        {feedback: för sent}
        Text efter länkarna.

        :: B [end
        :: Start
        :: StoryData
        {"start":
        """
    )
    assert errors == [
        "rad 2, passagen ”Start”: En länk måste stå ensam på en egen rad.",
        "rad 4, passagen ”Start”: Skriv {feedback: text} eller poäng som "
        "{Dimension:+2 Dimension:-1} (heltal, varje dimension en gång).",
        "rad 6, passagen ”Start”: Återkoppling och poäng måste stå direkt efter länken "
        "de hör till.",
        "rad 7, passagen ”Start”: Efter första länken får bara länkar, {feedback: …}, poäng och "
        "tomma rader stå.",
        "rad 9, passagen ”B”: Taggblocket saknar avslutande ].",
        "rad 10, passagen ”Start”: Passagenamnet finns redan på rad 1.",
        "rad 12, passagen ”StoryData”: Ogiltig JSON i StoryData: Expecting value.",
    ]


def test_more_syntax_errors():
    errors = parse_errors(
        """\
        ::   [x]
        :: A {"position":"1,1"} skräp
        [[]]
        {Empati:+1 Empati:+2}
        [[B]]
        {feedback: a}
        {feedback: b}
        :: ScenarioSetting
        kanal: telefon
        kanal: chatt
        färg: blå
        """
    )
    assert errors == [
        "rad 1: Passagehuvudet saknar namn.",
        "rad 2, passagen ”A”: Oväntad text i passagehuvudet: ”skräp”.",
        "rad 3, passagen ”A”: Länken saknar text eller mål.",
        "rad 4, passagen ”A”: Skriv {feedback: text} eller poäng som "
        "{Dimension:+2 Dimension:-1} (heltal, varje dimension en gång).",
        "rad 7, passagen ”A”: Länken har redan återkoppling.",
        "rad 10, passagen ”ScenarioSetting”: Nyckeln ”kanal” finns redan.",
        "rad 11, passagen ”ScenarioSetting”: Raden ska ha formen ”nyckel: värde” med någon av "
        "nycklarna kanal, situation, kundresesteg, kundresesteg-namn, dimensioner.",
    ]


def test_empty_file_is_an_error():
    assert parse_errors("Bara text utan passager.\n") == [
        "rad 1: Filen innehåller inga passager (rader som börjar med ::)."
    ]


def test_error_message_lists_every_error_on_its_own_line():
    with pytest.raises(TweeParseError) as raised:
        parse_twee(":: A\n[[x]] y\n:: A\n")
    assert str(raised.value) == (
        "rad 2, passagen ”A”: En länk måste stå ensam på en egen rad.\n"
        "rad 3, passagen ”A”: Passagenamnet finns redan på rad 1."
    )


def test_link_to_missing_passage_is_a_validation_problem():
    scenario = parse_twee(":: Start\nx\n[[Vidare->Finns inte]]\n{feedback: ok}\n")
    problems = validate(scenario)
    assert ("missing_target", "Start#1") in [(p.code, p.element_id) for p in problems]


def test_unescapes_twine_double_colon_in_text(scenario):
    scenario.nodes[0] = Node("Start", ":: inte en rubrik\nsista")
    text = export_twee(scenario)
    assert "\\:\\: inte en rubrik" in text
    assert parse_twee(text).nodes[0].text == ":: inte en rubrik\nsista"


def test_round_trip_of_built_scenario(scenario):
    again = parse_twee(export_twee(scenario))
    assert again == canonical(scenario)
    assert [c.id for c in again.choices] == ["Start#1", "Start#2", "Start#3", "Lugn#1", "Arg#1"]
    assert again.choices[0].scores == {"Empati": 2, "Tydlighet": 1}


def test_round_trip_of_file_import_export_import():
    first = parse_twee(demo_path().read_text(encoding="utf-8"))
    second = parse_twee(export_twee(first))
    assert second == first
    assert export_twee(second) == export_twee(first)


def test_export_refuses_what_cannot_be_read_back(scenario):
    scenario.nodes.append(Node("A->B", "x", is_end=True, closing="y"))
    scenario.choices.append(Choice("c9", "Start", "A->B", "Till [[A]]", "ok"))
    with pytest.raises(ValueError) as raised:
        export_twee(scenario)
    assert str(raised.value).splitlines() == [
        "Scenariot kan inte skrivas som Twee:",
        "Passagenamnet ”A->B” går inte att länka till i Twee.",
        "Svarstexten i valet ”c9” kan inte skrivas som länk.",
        "Valet ”c9” har ett mål som inte kan skrivas som länk.",
    ]


def test_demo_scenario_is_valid_and_playable():
    scenario = parse_twee(demo_path().read_text(encoding="utf-8"))
    assert validate(scenario) == []
    assert 6 <= len(scenario.nodes) <= 9
    assert [n.id for n in scenario.nodes if n.is_end] == [
        "Löst",
        "Missnöjd förälder",
        "Falskt löfte",
    ]
    best = play(scenario, ["Start#1", "Går igenom beslutet#1", "Förstår#1"])
    assert best.end_node.id == "Löst"
    assert best.normalised == {
        "Tydlighet": 1.0,
        "Empati": 1.0,
        "Lösningsfokus": 1.0,
        "Korrekthet": 1.0,
    }
    poor = play(scenario, ["Start#2", "Avvisad#2"])
    assert poor.end_node.id == "Missnöjd förälder"
    assert poor.totals["Empati"] == -4
    assert poor.normalised["Empati"] == 0.0


def test_export_refuses_feedback_that_would_read_back_as_scores(scenario):
    scenario.choices[0].feedback = "Bra} {Empati"
    with pytest.raises(ValueError, match="får inte sluta med"):
        export_twee(scenario)


def test_export_writes_the_documented_convention(scenario):
    text = export_twee(scenario)
    assert ":: StoryTitle\nTestsamtal\n" in text
    assert '"start": "Start"' in text
    assert (
        ":: ScenarioSetting\nkanal: telefon\nsituation: En medborgare ringer om ett beslut.\n"
        in text
    )
    assert "[[Jag hjälper dig.->Lugn]]\n{feedback: Bra.} {Empati:+2 Tydlighet:+1}" in text
    assert ":: Slut [end]\nHej då.\n---\nSamtalet är slut." in text


def test_unclosed_link_and_score_syntax_variants():
    errors = parse_errors(
        ":: Start\nx\n[[Vidare->B\n\n:: B\ny\n[[Ok]]\n{Empati:+1, Tydlighet: -2}\n"
    )
    assert errors == ["rad 3, passagen ”Start”: Länken saknar avslutande ]]."]
    scenario = parse_twee(":: B\ny\n[[Ok]]\n{Empati:+1, Tydlighet: -2}\n")
    assert scenario.choices[0].scores == {"Empati": 1, "Tydlighet": -2}
