"""政企互动: government–enterprise meetings with online registration, and the enterprise
information service (subscriptions by topic, broadcast messages delivered once per recipient,
and enterprises' feedback)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel
from gongkai.core.validators import validate_credit_code, validate_phone


class Meeting(TimeStampedModel):
    class Kind(models.TextChoices):
        INTERACTION = "interaction", _("政企互动会")
        BRIEFING = "briefing", _("说明会")
        SYMPOSIUM = "symposium", _("座谈会")
        TRAINING = "training", _("培训")
        CONSULTATION_DAY = "consultation_day", _("咨询日")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("主办机构"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("名称"), max_length=200)
    co_organisers = models.CharField(
        _("联合主办单位"), max_length=300, blank=True, help_text=_("多个单位用顿号分隔")
    )
    held_on = models.DateField(_("日期"), db_index=True)
    start_time = models.TimeField(_("开始时间"), null=True, blank=True)
    place = models.CharField(_("地点"), max_length=200)
    capacity = models.PositiveIntegerField(_("名额"), null=True, blank=True)
    description = models.TextField(_("简介"), blank=True)
    registration_open = models.BooleanField(_("开放网上报名"), default=False)
    is_published = models.BooleanField(_("在门户公布"), default=True)
    # The attendance taken: by hand, or the number of registrations checked in (services).
    attended_count = models.PositiveIntegerField(_("实到人数"), null=True, blank=True)

    class Meta:
        verbose_name = _("政企互动会议")
        verbose_name_plural = _("政企互动会议")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1), name="meeting_capacity"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class MeetingRegistration(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("会议"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("姓名"), max_length=100)
    company = models.CharField(_("单位"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, validators=[validate_phone])
    phone_key = models.CharField(max_length=40, editable=False)  # digits only, for uniqueness
    email = models.EmailField(_("电子邮箱"), blank=True)
    registered_at = models.DateTimeField(_("报名时间"), auto_now_add=True)
    checked_in = models.BooleanField(_("已签到"), default=False)

    class Meta:
        verbose_name = _("会议报名")
        verbose_name_plural = _("会议报名")
        ordering = ["registered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "phone_key"], name="meeting_registration_unique_phone"
            ),
            models.UniqueConstraint(
                fields=["meeting", "email"],
                condition=~Q(email=""),
                name="meeting_registration_unique_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} · {self.name}"


class MeetingMaterial(models.Model):
    """Materials published after the meeting (slides, policy texts)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("会议"), on_delete=models.CASCADE, related_name="materials"
    )
    file = models.FileField(_("文件"), upload_to="engagement/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=255)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("会议材料")
        verbose_name_plural = _("会议材料")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class SubscriptionTopic(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="subscription_topics",
    )
    name = models.CharField(_("主题"), max_length=100)
    description = models.CharField(_("说明"), max_length=300, blank=True)
    is_active = models.BooleanField(_("开放订阅"), default=True)

    class Meta:
        verbose_name = _("订阅主题")
        verbose_name_plural = _("订阅主题")
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="subscription_topic_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class EnterpriseSubscriber(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="enterprise_subscribers",
    )
    enterprise_name = models.CharField(_("企业名称"), max_length=200)
    credit_code = models.CharField(
        _("统一社会信用代码"), max_length=18, blank=True, validators=[validate_credit_code]
    )
    email = models.EmailField(_("电子邮箱"))
    topics = models.ManyToManyField(
        SubscriptionTopic, verbose_name=_("订阅主题"), related_name="subscribers"
    )
    # The link in every message lets the enterprise manage or end its subscription.
    token = models.CharField(max_length=64, unique=True, editable=False)
    subscribed_at = models.DateTimeField(_("订阅时间"), db_index=True)
    unsubscribed_at = models.DateTimeField(_("退订时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("订阅企业")
        verbose_name_plural = _("订阅企业")
        ordering = ["-subscribed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"], name="enterprise_subscriber_unique_email"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_name} <{self.email}>"

    @property
    def is_active(self) -> bool:
        return self.unsubscribed_at is None


class BroadcastMessage(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SENDING = "sending", _("发送中")
        SENT = "sent", _("已发送")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="broadcast_messages",
    )
    topic = models.ForeignKey(
        SubscriptionTopic, verbose_name=_("主题"), on_delete=models.PROTECT, related_name="messages"
    )
    subject = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"))
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default="draft")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("撰写人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("企业信息")
        verbose_name_plural = _("企业信息")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class MessageDelivery(models.Model):
    """One recipient of one message. The unique pair and the status make a resend impossible:
    a delivery is claimed (sending) before the mail goes out and only pending ones are sent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待发送")
        SENDING = "sending", _("发送中")
        SENT = "sent", _("已发送")
        FAILED = "failed", _("发送失败")

    message = models.ForeignKey(
        BroadcastMessage,
        verbose_name=_("信息"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    subscriber = models.ForeignKey(
        EnterpriseSubscriber,
        verbose_name=_("订阅企业"),
        on_delete=models.PROTECT,
        related_name="deliveries",
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    sent_at = models.DateTimeField(_("送达时间"), null=True, blank=True, db_index=True)
    error = models.CharField(_("错误"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("送达记录")
        verbose_name_plural = _("送达记录")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "subscriber"], name="message_delivery_once_per_recipient"
            )
        ]
        indexes = [models.Index(fields=["message", "status"])]

    def __str__(self) -> str:
        return f"{self.message_id}→{self.subscriber_id} {self.status}"


class EnterpriseFeedback(models.Model):
    class Source(models.TextChoices):
        PORTAL = "portal", _("网上反馈")
        STAFF = "staff", _("工作人员录入")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.PROTECT,
        related_name="enterprise_feedback",
    )
    subscriber = models.ForeignKey(
        EnterpriseSubscriber,
        verbose_name=_("订阅企业"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    message = models.ForeignKey(
        BroadcastMessage,
        verbose_name=_("针对的信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    source = models.CharField(_("来源"), max_length=20, choices=Source.choices)
    enterprise_name = models.CharField(_("企业名称"), max_length=200)
    contact_email = models.EmailField(_("联系邮箱"), blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    content = models.TextField(_("意见建议"))
    received_at = models.DateTimeField(_("收到时间"), db_index=True)
    answer = models.TextField(_("答复"), blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("企业反馈")
        verbose_name_plural = _("企业反馈")
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.enterprise_name}：{self.content[:20]}"
