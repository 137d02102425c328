"""Parsing and validation of a GIFT answer block: the part between ``{`` and ``}``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from .model import (
    FALSE_OPTION,
    TRUE_OPTION,
    GiftAnswer,
    MatchingPair,
    NumericalAnswer,
    QuestionKind,
)
from .source import Source

# report(code, position, **params) records an error at the line of ``position``.
Report = Callable[..., None]

_WEIGHT = re.compile(r"%\s*(-?\d+(?:[.,]\d+)?)\s*%")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
_TRUE_WORDS = ("T", "TRUE")
_FALSE_WORDS = ("F", "FALSE")
# Positive weights of a multiple-answer question must total 100 %; thirds are commonly
# written 33.33 % or 33.3 %, so allow a tenth of a percentage point.
_WEIGHT_SUM_TOLERANCE = 0.001
_FULL_CREDIT = 1 - 1e-9


@dataclass
class AnswerBlock:
    kind: QuestionKind
    answers: tuple[GiftAnswer, ...] = ()
    matching_pairs: tuple[MatchingPair, ...] = ()
    numerical_answers: tuple[NumericalAnswer, ...] = ()
    general_feedback: str = ""
    multiple: bool = False


@dataclass
class _Segment:
    """One answer inside the block: the marker (``=``, ``~`` or none) and its raw span."""

    marker: str
    start: int
    end: int


def parse_answer_block(source: Source, start: int, end: int, report: Report) -> AnswerBlock:
    """Parse ``source.text[start:end]`` (inside the braces); errors go to ``report``.

    The kind is decided the way Moodle does it: empty means essay, a leading ``#`` means
    numerical, any ``~`` means multiple choice, ``=`` together with ``->`` means matching,
    T/F/TRUE/FALSE means true/false, and anything else is a short answer.
    """
    block_line_position = start
    start, end = source.strip(start, end)
    general_feedback = ""
    separator = source.rfind("####", start, end)
    if separator != -1:
        general_feedback = source.value(separator + 4, end)
        start, end = source.strip(start, separator)

    parser = _BlockParser(source, report, block_line_position)
    if start == end:
        block = AnswerBlock(kind="essay")
    elif source.text[start] == "#" and source.find("#", start, start + 1) == start:
        block = parser.numerical(start + 1, end)
    elif source.find("~", start, end) != -1:
        block = parser.multiple_choice(start, end)
    elif _has_matching_arrow(source, start, end):
        block = parser.matching(start, end)
    elif _true_false_word(source, start, end) is not None:
        block = parser.true_false(start, end)
    else:
        block = parser.short_answer(start, end)
    block.general_feedback = general_feedback
    return block


def _has_matching_arrow(source: Source, start: int, end: int) -> bool:
    """Whether an ``=`` answer has ``->`` before any feedback.

    Moodle only asks for ``=`` and ``->`` anywhere, which turns a short answer with
    feedback such as ``#a -> b`` into a broken matching question.
    """
    equals = source.find_any("=", start, end)
    for index, position in enumerate(equals):
        segment_end = equals[index + 1] if index + 1 < len(equals) else end
        hash_position = source.find("#", position, segment_end)
        text_end = segment_end if hash_position == -1 else hash_position
        if source.find("->", position, text_end) != -1:
            return True
    return False


def _true_false_word(source: Source, start: int, end: int) -> bool | None:
    hash_position = source.find("#", start, end)
    word = source.text[start : end if hash_position == -1 else hash_position].strip().upper()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    return None


def parse_number(text: str) -> float | None:
    """A GIFT number; a decimal comma is accepted since Swedish trainers write 2,5."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))


class _BlockParser:
    def __init__(self, source: Source, report: Report, block_position: int) -> None:
        self.source = source
        self._report = report
        self.block_position = block_position
        self.answer_errors = 0

    def report(self, code: str, position: int, **params: str) -> None:
        self.answer_errors += 1
        self._report(code, position, **params)

    def report_block(self, code: str, **params: str) -> None:
        """Report a problem with the answers as a whole, unless an answer was already
        reported: a broken answer often explains the rest, and one message is clearer."""
        if not self.answer_errors:
            self._report(code, self.block_position, **params)

    # -- shared pieces -------------------------------------------------------------------

    def segments(self, start: int, end: int, markers: str) -> list[_Segment]:
        """Split at live marker characters; text before the first marker gets marker ''."""
        positions = self.source.find_any(markers, start, end)
        segments: list[_Segment] = []
        leading_start, leading_end = self.source.strip(start, positions[0] if positions else end)
        if leading_start < leading_end:
            segments.append(_Segment("", leading_start, leading_end))
        for index, position in enumerate(positions):
            segment_end = positions[index + 1] if index + 1 < len(positions) else end
            segments.append(_Segment(self.source.text[position], position + 1, segment_end))
        return segments

    def weight(self, segment: _Segment, default: float) -> tuple[float, int]:
        """Read an optional ``%weight%``; returns the weight and where the text starts."""
        start, _ = self.source.strip(segment.start, segment.end)
        match = _WEIGHT.match(self.source.text, start, segment.end)
        if match is None:
            return default, start
        percent = Decimal(match.group(1).replace(",", "."))
        if not -100 <= percent <= 100:
            self.report("invalid_weight", start, weight=match.group(1))
        # Decimal keeps the fraction exact to the written percentage (33.33 -> 0.3333).
        return float(percent / 100), match.end()

    def text_and_feedback(self, start: int, end: int) -> tuple[str, str]:
        hash_position = self.source.find("#", start, end)
        if hash_position == -1:
            return self.source.value(start, end), ""
        return self.source.value(start, hash_position), self.source.value(hash_position + 1, end)

    def line_position(self, segment: _Segment) -> int:
        return self.source.strip(segment.start, segment.end)[0]

    # -- question kinds ------------------------------------------------------------------

    def multiple_choice(self, start: int, end: int) -> AnswerBlock:
        answers: list[GiftAnswer] = []
        has_equals_answer = False
        for segment in self.segments(start, end, "~="):
            if segment.marker == "":
                text = self.source.value(segment.start, segment.end)
                self.report("missing_answer_marker", segment.start, text=text)
                continue
            has_equals_answer = has_equals_answer or segment.marker == "="
            weight, text_start = self.weight(segment, 1.0 if segment.marker == "=" else 0.0)
            text, feedback = self.text_and_feedback(text_start, segment.end)
            if not text:
                self.report("empty_answer", self.line_position(segment))
            answers.append(GiftAnswer(text=text, weight=weight, feedback=feedback))

        positive = [answer.weight for answer in answers if answer.weight > 0]
        # Moodle makes a question multiple-answer when no answer is marked with =; we also
        # require more than one positive weight, so {~%100%a ~b} stays single-answer.
        multiple = not has_equals_answer and len(positive) > 1
        if len(answers) < 2:
            self.report_block("too_few_answers")
        elif not positive:
            self.report_block("no_correct_answer")
        elif multiple:
            total = sum(positive)
            if abs(total - 1) > _WEIGHT_SUM_TOLERANCE + 1e-9:
                self.report_block("weights_do_not_sum", total=_percent(total))
        elif max(positive) < _FULL_CREDIT:
            self.report_block("no_full_credit_answer")
        return AnswerBlock(kind="multiple_choice", answers=tuple(answers), multiple=multiple)

    def true_false(self, start: int, end: int) -> AnswerBlock:
        # {T#feedback when wrong#feedback when right}; store each on the option chosen.
        correct_is_true = _true_false_word(self.source, start, end)
        wrong_feedback = right_feedback = ""
        first_hash = self.source.find("#", start, end)
        if first_hash != -1:
            second_hash = self.source.find("#", first_hash + 1, end)
            if second_hash == -1:
                wrong_feedback = self.source.value(first_hash + 1, end)
            else:
                wrong_feedback = self.source.value(first_hash + 1, second_hash)
                right_feedback = self.source.value(second_hash + 1, end)
        if correct_is_true:
            true_option = GiftAnswer(TRUE_OPTION, 1.0, right_feedback)
            false_option = GiftAnswer(FALSE_OPTION, 0.0, wrong_feedback)
        else:
            true_option = GiftAnswer(TRUE_OPTION, 0.0, wrong_feedback)
            false_option = GiftAnswer(FALSE_OPTION, 1.0, right_feedback)
        return AnswerBlock(kind="true_false", answers=(true_option, false_option))

    def short_answer(self, start: int, end: int) -> AnswerBlock:
        answers: list[GiftAnswer] = []
        # Like Moodle, the first answer may omit its =.
        for segment in self.segments(start, end, "="):
            weight, text_start = self.weight(segment, 1.0)
            text, feedback = self.text_and_feedback(text_start, segment.end)
            if not text:
                self.report("empty_answer", self.line_position(segment))
            answers.append(GiftAnswer(text=text, weight=weight, feedback=feedback))
        if answers and max(answer.weight for answer in answers) < _FULL_CREDIT:
            self.report_block("no_full_credit_answer")
        return AnswerBlock(kind="short_answer", answers=tuple(answers))

    def matching(self, start: int, end: int) -> AnswerBlock:
        pairs: list[MatchingPair] = []
        for segment in self.segments(start, end, "="):
            if segment.marker == "":
                text = self.source.value(segment.start, segment.end)
                self.report("missing_answer_marker", segment.start, text=text)
                continue
            arrow = self.source.find("->", segment.start, segment.end)
            if arrow == -1:
                text = self.source.value(segment.start, segment.end)
                self.report("matching_missing_arrow", self.line_position(segment), text=text)
                continue
            if self.source.find("#", segment.start, segment.end) != -1:
                self.report("matching_feedback", self.line_position(segment))
            match = self.source.value(arrow + 2, segment.end)
            if not match:
                self.report("empty_answer", self.line_position(segment))
            pairs.append(MatchingPair(self.source.value(segment.start, arrow), match))

        # Moodle's GIFT importer accepts two pairs, but its matching question editor demands
        # at least two prompts and three answers (a 2x2 matching is solved by elimination).
        # We follow the editor, so imported questions are ones Moodle would let you save;
        # the third answer may be an extra one without prompt: "= -> answer".
        if sum(1 for pair in pairs if pair.prompt) < 2:
            self.report_block("matching_too_few_pairs")
        elif len(pairs) < 3:
            self.report_block("matching_too_few_answers")
        return AnswerBlock(kind="matching", matching_pairs=tuple(pairs))

    def numerical(self, start: int, end: int) -> AnswerBlock:
        answers: list[NumericalAnswer] = []
        # "=" starts an accepted answer (the first may omit it); "~" starts the answer for
        # any other number, normally written ~#feedback for wrong answers.
        for segment in self.segments(start, end, "=~"):
            default_weight = 0.0 if segment.marker == "~" else 1.0
            weight, text_start = self.weight(segment, default_weight)
            text, feedback = self.text_and_feedback(text_start, segment.end)
            position = self.line_position(segment)
            if text == "*" or (text == "" and segment.marker == "~"):
                answers.append(NumericalAnswer.any_other(weight, feedback))
                continue
            if text == "":
                self.report("empty_answer", position)
                continue
            answer = self.numerical_value(text, position)
            if answer is not None:
                answers.append(
                    NumericalAnswer(
                        value=answer.value,
                        tolerance=answer.tolerance,
                        minimum=answer.minimum,
                        maximum=answer.maximum,
                        weight=weight,
                        feedback=feedback,
                    )
                )
        if not answers:
            self.report_block("no_numerical_answers")
        elif max(answer.weight for answer in answers) < _FULL_CREDIT:
            self.report_block("no_full_credit_answer")
        return AnswerBlock(kind="numerical", numerical_answers=tuple(answers))

    def numerical_value(self, text: str, position: int) -> NumericalAnswer | None:
        """Parse ``x``, ``x:tolerance`` or ``min..max``; report and return None if invalid."""
        range_marker = text.find("..")
        if range_marker > 0:
            minimum = self.number(text[:range_marker], position)
            maximum = self.number(text[range_marker + 2 :], position)
            if minimum is None or maximum is None:
                return None
            if minimum > maximum:
                self.report("invalid_range", position, text=text)
                return None
            return NumericalAnswer.between(minimum, maximum)
        value_text, _, tolerance_text = text.partition(":")
        value = self.number(value_text, position)
        tolerance = self.number(tolerance_text, position) if tolerance_text else 0.0
        if value is None or tolerance is None:
            return None
        if tolerance < 0:
            self.report("negative_tolerance", position, text=tolerance_text.strip())
            return None
        return NumericalAnswer.exact(value, tolerance)

    def number(self, text: str, position: int) -> float | None:
        number = parse_number(text)
        if number is None:
            self.report("not_a_number", position, text=text.strip())
        return number


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.10g}".replace(".", ",")
