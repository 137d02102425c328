"""Benchmark for Kontaktanalys (not a test): `journeys contacts summarize` on a large file.

Goal: 1,000,000 rows summarised in at most 10 s with at most 1 GB of memory (peak RSS).

Measured, each in a fresh child process (wall time, CPU time and peak RSS of that child from
os.wait4), medians of --runs runs:
- python: the CLI as shipped (plain Python: csv + the engine in journeys.contacts);
- polars: the same work done with polars (read, validate every row, HMAC the caller keys,
  repeats, pooled figures), as the alternative the engine was weighed against. It runs only
  when polars can be imported (`--libs DIR` adds a folder with it to the child's path). Its
  JSON must equal the CLI's, so both do the same work.

The synthetic file (journeys.contacts.synthetic, seed 2026) is written once to --data.

With --app, the app's own path instead, each run in a fresh child with a fresh SQLite database
(migrated to head) under a temporary DATA_DIR:
- import: the bytes of the file through `service.parse_file` and `service.store_import` (what
  the import page's worker thread does), committed;
- figures, first opening: `service.prepare_figures` with nothing kept (read the import's rows
  from the database, then the figures and the ranking under the unit's settings), with the
  database read timed on its own;
- figures, opened again: the same call with the figures kept (what a re-opened page costs).

Run: .venv/bin/python bench/contacts_bench.py [--rows 1000000] [--runs 3] [--libs DIR]
     .venv/bin/python bench/contacts_bench.py --app --rows 340000
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-secret-0123456789abcdef"
GOAL_SECONDS = 10.0
GOAL_BYTES = 1 << 30


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", default=None, help="CSV to use or create")
    parser.add_argument("--libs", default=None, help="extra folder on the child's sys.path")
    parser.add_argument("--only", choices=("python", "polars"), default=None)
    parser.add_argument("--app", action="store_true", help="the app's import and figures")
    parser.add_argument("--polars-worker", metavar="FILE", help=argparse.SUPPRESS)
    parser.add_argument("--app-worker", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.polars_worker:
        print(json.dumps(summarize_with_polars(args.polars_worker), ensure_ascii=False, indent=2))
        return 0
    if args.app_worker:
        print(json.dumps(app_timings(args.app_worker)))
        return 0

    data = Path(args.data or f"/tmp/contacts-bench-{args.rows}.csv")
    if not data.exists():
        print(f"writing {args.rows:,} synthetic rows to {data} …", flush=True)
        write_synthetic(data, args.rows)
    env = dict(os.environ, CONTACTS_HASH_SECRET=SECRET)
    paths = [str(ROOT)] + ([args.libs] if args.libs else [])
    env["PYTHONPATH"] = os.pathsep.join(paths + [env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    if args.app:
        return bench_app(data, args.rows, args.runs, env)
    variants = {
        "python": [sys.executable, "-m", "journeys.cli", "contacts", "summarize", str(data)],
        "polars": [sys.executable, __file__, "--polars-worker", str(data)],
    }
    if args.only:
        variants = {args.only: variants[args.only]}
    outputs = {}
    for name, command in variants.items():
        if name == "polars" and not _importable("polars", env):
            print("polars: not importable (pass --libs DIR with polars in it); skipped")
            continue
        runs = [run(command, env) for _ in range(args.runs)]
        outputs[name] = runs[0][3]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        rss = statistics.median(r[2] for r in runs)
        verdict = "ok" if wall <= GOAL_SECONDS and rss <= GOAL_BYTES else "OVER GOAL"
        print(
            f"{name:7} {args.rows:>9,} rows: wall {wall:6.2f} s  cpu {cpu:6.2f} s  "
            f"peak RSS {rss / 2**20:7.0f} MiB  (median of {len(runs)}; "
            f"walls {', '.join(f'{r[0]:.2f}' for r in runs)})  {verdict}",
            flush=True,
        )
    if len(outputs) == 2:
        same = json.loads(outputs["python"]) == json.loads(outputs["polars"])
        print("python and polars print the same figures:", "yes" if same else "NO")
        if not same:
            return 1
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """(wall s, CPU s, peak RSS bytes, stdout) of one child process, from os.wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        if child.returncode:
            raise SystemExit(f"{' '.join(command)} failed:\n{err.read().decode()}")
        cpu = usage.ru_utime + usage.ru_stime
        return wall, cpu, usage.ru_maxrss * 1024, out.read().decode()


def bench_app(data: Path, rows: int, runs: int, env: dict[str, str]) -> int:
    """The app's import and figures, `runs` times, each in a fresh child and database."""
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="contacts-bench-") as folder:
            child_env = dict(
                env,
                DATA_DIR=folder,
                DATABASE_URL=f"sqlite:///{folder}/bench.db",
                DEMO_CONTACT_WEEKS="0",
            )
            command = [sys.executable, __file__, "--app-worker", str(data)]
            wall, cpu, rss, out = run(command, child_env)
            results.append((json.loads(out), rss))
            print(f"  run: {out.strip()}  peak RSS {rss / 2**20:.0f} MiB", flush=True)
    print(f"app, {rows:,} rows, median of {len(results)} (each a fresh process and database):")
    for key, label in (
        ("import_wall", "import wall"),
        ("import_cpu", "import CPU"),
        ("read_wall", "figures, first opening: database read wall"),
        ("figures_wall", "figures, first opening: wall (read + figures + ranking)"),
        ("figures_cpu", "figures, first opening: CPU"),
        ("again_wall", "figures, opened again (kept): wall"),
    ):
        values = [r[key] for r, _ in results]
        each = ", ".join(f"{v:.3f}" for v in values)
        print(f"  {label:58} {statistics.median(values):8.3f} s  ({each})")
    rss = statistics.median(r for _, r in results)
    print(f"  peak RSS of the process (import and figures): {rss / 2**20:.0f} MiB")
    print(f"load average after the runs: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


def app_timings(path: str) -> dict[str, float]:
    """In a child: a fresh database, one unit and strategist, then the timed steps."""
    sys.path.insert(0, str(ROOT))
    from academy.core import migrate
    from academy.core.accounts import create_user
    from academy.core.auth import to_current_user
    from academy.core.db import session_scope
    from academy.core.models import Role, Unit, User
    from academy.journeys.contacts import service

    migrate.upgrade()
    with session_scope() as session:
        unit = Unit(name="Servicecenter", kind="enhet")
        session.add(unit)
        session.flush()
        unit_id = unit.id
        user_id = create_user(
            session,
            None,
            name="Bänk Strateg",
            email="bank@example.se",
            password="",
            roles=[Role.STRATEGIST],
            unit_id=unit_id,
            password_hash="not-a-login",
        )
    with session_scope() as session:
        actor = to_current_user(session.get(User, user_id))

    # The app refuses files over 64 MB (a million rows are about 86 MB: two imports in the
    # app); the benchmark lifts the limit to time the same path on one import.
    service.MAX_FILE_BYTES = max(service.MAX_FILE_BYTES, Path(path).stat().st_size)
    timings: dict[str, float] = {}
    wall, cpu = time.perf_counter(), time.process_time()
    table = service.parse_file(Path(path).read_bytes())
    with session_scope() as session:
        import_id = service.store_import(session, actor, unit_id, Path(path).name, table)
    timings["import_wall"] = time.perf_counter() - wall
    timings["import_cpu"] = time.process_time() - cpu
    del table
    service.clear_cache()

    wall, cpu = time.perf_counter(), time.process_time()
    with session_scope() as session:
        period = service.import_period(session, actor, import_id)
        service.contacts_of(session, period)
        timings["read_wall"] = time.perf_counter() - wall
        service.prepare_figures(session, actor, import_id)
    timings["figures_wall"] = time.perf_counter() - wall
    timings["figures_cpu"] = time.process_time() - cpu

    wall = time.perf_counter()
    with session_scope() as session:
        service.prepare_figures(session, actor, import_id)
    timings["again_wall"] = time.perf_counter() - wall
    return {key: round(value, 3) for key, value in timings.items()}


def _importable(module: str, env: dict[str, str]) -> bool:
    check = [sys.executable, "-c", f"import {module}"]
    return subprocess.run(check, env=env, capture_output=True).returncode == 0


def write_synthetic(path: Path, rows: int) -> None:
    sys.path.insert(0, str(ROOT))
    from journeys.contacts.synthetic import synthetic_contacts, write_contacts_csv

    weeks = 52
    per_week = -(-rows // weeks)
    write_contacts_csv(path, islice(synthetic_contacts(weeks=weeks, per_week=per_week), rows))


def summarize_with_polars(path: str) -> dict:
    """The CLI's figures computed with polars: the same rules as journeys.contacts, vectorised.

    Valid input only needs the checks to pass; on a bad row it stops with the count (the message
    text is the engine's job, so this variant does not rebuild it)."""
    import polars as pl

    from journeys.contacts.figures import cli_figures
    from journeys.contacts.privacy import find_personal_data, pseudonymiser, secret_bytes
    from journeys.contacts.reader import _CHANNEL_ALIASES, _DEMAND, _YES_NO, normalise_header

    with open(path, "rb") as handle:
        first = handle.readline().decode("utf-8-sig")
    separator = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    frame = pl.read_csv(path, separator=separator, infer_schema=False, encoding="utf8")
    frame = frame.rename({name: normalise_header(name) for name in frame.columns})
    text = [pl.col(c).str.strip_chars().replace("", None) for c in frame.columns]
    frame = frame.with_columns(text)
    hash_key = pseudonymiser(secret_bytes(os.environ["CONTACTS_HASH_SECRET"]))
    callers = frame.get_column("kontakt").drop_nulls().unique().to_list()
    hashes = pl.DataFrame(
        {"kontakt": callers, "caller": list(map(hash_key, callers))},
        schema={"kontakt": pl.String, "caller": pl.String},
    )
    # a join, not replace_strict: replacing from an 860,000-key dict took 10 s of CPU
    frame = frame.join(hashes, on="kontakt", how="left", maintain_order="left")
    reasons = frame.get_column("orsak").drop_nulls().unique().to_list()
    if any(find_personal_data(reason) for reason in reasons):
        raise SystemExit("personal data in orsak")
    timestamp = pl.col("tidpunkt")
    frame = frame.select(
        pl.coalesce(
            timestamp.str.strptime(pl.Datetime, "%Y-%m-%d %H:%M", strict=False),
            timestamp.str.strptime(pl.Datetime, "%Y-%m-%d %H:%M:%S", strict=False),
        ).alias("ts"),
        pl.col("kanal").str.to_lowercase().replace(_CHANNEL_ALIASES).alias("channel"),
        pl.col("språk").str.to_lowercase().alias("language"),
        pl.col("kategori").alias("category"),
        pl.col("löst_direkt")
        .str.to_lowercase()
        .replace_strict(_YES_NO, default=None, return_dtype=pl.Boolean)
        .alias("resolved"),
        pl.col("överlämnad_till").alias("handed"),
        pl.col("efterfrågan").str.to_lowercase().alias("demand_raw"),
        pl.col("efterfrågan")
        .str.to_lowercase()
        .replace_strict(_DEMAND, default=None)
        .alias("demand"),
        pl.col("caller"),
    )
    invalid = frame.select(
        (
            pl.col("ts").is_null()
            | pl.col("channel").is_null()
            | pl.col("language").is_null()
            | pl.col("category").is_null()
            | pl.col("resolved").is_null()
            | (pl.col("demand_raw").is_not_null() & pl.col("demand").is_null())
        ).sum()
    ).item()
    if invalid:
        raise SystemExit(f"{invalid} invalid rows")

    window = pl.duration(days=7)
    frame = frame.with_row_index("row").with_columns(
        (pl.col("demand") == "svikt").fill_null(False).alias("failure"),
        pl.col("handed").is_not_null().alias("handed_over"),
    )
    repeats = (
        frame.filter(pl.col("caller").is_not_null())
        .sort(["caller", "ts", "row"])
        .select(
            "row",
            ((pl.col("ts") - pl.col("ts").shift(1).over("caller")) <= window)
            .fill_null(False)
            .alias("repeat"),
        )
    )
    frame = frame.join(repeats, on="row", how="left").with_columns(
        pl.col("repeat").fill_null(False)
    )
    sizes = frame.group_by("category").len()
    small = sizes.filter(pl.col("len") < 5).get_column("category").to_list()
    frame = frame.with_columns(
        pl.when(pl.col("category").is_in(small + ["Övrigt"]))
        .then(pl.lit("Övrigt"))
        .otherwise(pl.col("category"))
        .alias("category")
    )
    per_category = (
        frame.group_by("category")
        .agg(
            pl.len().alias("contacts"),
            pl.col("resolved").mean().alias("fcr"),
            pl.col("failure").mean().alias("failure"),
            pl.col("handed_over").mean().alias("handed"),
        )
        .sort(["contacts", "category"], descending=[True, False])
    )
    totals = frame.select(
        pl.len(), pl.col("resolved").mean(), pl.col("failure").mean(), pl.col("repeat").sum()
    ).row(0)

    class Group:  # just the fields cli_figures reads
        def __init__(self, label, contacts, fcr, failure, handed=0.0, repeats=0):
            self.label, self.contacts = label, contacts
            self.first_contact_resolution, self.failure_demand_share = fcr, failure
            self.handed_over_share, self.repeat_contacts = handed, repeats

    class Summary:
        overall = Group("Alla", totals[0], totals[1], totals[2], repeats=totals[3])
        by_category = [Group(*values) for values in per_category.iter_rows()]

    return cli_figures(Summary)  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
