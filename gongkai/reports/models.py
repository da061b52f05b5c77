"""Annual reports (年度报告, 第五十条; 2007 Regulation 第三十二条) and earlier years' figures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel


class AnnualReport(TimeStampedModel):
    """One version of a body's report on one year in one format.

    Narrative text keeps {placeholders} bound to statistics; figures the system does not hold
    are entered with their source. Publishing freezes `snapshot` (every cell and the rendered
    text), so later changes to the records do not alter a published report. A correction is a
    new version (`parent` = the corrected one) with a change note; both are kept.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        IN_REVIEW = "in_review", _("待审核")
        APPROVED = "approved", _("已审核")
        PUBLISHED = "published", _("已发布")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField(_("报告年度"))
    format_code = models.CharField(_("报告格式"), max_length=50)
    # A government's report may include the roll-up of its departments.
    roll_up = models.BooleanField(_("包含下属部门"), default=False)
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    version = models.PositiveSmallIntegerField(_("版本"), default=1)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("更正的版本"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    change_note = models.TextField(_("更正说明"), blank=True)
    # {section code: text with {placeholders}}
    narrative = models.JSONField(_("正文"), default=dict, blank=True)
    # {key: {"value": "12", "source": "…"}}
    entered_figures = models.JSONField(_("填报数据"), default=dict, blank=True)
    snapshot = models.JSONField(_("发布快照"), null=True, blank=True)
    acknowledged_warnings = models.JSONField(_("已确认的提示"), default=list, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_item = models.ForeignKey(
        "catalogue.InformationItem",
        verbose_name=_("发布的政府信息"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")
        ordering = ["-year", "organisation", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "format_code", "version"],
                name="unique_annual_report_version",
            )
        ]
        indexes = [models.Index(fields=["organisation", "year", "status"])]

    def __str__(self) -> str:
        suffix = f"（第{self.version}版）" if self.version > 1 else ""
        return f"{self.organisation}{self.year}年政府信息公开工作年度报告{suffix}"


class HistoricalStatistic(models.Model):
    """A figure of an earlier year, imported from a published report (e.g. by the auditor's
    `report audit --import`), so a body that starts using gongkai has its history."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.CASCADE,
        related_name="historical_statistics",
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    key = models.CharField(_("指标"), max_length=120)
    value = models.DecimalField(_("数值"), max_digits=16, decimal_places=2)
    # "10万多", "800余": the published figure is approximate.
    approximate = models.BooleanField(_("约数"), default=False)
    source = models.CharField(_("来源"), max_length=300, blank=True)
    imported_at = models.DateTimeField(_("导入时间"), auto_now=True)

    class Meta:
        verbose_name = _("历史统计数据")
        verbose_name_plural = _("历史统计数据")
        ordering = ["organisation", "year", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "key"], name="unique_historical_statistic"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year} {self.key}={self.value}"
