"""The register extract as a readable PDF: one heading per kind of data, one block per item."""

from __future__ import annotations

import json
from typing import Any

from fpdf import FPDF

from academy.courses.certificate import latin1

EMPTY = "Inga uppgifter."


def _label(key: str) -> str:
    text = key.replace("_", " ")
    return text[:1].upper() + text[1:]


def _value(value: Any) -> str:
    if value is None or value == "":
        return "-"
    if value is True:
        return "ja"
    if value is False:
        return "nej"
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value) or "-"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class _Extract(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, f"Registerutdrag - sida {self.page_no()}", align="C")


def extract_pdf(extract: dict[str, Any]) -> bytes:
    pdf = _Extract(format="A4")
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.set_title(latin1("Registerutdrag: " + extract["konto"]["namn"]))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def line(text: str, size: float = 10, style: str = "", indent: float = 0) -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, size * 0.5, latin1(text))

    def fields(item: dict[str, Any], indent: float) -> None:
        for key, value in item.items():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                line(_label(key) + ":", style="B", indent=indent)
                for nested in value:
                    fields(nested, indent + 6)
                    pdf.ln(1)
            else:
                line(f"{_label(key)}: {_value(value)}", indent=indent)

    line("Registerutdrag från Serviceakademin", size=16, style="B")
    pdf.ln(2)
    for key, section in extract.items():
        pdf.ln(3)
        line(_label(key), size=13, style="B")
        if isinstance(section, dict):
            fields(section, 0)
        elif not section:
            line(EMPTY)
        else:
            for item in section:
                fields(item, 0)
                pdf.ln(2)
    return bytes(pdf.output())
