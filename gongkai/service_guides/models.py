"""办事指南: service items, their versioned guides (each version is one revision) and print runs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel


class ServiceItem(TimeStampedModel):
    """One administrative service (事项) handled in the centre by a stationed department."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="service_items",
    )
    department = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("办理部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_service_items",
    )
    department_name = models.CharField(_("办理部门名称"), max_length=200, blank=True)
    code = models.CharField(_("事项编码"), max_length=50)
    name = models.CharField(_("事项名称"), max_length=200)

    class Meta:
        verbose_name = _("服务事项")
        verbose_name_plural = _("服务事项")
        ordering = ["code", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="unique_service_item_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def department_label(self) -> str:
        return self.department.name if self.department else self.department_name


GUIDE_TEXT_FIELDS = (
    "basis",
    "conditions",
    "materials",
    "process",
    "time_limit",
    "fees",
    "place",
    "contact",
)


class ServiceGuide(models.Model):
    """One version of a service item's guide. Versions are never edited: a change is a new one."""

    service_item = models.ForeignKey(
        ServiceItem, verbose_name=_("服务事项"), on_delete=models.CASCADE, related_name="guides"
    )
    version = models.PositiveIntegerField(_("版本号"))
    basis = models.TextField(_("设定依据"))
    conditions = models.TextField(_("办理条件"))
    materials = models.TextField(_("申请材料"))
    process = models.TextField(_("办理流程"))
    time_limit = models.CharField(_("办理时限"), max_length=200)
    fees = models.CharField(_("收费标准"), max_length=300)
    place = models.CharField(_("办理地点"), max_length=300)
    contact = models.CharField(_("咨询电话"), max_length=200)
    change_note = models.CharField(_("修订说明"), max_length=500, blank=True)
    revised_on = models.DateField(_("修订日期"), db_index=True)
    published = models.BooleanField(_("已发布"), default=False)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("修订人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("办事指南版本")
        verbose_name_plural = _("办事指南版本")
        ordering = ["service_item", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_item", "version"], name="unique_service_guide_version"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="service_guide_version_gte_1"),
        ]

    def __str__(self) -> str:
        return f"{self.service_item.name} 第{self.version}版"


class GuidePrintRun(TimeStampedModel):
    """One print batch: guides (items × copies) or 便民服务卡."""

    class Kind(models.TextChoices):
        GUIDE = "guide", _("办事指南")
        SERVICE_CARD = "service_card", _("便民服务卡")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="guide_print_runs",
    )
    kind = models.CharField(_("印制品"), max_length=20, choices=Kind.choices, default=Kind.GUIDE)
    printed_on = models.DateField(_("印制日期"), db_index=True)
    batch_number = models.CharField(_("批次号"), max_length=50)
    items_count = models.PositiveIntegerField(_("事项数"), default=0)
    copies = models.PositiveIntegerField(_("印数（份）"))
    note = models.CharField(_("备注"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("印制批次")
        verbose_name_plural = _("印制批次")
        ordering = ["-printed_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "batch_number"], name="unique_guide_print_batch"
            ),
            models.CheckConstraint(condition=Q(copies__gte=1), name="guide_print_copies_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.batch_number}"
