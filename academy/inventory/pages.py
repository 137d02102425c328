"""Inventory pages (Swedish): surveys to answer, campaigns, the needs profile, comparison."""

from __future__ import annotations

import reflex as rx

from academy.inventory.profile_state import CompareState, ProfileState
from academy.inventory.state import AnswerState, InventoryState
from academy.ui.forms import empty_state, message, select_field, text_field
from academy.ui.layout import page_shell


def _table(caption: str, headers: list[str], rows, render) -> rx.Component:
    return rx.el.div(
        rx.el.table(
            rx.el.caption(caption),
            rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in headers])),
            rx.el.tbody(rx.foreach(rows, render)),
        ),
        class_name="table-wrap",
        tab_index=0,
    )


# ---- /inventering ----------------------------------------------------------------------------


def _my_survey_row(s: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(s["title"]),
        rx.el.td(s["closes_on"]),
        rx.el.td(s["phase"]),
        rx.el.td(s["status"]),
        rx.el.td(
            rx.cond(
                s["can_answer"],
                rx.link(
                    "Svara",
                    rx.el.span(" på ", s["title"], class_name="sr-only"),
                    href="/inventering/" + s["id"].to_string() + "/svara",
                ),
                "–",
            )
        ),
    )


def _campaign_row(c: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(rx.link(c["title"], href="/inventering/" + c["id"].to_string())),
        rx.el.td(c["unit"]),
        rx.el.td(c["dates"]),
        rx.el.td(c["phase"]),
        rx.el.td(c["rate"]),
    )


def _template_row(t: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(rx.link(t["title"], href="/inventering/mallar/" + t["id"].to_string())),
        rx.el.td(t["description"]),
        rx.el.td(t["count"]),
        rx.el.td(t["used"]),
    )


def _new_template_form() -> rx.Component:
    S = InventoryState
    return rx.form(
        text_field("Mallens titel", "template_title", required=True),
        select_field("Utgå från", "source", S.source_options),
        text_field("Beskrivning (för en tom mall)", "description"),
        rx.el.button("Skapa mall", type="submit", class_name="button primary"),
        on_submit=S.new_template,
        reset_on_submit=False,
        class_name="form",
        aria_label="Ny enkätmall",
    )


def _start_form() -> rx.Component:
    S = InventoryState
    return rx.el.section(
        rx.heading("Starta en enkät", as_="h2", size="5"),
        rx.form(
            text_field("Namn på enkätomgången", "title", required=True),
            select_field("Mall", "template_id", S.template_options),
            rx.el.div(
                rx.el.label("Enhet", html_for="f-unit_id"),
                rx.el.select(
                    rx.el.option("Välj enhet", value=""),
                    rx.foreach(
                        S.unit_options, lambda o: rx.el.option(o["label"], value=o["value"])
                    ),
                    id="f-unit_id",
                    name="unit_id",
                    on_change=S.choose_unit,
                ),
                class_name="field",
            ),
            text_field("Första svarsdag", "opens_on", type_="date", required=True),
            text_field("Sista svarsdag", "closes_on", type_="date", required=True),
            rx.cond(
                S.people.length() > 0,
                rx.el.fieldset(
                    rx.el.legend("Mottagare (välj ingen för att skicka till alla medarbetare)"),
                    rx.foreach(
                        S.people,
                        lambda p: rx.el.div(
                            rx.el.input(
                                type="checkbox",
                                id="person-" + p["id"].to_string(),
                                name="person-" + p["id"].to_string(),
                            ),
                            rx.el.label(p["name"], html_for="person-" + p["id"].to_string()),
                            class_name="check",
                        ),
                    ),
                ),
            ),
            rx.el.button("Skicka enkäten", type="submit", class_name="button primary"),
            on_submit=S.start_campaign,
            reset_on_submit=False,
            key=S.form_key,
            class_name="form",
            aria_label="Starta en enkät",
        ),
    )


def inventory_page() -> rx.Component:
    S = InventoryState
    return page_shell(
        rx.heading("Inventering", as_="h1", size="7"),
        rx.text(
            "Steg 1: förstå enhetens arbetssituation och behov, och bygg utbildningen utifrån "
            "behovsprofilen."
        ),
        message(S.error, "error"),
        message(S.notice, "info"),
        rx.el.section(
            rx.heading("Enkäter att besvara", as_="h2", size="5"),
            rx.cond(
                S.my_surveys.length() > 0,
                _table(
                    "Enkäter som skickats till dig",
                    ["Enkät", "Sista svarsdag", "Läge", "Ditt svar", "Åtgärd"],
                    S.my_surveys,
                    _my_survey_row,
                ),
                empty_state("Inga enkäter", "Inga enkäter har skickats till dig."),
            ),
        ),
        rx.cond(
            S.is_analyst,
            rx.fragment(
                rx.el.section(
                    rx.heading("Enkätomgångar", as_="h2", size="5"),
                    rx.cond(
                        S.campaign_rows.length() > 0,
                        _table(
                            "Enkätomgångar och svarsfrekvens",
                            ["Enkätomgång", "Enhet", "Svarsperiod", "Läge", "Svar"],
                            S.campaign_rows,
                            _campaign_row,
                        ),
                        empty_state("Inga enkätomgångar", "Starta en enkät nedan."),
                    ),
                ),
                _start_form(),
                rx.el.section(
                    rx.heading("Enkätmallar", as_="h2", size="5"),
                    _table(
                        "Enkätmallar",
                        ["Mall", "Beskrivning", "Frågor", "Använd i enkätomgångar"],
                        S.template_rows,
                        _template_row,
                    ),
                    rx.heading("Ny enkätmall", as_="h3", size="4"),
                    _new_template_form(),
                ),
            ),
        ),
        area="inventory",
    )


# ---- /inventering/[campaign_id]/svara --------------------------------------------------------


def _choice(q: dict, kind: str) -> rx.Component:
    return rx.foreach(
        q["options"].to(list[dict]),
        lambda o: rx.el.div(
            rx.el.input(
                type=kind,
                id=o["id"],
                name=o["name"],
                value=o["value"],
                default_checked=o["checked"].to(bool),
            ),
            rx.el.label(o["label"], html_for=o["id"]),
            class_name="check",
        ),
    )


def _question(q: dict) -> rx.Component:
    key = q["key"].to(str)
    legend = rx.el.legend(q["text"], rx.cond(q["required"], " (obligatorisk)", ""))
    return rx.el.fieldset(
        legend,
        rx.match(
            q["kind"],
            ("likert", _choice(q, "radio")),
            ("single_choice", _choice(q, "radio")),
            ("multiple_choice", _choice(q, "checkbox")),
            (
                "number",
                rx.el.div(
                    rx.el.label("Antal", html_for=key),
                    rx.el.input(
                        type="number",
                        id=key,
                        name=key,
                        min=q["min"],
                        max=q["max"],
                        default_value=q["value"],
                        aria_describedby=key + "-hint",
                    ),
                    rx.el.p(q["hint"], id=key + "-hint", class_name="hint"),
                    class_name="field",
                ),
            ),
            rx.el.div(
                rx.el.label("Ditt svar", html_for=key),
                rx.el.textarea(id=key, name=key, default_value=q["value"], rows=3),
                class_name="field",
            ),
        ),
        class_name="survey-question",
    )


def answer_page() -> rx.Component:
    S = AnswerState
    return page_shell(
        rx.heading(rx.cond(S.title != "", S.title, "Enkät"), as_="h1", size="7"),
        rx.cond(
            S.title != "",
            rx.text(
                "Sista svarsdag ",
                S.closes_on,
                ". Ditt svar: ",
                S.status_text,
                ".",
                class_name="muted",
            ),
        ),
        rx.text(
            "Dina svar visas aldrig för någon med ditt namn. Resultat visas bara för grupper "
            "där tillräckligt många har svarat."
        ),
        message(S.error, "error"),
        message(S.notice, "info"),
        rx.cond(
            S.can_answer,
            rx.form(
                rx.foreach(S.questions, _question),
                rx.el.div(
                    rx.el.button(
                        "Spara utkast",
                        type="submit",
                        class_name="button secondary",
                        on_click=S.set_intent("draft"),
                    ),
                    rx.el.button(
                        "Skicka in",
                        type="submit",
                        class_name="button primary",
                        on_click=S.set_intent("submit"),
                    ),
                    class_name="actions",
                ),
                on_submit=S.save,
                reset_on_submit=False,
                key=S.form_key,
                class_name="form survey-form",
                aria_label="Enkätsvar",
                # The server checks every answer and explains in Swedish; the browser's own
                # checks would stop a draft with an empty required question.
                no_validate=True,
            ),
        ),
        rx.link("Tillbaka till Inventering", href="/inventering"),
        area="inventory",
    )


# ---- /inventering/[campaign_id] --------------------------------------------------------------


def _bar_row(bar: dict) -> rx.Component:
    return rx.el.tr(rx.el.td(bar["label"]), rx.el.td(bar["count"]), rx.el.td(bar["percent"]))


def _result(q: dict) -> rx.Component:
    bars = q["bars"].to(list[dict])
    return rx.el.section(
        rx.heading(q["text"], as_="h3", size="3"),
        rx.text(
            q["section"],
            " · ",
            q["answered"],
            " svar",
            rx.cond(q["mean"] != "–", rx.fragment(" · medel ", q["mean"]), ""),
            class_name="muted",
        ),
        rx.cond(
            bars.length() > 0,
            rx.fragment(
                rx.el.div(
                    rx.foreach(
                        bars,
                        lambda b: rx.el.div(
                            rx.el.span(b["label"], class_name="bar-label"),
                            rx.el.span(class_name="bar", style={"width": b["width"]}),
                            class_name="bar-row",
                        ),
                    ),
                    class_name="chart",
                    aria_hidden="true",
                ),
                _table(
                    "Fördelning: " + q["text"].to(str),
                    ["Svar", "Antal", "Andel (%)"],
                    bars,
                    _bar_row,
                ),
            ),
        ),
        rx.cond(
            q["texts"].to(list[str]).length() > 0,
            rx.el.ul(
                rx.foreach(q["texts"].to(list[str]), lambda t: rx.el.li(t)),
                class_name="free-texts",
                aria_label="Fritextsvar",
            ),
        ),
        class_name="card result",
    )


def _cohort_form() -> rx.Component:
    S = ProfileState
    return rx.el.section(
        rx.heading("Skapa skräddarsydd kursomgång", as_="h2", size="5"),
        rx.text("Kursen som bäst matchar behoven är förvald. Alla aktiva på enheten skrivs in."),
        rx.cond(
            S.focus_modules.length() > 0,
            rx.fragment(
                rx.text("Moduler att lägga tyngd på:"),
                rx.el.ul(rx.foreach(S.focus_modules, lambda m: rx.el.li(m))),
            ),
        ),
        rx.form(
            select_field("Kurs", "course_id", S.course_options, default_value=S.suggested_course),
            text_field("Kursomgångens namn", "name", required=True, default_value=S.suggested_name),
            text_field("Startdatum", "starts_on", type_="date", required=True),
            text_field("Slutdatum", "ends_on", type_="date", required=True),
            rx.el.button("Skapa kursomgång", type="submit", class_name="button primary"),
            on_submit=S.create_cohort,
            reset_on_submit=False,
            key=S.form_key,
            class_name="form",
            aria_label="Skapa skräddarsydd kursomgång",
        ),
    )


def _close_section() -> rx.Component:
    S = ProfileState
    return rx.el.section(
        rx.heading("Stäng enkätomgången", as_="h2", size="5"),
        rx.text(
            "Stäng enkätomgången när tillräckligt många har svarat. Då tas inga fler svar emot "
            "och resultaten visas."
        ),
        rx.el.button(
            "Stäng enkätomgången nu",
            type="button",
            class_name="button secondary",
            on_click=S.close_campaign,
        ),
    )


def _breakdown_section() -> rx.Component:
    S = ProfileState
    return rx.el.section(
        rx.heading("Dela upp svaren", as_="h2", size="5"),
        rx.cond(
            S.breakdown_options.length() > 0,
            rx.form(
                select_field(
                    "Visa bara de som svarat",
                    "breakdown",
                    S.breakdown_options,
                    default_value=S.breakdown,
                    empty_label="Alla svar (ingen uppdelning)",
                ),
                rx.el.button("Visa", type="submit", class_name="button primary"),
                on_submit=S.apply_breakdown,
                reset_on_submit=False,
                key=S.form_key,
                class_name="form inline",
                aria_label="Dela upp svaren",
            ),
        ),
        rx.cond(
            S.suppressed.length() > 0,
            rx.el.div(
                rx.el.p(
                    "Svaren kan inte delas upp efter de här frågorna, eftersom någon grupp har "
                    "färre än ",
                    S.threshold,
                    " svar. Då skulle enskildas svar kunna räknas fram genom att jämföra "
                    "grupperna med helheten.",
                ),
                rx.el.ul(rx.foreach(S.suppressed, lambda text: rx.el.li(text))),
                class_name="muted",
                id="breakdown-suppressed",
            ),
        ),
    )


def profile_page() -> rx.Component:
    S = ProfileState
    c = S.campaign
    return page_shell(
        rx.heading("Behovsprofil", as_="h1", size="7"),
        message(S.error, "error"),
        message(S.notice, "info"),
        rx.cond(
            c.contains("title"),
            rx.fragment(
                rx.text(c["title"], " · ", c["unit"], " · ", c["dates"], " · ", c["phase"]),
                rx.text("Svarsfrekvens: ", c["rate"], id="response-rate"),
                rx.el.nav(
                    rx.el.a(
                        "Exportera CSV",
                        href="/api/inventering/" + S.campaign_id.to_string() + "/export/csv",
                        download=True,
                        reload_document=True,
                    ),
                    rx.el.a(
                        "Exportera XLSX",
                        href="/api/inventering/" + S.campaign_id.to_string() + "/export/xlsx",
                        download=True,
                        reload_document=True,
                    ),
                    rx.link(
                        "Jämför med en annan enkätomgång",
                        href="/inventering/" + S.campaign_id.to_string() + "/jamfor",
                    ),
                    class_name="actions",
                    aria_label="Export och jämförelse",
                ),
            ),
        ),
        rx.cond(S.can_close, _close_section()),
        rx.cond(S.breakdown_options.length() + S.suppressed.length() > 0, _breakdown_section()),
        rx.cond(
            S.shown,
            rx.fragment(
                rx.cond(
                    S.group_label != "",
                    rx.el.p(
                        "Visar bara svaren från gruppen ”",
                        S.group_label,
                        "” (",
                        S.respondents,
                        " svar).",
                        class_name="notice",
                        id="group-shown",
                    ),
                ),
                rx.el.section(
                    rx.heading("Behov, rangordnade", as_="h2", size="5"),
                    _table(
                        "Ämnen med störst behov först",
                        ["Plats", "Ämne", "Poäng", "Skäl"],
                        S.needs,
                        lambda n: rx.el.tr(
                            rx.el.td(n["rank"]),
                            rx.el.td(n["topic"]),
                            rx.el.td(n["score"]),
                            rx.el.td(n["reasons"]),
                        ),
                    ),
                ),
                rx.el.section(
                    rx.heading("Ärenden som kunde lösas i första kontakten", as_="h2", size="5"),
                    _table(
                        "Andel som svarat att ärendet kunde lösas direkt men inte görs det i dag",
                        ["Ärende", "Svar"],
                        S.gaps,
                        lambda g: rx.el.tr(rx.el.td(g["errand"]), rx.el.td(g["text"])),
                    ),
                ),
                rx.el.section(
                    rx.heading("Rekommendationer", as_="h2", size="5"),
                    rx.cond(
                        S.recommendations.length() > 0,
                        _table(
                            "Kurser och moduler som matchar de största behoven",
                            ["Typ", "Titel", "Matchande ämnen"],
                            S.recommendations,
                            lambda r: rx.el.tr(
                                rx.el.td(r["kind"]), rx.el.td(r["title"]), rx.el.td(r["matched"])
                            ),
                        ),
                        empty_state(
                            "Inga rekommendationer",
                            "Ingen publicerad kurs har ämnen som matchar behoven.",
                        ),
                    ),
                ),
                _cohort_form(),
                rx.el.section(
                    rx.heading("Svar per fråga", as_="h2", size="5"),
                    rx.foreach(S.questions, _result),
                ),
            ),
            rx.fragment(
                rx.cond(
                    S.still_open,
                    rx.el.div(
                        rx.el.p(rx.el.strong("Resultaten visas när enkätomgången är stängd")),
                        rx.el.p(
                            "Så länge svar kan komma in visas inga resultat: den som följer hur "
                            "siffrorna ändras efter varje nytt svar skulle annars kunna "
                            "räkna ut vad en enskild person har svarat. Resultaten visas "
                            "efter sista svarsdagen, eller när du stänger enkätomgången."
                        ),
                        class_name="empty-state",
                        id="results-hidden",
                    ),
                ),
                rx.cond(
                    c.contains("title") & ~S.still_open,
                    rx.el.div(
                        rx.el.p(rx.el.strong("För få svar")),
                        rx.el.p(
                            "Resultat visas först när minst ",
                            S.threshold,
                            " personer har svarat, så att ingen kan pekas ut. Nu har ",
                            S.respondents,
                            " svarat.",
                        ),
                        class_name="empty-state",
                    ),
                ),
            ),
        ),
        area="inventory",
    )


# ---- /inventering/[campaign_id]/jamfor -------------------------------------------------------


def _change_row(r: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(r["label"]), rx.el.td(r["before"]), rx.el.td(r["after"]), rx.el.td(r["change"])
    )


def compare_page() -> rx.Component:
    S = CompareState
    return page_shell(
        rx.heading("Jämför enkätomgångar", as_="h1", size="7"),
        rx.text(S.title),
        message(S.error, "error"),
        rx.form(
            select_field("Jämför med", "other", S.others, empty_label="Välj enkätomgång"),
            rx.el.button("Jämför", type="submit", class_name="button primary"),
            on_submit=S.compare,
            reset_on_submit=False,
            class_name="form inline",
            aria_label="Välj jämförelse",
        ),
        rx.cond(
            S.heading != "",
            rx.fragment(
                rx.heading(S.heading, as_="h2", size="5"),
                _table(
                    "Medelvärde per fråga",
                    ["Fråga", "Före", "Efter", "Förändring"],
                    S.question_rows,
                    _change_row,
                ),
                _table(
                    "Behovspoäng per ämne (lägre är bättre)",
                    ["Ämne", "Före", "Efter", "Förändring"],
                    S.topic_rows,
                    _change_row,
                ),
            ),
        ),
        rx.link("Tillbaka till behovsprofilen", href="/inventering/" + S.campaign_id.to_string()),
        area="inventory",
    )
