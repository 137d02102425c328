import pytest

from academy.core.errors import ValidationError
from academy.courses.formats.gift import parse_gift
from academy.courses.questions import (
    QuestionInput,
    clean_question,
    formatted_text,
    from_gift,
    plain_text,
    to_gift,
)


def test_multiple_choice_weights_must_add_up_to_100_percent():
    data = {"options": [{"text": "a", "weight": 0.5}, {"text": "b", "weight": 0.6}]}
    with pytest.raises(ValidationError) as refused:
        clean_question(QuestionInput("multiple_choice", "Vilka?", data=data))
    assert refused.value.message == "De positiva vikterna blir tillsammans 110 % men ska bli 100 %."


def test_weights_outside_minus_100_to_100_percent_are_refused():
    data = {"options": [{"text": "a", "weight": 1.0}, {"text": "b", "weight": -1.5}]}
    with pytest.raises(ValidationError) as refused:
        clean_question(QuestionInput("single_choice", "Vilket?", data=data))
    assert refused.value.message == "En vikt måste ligga mellan -100 % och 100 %."


def test_matching_needs_two_pairs_and_short_answer_a_full_credit_answer():
    with pytest.raises(ValidationError, match="minst två par"):
        clean_question(
            QuestionInput("matching", "Para ihop", data={"pairs": [{"prompt": "a", "match": "b"}]})
        )
    with pytest.raises(ValidationError, match="full poäng"):
        clean_question(
            QuestionInput("short_answer", "Ord?", data={"answers": [{"text": "x", "weight": 0.5}]})
        )


def test_description_has_no_points_and_texts_are_trimmed():
    cleaned = clean_question(QuestionInput("description", "  Om testet  ", title=" Intro "))
    assert (cleaned.text, cleaned.title, cleaned.points, cleaned.data) == (
        "Om testet",
        "Intro",
        0.0,
        {},
    )


@pytest.mark.parametrize(
    "gift",
    [
        "::F::Välj {=rätt#bra ~fel#nej}",
        "::T::Sant? {F#fel#rätt}",
        "::M::Para {=a -> 1 =b -> 2 = -> 3}",
        "::N::Tal? {#=75:0.5#ja =%50%0.74..0.76#nästan ~#nej}",
        "::S::Ord {=få =%50%motta}",
        "::L::Välj två {~%50%a ~%50%b ~%-100%c}",
        "Jag ska {=själv ~inte} sammanfatta.",
        "::E::Beskriv {}",
    ],
)
def test_gift_questions_map_to_rows_and_back(gift):
    question = parse_gift(gift)[0]
    cleaned = clean_question(from_gift(question))
    assert (
        to_gift(cleaned.kind, cleaned.title, cleaned.text, cleaned.general_feedback, cleaned.data)
        == question
    )


def _text_of(gift: str) -> str:
    question = from_gift(parse_gift(gift)[0])
    return formatted_text(question.text, question.data)


def test_a_formatted_question_text_is_shown_as_sanitised_html_and_plain_text_as_it_is():
    assert _text_of("::Om testet::[markdown]Det handlar om **bemötande**.") == (
        "<p>Det handlar om <strong>bemötande</strong>.</p>\n"
    )
    html = _text_of(
        "::Fråga::[html]<p>Vad <em>säger</em> du?</p><script>window.hacked = 1<\\/script>"
        "<img src\\=x onerror\\=alert(1)> {=Hej ~Hallå}"
    )
    assert html.startswith("<p>Vad <em>säger</em> du?</p>")
    assert "script" not in html and "onerror" not in html and "<img" not in html
    assert _text_of("::Fråga:: Hur inleder du **samtalet**? {=Hej ~Hallå}") == ""
    # A missing-word question is shown in two parts around its blank, as plain text.
    assert _text_of("::Lucka::[markdown]Ring tillbaka inom {=två ~tre} **dagar**.") == ""


def _plain_of(gift: str) -> str:
    question = from_gift(parse_gift(gift)[0])
    return plain_text(question.text, question.data)


def test_a_formatted_question_reads_without_its_markup_in_lists_of_questions():
    assert _plain_of("::Om testet::[markdown]Det handlar om **bemötande**:\n- lyssna\n- svara") == (
        "Det handlar om bemötande: lyssna svara"
    )
    assert (
        _plain_of(
            "::Fråga::[html]<p>Vad <em>säger</em> du &amp; hur?</p><p>Svara<script>x<\\/script></p>"
            " {=Hej ~Hallå}"
        )
        == "Vad säger du & hur? Svara"
    )
    # Plain text stays as written, asterisks and all.
    assert _plain_of("::Fråga:: Hur inleder du **samtalet**? {=Hej ~Hallå}") == (
        "Hur inleder du **samtalet**?"
    )
