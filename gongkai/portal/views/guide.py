"""The 政府信息公开指南 (第十二条) and the organisation directory, built from organisation data."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from gongkai.catalogue.selectors import catalogue_counts_by_category, item_list_public
from gongkai.organisations.selectors import organisation_list_public
from gongkai.portal.presentation import category_tree


@require_GET
def guide(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    organisations = organisation_list_public()
    if pk is None:
        return render(
            request,
            "portal/guide_index.html",
            {"nav_section": "guide", "organisations": organisations},
        )
    organisation = get_object_or_404(organisations, pk=pk)
    return render(
        request,
        "portal/guide.html",
        {
            "nav_section": "guide",
            "organisation": organisation,
            "tree": category_tree(catalogue_counts_by_category(organisation=organisation)),
            "index_example": _index_example(organisation.code, organisation.index_scheme),
        },
    )


def _index_example(code: str, scheme: str) -> str:
    # Mirrors the shapes of catalogue.index_numbers so readers can decode a 索引号.
    today = timezone.localdate()
    return {
        "year_month": f"{code}/{today:%Y%m}-00001",
        "hyphenated": f"{code}-{today:%Y}-00001",
    }.get(scheme, f"{code}/{today:%Y}-00001")


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    organisations = [
        (organisation, item_list_public(organisation=organisation).count())
        for organisation in organisation_list_public()
    ]
    return render(
        request,
        "portal/directory.html",
        {"nav_section": "catalogue", "organisations": organisations},
    )
