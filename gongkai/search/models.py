"""The PostgreSQL backend's index rows; the embedded backend keeps its index on disk instead."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """One published item, its text as encoded bigram tokens plus the columns filters need.

    On PostgreSQL a generated tsvector column (weights: title A, the rest D) with a GIN index
    is added by migration 0001; the columns below are the portable part.
    """

    item = models.OneToOneField(
        "catalogue.InformationItem",
        verbose_name=_("政府信息"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    title_tokens = models.TextField(_("名称词元"))
    body_tokens = models.TextField(_("正文词元"))
    organisation_id = models.BigIntegerField(_("机构"), db_index=True)
    category_id = models.BigIntegerField(_("目录分类"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("年份"), null=True, blank=True)
    article20_item = models.PositiveSmallIntegerField(_("第二十条事项"), null=True, blank=True)
    validity = models.CharField(_("有效性"), max_length=20, blank=True)
    published_at = models.DateTimeField(_("发布日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("检索文档")
        verbose_name_plural = _("检索文档")

    def __str__(self) -> str:
        return str(self.item_id)
