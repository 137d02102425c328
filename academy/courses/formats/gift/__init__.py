"""Moodle GIFT quiz format: import, validation and export.

Public API::

    parse_gift(text) -> list[GiftQuestion]      # raises GiftParseError with all errors
    write_gift(questions) -> str
    check_command(path) -> int                  # for `academy gift check FILE`
"""

from .cli import check_command, summarize
from .errors import GiftError, GiftParseError
from .model import (
    QUESTION_KINDS,
    TEXT_FORMATS,
    GiftAnswer,
    GiftQuestion,
    MatchingPair,
    NumericalAnswer,
    QuestionKind,
    TextFormat,
)
from .parser import parse_gift
from .writer import GiftWriteError, write_gift

__all__ = [
    "QUESTION_KINDS",
    "TEXT_FORMATS",
    "GiftAnswer",
    "GiftError",
    "GiftParseError",
    "GiftQuestion",
    "GiftWriteError",
    "MatchingPair",
    "NumericalAnswer",
    "QuestionKind",
    "TextFormat",
    "check_command",
    "parse_gift",
    "summarize",
    "write_gift",
]
