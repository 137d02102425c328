from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from academy.practice.personal_data import contains_personal_data, find_personal_data


def luhn_digit(nine_digits: str) -> str:
    total = 0
    for index, char in enumerate(nine_digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in find_personal_data(text)]


# 811218-9876 is the Swedish Tax Agency's classic example; 850709-9805 a second valid one.
@pytest.mark.parametrize(
    "number",
    [
        "811218-9876",
        "8112189876",
        "19811218-9876",
        "198112189876",
        "850709-9805",
        "121212+1212",  # '+': 100 years or older
        "20121212-1212",
    ],
)
def test_valid_personnummer_is_found(number):
    text = f"Hon gav mig {number} i telefon."
    assert kinds(text) == [("personnummer", number)]


@pytest.mark.parametrize("number", ["701063-2391", "7010632391", "19701063-2391"])
def test_samordningsnummer_is_found(number):
    assert kinds(f"Samordningsnummer {number}.") == [("samordningsnummer", number)]


@pytest.mark.parametrize(
    "number",
    [
        "811218-9877",  # wrong check digit
        "19811218-9870",
        "811318-9876",  # month 13
        "810230-9874",  # 30 February
        "701093-2390",  # day 93 is neither a date nor date + 60
    ],
)
def test_invalid_numbers_are_not_personnummer(number):
    assert [k for k, _ in kinds(number)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Mötet är 2024-05-12 kl. 08:30.",
        "Beslutet kom 20240512.",
        "Avgiften är 12 500 kr per termin, alltså 1 250 000 kr totalt.",
        "Ärendet har Dnr 2024-000123 och Dnr KS 2024/0012.",
        "Öppet 08-17, lunch 12.00-13.00.",
        "Datum 2024-05-12 08 00",
        "Organisationsnummer 212000-1234.",
        "Postnummer 123 45 Storstad.",
    ],
)
def test_no_false_alarm_on_dates_amounts_times_and_case_numbers(text):
    assert find_personal_data(text) == []


@pytest.mark.parametrize(
    "number",
    [
        "070-123 45 67",
        "08-123 456 78",
        "08-12 34 56",
        "031-123 45 67",
        "+46 70 123 45 67",
        "+46701234567",
        "+46 (0)70-123 45 67",
        "0046 8 123 456 78",
        "0701234567",
    ],
)
def test_phone_numbers_are_found(number):
    assert kinds(f"Ring mig på {number} i morgon.") == [("telefonnummer", number)]


def test_email_is_found():
    text = "Skriv till anna.svensson+skola@exempel.kommun.se, tack."
    assert kinds(text) == [("e-postadress", "anna.svensson+skola@exempel.kommun.se")]


def test_several_findings_in_reading_order():
    text = "Pnr 811218-9876, tel 070-123 45 67, mejl a@b.se."
    assert [k for k, _ in kinds(text)] == ["personnummer", "telefonnummer", "e-postadress"]
    assert contains_personal_data(text) is True
    assert contains_personal_data("Ett vanligt samtal om bygglov.") is False


def test_message_names_the_kind_and_position_but_not_the_number():
    text = "Pnr 811218-9876"
    (finding,) = find_personal_data(text)
    assert finding.message == (
        "Texten innehåller något som ser ut som ett personnummer (tecken 5–15). "
        "Ta bort det innan du sparar: träningsloggen får inte innehålla personuppgifter."
    )
    assert "9876" not in finding.message
    (email,) = find_personal_data("a@b.se")
    assert "en e-postadress" in email.message and "Ta bort den" in email.message


@settings(max_examples=100, deadline=None)
@given(
    st.dates(date(1900, 1, 1), date(2024, 12, 31)),
    st.integers(0, 999),
    st.booleans(),
    st.sampled_from(["-", ""]),
    st.booleans(),
)
def test_any_generated_valid_number_is_found(born, serial, century, separator, coordination):
    day = born.day + 60 if coordination else born.day
    nine = f"{born:%y%m}{day:02d}{serial:03d}"
    ten = nine + luhn_digit(nine)
    prefix = f"{born.year // 100}" if century else ""
    number = f"{prefix}{ten[:6]}{separator}{ten[6:]}"
    expected = "samordningsnummer" if coordination else "personnummer"
    if not century and not separator and number.startswith("07"):
        expected = "telefonnummer"  # documented: a 07 prefix reads as a mobile number
    assert kinds(f"Nummer: {number}") == [(expected, number)]


@settings(max_examples=100, deadline=None)
@given(st.dates(date(1990, 1, 1), date(2030, 12, 31)), st.integers(0, 999_999))
def test_no_false_alarm_on_generated_dates_and_amounts(day, amount):
    grouped = f"{amount:,}".replace(",", " ")
    text = f"Den {day.isoformat()} betalades {grouped} kr, Dnr {day.year}-{amount:06d}."
    assert find_personal_data(text) == []


def test_wrong_check_digit_is_never_a_personnummer():
    born = date(1981, 12, 18)
    for offset in range(0, 3000, 7):
        day = born + timedelta(days=offset)
        nine = f"{day:%y%m%d}123"
        wrong = (int(luhn_digit(nine)) + 1) % 10
        assert find_personal_data(f"{day:%Y%m%d}-123{wrong}") == []


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("Pnr 811218–9876 enligt henne.", "personnummer", "811218–9876"),  # autocorrected dash
        ("Pnr 811218—9876.", "personnummer", "811218—9876"),
        ("Pnr 19811218 - 9876.", "personnummer", "19811218 - 9876"),
        ("Pnr 811218 – 9876.", "personnummer", "811218 – 9876"),
        ("Ring 070 – 123 45 67 i dag.", "telefonnummer", "070 – 123 45 67"),
        ("Ring 070–123 45 67 i dag.", "telefonnummer", "070–123 45 67"),
        ("Ring 070.123.45.67 i dag.", "telefonnummer", "070.123.45.67"),
        ("Mejla anna.svensson(at)exempel.se i dag.", "e-postadress", "anna.svensson(at)exempel.se"),
        ("Mejla anna [at] exempel [dot] se.", "e-postadress", "anna [at] exempel [dot] se"),
        ("Mejla anna.svensson @ exempel.se.", "e-postadress", "anna.svensson @ exempel.se"),
    ],
)
def test_written_variants_that_slip_past_a_plain_pattern_are_found(text, kind, found):
    assert kinds(text) == [(kind, found)]


@pytest.mark.parametrize(
    "text",
    [
        "Öppet kl. 08.30–09.15 och 13.00 – 15.30.",
        "Mellan 10 – 12 april, år 2024 – 2025.",
        "Version 1.2.3.4 av e-tjänsten.",
        "Beslut 2024.05.12 och Dnr 2024–000123.",
        "Hon var där at ten o'clock.",
    ],
)
def test_dashes_and_dots_in_ordinary_text_are_not_flagged(text):
    assert find_personal_data(text) == []
