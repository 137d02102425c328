import pytest

from academy.courses.scoring import passes, quiz_score, score_response

CHOICE = {
    "options": [
        {"text": "Rätt", "weight": 1.0, "feedback": "Bra"},
        {"text": "Halvrätt", "weight": 0.5, "feedback": "Nästan"},
        {"text": "Fel", "weight": 0.0, "feedback": "Nej"},
    ]
}
MULTIPLE = {
    "options": [
        {"text": "a", "weight": 0.5, "feedback": "ja a"},
        {"text": "b", "weight": 0.5, "feedback": "ja b"},
        {"text": "c", "weight": -0.5, "feedback": "nej c"},
        {"text": "d", "weight": -1.0, "feedback": ""},
    ]
}
SHORT = {
    "answers": [
        {"text": "få", "weight": 1.0, "feedback": "Ja!"},
        {"text": "att få", "weight": 1.0, "feedback": ""},
        {"text": "motta", "weight": 0.5, "feedback": "Delvis"},
    ]
}
MATCHING = {
    "pairs": [
        {"prompt": "Öppettider", "match": "Svara direkt"},
        {"prompt": "Beslut", "match": "Varm överlämning"},
        {"prompt": "Frånvarande", "match": "Registrera"},
        {"prompt": "", "match": "Be personen ringa igen"},
    ]
}
NUMERICAL = {
    "answers": [
        {"value": 75.0, "tolerance": 0.5, "minimum": None, "maximum": None, "weight": 1.0,
         "feedback": "Rätt"},
        {"value": None, "tolerance": None, "minimum": 0.74, "maximum": 0.76, "weight": 0.5,
         "feedback": "Andel"},
        {"value": None, "tolerance": None, "minimum": None, "maximum": None, "weight": 0.0,
         "feedback": "Räkna igen"},
    ]
}  # fmt: skip


@pytest.mark.parametrize(
    ("response", "fraction", "feedback"),
    [(0, 1.0, ("Bra",)), (1, 0.5, ("Nästan",)), (2, 0.0, ("Nej",)), (7, 0.0, ()), (None, 0.0, ())],
)
def test_single_choice_scores_the_chosen_weight(response, fraction, feedback):
    score = score_response("single_choice", CHOICE, response)
    assert (score.fraction, score.feedback) == (fraction, feedback)


@pytest.mark.parametrize(
    ("response", "fraction"),
    [
        ([0, 1], 1.0),
        ([0], 0.5),
        ([0, 2], 0.0),  # 0.5 - 0.5
        ([0, 1, 2], 0.5),  # a penalty takes from this question only
        ([2, 3], 0.0),  # floored at 0, never negative
        ([0, 1, 1, 0], 1.0),  # picking the same option twice counts once
        ([], 0.0),
    ],
)
def test_multiple_choice_adds_weights_with_a_floor_of_zero(response, fraction):
    assert score_response("multiple_choice", MULTIPLE, response).fraction == fraction


def test_multiple_choice_feedback_for_each_chosen_option():
    assert score_response("multiple_choice", MULTIPLE, [2, 0]).feedback == ("ja a", "nej c")


def test_true_false():
    data = {"correct": False, "feedback_true": "Nej, sekretess", "feedback_false": "Rätt"}
    assert score_response("true_false", data, False).fraction == 1.0
    assert score_response("true_false", data, True).feedback == ("Nej, sekretess",)
    assert score_response("true_false", data, "false").fraction == 0.0


@pytest.mark.parametrize(
    ("response", "fraction"),
    [("få", 1.0), ("  FÅ ", 1.0), ("Att   få", 1.0), ("Motta", 0.5), ("erhålla", 0.0), ("", 0.0)],
)
def test_short_answer_ignores_case_and_spaces(response, fraction):
    assert score_response("short_answer", SHORT, response).fraction == fraction


@pytest.mark.parametrize(
    ("response", "fraction"),
    [
        (["Svara direkt", "Varm överlämning", "Registrera"], 1.0),
        (["svara direkt", "Registrera", "Varm överlämning"], pytest.approx(1 / 3)),
        (["Svara direkt", "Varm överlämning", None], pytest.approx(2 / 3)),
        (["Be personen ringa igen"], 0.0),
        ("inte en lista", 0.0),
    ],
)
def test_matching_gives_an_equal_share_per_right_pair(response, fraction):
    assert score_response("matching", MATCHING, response).fraction == fraction


@pytest.mark.parametrize(
    ("response", "fraction", "feedback"),
    [
        (75, 1.0, ("Rätt",)),
        ("75,4", 1.0, ("Rätt",)),
        (74.5, 1.0, ("Rätt",)),  # the tolerance is inclusive
        ("0,75", 0.5, ("Andel",)),
        (0.76, 0.5, ("Andel",)),  # so is a range
        (76, 0.0, ("Räkna igen",)),
        ("sjuttiofem", 0.0, ()),
    ],
)
def test_numerical_tolerance_and_range(response, fraction, feedback):
    score = score_response("numerical", NUMERICAL, response)
    assert (score.fraction, score.feedback) == (fraction, feedback)


def test_essay_is_pending_and_description_unscored():
    essay = score_response("essay", {}, "Jag sammanfattar.")
    assert (essay.fraction, essay.pending, essay.correct) == (None, True, False)
    assert score_response("description", {}, None).fraction is None


def test_quiz_score_weights_points_and_waits_for_essays():
    assert quiz_score([(1, 1.0, True), (2, 0.5, True), (0, None, False)]).percent == 66.67
    assert quiz_score([(1, 1.0, True), (1, None, True)]).percent is None
    assert (passes(70.0, 70), passes(69.99, 70), passes(None, 70)) == (True, False, None)
