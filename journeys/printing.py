"""A journey's blueprint as a printable PDF: landscape A4 or A3 pages (fpdf2).

The whole blueprint is drawn once as SVG to measure it: the width of the row names (column 0)
and of every stage (between the light separators). If it fits the page width at a readable
scale it goes on one page; otherwise stages are grouped greedily into pages, and each page is
the blueprint of just those stages (Graphviz draws the subset), so every page repeats the stage
headers, the lane names, the lines and the legend. Flows between steps on different pages are
left out of both pages. Each page is scaled to the page width (and height), with the title,
version, date and page number in the footer.
"""

from __future__ import annotations

import dataclasses
import io
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from fpdf import FPDF

from journeys.blueprint import blueprint_dot, check_size, render_journey
from journeys.model import Journey
from journeys.render import RENDER_TIMEOUT_SECONDS, render_dot

PAPERS = {"a4": (297.0, 210.0), "a3": (420.0, 297.0)}  # landscape, millimetres
MARGIN_MM = 10.0
FOOTER_MM = 8.0
MM_PER_PT = 25.4 / 72
# A page holds as many stages as fit when drawn at this scale or larger (11 pt text stays at
# least 6.6 pt on paper); a single wider stage gets a page of its own, drawn smaller.
MIN_SCALE = 0.6
PRINT_DPI = 200
FONT_FILES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)
SVG = "{http://www.w3.org/2000/svg}"
COLUMN_ZERO = re.compile(r"stages-name|emotion-name|row-\d+|line-of-(interaction|visibility)")


@dataclasses.dataclass(frozen=True)
class Layout:
    """Widths (pt) of the row-name column and of each stage, and the diagram's height."""

    names_width: float
    stage_widths: list[float]
    height: float


def measure(svg: bytes) -> Layout:
    """Column widths from a rendered blueprint: the row names end where the first stage begins;
    stages are divided at the centres of the header row's separators."""
    root = ET.fromstring(svg)
    width = float(root.get("width", "0pt").removesuffix("pt"))
    height = float(root.get("height", "0pt").removesuffix("pt"))
    names_right, separators = 0.0, []
    for group in root.iter(f"{SVG}g"):
        title = group.findtext(f"{SVG}title") or ""
        xs = _xs(group)
        if not xs:
            continue
        if title.startswith("separator-"):
            separators.append((min(xs) + max(xs)) / 2)
        elif COLUMN_ZERO.fullmatch(title):
            names_right = max(names_right, max(xs))
    bounds = [names_right, *sorted(separators), width]
    widths = [right - left for left, right in zip(bounds, bounds[1:], strict=False)]
    return Layout(names_right, widths, height)


def _xs(group: ET.Element) -> list[float]:
    for shape in group:
        if shape.tag == f"{SVG}polygon":
            points = (shape.get("points") or "").replace(",", " ").split()
            return [float(x) for x in points[0::2]]
    return []


def page_groups(layout: Layout, page_width_pt: float) -> list[list[int]]:
    """Stage indexes per page: as many consecutive stages as fit at MIN_SCALE."""
    limit = page_width_pt / MIN_SCALE
    groups: list[list[int]] = []
    used = 0.0
    for index, width in enumerate(layout.stage_widths):
        if groups and layout.names_width + used + width <= limit:
            groups[-1].append(index)
            used += width
        else:
            groups.append([index])
            used = width
    return groups or [[]]


def stage_subset(journey: Journey, stage_indexes: list[int], last: bool) -> Journey:
    """The journey with only these stages, their steps and the flows between them (all lanes,
    so every page has the same rows). Steps in unknown stages go with the last page."""
    stage_ids = {journey.stages[n].id for n in stage_indexes}
    known = {stage.id for stage in journey.stages}
    steps = [
        step
        for step in journey.steps
        if step.stage in stage_ids or (last and step.stage not in known)
    ]
    kept = {step.id for step in steps}
    return dataclasses.replace(
        journey,
        stages=[journey.stages[n] for n in stage_indexes],
        steps=steps,
        flows=[f for f in journey.flows if f.source in kept and f.target in kept],
    )


def journey_pdf(
    journey: Journey,
    paper: str = "a4",
    *,
    today: date | None = None,
    timeout: float = RENDER_TIMEOUT_SECONDS,
) -> bytes:
    """The blueprint on landscape pages of `paper` ("a4" or "a3")."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {sorted(PAPERS)}, not {paper!r}")
    check_size(journey)
    page_w, page_h = PAPERS[paper]
    area_w, area_h = page_w - 2 * MARGIN_MM, page_h - 2 * MARGIN_MM - FOOTER_MM
    layout = measure(render_journey(journey, "svg", timeout))
    groups = page_groups(layout, area_w / MM_PER_PT)
    if len(groups) == 1:
        pages = [journey]
    else:
        pages = [
            stage_subset(journey, group, n == len(groups) - 1) for n, group in enumerate(groups)
        ]
    pdf = FPDF(orientation="landscape", format=paper.upper(), unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    font = _footer_font(pdf)
    for number, page in enumerate(pages, 1):
        size = measure(render_journey(page, "svg", timeout)) if len(pages) > 1 else layout
        width_pt = size.names_width + sum(size.stage_widths)
        scale = min(area_w / (width_pt * MM_PER_PT), area_h / (size.height * MM_PER_PT))
        dpi = max(72, min(300, round(PRINT_DPI * scale)))
        png = render_dot(blueprint_dot(page, dpi=dpi), "png", timeout)
        pdf.add_page()
        pdf.image(
            io.BytesIO(png),
            x=MARGIN_MM,
            y=MARGIN_MM,
            w=width_pt * MM_PER_PT * scale,
            h=size.height * MM_PER_PT * scale,
        )
        pdf.set_font(font, size=8)
        pdf.set_xy(MARGIN_MM, page_h - MARGIN_MM - FOOTER_MM / 2)
        text = footer_text(journey, today or date.today(), number, len(pages))
        pdf.cell(area_w, FOOTER_MM / 2, _printable(text, font), align="L")
    return bytes(pdf.output())


def footer_text(journey: Journey, day: date, number: int, pages: int) -> str:
    """E.g. "Ansöka om förskoleplats · version 3 · 2026-11-30 · sida 1 av 2"."""
    when = day.isoformat()
    return f"{journey.title} · version {journey.version} · {when} · sida {number} av {pages}"


def _footer_font(pdf: FPDF) -> str:
    """DejaVu Sans when the system has it (any character), else the built-in Helvetica."""
    for path in FONT_FILES:
        if path.exists():
            pdf.add_font("DejaVu", "", str(path))
            return "DejaVu"
    return "Helvetica"


def _printable(text: str, font: str) -> str:
    if font != "Helvetica":
        return text
    return text.replace("·", "-").encode("latin-1", "replace").decode("latin-1")
