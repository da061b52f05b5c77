"""Shared plumbing of the register pages (list with filters and CSV/XLSX export, entry form).

Views stay thin: they parse the filter form, ask a selector, and either export every matching
row or render one page of a table described by `Column`s.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.core.exports import EXPORT_FORMATS, Column, export_response

PAGE_SIZE = 30
LIST_TEMPLATE = "backoffice/complaints/register_list.html"
FORM_TEMPLATE = "backoffice/complaints/register_form.html"


def list_or_export(
    request: HttpRequest,
    *,
    rows: QuerySet[Any],
    columns: Sequence[Column],
    filename: str,
    heading: str,
    filter_form: forms.Form | None = None,
    link: Any = None,
    actions: Sequence[tuple[str, str]] = (),
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """`link(row)` gives the URL of the first cell (None for no link)."""
    file_format = request.GET.get("export", "")
    if file_format in EXPORT_FORMATS:
        return export_response(
            rows.iterator(chunk_size=2000), columns, filename=filename, file_format=file_format
        )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    table = [
        {
            "url": link(row) if link else None,
            "cells": [column.value(row) for column in columns],
        }
        for row in page.object_list
    ]
    return render(
        request,
        LIST_TEMPLATE,
        {
            "heading": heading,
            "form": filter_form,
            "headers": [column.header for column in columns],
            "table": table,
            "page_obj": page,
            "query_string": query.urlencode(),
            "actions": actions,
            **(extra or {}),
        },
    )


def render_form(
    request: HttpRequest,
    *,
    form: forms.Form,
    heading: str,
    back_url: str,
    intro: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        FORM_TEMPLATE,
        {"form": form, "heading": heading, "back_url": back_url, "intro": intro},
        status=status,
    )


def add_service_errors(form: forms.Form, error: Any) -> None:
    """Place an ApplicationError's per-field messages next to the fields (or on top)."""
    errors = error.extra.get("errors") if hasattr(error, "extra") else None
    if errors:
        for name, message in errors.items():
            form.add_error(name if name in form.fields else None, message)
    else:
        form.add_error(None, error.message)
