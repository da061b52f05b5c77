"""行政复议、行政诉讼和申诉: the cases brought against an organisation's disclosure work.

A case is counted in the national table 四 of the annual report by its kind and result; the
result 尚未审结 is never stored, it is what an undecided case is (see statistics.py).
Statutory time limits are data (StatutoryDeadline rows citing the law), not code.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel


class CaseKind(models.TextChoices):
    ADMINISTRATIVE_REVIEW = "administrative_review", _("行政复议")
    LITIGATION_DIRECT = "litigation_direct", _("行政诉讼（未经复议直接起诉）")
    LITIGATION_AFTER_REVIEW = "litigation_after_review", _("行政诉讼（复议后起诉）")
    COMPLAINT = "complaint", _("申诉（投诉、举报）")


class CaseResult(models.TextChoices):
    UPHELD = "upheld", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")


# Shown for an undecided case; never stored.
PENDING_LABEL = _("尚未审结")


class AppealCase(TimeStampedModel):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("被申请人/被告机关"),
        on_delete=models.PROTECT,
        related_name="appeal_cases",
    )
    kind = models.CharField(_("类型"), max_length=30, choices=CaseKind.choices, db_index=True)
    disclosure_request = models.ForeignKey(
        "disclosure_requests.DisclosureRequest",
        verbose_name=_("涉及的政府信息公开申请"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeal_cases",
    )
    # The review that a 复议后起诉 lawsuit follows.
    review_case = models.ForeignKey(
        "self",
        verbose_name=_("前置的行政复议案件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lawsuits",
    )
    handling_body = models.CharField(
        _("受理机关"), max_length=200, help_text=_("复议机关、人民法院或受理申诉的机关")
    )
    case_number = models.CharField(_("案号"), max_length=100, blank=True)
    applicant_name = models.CharField(_("申请人/原告"), max_length=200, blank=True)
    claim = models.TextField(_("请求事项"), blank=True)
    filed_on = models.DateField(_("提出日期"), db_index=True)
    accepted_on = models.DateField(_("受理/立案日期"), null=True, blank=True)
    decision_due_on = models.DateField(_("法定审结期限"), null=True, blank=True, editable=False)
    decision_due_basis = models.CharField(_("期限依据"), max_length=300, blank=True, editable=False)
    decided_on = models.DateField(_("审结日期"), null=True, blank=True, db_index=True)
    result = models.CharField(_("结果"), max_length=20, choices=CaseResult.choices, blank=True)
    decision_summary = models.TextField(_("决定/裁判要旨"), blank=True)
    corrective_action = models.TextField(_("纠正措施"), blank=True)
    note = models.TextField(_("备注"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("复议诉讼案件")
        verbose_name_plural = _("复议诉讼案件")
        ordering = ["-filed_on", "-id"]
        indexes = [models.Index(fields=["organisation", "filed_on"])]
        constraints = [
            # Decided exactly when a result is recorded: 尚未审结 is the absence of both.
            models.CheckConstraint(
                condition=(Q(decided_on__isnull=True) & Q(result=""))
                | (Q(decided_on__isnull=False) & Q(result__in=CaseResult.values)),
                name="appeal_case_decided_with_result",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=models.F("filed_on")),
                name="appeal_case_decided_after_filed",
            ),
        ]

    def __str__(self) -> str:
        label = self.case_number or f"#{self.pk}"
        return f"{self.get_kind_display()} {label}"

    @property
    def is_pending(self) -> bool:
        return self.decided_on is None

    @property
    def result_label(self) -> str:
        return str(PENDING_LABEL) if self.is_pending else self.get_result_display()


class AppealDocument(models.Model):
    """复议申请书、答复书、决定书、起诉状、判决书…: files checked like catalogue attachments."""

    appeal_case = models.ForeignKey(
        AppealCase, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("文书名称"), max_length=200, blank=True)
    file = models.FileField(_("文件"), upload_to="appeals/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=255)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("案件文书")
        verbose_name_plural = _("案件文书")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title or self.original_name


class StatutoryDeadline(models.Model):
    """A time limit the law sets, with the article it comes from and the years it applied.

    `milestone` "decision" limits are computed for each case from its 受理/立案 date; "filing"
    limits (how long the applicant had to bring the case) are shown for information.
    """

    class Milestone(models.TextChoices):
        DECISION = "decision", _("审结期限")
        FILING = "filing", _("提出期限")

    class Unit(models.TextChoices):
        DAYS = "days", _("日")
        MONTHS = "months", _("个月")

    kind = models.CharField(_("案件类型"), max_length=30, choices=CaseKind.choices)
    milestone = models.CharField(_("期限"), max_length=20, choices=Milestone.choices)
    amount = models.PositiveSmallIntegerField(_("期限长度"))
    unit = models.CharField(_("单位"), max_length=10, choices=Unit.choices)
    starts_from = models.CharField(_("起算"), max_length=100)
    extension_amount = models.PositiveSmallIntegerField(_("最长延长"), null=True, blank=True)
    extension_note = models.CharField(_("延长条件"), max_length=300, blank=True)
    law = models.CharField(_("法律"), max_length=100)
    article = models.CharField(_("条款"), max_length=50)
    quote = models.TextField(_("条文"), blank=True)
    effective_from = models.DateField(_("施行日期"))
    effective_until = models.DateField(_("失效日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("法定期限")
        verbose_name_plural = _("法定期限")
        ordering = ["kind", "milestone", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "milestone", "effective_from"], name="unique_statutory_deadline"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="statutory_deadline_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.law}{self.article}：{self.amount}{self.get_unit_display()}"

    @property
    def citation(self) -> str:
        return f"{self.law}{self.article}"
