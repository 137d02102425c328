"""Changes a trainer makes in the scenario editor, as pure functions on a Scenario.

Each raises ValidationError (Swedish) when the change makes no sense; the caller stores the
changed scenario only when no error was raised, so a refused change leaves nothing half-done.
"""

from __future__ import annotations

from academy.core.errors import ValidationError
from academy.practice.scenario import CHANNELS, SCORE_MAX, SCORE_MIN, Choice, Node, Scenario

# The editor's limits, also checked by `check_limits` before any scenario is stored (Twee import,
# restore), so every path in keeps them.
MAX_TITLE = 200
MAX_TEXT = 4000
MAX_CHOICE_TEXT = 1000
MAX_ALT = 300
MAX_ITEMS = 1000


def check_limits(scenario: Scenario) -> None:
    """Refuse a scenario whose texts or lists exceed what the editor allows, naming the place."""

    def limit(text: str | None, label: str, maximum: int = MAX_TEXT) -> None:
        if text and len(text) > maximum:
            raise ValidationError(f"{label} får vara högst {maximum} tecken ({len(text)} nu).")

    limit(scenario.title, "Titeln", MAX_TITLE)
    limit(scenario.setting.situation, "Situationen")
    if len(scenario.nodes) > MAX_ITEMS or len(scenario.choices) > MAX_ITEMS:
        raise ValidationError(f"Ett scenario får ha högst {MAX_ITEMS} noder och {MAX_ITEMS} svar.")
    for node in scenario.nodes:
        limit(node.text, f"Situationstexten i noden ”{node.id[:40]}”")
        limit(node.closing, f"Den avslutande texten i noden ”{node.id[:40]}”")
        limit(node.image_alt, f"Bildens alternativtext i noden ”{node.id[:40]}”", MAX_ALT)
    for choice in scenario.choices:
        limit(choice.text, f"Svarstexten ”{choice.text[:40]}…”", MAX_CHOICE_TEXT)
        limit(choice.feedback, f"Återkopplingen till svaret ”{choice.text[:40]}”")
    for name in scenario.dimensions:
        limit(name, "Ett dimensionsnamn", DIMENSION_LIMIT)


def _text(value: str, label: str, limit: int = MAX_TEXT) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise ValidationError(f"{label} får vara högst {limit} tecken.")
    return text


def update_setting(
    scenario: Scenario,
    *,
    title: str,
    channel: str,
    situation: str,
    start: str,
    journey_step: str | None = None,
    journey_label: str = "",
) -> None:
    """Title, channel, situation, start node and the (already checked) journey step."""
    if not (title or "").strip():
        raise ValidationError("Titeln måste fyllas i.")
    if channel not in CHANNELS:
        raise ValidationError("Välj en kanal: " + ", ".join(CHANNELS) + ".")
    if scenario.node(start) is None:
        raise ValidationError("Välj en startnod som finns.")
    scenario.title = _text(title, "Titeln", MAX_TITLE)
    scenario.setting.channel = channel
    scenario.setting.situation = _text(situation, "Situationen")
    scenario.start = start
    scenario.setting.journey_step = journey_step or None
    scenario.setting.journey_label = journey_label if journey_step else ""


# ---- score dimensions ---------------------------------------------------------------------------

DIMENSION_LIMIT = 60


def _dimension_name(scenario: Scenario, name: str, *, ignore: str = "") -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("Skriv dimensionens namn.")
    if len(name) > DIMENSION_LIMIT:
        raise ValidationError(f"Dimensionens namn får vara högst {DIMENSION_LIMIT} tecken.")
    taken = {d.casefold() for d in scenario.dimensions if d != ignore}
    if name.casefold() in taken:
        raise ValidationError(f"Dimensionen ”{name}” finns redan.")
    return name


def _uses(scenario: Scenario, dimension: str) -> int:
    return sum(1 for c in scenario.choices if c.scores.get(dimension))


def add_dimension(scenario: Scenario, name: str) -> str:
    name = _dimension_name(scenario, name)
    scenario.dimensions.append(name)
    return name


def rename_dimension(scenario: Scenario, old: str, new: str) -> str:
    """Rename ``old`` everywhere, including the scores the choices give on it."""
    if old not in scenario.dimensions:
        raise ValidationError("Dimensionen finns inte längre.")
    new = _dimension_name(scenario, new, ignore=old)
    scenario.dimensions = [new if d == old else d for d in scenario.dimensions]
    for choice in scenario.choices:
        if old in choice.scores:
            choice.scores = {(new if d == old else d): s for d, s in choice.scores.items()}
    return new


def remove_dimension(scenario: Scenario, name: str) -> None:
    """Only a dimension no choice gives points on can go; the scores would silently vanish."""
    if name not in scenario.dimensions:
        raise ValidationError("Dimensionen finns inte längre.")
    used = _uses(scenario, name)
    if used:
        raise ValidationError(
            f"Dimensionen ”{name}” används av {used} val och kan inte tas bort. "
            "Sätt poängen till ±0 i de valen först."
        )
    if len(scenario.dimensions) == 1:
        raise ValidationError("Scenariot behöver minst en poängdimension.")
    scenario.dimensions = [d for d in scenario.dimensions if d != name]
    for choice in scenario.choices:
        choice.scores.pop(name, None)


# ---- nodes and choices --------------------------------------------------------------------------


def _next_id(existing: set[str], prefix: str) -> str:
    number = 1
    while f"{prefix}{number}" in existing:
        number += 1
    return f"{prefix}{number}"


def save_node(scenario: Scenario, node_id: str, *, text: str, is_end: bool, closing: str) -> str:
    """Update ``node_id``, or add a node when it is empty; returns the node's id."""
    text = _text(text, "Situationstexten")
    if not text:
        raise ValidationError("Skriv vad invånaren säger eller gör.")
    closing = _text(closing, "Den avslutande texten")
    if is_end and not closing:
        raise ValidationError("En slutnod behöver en avslutande text.")
    if node_id:
        node = scenario.node(node_id)
        if node is None:
            raise ValidationError("Noden finns inte längre.")
        if is_end and scenario.choices_from(node_id):
            raise ValidationError("Ta bort nodens val innan du gör den till slutnod.")
        node.text, node.is_end, node.closing = text, is_end, closing if is_end else ""
        return node_id
    new_id = _next_id({n.id for n in scenario.nodes}, "nod")
    scenario.nodes.append(Node(new_id, text, is_end=is_end, closing=closing if is_end else ""))
    return new_id


def set_node_image(scenario: Scenario, node_id: str, image: str | None, alt: str) -> None:
    """Attach a stored image (its file name) with its text alternative, or remove it (None)."""
    node = scenario.node(node_id)
    if node is None:
        raise ValidationError("Noden finns inte längre.")
    if image is None:
        node.image, node.image_alt = None, ""
        return
    alt = _text(alt, "Bildens alternativtext", MAX_ALT)
    if not alt:
        raise ValidationError(
            "Skriv en alternativtext som beskriver bilden för den som inte ser den."
        )
    node.image, node.image_alt = image, alt


def delete_node(scenario: Scenario, node_id: str) -> None:
    if node_id == scenario.start:
        raise ValidationError("Startnoden kan inte tas bort; välj en annan startnod först.")
    if scenario.node(node_id) is None:
        raise ValidationError("Noden finns inte längre.")
    scenario.nodes = [n for n in scenario.nodes if n.id != node_id]
    scenario.choices = [c for c in scenario.choices if node_id not in (c.source, c.target)]


def save_choice(
    scenario: Scenario,
    choice_id: str,
    *,
    source: str,
    target: str,
    text: str,
    feedback: str,
    scores: dict[str, int],
) -> str:
    """Update ``choice_id``, or add a choice when it is empty; returns the choice's id."""
    source_node = scenario.node(source)
    if source_node is None or scenario.node(target) is None:
        raise ValidationError("Välj både varifrån och vart valet leder.")
    if source_node.is_end:
        raise ValidationError("En slutnod kan inte ha val.")
    text = _text(text, "Svarstexten", MAX_CHOICE_TEXT)
    if not text:
        raise ValidationError("Skriv medarbetarens svar.")
    feedback = _text(feedback, "Återkopplingen")
    if not feedback:
        raise ValidationError("Skriv återkopplingen som visas efter valet.")
    for dimension, score in scores.items():
        if dimension not in scenario.dimensions:
            raise ValidationError(f"Okänd poängdimension ”{dimension}”.")
        if not SCORE_MIN <= score <= SCORE_MAX:
            raise ValidationError(
                f"Poängen för ”{dimension}” ska vara mellan {SCORE_MIN:+d} och {SCORE_MAX:+d}."
            )
    kept = {d: s for d, s in scores.items() if s != 0}
    if choice_id:
        choice = scenario.choice(choice_id)
        if choice is None:
            raise ValidationError("Valet finns inte längre.")
        choice.source, choice.target, choice.text = source, target, text
        choice.feedback, choice.scores = feedback, kept
        return choice_id
    new_id = _next_id({c.id for c in scenario.choices}, f"{source}#")
    scenario.choices.append(Choice(new_id, source, target, text, feedback, kept))
    return new_id


def delete_choice(scenario: Scenario, choice_id: str) -> None:
    if scenario.choice(choice_id) is None:
        raise ValidationError("Valet finns inte längre.")
    scenario.choices = [c for c in scenario.choices if c.id != choice_id]
