"""GIFT import: every construct, checked on concrete parsed values."""

import pytest

from academy.courses.formats.gift import (
    GiftAnswer,
    GiftQuestion,
    MatchingPair,
    NumericalAnswer,
    parse_gift,
)


def parse_one(text: str) -> GiftQuestion:
    questions = parse_gift(text)
    assert len(questions) == 1, questions
    return questions[0]


# -- multiple choice ---------------------------------------------------------------------


def test_single_answer_multiple_choice():
    question = parse_one("Vilken kommun? {=Lund ~Malmö ~Ystad}")
    assert question.kind == "multiple_choice"
    assert question.text == "Vilken kommun?"
    assert question.title == ""
    assert question.text_format == "moodle"
    assert question.multiple is False
    assert question.answers == (
        GiftAnswer("Lund", 1.0),
        GiftAnswer("Malmö", 0.0),
        GiftAnswer("Ystad", 0.0),
    )


def test_multiple_choice_with_feedback_per_answer_and_general_feedback():
    question = parse_one("Fråga {=rätt#Bra! ~fel#Tyvärr. ####Läs kapitel 2.}")
    assert question.answers == (
        GiftAnswer("rätt", 1.0, "Bra!"),
        GiftAnswer("fel", 0.0, "Tyvärr."),
    )
    assert question.general_feedback == "Läs kapitel 2."


def test_multiple_answer_question_with_weights_including_negative():
    question = parse_one("Vilka två? {~%50%Anna ~%50%Bertil ~%-50%Cecilia ~%-100%David}")
    assert question.kind == "multiple_choice"
    assert question.multiple is True
    assert [answer.weight for answer in question.answers] == [0.5, 0.5, -0.5, -1.0]
    assert [answer.text for answer in question.answers] == ["Anna", "Bertil", "Cecilia", "David"]


def test_weights_with_decimals_are_exact_fractions():
    question = parse_one("Tre av fyra {~%33.333%a ~%33.333%b ~%33.334%c ~d}")
    assert [answer.weight for answer in question.answers] == [0.33333, 0.33333, 0.33334, 0.0]


def test_single_answer_with_partial_credit_is_not_multiple():
    question = parse_one("Bästa svaret? {=bäst ~%50%näst bäst ~sämst}")
    assert question.multiple is False
    assert [answer.weight for answer in question.answers] == [1.0, 0.5, 0.0]


def test_single_full_weight_without_equals_is_single_answer():
    question = parse_one("Q {~%100%a ~b}")
    assert question.multiple is False
    assert question.answers[0] == GiftAnswer("a", 1.0)


def test_answers_on_separate_lines_and_multi_line_question_text():
    question = parse_one("::Rubrik::Första raden\nandra raden {\n    =rätt # bra\n    ~fel\n}\n")
    assert question.title == "Rubrik"
    assert question.text == "Första raden\nandra raden"
    assert question.answers == (GiftAnswer("rätt", 1.0, "bra"), GiftAnswer("fel", 0.0))


# -- true/false ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "correct"),
    [("T", True), ("TRUE", True), ("F", False), ("FALSE", False), ("true", True)],
)
def test_true_false_words(block, correct):
    question = parse_one(f"Påstående {{{block}}}")
    assert question.kind == "true_false"
    assert question.true_false_answer is correct
    true_option, false_option = question.answers
    assert (true_option.text, false_option.text) == ("true", "false")
    assert true_option.weight == (1.0 if correct else 0.0)
    assert false_option.weight == (0.0 if correct else 1.0)


def test_true_false_feedback_goes_to_the_option_the_learner_chooses():
    # {T#shown when wrong#shown when right}: here "false" is wrong and "true" right.
    question = parse_one("Solen är en stjärna. {T#Fel, den är en stjärna.#Rätt!}")
    true_option, false_option = question.answers
    assert true_option.feedback == "Rätt!"
    assert false_option.feedback == "Fel, den är en stjärna."


def test_false_statement_feedback():
    question = parse_one("Månen är en stjärna. {FALSE#Nej, en måne.#Just det.####Allmänt}")
    true_option, false_option = question.answers
    assert true_option == GiftAnswer("true", 0.0, "Nej, en måne.")
    assert false_option == GiftAnswer("false", 1.0, "Just det.")
    assert question.general_feedback == "Allmänt"


def test_true_false_with_only_wrong_feedback():
    question = parse_one("P {T#Tänk om.}")
    assert question.answers == (GiftAnswer("true", 1.0, ""), GiftAnswer("false", 0.0, "Tänk om."))


# -- short answer ------------------------------------------------------------------------


def test_short_answer_with_several_accepted_answers():
    question = parse_one("Vem skrev Röda rummet? {=Strindberg =August Strindberg#Ja!}")
    assert question.kind == "short_answer"
    assert question.answers == (
        GiftAnswer("Strindberg", 1.0),
        GiftAnswer("August Strindberg", 1.0, "Ja!"),
    )


def test_short_answer_with_partial_credit_and_no_leading_equals():
    question = parse_one("Huvudstad? {Stockholm =%50%Sthlm}")
    assert question.answers == (GiftAnswer("Stockholm", 1.0), GiftAnswer("Sthlm", 0.5))


# -- matching ----------------------------------------------------------------------------


def test_matching_pairs_and_extra_answer():
    question = parse_one(
        "Para ihop. {\n =Hund -> skäller\n =Katt -> jamar\n =Ko -> råmar\n = -> kvackar\n}"
    )
    assert question.kind == "matching"
    assert question.matching_pairs == (
        MatchingPair("Hund", "skäller"),
        MatchingPair("Katt", "jamar"),
        MatchingPair("Ko", "råmar"),
        MatchingPair("", "kvackar"),
    )
    assert question.answers == ()


def test_matching_answer_may_contain_arrow():
    question = parse_one("P {=a -> b -> c =d -> e =f -> g}")
    assert question.matching_pairs[0] == MatchingPair("a", "b -> c")


# -- numerical ---------------------------------------------------------------------------


def test_numerical_value_with_tolerance():
    question = parse_one("Hur många? {#5:0.5}")
    assert question.kind == "numerical"
    assert question.numerical_answers == (NumericalAnswer.exact(5.0, 0.5),)
    assert question.numerical_answers[0].bounds() == (4.5, 5.5)


def test_numerical_exact_value_has_zero_tolerance():
    question = parse_one("Hur många? {#42}")
    assert question.numerical_answers == (NumericalAnswer(value=42.0, tolerance=0.0),)


def test_numerical_range():
    question = parse_one("Intervall {#1.5..2.5#Bra}")
    (answer,) = question.numerical_answers
    assert (answer.minimum, answer.maximum, answer.value) == (1.5, 2.5, None)
    assert answer.is_range
    assert answer.feedback == "Bra"


def test_numerical_multiple_answers_with_weights_and_wrong_feedback():
    question = parse_one("När? {#\n=1958:0#Rätt\n=%50%1958:2#Nära\n~#Nej\n}")
    assert question.numerical_answers == (
        NumericalAnswer.exact(1958.0, 0.0, 1.0, "Rätt"),
        NumericalAnswer.exact(1958.0, 2.0, 0.5, "Nära"),
        NumericalAnswer.any_other(0.0, "Nej"),
    )
    assert question.numerical_answers[2].bounds() is None


def test_numerical_negative_numbers_exponent_and_decimal_comma():
    question = parse_one("N {#=-3:0,5 =%50%-10..-5 =%20%1e3}")
    assert question.numerical_answers == (
        NumericalAnswer.exact(-3.0, 0.5),
        NumericalAnswer.between(-10.0, -5.0, 0.5),
        NumericalAnswer.exact(1000.0, 0.0, 0.2),
    )


def test_numerical_star_means_any_other_number():
    question = parse_one("N {#=5 =%0%*#Fel}")
    assert question.numerical_answers[1] == NumericalAnswer.any_other(0.0, "Fel")


# -- essay, description, missing word ----------------------------------------------------


def test_essay():
    question = parse_one("::Uppsats::Beskriv ett samtal. {}")
    assert question.kind == "essay"
    assert question.text == "Beskriv ett samtal."
    assert question.answers == ()


def test_essay_with_general_feedback():
    question = parse_one("Beskriv. {####Tänk på tonen.}")
    assert question.kind == "essay"
    assert question.general_feedback == "Tänk på tonen."


def test_description_has_no_braces():
    question = parse_one("::Info::Nu börjar avsnittet om sekretess.")
    assert question.kind == "description"
    assert question.title == "Info"
    assert question.text == "Nu börjar avsnittet om sekretess."


def test_missing_word_keeps_text_before_and_after():
    question = parse_one("Kommunen har {=en ~två ~tre} växel.")
    assert question.kind == "multiple_choice"
    assert question.text == "Kommunen har "
    assert question.text_after == " växel."
    assert question.is_missing_word
    assert question.display_text() == "Kommunen har _____ växel."


def test_missing_word_at_the_start():
    question = parse_one("{=Lund ~Malmö} ligger i Skåne.")
    assert question.text == ""
    assert question.text_after == " ligger i Skåne."


def test_answer_block_at_the_end_is_not_missing_word():
    question = parse_one("Fråga? {=a ~b}   ")
    assert question.text_after == ""
    assert not question.is_missing_word


# -- text formats, titles, categories, comments ------------------------------------------


@pytest.mark.parametrize("text_format", ["markdown", "html", "plain", "moodle"])
def test_text_format_tags(text_format):
    question = parse_one(f"::T::[{text_format}]**Fet** text {{=a ~b}}")
    assert question.text_format == text_format
    assert question.text == "**Fet** text"


def test_text_format_without_title_and_unknown_tag_is_text():
    assert parse_one("[html]<b>x</b> {=a ~b}").text == "<b>x</b>"
    assert parse_one("[latex]x {=a ~b}").text == "[latex]x"


def test_category_applies_to_following_questions():
    questions = parse_gift(
        "Utan kategori {=a ~b}\n\n"
        "$CATEGORY: $course$/Bemötande/Telefon\n\n"
        "Q1 {=a ~b}\n\n"
        "Q2 {T}\n\n"
        "$CATEGORY: Sekretess\n"
        "Q3 {T}\n"
    )
    assert [q.category for q in questions] == [
        "",
        "$course$/Bemötande/Telefon",
        "$course$/Bemötande/Telefon",
        "Sekretess",
    ]
    assert [q.text for q in questions] == ["Utan kategori", "Q1", "Q2", "Q3"]


def test_comments_blank_lines_and_line_numbers():
    questions = parse_gift(
        "// Quiz om telefon\n"
        "// skriven 2024\n"
        "\n"
        "::A::Första {T}\n"
        "\n"
        "\n"
        "// kommentar före fråga\n"
        "::B::Andra {\n"
        "// kommentar i svaren\n"
        "=ja\n"
        "~nej\n"
        "}\n"
    )
    assert [(q.title, q.line) for q in questions] == [("A", 4), ("B", 8)]
    assert questions[1].answers == (GiftAnswer("ja", 1.0), GiftAnswer("nej", 0.0))


def test_double_slash_inside_a_line_is_not_a_comment():
    question = parse_one("Se https://example.se {=a ~b}")
    assert question.text == "Se https://example.se"


def test_windows_line_endings_and_byte_order_mark():
    questions = parse_gift("\ufeffQ1 {T}\r\n\r\nQ2\r\nrad två {F}\r\n")
    assert [q.text for q in questions] == ["Q1", "Q2\nrad två"]
    assert [q.line for q in questions] == [1, 3]


def test_empty_and_comment_only_files_have_no_questions():
    assert parse_gift("") == []
    assert parse_gift("// bara en kommentar\n\n$CATEGORY: X\n") == []


# -- escapes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\\~", "~"),
        ("\\=", "="),
        ("\\#", "#"),
        ("\\{", "{"),
        ("\\}", "}"),
        ("\\:", ":"),
        ("\\n", "\n"),
        ("\\\\", "\\"),
        ("\\(x\\)", "\\(x\\)"),
    ],
)
def test_escapes_in_question_text_answers_feedback_and_title(raw, expected):
    question = parse_one(f"::T{raw}::Text {raw} slut {{=a{raw}b#f{raw}g ~c}}")
    assert question.title == f"T{expected}"
    assert question.text == f"Text {expected} slut"
    assert question.answers[0] == GiftAnswer(f"a{expected}b", 1.0, f"f{expected}g")


def test_escaped_special_characters_do_not_change_the_question_kind():
    question = parse_one("Q {=1 \\~ 2 \\= 3 \\#4}")
    assert question.kind == "short_answer"
    assert question.answers == (GiftAnswer("1 ~ 2 = 3 #4", 1.0),)


def test_escaped_braces_make_a_description():
    question = parse_one("Skriv \\{ och \\} så syns de.")
    assert question.kind == "description"
    assert question.text == "Skriv { och } så syns de."


def test_escaped_hash_in_feedback_and_general_feedback():
    question = parse_one("Q {=a#nr \\#1 ~b ####se \\#2}")
    assert question.answers[0].feedback == "nr #1"
    assert question.general_feedback == "se #2"


def test_arrow_in_feedback_does_not_make_a_matching_question():
    question = parse_one("Q {=Lund#Skåne -> Lund =lund}")
    assert question.kind == "short_answer"
    assert question.answers[0] == GiftAnswer("Lund", 1.0, "Skåne -> Lund")
