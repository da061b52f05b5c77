"""Run the benchmarks and print one JSON document to stdout (progress goes to stderr).

    python -m benchmarks                      # everything, full size
    python -m benchmarks search --items 20000 # one benchmark, smaller
    python -m benchmarks disclosure --applications 10000
    python -m benchmarks reports --applications 10000 --consultations 100000
    python -m benchmarks calendar             # the provisional calendar's backtest, 2008–2026

Data goes into a fresh SQLite file in a temporary directory, never into the database the
project is configured with. To benchmark on PostgreSQL instead, point BENCH_DATABASE_URL at a
dedicated, empty database (it is migrated and filled with generated items); the search
benchmark then also measures the PostgreSQL search backend next to the embedded one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

BENCHMARKS = ["search", "disclosure", "reports", "calendar"]


def _configure(workdir: Path) -> None:
    database_url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["DATABASE_URL"] = database_url
    os.environ["GONGKAI_SEARCH_INDEX_DIR"] = str(workdir / "search-index")
    os.environ["GONGKAI_VAR_DIR"] = str(workdir / "var")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # The test settings pick a temporary index directory of their own; use ours.
    settings.GONGKAI_SEARCH_INDEX_DIR = workdir / "search-index"
    call_command("migrate", verbosity=0, interactive=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", metavar="name", help=f"one of {BENCHMARKS}")
    parser.add_argument("--items", type=int, default=200_000, help="generated items (200000)")
    parser.add_argument(
        "--applications",
        type=int,
        default=100_000,
        help="generated disclosure applications (100000)",
    )
    parser.add_argument(
        "--consultations",
        type=int,
        default=1_000_000,
        help="generated consultation records for the report statistics (1000000)",
    )
    parser.add_argument("--seed", type=int, default=2009)
    args = parser.parse_args(argv)
    unknown = set(args.names) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s) {sorted(unknown)}; choose from {BENCHMARKS}")

    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-") as workdir:
        _configure(Path(workdir))
        for name in args.names or BENCHMARKS:
            if name == "search":
                from benchmarks import search

                results["search"] = search.run(items=args.items, seed=args.seed)
            elif name == "disclosure":
                from benchmarks import disclosure

                results["disclosure"] = disclosure.run(
                    applications=args.applications, seed=args.seed
                )
            elif name == "reports":
                from benchmarks import reports

                results["reports"] = reports.run(
                    applications=args.applications,
                    consultations=args.consultations,
                    seed=args.seed,
                )
            elif name == "calendar":
                from benchmarks import calendar

                results["calendar"] = calendar.run()
    json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
