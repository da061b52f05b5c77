"""索引号: unique, permanent identifiers of catalogue items.

The national guide (目录系统实施指引) prescribes ``<机构代码>/<YYYY>-<NNNNN>`` with numbers
generated from the publication date; provinces and ministries use variations. Each
organisation picks a scheme (``Organisation.index_scheme``); a scheme is one function
registered with :func:`register_scheme`.

Serial numbers come from ``IndexNumberSequence`` rows taken with ``SELECT ... FOR UPDATE``,
so two publishers never receive the same number (SQLite serialises writers because the
settings open every transaction with ``BEGIN IMMEDIATE``). Numbers already present on an
item (e.g. imported from an earlier system) are skipped rather than reused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from gongkai.catalogue.models import IndexNumberSequence, InformationItem
from gongkai.core.exceptions import ApplicationError
from gongkai.organisations.models import Organisation

# (organisation code, date the number is taken on, serial number) -> 索引号
Renderer = Callable[[str, dt.date, int], str]


@dataclass(frozen=True)
class IndexScheme:
    name: str
    # strftime pattern of the period whose serial numbers restart at 1 ("%Y" = yearly).
    period_format: str
    render: Renderer


_SCHEMES: dict[str, IndexScheme] = {}


def register_scheme(name: str, *, period_format: str = "%Y") -> Callable[[Renderer], Renderer]:
    """Register ``render`` as scheme ``name`` (a value of Organisation.index_scheme)."""

    def decorator(render: Renderer) -> Renderer:
        _SCHEMES[name] = IndexScheme(name=name, period_format=period_format, render=render)
        return render

    return decorator


def get_scheme(name: str) -> IndexScheme:
    try:
        return _SCHEMES[name]
    except KeyError:
        raise ApplicationError(
            f"未知的索引号规则“{name}”，请在机构设置中选择索引号规则。"
        ) from None


def scheme_names() -> list[str]:
    return sorted(_SCHEMES)


@register_scheme(Organisation.IndexScheme.NATIONAL, period_format="%Y")
def national(code: str, on: dt.date, serial: int) -> str:
    # 000014349/2024-00037
    return f"{code}/{on:%Y}-{serial:05d}"


@register_scheme(Organisation.IndexScheme.YEAR_MONTH, period_format="%Y%m")
def year_month(code: str, on: dt.date, serial: int) -> str:
    # 11341702486344515H/202110-00013
    return f"{code}/{on:%Y%m}-{serial:05d}"


@register_scheme(Organisation.IndexScheme.HYPHENATED, period_format="%Y")
def hyphenated(code: str, on: dt.date, serial: int) -> str:
    # 01527918X-2020-15307
    return f"{code}-{on:%Y}-{serial:05d}"


def allocate(*, organisation: Organisation, on: dt.date, count: int = 1) -> list[str]:
    """Take ``count`` fresh 索引号 for ``organisation``, numbered in the period of ``on``.

    Runs in (or opens) a transaction and keeps the sequence row locked until it commits,
    so concurrent publishers queue up instead of sharing a number.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    scheme = get_scheme(organisation.index_scheme)
    period = on.strftime(scheme.period_format)
    with transaction.atomic():
        # get_or_create's lookup uses the locking queryset; a concurrent first insert makes
        # one side fail the unique constraint and re-read the row under the lock.
        sequence, _created = IndexNumberSequence.objects.select_for_update().get_or_create(
            organisation=organisation, period=period
        )
        numbers: list[str] = []
        serial = sequence.last_number
        while len(numbers) < count:
            serial += 1
            candidate = scheme.render(organisation.code, on, serial)
            if not InformationItem.objects.filter(index_number=candidate).exists():
                numbers.append(candidate)
        sequence.last_number = serial
        sequence.save(update_fields=["last_number"])
    return numbers
