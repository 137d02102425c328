"""A scenario as a JSON document (what the database stores) and back."""

from __future__ import annotations

from typing import Any

from academy.core.errors import ValidationError
from academy.practice.scenario import Choice, Node, Scenario, Setting


def to_document(scenario: Scenario) -> dict[str, Any]:
    return {
        "title": scenario.title,
        "setting": {
            "channel": scenario.setting.channel,
            "situation": scenario.setting.situation,
            "journey_step": scenario.setting.journey_step,
            "journey_label": scenario.setting.journey_label,
        },
        "start": scenario.start,
        "dimensions": list(scenario.dimensions),
        "ifid": scenario.ifid,
        "nodes": [
            {
                "id": n.id,
                "text": n.text,
                "image": n.image,
                "image_alt": n.image_alt,
                "is_end": n.is_end,
                "closing": n.closing,
                "position": list(n.position) if n.position else None,
            }
            for n in scenario.nodes
        ],
        "choices": [
            {
                "id": c.id,
                "source": c.source,
                "target": c.target,
                "text": c.text,
                "feedback": c.feedback,
                "scores": dict(c.scores),
            }
            for c in scenario.choices
        ],
    }


def from_document(document: dict[str, Any]) -> Scenario:
    try:
        setting = document["setting"]
        return Scenario(
            title=document["title"],
            setting=Setting(
                setting["channel"],
                setting["situation"],
                setting.get("journey_step"),
                setting.get("journey_label", ""),
            ),
            start=document["start"],
            dimensions=list(document["dimensions"]),
            ifid=document.get("ifid"),
            nodes=[
                Node(
                    id=n["id"],
                    text=n["text"],
                    image=n.get("image"),
                    image_alt=n.get("image_alt", ""),
                    is_end=bool(n.get("is_end")),
                    closing=n.get("closing", ""),
                    position=tuple(n["position"]) if n.get("position") else None,
                )
                for n in document["nodes"]
            ],
            choices=[
                Choice(
                    id=c["id"],
                    source=c["source"],
                    target=c["target"],
                    text=c["text"],
                    feedback=c.get("feedback", ""),
                    scores={k: int(v) for k, v in c.get("scores", {}).items()},
                )
                for c in document["choices"]
            ],
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(f"Scenariot är skadat och kan inte läsas ({exc}).") from exc
