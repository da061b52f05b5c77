"""The statistics behind every cell, each an aggregation query run in the database.

Sources are providers, keyed by the prefix of their statistic keys. The catalogue and the
applications are computed here (their year rules are in gongkai.reports.periods); the other
registers answer through their own app's ``statistics.year_statistics(organisation_ids=...,
year=...)``, imported lazily: an app that is not installed, or whose module is missing or
fails, makes its figures "not available" (shown as such and flagged by the checks) instead
of stopping the report.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce

from gongkai.organisations.models import Organisation
from gongkai.reports.formats._common import APPLICANT_TYPES, RESULT_ROWS_2021
from gongkai.reports.periods import ReportPeriod

logger = logging.getLogger(__name__)

Number = int | Decimal
APPLICANT_CODES = [code for code, _ in APPLICANT_TYPES]
NO_CATEGORY = "_none"


@dataclass
class Statistics:
    organisation_ids: list[int]
    year: int
    values: dict[str, Number] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    # source prefix -> reason it is not available
    unavailable: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> Number | None:
        return self.values.get(key)

    def source_of(self, key: str) -> str:
        for prefix in sorted(PROVIDERS, key=len, reverse=True):
            if key.startswith(prefix + "."):
                return prefix
        return key.split(".", 1)[0]

    def why_unavailable(self, key: str) -> str:
        return self.unavailable.get(self.source_of(key), "统计数据中没有该项")

    @property
    def is_empty(self) -> bool:
        """No record of the year at all: every figure is zero (or not available)."""
        return not any(value for value in self.values.values())


def share(part: Number, whole: Number) -> Decimal:
    """Percentage with one decimal, rounded half up (the rounding the reports state)."""
    if not whole:
        return Decimal("0.0")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# --- catalogue (主动公开) ----------------------------------------------------------------------


def catalogue_statistics(*, organisation_ids: list[int], year: int) -> dict[str, Any]:
    from gongkai.catalogue.models import Article20Item, Attachment, Category, InformationItem

    period = ReportPeriod(year)
    published = InformationItem.objects.filter(
        organisation_id__in=organisation_ids,
        published_at__isnull=False,
        published_at__year=year,
    ).annotate(has_attachment=Exists(Attachment.objects.filter(item=OuterRef("pk"))))
    totals = published.aggregate(
        total=Count("id"),
        # 全文电子化: the full text is online, as body text or an attached file.
        electronic=Count("id", filter=~Q(body_text="") | Q(has_attachment=True)),
    )
    figures: dict[str, Any] = {
        "catalogue.total": totals["total"],
        "catalogue.fully_electronic": totals["electronic"],
    }
    labels: dict[str, str] = {}
    # Rows for every top-level category of the bodies, in their order, even when empty.
    for category in Category.objects.filter(
        organisation_id__in=organisation_ids, parent__isnull=True
    ).order_by("organisation__path", "sort_order", "id"):
        key = f"catalogue.category.{category.code}"
        labels.setdefault(key, category.name)
        figures.setdefault(key, 0)
    by_category = (
        published.annotate(
            top_code=Coalesce("category__parent__code", "category__code", Value(NO_CATEGORY)),
            top_name=Coalesce("category__parent__name", "category__name", Value("未分类")),
        )
        .values("top_code", "top_name")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in by_category:
        key = f"catalogue.category.{row['top_code']}"
        labels.setdefault(key, row["top_name"])
        figures[key] = figures.get(key, 0) + row["n"]

    normative = InformationItem.objects.filter(
        organisation_id__in=organisation_ids,
        article20_item=Article20Item.REGULATIONS,
        published_at__isnull=False,
    )
    in_force = Q(published_at__date__lte=period.last_day) & (
        Q(repealed_on__gt=period.last_day)
        | (Q(repealed_on__isnull=True) & ~Q(validity=InformationItem.Validity.REPEALED))
    )
    counts = normative.aggregate(
        issued=Count("id", filter=Q(generated_on__year=year)),
        published=Count("id", filter=Q(published_at__year=year)),
        repealed=Count("id", filter=Q(repealed_on__year=year)),
        in_force=Count("id", filter=in_force),
    )
    figures.update(
        {
            "catalogue.normative.issued": counts["issued"],
            "catalogue.normative.made": counts["issued"],
            "catalogue.normative.published": counts["published"],
            "catalogue.normative.repealed": counts["repealed"],
            "catalogue.normative.in_force": counts["in_force"],
            "catalogue.normative.public_total": counts["in_force"],
        }
    )
    return {"values": figures, "labels": labels}


# --- applications (依申请公开) -------------------------------------------------------------------


def result_row_code(report_row: str) -> str:
    """ "三（三）1" (gongkai.disclosure_requests.rules.outcomes) -> "3.3.1"."""
    numerals = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7"}
    inner = report_row.split("（", 1)[1]
    group, _, leaf = inner.partition("）")
    return "3." + numerals[group] + (f".{leaf}" if leaf else "")


def requests_statistics(*, organisation_ids: list[int], year: int) -> dict[str, Any]:
    from gongkai.disclosure_requests.models import DisclosureRequest, FeeNotice
    from gongkai.disclosure_requests.rules.outcomes import OUTCOMES

    period = ReportPeriod(year)
    # A split application is counted through its parts, never itself (一事一申请).
    split = DisclosureRequest.objects.filter(parent__isnull=False).values("parent_id")
    # Every application that can touch this year's tables: still open, closed in or after the
    # year, or received in it. Older history is never read.
    touching = Q(closed_on__isnull=True) | Q(closed_on__gte=period.first_day) | period.received_in()
    # One pass over the covering index (request_report_stats_idx), grouped in its order.
    rows = (
        DisclosureRequest.objects.filter(
            touching, organisation_id__in=organisation_ids, received_on__isnull=False
        )
        .exclude(pk__in=split)
        .values("applicant_type", "outcome")
        .annotate(
            new=Count("id", filter=period.received_in()),
            carried_over=Count("id", filter=period.carried_over()),
            carried_forward=Count("id", filter=period.carried_forward()),
            closed=Count("id", filter=period.closed_in()),
        )
        .order_by()
    )
    row_of = {outcome.code: result_row_code(outcome.report_row_2021) for outcome in OUTCOMES}
    leaves = [row.code for row in RESULT_ROWS_2021 if not row.is_group]
    figures: dict[str, Number] = {}
    for prefix in ("requests.new", "requests.carried_over", "requests.carried_forward"):
        for code in [*APPLICANT_CODES, "total"]:
            figures[f"{prefix}.{code}"] = 0
    for leaf in leaves:
        for code in [*APPLICANT_CODES, "total"]:
            figures[f"requests.result.{leaf}.{code}"] = 0
    for row in rows:
        code = row["applicant_type"] if row["applicant_type"] in APPLICANT_CODES else "other"
        for column in ("new", "carried_over", "carried_forward"):
            figures[f"requests.{column}.{code}"] += row[column]
            figures[f"requests.{column}.total"] += row[column]
        if row["closed"]:
            # Closed without a decision (e.g. withdrawn by the applicant): 其他处理 / 其他.
            leaf = row_of.get(row["outcome"], "3.6.3")
            figures[f"requests.result.{leaf}.{code}"] += row["closed"]
            figures[f"requests.result.{leaf}.total"] += row["closed"]
    for code in [*APPLICANT_CODES, "total"]:
        for group in ("3.3", "3.4", "3.5", "3.6"):
            figures[f"requests.result.{group}.{code}"] = sum(
                figures[f"requests.result.{leaf}.{code}"]
                for leaf in leaves
                if leaf.startswith(group + ".")
            )
        figures[f"requests.result.3.7.{code}"] = sum(
            figures[f"requests.result.{leaf}.{code}"] for leaf in leaves
        )

    fees = FeeNotice.objects.filter(
        disclosure_request__organisation_id__in=organisation_ids
    ).aggregate(
        notices=Count("id", filter=Q(sent_on__year=year)),
        collected=Sum(
            "amount", filter=Q(status=FeeNotice.Status.PAID, paid_on__year=year), default=0
        ),
        waived=Count("id", filter=Q(status=FeeNotice.Status.WAIVED, sent_on__year=year)),
    )
    figures["requests.fees.notices"] = fees["notices"]
    figures["requests.fees.collected"] = Decimal(fees["collected"] or 0).quantize(Decimal("0.01"))
    figures["requests.fees.waived"] = fees["waived"]
    return {"values": figures, "labels": {}}


# --- the registry -------------------------------------------------------------------------------

Provider = Callable[..., dict[str, Any]]
# prefix -> an internal function, or the dotted module of another app ("<app>.statistics").
PROVIDERS: dict[str, Provider | str] = {
    "catalogue": catalogue_statistics,
    "requests": requests_statistics,
    "appeals": "gongkai.appeals.statistics",
    "consultations": "gongkai.consultations.statistics",
    "reception": "gongkai.reception.statistics",
    "engagement": "gongkai.engagement.statistics",
    "complaints": "gongkai.complaints.statistics",
    "service_guides": "gongkai.service_guides.statistics",
    "service_desk": "gongkai.service_desk.statistics",
    "reading_room": "gongkai.reading_room.statistics",
    "web": "gongkai.web_analytics.statistics",
}


def _external(module_path: str) -> Provider:
    app_module = module_path.rsplit(".", 1)[0]
    if not apps.is_installed(app_module):
        raise LookupError(f"应用 {app_module} 未安装")
    module = importlib.import_module(module_path)
    function = getattr(module, "year_statistics", None)
    if function is None:
        raise LookupError(f"{module_path} 没有 year_statistics")
    return function  # type: ignore[no-any-return]


def register_provider(prefix: str, provider: Provider | str) -> None:
    PROVIDERS[prefix] = provider


def report_organisation_ids(organisation: Organisation, *, roll_up: bool) -> list[int]:
    """The body with its internal offices (内设机构, part of the body itself); with `roll_up`,
    its whole sub-tree (a government's report including its departments)."""
    subtree = list(
        Organisation.objects.filter(path__startswith=organisation.path).values_list(
            "id", "parent_id", "kind"
        )
    )
    if roll_up:
        return [pk for pk, _, _ in subtree]
    included = {organisation.pk}
    changed = True
    while changed:
        changed = False
        for pk, parent_id, kind in subtree:
            if pk not in included and parent_id in included and kind == Organisation.Kind.OFFICE:
                included.add(pk)
                changed = True
    return sorted(included)


def compute(
    *, organisation_ids: Iterable[int], year: int, sources: Iterable[str] | None = None
) -> Statistics:
    ids = list(organisation_ids)
    stats = Statistics(organisation_ids=ids, year=year)
    for prefix, provider in PROVIDERS.items():
        if sources is not None and prefix not in sources:
            continue
        try:
            function = _external(provider) if isinstance(provider, str) else provider
            result = function(organisation_ids=ids, year=year)
        except (ImportError, LookupError) as exc:
            stats.unavailable[prefix] = f"数据来源不可用：{exc}"
            continue
        except Exception as exc:  # a faulty register must not stop the whole report
            logger.warning("statistics provider %s failed: %s", prefix, exc)
            stats.unavailable[prefix] = f"数据来源出错：{exc}"
            continue
        if "values" in result and isinstance(result.get("values"), dict):
            stats.values.update(result["values"])
            stats.labels.update(result.get("labels", {}))
        else:
            stats.values.update(
                {
                    k: Decimal(str(v)) if isinstance(v, float) else v
                    for k, v in result.items()
                    if isinstance(v, int | Decimal | float)
                }
            )
    _derive(stats)
    return stats


def _derive(stats: Statistics) -> None:
    values = stats.values
    if "catalogue.total" in values:
        total = values["catalogue.total"]
        values["catalogue.total.share"] = share(total, total)
        values["catalogue.fully_electronic.share"] = share(
            values["catalogue.fully_electronic"], total
        )
        values["catalogue.not_fully_electronic"] = total - values["catalogue.fully_electronic"]
        for key in list(stats.labels):
            if key.startswith("catalogue.category."):
                values[f"{key}.share"] = share(values.get(key, 0), total)
    if "appeals.litigation_direct.total" in values:
        values["appeals.litigation.total"] = values["appeals.litigation_direct.total"] + values.get(
            "appeals.litigation_after_review.total", 0
        )
    if "consultations.total" in values:
        values["consultations.written"] = values.get("consultations.letter", 0) + values.get(
            "consultations.email", 0
        )
    for key, value in list(values.items()):
        if isinstance(value, float):
            values[key] = Decimal(str(value))
