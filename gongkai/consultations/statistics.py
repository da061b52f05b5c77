"""Yearly figures of the consultation register for the annual report (咨询情况).

Records and tallies add up alike: a tally of 57 phone calls counts as 57 phone consultations.
A record counts in the year of its `occurred_at` (local time), a tally in the year of its date.
Everything is aggregated in the database.
"""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from gongkai.consultations.models import Channel, Consultation, ConsultationTally

CHANNEL_KEYS: dict[str, str] = {
    Channel.PHONE: "consultations.phone",
    Channel.ON_SITE: "consultations.on_site",
    Channel.ONLINE_MESSAGE: "consultations.online",
    Channel.LETTER: "consultations.letter",
    Channel.EMAIL: "consultations.email",
}
NO_TOPIC = "consultations.by_topic.none"


def year_statistics(*, organisation_ids: list[int], year: int) -> dict[str, int]:
    """Consultations of `organisation_ids` (exactly those; the caller includes sub-units) in
    calendar year `year`.

    Keys:
    - "consultations.total": every consultation, all channels;
    - "consultations.phone" (咨询电话接听数), "consultations.on_site" (现场咨询),
      "consultations.online" (网上留言), "consultations.letter", "consultations.email";
    - "consultations.referred": individual records referred to another body (tallies carry
      no referral).
    """
    records = Consultation.objects.filter(
        organisation_id__in=organisation_ids, occurred_at__year=year
    )
    tallies = ConsultationTally.objects.filter(
        organisation_id__in=organisation_ids, date__year=year
    )
    # One COUNT(*) per channel is a range read of the (organisation, channel, occurred_at)
    # index; a single GROUP BY over the year costs several times more on a million records.
    record_counts: dict[str, int] = {
        key: records.filter(channel=channel).count() for channel, key in CHANNEL_KEYS.items()
    }
    record_counts["referred"] = records.filter(referred=True).count()
    tally_counts = tallies.aggregate(
        **{key: Sum("count", filter=Q(channel=channel)) for channel, key in CHANNEL_KEYS.items()}
    )
    figures = {
        key: (record_counts[key] or 0) + (tally_counts[key] or 0) for key in CHANNEL_KEYS.values()
    }
    figures["consultations.total"] = sum(figures.values())
    figures["consultations.referred"] = record_counts["referred"] or 0
    return figures


def year_statistics_by_topic(*, organisation_ids: list[int], year: int) -> dict[str, int]:
    """Consultations per topic name in `year`: keys "consultations.by_topic.<topic name>",
    and NO_TOPIC for those without a topic. The values add up to "consultations.total"."""
    figures: dict[str, int] = {}
    records = (
        Consultation.objects.filter(organisation_id__in=organisation_ids, occurred_at__year=year)
        .values("topic__name")
        .annotate(n=Count("id"))
    )
    tallies = (
        ConsultationTally.objects.filter(organisation_id__in=organisation_ids, date__year=year)
        .values("topic__name")
        .annotate(n=Sum("count"))
    )
    for row in [*records, *tallies]:
        name = row["topic__name"]
        key = f"consultations.by_topic.{name}" if name else NO_TOPIC
        figures[key] = figures.get(key, 0) + (row["n"] or 0)
    return figures
