"""The consultation register (咨询): individual records, daily tallies, topics and the FAQ.

A tally ("phone: 57 calls on 2009-06-03, topic X") stands for `count` consultations that were
not typed one by one; the statistics add tallies and records alike, so both count the same.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel


class Channel(models.TextChoices):
    PHONE = "phone", _("电话咨询")
    ON_SITE = "on_site", _("现场咨询")
    ONLINE_MESSAGE = "online_message", _("网上留言")
    LETTER = "letter", _("信函咨询")
    EMAIL = "email", _("电子邮件")


class ConsultationTopic(TimeStampedModel):
    """One entry of an organisation's own taxonomy of consultation topics (data, not code)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="consultation_topics",
    )
    name = models.CharField(_("名称"), max_length=100)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("咨询主题")
        verbose_name_plural = _("咨询主题")
        ordering = ["organisation_id", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="unique_consultation_topic_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Consultation(TimeStampedModel):
    """One consultation: taken by staff at the counter or phone, or left on the portal."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    department = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("承办部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="department_consultations",
    )
    channel = models.CharField(_("咨询方式"), max_length=20, choices=Channel.choices)
    occurred_at = models.DateTimeField(_("咨询时间"), db_index=True)
    topic = models.ForeignKey(
        ConsultationTopic,
        verbose_name=_("咨询主题"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    question = models.TextField(_("咨询问题"))
    answer = models.TextField(_("答复"), blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    duration_minutes = models.PositiveIntegerField(_("时长（分钟）"), null=True, blank=True)
    referred = models.BooleanField(_("已转办"), default=False)
    referred_to = models.CharField(_("转办单位"), max_length=200, blank=True)
    converted_request = models.ForeignKey(
        "disclosure_requests.DisclosureRequest",
        verbose_name=_("已转为申请"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # 留言咨询 from the portal: the asker's own words; contact is personal data (masked on show).
    asker_name = models.CharField(_("留言人"), max_length=100, blank=True)
    asker_contact = models.CharField(_("联系方式"), max_length=200, blank=True)
    allow_publish = models.BooleanField(_("同意公开答复"), default=False)

    class Meta:
        verbose_name = _("咨询记录")
        verbose_name_plural = _("咨询记录")
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "channel", "occurred_at"]),
            # The yearly count of referred records (annual report) reads only the referred few.
            models.Index(
                fields=["organisation", "occurred_at"],
                condition=models.Q(referred=True),
                name="consultation_referred_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(referred=True) | models.Q(referred_to=""),
                name="consultation_referred_to_only_when_referred",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.question[:40]}"

    @property
    def is_answered(self) -> bool:
        return bool(self.answer.strip())

    @property
    def is_public(self) -> bool:
        return self.channel == Channel.ONLINE_MESSAGE and self.allow_publish and self.is_answered


class ConsultationTally(TimeStampedModel):
    """`count` consultations of one channel (and topic) on one day, entered as a number."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="consultation_tallies",
    )
    date = models.DateField(_("日期"), db_index=True)
    channel = models.CharField(_("咨询方式"), max_length=20, choices=Channel.choices)
    topic = models.ForeignKey(
        ConsultationTopic,
        verbose_name=_("咨询主题"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tallies",
    )
    count = models.PositiveIntegerField(_("人次"))
    note = models.CharField(_("备注"), max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("咨询日统计")
        verbose_name_plural = _("咨询日统计")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organisation", "channel", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(count__gt=0), name="consultation_tally_count_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_channel_display()} {self.count}"


class FaqEntry(TimeStampedModel):
    """常见问题及疑难问题解答: curated by staff, often from an answered consultation."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="faq_entries",
    )
    topic = models.ForeignKey(
        ConsultationTopic,
        verbose_name=_("咨询主题"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="faq_entries",
    )
    question = models.CharField(_("问题"), max_length=500)
    answer = models.TextField(_("解答"))
    published = models.BooleanField(_("已发布"), default=False)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    source_consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("来源咨询"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="faq_entries",
    )
    # Question and answer normalised like the catalogue's index (gongkai.search.tokenize), so a
    # query term matches exactly where it occurs as a substring, full-width or not.
    search_text = models.TextField(_("检索文本"), blank=True, editable=False)

    class Meta:
        verbose_name = _("常见问题")
        verbose_name_plural = _("常见问题")
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.question[:80]
