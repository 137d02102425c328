"""Small helpers shared by the inventory services."""

from __future__ import annotations

from academy.core.models import Role
from academy.core.settings import get_settings

ANALYSTS = (Role.ADMIN, Role.TRAINER)  # create surveys and see results above the threshold
RESPONDENTS = (Role.EMPLOYEE, Role.TRAINER, Role.ADMIN)  # may answer surveys sent to them


def anonymity_threshold() -> int:
    """Fewest answers a group needs before any result about it is shown (never below 3)."""
    return max(3, get_settings().anonymity_threshold)
