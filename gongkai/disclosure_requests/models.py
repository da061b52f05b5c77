"""依申请公开: applications, their clock ledger, decisions, fees, delivery and letters.

The due date is never typed: services append ClockEvents and store the ledger's result in
`DisclosureRequest.due_on` (a cache for lists and the overdue query).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel


class Channel(models.TextChoices):
    # 第三十一条: the channel decides which day counts as the day of receipt.
    ONLINE = "online", _("网上申请")
    IN_PERSON = "in_person", _("当面提交")
    POST_SIGNED = "post_signed", _("邮寄（需签收）")
    POST_ORDINARY = "post_ordinary", _("平常信函")
    FAX = "fax", _("传真")
    EMAIL = "email", _("电子邮件")


class Regime(models.TextChoices):
    R2019 = "2019", _("2019年修订条例")
    R2007 = "2007", _("2007年条例")


class ApplicantType(models.TextChoices):
    NATURAL_PERSON = "natural_person", _("自然人")
    COMMERCIAL = "commercial", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_INTEREST = "public_interest", _("社会公益组织")
    LEGAL_SERVICES = "legal_services", _("法律服务机构")
    OTHER = "other", _("其他")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")
    OTHER = "other", _("其他证件")


class FormWanted(models.TextChoices):
    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子")
    COPY = "copy", _("复制件")
    INSPECTION = "inspection", _("查阅")


class DeliveryMethod(models.TextChoices):
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    IN_PERSON = "in_person", _("当面领取")
    ONLINE = "online", _("网上获取")


class DisclosureRequestQuerySet(models.QuerySet["DisclosureRequest"]):
    def open(self) -> DisclosureRequestQuerySet:
        return self.exclude(status__in=DisclosureRequest.FINISHED_STATUSES)


class DisclosureRequest(TimeStampedModel):
    """One application for government information (第二十七条–第二十九条)."""

    class Status(models.TextChoices):
        PENDING_CONFIRMATION = "pending_confirmation", _("待确认")
        IN_PROGRESS = "in_progress", _("办理中")
        AWAITING_CORRECTION = "awaiting_correction", _("待补正")
        IN_CONSULTATION = "in_consultation", _("征求意见中")
        AWAITING_FEE = "awaiting_fee", _("待缴费")
        AWAITING_APPROVAL = "awaiting_approval", _("待审批")
        DECIDED = "decided", _("已答复待送达")
        CLOSED = "closed", _("已办结")
        WITHDRAWN_BY_APPLICANT = "withdrawn_by_applicant", _("申请人撤回")

    FINISHED_STATUSES = (Status.CLOSED, Status.WITHDRAWN_BY_APPLICANT)

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("受理机关"),
        on_delete=models.PROTECT,
        related_name="disclosure_requests",
    )
    department = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("承办部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_disclosure_requests",
    )
    tracking_number = models.CharField(_("申请编号"), max_length=40, unique=True)
    # Hash of the 8-character code shown once on the receipt; only the applicant knows it.
    access_code_hash = models.CharField(_("查询码摘要"), max_length=128, editable=False)
    channel = models.CharField(_("申请方式"), max_length=20, choices=Channel.choices)
    submitted_at = models.DateTimeField(_("提交时间"))
    received_on = models.DateField(_("收到申请日期"), null=True, blank=True, db_index=True)
    regime = models.CharField(_("适用条例"), max_length=4, choices=Regime.choices, blank=True)
    status = models.CharField(
        _("状态"),
        max_length=30,
        choices=Status.choices,
        default=Status.PENDING_CONFIRMATION,
        db_index=True,
    )

    # 第二十九条 (一) applicant.
    applicant_type = models.CharField(_("申请人类型"), max_length=20, choices=ApplicantType.choices)
    applicant_name = models.CharField(_("申请人姓名/名称"), max_length=200)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices, blank=True)
    id_number = models.CharField(_("证件号码"), max_length=40, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=100, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=300, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=10, blank=True)

    # 第二十九条 (二) the information sought.
    information_title = models.CharField(_("所需信息名称"), max_length=300, blank=True)
    information_document_number = models.CharField(_("文号"), max_length=100, blank=True)
    information_description = models.TextField(_("所需信息描述"), blank=True)
    # 第二十九条 (三) form and delivery.
    form_wanted = models.CharField(_("获取信息形式"), max_length=20, choices=FormWanted.choices)
    delivery_method = models.CharField(
        _("获取信息方式"), max_length=20, choices=DeliveryMethod.choices
    )

    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_disclosure_requests",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("拆分自"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parts",
    )
    due_on = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    outcome = models.CharField(_("处理结果"), max_length=50, blank=True, db_index=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = DisclosureRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status", "due_on"]),
            # The overdue and due-soon lists across every organisation an actor may see.
            models.Index(fields=["status", "due_on"], name="request_status_due_idx"),
            # Covers the annual-report counts (table 三) so they read the index, not the rows,
            # grouped in index order.
            models.Index(
                fields=[
                    "organisation",
                    "applicant_type",
                    "outcome",
                    "received_on",
                    "closed_on",
                    "parent",
                ],
                name="request_report_stats_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_number

    @property
    def is_legal_person(self) -> bool:
        return self.applicant_type != ApplicantType.NATURAL_PERSON

    @property
    def is_open(self) -> bool:
        return self.status not in self.FINISHED_STATUSES


class TrackingNumberSequence(models.Model):
    """Last tracking serial used per organisation and year; locked while a number is taken."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="unique_tracking_number_sequence"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last_number}"


class ClockEventQuerySet(models.QuerySet["ClockEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise TypeError("Clock events are append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:  # type: ignore[override]
        raise TypeError("Clock events are append-only.")


class ClockEvent(models.Model):
    """One entry of the deadline ledger. Append-only: a mistake is corrected by a new event."""

    class Kind(models.TextChoices):
        # Values are rules.ledger.ClockEventKind's.
        RECEIVED = "received", _("收到申请")
        CORRECTION_REQUESTED = "correction_requested", _("告知补正")
        CORRECTION_RECEIVED = "correction_received", _("收到补正")
        CORRECTION_DEADLINE_MISSED = "correction_deadline_missed", _("逾期未补正")
        CONSULTATION_STARTED = "consultation_started", _("发出征求意见")
        CONSULTATION_ENDED = "consultation_ended", _("收到征求意见答复")
        EXTENSION_APPROVED = "extension_approved", _("批准延期")
        FEE_NOTICE_SENT = "fee_notice_sent", _("发出收费通知")
        FEE_PAID = "fee_paid", _("缴费")
        FEE_DEADLINE_MISSED = "fee_deadline_missed", _("逾期未缴费")
        ANSWERED = "answered", _("作出答复")
        DELIVERED = "delivered", _("送达")
        CLOSED = "closed", _("办结")

    disclosure_request = models.ForeignKey(
        DisclosureRequest,
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="clock_events",
    )
    kind = models.CharField(_("事件"), max_length=40, choices=Kind.choices)
    occurred_on = models.DateField(_("发生日期"))
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    data = models.JSONField(_("数据"), default=dict, blank=True)
    note = models.TextField(_("备注"), blank=True)

    objects = ClockEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("计时事件")
        verbose_name_plural = _("计时事件")
        ordering = ["occurred_on", "recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.get_kind_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise TypeError("Clock events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise TypeError("Clock events are append-only.")


class Decision(models.Model):
    """The answer (第三十六条–第三十九条), drafted by the handler and approved by an approver."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        APPROVED = "approved", _("已审批")

    disclosure_request = models.OneToOneField(
        DisclosureRequest,
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="decision",
    )
    outcome = models.CharField(_("处理结果"), max_length=50)
    legal_basis = models.TextField(_("法律依据"))
    reason_detail = models.TextField(_("理由"), blank=True)
    responsible_body_name = models.CharField(_("负责公开的机关"), max_length=200, blank=True)
    responsible_body_contact = models.CharField(_("该机关联系方式"), max_length=300, blank=True)
    remedies = models.TextField(_("救济途径"), blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("拟稿人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    drafted_at = models.DateTimeField(_("拟稿时间"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审批人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )

    class Meta:
        verbose_name = _("答复决定")
        verbose_name_plural = _("答复决定")

    def __str__(self) -> str:
        return f"{self.disclosure_request} · {self.outcome}"


class FeeNotice(models.Model):
    """信息处理费 notice (第四十二条, 国办函〔2020〕109号): one method per application."""

    class Method(models.TextChoices):
        PER_ITEM = "per_item", _("按件计收")
        PER_PAGE = "per_page", _("按量计收")

    class Status(models.TextChoices):
        PENDING = "pending", _("待缴费")
        PAID = "paid", _("已缴费")
        OVERDUE = "overdue", _("逾期未缴费")
        WAIVED = "waived", _("已减免")

    disclosure_request = models.OneToOneField(
        DisclosureRequest,
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="fee_notice",
    )
    method = models.CharField(_("计收方式"), max_length=20, choices=Method.choices)
    pages = models.PositiveIntegerField(_("页数"), null=True, blank=True)
    amount = models.DecimalField(_("金额（元）"), max_digits=10, decimal_places=2)
    basis_text = models.TextField(_("计收依据"))
    sent_on = models.DateField(_("通知日期"))
    due_on = models.DateField(_("缴费期限"))
    paid_on = models.DateField(_("缴费日期"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.PENDING
    )

    class Meta:
        verbose_name = _("收费通知")
        verbose_name_plural = _("收费通知")

    def __str__(self) -> str:
        return f"{self.disclosure_request} · {self.amount}元"


class Delivery(models.Model):
    """送达: how and when the answer reached the applicant, with proof."""

    disclosure_request = models.ForeignKey(
        DisclosureRequest,
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    method = models.CharField(_("送达方式"), max_length=20, choices=DeliveryMethod.choices)
    delivered_on = models.DateField(_("送达日期"))
    proof = models.TextField(_("送达凭证"), blank=True)
    proof_file = models.FileField(_("凭证文件"), upload_to="disclosure/delivery/%Y/%m/", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("送达记录")
        verbose_name_plural = _("送达记录")
        ordering = ["delivered_on", "id"]

    def __str__(self) -> str:
        return f"{self.disclosure_request} · {self.delivered_on}"


class LetterKind(models.TextChoices):
    DECISION = "decision", _("政府信息公开申请答复书")
    CORRECTION_NOTICE = "correction_notice", _("补正申请告知书")
    EXTENSION_NOTICE = "extension_notice", _("延期答复告知书")
    CONSULTATION_LETTER = "consultation_letter", _("征求意见函")
    FEE_NOTICE = "fee_notice", _("收费通知书")
    RECEIPT = "receipt", _("申请回执")


class Letter(models.Model):
    """A generated letter (告知书), kept as issued in DOCX and PDF."""

    disclosure_request = models.ForeignKey(
        DisclosureRequest,
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="letters",
    )
    kind = models.CharField(_("文书类型"), max_length=30, choices=LetterKind.choices)
    docx = models.FileField(_("Word文件"), upload_to="disclosure/letters/%Y/%m/")
    pdf = models.FileField(_("PDF文件"), upload_to="disclosure/letters/%Y/%m/")
    generated_at = models.DateTimeField(_("生成时间"), auto_now_add=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("生成人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("文书")
        verbose_name_plural = _("文书")
        ordering = ["generated_at", "id"]

    def __str__(self) -> str:
        return f"{self.disclosure_request} · {self.get_kind_display()}"


class LetterTemplate(TimeStampedModel):
    """Per-organisation wording of a letter; organisation null is the default for everyone."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="letter_templates",
    )
    kind = models.CharField(_("文书类型"), max_length=30, choices=LetterKind.choices)
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文模板"), help_text=_("Django 模板语法"))

    class Meta:
        verbose_name = _("文书模板")
        verbose_name_plural = _("文书模板")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind"], name="unique_letter_template_kind"
            ),
            # NULL never equals NULL in a unique index: a second constraint keeps one default.
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(organisation__isnull=True),
                name="unique_default_letter_template_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation or _('默认')} · {self.get_kind_display()}"


class RequestAttachment(models.Model):
    disclosure_request = models.ForeignKey(
        DisclosureRequest,
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("文件"), upload_to="disclosure/attachments/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=255)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("申请附件")
        verbose_name_plural = _("申请附件")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name
