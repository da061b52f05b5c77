"""Yearly figures of 办事指南 for the annual report, aggregated in the database."""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from gongkai.service_guides.models import GuidePrintRun, ServiceGuide


def year_statistics(*, organisation_ids: list[int], year: int) -> dict[str, int]:
    """Keys:
    - "guides.revisions": guide versions recorded (revised_on) in the year — every version,
      the first included, is one revision (修改调整) of a guide;
    - "guides.print_batches": print runs of guides (kind "guide") printed in the year;
    - "guides.print_items": sum of their items (项);
    - "guides.print_copies": sum of their copies (份);
    - "guides.service_cards": copies of 便民服务卡 printed in the year.
    """
    revisions = ServiceGuide.objects.filter(
        service_item__organisation_id__in=organisation_ids, revised_on__year=year
    ).count()
    guide = Q(kind=GuidePrintRun.Kind.GUIDE)
    runs = GuidePrintRun.objects.filter(
        organisation_id__in=organisation_ids, printed_on__year=year
    ).aggregate(
        batches=Count("id", filter=guide),
        guide_items=Sum("items_count", filter=guide),
        guide_copies=Sum("copies", filter=guide),
        card_copies=Sum("copies", filter=Q(kind=GuidePrintRun.Kind.SERVICE_CARD)),
    )
    return {
        "guides.revisions": revisions,
        "guides.print_batches": int(runs["batches"] or 0),
        "guides.print_items": int(runs["guide_items"] or 0),
        "guides.print_copies": int(runs["guide_copies"] or 0),
        "guides.service_cards": int(runs["card_copies"] or 0),
    }
