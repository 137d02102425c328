"""Träning: branching bemötande scenarios, scoring, Twee import/export, personal-data check."""

# Scenarios can be linked from journey steps (academy.core.training_targets).
from academy.practice import training_targets as _training_targets  # noqa: F401, E402
