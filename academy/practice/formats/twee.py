"""Twee 3 (Twine's text format) import and export for bemötande scenarios.

Convention (full version with examples in docs/twee-convention.md):

- ``:: StoryTitle`` holds the scenario title. ``:: StoryData`` holds Twine's JSON; its ``start``
  names the start passage, otherwise a passage named ``Start`` is the start.
- ``:: ScenarioSetting`` holds the setting as ``key: value`` lines (one line each):
  ``kanal`` (telefon, besök, e-post, chatt), ``situation``, optional ``kundresesteg`` (journey step
  reference) and optional ``dimensioner`` (comma separated; default Tydlighet, Empati,
  Lösningsfokus, Korrekthet). It is a passage rather than StoryData keys because Twine keeps
  passages but drops unknown StoryData keys when a file is edited there.
- Every other passage is a node; its name is the node id. Passages tagged ``script`` or
  ``stylesheet`` are ignored. A passage tagged ``end`` is an end node.
- The passage text before the first link is what the citizen says or does. A line
  ``{bild: path}`` there sets the node's image. In an end passage, a line ``---`` separates the
  citizen's last line (above) from the closing summary (below).
- Each link stands alone on its own line and is one choice: ``[[text]]``, ``[[text->Target]]``,
  ``[[Target<-text]]`` or ``[[text|Target]]``. The line(s) directly after it may carry
  ``{feedback: text}`` and a score block ``{Empati:+2 Tydlighet:+1}`` (scale -2..+2), on one
  line or two. After the first link only links, such lines and blank lines may follow.
- StoryData's ``ifid`` is kept in ``Scenario.ifid``; a file without one gets an id derived from
  its title, so re-exports stay stable.
- Choice ids are derived: ``<passage name>#<n>``, n = 1, 2, … in link order. Export writes the
  choices of each node in the scenario's order, so ids of a re-imported scenario follow that form.

``parse_twee`` collects every syntax error (with passage name and line number) and raises one
``TweeParseError``; it returns nothing on error. Semantic problems (links to missing passages,
unknown dimensions, missing end …) are not parse errors: the scenario is returned and
``scenario.validate`` reports them.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field, replace

from academy.practice.scenario import DEFAULT_DIMENSIONS, Choice, Node, Scenario, Setting

END_TAG = "end"
IGNORED_TAGS = {"script", "stylesheet"}
SETTING_PASSAGE = "ScenarioSetting"
SPECIAL_PASSAGES = {"StoryTitle", "StoryData", SETTING_PASSAGE}
CLOSING_SEPARATOR = "---"
SETTING_KEYS = ("kanal", "situation", "kundresesteg", "kundresesteg-namn", "dimensioner")

_LINK = re.compile(r"\[\[(.*?)\]\]")
_SCORE_TOKEN = re.compile(r"\s*([^:,{}\s][^:,{}]*?)\s*:\s*([+-]?\d+)\s*,?")
_SCORE_BLOCK = re.compile(f"(?:{_SCORE_TOKEN.pattern})+")
_FEEDBACK_PREFIX = "{feedback:"
_IMAGE = re.compile(r"\{bild:\s*(.*?)\s*\}")


# Passages in one file; more are refused before any passage is read.
MAX_PASSAGES = 1000


@dataclass(frozen=True)
class TweeError:
    line: int
    message: str
    passage: str | None = None

    def __str__(self) -> str:
        where = f"rad {self.line}"
        if self.passage is not None:
            where += f", passagen ”{self.passage}”"
        return f"{where}: {self.message}"


class TweeParseError(ValueError):
    """All syntax errors of one file; ``errors`` is the list, ``str()`` one per line."""

    def __init__(self, errors: list[TweeError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass
class _Passage:
    name: str
    tags: list[str]
    position: tuple[float, float] | None
    line: int
    body: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)


# ---------------------------------------------------------------------------------------- import


def parse_twee(source: str) -> Scenario:
    """Read a Twee 3 document into a ``Scenario``; raise ``TweeParseError`` listing all errors."""
    errors: list[TweeError] = []
    passages = _split_passages(source, errors)
    if len(passages) > MAX_PASSAGES:
        raise TweeParseError(
            [
                TweeError(
                    passages[MAX_PASSAGES].line,
                    f"Filen har {len(passages)} passager; högst {MAX_PASSAGES} går att "
                    "importera. Dela upp scenariot.",
                )
            ]
        )
    if not passages and not errors:
        errors.append(TweeError(1, "Filen innehåller inga passager (rader som börjar med ::)."))

    by_name: dict[str, _Passage] = {}
    for passage in passages:
        if passage.name in by_name:
            first = by_name[passage.name].line
            errors.append(
                TweeError(passage.line, f"Passagenamnet finns redan på rad {first}.", passage.name)
            )
        else:
            by_name[passage.name] = passage

    title = _passage_text(by_name["StoryTitle"]) if "StoryTitle" in by_name else ""
    start, ifid = _read_story_data(by_name.get("StoryData"), errors)
    if start is None:
        start = "Start" if "Start" in by_name else ""
    setting, dimensions = _read_setting(by_name.get(SETTING_PASSAGE), errors)

    nodes: list[Node] = []
    choices: list[Choice] = []
    for passage in by_name.values():
        if passage.name in SPECIAL_PASSAGES or IGNORED_TAGS & set(passage.tags):
            continue
        node, node_choices = _read_node(passage, errors)
        nodes.append(node)
        choices += node_choices

    if errors:
        raise TweeParseError(sorted(errors, key=lambda e: e.line))
    return Scenario(
        title=title,
        setting=setting,
        start=start,
        nodes=nodes,
        choices=choices,
        dimensions=dimensions,
        ifid=ifid or _new_ifid(title),
    )


def _split_passages(source: str, errors: list[TweeError]) -> list[_Passage]:
    passages: list[_Passage] = []
    lines = source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if line.startswith("::"):
            passage = _parse_header(line, number, errors)
            if passage is not None:
                passages.append(passage)
            else:
                # Placeholder so the broken passage's lines do not join the previous passage.
                passages.append(_Passage(f"(rad {number})", [], None, number))
        elif passages:
            # Twine escapes '::' at the start of a content line as '\:\:'.
            if line.startswith("\\:\\:"):
                line = "::" + line[4:]
            passages[-1].body.append((number, line))
        # Text before the first header is not part of any passage and is ignored.
    for passage in passages:
        while passage.body and not passage.body[-1][1].strip():
            passage.body.pop()
    return passages


def _parse_header(line: str, number: int, errors: list[TweeError]) -> _Passage | None:
    rest = line[2:]
    name, index = _read_escaped(rest, 0, stop="[{")
    name = name.strip()
    if not name:
        errors.append(TweeError(number, "Passagehuvudet saknar namn."))
        return None
    tags: list[str] = []
    if index < len(rest) and rest[index] == "[":
        raw_tags, index = _read_escaped(rest, index + 1, stop="]")
        if index >= len(rest):
            errors.append(TweeError(number, "Taggblocket saknar avslutande ].", name))
            return None
        tags = raw_tags.split()
        index += 1
    position = None
    remainder = rest[index:].strip()
    if remainder.startswith("{"):
        position, remainder = _read_metadata(remainder)
    if remainder:
        errors.append(TweeError(number, f"Oväntad text i passagehuvudet: ”{remainder}”.", name))
    return _Passage(name, tags, position, number)


def _read_escaped(text: str, index: int, stop: str) -> tuple[str, int]:
    """Decode ``\\x`` escapes until an unescaped character in ``stop``; return (text, index)."""
    out = []
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            out.append(text[index + 1])
            index += 2
            continue
        if char in stop:
            break
        out.append(char)
        index += 1
    return "".join(out), index


def _read_metadata(text: str) -> tuple[tuple[float, float] | None, str]:
    """Return (position, text after the metadata block)."""
    try:
        metadata, end = json.JSONDecoder().raw_decode(text)
    except ValueError:
        # The spec recommends discarding undecodable metadata rather than failing.
        return None, ""
    try:
        x, y = metadata["position"].split(",")
        return (float(x), float(y)), text[end:].strip()
    except (ValueError, KeyError, TypeError, AttributeError):
        return None, text[end:].strip()


def _passage_text(passage: _Passage) -> str:
    return "\n".join(text for _, text in passage.body).strip()


def _read_story_data(
    passage: _Passage | None, errors: list[TweeError]
) -> tuple[str | None, str | None]:
    """Return (start passage, ifid) from StoryData; either may be None."""
    if passage is None:
        return None, None
    line = passage.body[0][0] if passage.body else passage.line
    try:
        data = json.loads(_passage_text(passage) or "{}")
    except json.JSONDecodeError as exc:
        errors.append(
            TweeError(line + exc.lineno - 1, f"Ogiltig JSON i StoryData: {exc.msg}.", "StoryData")
        )
        return None, None
    if not isinstance(data, dict):
        errors.append(TweeError(line, "StoryData måste vara ett JSON-objekt.", "StoryData"))
        return None, None
    start, ifid = data.get("start"), data.get("ifid")
    for key, value in (("start", start), ("ifid", ifid)):
        if value is not None and not isinstance(value, str):
            errors.append(TweeError(line, f"”{key}” i StoryData måste vara en text.", "StoryData"))
    return (
        start if isinstance(start, str) else None,
        ifid if isinstance(ifid, str) else None,
    )


def _read_setting(passage: _Passage | None, errors: list[TweeError]) -> tuple[Setting, list[str]]:
    values: dict[str, str] = {}
    for number, raw in passage.body if passage else []:
        if not raw.strip():
            continue
        key, colon, value = raw.partition(":")
        key = key.strip().lower()
        if not colon or key not in SETTING_KEYS:
            known = ", ".join(SETTING_KEYS)
            errors.append(
                TweeError(
                    number,
                    f"Raden ska ha formen ”nyckel: värde” med någon av nycklarna {known}.",
                    SETTING_PASSAGE,
                )
            )
        elif key in values:
            errors.append(TweeError(number, f"Nyckeln ”{key}” finns redan.", SETTING_PASSAGE))
        else:
            values[key] = value.strip()
    dimensions = list(DEFAULT_DIMENSIONS)
    if "dimensioner" in values:
        dimensions = [d.strip() for d in values["dimensioner"].split(",") if d.strip()]
    setting = Setting(
        channel=values.get("kanal", ""),
        situation=values.get("situation", ""),
        journey_step=values.get("kundresesteg") or None,
        journey_label=values.get("kundresesteg-namn", "") if values.get("kundresesteg") else "",
    )
    return setting, dimensions


def _read_node(passage: _Passage, errors: list[TweeError]) -> tuple[Node, list[Choice]]:
    def error(number: int, message: str) -> None:
        errors.append(TweeError(number, message, passage.name))

    is_end = END_TAG in passage.tags
    text_lines: list[str] = []
    closing_lines: list[str] = []
    image: str | None = None
    choices: list[Choice] = []
    in_closing = False
    annotation_allowed = False  # only directly after a link or its other annotation line
    annotated: set[str] = set()

    for number, raw in passage.body:
        line = raw.strip()
        link_only = _LINK.fullmatch(line)
        if not choices and not link_only:
            # An image line first: its reference may hold anything but "}", "[[" included.
            if not in_closing and (image_match := _IMAGE.fullmatch(line)):
                if image is not None:
                    error(number, "Passagen har redan en bild.")
                image = image_match.group(1)
            elif "[[" in line:
                error(number, _misplaced_link(line))
            elif is_end and line == CLOSING_SEPARATOR and not in_closing:
                in_closing = True
            else:
                (closing_lines if in_closing else text_lines).append(raw)
            continue

        if link_only:
            choice = _link_to_choice(link_only.group(1), passage.name, len(choices) + 1)
            if choice is None:
                error(number, "Länken saknar text eller mål.")
                choice = Choice(f"{passage.name}#{len(choices) + 1}", passage.name, "", "")
            choices.append(choice)
            annotation_allowed = True
            annotated = set()
        elif not line:
            annotation_allowed = False
        elif line.startswith("{") and line.endswith("}"):
            if not annotation_allowed:
                error(number, "Återkoppling och poäng måste stå direkt efter länken de hör till.")
                continue
            for problem in _apply_annotation(line, choices[-1], annotated):
                error(number, problem)
        elif "[[" in line:
            error(number, _misplaced_link(line))
        else:
            error(
                number,
                "Efter första länken får bara länkar, {feedback: …}, poäng och tomma rader stå.",
            )

    node = Node(
        id=passage.name,
        text="\n".join(text_lines).strip(),
        image=image,
        is_end=is_end,
        closing="\n".join(closing_lines).strip(),
        position=passage.position,
    )
    return node, choices


def _misplaced_link(line: str) -> str:
    if _LINK.search(line) is None:
        return "Länken saknar avslutande ]]."
    return "En länk måste stå ensam på en egen rad."


def _link_to_choice(content: str, source: str, number: int) -> Choice | None:
    # Same precedence as Twine: rightmost '->', then leftmost '<-', then '|'.
    if "->" in content:
        text, target = content.rsplit("->", 1)
    elif "<-" in content:
        target, text = content.split("<-", 1)
    elif "|" in content:
        text, target = content.split("|", 1)
    else:
        text = target = content
    text, target = text.strip(), target.strip()
    if not text or not target:
        return None
    return Choice(id=f"{source}#{number}", source=source, target=target, text=text)


def _apply_annotation(line: str, choice: Choice, annotated: set[str]) -> list[str]:
    """Parse a feedback and/or score line into ``choice``; return Swedish error messages."""
    problems: list[str] = []
    feedback_part, scores_part = line, None
    if line.startswith(_FEEDBACK_PREFIX):
        # A score block may follow the feedback on the same line: {feedback: …} {Empati:+1}
        split = re.search(r"\}\s+(\{[^{}]*\})$", line)
        if split:
            feedback_part, scores_part = line[: split.start() + 1], split.group(1)
    else:
        feedback_part, scores_part = None, line

    if feedback_part is not None:
        if "feedback" in annotated:
            problems.append("Länken har redan återkoppling.")
        annotated.add("feedback")
        choice.feedback = feedback_part[len(_FEEDBACK_PREFIX) : -1].strip()
    if scores_part is not None:
        scores = _parse_scores(scores_part[1:-1])
        if scores is None:
            problems.append(
                "Skriv {feedback: text} eller poäng som {Dimension:+2 Dimension:-1} "
                "(heltal, varje dimension en gång)."
            )
        elif "scores" in annotated:
            problems.append("Länken har redan poäng.")
        else:
            choice.scores = scores
        annotated.add("scores")
    return problems


def _parse_scores(content: str) -> dict[str, int] | None:
    """``Empati:+2 Tydlighet:-1`` (commas allowed) -> dict; None if malformed or repeated."""
    if not _SCORE_BLOCK.fullmatch(content):
        return None
    pairs = _SCORE_TOKEN.findall(content)
    scores = {name: int(value) for name, value in pairs}
    return scores if len(scores) == len(pairs) else None


# ---------------------------------------------------------------------------------------- export


def export_twee(scenario: Scenario, story_format: str = "Harlowe") -> str:
    """Write ``scenario`` as Twee 3.

    Choices are written per node, in node order, so the file reads back as
    ``canonical(scenario)`` (same content, choice ids ``<node>#<n>``). Raises ``ValueError``
    (Swedish message) if something cannot be written so that it reads back the same, e.g. a
    passage name containing ``->`` or a text line starting with ``[[``.
    """
    problems = _unrepresentable(scenario)
    if problems:
        raise ValueError("Scenariot kan inte skrivas som Twee:\n" + "\n".join(problems))
    output = _write(scenario, story_format)
    # Safety net for cases the checks above do not foresee: never hand out a lossy file.
    try:
        faithful = parse_twee(output) == canonical(scenario)
    except TweeParseError:
        faithful = False
    if not faithful:
        raise ValueError("Scenariot kan inte skrivas som Twee utan att innehållet ändras.")
    return output


def canonical(scenario: Scenario) -> Scenario:
    """The scenario as it reads back from Twee: choices grouped by node (node order), ids
    ``<node>#<n>``, and an ifid (derived from the title if missing)."""
    choices = []
    for node in scenario.nodes:
        for number, choice in enumerate(scenario.choices_from(node.id), start=1):
            choices.append(replace(choice, id=f"{node.id}#{number}", scores=dict(choice.scores)))
    return replace(scenario, choices=choices, ifid=scenario.ifid or _new_ifid(scenario.title))


def _write(scenario: Scenario, story_format: str) -> str:
    ifid = scenario.ifid or _new_ifid(scenario.title)
    story_data = {"ifid": ifid, "format": story_format}
    if scenario.start:
        story_data["start"] = scenario.start
    parts = [
        ":: StoryTitle\n" + _escape_text(scenario.title),
        ":: StoryData\n" + json.dumps(story_data, ensure_ascii=False, indent=2),
        f":: {SETTING_PASSAGE}\n" + _setting_text(scenario),
    ]
    for node in scenario.nodes:
        parts.append(_node_text(node, scenario.choices_from(node.id)))
    return "\n\n".join(parts) + "\n"


def _new_ifid(title: str) -> str:
    # Derived from the title so that exporting the same new scenario twice gives the same id.
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "serviceakademin:" + title)).upper()


def _setting_text(scenario: Scenario) -> str:
    setting = scenario.setting
    lines = [f"kanal: {setting.channel}", f"situation: {setting.situation}"]
    if setting.journey_step:
        lines.append(f"kundresesteg: {setting.journey_step}")
        if setting.journey_label:
            lines.append(f"kundresesteg-namn: {setting.journey_label}")
    lines.append("dimensioner: " + ", ".join(scenario.dimensions))
    return "\n".join(lines)


def _node_text(node: Node, choices: list[Choice]) -> str:
    header = ":: " + _escape_header(node.id)
    if node.is_end:
        header += f" [{END_TAG}]"
    if node.position is not None:
        x, y = (_number(v) for v in node.position)
        header += " " + json.dumps({"position": f"{x},{y}"}, separators=(",", ":"))
    lines = [header]
    if node.image is not None:
        lines.append(f"{{bild: {node.image}}}")
    lines.append(_escape_text(node.text))
    if node.is_end:
        lines += [CLOSING_SEPARATOR, _escape_text(node.closing)]
    for choice in choices:
        lines += ["", _link(choice)]
        annotation = []
        if choice.feedback:
            annotation.append(f"{_FEEDBACK_PREFIX} {choice.feedback}}}")
        if choice.scores:
            scores = " ".join(f"{d}:{s:+d}" for d, s in choice.scores.items())
            annotation.append("{" + scores + "}")
        if annotation:
            lines.append(" ".join(annotation))
    return "\n".join(lines)


def _link(choice: Choice) -> str:
    if choice.text == choice.target and not re.search(r"->|<-|\|", choice.target):
        return f"[[{choice.target}]]"
    return f"[[{choice.text}->{choice.target}]]"


def _escape_header(name: str) -> str:
    return re.sub(r"([\\\[\]{}])", r"\\\1", name)


def _escape_text(text: str) -> str:
    return re.sub(r"^::", r"\\:\\:", text, flags=re.MULTILINE)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


_UNLINKABLE_NAME = re.compile(r"->|\[\[|\]\]|\]$|\n")
_UNLINKABLE_TEXT = re.compile(r"\[\[|\]\]|\n")


def _unrepresentable(scenario: Scenario) -> list[str]:
    """Swedish reasons why the scenario would not read back the same; empty if it would."""
    problems = []
    setting = scenario.setting
    single_lines = {
        "Titeln": scenario.title,
        "Kanalen": setting.channel,
        "Situationen": setting.situation,
        "Kundresesteget": setting.journey_step or "",
        "Kundresestegets namn": setting.journey_label,
    }
    for label, value in single_lines.items():
        if not _is_single_line(value):
            problems.append(f"{label} måste vara en rad utan inledande eller avslutande blanksteg.")
    for dimension in scenario.dimensions:
        if not dimension or not _is_single_line(dimension) or re.search(r"[,:{}]", dimension):
            problems.append(
                f"Dimensionen ”{dimension}” får inte vara tom eller innehålla , : {{ }}."
            )
    node_ids = {node.id for node in scenario.nodes}
    for node in scenario.nodes:
        problems += _node_problems(node)
    for choice in scenario.choices:
        if choice.source not in node_ids:
            problems.append(f"Valet ”{choice.id}” utgår från en nod som inte finns.")
        if (
            not choice.text
            or not _is_single_line(choice.text)
            or _UNLINKABLE_TEXT.search(choice.text)
        ):
            problems.append(f"Svarstexten i valet ”{choice.id}” kan inte skrivas som länk.")
        if not _is_single_line(choice.feedback):
            problems.append(f"Återkopplingen i valet ”{choice.id}” måste vara en rad.")
        elif re.search(r"\}\s+\{[^{}]*$", choice.feedback):
            # It would read back as a score block: {feedback: a} {b}
            problems.append(f"Återkopplingen i valet ”{choice.id}” får inte sluta med ”}} {{…”.")
        if not choice.target or _UNLINKABLE_NAME.search(choice.target):
            problems.append(f"Valet ”{choice.id}” har ett mål som inte kan skrivas som länk.")
    return problems


def _node_problems(node: Node) -> list[str]:
    problems = []
    if not node.id or node.id != node.id.strip() or _UNLINKABLE_NAME.search(node.id):
        problems.append(f"Passagenamnet ”{node.id}” går inte att länka till i Twee.")
    if node.id in SPECIAL_PASSAGES:
        problems.append(f"Passagenamnet ”{node.id}” är reserverat.")
    text_lines = [line.strip() for line in node.text.split("\n")]
    if _bad_text(node.text) or (node.is_end and CLOSING_SEPARATOR in text_lines):
        problems.append(f"Texten i noden ”{node.id}” kan inte skrivas i Twee.")
    if _bad_text(node.closing):
        problems.append(f"Avslutningen i noden ”{node.id}” kan inte skrivas i Twee.")
    if not node.is_end and node.closing:
        problems.append(f"Noden ”{node.id}” har avslutande text men är ingen slutnod.")
    if node.image is not None and (not _is_single_line(node.image) or "}" in node.image):
        problems.append(f"Bildsökvägen i noden ”{node.id}” kan inte skrivas i Twee.")
    return problems


def _is_single_line(value: str) -> bool:
    return "\n" not in value and value == value.strip()


def _bad_text(text: str) -> bool:
    if text != text.strip():
        return True
    for line in text.split("\n"):
        stripped = line.strip()
        if "[[" in stripped or stripped.startswith("\\:\\:") or _IMAGE.fullmatch(stripped):
            return True
    return False
