"""Small helpers shared by the course services."""

from __future__ import annotations

from academy.core.models import Role

AUTHORS = (Role.ADMIN, Role.TRAINER)  # may author courses, run cohorts and follow progress
