"""Shared helpers for the practice integration tests."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from academy.core import auth
from academy.core.models import User

DEMO_TWEE = Path("academy/practice/demo/arg_foralder_telefon.twee")

FOUR_NODES = """:: StoryTitle
Fyra noder

:: ScenarioSetting
kanal: telefon
situation: En invånare ringer om en faktura.

:: Start
Invånaren: Varför är fakturan så hög?
[[Jag förstår att det känns oväntat, vi tittar tillsammans.->Lugn]]
{feedback: Bra, du bekräftar känslan.}
{Empati:+2 Tydlighet:+1}
[[Det står på fakturan.->Irriterad]]
{feedback: Avvisande.}
{Empati:-2}

:: Lugn
Invånaren: Tack, det låter bra.
[[Jag skickar en specifikation.->Slut]]
{feedback: Tydligt nästa steg.}
{Lösningsfokus:+2}

:: Irriterad
Invånaren: Då vill jag prata med din chef!
[[Förlåt, jag hjälper dig gärna.->Slut]]
{feedback: Du rättar till det.}
{Empati:+1}

:: Slut [end]
Invånaren: Okej, tack.
---
Samtalet avslutades lugnt.
"""


def person(session, email: str):
    return auth.to_current_user(session.scalar(select(User).where(User.email == email)))
