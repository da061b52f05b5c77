"""主动公开: the proactive-disclosure catalogue and its metadata (目录系统实施指引, 第十二条)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import TimeStampedModel


class Article20Item(models.IntegerChoices):
    """第二十条 (一)–(十五): what the Regulation says must be proactively disclosed."""

    REGULATIONS = 1, _("（一）行政法规、规章和规范性文件")
    FUNCTIONS = 2, _("（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名")
    PLANS = 3, _("（三）国民经济和社会发展规划、专项规划、区域规划及相关政策")
    STATISTICS = 4, _("（四）国民经济和社会发展统计信息")
    LICENSING = 5, _("（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果")
    PENALTIES = 6, _("（六）实施行政处罚、行政强制的依据、条件、程序以及行政处罚决定")
    BUDGET = 7, _("（七）财政预算、决算信息")
    FEES = 8, _("（八）行政事业性收费项目及其依据、标准")
    PROCUREMENT = 9, _("（九）政府集中采购项目的目录、标准及实施情况")
    PROJECTS = 10, _("（十）重大建设项目的批准和实施情况")
    WELFARE = 11, _("（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况")
    EMERGENCIES = 12, _("（十二）突发公共事件的应急预案、预警信息及应对情况")
    INSPECTIONS = 13, _("（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况")
    RECRUITMENT = 14, _("（十四）公务员招考的职位、名额、报考条件等事项以及录用结果")
    OTHER = 15, _("（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息")


class Category(models.Model):
    """A body's own catalogue taxonomy (e.g. 机构职能 / 规章制度 / 业务类)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("机构"),
        on_delete=models.CASCADE,
        related_name="categories",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级分类"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("名称"), max_length=100)
    code = models.SlugField(_("代码"), max_length=50)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    description = models.CharField(_("说明"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("目录分类")
        verbose_name_plural = _("目录分类")
        ordering = ["organisation", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="unique_category_code")
        ]

    def __str__(self) -> str:
        return self.name


class InformationItem(TimeStampedModel):
    """One piece of government information in the catalogue."""

    class Status(models.TextChoices):
        # Handlers and coordinators move draft -> pending_review; only publishers publish or
        # withdraw (permissions.can_publish_information_item).
        DRAFT = "draft", _("草稿")
        PENDING_REVIEW = "pending_review", _("待审核")
        PUBLISHED = "published", _("已发布")
        WITHDRAWN = "withdrawn", _("已撤回")

    class DisclosureMode(models.TextChoices):
        PROACTIVE = "proactive", _("主动公开")
        ON_REQUEST = "on_request", _("依申请公开")
        NOT_DISCLOSED = "not_disclosed", _("不予公开")

    class DisclosureTiming(models.TextChoices):
        PERMANENT = "permanent", _("长期公开")
        TIME_LIMITED = "time_limited", _("限时公开")
        IMMEDIATE = "immediate", _("及时公开")

    class DisclosureScope(models.TextChoices):
        PUBLIC = "public", _("面向社会")
        APPLICANT = "applicant", _("面向申请人")

    class Validity(models.TextChoices):
        IN_FORCE = "in_force", _("现行有效")
        AMENDED = "amended", _("已修改")
        REPEALED = "repealed", _("已废止")
        NOT_APPLICABLE = "not_applicable", _("不适用")

    class Genre(models.TextChoices):
        NOTICE = "notice", _("通知")
        ANNOUNCEMENT = "announcement", _("公告")
        DECISION = "decision", _("决定")
        OPINION = "opinion", _("意见")
        MEASURES = "measures", _("办法")
        RULES = "rules", _("规定")
        PLAN = "plan", _("规划计划")
        REPORT = "report", _("报告")
        NEWS = "news", _("工作动态")
        GUIDE = "guide", _("办事指南")
        OTHER = "other", _("其他")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("发布机构"),
        on_delete=models.PROTECT,
        related_name="information_items",
    )
    # Generated on first publication, then permanent (一经生成不因发布机构变更而更改).
    index_number = models.CharField(_("索引号"), max_length=64, unique=True, null=True, blank=True)
    title = models.CharField(_("名称"), max_length=300)
    summary = models.TextField(_("内容概述"), blank=True)
    body = models.TextField(_("正文"), blank=True, help_text=_("经过清理的HTML"))
    body_text = models.TextField(_("正文纯文本"), blank=True, editable=False)
    document_number = models.CharField(_("文号"), max_length=100, blank=True)
    generated_on = models.DateField(_("生成日期"))
    changed_on = models.DateField(_("变更日期"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布日期"), null=True, blank=True, db_index=True)
    # 第二十六条: due 20 working days after 生成/变更; derived by the service, never typed.
    publication_due_on = models.DateField(_("公开期限"), null=True, blank=True, editable=False)
    category = models.ForeignKey(
        Category,
        verbose_name=_("目录分类"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
    )
    topic = models.CharField(_("主题分类"), max_length=100, blank=True)
    genre = models.CharField(_("体裁"), max_length=20, choices=Genre.choices, default=Genre.OTHER)
    keywords = models.CharField(_("关键词"), max_length=300, blank=True)
    article20_item = models.PositiveSmallIntegerField(
        _("第二十条事项"), choices=Article20Item.choices, null=True, blank=True
    )
    disclosure_mode = models.CharField(
        _("公开方式"),
        max_length=20,
        choices=DisclosureMode.choices,
        default=DisclosureMode.PROACTIVE,
    )
    non_disclosure_reason = models.CharField(_("不予公开理由"), max_length=300, blank=True)
    disclosure_timing = models.CharField(
        _("公开时限"),
        max_length=20,
        choices=DisclosureTiming.choices,
        default=DisclosureTiming.PERMANENT,
    )
    disclosure_scope = models.CharField(
        _("公开范围"),
        max_length=20,
        choices=DisclosureScope.choices,
        default=DisclosureScope.PUBLIC,
    )
    validity = models.CharField(
        _("有效性"), max_length=20, choices=Validity.choices, default=Validity.IN_FORCE
    )
    effective_on = models.DateField(_("施行日期"), null=True, blank=True)
    repealed_on = models.DateField(_("废止日期"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    withdrawal_reason = models.CharField(_("撤回原因"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("政府信息")
        verbose_name_plural = _("政府信息")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status", "published_at"]),
            models.Index(fields=["status", "publication_due_on"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_publication_overdue(self) -> bool:
        """第二十六条: not yet public although its 20 working days have run out."""
        return (
            self.status in (self.Status.DRAFT, self.Status.PENDING_REVIEW)
            and self.disclosure_mode == self.DisclosureMode.PROACTIVE
            and self.publication_due_on is not None
            and self.publication_due_on < timezone.localdate()
        )

    @property
    def was_published_late(self) -> bool:
        """Published after its 第二十六条 due date."""
        return (
            self.published_at is not None
            and self.publication_due_on is not None
            and timezone.localdate(self.published_at) > self.publication_due_on
        )

    @property
    def is_fully_electronic(self) -> bool:
        """全文电子化: the full text is online, as body text or an attached file."""
        return bool(self.body_text.strip()) or self.attachments.exists()


class Attachment(models.Model):
    item = models.ForeignKey(
        InformationItem,
        verbose_name=_("政府信息"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("文件"), upload_to="catalogue/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=255)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class IndexNumberSequence(models.Model):
    """Last serial number used per organisation and year; locked while a number is taken."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(max_length=6)  # "2024" or "202406", as the scheme needs
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "period"], name="unique_index_sequence")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.period}: {self.last_number}"
