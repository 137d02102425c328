"""GIFT export: exact output for each kind, escaping, and import -> export -> import."""

import pytest

from academy.courses.formats.gift import (
    GiftAnswer,
    GiftQuestion,
    GiftWriteError,
    MatchingPair,
    NumericalAnswer,
    parse_gift,
    write_gift,
)

EVERY_CONSTRUCT = r"""
// Kommentarer försvinner vid export.
$CATEGORY: $course$/Bemötande

::Val::[markdown]Vilken **hälsning**? {
    =Kommunen, Anna.#Bra!
    ~Hallå?#För kort.
    ~%-50%Vad vill du?
    ####Säg vem du är.
}

::Flera::Vilka två? {~%50%a ~%50%b ~%-100%c}

::Delpoäng::Bäst? {=a ~%33.33333%b ~c}

::TF::Sant? {TRUE#Fel.#Rätt.####Allmänt}

::TF2::Falskt? {F##Rätt.}

::Kort::Stad? {=Lund =%50%lund stad#Nästan}

::Matcha::Para. {=a -> 1 =b -> 2 =c -> 3 = -> 4}

::Tal::Hur många? {#5:0.5}

::Tal2::Intervall? {#-1.5..2.25####Snyggt}

::Tal3::Flera? {#=1958 =%50%1958:2#Nära =%0%*#Fel}

::Tal4::Fel-återkoppling? {#=3.14:0.01 ~#Nej}

::Essä::[html]<p>Beskriv.</p> {####Tänk på tonen.}

::Info::Avsnitt två börjar här.\nNy rad.

$CATEGORY: Sekretess

Lucka: kommunen har {=en ~två} växel.

{=Lund ~Malmö} ligger i Skåne.

::Tecken \: \~ \= \# \{ \} \\::Text \~ \= \# \{ \} \: \\ å ä ö {=a \~ b#c \# d ~e}
"""


def test_round_trip_of_every_construct():
    questions = parse_gift(EVERY_CONSTRUCT)
    assert len(questions) == 16
    written = write_gift(questions)
    assert parse_gift(written) == questions
    # Writing is stable: a second export is identical.
    assert write_gift(parse_gift(written)) == written


def test_round_trip_keeps_fields_compared_by_equality():
    questions = parse_gift(EVERY_CONSTRUCT)
    again = parse_gift(write_gift(questions))
    assert [q.kind for q in again] == [q.kind for q in questions]
    assert [q.category for q in again] == [q.category for q in questions]
    assert again[-1].title == "Tecken : ~ = # { } \\"
    assert again[-1].text == "Text ~ = # { } : \\ å ä ö"


def test_line_is_not_part_of_equality():
    first = GiftQuestion(kind="essay", text="x", line=3)
    second = GiftQuestion(kind="essay", text="x", line=30)
    assert first == second


def test_exact_output_for_single_answer_multiple_choice_with_feedback():
    question = GiftQuestion(
        kind="multiple_choice",
        title="Hälsa",
        text="Hur svarar du?",
        category="Telefon",
        answers=(
            GiftAnswer("Kommunen, Anna", 1.0, "Bra"),
            GiftAnswer("Hallå", 0.0),
            GiftAnswer("Ja?", -0.5, "Nej"),
        ),
        general_feedback="Säg namn.",
    )
    assert write_gift([question]) == (
        "$CATEGORY: Telefon\n"
        "\n"
        "::Hälsa:: Hur svarar du? {\n"
        "\t=Kommunen, Anna#Bra\n"
        "\t~Hallå\n"
        "\t~%-50%Ja?#Nej\n"
        "\t####Säg namn.\n"
        "}\n"
        "\n"
    )


def test_exact_output_for_multiple_answer_question():
    question = GiftQuestion(
        kind="multiple_choice",
        text="Vilka?",
        multiple=True,
        answers=(GiftAnswer("a", 0.5), GiftAnswer("b", 0.5), GiftAnswer("c", 0.0)),
    )
    assert write_gift([question]) == "Vilka? {\n\t~%50%a\n\t~%50%b\n\t~c\n}\n\n"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            GiftQuestion(
                kind="true_false",
                text="Sant?",
                answers=(GiftAnswer("true", 0.0, "Fel"), GiftAnswer("false", 1.0, "Rätt")),
            ),
            "Sant? {F#Fel#Rätt}",
        ),
        (
            GiftQuestion(
                kind="true_false",
                text="Sant?",
                answers=(GiftAnswer("true", 1.0), GiftAnswer("false", 0.0)),
            ),
            "Sant? {T}",
        ),
        (
            GiftQuestion(kind="short_answer", text="Stad?", answers=(GiftAnswer("Lund", 1.0),)),
            "Stad? {=Lund}",
        ),
        (
            GiftQuestion(
                kind="numerical",
                text="Tal?",
                numerical_answers=(NumericalAnswer.between(1.0, 2.5),),
            ),
            "Tal? {#1..2.5}",
        ),
        (
            GiftQuestion(
                kind="numerical",
                text="Tal?",
                numerical_answers=(
                    NumericalAnswer.exact(5.0, 0.5, feedback="Ja"),
                    NumericalAnswer.any_other(feedback="Nej"),
                ),
            ),
            "Tal? {#\n\t=5:0.5#Ja\n\t~#Nej\n}",
        ),
        (
            GiftQuestion(kind="essay", text="Skriv.", text_format="markdown"),
            "[markdown] Skriv. {}",
        ),
        (GiftQuestion(kind="description", text="Rad 1\nRad 2"), "Rad 1\\nRad 2"),
        (
            GiftQuestion(
                kind="short_answer",
                text="Kommunen har ",
                text_after=" växel.",
                answers=(GiftAnswer("en", 1.0),),
            ),
            "Kommunen har {=en} växel.",
        ),
        (
            GiftQuestion(
                kind="matching",
                text="Para",
                matching_pairs=(MatchingPair("a", "1"), MatchingPair("", "2")),
            ),
            "Para {\n\t=a -> 1\n\t= -> 2\n}",
        ),
    ],
)
def test_exact_output_per_kind(question, expected):
    assert write_gift([question]) == expected + "\n\n"


def test_every_special_character_is_escaped():
    question = GiftQuestion(
        kind="description", title="a:b", text="~ = # { } : \\ \n slut", category=""
    )
    assert write_gift([question]) == "::a\\:b:: \\~ \\= \\# \\{ \\} \\: \\\\ \\n slut\n\n"


def test_texts_that_look_like_syntax_get_explicit_markers():
    questions = [
        GiftQuestion(
            kind="multiple_choice",
            text="[html] ser ut som en tagg",
            answers=(GiftAnswer("%50% av alla", 1.0), GiftAnswer("%10%", 0.0)),
        ),
        GiftQuestion(kind="essay", text="// ser ut som en kommentar"),
        GiftQuestion(kind="essay", text="$CATEGORY: ingen kategori"),
    ]
    written = write_gift(questions)
    assert "[moodle] [html] ser ut som en tagg" in written
    assert "=%100%%50% av alla" in written
    assert "~%0%%10%" in written
    assert "[moodle] // ser ut som en kommentar" in written
    assert parse_gift(written) == questions


def test_category_change_back_to_none_is_written():
    questions = [
        GiftQuestion(kind="essay", text="a", category="X"),
        GiftQuestion(kind="essay", text="b", category=""),
    ]
    written = write_gift(questions)
    assert written == "$CATEGORY: X\n\na {}\n\n$CATEGORY:\n\nb {}\n\n"
    assert parse_gift(written) == questions


@pytest.mark.parametrize(
    "question",
    [
        GiftQuestion(
            kind="matching",
            text="P",
            matching_pairs=(MatchingPair("a->b", "1"), MatchingPair("c", "2")),
        ),
        GiftQuestion(kind="short_answer", text="P", answers=(GiftAnswer("a->b", 1.0),)),
        GiftQuestion(
            kind="numerical",
            text="P",
            numerical_answers=(NumericalAnswer.exact(float("nan")),),
        ),
        GiftQuestion(kind="essay", text="P", category="två\nrader"),
    ],
)
def test_unwritable_content_raises(question):
    with pytest.raises(GiftWriteError):
        write_gift([question])


def test_multiple_choice_where_every_answer_is_right_stays_multiple_choice():
    question = GiftQuestion(
        kind="multiple_choice",
        text="Alla rätt",
        answers=(GiftAnswer("a", 1.0), GiftAnswer("->", 1.0)),
    )
    written = write_gift([question])
    assert written == "Alla rätt {\n\t=a\n\t~%100%->\n}\n\n"
    assert parse_gift(written) == [question]
