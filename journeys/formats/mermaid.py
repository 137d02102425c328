"""Mermaid `journey` diagrams (Mermaid's user-journey syntax), both ways.

The reader follows Mermaid's own grammar (journey.jison): the same token rules tried in the same
order, so it accepts what Mermaid accepts and fails where Mermaid fails, and it also rejects scores
that are not whole numbers from 0 to 5. Like Mermaid it first protects entity codes (`#59;`) and
strips front matter and `%%{...}%%` directives.

Mapping: each `section` line starts a new stage (also when a name repeats); tasks before the first
section go to a default stage; tasks become steps in order, joined by `next` flows; score s gives
emotion max(s - 3, -2); a task's first actor names its lane, all actors are kept, and a task
without actors goes to the default lane. `accDescr` becomes the journey description.

The writer is lossy by nature (Mermaid journeys have no flows, channels or metrics) but
export-then-import reproduces title, description, stages, steps, scores and actors.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from journeys.errors import JourneyFormatError
from journeys.model import (
    MAX_STEPS,
    Flow,
    Journey,
    Lane,
    Stage,
    Step,
    check_import_size,
    slugify,
    too_many_steps,
)

DEFAULT_STAGE_ID = "utan-fas"
DEFAULT_STAGE_NAME = "Utan fas"
DEFAULT_LANE_ID = "medborgare"
DEFAULT_LANE_NAME = "Medborgare"
NEUTRAL_SCORE = 3

# Token rules of Mermaid's journey lexer, in its order; the first rule that matches wins.
_I = re.IGNORECASE
INITIAL_RULES: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(r"%%(?!\{)[^\n]*"), None),
    (re.compile(r"[^}]%%[^\n]*"), None),
    (re.compile(r"\n+"), "NEWLINE"),
    (re.compile(r"\s+"), None),
    (re.compile(r"#[^\n]*"), None),
    (re.compile(r"journey", _I), "journey"),
    (re.compile(r"title\s[^#\n;]+", _I), "title"),
    (re.compile(r"accTitle\s*:\s*", _I), "acc_title"),
    (re.compile(r"accDescr\s*:\s*", _I), "acc_descr"),
    (re.compile(r"accDescr\s*\{\s*", _I), "acc_descr_multiline_start"),
    (re.compile(r"section\s[^#:\n;]+", _I), "section"),
    (re.compile(r"[^#:\n;]+"), "taskName"),
    (re.compile(r":[^#\n;]+"), "taskData"),
    (re.compile(r":"), ":"),
    (re.compile(r"."), "INVALID"),
]
REST_OF_LINE = re.compile(r"[^\n]*")
UNTIL_BRACE = re.compile(r"[^}]*")
ENTITY = re.compile(r"#\w+;", re.ASCII)  # as in JavaScript, \w is ASCII
FRONT_MATTER = re.compile(r"^-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+", re.DOTALL)
DIRECTIVE = re.compile(r"%%\{.*?\}%%", re.DOTALL)
SCORE = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


@dataclass
class Token:
    kind: str
    start: int
    end: int


class _Source:
    """The text as Mermaid lexes it, with helpers to map offsets back to lines and columns."""

    def __init__(self, text: str) -> None:
        self.original = text.replace("\r\n", "\n").replace("\r", "\n")
        lexed = self.original
        front = FRONT_MATTER.match(lexed)
        self.front_matter = front.group(1) if front else ""
        if front:
            lexed = _blank_out(lexed, front.start(), front.end())
        for match in DIRECTIVE.finditer(lexed):
            lexed = _blank_out(lexed, match.start(), match.end())
        # Same-length placeholders keep every offset valid in the original text.
        self.lexed = ENTITY.sub(lambda m: "\ue000" * len(m.group()), lexed)

    def position(self, offset: int) -> tuple[int, int]:
        line = self.lexed.count("\n", 0, offset) + 1
        column = offset - (self.lexed.rfind("\n", 0, offset) + 1) + 1
        return line, column

    def error(self, message: str, offset: int) -> JourneyFormatError:
        line, column = self.position(offset)
        return JourneyFormatError(message, line=line, column=column)

    def value(self, start: int, end: int) -> str:
        """User text between two offsets, trimmed, then with Mermaid entity codes decoded (so
        encoded spaces at the ends survive)."""
        return decode_entities(self.original[start:end].strip())


def _blank_out(text: str, start: int, end: int) -> str:
    middle = "".join("\n" if char == "\n" else " " for char in text[start:end])
    return text[:start] + middle + text[end:]


def decode_entities(text: str) -> str:
    """Mermaid entity codes: `#35;` (a code point) and `#amp;` (an HTML entity name)."""

    def decode(match: re.Match[str]) -> str:
        inner = match.group()[1:-1]
        number = inner.removeprefix("+")
        if number.isdigit():
            code = int(number)
            valid = code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
            return chr(code) if valid else match.group()
        decoded = html.unescape(f"&{inner};")
        return match.group() if decoded == f"&{inner};" else decoded

    return ENTITY.sub(decode, text)


def _first_rule(text: str, position: int) -> tuple[re.Match[str], str | None]:
    for pattern, kind in INITIAL_RULES:
        match = pattern.match(text, position)
        if match:
            return match, kind
    raise AssertionError("the last rule matches any character")


def _tokens(source: _Source) -> list[Token]:
    text, position, tokens = source.lexed, 0, []
    while position < len(text):
        if tokens and tokens[-1].kind in ("acc_title", "acc_descr"):
            match = REST_OF_LINE.match(text, position)
            tokens.append(Token(tokens[-1].kind + "_value", position, match.end()))
            position = match.end()
            continue
        match, kind = _first_rule(text, position)
        if kind == "acc_descr_multiline_start":
            body = UNTIL_BRACE.match(text, match.end())
            if body.end() >= len(text):
                raise source.error("väntade '}' som avslutar accDescr {", match.start())
            tokens.append(Token("acc_descr_multiline_value", body.start(), body.end()))
            position = body.end() + 1
            continue
        if kind is not None:
            tokens.append(Token(kind, match.start(), match.end()))
        position = match.end()
    return tokens


def parse_mermaid(text: str) -> Journey:
    """Mermaid journey text -> Journey. Raises JourneyFormatError naming line and column."""
    check_import_size(text)
    source = _Source(text)
    tokens = [token for token in _tokens(source) if token.kind != "NEWLINE"]
    if not tokens or tokens[0].kind != "journey":
        offset = tokens[0].start if tokens else 0
        raise source.error("väntade 'journey' som diagrammets första ord", offset)
    builder = _JourneyBuilder()
    builder.title = _front_matter_title(source.front_matter)
    index = 1
    while index < len(tokens):
        token = tokens[index]
        raw = source.original[token.start : token.end]
        if token.kind == "title":
            builder.title = source.value(token.start + 6, token.end)
        elif token.kind == "acc_title":
            index += 1  # the lexer always emits the value right after
            builder.acc_title = source.value(tokens[index].start, tokens[index].end)
        elif token.kind in ("acc_descr", "acc_descr_multiline_value"):
            if token.kind == "acc_descr":
                index += 1
                token = tokens[index]
            builder.description = source.value(token.start, token.end)
        elif token.kind == "section":
            builder.add_stage(source.value(token.start + 8, token.end))
        elif token.kind == "taskName":
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is None or following.kind != "taskData":
                where = following.start if following else token.end
                raise source.error(
                    f"väntade ':' och en poäng efter aktiviteten {raw.strip()!r}", where
                )
            builder.add_task(source, token, following)
            index += 1
        elif token.kind == "journey":
            raise source.error(
                "oväntat 'journey': en aktivitet kan inte börja med det ordet", token.start
            )
        elif token.kind in ("taskData", ":"):
            raise source.error("väntade ett aktivitetsnamn eller 'section' före ':'", token.start)
        else:
            raise source.error(f"oväntat tecken {raw!r}", token.start)
        index += 1
    return builder.journey()


def _front_matter_title(front_matter: str) -> str:
    for line in front_matter.splitlines():
        match = re.match(r"title\s*:\s*(.*)$", line)
        if match:
            return match.group(1).strip().strip("\"'")
    return ""


class _JourneyBuilder:
    def __init__(self) -> None:
        self.title = ""
        self.acc_title = ""
        self.description = ""
        self.stages: list[Stage] = []
        self.lanes: dict[str, Lane] = {}
        self.steps: list[Step] = []

    def add_stage(self, name: str) -> None:
        used = {stage.id for stage in self.stages} | {DEFAULT_STAGE_ID}
        self.stages.append(Stage(id=_unique(slugify(name, "fas"), used), name=name))

    def add_task(self, source: _Source, name_token: Token, data_token: Token) -> None:
        if len(self.steps) >= MAX_STEPS:
            raise source.error(too_many_steps(), name_token.start)
        if not self.stages:
            self.stages.append(Stage(id=DEFAULT_STAGE_ID, name=DEFAULT_STAGE_NAME))
        pieces = source.original[data_token.start + 1 : data_token.end].split(":")
        score_text = pieces[0].strip()
        score_offset = data_token.start + 1 + len(pieces[0]) - len(pieces[0].lstrip())
        score = _parse_score(score_text)
        if score is None:
            raise source.error(
                f"poängen måste vara ett heltal från 0 till 5, inte {score_text!r}",
                score_offset,
            )
        actors = []
        if len(pieces) > 1:
            actors = [decode_entities(a.strip()) for a in pieces[1].split(",") if a.strip()]
        lane_id = DEFAULT_LANE_ID
        if actors:
            lane_id = slugify(actors[0], "bana")
            self.lanes.setdefault(lane_id, Lane(id=lane_id, name=actors[0], role="customer"))
        else:
            self.lanes.setdefault(
                DEFAULT_LANE_ID, Lane(id=DEFAULT_LANE_ID, name=DEFAULT_LANE_NAME, role="customer")
            )
        self.steps.append(
            Step(
                id=f"steg-{len(self.steps) + 1}",
                stage=self.stages[-1].id,
                lane=lane_id,
                text=source.value(name_token.start, name_token.end),
                emotion=max(score - NEUTRAL_SCORE, -2),
                actors=actors,
            )
        )

    def journey(self) -> Journey:
        flows = [
            Flow(source=a.id, target=b.id, kind="next")
            for a, b in zip(self.steps, self.steps[1:], strict=False)
        ]
        return Journey(
            title=self.title or self.acc_title,
            description=self.description,
            stages=self.stages,
            lanes=list(self.lanes.values()),
            steps=self.steps,
            flows=flows,
        )


def _parse_score(text: str) -> int | None:
    if not SCORE.fullmatch(text):
        return None
    value = float(text)
    if not value.is_integer() or not 0 <= value <= 5:
        return None
    return int(value)


def _unique(candidate: str, used: set[str]) -> str:
    result, counter = candidate, 2
    while result in used:
        result, counter = f"{candidate}-{counter}", counter + 1
    return result


# --- writing -------------------------------------------------------------------------------------

# Characters that would end a token, start a comment or split actors are written as entity codes.
_SPECIAL = set("#:;%,{}\n\r\t")
_KEYWORD_START = re.compile(r"(journey|title\s|section\s|acctitle\s*:|accdescr\s*[:{])", _I)


def encode_text(text: str) -> str:
    """User text -> Mermaid text that lexes back to exactly the same string."""
    chars = [f"#{ord(c)};" if c in _SPECIAL else c for c in text]
    for index in (0, len(chars) - 1):
        if chars and chars[index].isspace():
            chars[index] = f"#{ord(chars[index])};"
    encoded = "".join(chars)
    if _KEYWORD_START.match(encoded):
        encoded = f"#{ord(encoded[0])};{encoded[1:]}"
    return encoded


def score_for(emotion: float | None) -> int:
    if emotion is None:
        return NEUTRAL_SCORE
    return min(max(round(emotion) + NEUTRAL_SCORE, 1), 5)


def to_mermaid(journey: Journey) -> str:
    lanes = journey.lanes_by_id()
    lines = ["journey"]
    if journey.title:
        lines.append(f"    title {encode_text(journey.title)}")
    if journey.description:
        lines.append(f"    accDescr {{ {encode_text(journey.description)} }}")
    stage_order = [stage.id for stage in journey.stages]
    stage_order += [s.stage for s in journey.steps if s.stage not in stage_order]
    stage_names = {stage.id: stage.name for stage in journey.stages}
    for position, stage_id in enumerate(dict.fromkeys(stage_order)):
        indent = "    "
        if not (position == 0 and stage_id == DEFAULT_STAGE_ID):
            name = stage_names.get(stage_id, stage_id) or stage_id
            lines.append(f"    section {encode_text(name)}")
            indent = "      "
        for step in journey.steps:
            if step.stage != stage_id:
                continue
            actors = list(step.actors)
            if not actors and step.lane != DEFAULT_LANE_ID and step.lane in lanes:
                actors = [lanes[step.lane].name]
            line = f"{indent}{encode_text(step.text) or '#32;'}: {score_for(step.emotion)}"
            if actors:
                line += ": " + ", ".join(encode_text(actor) for actor in actors)
            lines.append(line)
    return "\n".join(lines) + "\n"


def lane_actors(journey: Journey) -> dict[str, str]:
    """{actor: lane id} for every actor that comes first in a task (and so names its lane)."""
    lanes: dict[str, str] = {}
    for step in journey.steps:
        if step.actors:
            lanes.setdefault(step.actors[0], step.lane)
    return lanes


def place_actors(journey: Journey, choice: dict[str, str]) -> Journey:
    """Move the steps whose first actor is a key of `choice` to the lane it names (one of the
    journey's lanes; other values are ignored), then drop the lanes no step is left in.

    After an import, a person may put an actor's steps in another actor's lane ("Växel" in
    "Kundtjänst"); the actors stay on the steps, so an export writes them back."""
    known = {lane.id for lane in journey.lanes}
    for step in journey.steps:
        if step.actors and choice.get(step.actors[0]) in known:
            step.lane = choice[step.actors[0]]
    used = {step.lane for step in journey.steps}
    journey.lanes = [lane for lane in journey.lanes if lane.id in used]
    return journey
