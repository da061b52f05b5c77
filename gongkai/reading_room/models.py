"""政务资讯大厅: the current-documents library, the external databases directory, and the
registers of visiting groups, individual visitors, periodical loans and self-service terminals."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel

# The library holds documents "since 1996" (the seed report's 现行文件查询区).
LIBRARY_START = dt.date(1996, 1, 1)


def validate_library_date(value: dt.date) -> None:
    if value < LIBRARY_START:
        raise ValidationError(_("现行文件的成文日期不能早于1996年1月1日。"))


class CurrentDocument(TimeStampedModel):
    """One document of the 现行文件 library, issued by any body (not necessarily the holder)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("收藏机构"),
        on_delete=models.PROTECT,
        related_name="current_documents",
    )
    issuing_body = models.CharField(_("发文机关"), max_length=200)
    document_number = models.CharField(_("文号"), max_length=100, blank=True)
    title = models.CharField(_("标题"), max_length=500)
    issued_on = models.DateField(_("成文日期"), validators=[validate_library_date])
    body_text = models.TextField(_("正文"), blank=True)
    attachment = models.FileField(_("附件"), upload_to="library/%Y/", blank=True)
    attachment_name = models.CharField(_("附件原文件名"), max_length=255, blank=True)
    # Normalised text of all searchable fields (gongkai.search.tokenize.join_fields), matched by
    # substring exactly like the catalogue's search.
    search_text = models.TextField(_("检索文本"), blank=True, editable=False)

    class Meta:
        verbose_name = _("现行文件")
        verbose_name_plural = _("现行文件")
        ordering = ["-issued_on", "-id"]
        indexes = [models.Index(fields=["organisation", "issued_on"])]

    def __str__(self) -> str:
        return self.title


class ExternalDatabase(TimeStampedModel):
    """A department's public database linked from the reading room, with its last check."""

    class Status(models.TextChoices):
        UNKNOWN = "unknown", _("未检查")
        AVAILABLE = "available", _("可访问")
        UNAVAILABLE = "unavailable", _("无法访问")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("链接机构"),
        on_delete=models.PROTECT,
        related_name="external_databases",
    )
    department = models.CharField(_("提供部门"), max_length=200)
    name = models.CharField(_("数据库名称"), max_length=200)
    url = models.URLField(_("网址"), max_length=500)
    description = models.TextField(_("简介"), blank=True)
    linked_on = models.DateField(_("链接日期"))
    last_checked_at = models.DateTimeField(_("最近检查时间"), null=True, blank=True)
    last_status = models.CharField(
        _("最近检查结果"), max_length=20, choices=Status.choices, default=Status.UNKNOWN
    )
    last_status_code = models.PositiveSmallIntegerField(_("HTTP状态码"), null=True, blank=True)
    last_error = models.CharField(_("错误信息"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("外部数据库")
        verbose_name_plural = _("外部数据库")
        ordering = ["department", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "url"], name="reading_room_database_unique_url"
            )
        ]

    def __str__(self) -> str:
        return f"{self.department}：{self.name}"


class VisitingGroup(TimeStampedModel):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("接待机构"),
        on_delete=models.PROTECT,
        related_name="visiting_groups",
    )
    visited_on = models.DateField(_("参观日期"))
    group_name = models.CharField(_("参观团体"), max_length=200)
    people = models.PositiveIntegerField(_("人数"), validators=[MinValueValidator(1)])
    note = models.TextField(_("备注"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("参观团体")
        verbose_name_plural = _("参观团体")
        ordering = ["-visited_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(people__gt=0), name="reading_room_group_people_gt_0")
        ]

    def __str__(self) -> str:
        return f"{self.visited_on} {self.group_name}"


class VisitorTally(TimeStampedModel):
    """Individuals who browsed the reading room on a day (counted at the door, not named)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="visitor_tallies",
    )
    date = models.DateField(_("日期"))
    count = models.PositiveIntegerField(_("人次"), validators=[MinValueValidator(1)])
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("浏览人次")
        verbose_name_plural = _("浏览人次")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(count__gt=0), name="reading_room_visitors_gt_0")
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.count}"


class Periodical(TimeStampedModel):
    """One lendable copy: a title's issue (报刊 are lent issue by issue)."""

    class Kind(models.TextChoices):
        NEWSPAPER = "newspaper", _("报纸")
        MAGAZINE = "magazine", _("期刊")
        FOREIGN = "foreign", _("外文报刊")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="periodicals",
    )
    title = models.CharField(_("刊名"), max_length=200)
    kind = models.CharField(_("类别"), max_length=20, choices=Kind.choices)
    issue = models.CharField(_("期号"), max_length=50, blank=True)
    call_number = models.CharField(_("登记号"), max_length=50)

    class Meta:
        verbose_name = _("报刊")
        verbose_name_plural = _("报刊")
        ordering = ["title", "issue"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "call_number"], name="reading_room_periodical_call_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.issue}".strip()


class PeriodicalLoan(TimeStampedModel):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="periodical_loans",
    )
    periodical = models.ForeignKey(
        Periodical, verbose_name=_("报刊"), on_delete=models.PROTECT, related_name="loans"
    )
    reader_name = models.CharField(_("读者姓名"), max_length=100)
    reader_card_number = models.CharField(_("借阅证号"), max_length=50)
    lent_on = models.DateField(_("借出日期"))
    due_on = models.DateField(_("应还日期"))
    returned_on = models.DateField(_("归还日期"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("借阅记录")
        verbose_name_plural = _("借阅记录")
        ordering = ["-lent_on", "-id"]
        constraints = [
            # The database's own guard behind the service's check: one open loan per copy.
            models.UniqueConstraint(
                fields=["periodical"],
                condition=Q(returned_on__isnull=True),
                name="reading_room_one_open_loan_per_periodical",
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("lent_on")), name="reading_room_loan_due_after"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "lent_on"])]

    def __str__(self) -> str:
        return f"{self.periodical} → {self.reader_name}"

    @property
    def is_open(self) -> bool:
        return self.returned_on is None


class Terminal(TimeStampedModel):
    """A self-service query terminal (自助查询电脑终端) in the reading room."""

    class Status(models.TextChoices):
        IN_SERVICE = "in_service", _("正常")
        OUT_OF_SERVICE = "out_of_service", _("故障停用")
        RETIRED = "retired", _("已撤除")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="terminals",
    )
    name = models.CharField(_("终端编号"), max_length=50)
    location = models.CharField(_("位置"), max_length=200)
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.IN_SERVICE
    )
    installed_on = models.DateField(_("启用日期"))
    retired_on = models.DateField(_("撤除日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    class Meta:
        verbose_name = _("自助终端")
        verbose_name_plural = _("自助终端")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="reading_room_terminal_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name
