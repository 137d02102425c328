"""Aggregation, ranking of needs, first-contact gaps and the breakdown rule, without a database."""

import pytest

from academy.core.errors import ValidationError
from academy.inventory.aggregation import (
    breakdown_allowed,
    distributions,
    first_contact_gaps,
    group_sizes,
    rank_needs,
)
from academy.inventory.answering import clean_answers
from academy.inventory.recommend import modules_matching
from academy.inventory.templates import Option, QuestionView, SectionView, TemplateView

LABELS = ("Mycket osäker", "Osäker", "Mittemellan", "Säker", "Mycket säker")
EMPATHY = QuestionView(1, "likert", "Empati", True, ("empati",), "confidence", labels=LABELS)
CLARITY = QuestionView(2, "likert", "Tydlighet", True, ("klarspråk",), "confidence", labels=LABELS)
PHONE = QuestionView(3, "number", "Telefon", False, ("telefon",), "volume", minimum=0, maximum=500)
MAIL = QuestionView(4, "number", "E-post", False, ("e-post",), "volume", minimum=0, maximum=500)
HARD = QuestionView(
    5,
    "multiple_choice",
    "Vad är svårt?",
    False,
    (),
    "difficulty",
    options=(Option("arga", "Arga invånare", ("svåra samtal",)), Option("regler", "Regler", ())),
)
ERRAND = QuestionView(
    6,
    "single_choice",
    "Bygglov",
    False,
    ("första kontakten",),
    "first_contact",
    options=(Option("yes", "Ja"), Option("could", "Skulle gå"), Option("no", "Nej")),
)
FREE = QuestionView(7, "text", "Övrigt", False, (), "")
TEMPLATE = TemplateView(
    1,
    "Test",
    "",
    (SectionView(1, "Allt", "", (EMPATHY, CLARITY, PHONE, MAIL, HARD, ERRAND, FREE)),),
)


def answers(empathy, clarity, phone, mail, hard, errand, free=None):
    found = {"1": empathy, "2": clarity, "3": phone, "4": mail, "5": hard, "6": errand}
    if free:
        found["7"] = free
    return found


SETS = [
    answers(2, 4, 90, 10, ["arga"], "could", "Zebra"),
    answers(1, 5, 60, 40, ["arga", "regler"], "could", "apa"),
    answers(3, 4, 50, 50, [], "yes"),
    answers(2, 3, 100, 0, ["arga"], "no", "Mera övning"),
]


def test_distribution_counts_percentages_and_means():
    results = {r.question_id: r for r in distributions(TEMPLATE, SETS)}
    empathy = results[1]
    assert [bar.count for bar in empathy.bars] == [1, 2, 1, 0, 0]
    assert [bar.percent for bar in empathy.bars] == [25.0, 50.0, 25.0, 0.0, 0.0]
    assert empathy.bars[0].label == "1 – Mycket osäker"
    assert empathy.mean == 2.0
    assert results[3].mean == 75.0 and results[3].answered == 4
    assert [(b.label, b.count) for b in results[5].bars] == [("Arga invånare", 3), ("Regler", 1)]


def test_free_text_is_sorted_so_order_does_not_follow_the_people():
    assert distributions(TEMPLATE, SETS)[-1].texts == ("apa", "Mera övning", "Zebra")


def test_needs_are_ranked_by_documented_scores():
    needs = {need.topic: need.score for need in rank_needs(TEMPLATE, SETS)}
    # empati: (5 - 2.0) / 4; klarspråk: (5 - 4.0) / 4
    assert needs["empati"] == 0.75 and needs["klarspråk"] == 0.25
    # telefon has 300 of 400 contacts a week, e-post 100
    assert needs["telefon"] == 0.75 and needs["e-post"] == 0.25
    assert needs["svåra samtal"] == 0.75  # 3 of 4 chose "Arga invånare"
    assert needs["första kontakten"] == 0.25  # half of the share 2/4 choosing "could"
    ranked = [need.topic for need in rank_needs(TEMPLATE, SETS)]
    assert ranked[:3] == ["empati", "svåra samtal", "telefon"]  # ties by name
    assert "regler" not in ranked  # an option without topics falls back to the question's: none


def test_need_keeps_its_reasons_in_swedish():
    empathy = next(n for n in rank_needs(TEMPLATE, SETS) if n.topic == "empati")
    assert empathy.reasons == ("Låg självskattad säkerhet: Empati (2,0 av 5)",)


def test_first_contact_gaps():
    gaps = first_contact_gaps(TEMPLATE, SETS)
    assert [(g.errand, g.could, g.answered, g.percent) for g in gaps] == [("Bygglov", 2, 4, 50.0)]


def test_a_breakdown_needs_every_group_empty_or_above_the_threshold():
    assert breakdown_allowed({"yes": 5, "no": 6, "": 0}, 5)
    assert not breakdown_allowed({"yes": 5, "no": 6, "": 2}, 5)
    assert not breakdown_allowed({"yes": 4, "no": 7, "": 0}, 5)


def test_a_small_group_cannot_be_derived_by_differencing_whole_and_filter():
    # Eight answers; two chose "no". Showing "yes+could" (6) next to the whole (8) would give
    # away the two by subtraction, so the question may not split the answers at all.
    sets = [answers(3, 3, 1, 1, [], "yes")] * 6 + [answers(1, 1, 1, 1, [], "no")] * 2
    sizes = group_sizes(ERRAND, sets)
    assert sizes == {"yes": 6, "could": 0, "no": 2, "": 0}
    assert not breakdown_allowed(sizes, 3)
    # Skipping the question is a group of its own, so it cannot be derived either.
    skipped = [answers(3, 3, 1, 1, [], "yes")] * 6 + [{"1": 1}] * 2
    assert group_sizes(ERRAND, skipped)[""] == 2
    assert not breakdown_allowed(group_sizes(ERRAND, skipped), 3)


def test_clean_answers_accepts_and_normalises():
    cleaned = clean_answers(
        TEMPLATE.questions,
        {"1": "2", "2": 5, "3": "12,0", "5": ["regler", "arga"], "6": "could", "7": " hej "},
        complete=True,
    )
    assert cleaned == {"1": 2, "2": 5, "3": 12, "5": ["arga", "regler"], "6": "could", "7": "hej"}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"2": 3}, "Besvara de obligatoriska frågorna: ”Empati”."),
        ({"1": 6, "2": 3}, "”Empati”: välj ett värde från 1 till 5."),
        ({"1": 3, "2": 3, "3": 501}, "”Telefon”: ange ett tal mellan 0 och 500."),
        ({"1": 3, "2": 3, "3": "många"}, "”Telefon”: ange ett tal."),
        ({"1": 3, "2": 3, "6": "kanske"}, "”Bygglov”: välj ett av alternativen."),
        ({"1": 3, "2": 3, "5": ["arga", "hackad"]}, "”Vad är svårt?”: välj bland alternativen."),
        ({"1": 3, "2": 3, "99": "x"}, "Svaret innehåller frågor som inte finns i enkäten."),
    ],
)
def test_clean_answers_refuses_with_swedish_messages(raw, message):
    with pytest.raises(ValidationError) as caught:
        clean_answers(TEMPLATE.questions, raw, complete=True)
    assert caught.value.message == message


def test_a_draft_may_leave_required_questions_empty():
    assert clean_answers(TEMPLATE.questions, {"3": 4}, complete=False) == {"3": 4}


def test_modules_matching_finds_topics_in_title_or_description():
    modules = [
        (1, "Inled samtalet", "Hälsa och presentera dig"),
        (2, "Klarspråk i samtalet", ""),
        (3, "Avslut", "Svåra samtal och överlämning"),
    ]
    found = modules_matching(modules, ["klarspråk", "svåra samtal", "telefon"])
    assert found == [(2, "Klarspråk i samtalet", ("klarspråk",)), (3, "Avslut", ("svåra samtal",))]
