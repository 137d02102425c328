"""At start-up, the contact figures people open first, computed before anyone asks.

Each worker keeps the figures of a contact import in memory once computed
(academy.journeys.contacts.service). After a restart the first person to open a journey with
observed contacts, or Kontaktanalys, waited while its import was read back and summarised (over
a second for eight weeks of a service centre's contacts, about three for a year). Each worker now
does that for every unit's newest import as it starts, in a low-priority thread, so it takes no
time from the pages being served meanwhile.
"""

from __future__ import annotations

import logging

from academy.core.db import session_scope
from academy.core.web.low_priority import run_low_priority
from academy.journeys.contacts import service

log = logging.getLogger(__name__)


def _keep() -> int:
    with session_scope() as session:
        return service.keep_newest_figures(session)


async def keep_contact_figures() -> None:
    """A lifespan task: nothing a person does waits for it, and a failure is only logged (the
    figures are then computed when first opened, as before)."""
    try:
        kept = await run_low_priority(_keep)
    except Exception:
        log.exception("Could not compute the contact figures at start-up")
        return
    log.info("Contact figures of %d imports computed at start-up", kept)
