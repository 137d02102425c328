"""The `academy` command: migrations, accounts, demo data and file checks."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys

from academy.core.errors import ServiceError

PASSWORD_ENV = "ACADEMY_ADMIN_PASSWORD"


def _migrate(_args: argparse.Namespace) -> int:
    from academy.core.migrate import upgrade

    upgrade()
    print("Databasen är uppdaterad.")
    return 0


def _read_password() -> str:
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise ServiceError(f"Inget lösenord: ange det i {PASSWORD_ENV} eller kör interaktivt.")
    first = getpass.getpass("Lösenord: ")
    if first != getpass.getpass("Lösenord igen: "):
        raise ServiceError("Lösenorden stämmer inte överens.")
    return first


def _create_admin(args: argparse.Namespace) -> int:
    from academy.core.accounts import create_user
    from academy.core.db import session_scope

    password = _read_password()
    with session_scope() as session:
        create_user(
            session,
            None,
            name=args.name or args.email.split("@")[0],
            email=args.email,
            password=password,
            roles=["admin"],
        )
    print(f"Administratören {args.email} är skapad.")
    return 0


def _seed_demo(args: argparse.Namespace) -> int:
    from academy.core.db import session_scope
    from academy.demo import has_users, seed_demo

    with session_scope() as session:
        if args.if_empty and has_users(session):
            print("Databasen har redan användare; inga demodata lades till.")
            return 0
        created = seed_demo(session)
    print(json.dumps(created, ensure_ascii=False))
    return 0


def _retention(args: argparse.Namespace) -> int:
    from academy.core.db import session_scope
    from academy.privacy.retention import purge

    with session_scope() as session:
        removed = purge(session, dry_run=args.dry_run)
    verb = "Skulle tas bort" if args.dry_run else "Borttaget"
    for item in removed:
        print(f"{verb}: {item.count} {item.what} (äldre än {item.older_than})")
    if not removed:
        print("Ingen gallring är inställd.")
    return 0


def _gift_check(args: argparse.Namespace) -> int:
    from academy.courses.formats.gift import check_command

    return check_command(args.file)


def _twee_check(args: argparse.Namespace) -> int:
    from academy.practice.cli import check_command

    return check_command(args.file)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="academy", description="Serviceakademin")
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("migrate", help="run database migrations").set_defaults(run=_migrate)

    admin = commands.add_parser("create-admin", help="create an administrator account")
    admin.add_argument("email")
    admin.add_argument("--name", default="")
    admin.set_defaults(run=_create_admin)

    seed = commands.add_parser("seed-demo", help="add the demo units, accounts and content")
    seed.add_argument("--if-empty", action="store_true", help="only on a database without users")
    seed.set_defaults(run=_seed_demo)
    retention = commands.add_parser(
        "gallra", help="remove personal data past its retention time (safe to run nightly)"
    )
    retention.add_argument("--dry-run", action="store_true", help="only count what would go")
    retention.set_defaults(run=_retention)
    for name, what, run in [
        ("gift", "GIFT quiz file (Moodle)", _gift_check),
        ("twee", "Twee 3 scenario file (Twine)", _twee_check),
    ]:
        group = commands.add_parser(name, help=f"check a {what}").add_subparsers(
            dest="action", required=True
        )
        check = group.add_parser("check", help=f"validate a {what} and print a JSON summary")
        check.add_argument("file")
        check.set_defaults(run=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ServiceError as exc:
        print(f"Fel: {exc.message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
