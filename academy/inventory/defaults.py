"""The default template "Inventering service och bemötande".

Topics use the demo courses' tags (telefon, bemötande, aktivt lyssnande, klarspråk, svåra
samtal, e-post, skriftlig kommunikation) where they fit, so the needs profile can recommend
those courses; the other tags name needs no course covers yet.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.inventory.aggregation import COULD
from academy.inventory.models import SurveyTemplate
from academy.inventory.templates import create_template

DEFAULT_TITLE = "Inventering service och bemötande"

CONFIDENCE_LABELS = [
    "Mycket osäker",
    "Ganska osäker",
    "Varken säker eller osäker",
    "Ganska säker",
    "Mycket säker",
]

# (key, label, topics)
CHANNELS = [
    ("telefon", "Telefon", ["telefon", "bemötande"]),
    ("besok", "Besök", ["besök", "bemötande"]),
    ("e-post", "E-post", ["e-post", "skriftlig kommunikation"]),
    ("chatt", "Chatt", ["chatt", "skriftlig kommunikation"]),
    ("e-tjanst", "E-tjänst", ["e-tjänst"]),
    ("sociala-medier", "Sociala medier", ["sociala medier", "skriftlig kommunikation"]),
]

# (errand kind, extra topics)
ERRANDS = [
    ("Frågor om fakturor och avgifter", ["regelverk"]),
    ("Bygglov och andra tillstånd", ["regelverk"]),
    ("Plats i förskola och skola", ["regelverk"]),
    ("Felanmälan om gata, park och belysning", []),
    ("Ekonomiskt bistånd och andra stöd", ["regelverk", "svåra samtal"]),
]

FIRST_CONTACT_OPTIONS = [
    {"value": "yes", "label": "Ja, oftast"},
    {"value": COULD, "label": "Nej, men det skulle gå med rätt kunskap eller behörighet"},
    {"value": "no", "label": "Nej, det måste lämnas över"},
]

HARD_OPTIONS = [
    {"value": "arga", "label": "Arga eller upprörda invånare", "topics": ["svåra samtal"]},
    {"value": "sprak", "label": "Språkförbistring", "topics": ["klarspråk", "språk"]},
    {"value": "regler", "label": "Komplicerade regler", "topics": ["regelverk", "klarspråk"]},
    {
        "value": "overlamning",
        "label": "Att lämna över till andra",
        "topics": ["överlämning", "första kontakten"],
    },
]

# (dimension, topics)
DIMENSIONS = [
    ("Tydlighet", ["tydlighet", "klarspråk"]),
    ("Empati", ["empati", "bemötande", "aktivt lyssnande"]),
    ("Lösningsfokus", ["lösningsfokus", "första kontakten"]),
    ("Korrekthet", ["korrekthet", "regelverk"]),
]

LEARN_OPTIONS = [
    {"value": "svara-samtal", "label": "Hantera svåra samtal", "topics": ["svåra samtal"]},
    {"value": "telefon", "label": "Bemötande i telefon", "topics": ["telefon", "bemötande"]},
    {"value": "lyssna", "label": "Aktivt lyssnande", "topics": ["aktivt lyssnande"]},
    {
        "value": "mejl",
        "label": "Skriva tydliga mejl",
        "topics": ["e-post", "klarspråk", "skriftlig kommunikation"],
    },
    {"value": "regler", "label": "Regler och rutiner i våra ärenden", "topics": ["regelverk"]},
    {"value": "overlamning", "label": "Lämna över ärenden smidigt", "topics": ["överlämning"]},
]


def default_sections() -> list[dict]:
    return [
        {
            "title": "Kanaler och volymer",
            "intro": "Ungefär hur många kontakter har du en vanlig vecka i varje kanal?",
            "questions": [
                {
                    "kind": "number",
                    "text": f"{label}: kontakter per vecka",
                    "min": 0,
                    "max": 1000,
                    "unit": "per vecka",
                    "measure": "volume",
                    "topics": topics,
                }
                for _, label, topics in CHANNELS
            ],
        },
        {
            "title": "Vanliga ärenden",
            "intro": "Kan ärendet lösas redan i första kontakten i dag?",
            "questions": [
                {
                    "kind": "single_choice",
                    "text": errand,
                    "options": FIRST_CONTACT_OPTIONS,
                    "measure": "first_contact",
                    "topics": ["första kontakten", *extra],
                }
                for errand, extra in ERRANDS
            ],
        },
        {
            "title": "Det som gör kontakter svåra",
            "questions": [
                {
                    "kind": "multiple_choice",
                    "text": "Vad gör en kontakt svår för dig? Välj allt som stämmer.",
                    "options": HARD_OPTIONS,
                    "measure": "difficulty",
                },
            ],
        },
        {
            "title": "Bemötande",
            "intro": "Hur säker känner du dig i de här delarna av bemötandet?",
            "questions": [
                {
                    "kind": "likert",
                    "text": dimension,
                    "labels": CONFIDENCE_LABELS,
                    "required": True,
                    "measure": "confidence",
                    "topics": topics,
                }
                for dimension, topics in DIMENSIONS
            ],
        },
        {
            "title": "Det vill jag lära mig",
            "questions": [
                {
                    "kind": "multiple_choice",
                    "text": "Vad vill du lära dig mer om?",
                    "options": LEARN_OPTIONS,
                    "measure": "interest",
                },
                {"kind": "text", "text": "Något annat du vill lära dig eller berätta?"},
            ],
        },
    ]


def ensure_default_template(session: Session, actor: CurrentUser) -> int:
    """The default template's id, created first if missing."""
    existing = session.scalar(
        select(SurveyTemplate.id).where(SurveyTemplate.title == DEFAULT_TITLE)
    )
    if existing is not None:
        return existing
    return create_template(
        session,
        actor,
        title=DEFAULT_TITLE,
        description=(
            "Kanaler och volymer, vanliga ärenden och första kontakten, det som gör kontakter "
            "svåra, självskattad säkerhet i bemötandet och vad medarbetarna vill lära sig."
        ),
        sections=default_sections(),
    )
