"""Errors found in GIFT files, with Swedish messages for trainers."""

from __future__ import annotations

from dataclasses import dataclass, field

# Message details per error code, completed with str.format(**params). The full message
# adds which question and line: "Fråga 3 (rad 14): flervalsfrågan saknar rätt svar."
MESSAGES: dict[str, str] = {
    "unclosed_title": "titeln saknar avslutande ::.",
    "unclosed_brace": "svarsblocket saknar avslutande }}.",
    "unmatched_closing_brace": (
        "}} saknar en inledande {{. Skriv \\}} om tecknet ska synas i texten."
    ),
    "nested_brace": "{{ inuti ett svarsblock. Skriv \\{{ om tecknet ska synas i texten.",
    "multiple_answer_blocks": (
        "frågan har mer än ett svarsblock {{…}}. Skilj frågor åt med en tom rad, "
        "och skriv \\{{ och \\}} om klamrar ska synas i texten."
    ),
    "empty_text": "frågetext saknas.",
    "too_many_questions": (
        "filen har fler än {maximum} frågor; högst {maximum} går att importera åt gången. "
        "Dela upp filen."
    ),
    "missing_answer_marker": (
        "svarsalternativet ”{text}” måste börja med = (rätt svar) eller ~ (fel svar)."
    ),
    "empty_answer": "ett svarsalternativ saknar text.",
    "invalid_weight": "vikten {weight} % är ogiltig; den ska ligga mellan -100 % och 100 %.",
    "too_few_answers": "flervalsfrågan behöver minst två svarsalternativ.",
    "no_correct_answer": "flervalsfrågan saknar rätt svar.",
    "no_full_credit_answer": (
        "inget svar ger full poäng. Markera ett rätt svar med = eller ge det vikten %100%."
    ),
    "weights_do_not_sum": (
        "de positiva vikterna blir tillsammans {total} % men ska bli 100 % "
        "när flera svar kan vara rätt."
    ),
    "matching_missing_arrow": "matchningsparet ”{text}” saknar -> mellan fråga och svar.",
    "matching_feedback": (
        "matchningspar kan inte ha återkoppling (#). Skriv \\# om tecknet ska synas i texten."
    ),
    "matching_too_few_pairs": "matchningsfrågan behöver minst två par.",
    "matching_too_few_answers": (
        "matchningsfrågan behöver minst tre svar att välja bland. "
        "Lägg till ett par eller ett extra svar utan fråga (= -> svar)."
    ),
    "no_numerical_answers": "den numeriska frågan saknar svar.",
    "not_a_number": "”{text}” är inte ett tal.",
    "negative_tolerance": "felmarginalen ”{text}” får inte vara negativ.",
    "invalid_range": "intervallet {text} börjar på ett större tal än det slutar på.",
}


@dataclass(frozen=True)
class GiftError:
    """One problem in a GIFT file.

    ``code`` is a stable English identifier for programs and tests; ``message`` is the
    Swedish text shown to trainers.
    """

    code: str
    question_number: int
    line: int
    params: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def message(self) -> str:
        detail = MESSAGES[self.code].format(**self.params)
        return f"Fråga {self.question_number} (rad {self.line}): {detail}"

    def __str__(self) -> str:
        return self.message


class GiftParseError(ValueError):
    """Raised when a GIFT file has at least one invalid question; carries all errors."""

    def __init__(self, errors: list[GiftError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(error.message for error in self.errors))
