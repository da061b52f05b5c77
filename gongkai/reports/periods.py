"""Year boundaries of the annual report, defined once (issue 5 §2).

A report covers calendar year Y, 1 January to 31 December inclusive, in local dates.

Applications (依申请公开), by their date of receipt (`received_on`, 第三十一条) and the date
they were closed (`closed_on`):

* newly received in Y (本年新收): received_on within Y;
* carried over from last year (上年结转): received before 1 January Y and not closed before
  1 January Y (still open then, or closed on or after that day);
* handled in Y (本年度办理结果): closed within Y;
* carried forward (结转下年度继续办理): received by 31 December Y and not closed by then.

So, per applicant column, new(Y) + carried_over(Y) = handled(Y) + carried_forward(Y), and
carried_forward(Y) is carried_over(Y + 1) by definition: both are "received on or before
31 December Y and not closed on or before 31 December Y". A check compares the two anyway,
because last year's figure may come from a published (frozen) report or an import.

Catalogue items count in the year of their first publication (`published_at`, local time).
Review and litigation cases and the registers of the service centre count by the rule of
their own app's `statistics.year_statistics` (filing date; pending = undecided on 31 December).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class ReportPeriod:
    year: int

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    @property
    def previous(self) -> ReportPeriod:
        return ReportPeriod(self.year - 1)

    def received_in(self) -> Q:
        return Q(received_on__gte=self.first_day, received_on__lte=self.last_day)

    def carried_over(self) -> Q:
        return Q(received_on__lt=self.first_day) & (
            Q(closed_on__isnull=True) | Q(closed_on__gte=self.first_day)
        )

    def closed_in(self) -> Q:
        return Q(closed_on__gte=self.first_day, closed_on__lte=self.last_day)

    def carried_forward(self) -> Q:
        return Q(received_on__lte=self.last_day) & (
            Q(closed_on__isnull=True) | Q(closed_on__gt=self.last_day)
        )


def regulation_for_year(year: int) -> str:
    """The Regulation a year's report answers to: the 2019 revision took effect 15 May 2019 and
    governs the reports on 2019 onwards; earlier years report under the 2007 Regulation."""
    return "2019" if year >= 2019 else "2007"


def default_format_for_year(year: int) -> str:
    if year >= 2021:
        return "national-2021"
    if year >= 2019:
        return "national-2019"
    return "legacy-2008"
