"""Parsing of the portal's query strings (catalogue filters and search). Forms only validate
input; the selectors decide what is public."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.catalogue.models import Article20Item, Category, InformationItem
from gongkai.catalogue.selectors import item_years_public
from gongkai.organisations.selectors import organisation_list_public


class CatalogueFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("发布机构"),
        queryset=organisation_list_public(),
        required=False,
        empty_label=_("全部机构"),
    )
    category = forms.ModelChoiceField(
        label=_("目录分类"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=_("全部分类"),
    )
    year = forms.TypedChoiceField(label=_("年份"), coerce=int, required=False, empty_value=None)
    article20_item = forms.TypedChoiceField(
        label=_("第二十条事项"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", _("全部事项")), *Article20Item.choices],
    )
    validity = forms.ChoiceField(
        label=_("有效性"),
        required=False,
        choices=[("", _("全部")), *InformationItem.Validity.choices],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ModelChoiceField)
        organisation_field.queryset = organisation_list_public()
        # Categories belong to one organisation; offer only those of the chosen one.
        category_field = self.fields["category"]
        assert isinstance(category_field, forms.ModelChoiceField)
        organisation_id = self.data.get("organisation") if self.is_bound else None
        if organisation_id and str(organisation_id).isdigit():
            category_field.queryset = Category.objects.filter(organisation_id=organisation_id)
        else:
            category_field.queryset = Category.objects.filter(
                organisation__in=organisation_list_public()
            )
        year_field = self.fields["year"]
        assert isinstance(year_field, forms.TypedChoiceField)
        year_field.choices = [("", _("全部年份")), *((y, str(y)) for y in item_years_public())]

    def selector_filters(self) -> dict[str, Any]:
        """Cleaned filters as keyword arguments for the catalogue selectors (invalid → unset)."""
        # A bad value in one field (say, a stale category) drops that filter, not the others.
        self.is_valid()
        return {
            "organisation": self.cleaned_data.get("organisation"),
            "category": self.cleaned_data.get("category"),
            "year": self.cleaned_data.get("year"),
            "article20_item": self.cleaned_data.get("article20_item"),
            "validity": self.cleaned_data.get("validity") or None,
        }


class SearchForm(CatalogueFilterForm):
    q = forms.CharField(
        label=_("关键词"),
        required=False,
        max_length=200,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    field_order = ["q", "organisation", "category", "year", "article20_item", "validity"]


def page_number(raw: str | None) -> int:
    """The requested page, 1 for anything that is not a positive number."""
    try:
        return max(int(raw or 1), 1)
    except ValueError:
        return 1
