"""投诉建议: complaints, suggestions and praise from the public, routed, answered and rated."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel

DEFAULT_ANSWER_WORKING_DAYS = 15


class ComplaintSettings(models.Model):
    """Per-organisation rules of the complaint channel (data, not code)."""

    organisation = models.OneToOneField(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.CASCADE,
        related_name="complaint_settings",
    )
    answer_working_days = models.PositiveSmallIntegerField(
        _("答复期限（工作日）"), default=DEFAULT_ANSWER_WORKING_DAYS
    )

    class Meta:
        verbose_name = _("投诉建议设置")
        verbose_name_plural = _("投诉建议设置")
        constraints = [
            models.CheckConstraint(
                condition=Q(answer_working_days__gte=1) & Q(answer_working_days__lte=60),
                name="complaint_answer_days_1_60",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}：{self.answer_working_days}个工作日"


class Complaint(TimeStampedModel):
    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("投诉")
        SUGGESTION = "suggestion", _("建议")
        PRAISE = "praise", _("表扬")

    class Channel(models.TextChoices):
        ONLINE = "online", _("网上投诉建议栏目")
        PHONE = "phone", _("电话")
        LETTER = "letter", _("信函")
        IN_PERSON = "in_person", _("来访")
        EMAIL = "email", _("电子邮件")

    class Status(models.TextChoices):
        RECEIVED = "received", _("已受理")
        ROUTED = "routed", _("已转办")
        ANSWERED = "answered", _("已答复")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("受理机关"),
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    department = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("责任部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="routed_complaints",
    )
    tracking_number = models.CharField(_("受理编号"), max_length=50, unique=True)
    # Hash of the code shown once on the receipt; only the complainant knows it.
    access_code_hash = models.CharField(_("查询码摘要"), max_length=128, editable=False)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices, db_index=True)
    channel = models.CharField(_("渠道"), max_length=20, choices=Channel.choices)
    subject = models.CharField(_("主题"), max_length=200)
    content = models.TextField(_("内容"))
    contact_name = models.CharField(_("联系人"), max_length=100, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    contact_email = models.EmailField(_("电子邮箱"), blank=True)
    received_on = models.DateField(_("受理日期"), db_index=True)
    due_on = models.DateField(_("答复期限"), db_index=True)
    # The period in force when the complaint was received (the setting applies to new ones):
    # what due_on is recomputed from when a year's holiday schedule is entered or corrected.
    answer_working_days = models.PositiveSmallIntegerField(
        _("答复期限（工作日）"), null=True, blank=True, editable=False
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    reply = models.TextField(_("答复内容"), blank=True)
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    satisfaction = models.PositiveSmallIntegerField(_("满意度"), null=True, blank=True)
    satisfaction_comment = models.CharField(_("评价意见"), max_length=500, blank=True)
    rated_at = models.DateTimeField(_("评价时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("投诉建议")
        verbose_name_plural = _("投诉建议")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["organisation", "received_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True)
                | (Q(satisfaction__gte=1) & Q(satisfaction__lte=5)),
                name="complaint_satisfaction_1_5",
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("received_on")), name="complaint_due_after_receipt"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.subject}"

    @property
    def is_answered(self) -> bool:
        return self.status == self.Status.ANSWERED


class ComplaintNumberSequence(models.Model):
    """Last serial used per organisation and year; locked while a number is taken (gap-free)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="unique_complaint_number_sequence"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last_number}"
