"""Figures of 行政复议、行政诉讼 for the annual report's table 四, counted in the database.

The year's rule: a case counts in the year it was filed (提出/起诉), whatever year it is
decided in. Its result column is the recorded result if it was decided on or before
31 December of that year, otherwise 尚未审结 ("pending") — so a report for a past year does
not change when a late decision is recorded afterwards. 总计 = 维持 + 纠正 + 其他 + 尚未审结.

Keys (all int):
    appeals.review.upheld, .corrected, .other, .pending, .total            行政复议
    appeals.litigation_direct.upheld, .corrected, .other, .pending, .total  未经复议直接起诉
    appeals.litigation_after_review.upheld, …, .total                      复议后起诉
    appeals.complaints                                                      申诉 (not in table 四)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q

from gongkai.appeals.models import AppealCase, CaseKind, CaseResult

# Key prefix per kind, in the column order of table 四.
TABLE_FOUR_GROUPS: tuple[tuple[str, str], ...] = (
    ("review", CaseKind.ADMINISTRATIVE_REVIEW),
    ("litigation_direct", CaseKind.LITIGATION_DIRECT),
    ("litigation_after_review", CaseKind.LITIGATION_AFTER_REVIEW),
)
RESULT_COLUMNS: tuple[str, ...] = ("upheld", "corrected", "other", "pending", "total")
TABLE_FOUR_KEYS: tuple[str, ...] = tuple(
    f"appeals.{group}.{column}" for group, _kind in TABLE_FOUR_GROUPS for column in RESULT_COLUMNS
)


def year_statistics(*, organisation_ids: list[int], year: int) -> dict[str, int]:
    year_end = dt.date(year, 12, 31)
    decided_by_year_end = Q(decided_on__isnull=False, decided_on__lte=year_end)
    aggregates: dict[str, Any] = {}
    for group, kind in TABLE_FOUR_GROUPS:
        of_kind = Q(kind=kind)
        for result in CaseResult.values:
            aggregates[f"appeals.{group}.{result}"] = Count(
                "pk", filter=of_kind & decided_by_year_end & Q(result=result)
            )
        aggregates[f"appeals.{group}.pending"] = Count("pk", filter=of_kind & ~decided_by_year_end)
        aggregates[f"appeals.{group}.total"] = Count("pk", filter=of_kind)
    aggregates["appeals.complaints"] = Count("pk", filter=Q(kind=CaseKind.COMPLAINT))
    # SQL aliases stay plain; the dotted keys are mapped back after the single query.
    aliases = {f"n{index}": key for index, key in enumerate(aggregates)}
    counted = AppealCase.objects.filter(
        organisation_id__in=organisation_ids, filed_on__year=year
    ).aggregate(**{alias: aggregates[key] for alias, key in aliases.items()})
    return {key: int(counted[alias] or 0) for alias, key in aliases.items()}


def table_four_row(statistics: dict[str, int]) -> list[int]:
    """The 15 numbers of table 四, in the official column order."""
    return [statistics[key] for key in TABLE_FOUR_KEYS]
