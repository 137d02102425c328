"""Command line: `journeys convert|render|analyze|describe|validate` and
`journeys contacts summarize`.

Each command imports what it needs when it runs, so that starting the CLI stays fast."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from journeys.errors import JourneyFormatError, RenderError, TooLarge


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journeys", description="Customer journeys: convert, render and analyse."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert", help="convert between .json, .mmd and to .dot")
    convert.add_argument("input")
    convert.add_argument("output")
    draw = commands.add_parser("render", help="render a diagram as .svg, .png or .pdf")
    draw.add_argument("input")
    draw.add_argument("-o", "--output", required=True)
    draw.add_argument("--timeout", type=float, default=None)
    draw.add_argument(
        "--paper",
        choices=("a4", "a3"),
        default=None,
        help="PDF only: landscape pages of this size, split by stages when the diagram is wide",
    )
    analyze = commands.add_parser("analyze", help="print the journey's figures as JSON")
    analyze.add_argument("input")
    analyze.add_argument("--compare", metavar="FUTURE", help="compare with a future journey")
    analyze.add_argument(
        "--shift",
        nargs=3,
        metavar=("STEP", "CHANNEL", "SHARE"),
        help="what-if: move SHARE (0..1) of STEP's volume to CHANNEL",
    )
    describe = commands.add_parser("describe", help="print a plain-text description")
    describe.add_argument("input")
    check = commands.add_parser("validate", help="list validation problems; exit 1 if any")
    check.add_argument("input")
    contacts = commands.add_parser("contacts", help="contact analysis (Kontaktanalys)")
    contact_commands = contacts.add_subparsers(dest="contacts_command", required=True)
    summary = contact_commands.add_parser(
        "summarize",
        help="print the figures of a contacts file (CSV or XLSX) as JSON",
        description="The caller key is hashed with HMAC-SHA256 under CONTACTS_HASH_SECRET "
        "(environment), or under a random secret for this run when it is not set.",
    )
    summary.add_argument("input", metavar="FILE")
    summary.add_argument("--window-days", type=int, default=7, help="repeat window (days)")
    summary.add_argument(
        "--anonymity-threshold",
        type=int,
        default=5,
        help="groups with fewer contacts are pooled as Övrigt",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "contacts":
            return _contacts(args)
        return _run(args)
    except BrokenPipeError:  # e.g. `journeys analyze x.json | head`
        sys.stdout = None  # type: ignore[assignment]  # nothing more can be written
        return 0
    except (JourneyFormatError, RenderError, TooLarge, ValueError, KeyError, OSError) as error:
        label = args.input if hasattr(args, "input") else ""
        print(f"journeys: {label}: {error}", file=sys.stderr)
        return 1


def _contacts(args: argparse.Namespace) -> int:
    import os
    import secrets

    from journeys.contacts import (
        ContactImportError,
        cli_figures,
        parse_contacts,
        summarize,
        window_days_problem,
    )

    problem = window_days_problem(args.window_days)
    if problem:
        print(f"journeys: --window-days: {problem}", file=sys.stderr)
        return 2
    secret = os.environ.get("CONTACTS_HASH_SECRET") or secrets.token_hex(32)
    if len(secret.encode()) < 16:
        print("journeys: CONTACTS_HASH_SECRET måste vara minst 16 byte lång.", file=sys.stderr)
        return 2
    try:
        table = parse_contacts(args.input, secret=secret)
    except ContactImportError as error:
        print(f"journeys: {Path(args.input).name}:\n{error}", file=sys.stderr)
        return 1
    figures = summarize(
        table,
        window_days=args.window_days,
        anonymity_threshold=args.anonymity_threshold,
        breakdowns=("category",),  # all that the printed figures need
    )
    print(json.dumps(cli_figures(figures), ensure_ascii=False, indent=2))
    return 0


def _run(args: argparse.Namespace) -> int:
    # Only what the command needs: `render` and `convert` never import networkx (0.2 s).
    from journeys import formats

    journey = formats.load(args.input)
    if args.command == "convert":
        formats.save(journey, args.output)
    elif args.command == "render":
        from journeys import blueprint, render

        fmt = Path(args.output).suffix.lower().lstrip(".")
        if fmt not in render.OUTPUT_FORMATS:
            raise ValueError(f"output must end in .svg, .png or .pdf, not {args.output!r}")
        timeout = render.RENDER_TIMEOUT_SECONDS if args.timeout is None else args.timeout
        if args.paper and fmt != "pdf":
            raise ValueError("--paper applies to .pdf output only")
        if args.paper:
            from journeys.printing import journey_pdf

            Path(args.output).write_bytes(journey_pdf(journey, args.paper, timeout=timeout))
        else:
            Path(args.output).write_bytes(blueprint.render_journey(journey, fmt, timeout))
    elif args.command == "analyze":
        from journeys.report import compare, summarize, what_if_channel_shift

        if args.compare:
            result = compare(journey, formats.load(args.compare))
        elif args.shift:
            step, channel, share = args.shift
            result = what_if_channel_shift(journey, step, channel, float(share))
            result.pop("journey")
        else:
            result = summarize(journey)
        print(json.dumps(result, ensure_ascii=False, indent=2))
    elif args.command == "describe":
        from journeys import render

        print(render.describe_journey(journey), end="")
    elif args.command == "validate":
        from journeys.model import validate

        problems = validate(journey)
        for problem in problems:
            print(f"{problem.element_kind} {problem.element_id}: {problem.message_sv}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
