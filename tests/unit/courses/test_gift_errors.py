"""GIFT import errors: codes, question numbers, lines, Swedish messages, all-or-nothing."""

import pytest

from academy.courses.formats.gift import GiftError, GiftParseError, parse_gift


def errors_of(text: str) -> list[GiftError]:
    with pytest.raises(GiftParseError) as raised:
        parse_gift(text)
    return raised.value.errors


def only_error(text: str) -> GiftError:
    errors = errors_of(text)
    assert len(errors) == 1, [error.message for error in errors]
    return errors[0]


def test_message_names_question_and_line_in_swedish():
    text = "Q1 {T}\n\nQ2 {T}\n\n// kommentar\nQ3 {\n~a\n~b\n}\n"
    error = only_error(text)
    assert (error.code, error.question_number, error.line) == ("no_correct_answer", 3, 6)
    assert error.message == "Fråga 3 (rad 6): flervalsfrågan saknar rätt svar."
    assert str(error) == error.message


def test_nothing_is_returned_when_any_question_is_invalid_and_all_errors_are_collected():
    text = (
        "Bra fråga {=a ~b}\n\n"
        "Saknar rätt {~a ~b}\n\n"
        "Bra igen {T}\n\n"
        "Trasigt tal {#fem}\n\n"
        "Obalanserad {=a ~b\n"
    )
    errors = errors_of(text)
    assert [(e.code, e.question_number, e.line) for e in errors] == [
        ("no_correct_answer", 2, 3),
        ("not_a_number", 4, 7),
        ("unclosed_brace", 5, 9),
    ]


def test_exception_message_lists_every_error():
    with pytest.raises(GiftParseError) as raised:
        parse_gift("A {~a ~b}\n\nB {#x}")
    assert str(raised.value).splitlines() == [
        "Fråga 1 (rad 1): flervalsfrågan saknar rätt svar.",
        "Fråga 2 (rad 3): ”x” är inte ett tal.",
    ]


def test_category_lines_do_not_count_as_questions():
    text = "$CATEGORY: A\n\nQ1 {T}\n\n$CATEGORY: B\n\nQ2 {~x ~y}\n"
    error = only_error(text)
    assert (error.question_number, error.line) == (2, 7)


def test_answer_errors_point_at_the_answer_line():
    text = "Fråga {\n=a\n~%150%b\n~c\n}\n"
    error = only_error(text)
    assert (error.code, error.line) == ("invalid_weight", 3)
    assert "150 %" in error.message


# -- structure -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("::Titel utan slut Fråga {T}", "unclosed_title", 1),
        ("Fråga\n{=a ~b", "unclosed_brace", 2),
        ("Fråga } {=a ~b}", "unmatched_closing_brace", 1),
        ("Fråga {=a {~b}", "nested_brace", 1),
        ("Fråga 1 {T}\nFråga 2 {F}", "multiple_answer_blocks", 2),
        ("::Bara titel:: {=a ~b}", "empty_text", 1),
        ("::Bara titel::", "empty_text", 1),
    ],
)
def test_structural_errors(text, code, line):
    error = only_error(text)
    assert (error.code, error.question_number, error.line) == (code, 1, line)


# -- multiple choice -----------------------------------------------------------------------


def test_multiple_choice_without_correct_answer():
    assert only_error("Q {~a ~b ~%-50%c}").code == "no_correct_answer"


def test_multiple_choice_needs_two_answers():
    assert only_error("Q {~a}").code == "too_few_answers"


def test_multiple_answer_weights_must_sum_to_100_percent():
    error = only_error("Q {~%50%a ~%30%b ~%-100%c}")
    assert error.code == "weights_do_not_sum"
    assert "80 %" in error.message


def test_multiple_answer_weights_above_100_percent():
    error = only_error("Q {~%60%a ~%60%b ~c}")
    assert error.code == "weights_do_not_sum"
    assert "120 %" in error.message


def test_thirds_written_with_few_decimals_are_accepted():
    (question,) = parse_gift("Q {~%33.3%a ~%33.3%b ~%33.3%c ~%-100%d}")
    assert question.multiple


def test_two_full_weights_without_equals_do_not_sum():
    # Moodle reads this as a multiple-answer question worth 200 %.
    assert only_error("Q {~%100%a ~%100%b ~c}").code == "weights_do_not_sum"


def test_single_answer_question_needs_a_full_credit_answer():
    assert only_error("Q {~%50%a ~b}").code == "no_full_credit_answer"


def test_answer_without_marker():
    error = only_error("Q {Lund ~Malmö =Ystad}")
    assert error.code == "missing_answer_marker"
    assert "”Lund”" in error.message


def test_empty_answer_text():
    assert only_error("Q {=a ~ ~b}").code == "empty_answer"


@pytest.mark.parametrize("weight", ["150", "-101"])
def test_weight_out_of_range(weight):
    assert only_error(f"Q {{=a ~%{weight}%b}}").code == "invalid_weight"


# -- short answer, matching, numerical -----------------------------------------------------


def test_short_answer_needs_a_full_credit_answer():
    assert only_error("Q {=%50%a =%20%b}").code == "no_full_credit_answer"


def test_matching_needs_two_pairs():
    error = only_error("Q {=a -> 1 = -> 2 = -> 3}")
    assert error.code == "matching_too_few_pairs"
    assert error.message == "Fråga 1 (rad 1): matchningsfrågan behöver minst två par."


def test_matching_with_two_pairs_needs_a_third_answer():
    assert only_error("Q {=a -> 1 =b -> 2}").code == "matching_too_few_answers"
    (question,) = parse_gift("Q {=a -> 1 =b -> 2 = -> 3}")
    assert len(question.matching_pairs) == 3


def test_matching_pair_without_arrow():
    text = "Q {\n=a -> 1\n=b 2\n=c -> 3\n=d -> 4\n}"
    error = only_error(text)
    assert (error.code, error.line) == ("matching_missing_arrow", 3)
    assert "”b 2”" in error.message


def test_matching_feedback_is_rejected():
    assert only_error("Q {=a -> 1#bra =b -> 2 =c -> 3}").code == "matching_feedback"


@pytest.mark.parametrize(
    ("block", "code", "detail"),
    [
        ("#fem", "not_a_number", "”fem”"),
        ("#5:x", "not_a_number", "”x”"),
        ("#a..5", "not_a_number", "”a”"),
        ("#5:-1", "negative_tolerance", "”-1”"),
        ("#5..1", "invalid_range", "5..1"),
        ("#", "no_numerical_answers", "saknar svar"),
        ("#=%50%5", "no_full_credit_answer", "full poäng"),
        ("#=5 =", "empty_answer", "saknar text"),
    ],
)
def test_numerical_errors(block, code, detail):
    error = only_error(f"Hur många? {{{block}}}")
    assert error.code == code
    assert detail in error.message


def test_several_errors_in_one_question_are_all_reported():
    errors = errors_of("Q {#\n=x\n=1..y\n}")
    assert [(e.code, e.line) for e in errors] == [
        ("not_a_number", 2),
        ("not_a_number", 3),
    ]
