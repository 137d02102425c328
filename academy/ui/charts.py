"""One bar chart: the bar's length is the value, the number is written beside it as text.

States hold `Bar` rows made by `bars(...)` (pure, in `academy.ui.bars`); the chart is a list
that screen readers read as label, value; pair it with a data table when people need to
compare exact figures.
"""

from __future__ import annotations

import reflex as rx

from academy.ui.bars import Bar


def _bar(bar: Bar, diverging: bool) -> rx.Component:
    style = (
        {"margin_left": bar.offset.to(str) + "%", "width": bar.width.to(str) + "%"}
        if diverging
        else {"width": bar.width.to(str) + "%"}
    )
    return rx.el.li(
        rx.el.span(bar.label, class_name="bar-label"),
        rx.el.span(
            rx.el.span(
                class_name=rx.cond(bar.negative, "bar-fill negative", "bar-fill"), style=style
            ),
            class_name="bar-track",
            aria_hidden="true",
        ),
        rx.el.span(bar.text, class_name="bar-value num"),
        class_name="bar-row",
    )


def bar_chart(caption: str | rx.Var, rows: rx.Var, *, diverging: bool = False) -> rx.Component:
    """`rows` is a Var of `list[Bar]`; `diverging` puts zero in the middle (scores −2…+2)."""
    return rx.el.figure(
        rx.el.figcaption(caption),
        rx.el.ul(rx.foreach(rows, lambda bar: _bar(bar, diverging))),
        class_name="bar-chart diverging" if diverging else "bar-chart",
    )
