"""Input validation for catalogue pages. Forms never save: views pass cleaned data to services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.catalogue.models import Category, InformationItem
from gongkai.organisations.models import Organisation

# Every catalogue metadata field a person types (目录系统实施指引); the rest is derived.
ITEM_FIELDS = [
    "title",
    "summary",
    "body",
    "document_number",
    "generated_on",
    "changed_on",
    "category",
    "topic",
    "genre",
    "keywords",
    "article20_item",
    "disclosure_mode",
    "non_disclosure_reason",
    "disclosure_timing",
    "disclosure_scope",
    "validity",
    "effective_on",
    "repealed_on",
]
_DATE_FIELDS = ("generated_on", "changed_on", "effective_on", "repealed_on")


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.organisation} — {obj.name}"


class InformationItemForm(forms.Form):
    """Create (with `organisations`) or edit (organisation fixed) an information item."""

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation] | None = None,
        categories: QuerySet[Category],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"] = forms.ModelChoiceField(
                queryset=organisations, label=_("发布机构")
            )
        model_fields = forms.fields_for_model(InformationItem, fields=ITEM_FIELDS)
        for name in ITEM_FIELDS:
            self.fields[name] = model_fields[name]
        self.fields["category"] = CategoryChoiceField(
            queryset=categories.select_related("organisation"),
            required=False,
            label=InformationItem._meta.get_field("category").verbose_name,
        )
        self.fields["body"].widget = forms.Textarea(attrs={"rows": 12})
        self.fields["body"].help_text = _("可使用HTML排版；保存时会清除脚本等不安全内容。")
        self.fields["summary"].widget = forms.Textarea(attrs={"rows": 3})
        for name in _DATE_FIELDS:
            self.fields[name].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        category = cleaned.get("category")
        organisation = cleaned.get("organisation") or self.initial.get("organisation")
        if (
            category is not None
            and organisation is not None
            and category.organisation_id != organisation.pk
        ):
            self.add_error("category", _("所选分类不属于该机构的目录。"))
        return cleaned

    def service_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ITEM_FIELDS}


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=300, widget=forms.TextInput())


class AttachmentUploadForm(forms.Form):
    file = forms.FileField(label=_("附件"))


class ItemFilterForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False)
    status = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[("", _("全部")), *InformationItem.Status.choices],
    )
    organisation = forms.ModelChoiceField(
        label=_("机构"), required=False, queryset=Organisation.objects.none()
    )
    category = CategoryChoiceField(
        label=_("分类"), required=False, queryset=Category.objects.none()
    )
    year = forms.IntegerField(label=_("年份"), required=False, min_value=1949, max_value=2100)
    overdue = forms.BooleanField(label=_("仅显示逾期未公开"), required=False)

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        categories: QuerySet[Category],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        org_field = self.fields["organisation"]
        assert isinstance(org_field, forms.ModelChoiceField)
        org_field.queryset = organisations
        category_field = self.fields["category"]
        assert isinstance(category_field, forms.ModelChoiceField)
        category_field.queryset = categories.select_related("organisation")


class ImportForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("导入到机构"), queryset=Organisation.objects.none()
    )
    file = forms.FileField(
        label=_("目录文件"), help_text=_("CSV（UTF-8）或 Excel（.xlsx），列名与模板一致。")
    )
    skip_bad_rows = forms.BooleanField(label=_("跳过有错误的行，只导入正确的行"), required=False)
    publish = forms.BooleanField(label=_("导入后直接发布"), required=False)

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org_field = self.fields["organisation"]
        assert isinstance(org_field, forms.ModelChoiceField)
        org_field.queryset = organisations

    def clean_file(self) -> Any:
        uploaded = self.cleaned_data["file"]
        name = (uploaded.name or "").lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("只支持 CSV 或 XLSX 文件。"))
        return uploaded
