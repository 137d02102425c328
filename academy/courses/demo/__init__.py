"""Demo quizzes shipped with the app (Moodle GIFT files, read with courses.formats.gift)."""

from pathlib import Path

DEMO_DIR = Path(__file__).parent


def demo_path(name: str = "bemotande_i_telefon") -> Path:
    return DEMO_DIR / f"{name}.gift"
