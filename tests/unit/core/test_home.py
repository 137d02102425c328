"""The home page's items come from providers the app lists; core only asks them by role."""

from academy.core.access import CurrentUser
from academy.core.home import NextStep, collect_steps, provider
from academy.core.models import Role
from academy.home.steps import HOME_PROVIDERS


def person(*roles: str) -> CurrentUser:
    return CurrentUser(1, "Test Person", "test@demo.se", frozenset(roles), None, "")


def step(title: str) -> NextStep:
    return NextStep(title, "text", "/", "Gå")


asked: list[str] = []


@provider(Role.EMPLOYEE)
def employee_items(session, user):
    asked.append("employee")
    return [step("För medarbetare")]


@provider(Role.TRAINER, Role.ADMIN)
def trainer_items(session, user):
    asked.append("trainer")
    return [step("För utbildare"), step("Också för utbildare")]


@provider(Role.STRATEGIST)
def nothing_yet(session, user):
    return []


PROVIDERS = [employee_items, trainer_items, nothing_yet]


def titles(user: CurrentUser) -> list[str]:
    return [item.title for item in collect_steps(None, user, PROVIDERS)]


def test_items_come_per_role_in_the_providers_order():
    assert titles(person(Role.EMPLOYEE)) == ["För medarbetare"]
    assert titles(person(Role.ADMIN)) == ["För utbildare", "Också för utbildare"]
    assert titles(person(Role.TRAINER, Role.EMPLOYEE)) == [
        "För medarbetare",
        "För utbildare",
        "Också för utbildare",
    ]
    assert titles(person(Role.STRATEGIST)) == []


def test_a_provider_is_not_asked_for_people_outside_its_roles():
    asked.clear()
    titles(person(Role.STRATEGIST))
    assert asked == []
    titles(person(Role.EMPLOYEE))
    assert asked == ["employee"]


def test_the_apps_providers_cover_every_role():
    covered = set().union(*(source.roles for source in HOME_PROVIDERS))
    assert covered == {str(role) for role in Role}


def test_a_strategist_gets_the_journeys_item_without_a_database():
    # Only the journeys provider speaks to strategists, and it needs no query.
    items = collect_steps(None, person(Role.STRATEGIST), HOME_PROVIDERS)
    assert [(i.title, i.href, i.link_label) for i in items] == [
        ("Kundresor", "/kundresor", "Gå till Kundresor")
    ]
