"""Command line: `journeys convert|render|analyze|describe|validate`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from journeys import formats, render
from journeys.errors import JourneyFormatError, RenderError
from journeys.model import validate
from journeys.report import compare, summarize, what_if_channel_shift


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
    draw.add_argument("--timeout", type=float, default=render.RENDER_TIMEOUT_SECONDS)
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:  # e.g. `journeys analyze x.json | head`
        sys.stdout = None  # type: ignore[assignment]  # nothing more can be written
        return 0
    except (JourneyFormatError, RenderError, ValueError, KeyError, OSError) as error:
        label = args.input if hasattr(args, "input") else ""
        print(f"journeys: {label}: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    journey = formats.load(args.input)
    if args.command == "convert":
        formats.save(journey, args.output)
    elif args.command == "render":
        fmt = Path(args.output).suffix.lower().lstrip(".")
        if fmt not in render.OUTPUT_FORMATS:
            raise ValueError(f"output must end in .svg, .png or .pdf, not {args.output!r}")
        Path(args.output).write_bytes(render.render_journey(journey, fmt, args.timeout))
    elif args.command == "analyze":
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
        print(render.describe_journey(journey), end="")
    elif args.command == "validate":
        problems = validate(journey)
        for problem in problems:
            print(f"{problem.element_kind} {problem.element_id}: {problem.message_sv}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
