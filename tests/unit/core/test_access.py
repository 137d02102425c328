import pytest

from academy.core.access import AREA_ROLES, CurrentUser, may_open, require_role
from academy.core.errors import AccessDenied


def person(*roles):
    return CurrentUser(1, "Test", "t@demo.se", frozenset(roles), None, "")


def test_require_role_admits_any_listed_role_and_refuses_others():
    both = person("trainer", "strategist")
    assert require_role(both, "strategist", "admin") is both
    with pytest.raises(AccessDenied, match="behörighet"):
        require_role(person("employee"), "admin", "trainer")
    with pytest.raises(AccessDenied, match="inte inloggad"):
        require_role(None, "employee")


def test_areas_follow_the_roles():
    assert [a for a in AREA_ROLES if may_open(person("strategist"), a)] == ["journeys"]
    assert not may_open(person("trainer"), "admin")
    assert may_open(person("admin"), "admin")
    assert not may_open(None, "journeys")
    # A person with several roles opens the union of their areas.
    assert {a for a in AREA_ROLES if may_open(person("strategist", "employee"), a)} == {
        "inventory",
        "courses",
        "practice",
        "journeys",
    }
