"""Command-line entry points for scenarios (wired into ``academy`` by academy/cli.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from academy.practice.formats.twee import TweeParseError, parse_twee
from academy.practice.scenario import errors, validate, warnings


def check_command(path: str) -> int:
    """``academy twee check FILE``: summarise a Twee scenario as JSON, with its ``errors`` (they
    block publishing: a link to a missing passage, no end, unreachable situations …) and its
    ``warnings`` (authoring advice: a choice without feedback, no channel …).

    Exit code 0 whenever the file can be parsed, also if validation finds errors (a trainer's
    draft with errors is still a readable file). Exit code 1 only when the file cannot be read
    or parsed; then each error is printed to stderr with its line number and passage.
    """
    try:
        source = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{path}: kan inte läsa filen: {exc}", file=sys.stderr)
        return 1
    try:
        scenario = parse_twee(source)
    except TweeParseError as exc:
        for error in exc.errors:
            print(f"{path}: {error}", file=sys.stderr)
        return 1
    problems = validate(scenario)
    summary = {
        "title": scenario.title,
        "nodes": len(scenario.nodes),
        "choices": len(scenario.choices),
        "ends": sum(1 for node in scenario.nodes if node.is_end),
        "errors": [problem.message for problem in errors(problems)],
        "warnings": [problem.message for problem in warnings(problems)],
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0
