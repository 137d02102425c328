"""Realistic Swedish example journeys (JSON), used by tests and as demo data."""

from __future__ import annotations

from pathlib import Path

from journeys.formats import json_format
from journeys.model import Journey

EXAMPLES_DIR = Path(__file__).parent


def example_names() -> list[str]:
    """e.g. ["felanmalan-gatubelysning", "forskoleplats-nulage", "forskoleplats-onskat-lage"]"""
    return sorted(path.stem for path in EXAMPLES_DIR.glob("*.json"))


def example_path(name: str) -> Path:
    path = EXAMPLES_DIR / f"{name}.json"
    if not path.is_file():
        raise KeyError(name)
    return path


def load_example(name: str) -> Journey:
    return json_format.loads(example_path(name).read_text(encoding="utf-8"))
