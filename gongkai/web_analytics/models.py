"""Aggregate page views of the portal: one counter per day and page, nothing about visitors."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PageViewDaily(models.Model):
    """Views of one portal page (its URL name, e.g. "portal:item_detail") on one day.

    `organisation` is set for pages that belong to one organisation (its column on the
    portal), so a body's own page views can be counted for its annual report.
    """

    date = models.DateField(_("日期"))
    path = models.CharField(_("页面"), max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    views = models.PositiveIntegerField(_("访问量"), default=0)

    class Meta:
        verbose_name = _("页面日访问量")
        verbose_name_plural = _("页面日访问量")
        ordering = ["-date", "path"]
        constraints = [
            # NULL never equals NULL in a unique index, so site-wide rows need their own rule.
            models.UniqueConstraint(
                fields=["date", "path", "organisation"],
                condition=Q(organisation__isnull=False),
                name="web_analytics_daily_unique_org",
            ),
            models.UniqueConstraint(
                fields=["date", "path"],
                condition=Q(organisation__isnull=True),
                name="web_analytics_daily_unique_site",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.path} {self.views}"
