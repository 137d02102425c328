"""Reading Moodle GIFT text into ``GiftQuestion`` objects.

File structure: questions are separated by blank lines; lines starting with ``//`` are
comments; ``$CATEGORY: path`` sets the category of the questions that follow. A question
is ``::title::`` (optional), a ``[format]`` tag (optional), the question text and an
answer block in braces (none for a description).

Where GIFT or Moodle is loose we choose:

* ``//`` only starts a comment at the beginning of a line (``https://`` in text is fine).
* A ``$CATEGORY:`` line may be directly followed by a question without a blank line.
* ``\\\\`` is an escaped backslash, so that every text can be written and read back.
* A question with two answer blocks is an error (Moodle silently keeps the second as
  text); the usual cause is a missing blank line between two questions.
* T/F/TRUE/FALSE are recognised in any letter case.
* A ``%weight%`` may follow ``=`` as well as ``~``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .answers import AnswerBlock, parse_answer_block
from .errors import GiftError, GiftParseError
from .model import GiftQuestion, TextFormat
from .source import Source, unescape

_CATEGORY_PREFIX = "$CATEGORY:"
# Questions in one file; a larger file is refused before its questions are parsed.
MAX_QUESTIONS = 500
_FORMAT_TAG = re.compile(r"\[(moodle|html|plain|markdown)\]", re.IGNORECASE)


def parse_gift(text: str) -> list[GiftQuestion]:
    """Parse a whole GIFT file.

    Returns every question in file order, or raises ``GiftParseError`` listing all errors
    in all questions; nothing is returned when any question is invalid.
    """
    questions: list[GiftQuestion] = []
    errors: list[GiftError] = []
    category = ""
    question_number = 0
    for block in _blocks(text):
        first_line_number, first_line = block[0]
        if first_line.strip().startswith(_CATEGORY_PREFIX):
            category = first_line.strip()[len(_CATEGORY_PREFIX) :].strip()
            block = _without_leading_comments(block[1:])
            if not block:
                continue
            first_line_number = block[0][0]
        question_number += 1
        if question_number > MAX_QUESTIONS:
            limit = {"maximum": str(MAX_QUESTIONS)}
            raise GiftParseError(
                [GiftError("too_many_questions", question_number, first_line_number, limit)]
            )
        source = Source("\n".join(line for _, line in block), first_line_number)
        parser = _QuestionParser(source, question_number, category)
        question = parser.parse()
        errors.extend(parser.errors)
        if question is not None and not parser.errors:
            questions.append(question)
    if errors:
        raise GiftParseError(errors)
    return questions


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Split into blank-line separated blocks of (line number, line).

    Comment lines are blanked but kept inside a block, as in Moodle, so they neither end
    a question nor shift line numbers.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            if current:
                blocks.append(current)
            current = []
        elif line.strip().startswith("//"):
            if current:
                current.append((line_number, ""))
        else:
            current.append((line_number, line))
    if current:
        blocks.append(current)
    return [_without_trailing_comments(block) for block in blocks]


def _without_leading_comments(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while block and not block[0][1].strip():
        block = block[1:]
    return block


def _without_trailing_comments(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while block and not block[-1][1].strip():
        block = block[:-1]
    return block


@dataclass
class _Braces:
    open: int
    close: int


class _QuestionParser:
    def __init__(self, source: Source, number: int, category: str) -> None:
        self.source = source
        self.number = number
        self.category = category
        self.errors: list[GiftError] = []

    def report(self, code: str, position: int, **params: str) -> None:
        line = self.source.line_of(position)
        self.errors.append(GiftError(code, self.number, line, params))

    def parse(self) -> GiftQuestion | None:
        source = self.source
        end = len(source.text)
        position, _ = source.strip(0, end)

        title = ""
        if source.text.startswith("::", position):
            title_end = source.find("::", position + 2, end)
            if title_end == -1:
                self.report("unclosed_title", position)
                return None
            title = source.value(position + 2, title_end)
            position, _ = source.strip(title_end + 2, end)

        text_format: TextFormat = "moodle"
        tag = _FORMAT_TAG.match(source.text, position)
        if tag is not None:
            text_format = tag.group(1).lower()  # type: ignore[assignment]
            position, _ = source.strip(tag.end(), end)

        braces = self.braces(position, end)
        if braces is None:
            return None
        if braces.open == -1:
            return self.question(title, text_format, source.value(position, end), "", position)

        after_start, after_end = source.strip(braces.close + 1, end)
        if after_start < after_end:
            # Missing word: keep the whitespace on both sides of the blank as written.
            text = self.unstripped(position, braces.open, keep="end")
            text_after = self.unstripped(braces.close + 1, end, keep="start")
        else:
            text = source.value(position, braces.open)
            text_after = ""
        block = parse_answer_block(source, braces.open + 1, braces.close, self.report)
        return self.question(title, text_format, text, text_after, position, block)

    def braces(self, start: int, end: int) -> _Braces | None:
        """Locate the single answer block; report and return None if braces are wrong."""
        positions = self.source.find_any("{}", start, end)
        if not positions:
            return _Braces(-1, -1)
        chars = [self.source.text[position] for position in positions]
        if chars[0] == "}":
            self.report("unmatched_closing_brace", positions[0])
        elif len(chars) == 1:
            self.report("unclosed_brace", positions[0])
        elif chars[1] == "{":
            self.report("nested_brace", positions[1])
        elif len(chars) > 2:
            self.report("multiple_answer_blocks", positions[2])
        else:
            return _Braces(positions[0], positions[1])
        return None

    def unstripped(self, start: int, end: int, keep: str) -> str:
        stripped_start, stripped_end = self.source.strip(start, end)
        if keep == "end":
            return unescape(self.source.text[stripped_start:end])
        return unescape(self.source.text[start:stripped_end])

    def question(
        self,
        title: str,
        text_format: TextFormat,
        text: str,
        text_after: str,
        text_position: int,
        block: AnswerBlock | None = None,
    ) -> GiftQuestion:
        if not text.strip() and not text_after.strip():
            self.report("empty_text", text_position)
        block = block or AnswerBlock(kind="description")
        return GiftQuestion(
            kind=block.kind,
            title=title,
            text=text,
            text_format=text_format,
            category=self.category,
            answers=block.answers,
            matching_pairs=block.matching_pairs,
            numerical_answers=block.numerical_answers,
            general_feedback=block.general_feedback,
            text_after=text_after,
            multiple=block.multiple,
            line=self.source.first_line,
        )
