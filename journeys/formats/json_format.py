"""JSON format: networkx node-link data of the journey graph plus a schema version.

    {"schema": "serviceakademin/journey", "schema_version": 1,
     "directed": true, "multigraph": false,
     "graph": {title, persona, goal, kind, version, description, stages: [...], lanes: [...]},
     "nodes": [{"id": step id, stage, lane, text, channel, emotion, ...}],
     "edges": [{"source", "target", "kind", "share", "order"}]}

Reading checks every field and reports the first problem with its JSON path (and line/column
for syntax errors) before anything is built, so the round trip is lossless and strict.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

from journeys.errors import JourneyFormatError
from journeys.model import (
    JOURNEY_META_FIELDS,
    MAX_STEPS,
    Journey,
    check_import_size,
    from_parts,
    too_many_steps,
)

SCHEMA = "serviceakademin/journey"
SCHEMA_VERSION = 1
EDGES_KEY = "edges"
PAIR = ("source", "target")


def to_dict(journey: Journey) -> dict[str, Any]:
    """The journey as networkx node-link data (what `nx.node_link_data(to_networkx(journey))`
    gives, key for key and in the same order), built without making a graph."""
    graph: dict[str, Any] = {name: getattr(journey, name) for name in JOURNEY_META_FIELDS}
    graph["stages"] = [{"id": s.id, "name": s.name} for s in journey.stages]
    graph["lanes"] = [{"id": ln.id, "name": ln.name, "role": ln.role} for ln in journey.lanes]
    nodes: dict[str, dict[str, Any]] = {}
    for step in journey.steps:
        attributes = dict(vars(step))
        del attributes["id"]
        attributes["pain_points"] = list(step.pain_points)
        attributes["opportunities"] = list(step.opportunities)
        attributes["actors"] = list(step.actors)
        nodes.setdefault(step.id, {}).update(attributes)  # a repeated id: one node, as in a graph
    # Flows to missing steps and repeated pairs are left out (validation reports them); edges
    # are listed by source in step order, as a graph lists them.
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for order, flow in enumerate(journey.flows):
        targets = out.setdefault(flow.source, {})
        if flow.source in nodes and flow.target in nodes and flow.target not in targets:
            targets[flow.target] = {"kind": flow.kind, "share": flow.share, "order": order}
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "directed": True,
        "multigraph": False,
        "graph": graph,
        "nodes": [{**attributes, "id": node_id} for node_id, attributes in nodes.items()],
        EDGES_KEY: [
            {**data, "source": source, "target": target}
            for source in nodes
            for target, data in out.get(source, {}).items()
        ],
    }


def dumps(journey: Journey, indent: int | None = 2) -> str:
    return json.dumps(to_dict(journey), ensure_ascii=False, indent=indent, allow_nan=False)


def loads(text: str) -> Journey:
    check_import_size(text)
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise JourneyFormatError(
            f"ogiltig JSON: {error.msg}", line=error.lineno, column=error.colno
        ) from None
    except ValueError as error:
        raise JourneyFormatError(str(error)) from None
    try:
        return from_dict(data)
    except JourneyFormatError as error:
        if error.path and error.line is None:
            error.line, error.column = _locate(text, error.path)
        raise


def _locate(text: str, path: str) -> tuple[int | None, int | None]:
    """Line and column where the element at `path` (or its nearest parent) starts."""
    offsets = _value_offsets(text)
    while path not in offsets and path:
        parent = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", path)
        path = "" if parent == path else parent
    if path not in offsets:
        return None, None
    offset = offsets[path]
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


_SPACE = re.compile(r"[ \t\n\r]*")


def _value_offsets(text: str) -> dict[str, int]:
    """Start offset of every value in a valid JSON text, by path ("nodes[3].emotion")."""
    offsets: dict[str, int] = {}
    decoder = json.JSONDecoder()

    def skip(position: int) -> int:
        return _SPACE.match(text, position).end()  # type: ignore[union-attr]

    def walk(position: int, path: str) -> int:
        position = skip(position)
        offsets[path] = position
        opening = text[position]
        if opening not in "{[":
            return decoder.raw_decode(text, position)[1]
        closing, index = ("}" if opening == "{" else "]"), 0
        position = skip(position + 1)
        while text[position] != closing:
            if opening == "{":
                key, position = json.decoder.scanstring(text, position + 1)
                position = skip(position) + 1  # past ":"
                position = walk(position, f"{path}.{key}" if path else key)
            else:
                position = walk(position, f"{path}[{index}]")
                index += 1
            position = skip(position)
            if text[position] == ",":
                position = skip(position + 1)
        return position + 1

    walk(0, "")
    return offsets


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} är inte tillåtet; väntade ett ändligt tal")


# --- checking ------------------------------------------------------------------------------------

Checker = Callable[[Any], bool]


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_number(value: Any) -> bool:
    is_num = isinstance(value, int | float) and not isinstance(value, bool)
    return is_num and math.isfinite(value)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _optional(check: Checker) -> Checker:
    return lambda value: value is None or check(value)


# field -> (check, expected (for the message), default or REQUIRED)
REQUIRED = object()
META_FIELDS: dict[str, tuple[Checker, str, Any]] = {
    "title": (_is_str, "text", REQUIRED),
    "persona": (_is_str, "text", ""),
    "goal": (_is_str, "text", ""),
    "kind": (_is_str, "text", "current"),
    "version": (_is_int, "ett heltal", 1),
    "description": (_is_str, "text", ""),
}
STAGE_FIELDS = {"id": (_is_str, "text", REQUIRED), "name": (_is_str, "text", REQUIRED)}
LANE_FIELDS = {
    "id": (_is_str, "text", REQUIRED),
    "name": (_is_str, "text", REQUIRED),
    "role": (_is_str, "text", "backstage"),
}
NODE_FIELDS: dict[str, tuple[Checker, str, Any]] = {
    "id": (_is_str, "text", REQUIRED),
    "stage": (_is_str, "text", REQUIRED),
    "lane": (_is_str, "text", REQUIRED),
    "text": (_is_str, "text", REQUIRED),
    "channel": (_optional(_is_str), "text eller null", None),
    "emotion": (_optional(_is_number), "ett tal eller null", None),
    "pain_points": (_is_str_list, "en lista med texter", []),
    "opportunities": (_is_str_list, "en lista med texter", []),
    "volume_per_week": (_optional(_is_number), "ett tal eller null", None),
    "handling_minutes": (_optional(_is_number), "ett tal eller null", None),
    "first_contact_resolution": (_optional(_is_number), "ett tal eller null", None),
    "failure_demand": (_is_bool, "true eller false", False),
    "evidence": (_is_str, "text", "assumed"),
    "is_start": (_is_bool, "true eller false", False),
    "is_end": (_is_bool, "true eller false", False),
    "actors": (_is_str_list, "en lista med texter", []),
}
EDGE_FIELDS: dict[str, tuple[Checker, str, Any]] = {
    "source": (_is_str, "text", REQUIRED),
    "target": (_is_str, "text", REQUIRED),
    "kind": (_is_str, "text", "next"),
    "share": (_optional(_is_number), "ett tal eller null", None),
    "order": (_is_int, "ett heltal", None),
}


def _checked(obj: Any, spec: dict[str, tuple[Checker, str, Any]], path: str) -> dict[str, Any]:
    """Return obj with defaults filled in, or raise naming the first bad field."""
    if not isinstance(obj, dict):
        raise JourneyFormatError("väntade ett objekt", path=path)
    unknown = sorted(set(obj) - set(spec))
    if unknown:
        raise JourneyFormatError(f"okänt fält {unknown[0]!r}", path=path)
    result = {}
    for name, (check, expected, default) in spec.items():
        if name not in obj:
            if default is REQUIRED:
                raise JourneyFormatError(f"fältet {name!r} saknas", path=path)
            result[name] = list(default) if isinstance(default, list) else default
            continue
        if not check(obj[name]):
            raise JourneyFormatError(f"väntade {expected}", path=f"{path}.{name}")
        result[name] = obj[name]
    return result


def _checked_list(obj: Any, key: str, path: str) -> list[Any]:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise JourneyFormatError("väntade en lista", path=f"{path}.{key}" if path else key)
    return value


def from_dict(data: Any) -> Journey:
    if not isinstance(data, dict):
        raise JourneyFormatError("väntade ett JSON-objekt överst")
    if data.get("schema") != SCHEMA:
        raise JourneyFormatError(f'väntade "schema": {SCHEMA!r}', path="schema")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise JourneyFormatError(
            f"schema_version {version!r} stöds inte; väntade {SCHEMA_VERSION}",
            path="schema_version",
        )
    if data.get("directed", True) is not True or data.get("multigraph", False) is not False:
        raise JourneyFormatError("väntade en riktad graf som inte är en multigraf")
    graph_data = data.get("graph", {})
    if not isinstance(graph_data, dict):
        raise JourneyFormatError("väntade ett objekt", path="graph")
    meta = _checked(
        {k: v for k, v in graph_data.items() if k not in ("stages", "lanes")}, META_FIELDS, "graph"
    )
    stages = [
        _checked(s, STAGE_FIELDS, f"graph.stages[{i}]")
        for i, s in enumerate(_checked_list(graph_data, "stages", "graph"))
    ]
    lanes = [
        _checked(ln, LANE_FIELDS, f"graph.lanes[{i}]")
        for i, ln in enumerate(_checked_list(graph_data, "lanes", "graph"))
    ]
    raw_nodes = _checked_list(data, "nodes", "")
    if len(raw_nodes) > MAX_STEPS:
        raise JourneyFormatError(too_many_steps(len(raw_nodes)), path="nodes")
    nodes = [_checked(n, NODE_FIELDS, f"nodes[{i}]") for i, n in enumerate(raw_nodes)]
    edges = [
        _checked(e, EDGE_FIELDS, f"{EDGES_KEY}[{i}]")
        for i, e in enumerate(_checked_list(data, EDGES_KEY, ""))
    ]
    texts: dict[str, str] = {}  # step id -> its text, how messages name the step
    for index, node in enumerate(nodes):
        text = str(node.get("text") or "").strip() or str(node["id"])
        if node["id"] in texts:
            raise JourneyFormatError(
                f"stegen ”{texts[node['id']]}” och ”{text}” har samma id",
                path=f"nodes[{index}].id",
            )
        texts[node["id"]] = text
    node_ids = set(texts)
    pairs: set[tuple[str, str]] = set()
    for index, edge in enumerate(edges):
        path = f"{EDGES_KEY}[{index}]"
        for end in ("source", "target"):
            if edge[end] not in node_ids:
                raise JourneyFormatError(f"inget steg har id {edge[end]!r}", path=f"{path}.{end}")
        pair = (edge["source"], edge["target"])
        if pair in pairs:
            raise JourneyFormatError(
                f"flödet från ”{texts[pair[0]]}” till ”{texts[pair[1]]}” förekommer två gånger",
                path=path,
            )
        pairs.add(pair)
        if edge["order"] is None:
            edge["order"] = index
    return from_parts(
        {**meta, "stages": stages, "lanes": lanes},
        ((node["id"], {k: v for k, v in node.items() if k != "id"}) for node in nodes),
        (
            (edge["source"], edge["target"], {k: v for k, v in edge.items() if k not in PAIR})
            for edge in edges
        ),
    )
