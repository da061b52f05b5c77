"""Year figures of the reading room, for the annual report. Aggregated in the database.

Keys of `year_statistics` (all ints; records of the given organisations only):

- reading_room.visiting_groups: visiting groups received in the year (批次);
- reading_room.visiting_group_people: people in those groups (人次);
- reading_room.visitors: individuals who browsed, the sum of the year's visitor tallies (人次);
- reading_room.loans: periodical loans made in the year (lent_on in the year; 册次);
- reading_room.loan_readers: distinct readers (借阅证号) of those loans (名);
- reading_room.documents: current documents held at the end of the year (issued by 31 December);
- reading_room.external_databases: external databases linked by 31 December;
- reading_room.external_database_departments: distinct departments providing them;
- reading_room.terminals: terminals in place on 31 December (installed by then, not retired).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, Sum

from gongkai.reading_room.models import (
    CurrentDocument,
    ExternalDatabase,
    PeriodicalLoan,
    Terminal,
    VisitingGroup,
    VisitorTally,
)


def year_statistics(*, organisation_ids: list[int], year: int) -> dict[str, int]:
    year_end = dt.date(year, 12, 31)
    groups = VisitingGroup.objects.filter(
        organisation_id__in=organisation_ids, visited_on__year=year
    ).aggregate(groups=Count("id"), people=Sum("people"))
    visitors = VisitorTally.objects.filter(
        organisation_id__in=organisation_ids, date__year=year
    ).aggregate(total=Sum("count"))
    loans = PeriodicalLoan.objects.filter(
        organisation_id__in=organisation_ids, lent_on__year=year
    ).aggregate(loans=Count("id"), readers=Count("reader_card_number", distinct=True))
    documents = CurrentDocument.objects.filter(
        organisation_id__in=organisation_ids, issued_on__lte=year_end
    ).count()
    databases = ExternalDatabase.objects.filter(
        organisation_id__in=organisation_ids, linked_on__lte=year_end
    ).aggregate(databases=Count("id"), departments=Count("department", distinct=True))
    terminals = Terminal.objects.filter(
        Q(retired_on__isnull=True) | Q(retired_on__gt=year_end),
        organisation_id__in=organisation_ids,
        installed_on__lte=year_end,
    ).count()
    return {
        "reading_room.visiting_groups": groups["groups"] or 0,
        "reading_room.visiting_group_people": groups["people"] or 0,
        "reading_room.visitors": visitors["total"] or 0,
        "reading_room.loans": loans["loans"] or 0,
        "reading_room.loan_readers": loans["readers"] or 0,
        "reading_room.documents": documents,
        "reading_room.external_databases": databases["databases"] or 0,
        "reading_room.external_database_departments": databases["departments"] or 0,
        "reading_room.terminals": terminals,
    }
