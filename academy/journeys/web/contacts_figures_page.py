"""/kundresor/kontakter/[import_id]: figures, charts, ranking, links to steps, before/after."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.journeys.web import contacts_view as view
from academy.journeys.web.contacts_figures_state import (
    AT_COMPARE,
    AT_LINK,
    AT_PAGE,
    AT_SETTINGS,
    AT_TOPICS,
    ContactFiguresState,
)

S = ContactFiguresState
FIGURE_COLUMNS = [
    ui.col("Kontakter", num=True),
    ui.col("Lösta i första kontakten", num=True),
    ui.col("Mot målet"),
    ui.col("Sviktande efterfrågan", num=True),
    ui.col("Överlämnade", num=True),
    ui.col("Återkommande kontakt", num=True),
]


def _figure_cells(row: view.FigureRow) -> list[rx.Component]:
    return [
        ui.cell(row.label, header=True, wrap=True),
        ui.cell(row.contacts, num=True),
        ui.cell(row.fcr, num=True),
        ui.cell(row.goal, wrap=True),
        ui.cell(row.failure, num=True),
        ui.cell(row.handed_over, num=True),
        ui.cell(row.repeats, num=True),
    ]


def _figures(caption: str, first: str, rows) -> rx.Component:
    return ui.data_table(
        caption,
        [ui.col(first), *FIGURE_COLUMNS],
        rows,
        lambda row: rx.el.tr(*_figure_cells(row)),
        empty="Inga kontakter i perioden.",
    )


def _category_row(row: view.FigureRow) -> rx.Component:
    return rx.el.tr(
        *_figure_cells(row),
        ui.cell(row.reasons, wrap=True),
        ui.cell(
            rx.cond(
                row.step != "",
                row.step,
                rx.cond(
                    S.can_edit & (row.suggested != ""),
                    rx.el.span(
                        "Förslag: ",
                        row.suggested,
                        " ",
                        rx.el.button(
                            "Koppla",
                            type="button",
                            on_click=S.link_suggested(row.label, row.suggested_value),
                            class_name="button secondary small",
                            aria_label="Koppla " + row.label + " till " + row.suggested,
                        ),
                    ),
                    "Inte kopplad",
                ),
            ),
            wrap=True,
        ),
    )


def _rank_row(row: view.RankRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.category, header=True, wrap=True),
        ui.cell(row.contacts, num=True),
        ui.cell(row.handed_over, num=True),
        ui.cell(row.share, num=True),
        ui.cell(row.to_whom, wrap=True),
        ui.cell(row.topics, wrap=True),
        ui.cell(row.training, wrap=True),
    )


def _link_row(row: view.LinkRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.category, header=True, wrap=True),
        ui.cell(rx.link(row.journey, href=row.href), wrap=True),
        ui.cell(row.step, wrap=True),
        ui.cell(
            rx.cond(
                S.can_edit,
                ui.confirm_button(
                    "Ta bort",
                    S.unlink(row.id),
                    dialog_id="del-link-" + row.id.to(str),
                    question="Ta bort kopplingen?",
                    explanation="Steget visar inte längre kategorins kontakter.",
                    small=True,
                ),
                "",
            )
        ),
    )


def _change_row(row: view.ChangeRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.label, header=True, wrap=True),
        ui.cell(row.before, num=True),
        ui.cell(row.after, num=True),
        ui.cell(row.volume, num=True),
        ui.cell(row.fcr, num=True),
        ui.cell(row.failure, num=True),
        ui.cell(row.repeats, num=True),
    )


def _category_options() -> rx.Component:
    return rx.el.div(
        rx.el.label("Kategori", html_for="f-link-category"),
        rx.el.select(
            rx.foreach(S.categories, lambda r: rx.el.option(r.label, value=r.label)),
            id="f-link-category",
            name="category",
        ),
        class_name="field",
    )


def _linking() -> rx.Component:
    return ui.section(
        "Koppla kategorier till kundresans steg",
        rx.el.p(
            "Ett kopplat steg visar kategorins observerade kontakter på kundresekartan, och "
            "analysen räknar med dem i stället för antagna siffror."
        ),
        ui.data_table(
            "Kopplade kategorier",
            [
                ui.col("Kategori"),
                ui.col("Kundresa"),
                ui.col("Steg"),
                ui.col("Åtgärder", hidden=True),
            ],
            S.links,
            _link_row,
            empty="Inga kategorier är kopplade ännu.",
        ),
        rx.cond(
            S.can_edit,
            ui.form(
                _category_options(),
                ui.select_field(
                    "Steg i kundresa",
                    "step",
                    S.step_options,
                    empty_label="Välj steg",
                    error=rx.cond(S.message_at == AT_LINK, S.field_errors.get("step", ""), ""),
                ),
                ui.submit("Koppla"),
                on_submit=S.link,
                reset_on_submit=False,
                aria_label="Koppla kategori till steg",
            ),
        ),
        ui.message(S, at=AT_LINK),
        id="koppla",
    )


def _field_error(at: str, name: str) -> rx.Var:
    return rx.cond(S.message_at == at, S.field_errors.get(name, ""), "")


def _topics() -> rx.Component:
    """The topics of a category: the ranking's training matches by them."""
    return rx.el.div(
        rx.el.h3("Ämnen för kategorierna"),
        rx.el.p(
            "Utbildningen matchas på ämnen: en kategori med ämnet ”klarspråk” matchar "
            "modulerna i kurser med det ämnet och övningar om det. Träning som är kopplad till "
            "kategorins steg i kundresan står också med.",
        ),
        rx.cond(
            S.known_topics != "",
            rx.el.p("Ämnen som utbildningen har: ", S.known_topics, class_name="muted"),
        ),
        ui.form(
            rx.el.div(
                rx.el.label("Kategori", html_for="f-topic-category"),
                rx.el.select(
                    rx.foreach(S.ranking, lambda r: rx.el.option(r.category, value=r.category)),
                    id="f-topic-category",
                    name="category",
                ),
                class_name="field",
            ),
            ui.text_field(
                "Ämnen",
                "topics",
                hint="Skilj ämnena åt med kommatecken, till exempel: klarspråk, telefon. "
                "Tomt tar bort kategorins ämnen.",
                error=_field_error(AT_TOPICS, "topics"),
            ),
            ui.submit("Spara ämnen", kind="secondary"),
            on_submit=S.save_topics,
            reset_on_submit=False,
            aria_label="Ämnen för en kategori",
        ),
        ui.message(S, at=AT_TOPICS),
    )


def _settings() -> rx.Component:
    return ui.section(
        "Inställningar för enheten",
        rx.el.p(
            "Gäller enhetens alla siffror: vad som räknas som återkommande kontakt och målet "
            "för lösta i första kontakten. ",
            S.default_text,
        ),
        ui.form(
            ui.text_field(
                "Återkommande kontakt inom (dagar)",
                "window_days",
                default_value=S.window_days,
                hint="0–365 dagar.",
                error=_field_error(AT_SETTINGS, "window_days"),
                input_mode="numeric",
            ),
            ui.text_field(
                "Mål för lösta i första kontakten (%)",
                "goal_percent",
                default_value=S.goal_percent,
                hint="1–100 %.",
                error=_field_error(AT_SETTINGS, "goal_percent"),
                input_mode="numeric",
            ),
            ui.submit("Spara inställningar"),
            rx.cond(
                S.own_settings,
                ui.button("Använd standard", S.reset_settings),
            ),
            on_submit=S.save_settings,
            key=S.window_days + "-" + S.goal_percent,
            reset_on_submit=False,
            aria_label="Inställningar för enheten",
        ),
        ui.message(S, at=AT_SETTINGS),
        id="installningar",
    )


def _compare() -> rx.Component:
    return ui.section(
        "Före och efter",
        rx.el.p("Jämför två perioder lika långa, till exempel före och efter en utbildning."),
        ui.form(
            ui.text_field("Före: första dagen", "before_from", hint="ÅÅÅÅ-MM-DD"),
            ui.text_field("Före: sista dagen", "before_to", hint="ÅÅÅÅ-MM-DD"),
            ui.text_field("Efter: första dagen", "after_from", hint="ÅÅÅÅ-MM-DD"),
            ui.text_field("Efter: sista dagen", "after_to", hint="ÅÅÅÅ-MM-DD"),
            ui.submit("Jämför", kind="secondary"),
            on_submit=S.compare,
            reset_on_submit=False,
            aria_label="Jämför två perioder",
        ),
        rx.el.div(
            rx.cond(S.comparing, rx.el.p("Beräknar jämförelsen …", class_name="notice")),
            role="status",
            aria_live="polite",
            aria_busy=S.comparing,
        ),
        ui.message(S, at=AT_COMPARE),
        rx.cond(
            S.changes.length() > 0,
            ui.data_table(
                S.change_heading,
                [
                    ui.col("Kategori"),
                    ui.col("Kontakter före", num=True),
                    ui.col("Kontakter efter", num=True),
                    ui.col("Förändring", num=True),
                    ui.col("Lösta i första kontakten", num=True),
                    ui.col("Sviktande efterfrågan", num=True),
                    ui.col("Återkommande kontakt", num=True),
                ],
                S.changes,
                _change_row,
            ),
        ),
        rx.cond(
            S.change_heading != "",
            rx.el.div(
                rx.el.h3("Önskat läge för de kopplade kundresorna"),
                rx.cond(
                    S.futures.length() > 0,
                    rx.el.ul(rx.foreach(S.futures, rx.el.li)),
                    rx.el.p("Ingen kopplad kundresa har ett önskat läge ännu.", class_name="muted"),
                ),
                rx.el.h3("Kursomgångar som enheten gick mellan perioderna"),
                rx.cond(
                    S.cohorts.length() > 0,
                    rx.el.ul(rx.foreach(S.cohorts, rx.el.li)),
                    rx.el.p(
                        "Inga kursomgångar med deltagare från enheten slutade mellan perioderna.",
                        class_name="muted",
                    ),
                ),
            ),
        ),
    )


def _content() -> rx.Component:
    return rx.fragment(
        ui.page_title(S.heading, S.period),
        rx.el.p(S.settings_text, class_name="muted"),
        rx.el.p(
            rx.link("Alla importer", href="/kundresor/kontakter"),
            " · ",
            ui.download_link("Ladda ner siffrorna (CSV)", S.export_base + "/csv"),
            " · ",
            ui.download_link("Ladda ner siffrorna (XLSX)", S.export_base + "/xlsx"),
        ),
        _figures("Alla kontakter i perioden", "Period", S.overall),
        # One part at a time: a year's report is otherwise some 10,000 px of tables.
        ui.tabs(
            "Kontaktanalysens delar",
            S.tab,
            S.select_tab,
            ui.tab(
                "weeks",
                "Per vecka",
                ui.section(
                    "Lösta i första kontakten per vecka",
                    ui.bar_chart("Lösta i första kontakten per vecka, mot målet", S.week_bars),
                    _figures("Per vecka", "Vecka", S.weeks),
                ),
            ),
            ui.tab("reasons", "Sviktande efterfrågan", _reasons()),
            ui.tab(
                "categories",
                "Kategorier",
                ui.section(
                    "Per kategori",
                    ui.data_table(
                        "Kontakter per kategori",
                        [
                            ui.col("Kategori"),
                            *FIGURE_COLUMNS,
                            ui.col("Vanligaste orsaker"),
                            ui.col("Steg"),
                        ],
                        S.categories,
                        _category_row,
                        empty="Inga kontakter i perioden.",
                    ),
                ),
                _linking(),
            ),
            ui.tab("first-line", "Första linjen", _first_line()),
            ui.tab(
                "channels",
                "Kanal och språk",
                ui.section(
                    "Per kanal och språk",
                    _figures("Per kanal", "Kanal", S.channels),
                    _figures("Per språk", "Språk", S.languages),
                ),
            ),
            ui.tab("compare", "Före och efter", _compare()),
            ui.tab("settings", "Inställningar", _settings(), show=S.can_edit),
            prefix="kontakter",
        ),
    )


def _reasons() -> rx.Component:
    return ui.section(
        "Sviktande efterfrågan per orsak",
        ui.bar_chart("Kontakter med sviktande efterfrågan per orsak", S.reason_bars),
        ui.data_table(
            "Orsaker till sviktande efterfrågan",
            [ui.col("Orsak"), ui.col("Kontakter", num=True), ui.col("Andel", num=True)],
            S.reasons,
            lambda r: rx.el.tr(
                ui.cell(r[0], header=True, wrap=True),
                ui.cell(r[1], num=True),
                ui.cell(r[2], num=True),
            ),
            empty="Ingen sviktande efterfrågan är klassad i perioden.",
        ),
    )


def _first_line() -> rx.Component:
    return ui.section(
        "Vad kan första linjen lösa?",
        rx.el.p(
            "Kategorierna efter hur många kontakter som lämnas över: så mycket vinns om "
            "första linjen kunde lösa dem själv. Utbildning som matchar står bredvid."
        ),
        ui.data_table(
            "Vad kan första linjen lösa?",
            [
                ui.col("Kategori"),
                ui.col("Kontakter", num=True),
                ui.col("Överlämnade", num=True),
                ui.col("Andel överlämnade", num=True),
                ui.col("Till vem"),
                ui.col("Ämnen"),
                ui.col("Utbildning"),
            ],
            S.ranking,
            _rank_row,
            empty="Inga kontakter lämnades över i perioden.",
        ),
        rx.cond(S.can_edit & (S.ranking.length() > 0), _topics()),
    )


def _computing() -> rx.Component:
    """Said (and announced to screen readers) while the figures are computed."""
    return rx.el.div(
        rx.cond(
            S.computing,
            rx.el.p(
                "Beräknar siffrorna … För ett års kontakter tar det några sekunder.",
                class_name="notice",
            ),
        ),
        role="status",
        aria_live="polite",
        aria_busy=S.computing,
    )


def contacts_figures_page() -> rx.Component:
    return ui.page_shell(
        _computing(),
        ui.message(S, at=AT_PAGE),
        rx.cond(S.overall.length() > 0, _content()),
        area="journeys",
    )
