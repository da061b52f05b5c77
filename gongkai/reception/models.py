"""审批处长接访: monthly reception schedules per stationed department, public booking of slots,
and the record of each reception session (the annual report sums these records)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel
from gongkai.core.validators import validate_phone


class ReceptionSchedule(TimeStampedModel):
    """Who of a stationed department receives the public in a given month."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("服务中心"),
        on_delete=models.PROTECT,
        related_name="reception_schedules",
    )
    # Stationed departments are often not organisations of this installation: a name always,
    # the organisation when it is one.
    stationed_department = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("进驻部门（机构）"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    stationed_department_name = models.CharField(_("进驻部门"), max_length=200)
    month = models.DateField(_("月份"), help_text=_("该月第一天"))
    receiver_name = models.CharField(_("接访人"), max_length=100)
    receiver_title = models.CharField(_("职务"), max_length=100, blank=True)
    topics = models.CharField(_("接访内容"), max_length=300, blank=True)
    is_published = models.BooleanField(_("在门户公布"), default=True)

    class Meta:
        verbose_name = _("接访安排")
        verbose_name_plural = _("接访安排")
        ordering = ["-month", "stationed_department_name", "id"]
        indexes = [models.Index(fields=["organisation", "month"])]

    def __str__(self) -> str:
        return f"{self.month:%Y年%m月} {self.stationed_department_name} {self.receiver_name}"


class ReceptionSlot(models.Model):
    schedule = models.ForeignKey(
        ReceptionSchedule,
        verbose_name=_("接访安排"),
        on_delete=models.CASCADE,
        related_name="slots",
    )
    date = models.DateField(_("日期"))
    start_time = models.TimeField(_("开始时间"))
    end_time = models.TimeField(_("结束时间"))
    place = models.CharField(_("地点"), max_length=200)
    capacity = models.PositiveIntegerField(_("可预约人数"))

    class Meta:
        verbose_name = _("接访时段")
        verbose_name_plural = _("接访时段")
        ordering = ["date", "start_time", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="reception_slot_capacity"),
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="reception_slot_times"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.start_time:%H:%M}—{self.end_time:%H:%M} {self.place}"


class ReceptionBooking(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("已预约")
        CANCELLED = "cancelled", _("已取消")

    slot = models.ForeignKey(
        ReceptionSlot, verbose_name=_("接访时段"), on_delete=models.PROTECT, related_name="bookings"
    )
    # Unguessable: the confirmation page is found by it.
    reference = models.CharField(_("预约编号"), max_length=32, unique=True)
    name = models.CharField(_("姓名"), max_length=100)
    phone = models.CharField(_("联系电话"), max_length=40, validators=[validate_phone])
    email = models.EmailField(_("电子邮箱"), blank=True)
    company = models.CharField(_("单位"), max_length=200, blank=True)
    question = models.TextField(_("咨询问题"))
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.BOOKED
    )
    booked_at = models.DateTimeField(_("预约时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("接访预约")
        verbose_name_plural = _("接访预约")
        ordering = ["-booked_at", "-id"]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"


class ReceptionSession(TimeStampedModel):
    """One reception held: the figures of the annual report are sums of these."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("服务中心"),
        on_delete=models.PROTECT,
        related_name="reception_sessions",
    )
    schedule = models.ForeignKey(
        ReceptionSchedule,
        verbose_name=_("接访安排"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    stationed_department_name = models.CharField(_("进驻部门"), max_length=200)
    held_on = models.DateField(_("接访日期"), db_index=True)
    staff_dispatched = models.PositiveIntegerField(_("派出接访人次"))
    visitors_received = models.PositiveIntegerField(_("接待来访人次"))
    questions_answered_on_spot = models.PositiveIntegerField(_("现场答复问题件数"))
    follow_ups = models.TextField(_("后续跟进事项"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("接访记录")
        verbose_name_plural = _("接访记录")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["organisation", "held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.stationed_department_name}"
