"""The 政府信息公开目录: home, catalogue browsing, item pages, QR codes and attachments."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gongkai.catalogue.models import Attachment, Category, InformationItem
from gongkai.catalogue.selectors import (
    catalogue_counts_by_category,
    item_get_public,
    item_list_public,
)
from gongkai.organisations.models import Organisation
from gongkai.organisations.selectors import organisation_list_public
from gongkai.portal.forms import CatalogueFilterForm, page_number
from gongkai.portal.presentation import (
    CategoryNode,
    category_tree,
    public_url,
    qr_svg,
    qr_svg_inline,
)

PAGE_SIZE = 20
HOME_LATEST = 10


def _organisation_categories(
    organisation: Organisation, year: int | None = None
) -> list[CategoryNode]:
    return category_tree(catalogue_counts_by_category(organisation=organisation, year=year))


def _public_item_or_404(pk: int) -> InformationItem:
    # Drafts, items under review and withdrawn items are not public: same 404 as a missing one.
    information_item = item_get_public(pk=pk)
    if information_item is None:
        raise Http404
    return information_item


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    organisations = list(organisation_list_public())
    organisation_counts = [
        (organisation, item_list_public(organisation=organisation).count())
        for organisation in organisations
    ]
    browse = [
        (organisation, _organisation_categories(organisation))
        for organisation, count in organisation_counts
        if count
    ][:6]
    return render(
        request,
        "portal/home.html",
        {
            "nav_section": "home",
            "latest_items": item_list_public().select_related("organisation")[:HOME_LATEST],
            "organisation_counts": organisation_counts,
            "browse": browse,
            "total_public": item_list_public().count(),
        },
    )


def _item_page(request: HttpRequest, queryset: Any) -> Any:
    paginator = Paginator(queryset.select_related("organisation", "category"), PAGE_SIZE)
    return paginator.get_page(page_number(request.GET.get("page")))


@require_GET
def catalogue_index(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET or None)
    filters = form.selector_filters() if form.is_bound else {}
    selected_organisation = filters.get("organisation")
    tree = [
        (organisation, _organisation_categories(organisation, filters.get("year")))
        for organisation in organisation_list_public()
    ]
    return render(
        request,
        "portal/catalogue/index.html",
        {
            "nav_section": "catalogue",
            "form": form,
            "tree": tree,
            "selected_organisation": selected_organisation,
            "selected_category": filters.get("category"),
            "page_obj": _item_page(request, item_list_public(**filters)),
        },
    )


@require_GET
def catalogue_category(request: HttpRequest, pk: int) -> HttpResponse:
    category = get_object_or_404(
        Category.objects.select_related("organisation", "parent"),
        pk=pk,
        organisation__in=organisation_list_public(),
    )
    return render(
        request,
        "portal/catalogue/category.html",
        {
            "nav_section": "catalogue",
            "category": category,
            "organisation": category.organisation,
            "tree": _organisation_categories(category.organisation),
            "page_obj": _item_page(request, item_list_public(category=category)),
        },
    )


@require_GET
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(organisation_list_public(), pk=pk)
    return render(
        request,
        "portal/catalogue/organisation.html",
        {
            "nav_section": "catalogue",
            "organisation": organisation,
            "children": organisation_list_public().filter(parent=organisation),
            "tree": _organisation_categories(organisation),
            "page_obj": _item_page(request, item_list_public(organisation=organisation)),
        },
    )


def _item_context(request: HttpRequest, information_item: InformationItem) -> dict[str, Any]:
    item_url = public_url(request, reverse("portal:item_detail", args=[information_item.pk]))
    return {
        "nav_section": "catalogue",
        "item": information_item,
        # The body was cleaned with nh3 by catalogue.sanitise.clean_body_html when it was saved
        # (the only write path is the catalogue services), so it is trusted HTML here.
        "body_html": mark_safe(information_item.body),
        "attachments": list(information_item.attachments.all()),
        "item_url": item_url,
        # The SVG comes from the qrcode library built from our own URL, not from user input.
        "qr_svg": mark_safe(qr_svg_inline(item_url, label=_("本页二维码"))),
    }


@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    information_item = _public_item_or_404(pk)
    return render(
        request, "portal/catalogue/item_detail.html", _item_context(request, information_item)
    )


@require_GET
def item_print(request: HttpRequest, pk: int) -> HttpResponse:
    information_item = _public_item_or_404(pk)
    return render(
        request, "portal/catalogue/item_print.html", _item_context(request, information_item)
    )


@require_GET
def item_qr(request: HttpRequest, pk: int) -> HttpResponse:
    information_item = _public_item_or_404(pk)
    item_url = public_url(request, reverse("portal:item_detail", args=[information_item.pk]))
    response = HttpResponse(qr_svg(item_url), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = get_object_or_404(Attachment, pk=pk)
    # Publication is decided by the catalogue selector, so withdrawn items' files vanish too.
    if item_get_public(pk=attachment.item_id) is None:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    # as_attachment: an uploaded file is never rendered in our origin, whatever its type;
    # Django writes filename*=UTF-8'' so Chinese names survive.
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
