"""Escape-aware scanning of GIFT source text.

GIFT escapes its control characters with a backslash: ``\\~ \\= \\# \\{ \\} \\:``, plus
``\\n`` for a newline and ``\\\\`` for a backslash. The parser works on the raw text, so that
positions map straight back to line numbers, and only asks this module whether a control
character is "live" (not part of an escape). Text is unescaped at the very end.

A backslash before any other character is kept as is, so that Moodle banks with TeX such
as ``\\(x^2\\)`` survive.
"""

from __future__ import annotations

_ESCAPES = {"\\": "\\", "~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "n": "\n"}
_CONTROL_CHARACTERS = frozenset("\\~=#{}:")


def unescape(raw: str) -> str:
    parts: list[str] = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\\" and index + 1 < len(raw) and raw[index + 1] in _ESCAPES:
            parts.append(_ESCAPES[raw[index + 1]])
            index += 2
        else:
            parts.append(char)
            index += 1
    return "".join(parts)


def escape(text: str) -> str:
    """Escape text so that it reads back unchanged; newlines become ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts: list[str] = []
    for char in text:
        if char in _CONTROL_CHARACTERS:
            parts.append("\\" + char)
        elif char == "\n":
            parts.append("\\n")
        else:
            parts.append(char)
    return "".join(parts)


class Source:
    """The raw text of one question, starting at ``first_line`` of the file."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self._live = [True] * len(text)
        index = 0
        while index < len(text):
            if text[index] == "\\" and index + 1 < len(text) and text[index + 1] in _ESCAPES:
                self._live[index] = self._live[index + 1] = False
                index += 2
            else:
                index += 1

    def line_of(self, position: int) -> int:
        return self.first_line + self.text.count("\n", 0, position)

    def _is_live_token(self, token: str, position: int) -> bool:
        return self.text.startswith(token, position) and all(
            self._live[position : position + len(token)]
        )

    def find(self, token: str, start: int, end: int) -> int:
        """Position of the first live ``token`` within ``[start, end)``, or -1."""
        position = self.text.find(token, start, end)
        while position != -1 and not self._is_live_token(token, position):
            position = self.text.find(token, position + 1, end)
        return position

    def rfind(self, token: str, start: int, end: int) -> int:
        position = self.text.rfind(token, start, end)
        while position != -1 and not self._is_live_token(token, position):
            position = self.text.rfind(token, start, position + len(token) - 1)
        return position

    def find_any(self, chars: str, start: int, end: int) -> list[int]:
        """Positions of all live characters from ``chars`` within ``[start, end)``."""
        return [
            position
            for position in range(start, end)
            if self.text[position] in chars and self._live[position]
        ]

    def strip(self, start: int, end: int) -> tuple[int, int]:
        """Narrow ``[start, end)`` to exclude surrounding whitespace."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def value(self, start: int, end: int) -> str:
        """The unescaped text of ``[start, end)`` without surrounding whitespace."""
        start, end = self.strip(start, end)
        return unescape(self.text[start:end])
