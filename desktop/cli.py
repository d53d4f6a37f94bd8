"""The command line: one entry point, ``liaison-desk``, over the same services as the window."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop import __version__, paths
from desktop.cli_db import Cli, InputError, db_location, shown
from desktop.cli_db import open_existing as _open_existing
from desktop.cli_db import require_file as _require_file
from desktop.cli_db import require_new as _require_new
from desktop.cli_words import iso_date, whole_number
from desktop.domain.enums import CaseState
from desktop.domain.errors import DraftInvalid

if TYPE_CHECKING:
    from desktop.domain.records import CaseRow

SUBCOMMANDS = (
    *("init", "demo", "check", "cases", "points", "ledger", "template", "import-xlsx"),
    *("enroll-site", "enroll", "export-bundle", "import-bundle", "report"),
    *("backup", "restore", "audit"),
)
EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2


def _language(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("LIAISON_DESK_LANG", "zh_CN")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError(
            Cli.tr("Bad arguments: {0}. Run liaison-desk --help for usage.").format(message)
        )


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``commands=False`` gives only the window's options (start-up
    time: the sub-commands' parsers and their translated help cost milliseconds)."""
    parser = _Parser(
        prog="liaison-desk",
        description=Cli.tr("Liaison Desk: records and ledgers for deputy liaison stations."),
    )
    parser.add_argument("--version", action="version", version=f"liaison-desk {__version__}")
    parser.add_argument("--db", type=db_location, help=Cli.tr("the database file"))
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en", "pseudo"),
        default="zh_CN",
        help=Cli.tr("interface language (pseudo: English stretched, to check layouts)"),
    )
    parser.add_argument(
        "--demo", action="store_true", help=Cli.tr("open the window on a fresh demo database")
    )
    parser.add_argument(
        "--user", help=Cli.tr("the user to sign in as, where the site requires sign-in")
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=Cli.tr("check that this copy of the program has everything it needs, then exit"),
    )
    if not commands:
        parser.add_argument(
            "files", nargs="*", type=Path, help=Cli.tr("bundle files to import in the window")
        )
        parser.set_defaults(command=None)
        return parser
    from desktop.cli_audit import add_parsers as add_audit_parsers
    from desktop.cli_backup import add_parsers as add_backup_parsers
    from desktop.cli_bundles import add_parsers as add_bundle_parsers
    from desktop.cli_ledgers import add_parsers as add_ledger_parsers
    from desktop.cli_report import add_parsers as add_report_parsers
    from desktop.cli_sync import add_parsers as add_sync_parsers

    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    init = sub.add_parser("init", help=Cli.tr("create a database for a site"))
    init.add_argument(
        "--db", type=db_location, required=True, help=Cli.tr("the database file to create")
    )
    init.add_argument("--role", choices=("station", "township", "county"), required=True)
    init.add_argument("--code", required=True, help=Cli.tr("the site's code"))
    init.add_argument("--name", required=True, help=Cli.tr("the site's name"))
    init.add_argument("--township", default="", help=Cli.tr("the township's name"))
    demo = sub.add_parser("demo", help=Cli.tr("fill a new database with demo records"))
    demo.add_argument(
        "--db", type=db_location, required=True, help=Cli.tr("the database file to create")
    )
    demo.add_argument("--scale", choices=("station", "county", "prefecture"), default="county")
    demo.add_argument("--years", type=whole_number, default=1)
    demo.add_argument("--seed", type=whole_number, default=2021)
    demo.add_argument(
        "--as-of",
        type=iso_date,
        default=dt.date.today(),
        help=Cli.tr("the last day of the demo records (YYYY-MM-DD)"),
    )
    cases = sub.add_parser("cases", help=Cli.tr("list feedback cases"))
    cases.add_argument("--db", type=db_location, required=True, help=Cli.tr("the database file"))
    cases.add_argument(
        "--state", choices=[s.value for s in CaseState], help=Cli.tr("only cases in this state")
    )
    cases.add_argument(
        "--overdue", action="store_true", help=Cli.tr("only cases past their reply deadline")
    )
    cases.add_argument(
        "--json", action="store_true", help=Cli.tr("print JSON (docs/cases-json.md)")
    )
    points = sub.add_parser("points", help=Cli.tr("the annual points register"))
    points.add_argument("--db", type=db_location, required=True, help=Cli.tr("the database file"))
    points.add_argument(
        "--year", type=whole_number, required=True, help=Cli.tr("the year, e.g. 2025")
    )
    points.add_argument("--deputy", help=Cli.tr("a deputy's name or id (default: the ranking)"))
    points.add_argument("--json", action="store_true", help=Cli.tr("print JSON"))
    points.add_argument(
        "--stars", action="store_true", help=Cli.tr("candidates for 履职之星 in each township")
    )
    points.add_argument(
        "--top", type=whole_number, default=3, help=Cli.tr("candidates per township")
    )
    points.add_argument(
        "--min-kinds",
        type=whole_number,
        default=3,
        help=Cli.tr("at least this many different items earning points"),
    )
    add_ledger_parsers(sub)
    add_bundle_parsers(sub)
    add_sync_parsers(sub)
    add_report_parsers(sub)
    add_backup_parsers(sub)
    add_audit_parsers(sub)
    check = sub.add_parser("check", help=Cli.tr("check a database's schema and integrity"))
    check.add_argument(
        "--db", type=db_location, required=True, help=Cli.tr("the database file to check")
    )
    return parser


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.domain.enums import SiteRole
    from desktop.domain.records import SiteDraft
    from desktop.services import open_services

    path = _require_new(args.db)
    if args.role != "county" and not args.township.strip():
        raise InputError(Cli.tr("A station or township centre needs --township."))
    services = open_services(path)
    try:
        site = services.site.initialise(
            SiteDraft(SiteRole(args.role), args.code, args.name, args.township)
        )
    except Exception:
        services.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    services.close()
    print(Cli.tr("Created {0} for {1} ({2}).").format(shown(path), site.name, site.code))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from desktop.cli_db import run_check

    return run_check(args)


def case_record(case: CaseRow, today: dt.date) -> dict[str, object]:
    """One case as docs/cases-json.md describes it; phone and ID number stay masked."""
    from desktop.domain.validation import mask_id_number, mask_phone

    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    overdue = (
        case.state is CaseState.REFERRED and case.deadline is not None and (case.deadline < today)
    )
    return {
        "id": str(case.id), "number": case.case_number, "received": day(case.received_date),
        "station": case.station_name, "state": case.state.value,
        "state_label": QCoreApplication.translate("CaseState", case.state.label),
        "channel": case.channel.value, "anonymous": case.anonymous,
        "person": "" if case.anonymous else case.person_name,
        "phone": mask_phone(case.phone), "id_number": mask_id_number(case.id_number),
        "village": case.village, "category": case.category_name, "content": case.content,
        "deputies": list(case.deputy_names), "department": case.department_name or None,
        "referred": day(case.referred_on), "deadline": day(case.deadline),
        "deadline_exact": case.deadline_exact, "overdue": overdue,
        "replied": day(case.replied_on), "outcome": case.outcome or None,
        "reply": case.reply_text or None, "answered_back": day(case.answered_on),
        "satisfaction": case.satisfaction or None, "follow_up": case.follow_up,
        "escalated": case.escalated, "conflict": case.conflict,
        "merged_into": str(case.merged_into_id) if case.merged_into_id else None,
    }  # fmt: skip


def cmd_cases(args: argparse.Namespace) -> int:
    import json

    from desktop.domain.records import ListFilter

    services = _open_existing(args.db)
    try:
        flt = ListFilter(kind=args.state, flag="overdue" if args.overdue else None)
        today = dt.date.today()
        cases, after = [], None
        while True:  # every page, newest first
            page = services.feedback.page(flt, after, limit=500)
            cases.extend(page.rows)
            if page.next_key is None:
                break
            after = page.next_key
    finally:
        services.close()
    records = [case_record(c, today) for c in cases]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in records:
        mark = "!" if r["overdue"] else " "
        content = str(r["content"]).replace("\n", " ")
        print(
            f"{r['number']}\t{r['received']}\t{r['state_label']}\t{mark}{r['deadline'] or '':10}"
            f"\t{r['station']}\t{content[:40]}"
        )
    print(Cli.tr("{0} case(s)").format(len(records)))
    return EXIT_OK


def cmd_points(args: argparse.Namespace) -> int:
    from desktop.cli_points import run_points

    services = _open_existing(args.db)
    try:
        return run_points(args, services, InputError)
    finally:
        services.close()


def cmd_ledgers(args: argparse.Namespace) -> int:
    from desktop import cli_ledgers

    if args.command == "ledger":
        return cli_ledgers.run_ledger(args, _open_existing, InputError)
    if args.command == "template":
        return cli_ledgers.run_template(args, InputError)
    return cli_ledgers.run_import(args, _open_existing, InputError)


def _install_cli_translator(language: str) -> None:
    from desktop.ui.i18n import install_translators  # QtCore only, no widgets

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    install_translators(app, language)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    language = _language(argv)
    wants_gui = not any(a in SUBCOMMANDS for a in argv) and not any(
        a in ("-h", "--help", "--version") for a in argv
    )
    if wants_gui:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([sys.argv[0]])
    else:
        _install_cli_translator(language)
    try:
        if wants_gui:
            from desktop.ui.i18n import install_translators

            install_translators(app, language)  # so that argument errors speak the language
        from desktop.cli_words import speak

        speak()  # argparse's own words ("usage:", its errors) in the chosen language
        args = build_parser(commands=not wants_gui).parse_args(argv)
        from desktop import cli_db

        cli_db.SIGN_IN["user"] = args.user
        if args.command is not None:  # the window sets up its log in run_gui
            from desktop.logs import setup_logging

            setup_logging()
        if args.self_test:
            from desktop import cli_selftest

            return cli_selftest.run(language=args.lang)
        if args.command == "init":
            return cmd_init(args)
        if args.command == "demo":
            from desktop.cli_demo import cmd_demo

            return cmd_demo(args)
        if args.command == "points":
            return cmd_points(args)
        if args.command == "cases":
            return cmd_cases(args)
        if args.command == "check":
            return cmd_check(args)
        if args.command in ("ledger", "template", "import-xlsx"):
            return cmd_ledgers(args)
        if args.command in ("enroll-site", "enroll"):
            from desktop import cli_bundles

            return cli_bundles.run(args, _open_existing, InputError)
        if args.command in ("export-bundle", "import-bundle"):
            from desktop import cli_sync

            return cli_sync.run(args, _open_existing, InputError)
        if args.command == "report":
            from desktop import cli_report

            return cli_report.run(args, _open_existing, InputError)
        if args.command in ("backup", "restore"):
            from desktop import cli_backup

            return cli_backup.run(args, _open_existing, InputError)
        if args.command == "audit":
            from desktop import cli_audit

            return cli_audit.run(args, _open_existing, InputError)
        return _gui(args)
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except DraftInvalid as exc:  # a bad value given on the command line: name it, in Chinese
        from desktop.ui.i18n import message

        fields = "; ".join(f"{name}: {message(err)}" for name, err in exc.errors.items())
        print(Cli.tr("Bad input: {0}").format(fields), file=sys.stderr)
        return EXIT_BAD_INPUT


def _gui(args: argparse.Namespace) -> int:
    from desktop.app import run_gui

    if args.demo:
        import tempfile

        from desktop.cli_demo import cmd_demo

        folder = Path(tempfile.mkdtemp(prefix="liaison-desk-demo-"))
        path = folder / "demo.sqlite"
        cmd_demo(
            argparse.Namespace(db=path, scale="county", years=1, seed=2021, as_of=dt.date.today())
        )
    elif args.db is not None:
        path = _require_file(args.db)
    else:
        path = paths.default_database()  # the first run creates it, then asks for the site
    return run_gui(path, args.lang, files=list(args.files))


if __name__ == "__main__":
    sys.exit(main())
