"""Disclosure-request deadlines: the ledger against recomputing naively.

Two questions, each answered both ways on the same data in the same run:

1. Due dates. The ledger engine (rules.ledger.compute_deadline, working-day arithmetic over
   the cached calendar) computes the due date of every generated application from its clock
   events. The naive way re-walks every calendar day from the day of receipt and asks a
   per-day "is this a working day?" question, skipping the paused days one by one:
   with ``chinese_calendar.is_workday`` (in-memory tables) for every application, and with
   the project's own database-backed ``is_working_day`` (one calendar lookup per day, as a
   view calling it per day would do) for a sample, extrapolated per application. The walk is
   an independent implementation of the rules, so the run also reports whether both agree.

2. The overdue list. With the cached, indexed ``due_on`` column it is one query: open
   status and due_on before today, count and the first page. The naive way has no cached
   column: it loads every open application with its clock events, recomputes each due date
   from the events and filters, counts and sorts in Python.

The ledgers never contain fee events: how a fee notice affects the clock is the engine's
own rule, and the naive walk would have to copy it rather than check it.
"""

from __future__ import annotations

import functools
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from typing import Any

import chinese_calendar
from django.db import connection

from gongkai.accounts.models import User
from gongkai.core.validators import credit_code_check_char, organisation_code_check_char
from gongkai.disclosure_requests.models import ClockEvent, DisclosureRequest
from gongkai.disclosure_requests.rules.ledger import LedgerEvent, compute_deadline
from gongkai.disclosure_requests.selectors import ANSWER_OWED
from gongkai.organisations.models import Organisation
from gongkai.workdays.calendar import add_working_days, is_working_day

TODAY = date(2025, 12, 15)
FIRST_YEAR = 2010
PAGE_SIZE = 20
BATCH_SIZE = 5000
QUERY_REPEATS = 30
NAIVE_QUERY_REPEATS = 3
DB_WALK_SAMPLE = 1000
REGIME_2019_FROM = date(2019, 5, 15)
# Statuses of applications owed an answer (the overdue list's population), as the selectors
# define them.
WAITING = ANSWER_OWED
# A made-up but well-formed password hash: hashing 100,000 access codes would time the hasher.
ACCESS_CODE_HASH = "pbkdf2_sha256$1000000$benchmark$" + "A" * 43 + "="


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# --- generated ledgers ------------------------------------------------------------------------


@dataclass
class GeneratedApplication:
    received_on: date
    events: list[LedgerEvent]
    status: str
    answered_on: date | None = None


# Generation only needs the answer dates near the due date; the timed walks call the
# package uncached.
_cached_is_workday = functools.lru_cache(maxsize=None)(chinese_calendar.is_workday)


def _receipt_days() -> tuple[list[date], list[int]]:
    # Later years receive more applications, as they did after the 2019 revision.
    days, weights = [], []
    day = date(FIRST_YEAR, 1, 4)
    while day < TODAY:
        days.append(day)
        weights.append(day.year - FIRST_YEAR + 1)
        day += timedelta(days=1)
    return days, weights


def generate_applications(count: int, seed: int) -> list[GeneratedApplication]:
    """Clock events for `count` applications: plain, 补正, consultation, extension, mixes."""
    rng = random.Random(seed)
    days, weights = _receipt_days()
    received_days = rng.choices(days, weights=weights, k=count)
    applications = []
    for received_on in received_days:
        events = [LedgerEvent("received", received_on, {})]
        roll = rng.random()
        clock_start = received_on
        if roll < 0.15:
            # 补正: notice within the 7 working days, the corrected application days later.
            requested = add_working_days(received_on, rng.randint(1, 7))
            corrected = requested + timedelta(days=rng.randint(2, 15))
            events.append(LedgerEvent("correction_requested", requested, {}))
            events.append(LedgerEvent("correction_received", corrected, {}))
            clock_start = corrected
        if 0.10 <= roll < 0.25:
            started = add_working_days(clock_start, rng.randint(2, 8))
            ended = add_working_days(started, rng.randint(1, 15))
            events.append(
                LedgerEvent("consultation_started", started, {"party_kind": "third_party"})
            )
            events.append(LedgerEvent("consultation_ended", ended, {}))
        if 0.20 <= roll < 0.32:
            # Approved a few days before the due date the events so far give.
            extension_days = 20 if received_on >= REGIME_2019_FROM else 15
            approved = add_working_days(clock_start, rng.randint(8, 12))
            last = max(event.on for event in events)
            approved = max(approved, last + timedelta(days=1))
            events.append(
                LedgerEvent(
                    "extension_approved", approved, {"days": rng.randint(5, extension_days)}
                )
            )
        age = (TODAY - received_on).days
        answered_on = None
        if age > 60 and rng.random() > 0.02:
            last = max(event.on for event in events)
            if rng.random() < 0.01:
                status = DisclosureRequest.Status.WITHDRAWN_BY_APPLICANT
                events.append(LedgerEvent("closed", last + timedelta(days=rng.randint(1, 10)), {}))
            else:
                # Answered by the due date, a few late; delivered and closed days later.
                status = DisclosureRequest.Status.CLOSED
                due_on = naive_due_on(events, _cached_is_workday)
                late = rng.random() < 0.03
                answered_on = due_on + timedelta(
                    days=rng.randint(1, 10) if late else -rng.randint(0, 20)
                )
                answered_on = max(answered_on, last)
                delivered_on = answered_on + timedelta(days=rng.randint(0, 5))
                events.append(LedgerEvent("answered", answered_on, {"outcome": "disclose"}))
                events.append(LedgerEvent("delivered", delivered_on, {}))
                events.append(LedgerEvent("closed", delivered_on, {}))
        else:
            # The recent workload, and a small backlog that was never answered.
            status = rng.choice(WAITING)
        applications.append(GeneratedApplication(received_on, events, status, answered_on))
    return applications


# --- the naive walk ---------------------------------------------------------------------------


def naive_due_on(events: Sequence[LedgerEvent], is_workday: Callable[[date], bool]) -> date:
    """Walk day by day from the (corrected) receipt, counting working days outside pauses."""
    by_kind: dict[str, list[LedgerEvent]] = defaultdict(list)
    for event in events:
        by_kind[event.kind].append(event)
    received = by_kind["received"][0].on
    start = by_kind["correction_received"][0].on if by_kind["correction_received"] else received
    pauses = [
        (started.on, ended.on)
        for started, ended in zip(
            by_kind["consultation_started"], by_kind["consultation_ended"], strict=False
        )
    ]
    remaining = 20 if received >= REGIME_2019_FROM else 15
    remaining += sum(int(event.data.get("days", 0)) for event in by_kind["extension_approved"])
    day = start
    while remaining:
        day += timedelta(days=1)
        if any(first < day <= last for first, last in pauses):
            continue
        if is_workday(day):
            remaining -= 1
    return day


# --- database rows ----------------------------------------------------------------------------


def _organisations(count: int = 5) -> list[Organisation]:
    organisations = []
    for number in range(count):
        body = f"{number + 71000000:08d}"
        organisation_code = body + organisation_code_check_char(body)
        code_body = f"11440100{organisation_code}"
        code = code_body + credit_code_check_char(code_body)
        organisation, _ = Organisation.objects.get_or_create(
            code=code, defaults={"name": f"基准测试机关{number + 1}"}
        )
        organisation.path = f"/{organisation.pk}/"
        organisation.save(update_fields=["path"])
        organisations.append(organisation)
    return organisations


def store(
    applications: list[GeneratedApplication], due_dates: list[date | None], seed: int
) -> float:
    """Bulk-create the applications (due_on cached) and their clock events; seconds taken."""
    started = time.perf_counter()
    rng = random.Random(seed + 1)
    organisations = _organisations()
    serials: dict[tuple[int, int], int] = defaultdict(int)
    for start in range(0, len(applications), BATCH_SIZE):
        chunk = list(
            zip(
                applications[start : start + BATCH_SIZE],
                due_dates[start : start + BATCH_SIZE],
                strict=True,
            )
        )
        rows = []
        for application, due_on in chunk:
            organisation = organisations[int(rng.random() * len(organisations))]
            year = application.received_on.year
            serials[organisation.pk, year] += 1
            serial = serials[organisation.pk, year]
            closed = application.status == DisclosureRequest.Status.CLOSED
            rows.append(
                DisclosureRequest(
                    organisation=organisation,
                    tracking_number=f"{organisation.code}-{year}-{serial:05d}",
                    access_code_hash=ACCESS_CODE_HASH,
                    channel="online",
                    submitted_at=datetime.combine(application.received_on, clock(9), tzinfo=UTC),
                    received_on=application.received_on,
                    regime="2019" if application.received_on >= REGIME_2019_FROM else "2007",
                    status=application.status,
                    applicant_type="natural_person",
                    applicant_name="申请人",
                    information_title="某项政府信息",
                    form_wanted="electronic",
                    delivery_method="email",
                    due_on=due_on,
                    outcome="disclose" if closed else "",
                    closed_on=application.events[-1].on if closed else None,
                )
            )
        DisclosureRequest.objects.bulk_create(rows)
        events = [
            ClockEvent(
                disclosure_request=row,
                kind=event.kind,
                occurred_on=event.on,
                data=event.data,
            )
            for row, (application, _due_on) in zip(rows, chunk, strict=True)
            for event in application.events
        ]
        ClockEvent.objects.bulk_create(events, batch_size=BATCH_SIZE)
        _log(f"stored {start + len(rows)}/{len(applications)}")
    return time.perf_counter() - started


# --- the overdue list, both ways --------------------------------------------------------------


def overdue_indexed(today: date) -> tuple[int, list[int]]:
    overdue = DisclosureRequest.objects.filter(status__in=WAITING, due_on__lt=today)
    total = overdue.count()
    first_page = list(overdue.order_by("due_on", "id").values_list("pk", flat=True)[:PAGE_SIZE])
    return total, first_page


def overdue_naive(today: date) -> tuple[int, list[int]]:
    """No cached due date: load the waiting applications and their events, recompute each."""
    waiting = DisclosureRequest.objects.filter(status__in=WAITING).prefetch_related("clock_events")
    overdue = []
    for disclosure_request in waiting:
        events = [
            LedgerEvent(event.kind, event.occurred_on, event.data)
            for event in disclosure_request.clock_events.all()
        ]
        due_on = compute_deadline(events, today=today).due_on
        if due_on is not None and due_on < today:
            overdue.append((due_on, disclosure_request.pk))
    overdue.sort()
    return len(overdue), [pk for _due_on, pk in overdue[:PAGE_SIZE]]


def _selector_page(actor: User, today: date) -> tuple[int, list[int]] | None:
    try:
        from gongkai.disclosure_requests.selectors import request_list_overdue
    except ImportError:
        return None
    overdue = request_list_overdue(actor=actor, today=today)
    total = overdue.count()
    return total, list(overdue.order_by("due_on", "id").values_list("pk", flat=True)[:PAGE_SIZE])


def _timed(function: Callable[[], Any], repeats: int) -> tuple[list[float], Any]:
    samples, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples, result


def _summary_ms(samples: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(samples), 3),
        "p95_ms": round(_percentile(samples, 0.95), 3),
    }


# --- the run ----------------------------------------------------------------------------------


def run(*, applications: int = 100_000, seed: int = 2009) -> dict[str, Any]:
    _log(f"generating {applications} ledgers")
    started = time.perf_counter()
    generated = generate_applications(applications, seed)
    generation_s = time.perf_counter() - started
    event_count = sum(len(application.events) for application in generated)

    _log("ledger engine: every due date")
    add_working_days(TODAY, 1)  # load the calendar cache, as a running process has it
    started = time.perf_counter()
    explanations = [compute_deadline(a.events, today=TODAY) for a in generated]
    ledger_s = time.perf_counter() - started
    ledger_due = [explanation.due_on for explanation in explanations]

    _log("naive walk with chinese_calendar.is_workday: every due date")
    started = time.perf_counter()
    walked_due = [naive_due_on(a.events, chinese_calendar.is_workday) for a in generated]
    walk_s = time.perf_counter() - started
    disagreements = [
        (a.received_on.isoformat(), str(ours), str(theirs))
        for a, ours, theirs in zip(generated, ledger_due, walked_due, strict=True)
        if ours != theirs
    ]

    sample = generated[: min(DB_WALK_SAMPLE, len(generated))]
    _log(f"naive walk with the database calendar per day: {len(sample)} due dates")
    started = time.perf_counter()
    db_walked = [naive_due_on(a.events, is_working_day) for a in sample]
    db_walk_s = time.perf_counter() - started
    db_walk_agrees = db_walked == ledger_due[: len(sample)]

    ledger_us = ledger_s / applications * 1e6
    walk_us = walk_s / applications * 1e6
    db_walk_us = db_walk_s / len(sample) * 1e6

    _log("storing applications and clock events")
    store_s = store(generated, ledger_due, seed)
    actor = User.objects.filter(username="bench-admin").first() or User.objects.create_superuser(
        "bench-admin", "bench@example.gov.cn", "bench"
    )

    _log("overdue list: indexed due_on")
    overdue_indexed(TODAY)  # warm the page cache
    indexed_samples, indexed_result = _timed(lambda: overdue_indexed(TODAY), QUERY_REPEATS)
    selector_result = _selector_page(actor, TODAY)
    selector_samples: list[float] = []
    if selector_result is not None:
        selector_samples, selector_result = _timed(
            lambda: _selector_page(actor, TODAY), QUERY_REPEATS
        )
    _log("overdue list: recomputed from the events")
    naive_samples, naive_result = _timed(lambda: overdue_naive(TODAY), NAIVE_QUERY_REPEATS)
    waiting_count = DisclosureRequest.objects.filter(status__in=WAITING).count()
    plan = DisclosureRequest.objects.filter(status__in=WAITING, due_on__lt=TODAY).explain()

    # The same query with a (status, due_on) index, to see what the index choice is worth.
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE INDEX bench_request_status_due ON "
            f"{DisclosureRequest._meta.db_table} (status, due_on)"
        )
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {DisclosureRequest._meta.db_table}")
        else:
            cursor.execute("ANALYZE")
    overdue_indexed(TODAY)
    composite_samples, composite_result = _timed(lambda: overdue_indexed(TODAY), QUERY_REPEATS)
    composite_plan = DisclosureRequest.objects.filter(
        status__in=WAITING, due_on__lt=TODAY
    ).explain()

    indexed_p50 = statistics.median(indexed_samples)
    naive_p50 = statistics.median(naive_samples)
    overdue: dict[str, Any] = {
        "today": TODAY.isoformat(),
        "waiting_applications": waiting_count,
        "overdue": indexed_result[0],
        "indexed": _summary_ms(indexed_samples) | {"repeats": QUERY_REPEATS},
        "naive_recompute": _summary_ms(naive_samples) | {"repeats": NAIVE_QUERY_REPEATS},
        "speedup_p50": round(naive_p50 / indexed_p50, 1),
        "same_count_and_first_page": indexed_result == naive_result,
        "query_plan": plan,
    }
    overdue["with_status_due_on_index"] = _summary_ms(composite_samples) | {
        "same_result": composite_result == indexed_result,
        "speedup_p50_vs_naive": round(naive_p50 / statistics.median(composite_samples), 1),
        "query_plan": composite_plan,
    }
    if selector_result is not None:
        overdue["selector_request_list_overdue"] = _summary_ms(selector_samples) | {
            "overdue": selector_result[0],
            "same_as_indexed": selector_result == indexed_result,
        }
    return {
        "database": connection.vendor,
        "applications": applications,
        "clock_events": event_count,
        "generation_s": round(generation_s, 2),
        "store_s": round(store_s, 1),
        "due_dates": {
            "ledger_engine": {
                "total_s": round(ledger_s, 2),
                "per_application_us": round(ledger_us, 1),
                "applications_per_s": round(applications / ledger_s),
            },
            "naive_walk_chinese_calendar": {
                "total_s": round(walk_s, 2),
                "per_application_us": round(walk_us, 1),
                "agrees_with_ledger": not disagreements,
                "disagreements": len(disagreements),
                "first_disagreements": disagreements[:5],
            },
            "naive_walk_database_calendar": {
                "sample": len(sample),
                "total_s": round(db_walk_s, 2),
                "per_application_us": round(db_walk_us, 1),
                "extrapolated_total_s": round(db_walk_us * applications / 1e6, 1),
                "agrees_with_ledger": db_walk_agrees,
            },
            "ratio_walk_chinese_calendar_to_ledger": round(walk_us / ledger_us, 2),
            "ratio_walk_database_calendar_to_ledger": round(db_walk_us / ledger_us, 1),
        },
        "overdue_list": overdue,
    }
