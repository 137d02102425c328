"""Så hanteras personuppgifter (`/personuppgifter`), open to everyone (docs/privacy.md in
short, with the retention times the app is set to)."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.privacy.web.privacy_state import StatementState
from academy.privacy.web.view import RetentionRow

KEPT = [
    (
        "Konto",
        "namn, e-post, enhet och roller – för att du ska kunna logga in och få rätt "
        "innehåll. Finns kvar tills en administratör tar bort personuppgifterna.",
    ),
    (
        "Utbildning",
        "kursomgångar, lästa lektioner, quizförsök och svar – för att visa dina "
        "framsteg och ge intyg. Resultat finns kvar som statistik även när kontot tas bort.",
    ),
    (
        "Träning",
        "scenarioresultat, träningsloggen med återkoppling och observationer från "
        "rollspel – för ditt eget lärande och utbildarens uppföljning.",
    ),
    (
        "Inventering",
        "vilka enkäter du fått och om du svarat. Svaren visas aldrig med namn och "
        "bara när tillräckligt många svarat.",
    ),
    ("Händelseloggen", "inloggningar och ändringar av konton – för säkerheten."),
    (
        "Kakor",
        "en enda kaka, sa_session, som håller dig inloggad. Den är nödvändig för tjänsten, "
        "kan inte läsas av skript på sidan, gäller högst 12 timmar och tas bort när du "
        "loggar ut. Inga kakor används för spårning.",
    ),
]


def _retention_row(row: RetentionRow) -> rx.Component:
    return rx.el.tr(ui.cell(row.what, header=True, wrap=True), ui.cell(row.kept))


def privacy_page() -> rx.Component:
    return ui.public_shell(
        ui.page_title(
            "Så hanteras personuppgifter", "Vad Serviceakademin sparar, varför och hur länge."
        ),
        rx.el.p(
            "Kommunen är personuppgiftsansvarig. Uppgifterna behandlas för att ge anställda "
            "utbildning och träning i bemötande (rättslig grund: allmänt intresse och "
            "kommunen som arbetsgivare). Inga uppgifter lämnas till andra."
        ),
        rx.el.h2("Vad som sparas"),
        rx.el.dl(*[part for title, text in KEPT for part in (rx.el.dt(title), rx.el.dd(text))]),
        rx.el.h2("Hur länge"),
        ui.data_table(
            "Gallring: hur länge uppgifterna sparas",
            [ui.col("Uppgifter"), ui.col("Sparas")],
            StatementState.retention,
            _retention_row,
            empty="Inga gallringstider är inställda.",
        ),
        rx.el.h2("Dina rättigheter"),
        rx.el.p(
            "Du kan själv ladda ner allt som finns om dig under Mina uppgifter "
            "(registerutdrag). Vill du att något rättas eller tas bort, kontakta en "
            "administratör: då tas ditt namn, din e-post och det du skrivit bort, medan "
            "resultaten finns kvar som statistik utan namn."
        ),
        rx.el.p(rx.link("Mina uppgifter", href="/mina-uppgifter")),
    )
