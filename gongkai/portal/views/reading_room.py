"""现行文件查询 and the external databases directory on the public portal."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from gongkai.reading_room import selectors

PAGE_SIZE = 20


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("关键词"), required=False, max_length=200)
    body = forms.CharField(label=gettext_lazy("发文机关"), required=False, max_length=200)
    year = forms.IntegerField(
        label=gettext_lazy("年份"), required=False, min_value=1996, max_value=2100
    )


def library_context(request: HttpRequest) -> dict[str, Any]:
    """The search form and one page of matching documents (shared with the kiosk)."""
    form = LibrarySearchForm(request.GET or None)
    query, body, year = "", "", None
    if form.is_valid():
        query = form.cleaned_data["q"] or ""
        body = form.cleaned_data["body"] or ""
        year = form.cleaned_data["year"]
    documents = selectors.document_search_public(query=query, issuing_body=body, year=year)
    page_obj = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "form": form,
        "query": query,
        "page_obj": page_obj,
        "query_string": params.urlencode(),
    }


@require_GET
def library(request: HttpRequest) -> HttpResponse:
    context = library_context(request)
    context["nav_section"] = "library"
    context["issuing_bodies"] = selectors.document_issuing_bodies()
    return render(request, "portal/reading_room/library.html", context)


def document_or_404(pk: int) -> Any:
    document = selectors.document_get_public(pk=pk)
    if document is None:
        raise Http404
    return document


@require_GET
def library_document(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request,
        "portal/reading_room/document.html",
        {"nav_section": "library", "document": document_or_404(pk)},
    )


@require_GET
def external_databases(request: HttpRequest) -> HttpResponse:
    databases = list(selectors.external_database_list_public())
    departments: dict[str, list[Any]] = {}
    for database in databases:
        departments.setdefault(database.department, []).append(database)
    return render(
        request,
        "portal/reading_room/databases.html",
        {"nav_section": "library", "departments": departments, "total": len(databases)},
    )
