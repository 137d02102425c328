import pytest

from academy.practice.scenario import Choice, Node, Scenario, Setting


def build_scenario() -> Scenario:
    """A small valid scenario: Start -> (Lugn | Arg) -> Slut, with a parallel pair Start->Lugn."""
    return Scenario(
        title="Testsamtal",
        setting=Setting(channel="telefon", situation="En medborgare ringer om ett beslut."),
        start="Start",
        nodes=[
            Node("Start", "Jag förstår inte beslutet!"),
            Node("Lugn", "Okej, tack."),
            Node("Arg", "Det där hjälper inte."),
            Node("Slut", "Hej då.", is_end=True, closing="Samtalet är slut."),
        ],
        choices=[
            Choice(
                "c1", "Start", "Lugn", "Jag hjälper dig.", "Bra.", {"Empati": 2, "Tydlighet": 1}
            ),
            Choice("c2", "Start", "Lugn", "Vi tittar på det.", "Okej.", {"Empati": 1}),
            Choice("c3", "Start", "Arg", "Läs beslutet.", "Avvisande.", {"Empati": -2}),
            Choice("c4", "Lugn", "Slut", "Något mer?", "Bra avslut.", {"Lösningsfokus": 2}),
            Choice("c5", "Arg", "Slut", "Förlåt.", "Bra.", {"Empati": 1, "Lösningsfokus": -1}),
        ],
    )


@pytest.fixture
def scenario() -> Scenario:
    return build_scenario()
