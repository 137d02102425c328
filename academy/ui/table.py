"""The data table: a caption, column headers, padded cells with rules, numbers right-aligned,
long text wrapped, and horizontal scrolling inside the table (never the page) on a phone.

    data_table("Kursomgångar", [col("Namn"), col("Deltagare", num=True)], State.rows,
               lambda r: rx.el.tr(cell(r.name), cell(r.participants, num=True)))

A column may also be a Var of a list of labels (columns known only at run time, e.g. a course's
modules); the row function then renders their cells with `rx.foreach`.

`empty` is shown instead of the table when there are no rows: say why it is empty.

`stack=True` turns each row into a card on a phone (under 600 px): the header row is hidden
and every cell shows its column's name before its value, taken from `cell(..., label=...)`.
Use it for tables of a few columns with long text, where sideways scrolling would hide most of
a row.
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx


@dataclass(frozen=True)
class Column:
    label: str
    num: bool = False
    # Visually hidden header (e.g. the actions column): still read by screen readers.
    hidden: bool = False


def col(label: str, *, num: bool = False, hidden: bool = False) -> Column:
    return Column(label, num, hidden)


def _header(column: Column | str | rx.Var) -> rx.Component:
    if isinstance(column, rx.Var):
        # Columns known only at run time (e.g. a course's modules): a Var of a list of labels.
        return rx.foreach(column, lambda label: rx.el.th(label, scope="col"))
    column = column if isinstance(column, Column) else Column(column)
    label = rx.el.span(column.label, class_name="sr-only") if column.hidden else column.label
    return rx.el.th(label, scope="col", class_name="num" if column.num else "")


def cell(
    value,
    *,
    num: bool = False,
    wrap: bool = False,
    header: bool = False,
    label: str | None = None,
    **props,
):
    """A table cell; `num` right-aligns a figure, `wrap` lets long text wrap in a narrow column.

    `header` makes it the row's header cell (`th scope=row`), e.g. a person's name; `label`
    is its column's name, shown before the value when a `stack` table becomes cards."""
    if label is not None:
        props["custom_attrs"] = {**props.get("custom_attrs", {}), "data-label": label}
    kind = "num" if num else "wrap" if wrap else ""
    if header:
        return rx.el.th(value, scope="row", class_name=kind, **props)
    return rx.el.td(value, class_name=kind, **props)


def data_table(
    caption: str | rx.Var,
    columns: list[Column | str | rx.Var],
    rows: rx.Var,
    row,
    *,
    empty: str | rx.Var | None = None,
    table_id: str | None = None,
    class_name: str = "",
    stack: bool = False,
) -> rx.Component:
    """A captioned table, one `row(item)` (a `rx.el.tr`) per item, scrollable by keyboard;
    with `stack`, its rows become cards on a phone."""
    if stack:
        class_name = f"{class_name} stack".strip()
    table = rx.el.div(
        rx.el.table(
            rx.el.caption(caption),
            rx.el.thead(rx.el.tr(*[_header(c) for c in columns])),
            rx.el.tbody(rx.foreach(rows, row)),
            class_name=f"table {class_name}".strip(),
            id=table_id,
        ),
        class_name="table-wrap",
        # Visually hidden text (`sr-only`, absolutely positioned) in a wide table must stay
        # inside this scrolling box; otherwise it widens the whole page on a phone.
        style={"position": "relative"},
        tab_index=0,
        role="region",
        aria_label=caption,
    )
    if empty is None:
        return table
    return rx.cond(rows.length() > 0, table, rx.el.p(empty, class_name="empty-table muted"))
