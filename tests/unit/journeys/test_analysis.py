from __future__ import annotations

import math

import pytest

from journeys import analysis
from journeys.examples import load_example
from journeys.model import Flow, Step
from journeys.report import channel_shift, compare, summarize, what_if_channel_shift
from tests.unit.journeys.builders import loop_journey, split_journey


def test_transition_probabilities_fill_in_missing_shares() -> None:
    journey = split_journey()
    journey.flows[1].share = None  # the open branch takes what 0.7 leaves
    probabilities = analysis.transition_probabilities(journey)
    assert probabilities["start"] == pytest.approx({"web": 0.7, "phone": 0.3})
    assert probabilities["web"] == {"end": 1.0}


def test_main_path_is_the_most_likely_path() -> None:
    journey = split_journey()
    assert analysis.main_path(journey) == ["start", "web", "end"]
    journey.flows[0].share, journey.flows[1].share = 0.2, 0.8
    assert analysis.main_path(journey) == ["start", "phone", "desk", "end"]


def test_paths_with_handoffs_and_channel_switches() -> None:
    journey = split_journey()
    paths, truncated = analysis.all_paths(journey)
    assert not truncated
    figures = {tuple(p): analysis.path_figures(journey, p) for p in paths}
    web = figures[("start", "web", "end")]
    phone = figures[("start", "phone", "desk", "end")]
    assert (web.probability, web.handoffs, web.channel_switches) == (0.7, 0, 0)
    # phone -> desk is a handoff flow; telefon -> besök is one switch
    assert phone.probability == pytest.approx(0.3)
    assert (phone.handoffs, phone.channel_switches) == (1, 1)


def test_path_enumeration_is_bounded() -> None:
    journey = split_journey()
    paths, truncated = analysis.all_paths(journey, limit=1)
    assert len(paths) == 1 and truncated


def test_staff_lane_change_counts_as_handoff_but_customer_contact_does_not() -> None:
    journey = loop_journey()
    steps, lanes = journey.steps_by_id(), journey.lanes_by_id()
    assert analysis.is_handoff(Flow("call", "work"), steps, lanes)  # front -> back
    split = split_journey()
    assert not analysis.is_handoff(Flow("start", "phone"), split.steps_by_id(), lanes)


def test_expected_contacts_rise_with_rework() -> None:
    journey = loop_journey()
    visits = analysis.expected_visits(journey)
    assert visits["call"] == pytest.approx(4 / 3)
    assert visits["work"] == pytest.approx(4 / 3)
    assert visits["letter"] == pytest.approx(1.0)
    # contacts: call (telefon) 4/3 + letter (brev) 1; work has no channel
    assert analysis.expected_contacts(journey) == pytest.approx(7 / 3)
    journey.flows[1].share, journey.flows[2].share = 0.5, 0.5
    assert analysis.expected_contacts(journey) == pytest.approx(2 + 1)


def test_expected_contacts_without_loops_and_per_settled_errand() -> None:
    journey = split_journey()
    # web path 0.7 * 1 contact, phone path 0.3 * 2 contacts
    assert analysis.expected_contacts(journey) == pytest.approx(0.7 + 0.6)
    journey.steps[-1].is_end = True
    journey.flows = [f for f in journey.flows if f.source != "desk"]  # desk dead-ends
    # only 0.7 of errands settle: (0.7 + 0.6) contacts / 0.7 settled
    assert analysis.settled_share(journey) == pytest.approx(0.7)
    assert analysis.expected_contacts(journey) == pytest.approx(1.3 / 0.7)


def test_a_loop_that_cannot_be_left_gives_infinite_contacts() -> None:
    journey = loop_journey()
    journey.flows = [Flow("call", "work"), Flow("work", "call", "rework", 1.0)]
    assert math.isinf(analysis.expected_contacts(journey))
    assert summarize(journey)["expected_contacts"] is None
    assert summarize(journey)["errands_can_get_stuck"] is True


def test_volume_figures() -> None:
    journey = loop_journey()
    assert analysis.failure_demand_share(journey) == pytest.approx(100 / 175)
    assert analysis.first_contact_resolution(journey) == pytest.approx((60 + 75) / 175)
    assert analysis.volume_by_channel(journey) == {"telefon": 100, "brev": 75}
    assert analysis.handling_hours_per_week(journey) == pytest.approx(100 * 6 / 60)
    journey.steps[2].volume_per_week = None  # unweighted mean when volumes are missing
    assert analysis.first_contact_resolution(journey) == pytest.approx(0.8)
    assert analysis.failure_demand_share(split_journey()) is None


def test_rework_loops_bottlenecks_and_emotions() -> None:
    journey = loop_journey()
    assert [set(loop) for loop in analysis.rework_loops(journey)] == [{"call", "work"}]
    # the one (start, end) pair, call -> letter, always passes through work
    assert analysis.bottlenecks(journey) == [("work", 1.0)]
    curve = analysis.emotion_curve(journey)
    assert curve == [("call", -1), ("letter", 1)]
    assert analysis.lowest_points(curve) == ["call"]
    assert analysis.observed_evidence_share(journey) == pytest.approx(1 / 3)
    assert analysis.training_candidates(journey) == ["call"]


def test_equal_access_names_the_steps_that_break_it() -> None:
    journey = split_journey()
    access = analysis.equal_access(journey)
    assert access.non_digital and access.digital
    journey.steps[3].channel = "e-tjänst"  # desk becomes digital: phone route ends there
    access = analysis.equal_access(journey)
    assert not access.non_digital
    assert access.non_digital_barriers == ["web", "desk"]
    assert access.digital


def test_equal_access_blocked_at_the_start() -> None:
    access = analysis.equal_access(loop_journey())
    assert access.non_digital
    assert not access.digital and access.digital_barriers == ["call"]


def test_channel_shift_splits_volume_and_flows() -> None:
    journey = loop_journey()
    shifted = channel_shift(journey, "call", "e-tjänst", 0.5, first_contact_resolution=0.9)
    new = shifted.step("call-e-tjanst")
    assert new.channel == "e-tjänst" and new.volume_per_week == 50
    assert shifted.step("call").volume_per_week == 50
    shares = {(f.source, f.target): f.share for f in shifted.flows}
    assert shares[("work", "call")] == pytest.approx(0.125)
    assert shares[("work", "call-e-tjanst")] == pytest.approx(0.125)
    assert shares[("call-e-tjanst", "work")] == pytest.approx(1.0)
    assert journey.step("call").volume_per_week == 100  # the original is untouched
    # FCR: (0.6*50 + 0.9*50 + 1.0*75) / 175; contacts unchanged: both starts weigh 50
    assert analysis.first_contact_resolution(shifted) == pytest.approx(150 / 175)
    assert analysis.expected_contacts(shifted) == pytest.approx(7 / 3)


def test_what_if_reports_before_and_after() -> None:
    result = what_if_channel_shift(loop_journey(), "call", "e-tjänst", 0.4)
    assert result["before"]["volume_by_channel"] == {"telefon": 100, "brev": 75}
    assert result["after"]["volume_by_channel"] == pytest.approx(
        {"telefon": 60, "e-tjänst": 40, "brev": 75}
    )
    assert result["after"]["failure_demand_share"] == result["before"]["failure_demand_share"]
    with pytest.raises(ValueError):
        what_if_channel_shift(loop_journey(), "call", "fax", 0.4)


def test_compare_current_and_future() -> None:
    current = loop_journey()
    future = loop_journey()
    future.kind = "future"
    future.steps = [s for s in future.steps if s.id != "call"]
    future.steps.insert(0, Step("web", "a", "kund", "E-tjänst", channel="e-tjänst"))
    future.flows = [Flow("web", "work"), Flow("work", "letter")]
    result = compare(current, future)
    assert result["steps_added"] == ["web"]
    assert result["steps_removed"] == ["call"]
    assert result["before"]["expected_contacts"] == pytest.approx(7 / 3, abs=1e-4)
    assert result["after"]["expected_contacts"] == 2
    assert result["before"]["handoffs_main_path"] == 1
    assert result["after"]["handoffs_main_path"] == 0
    assert result["before"]["failure_demand_share"] == pytest.approx(100 / 175, abs=1e-4)
    assert result["after"]["failure_demand_share"] == 0


def test_examples_future_state_improves_on_current() -> None:
    result = compare(
        load_example("forskoleplats-nulage"), load_example("forskoleplats-onskat-lage")
    )
    assert result["after"]["failure_demand_share"] < result["before"]["failure_demand_share"]
    assert result["after"]["expected_contacts"] < result["before"]["expected_contacts"]
    current = summarize(load_example("forskoleplats-nulage"))
    future = summarize(load_example("forskoleplats-onskat-lage"))
    assert current["equal_access"]["non_digital"] is False
    assert current["equal_access"]["non_digital_barriers"]
    assert future["equal_access"]["non_digital"] is True


def test_compare_names_the_steps_that_moved_each_figure() -> None:
    current = loop_journey()
    future = loop_journey()
    future.kind = "future"
    future.steps = [s for s in future.steps if s.id != "call"]
    future.steps.insert(0, Step("web", "a", "kund", "E-tjänst", channel="e-tjänst"))
    future.flows = [Flow("web", "work"), Flow("work", "letter")]
    future.step("letter").first_contact_resolution = 0.5
    result = compare(current, future)
    assert result["steps_changed"] == ["work", "letter"]  # work lost its rework flow
    movers = result["movers"]
    # only the figures that changed are explained
    assert set(movers) == {
        name for name in result["before"] if result["before"][name] != result["after"][name]
    }
    assert "steps" not in movers  # one added, one removed
    # failure demand came from the call step alone
    assert movers["failure_demand_share"] == ["call"]
    # first contact resolution moved with the letter's own figure and with the call removed
    assert "letter" in movers["first_contact_resolution"]
    assert "web" not in movers["first_contact_resolution"]


def test_compare_of_identical_journeys_explains_nothing() -> None:
    result = compare(loop_journey(), loop_journey())
    assert result["movers"] == {}
    assert result["steps_changed"] == []


def _ring(size: int, back: float):
    """s0 -> s1 -> … -> s(size-1), which sends `back` of the errands to s0 again and the rest
    to the end: one loop as long as the journey."""
    from journeys.model import Journey, Lane, Stage

    steps = [Step(f"s{n}", "f", "kund", f"Steg {n}") for n in range(size)]
    steps.append(Step("klar", "f", "kund", "Klar", is_end=True))
    flows = [Flow(f"s{n}", f"s{n + 1}") for n in range(size - 1)]
    flows += [
        Flow(f"s{size - 1}", "s0", kind="rework", share=back),
        Flow(f"s{size - 1}", "klar", share=1 - back),
    ]
    return Journey(
        "Ring", stages=[Stage("f", "Fas")], lanes=[Lane("kund", "Kund")], steps=steps, flows=flows
    )


def test_a_loop_as_long_as_the_largest_journey_is_solved_exactly() -> None:
    # Half of the errands go round again: every step is visited 1 / (1 - 0.5) = 2 times. The
    # sparse elimination solves this 1,500-step loop in milliseconds (dense took seconds).
    visits = analysis.expected_visits(_ring(1500, 0.5))
    assert visits["s0"] == pytest.approx(2.0) and visits["s1499"] == pytest.approx(2.0)
    assert visits["klar"] == pytest.approx(1.0)
    stuck = analysis.expected_visits(_ring(300, 1.0))  # no way out of the loop
    assert math.isinf(stuck["s0"])


def test_the_analysis_is_bounded_like_the_diagram() -> None:
    from journeys.errors import TooLarge
    from journeys.model import MAX_STEPS

    with pytest.raises(TooLarge, match="1501 steg; högst 1500"):
        summarize(_ring(MAX_STEPS, 0.5))  # 1,500 steps in the loop and the end: 1,501
