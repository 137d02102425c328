"""Demo content: quizzes in Moodle GIFT (read with courses.formats.gift) and demo courses.

`seed_courses(session)` builds the demo courses, a cohort and some progress (see seed.py).
"""

from pathlib import Path

DEMO_DIR = Path(__file__).parent


def demo_path(name: str = "bemotande_i_telefon") -> Path:
    return DEMO_DIR / f"{name}.gift"


def seed_courses(session) -> int:
    """Create the missing demo courses and cohort; returns how many courses were created."""
    from academy.courses.demo.seed import seed_courses as seed  # services load only when used

    return seed(session)
