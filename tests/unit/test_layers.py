"""Domain code never imports Reflex: services, formats and the journeys engine stay usable from a
CLI or script, and their tests need no web runtime."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB_PACKAGES = {"web", "ui", "admin", "migrations"}
WEB_MODULES = {"academy.academy"}


def domain_modules() -> list[str]:
    modules = []
    for package in ("academy", "journeys"):
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(p for p in parts if p != "__init__")
            web_file = parts[-1] in ("state", "pages") or parts[-1].endswith(
                ("_state", "_page", "_pages")
            )
            if WEB_PACKAGES.intersection(parts[:-1]) or web_file or name in WEB_MODULES:
                continue
            modules.append(name)
    return modules


def test_domain_modules_do_not_import_reflex():
    modules = domain_modules()
    assert "journeys.model" in modules and "academy.core.accounts" in modules
    assert "academy.journeys.store" in modules
    assert "academy.journeys.web.editor_state" not in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'reflex' or m.startswith('reflex.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", f"Reflex was imported by domain code: {result.stdout}"
