"""The demo course quiz must stay valid and cover the main question kinds."""

from collections import Counter

from academy.courses.demo import demo_path
from academy.courses.formats.gift import parse_gift, write_gift

DEMO = demo_path()


def test_demo_quiz_parses_with_expected_kinds_and_categories():
    questions = parse_gift(DEMO.read_text(encoding="utf-8"))
    assert 8 <= len(questions) <= 12
    kinds = Counter(question.kind for question in questions)
    assert kinds == {
        "multiple_choice": 5,
        "true_false": 2,
        "short_answer": 1,
        "matching": 1,
        "numerical": 1,
        "essay": 1,
        "description": 1,
    }
    assert {question.category for question in questions} == {
        "Bemötande i telefon/Inledning och aktivt lyssnande",
        "Bemötande i telefon/Klarspråk",
        "Bemötande i telefon/Svåra samtal och överlämning",
        "Bemötande i telefon/Sekretess och lösningsgrad",
    }
    assert all(question.title for question in questions)


def test_demo_quiz_has_feedback_on_every_answer_of_choice_questions():
    questions = parse_gift(DEMO.read_text(encoding="utf-8"))
    for question in questions:
        if question.kind in ("multiple_choice", "true_false"):
            assert all(answer.feedback for answer in question.answers), question.title


def test_demo_quiz_survives_a_round_trip():
    questions = parse_gift(DEMO.read_text(encoding="utf-8"))
    assert parse_gift(write_gift(questions)) == questions
