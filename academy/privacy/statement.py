"""The tillgänglighetsredogörelse: read by anyone (no login), kept up to date by admins.

DIGG's requirements (lag 2018:1937 om tillgänglighet till digital offentlig service, DIGG's
föreskrifter MDFFS 2019:2): the public body's and the service's names; whether the service is
fully, partly or not compliant; the known gaps and why; how and when the service was assessed
and when the statement was last updated; how to report a problem; and the link to DIGG's
notification page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core import audit
from academy.core.access import CurrentUser, require_role
from academy.core.errors import ValidationError
from academy.core.models import Role, utcnow
from academy.core.validation import optional_text, required_text
from academy.privacy.models import COMPLIANCE, AccessibilityStatement

DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"
COMPLIANCE_LABELS = {
    "helt": "helt förenlig",
    "delvis": "delvis förenlig",
    "inte": "inte förenlig",
}
MAX_LONG_TEXT = 5000

DEFAULT = dict(
    organisation="Kommunen",
    service="Serviceakademin",
    compliance="delvis",
    gaps=(
        "Diagram över kundresor (SVG) har en textversion i tabellerna bredvid, men själva "
        "bilden kan inte läsas med skärmläsare. Nedladdade PDF-filer (intyg, registerutdrag) "
        "är inte taggade för skärmläsare; samma uppgifter finns som webbsidor eller JSON."
    ),
    assessment=(
        "Tjänsten har granskats av utvecklarna själva: automatiska tester med axe-core på "
        "varje sida som testas, manuell prövning med tangentbord och skärmläsare, och "
        "kontroll i mobil bredd (390 px). Ingen extern granskning är gjord ännu."
    ),
    feedback=(
        "Om du inte kan använda något i Serviceakademin, eller upptäcker en brist som inte "
        "står här, kontakta kommunens kontaktcenter och be om Serviceakademins förvaltare. "
        "Vi svarar inom två arbetsdagar."
    ),
)


@dataclass(frozen=True)
class Statement:
    organisation: str
    service: str
    compliance: str
    compliance_label: str
    gaps: str
    assessment: str
    assessed_on: str
    feedback: str
    updated_on: str
    digg_url: str = DIGG_REPORT_URL


def get_statement(session: Session) -> Statement:
    """The statement as saved, or the default wording until an admin saves one."""
    row = session.scalar(select(AccessibilityStatement).limit(1))
    if row is None:
        return Statement(
            **DEFAULT,
            compliance_label=COMPLIANCE_LABELS[DEFAULT["compliance"]],
            assessed_on="",
            updated_on="",
        )
    return Statement(
        organisation=row.organisation,
        service=row.service,
        compliance=row.compliance,
        compliance_label=COMPLIANCE_LABELS[row.compliance],
        gaps=row.gaps,
        assessment=row.assessment,
        assessed_on=row.assessed_on.isoformat() if row.assessed_on else "",
        feedback=row.feedback,
        updated_on=row.updated_at.date().isoformat(),
    )


def save_statement(
    session: Session,
    actor: CurrentUser | None,
    *,
    organisation: str,
    service: str,
    compliance: str,
    gaps: str,
    assessment: str,
    assessed_on: date | None,
    feedback: str,
) -> None:
    require_role(actor, Role.ADMIN)
    if compliance not in COMPLIANCE:
        raise ValidationError(
            "Välj om tjänsten är helt, delvis eller inte förenlig.", field="compliance"
        )
    values = dict(
        organisation=required_text(organisation, "Myndighetens namn", form_field="organisation"),
        service=required_text(service, "Tjänstens namn", form_field="service"),
        compliance=compliance,
        gaps=optional_text(gaps, "Kända brister", MAX_LONG_TEXT, form_field="gaps"),
        assessment=required_text(
            assessment, "Hur tjänsten granskats", MAX_LONG_TEXT, form_field="assessment"
        ),
        assessed_on=assessed_on,
        feedback=required_text(
            feedback, "Hur man lämnar synpunkter", MAX_LONG_TEXT, form_field="feedback"
        ),
        updated_at=utcnow(),
    )
    if compliance != "helt" and not values["gaps"]:
        raise ValidationError(
            "Beskriv de kända bristerna och varför de finns, när tjänsten inte är helt förenlig.",
            field="gaps",
        )
    row = session.scalar(select(AccessibilityStatement).limit(1))
    if row is None:
        session.add(AccessibilityStatement(**values))
    else:
        for key, value in values.items():
            setattr(row, key, value)
    audit.record(
        session, "statement_saved", actor_id=actor.id, detail=COMPLIANCE_LABELS[compliance]
    )
