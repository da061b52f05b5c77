"""服务评价与服务保障: stationed departments rate the centre's staff; faults go to the desk."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel

SERVICE_HOTLINE = "38920001"
# The four dimensions of 《市政务办服务保障评价方法（试行）》.
SCORE_FIELDS = ("attitude", "quality", "efficiency", "conduct")


def _score_range(field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": 1}) & Q(**{f"{field}__lte": 5}),
        name=f"service_evaluation_{field}_1_5",
    )


class ServiceEvaluation(TimeStampedModel):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("被评价机构"),
        on_delete=models.PROTECT,
        related_name="service_evaluations",
    )
    evaluator_department = models.CharField(_("评价部门（进驻部门）"), max_length=200)
    period_start = models.DateField(_("评价期起"))
    period_end = models.DateField(_("评价期止"), db_index=True)
    evaluated_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("被评价人员"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    evaluated_team = models.CharField(_("被评价岗位/团队"), max_length=200, blank=True)
    attitude = models.PositiveSmallIntegerField(_("服务态度"))
    quality = models.PositiveSmallIntegerField(_("服务质量"))
    efficiency = models.PositiveSmallIntegerField(_("办事效率"))
    conduct = models.PositiveSmallIntegerField(_("工作作风"))
    comment = models.TextField(_("评价意见"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("服务评价")
        verbose_name_plural = _("服务评价")
        ordering = ["-period_end", "-id"]
        constraints = [
            *[_score_range(field) for field in SCORE_FIELDS],
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="service_evaluation_period_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.evaluator_department} {self.period_start:%Y-%m}"

    @property
    def average(self) -> float:
        return sum(getattr(self, field) for field in SCORE_FIELDS) / len(SCORE_FIELDS)


class FaultReport(TimeStampedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("待处理")
        IN_PROGRESS = "in_progress", _("处理中")
        RESOLVED = "resolved", _("已解决")

    class Channel(models.TextChoices):
        HOTLINE = "hotline", _("服务保障电话")
        ONLINE = "online", _("网上报修")
        IN_PERSON = "in_person", _("现场报修")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("受理机构"),
        on_delete=models.PROTECT,
        related_name="fault_reports",
    )
    reporting_department = models.CharField(_("申报部门（进驻部门）"), max_length=200)
    reporter_name = models.CharField(_("申报人"), max_length=100, blank=True)
    channel = models.CharField(
        _("申报渠道"), max_length=20, choices=Channel.choices, default=Channel.HOTLINE
    )
    reported_at = models.DateTimeField(_("申报时间"), db_index=True)
    description = models.TextField(_("故障描述"))
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    resolved_at = models.DateTimeField(_("解决时间"), null=True, blank=True)
    resolution = models.TextField(_("处理情况"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("处理人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("故障申报")
        verbose_name_plural = _("故障申报")
        ordering = ["-reported_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True) | Q(resolved_at__gte=models.F("reported_at")),
                name="fault_resolved_after_reported",
            ),
            models.CheckConstraint(
                condition=~Q(status="resolved") | Q(resolved_at__isnull=False),
                name="fault_resolved_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reporting_department} {self.reported_at:%Y-%m-%d %H:%M}"
