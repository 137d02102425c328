import pytest

from academy.practice.play import PlayError, available_choices, play


def test_best_path_scores_full_marks(scenario):
    result = play(scenario, ["c1", "c4"])
    assert result.path == ["Start", "Lugn", "Slut"]
    assert [c.id for c in result.choices] == ["c1", "c4"]
    assert result.reached_end is True
    assert result.end_node.closing == "Samtalet är slut."
    assert result.totals == {"Tydlighet": 1, "Empati": 2, "Lösningsfokus": 2, "Korrekthet": 0}
    assert result.best_possible == {
        "Tydlighet": 1,
        "Empati": 2,
        "Lösningsfokus": 2,
        "Korrekthet": 0,
    }
    assert result.worst_possible == {
        "Tydlighet": 0,
        "Empati": -2,
        "Lösningsfokus": 2,
        "Korrekthet": 0,
    }
    assert result.normalised == {
        "Tydlighet": 1.0,
        "Empati": 1.0,
        "Lösningsfokus": 1.0,
        "Korrekthet": 1.0,
    }
    assert result.feedback == ["Bra.", "Bra avslut."]


def test_poor_path_is_measured_against_the_options_it_had(scenario):
    result = play(scenario, ["c3", "c5"])
    assert result.path == ["Start", "Arg", "Slut"]
    # Start offers Empati 2/1/-2; Arg offers only c5 (Empati 1, Lösningsfokus -1).
    assert result.totals["Empati"] == -1
    assert result.best_possible["Empati"] == 3
    assert result.worst_possible["Empati"] == -1
    assert result.normalised["Empati"] == 0.0
    assert result.totals["Lösningsfokus"] == -1
    assert result.best_possible["Lösningsfokus"] == -1
    assert result.normalised["Lösningsfokus"] == 1.0


def test_middle_choice_normalises_between_best_and_worst(scenario):
    result = play(scenario, ["c2"])
    assert result.totals["Empati"] == 1
    assert result.normalised["Empati"] == pytest.approx(3 / 4)  # (1 - -2) / (2 - -2)


def test_partial_path_has_not_reached_end(scenario):
    result = play(scenario, ["c1"])
    assert result.path == ["Start", "Lugn"]
    assert result.current_node == "Lugn"
    assert result.reached_end is False
    assert result.end_node is None


def test_no_choices_stays_at_start(scenario):
    result = play(scenario, [])
    assert result.path == ["Start"]
    assert result.totals == {"Tydlighet": 0, "Empati": 0, "Lösningsfokus": 0, "Korrekthet": 0}


def test_choice_not_available_here_is_rejected(scenario):
    with pytest.raises(PlayError) as raised:
        play(scenario, ["c1", "c5"])
    assert str(raised.value) == (
        "Valet ”c5” (steg 2) finns inte i situationen ”Lugn”. Välj ett av de svar som visas."
    )


def test_unknown_choice_is_rejected(scenario):
    with pytest.raises(PlayError, match="”nej”"):
        play(scenario, ["nej"])


def test_no_choice_after_end(scenario):
    with pytest.raises(PlayError, match="situationen ”Slut”"):
        play(scenario, ["c1", "c4", "c4"])


def test_missing_start_cannot_be_played(scenario):
    scenario.start = "Borta"
    with pytest.raises(PlayError, match="startnoden saknas"):
        play(scenario, [])


def test_available_choices(scenario):
    assert [c.id for c in available_choices(scenario, "Start")] == ["c1", "c2", "c3"]
    assert available_choices(scenario, "Slut") == []
