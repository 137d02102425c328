"""Demo scenarios shipped with the app (Twee 3 files, see docs/twee-convention.md)."""

from pathlib import Path

DEMO_DIR = Path(__file__).parent


def demo_path(name: str = "arg_foralder_telefon") -> Path:
    return DEMO_DIR / f"{name}.twee"
