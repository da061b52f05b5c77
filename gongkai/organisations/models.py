"""The organisation tree and the roles people hold in it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel
from gongkai.core.validators import validate_organisation_identifier


class Organisation(TimeStampedModel):
    """A government, a department, or an internal office (处室). Each keeps its own records."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("人民政府")
        DEPARTMENT = "department", _("政府部门")
        OFFICE = "office", _("内设机构")
        OTHER = "other", _("其他")

    class IndexScheme(models.TextChoices):
        # <机构代码>/<YYYY>-<NNNNN>, the national catalogue guide's pattern.
        NATIONAL = "national", _("机构代码/年份-流水号（全国目录指引）")
        YEAR_MONTH = "year_month", _("机构代码/年月-流水号")
        HYPHENATED = "hyphenated", _("机构代码-年份-流水号")

    name = models.CharField(_("名称"), max_length=200, unique=True)
    short_name = models.CharField(_("简称"), max_length=60, blank=True)
    code = models.CharField(
        _("机构代码"),
        max_length=18,
        unique=True,
        validators=[validate_organisation_identifier],
        help_text=_("9位组织机构代码或18位统一社会信用代码"),
    )
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级机构"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path "/1/5/9/" so subtree scoping is one indexed prefix query.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    description = models.TextField(_("机构职能"), blank=True)
    # Contact block of the 政府信息公开指南 (第十二条).
    disclosure_office = models.CharField(_("政府信息公开工作机构"), max_length=200, blank=True)
    address = models.CharField(_("办公地址"), max_length=300, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=10, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=100, blank=True)
    fax = models.CharField(_("传真号码"), max_length=100, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    website = models.URLField(_("网站"), blank=True)
    index_scheme = models.CharField(
        _("索引号规则"), max_length=20, choices=IndexScheme.choices, default=IndexScheme.NATIONAL
    )
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("机构")
        verbose_name_plural = _("机构")
        ordering = ["path", "sort_order", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def depth(self) -> int:
        return max(self.path.count("/") - 2, 0)


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("公开办工作人员")
    HANDLER = "handler", _("承办人")
    APPROVER = "approver", _("负责人")
    PUBLISHER = "publisher", _("发布员")
    AUDITOR = "auditor", _("审计（只读）")
    ORG_ADMIN = "org_admin", _("机构管理员")


class Membership(TimeStampedModel):
    """A role held by a user in an organisation; it reaches the organisation's sub-tree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("机构"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("岗位")
        verbose_name_plural = _("岗位")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"
