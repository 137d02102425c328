from __future__ import annotations

import pytest

from journeys.contacts import (
    ContactTable,
    compare_periods,
    first_line_ranking,
    parse_contacts,
    repeat_flags,
    summarize,
)
from tests.unit.journeys.contacts_files import SECRET, csv_text, row


def table(rows: list[tuple[str, ...]]) -> ContactTable:
    return parse_contacts(csv_text(rows).encode(), secret=SECRET)


# Ten contacts, week 2 of 2026 (Mon 5 Jan) and week 3.
TEN = [
    row("2026-01-05 08:00", category="Bygglov", resolved="ja", demand="värde", caller="0701"),
    row(
        "2026-01-05 09:00",
        category="Bygglov",
        resolved="nej",
        handed="Bygglovsenheten",
        demand="svikt",
        reason="Väntar på besked",
        caller="0702",
    ),
    row(
        "2026-01-06 10:00",
        category="Bygglov",
        resolved="nej",
        handed="Bygglovsenheten",
        demand="svikt",
        reason="Väntar på besked",
        caller="0701",
    ),
    row(
        "2026-01-07 10:00",
        category="Bygglov",
        resolved="nej",
        handed="Miljöenheten",
        demand="svikt",
        reason="Förstår inte beslutet",
    ),
    row("2026-01-08 10:00", category="Förskola", resolved="ja", demand=""),
    row("2026-01-08 11:00", category="Förskola", resolved="ja", channel="chatt", demand="värde"),
    row(
        "2026-01-12 08:00",
        category="Förskola",
        resolved="nej",
        channel="chatt",
        handed="Förskoleförvaltningen",
        demand="svikt",
        reason="Väntar på besked",
        caller="0702",
    ),
    row("2026-01-13 08:00", category="Förskola", resolved="ja", language="arabiska"),
    row("2026-01-14 08:00", category="Parkering", resolved="ja", language="arabiska"),
    row("2026-01-14 09:00", category="Parkering", resolved="nej", demand="", caller="0799"),
]


def test_overall_figures() -> None:
    summary = summarize(table(TEN), anonymity_threshold=1, top=2)
    overall = summary.overall
    assert overall.contacts == 10
    assert overall.resolved == 5 and overall.first_contact_resolution == 0.5
    # failure demand among all contacts: 4 of 10 (the 2 rows without efterfrågan count too)
    assert overall.failure_demand == 4 and overall.failure_demand_share == 0.4
    assert overall.demand_classified == 8
    assert overall.top_reasons == (("Väntar på besked", 3), ("Förstår inte beslutet", 1))
    assert overall.handed_over == 4 and overall.handed_over_share == 0.4
    assert overall.handed_over_to == (
        ("Bygglovsenheten", 2),
        ("Förskoleförvaltningen", 1),
        ("Övrigt", 1),  # beyond the top 2
    )
    # 0701 again after 1 day; 0702 again after exactly 7 days (inclusive)
    assert overall.with_caller_key == 5
    assert overall.repeat_contacts == 2 and overall.repeat_share == 0.4
    assert summary.first.day == 5 and summary.last.day == 14


def test_goal() -> None:
    overall = summarize(table(TEN)).overall
    assert not overall.meets_goal and overall.goal_gap == pytest.approx(0.3)
    assert summarize(table(TEN), goal=0.5).overall.meets_goal


def test_per_category_channel_language_and_week() -> None:
    summary = summarize(table(TEN), anonymity_threshold=1)
    categories = {group.label: group for group in summary.by_category}
    assert [group.label for group in summary.by_category] == ["Bygglov", "Förskola", "Parkering"]
    bygglov = categories["Bygglov"]
    assert (bygglov.contacts, bygglov.resolved, bygglov.failure_demand, bygglov.handed_over) == (
        4,
        1,
        3,
        3,
    )
    assert bygglov.first_contact_resolution == 0.25 and bygglov.handed_over_share == 0.75
    assert bygglov.repeat_contacts == 1
    assert categories["Förskola"].repeat_contacts == 1  # 0702's repeat is a Förskola contact
    assert categories["Förskola"].top_reasons == (("Väntar på besked", 1),)
    channels = {group.label: group.contacts for group in summary.by_channel}
    assert channels == {"telefon": 8, "chatt": 2}
    languages = {group.label: group.contacts for group in summary.by_language}
    assert languages == {"svenska": 8, "arabiska": 2}
    assert [(week.label, week.contacts) for week in summary.by_week] == [
        ("2026-W02", 6),
        ("2026-W03", 4),
    ]


def edge(days_apart: str) -> ContactTable:
    return table(
        [row("2026-01-05 08:00", caller="0701"), row(f"2026-01-{days_apart}", caller="0701")]
    )


def test_repeat_window_is_inclusive_at_exactly_seven_days() -> None:
    assert repeat_flags(edge("12 08:00")) == [False, True]  # exactly 7 days
    assert repeat_flags(edge("12 07:59")) == [False, True]
    assert repeat_flags(edge("12 08:01")) == [False, False]  # 7 days and one minute


def test_repeat_window_can_be_changed() -> None:
    assert repeat_flags(edge("08 08:00"), window_days=3) == [False, True]
    assert repeat_flags(edge("08 08:01"), window_days=3) == [False, False]
    assert summarize(edge("12 08:00"), window_days=6).overall.repeat_contacts == 0


def test_repeats_follow_time_not_file_order_and_chain() -> None:
    rows = [
        row("2026-01-20 08:00", caller="0701"),
        row("2026-01-05 08:00", caller="0701"),
        row("2026-01-10 08:00", caller="0701"),
        row("2026-01-10 08:00", caller="0702"),
        row("2026-01-10 08:00", caller="0702"),
        row("2026-01-10 08:00"),
    ]
    # 10 Jan is 5 days after 5 Jan; 20 Jan is 10 days after 10 Jan. Same minute: the later row.
    assert repeat_flags(table(rows)) == [False, False, True, False, True, False]


def test_same_caller_typed_differently_is_one_caller() -> None:
    rows = [
        row("2026-01-05 08:00", caller="070-123 45 67"),
        row("2026-01-06 08:00", caller="+46 70 123 45 67"),
    ]
    assert repeat_flags(table(rows)) == [False, True]


def test_small_groups_are_pooled_as_ovrigt() -> None:
    rows = [row("2026-01-05 08:00", category="Bygglov")] * 5
    rows += [row("2026-01-05 08:00", category="Färdtjänst", language="tigrinja")] * 3
    rows += [row("2026-01-05 08:00", category="Övrigt", resolved="nej", language="thai")]
    rows += [row("2026-01-05 08:00", category="Överförmyndare", channel="brev")]
    summary = summarize(table(rows))
    assert [(g.label, g.contacts) for g in summary.by_category] == [("Bygglov", 5), ("Övrigt", 5)]
    pooled = summary.by_category[1]
    assert pooled.resolved == 4
    assert [(g.label, g.contacts) for g in summary.by_language] == [
        ("svenska", 6),
        ("Övrigt", 4),
    ]
    assert [(g.label, g.contacts) for g in summary.by_channel] == [("telefon", 9), ("Övrigt", 1)]
    # with a threshold of 3 Färdtjänst keeps its name
    labels = [g.label for g in summarize(table(rows), anonymity_threshold=3).by_category]
    assert labels == ["Bygglov", "Färdtjänst", "Övrigt"]


def test_rare_reasons_and_recipients_are_pooled() -> None:
    overall = summarize(table(TEN), anonymity_threshold=2).overall
    assert overall.top_reasons == (("Väntar på besked", 3), ("Övrigt", 1))
    assert overall.handed_over_to == (("Bygglovsenheten", 2), ("Övrigt", 2))


def test_first_line_ranking() -> None:
    ranking = first_line_ranking(table(TEN), anonymity_threshold=1)
    assert [(c.category, c.score) for c in ranking] == [("Bygglov", 3), ("Förskola", 1)]
    top = ranking[0]
    assert top.contacts == 4 and top.handed_over_share == 0.75
    assert top.score == top.contacts * top.handed_over_share
    assert top.handed_over_to == (("Bygglovsenheten", 2), ("Miljöenheten", 1))


def test_compare_periods() -> None:
    before = table(TEN)
    after = table(
        [
            row("2026-02-02 08:00", category="Bygglov", resolved="ja"),
            row("2026-02-02 09:00", category="Bygglov", resolved="ja"),
            row("2026-02-03 09:00", category="Förskola", resolved="nej", demand="svikt"),
            row("2026-02-04 09:00", category="Felanmälan gata", resolved="ja"),
        ]
    )
    comparison = compare_periods(before, after, anonymity_threshold=1)
    changes = {change.label: change for change in comparison.categories}
    bygglov = changes["Bygglov"]
    assert bygglov.volume_change == -2 and bygglov.volume_change_share == -0.5
    assert bygglov.first_contact_resolution_change == pytest.approx(0.75)
    assert bygglov.failure_demand_share_change == pytest.approx(-0.75)
    assert bygglov.repeat_share_change == pytest.approx(-1 / 3)  # 1 of 3 keyed before, 0 after
    new = changes["Felanmälan gata"]
    assert new.before.contacts == 0 and new.volume_change_share is None
    assert comparison.overall.volume_change == -6


def test_compare_pools_a_category_small_in_either_period() -> None:
    before = table([row("2026-01-05 08:00", category="Bygglov")] * 5)
    after = table([row("2026-02-05 08:00", category="Bygglov")] * 2)
    comparison = compare_periods(before, after)
    assert [c.label for c in comparison.categories] == ["Övrigt"]


def test_empty_table() -> None:
    summary = summarize(ContactTable.empty())
    assert summary.overall.contacts == 0 and summary.overall.first_contact_resolution == 0.0
    assert summary.by_category == () and summary.first is None


def test_summary_to_dict_is_plain() -> None:
    data = summarize(table(TEN)).to_dict()
    assert data["first"] == "2026-01-05T08:00"
    assert data["overall"]["contacts"] == 10


def test_breakdowns_can_be_chosen() -> None:
    summary = summarize(table(TEN), breakdowns=("category",))
    assert summary.by_category and summary.by_week == () and summary.by_channel == ()
    with pytest.raises(ValueError, match="unknown breakdowns"):
        summarize(table(TEN), breakdowns=("employee",))
