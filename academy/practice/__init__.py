"""Träning: branching bemötande scenarios, scoring, Twee import/export, personal-data check."""

# Scenarios can be linked from journey steps (academy.core.training_targets).
# Imports of contact files (Kundresor) check free text with the same personal-data check.
from academy.core import personal_data_guard as _guard  # noqa: E402
from academy.practice import training_targets as _training_targets  # noqa: F401, E402
from academy.practice.personal_data import contains_personal_data as _contains  # noqa: E402

_guard.register(_contains)
