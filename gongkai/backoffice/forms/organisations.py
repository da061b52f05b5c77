"""Input validation for organisation pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.core.validators import normalise_code, validate_organisation_identifier
from gongkai.organisations.models import Organisation

# What organisation_update accepts; the code is permanent once the organisation exists.
ORGANISATION_FIELDS = [
    "name",
    "short_name",
    "kind",
    "sort_order",
    "description",
    "disclosure_office",
    "address",
    "postcode",
    "office_hours",
    "phone",
    "fax",
    "email",
    "website",
    "index_scheme",
    "is_active",
]


class OrganisationForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_fields = forms.fields_for_model(Organisation, fields=ORGANISATION_FIELDS)
        for name in ORGANISATION_FIELDS:
            self.fields[name] = model_fields[name]
        self.fields["description"].widget = forms.Textarea(attrs={"rows": 4})

    def service_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ORGANISATION_FIELDS}


class OrganisationCreateForm(OrganisationForm):
    """A new sub-organisation; its code is checked (check digit) before the service runs."""

    def __init__(self, *args: Any, parents: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {
            "parent": forms.ModelChoiceField(queryset=parents, label=_("上级机构")),
            "code": forms.CharField(
                label=_("机构代码"),
                max_length=24,
                help_text=_("9位组织机构代码或18位统一社会信用代码，含校验位"),
            ),
            **self.fields,
        }

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        validate_organisation_identifier(code)
        return code
