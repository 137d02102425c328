"""Plain view data for the journey pages: Swedish labels and figures as display strings."""

from __future__ import annotations

from journeys.model import Journey, slugify
from journeys.render import describe_journey, render_journey, svg_id

LANE_ROLE_SV = {
    "customer": "Medborgare",
    "frontstage": "Frontstage",
    "backstage": "Backstage",
    "support": "Stöd/system",
}
FLOW_KIND_LABELS = {
    "next": "Nästa",
    "handoff": "Överlämning",
    "alternative": "Alternativ",
    "rework": "Omtag",
}
EVIDENCE_LABELS = {"observed": "Observerat", "assumed": "Antaget", "proposed": "Föreslaget"}


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


def number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def svg_markup(journey: Journey) -> str:
    """The diagram as inline SVG: graphviz output without its XML prolog and DOCTYPE.

    Every label went through the renderer's escaping, so the markup carries no user markup."""
    svg = render_journey(journey, "svg").decode("utf-8")
    return svg[svg.index("<svg") :]


def step_rows(journey: Journey) -> list[dict]:
    stages = {stage.id: stage.name for stage in journey.stages}
    lanes = {lane.id: lane.name for lane in journey.lanes}
    return [
        {
            "id": step.id,
            "row_id": "row-" + svg_id("step", step.id),
            "text": step.text,
            "stage": step.stage,
            "stage_name": stages.get(step.stage, step.stage),
            "lane": step.lane,
            "lane_name": lanes.get(step.lane, step.lane),
            "channel": step.channel or "",
            "emotion": "" if step.emotion is None else f"{step.emotion:g}",
            "pain_points": "\n".join(step.pain_points),
            "opportunities": "\n".join(step.opportunities),
            "volume_per_week": "" if step.volume_per_week is None else f"{step.volume_per_week:g}",
            "handling_minutes": ""
            if step.handling_minutes is None
            else f"{step.handling_minutes:g}",
            "first_contact_resolution": ""
            if step.first_contact_resolution is None
            else f"{step.first_contact_resolution * 100:g}",
            "failure_demand": step.failure_demand,
            "evidence": step.evidence,
            "is_start": step.is_start,
            "is_end": step.is_end,
        }
        for step in journey.steps
    ]


def flow_rows(journey: Journey) -> list[dict]:
    texts = {step.id: step.text for step in journey.steps}
    return [
        {
            "source": flow.source,
            "target": flow.target,
            "source_text": texts.get(flow.source, flow.source),
            "target_text": texts.get(flow.target, flow.target),
            "kind": FLOW_KIND_LABELS.get(flow.kind, flow.kind),
            "share": percent(flow.share) if flow.share is not None else "",
        }
        for flow in journey.flows
    ]


def column_rows(journey: Journey, what: str) -> list[dict]:
    attribute = "stage" if what == "stage" else "lane"
    items = journey.stages if what == "stage" else journey.lanes
    return [
        {
            "id": item.id,
            "name": item.name,
            "role": LANE_ROLE_SV.get(getattr(item, "role", ""), ""),
            "steps": sum(1 for step in journey.steps if getattr(step, attribute) == item.id),
        }
        for item in items
    ]


def key_figures(summary: dict) -> list[dict[str, str]]:
    access = summary["equal_access"]
    expected = summary["expected_contacts"]
    return [
        {"label": "Steg", "value": str(summary["steps"])},
        {"label": "Överlämningar på huvudvägen", "value": str(summary["handoffs_main_path"])},
        {"label": "Kanalbyten på huvudvägen", "value": str(summary["channel_switches_main_path"])},
        {"label": "Sviktande efterfrågan", "value": percent(summary["failure_demand_share"])},
        {
            "label": "Lösta i första kontakten",
            "value": percent(summary["first_contact_resolution"]),
        },
        {
            "label": "Kontakter per avgjort ärende",
            "value": "kan fastna" if summary["errands_can_get_stuck"] else number(expected),
        },
        {"label": "Omtagsslingor", "value": str(len(summary["rework_loops"]))},
        {"label": "Nås utan digitala kanaler", "value": "Ja" if access["non_digital"] else "Nej"},
        {"label": "Nås helt digitalt", "value": "Ja" if access["digital"] else "Nej"},
        {
            "label": "Steg med observerat underlag",
            "value": percent(summary["observed_evidence_share"]),
        },
    ]


def emotion_points(journey: Journey, summary: dict) -> list[dict]:
    texts = {step.id: step.text for step in journey.steps}
    return [
        {"steg": texts.get(step_id, step_id), "känsla": emotion}
        for step_id, emotion in zip(summary["main_path"], summary["emotion_curve"], strict=False)
    ]


def problem_rows(summary: dict) -> list[dict[str, str]]:
    return [
        {
            "message": problem["message"],
            "kind": problem["element_kind"],
            "id": problem["element_id"],
            "anchor": _anchor(problem["element_kind"], problem["element_id"]),
        }
        for problem in summary["problems"]
    ]


def _anchor(kind: str, element_id: str) -> str:
    if kind == "step":
        return "#row-" + svg_id("step", element_id)
    if kind in ("stage", "lane"):
        return f"#{kind}-{element_id}"
    return "#flode"


def description(journey: Journey) -> str:
    return describe_journey(journey)


def download_name(title: str, version: int, extension: str) -> str:
    """E.g. "Ansöka om förskoleplats" v3 -> "ansoka-om-forskoleplats-v3.svg"."""
    return f"{slugify(title, 'kundresa')}-v{version}.{extension}"


COMPARED_LABELS = {
    "steps": ("Steg", str),
    "handoffs_main_path": ("Överlämningar på huvudvägen", str),
    "channel_switches_main_path": ("Kanalbyten på huvudvägen", str),
    "failure_demand_share": ("Sviktande efterfrågan", percent),
    "expected_contacts": ("Kontakter per avgjort ärende", number),
    "first_contact_resolution": ("Lösta i första kontakten", percent),
}


def comparison_rows(result: dict) -> list[dict[str, str]]:
    return [
        {
            "label": label,
            "before": show(result["before"][name]),
            "after": show(result["after"][name]),
        }
        for name, (label, show) in COMPARED_LABELS.items()
    ]
