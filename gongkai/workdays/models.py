"""The working-day calendar: which days are holidays and which weekend days are worked."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarYear(models.Model):
    """A year whose holiday schedule is known. Dates in years without a row are refused."""

    class Source(models.TextChoices):
        PACKAGE = "package", _("chinesecalendar 数据包")
        NOTICE = "notice", _("国务院办公厅通知（人工录入）")

    year = models.PositiveIntegerField(_("年份"), unique=True)
    source = models.CharField(_("来源"), max_length=20, choices=Source.choices)
    notice = models.TextField(_("通知原文或说明"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("日历年度")
        verbose_name_plural = _("日历年度")
        ordering = ["year"]

    def __str__(self) -> str:
        return str(self.year)


class CalendarDay(models.Model):
    """An exception to the Monday–Friday rule: a weekday off, or a weekend day worked (调休上班)."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("节假日（休息）")
        MAKEUP_WORKDAY = "makeup_workday", _("调休上班")

    calendar_year = models.ForeignKey(
        CalendarYear, on_delete=models.CASCADE, related_name="days", verbose_name=_("年度")
    )
    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("节日"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("特殊日期")
        verbose_name_plural = _("特殊日期")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.name}"
