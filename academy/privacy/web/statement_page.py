"""Tillgänglighetsredogörelse (`/tillganglighet`), open to everyone without login."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.privacy.statement import DIGG_REPORT_URL
from academy.privacy.web.privacy_state import StatementState


def _paragraphs(items) -> rx.Component:
    return rx.foreach(items, lambda text: rx.el.p(text))


def statement_page() -> rx.Component:
    s = StatementState.statement
    return ui.public_shell(
        ui.page_title("Tillgänglighet för " + s.service),
        rx.el.p(
            s.organisation,
            " står bakom ",
            s.service,
            ". Vi vill att så många som möjligt ska kunna använda tjänsten. Här beskriver vi "
            "hur den uppfyller lagen om tillgänglighet till digital offentlig service, kända "
            "brister och hur du kan rapportera problem.",
        ),
        ui.message(StatementState, at="statement"),
        rx.el.h2("Hur tillgänglig är tjänsten?"),
        rx.el.p("Tjänsten är ", rx.el.strong(s.compliance_label), " med lagen."),
        rx.el.h2("Kända brister"),
        rx.cond(
            s.gaps.length() > 0,
            _paragraphs(s.gaps),
            rx.el.p("Vi känner inte till några brister."),
        ),
        rx.el.h2("Hur vi testat tjänsten"),
        _paragraphs(s.assessment),
        rx.el.p("Senast bedömd: ", s.assessed_on, "."),
        rx.el.p("Redogörelsen uppdaterades senast: ", s.updated_on, "."),
        rx.el.h2("Kontakta oss om du hittar brister"),
        _paragraphs(s.feedback),
        rx.el.h2("Kontakta tillsynsmyndigheten"),
        rx.el.p(
            "Myndigheten för digital förvaltning (DIGG) ansvarar för tillsynen över lagen. "
            "Om du inte är nöjd med hur vi hanterar dina synpunkter kan du ",
            rx.el.a(
                "anmäla det till DIGG (digg.se/tdosanmalan)",
                href=DIGG_REPORT_URL,
                rel="noopener",
            ),
            ".",
        ),
    )
