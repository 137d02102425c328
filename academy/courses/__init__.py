"""Utbildning: courses, modules, lessons, quizzes, cohorts."""

# Course modules can be linked from journey steps (academy.core.training_targets).
from academy.courses import training_targets as _training_targets  # noqa: F401, E402

# Kontaktanalys lists the cohorts a unit took part in (academy.core.unit_training).
from academy.courses import unit_training as _unit_training  # noqa: F401, E402
