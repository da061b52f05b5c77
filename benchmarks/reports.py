"""Annual-report statistics: aggregation in the database against counting in Python.

One body receives `applications` disclosure applications (most in the report year, some the
year before, some still open at its end) and `consultations` consultation records in the
year. Both ways answer the same question on the same data in the same run — the figures of
table 三 (new, carried over, carried forward and results by applicant type) and of the
consultation register (by channel):

* in the database: gongkai.reports.statistics (the applications provider and the
  consultations app's ``year_statistics``), as the report builds them; the full
  ``compute`` (every provider) is timed too;
* in Python: every record of the body is read (``values_list(...).iterator()``) and counted
  row by row with the same year rules.

Then the whole report (national-2021) is built and rendered to each output, timed per output.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection
from django.utils import timezone

from gongkai.consultations.models import Channel, Consultation
from gongkai.consultations.statistics import CHANNEL_KEYS
from gongkai.consultations.statistics import year_statistics as consultation_statistics
from gongkai.core.validators import organisation_code_check_char
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.disclosure_requests.rules.outcomes import OUTCOMES
from gongkai.organisations.models import Organisation
from gongkai.reports.build import build_report
from gongkai.reports.formats._common import APPLICANT_TYPES, RESULT_ROWS_2021
from gongkai.reports.periods import ReportPeriod
from gongkai.reports.renderers import render
from gongkai.reports.statistics import compute, requests_statistics, result_row_code

YEAR = 2024
BATCH_SIZE = 10_000
DB_REPEATS = 5
PYTHON_REPEATS = 2
RENDER_REPEATS = 3
OUTPUTS = ("html", "docx", "pdf", "xlsx", "md", "json")
TARGETS = {"statistics_s": 1.0, "speedup": 20.0}
ACCESS_CODE_HASH = "pbkdf2_sha256$1000000$benchmark$" + "A" * 43 + "="
APPLICANT_CODES = [code for code, _ in APPLICANT_TYPES]
CHANNELS = [Channel.PHONE, Channel.ON_SITE, Channel.ONLINE_MESSAGE, Channel.LETTER, Channel.EMAIL]


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _organisation() -> Organisation:
    body = "79000001"
    organisation, _ = Organisation.objects.get_or_create(
        name="广州市年度报告基准测试局",
        defaults={
            "code": body + organisation_code_check_char(body),
            "kind": Organisation.Kind.DEPARTMENT,
        },
    )
    organisation.path = f"/{organisation.pk}/"
    organisation.save(update_fields=["path"])
    return organisation


def generate(organisation: Organisation, applications: int, consultations: int, seed: int) -> float:
    started = time.perf_counter()
    rng = random.Random(seed)
    DisclosureRequest.objects.filter(organisation=organisation).delete()
    Consultation.objects.filter(organisation=organisation).delete()
    outcomes = [outcome.code for outcome in OUTCOMES]
    first = date(YEAR - 1, 1, 1)
    span = (date(YEAR, 12, 31) - first).days
    for start in range(0, applications, BATCH_SIZE):
        rows = []
        for serial in range(start, min(applications, start + BATCH_SIZE)):
            # Nine in ten received in the report year, the rest the year before.
            if rng.random() < 0.9:
                received_on = date(YEAR, 1, 1) + timedelta(days=rng.randrange(366))
            else:
                received_on = first + timedelta(days=rng.randrange(365))
            closed = rng.random() < 0.9
            closed_on = received_on + timedelta(days=rng.randint(1, 40)) if closed else None
            rows.append(
                DisclosureRequest(
                    organisation=organisation,
                    tracking_number=f"BENCH-R-{serial:07d}",
                    access_code_hash=ACCESS_CODE_HASH,
                    channel="online",
                    submitted_at=datetime.combine(received_on, clock(9), tzinfo=UTC),
                    received_on=received_on,
                    regime="2019",
                    status=DisclosureRequest.Status.CLOSED
                    if closed
                    else DisclosureRequest.Status.IN_PROGRESS,
                    applicant_type=rng.choice(APPLICANT_CODES),
                    applicant_name="申请人",
                    information_title="某项政府信息",
                    form_wanted="electronic",
                    delivery_method="email",
                    outcome=rng.choice(outcomes) if closed else "",
                    closed_on=closed_on,
                )
            )
        DisclosureRequest.objects.bulk_create(rows)
        _log(f"applications {start + len(rows)}/{applications} (span {span} days)")
    local = ZoneInfo(settings.TIME_ZONE)
    year_start = datetime(YEAR, 1, 1, tzinfo=local)
    seconds = int((datetime(YEAR + 1, 1, 1, tzinfo=local) - year_start).total_seconds())
    for start in range(0, consultations, BATCH_SIZE):
        batch = [
            Consultation(
                organisation=organisation,
                channel=rng.choice(CHANNELS),
                occurred_at=year_start + timedelta(seconds=rng.randrange(seconds)),
                question="咨询",
            )
            for _ in range(min(BATCH_SIZE, consultations - start))
        ]
        Consultation.objects.bulk_create(batch)
        if (start // BATCH_SIZE) % 10 == 0:
            _log(f"consultations {start + len(batch)}/{consultations}")
    _analyse()
    return time.perf_counter() - started


def _analyse() -> None:
    """Bring the planner statistics (and PostgreSQL's visibility map, which index-only scans
    need) up to date after the bulk load, as autovacuum or a nightly ANALYZE would."""
    tables = [DisclosureRequest._meta.db_table, Consultation._meta.db_table]
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":
                cursor.execute(f'VACUUM ANALYZE "{table}"')
            else:
                cursor.execute(f'ANALYZE "{table}"')


# --- both ways ---------------------------------------------------------------------------------


def in_database(organisation_ids: list[int]) -> dict[str, Any]:
    figures: dict[str, Any] = dict(
        requests_statistics(organisation_ids=organisation_ids, year=YEAR)["values"]
    )
    figures.update(consultation_statistics(organisation_ids=organisation_ids, year=YEAR))
    return figures


def in_python(organisation_ids: list[int]) -> dict[str, Any]:
    """Read every record and count: the same figures with the same year rules."""
    period = ReportPeriod(YEAR)
    first, last = period.first_day, period.last_day
    row_of = {outcome.code: result_row_code(outcome.report_row_2021) for outcome in OUTCOMES}
    counts: Counter[str] = Counter()
    records = list(
        DisclosureRequest.objects.filter(organisation_id__in=organisation_ids)
        .values_list("pk", "parent_id", "received_on", "closed_on", "outcome", "applicant_type")
        .iterator(chunk_size=BATCH_SIZE)
    )
    parents = {parent for _, parent, *_ in records if parent is not None}
    for pk, _parent, received_on, closed_on, outcome, applicant_type in records:
        if received_on is None or pk in parents:
            continue
        code = applicant_type if applicant_type in APPLICANT_CODES else "other"
        if first <= received_on <= last:
            counts[f"requests.new.{code}"] += 1
        if received_on < first and (closed_on is None or closed_on >= first):
            counts[f"requests.carried_over.{code}"] += 1
        if received_on <= last and (closed_on is None or closed_on > last):
            counts[f"requests.carried_forward.{code}"] += 1
        if closed_on is not None and first <= closed_on <= last:
            leaf = row_of.get(outcome, "3.6.3")
            counts[f"requests.result.{leaf}.{code}"] += 1
    figures: dict[str, Any] = {}
    leaves = [row.code for row in RESULT_ROWS_2021 if not row.is_group]
    for prefix in ("requests.new", "requests.carried_over", "requests.carried_forward"):
        for code in APPLICANT_CODES:
            figures[f"{prefix}.{code}"] = counts[f"{prefix}.{code}"]
        figures[f"{prefix}.total"] = sum(figures[f"{prefix}.{c}"] for c in APPLICANT_CODES)
    for leaf in leaves:
        for code in APPLICANT_CODES:
            figures[f"requests.result.{leaf}.{code}"] = counts[f"requests.result.{leaf}.{code}"]
        figures[f"requests.result.{leaf}.total"] = sum(
            counts[f"requests.result.{leaf}.{c}"] for c in APPLICANT_CODES
        )
    local = timezone.get_current_timezone()
    channels: Counter[str] = Counter()
    referred = 0
    for occurred_at, channel, was_referred in (
        Consultation.objects.filter(organisation_id__in=organisation_ids)
        .values_list("occurred_at", "channel", "referred")
        .iterator(chunk_size=BATCH_SIZE)
    ):
        if occurred_at.astimezone(local).year != YEAR:
            continue
        channels[channel] += 1
        referred += bool(was_referred)
    for channel, key in CHANNEL_KEYS.items():
        figures[key] = channels[channel]
    figures["consultations.total"] = sum(channels[c] for c in CHANNEL_KEYS)
    figures["consultations.referred"] = referred
    return figures


def _timed(function: Callable[[], Any], repeats: int) -> tuple[list[float], Any]:
    samples, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - started)
    return samples, result


def run(
    *, applications: int = 100_000, consultations: int = 1_000_000, seed: int = 2009
) -> dict[str, Any]:
    organisation = _organisation()
    generation_s = generate(organisation, applications, consultations, seed)
    ids = [organisation.pk]

    _log("statistics in the database")
    in_database(ids)  # warm the page cache both ways alike
    db_samples, db_figures = _timed(lambda: in_database(ids), DB_REPEATS)
    compute_samples, stats = _timed(lambda: compute(organisation_ids=ids, year=YEAR), DB_REPEATS)
    _log("counting in Python")
    python_samples, python_figures = _timed(lambda: in_python(ids), PYTHON_REPEATS)
    compared = [key for key in python_figures if key in db_figures]
    mismatched = [key for key in compared if python_figures[key] != db_figures[key]]
    db_s = statistics.median(db_samples)
    python_s = statistics.median(python_samples)

    _log("building the report")
    build_samples, data = _timed(
        lambda: build_report(organisation=organisation, year=YEAR, format_code="national-2021"),
        1,
    )
    render_s: dict[str, float] = {}
    sizes: dict[str, int] = {}
    for kind in OUTPUTS:
        _log(f"rendering .{kind}")
        samples, content = _timed(partial(render, data, kind), RENDER_REPEATS)
        render_s[kind] = round(statistics.median(samples), 3)
        sizes[kind] = len(content)
    compute_s = statistics.median(compute_samples)
    return {
        "database": connection.vendor,
        "year": YEAR,
        "applications": applications,
        "consultations": consultations,
        "generation_s": round(generation_s, 1),
        "statistics_db_s": round(db_s, 4),
        "statistics_db_samples_s": [round(s, 4) for s in db_samples],
        "statistics_full_compute_s": round(compute_s, 4),
        "python_count_s": round(python_s, 3),
        "python_count_samples_s": [round(s, 3) for s in python_samples],
        "speedup": round(python_s / db_s, 1),
        "figures_compared": len(compared),
        "figures_mismatched": mismatched,
        "new_applications": stats.values.get("requests.new.total"),
        "consultations_in_year": stats.values.get("consultations.total"),
        "build_report_s": round(build_samples[0], 3),
        "checks": data.get("summary"),
        "render_s": render_s,
        "output_bytes": sizes,
        "targets": TARGETS,
        "meets_targets": {
            "statistics_s": compute_s < TARGETS["statistics_s"],
            "speedup": python_s / db_s >= TARGETS["speedup"],
            "agree": not mismatched,
        },
    }
