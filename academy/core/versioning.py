"""Optimistic locking shared by every editor: load, check the version, change, save.

The check and the write are one `UPDATE … WHERE id = :id AND version = :expected`, so two
simultaneous saves cannot both win, whatever the database's isolation level.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from academy.core.errors import StaleEdit

STALE_MESSAGE = (
    "{what} har ändrats av {who} sedan du öppnade sidan. Inget har sparats; din text finns kvar. "
    "Ladda om sidan för att se ändringarna och gör om din ändring."
)


def save_versioned(
    session: Session,
    model: type,
    row_id: int,
    expected_version: int,
    *,
    what: str = "Innehållet",
    who: str = "någon annan",
    **values: Any,
) -> int:
    """Write `values` and bump `version` if it is still `expected_version`; the new version.

    Raises `StaleEdit` (nothing written) when someone saved in between."""
    new_version = expected_version + 1
    result = session.execute(
        update(model)
        .where(model.id == row_id, model.version == expected_version)
        .values(version=new_version, **values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise StaleEdit(STALE_MESSAGE.format(what=what, who=who))
    return new_version
