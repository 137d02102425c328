"""``academy gift check FILE``: validate a GIFT file and summarise its questions."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from .errors import GiftParseError
from .model import QUESTION_KINDS, GiftQuestion
from .parser import parse_gift


def summarize(questions: list[GiftQuestion]) -> dict[str, object]:
    """Question count, count per kind (only kinds present) and categories in file order."""
    counts = Counter(question.kind for question in questions)
    categories = list(dict.fromkeys(q.category for q in questions if q.category))
    return {
        "questions": len(questions),
        "by_type": {kind: counts[kind] for kind in QUESTION_KINDS if counts[kind]},
        "categories": categories,
    }


def check_command(path: str) -> int:
    """Print a JSON summary to stdout and return 0, or Swedish errors to stderr and 1."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        print(f"{path}: filen är inte sparad som UTF-8.", file=sys.stderr)
        return 1
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"{path}: filen kan inte läsas ({reason}).", file=sys.stderr)
        return 1
    try:
        questions = parse_gift(text)
    except GiftParseError as error:
        count = len(error.errors)
        print(f"{path}: {count} fel, inga frågor importerades.", file=sys.stderr)
        for gift_error in error.errors:
            print(f"{path}:{gift_error.line}: {gift_error.message}", file=sys.stderr)
        return 1
    print(json.dumps(summarize(questions), ensure_ascii=False))
    return 0
