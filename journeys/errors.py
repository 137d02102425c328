"""Exceptions shared by the journeys package."""

from __future__ import annotations


class JourneyFormatError(ValueError):
    """Input in an outside format (JSON, Mermaid) could not be read. Nothing was created.

    `line` and `column` are 1-based and None when unknown; `path` names the element in
    structured input (e.g. "nodes[3].emotion")."""

    def __init__(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"rad {self.line}")
        if self.column is not None:
            where.append(f"kolumn {self.column}")
        if self.path:
            where.append(self.path)
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class RenderError(RuntimeError):
    """A diagram could not be rendered (too large, too slow, or `dot` failed).

    The message is Swedish because the editor shows it to users."""


class TooLarge(RuntimeError):
    """A journey is larger than the engine handles (see model.MAX_STEPS). The message is
    Swedish: the app shows it to users."""
