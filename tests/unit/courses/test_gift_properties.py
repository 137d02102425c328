"""Property-based round trips: any valid question survives export and re-import unchanged."""

from hypothesis import given, settings
from hypothesis import strategies as st

from academy.courses.formats.gift import (
    TEXT_FORMATS,
    GiftAnswer,
    GiftParseError,
    GiftQuestion,
    MatchingPair,
    NumericalAnswer,
    parse_gift,
    write_gift,
)
from academy.courses.formats.gift.source import escape, unescape

# GIFT's control characters, Swedish letters, and characters that look like other syntax.
ALPHABET = "abcÅÄÖåäö ~=#{}:\\%[]/->\n.?!12"

texts = (
    st.text(alphabet=ALPHABET, min_size=1, max_size=16)
    .map(lambda text: text.strip(" "))
    .filter(lambda text: text.strip() != "")
)
texts_without_arrow = texts.filter(lambda text: "->" not in text)
optional_texts = st.one_of(st.just(""), texts)
categories = st.one_of(
    st.just(""),
    texts.map(lambda text: text.replace("\n", " ").strip()).filter(bool),
)
numbers = st.floats(allow_nan=False, allow_infinity=False)
other_weights = st.one_of(
    st.sampled_from([0.0, 0.5, -0.5, -1.0, 0.1, 0.3333]),
    st.floats(min_value=-1.0, max_value=1.0),
)


def answers(weights: list[float]):
    return st.tuples(
        *(st.builds(GiftAnswer, texts, st.just(weight), optional_texts) for weight in weights)
    )


@st.composite
def single_choice(draw):
    weights = [1.0, *draw(st.lists(other_weights, min_size=1, max_size=4))]
    chosen = draw(st.permutations(weights))
    return {"kind": "multiple_choice", "answers": draw(answers(chosen))}


@st.composite
def multiple_choice(draw):
    positive = draw(st.sampled_from([[0.5, 0.5], [0.25, 0.25, 0.5], [0.3333, 0.3333, 0.3334]]))
    others = draw(st.lists(st.sampled_from([0.0, -0.5, -1.0]), max_size=2))
    chosen = draw(st.permutations(positive + others))
    return {"kind": "multiple_choice", "multiple": True, "answers": draw(answers(chosen))}


@st.composite
def true_false(draw):
    correct = draw(st.booleans())
    true_option = GiftAnswer("true", 1.0 if correct else 0.0, draw(optional_texts))
    false_option = GiftAnswer("false", 0.0 if correct else 1.0, draw(optional_texts))
    return {"kind": "true_false", "answers": (true_option, false_option)}


@st.composite
def short_answer(draw):
    weights = [1.0, *draw(st.lists(st.floats(min_value=0.0, max_value=1.0), max_size=3))]
    accepted = [
        GiftAnswer(draw(texts_without_arrow), weight, draw(optional_texts)) for weight in weights
    ]
    return {"kind": "short_answer", "answers": tuple(accepted)}


@st.composite
def matching(draw):
    prompts = draw(st.lists(texts_without_arrow, min_size=2, max_size=4))
    extra = draw(st.lists(st.just(""), min_size=0 if len(prompts) > 2 else 1, max_size=2))
    pairs = tuple(MatchingPair(prompt, draw(texts)) for prompt in prompts + extra)
    return {"kind": "matching", "matching_pairs": pairs}


@st.composite
def numerical_answer(draw, weight: float):
    feedback = draw(optional_texts)
    form = draw(st.sampled_from(["exact", "range", "any"]))
    if form == "exact":
        tolerance = draw(st.floats(min_value=0.0, allow_infinity=False))
        return NumericalAnswer.exact(draw(numbers), tolerance, weight, feedback)
    if form == "range":
        low, high = sorted([draw(numbers), draw(numbers)])
        return NumericalAnswer.between(low, high, weight, feedback)
    return NumericalAnswer.any_other(weight, feedback)


@st.composite
def numerical(draw):
    weights = [1.0, *draw(st.lists(other_weights, max_size=3))]
    accepted = tuple(draw(numerical_answer(weight)) for weight in weights)
    return {"kind": "numerical", "numerical_answers": accepted}


@st.composite
def questions(draw):
    content = draw(
        st.one_of(
            single_choice(),
            multiple_choice(),
            true_false(),
            short_answer(),
            matching(),
            numerical(),
            st.just({"kind": "essay"}),
            st.just({"kind": "description"}),
        )
    )
    fields = {
        "title": draw(optional_texts),
        "text": draw(texts),
        "text_format": draw(st.sampled_from(TEXT_FORMATS)),
        "category": draw(categories),
        **content,
    }
    if content["kind"] != "description":
        fields["general_feedback"] = draw(optional_texts)
        if draw(st.booleans()):
            # Missing word: whitespace next to the blank is kept, the text before may be empty.
            fields["text"] = draw(st.sampled_from(["", "före ", "före"])) + draw(optional_texts)
            fields["text_after"] = draw(st.sampled_from([" ", ""])) + draw(texts)
    return GiftQuestion(**fields)


@settings(max_examples=300, deadline=None)
@given(st.lists(questions(), min_size=1, max_size=4))
def test_export_then_import_gives_equal_questions(generated):
    written = write_gift(generated)
    assert parse_gift(written) == generated


@settings(max_examples=100, deadline=None)
@given(st.lists(questions(), min_size=1, max_size=3))
def test_import_then_export_then_import_is_stable(generated):
    written = write_gift(generated)
    assert write_gift(parse_gift(written)) == written


@given(st.text(alphabet=ALPHABET + "\t\r", max_size=40))
def test_escape_then_unescape_gives_the_text_back(text):
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    assert unescape(escape(text)) == normalized


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET + "TF$CATEGORY\t", max_size=60))
def test_arbitrary_input_either_parses_or_raises_gift_parse_error(text):
    try:
        parsed = parse_gift(text)
    except GiftParseError as error:
        assert error.errors
        assert all(e.message.startswith(f"Fråga {e.question_number} (rad ") for e in error.errors)
    else:
        assert all(isinstance(question, GiftQuestion) for question in parsed)
