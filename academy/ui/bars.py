"""Bar geometry for `charts.bar_chart`, pure so that view code and tests can use it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    # Percentages of the track: where the fill starts and how long it is.
    offset: float = 0.0
    width: float = 0.0
    negative: bool = False


def bar(label: str, value: float | None, maximum: float, text: str) -> Bar:
    """A bar from zero: `value` of `maximum` (None or 0 gives no fill)."""
    if not value or maximum <= 0:
        return Bar(label, text)
    return Bar(label, text, 0.0, round(min(abs(value) / maximum, 1.0) * 100, 1), value < 0)


def diverging_bar(label: str, value: float | None, limit: float, text: str) -> Bar:
    """A bar from the middle: negative values extend left, positive right, up to ±`limit`."""
    if not value or limit <= 0:
        return Bar(label, text, 50.0, 0.0)
    half = round(min(abs(value) / limit, 1.0) * 50, 1)
    return Bar(label, text, 50.0 - half if value < 0 else 50.0, half, value < 0)


def bars(items: Iterable[tuple[str, float | None, str]], maximum: float | None = None) -> list[Bar]:
    """Bars for (label, value, text) items on one scale (the largest value unless given)."""
    items = list(items)
    top = maximum if maximum is not None else max((abs(v or 0) for _, v, _ in items), default=0)
    return [bar(label, value, top, text) for label, value, text in items]
