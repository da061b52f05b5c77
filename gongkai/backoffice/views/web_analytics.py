"""网站访问统计: daily and monthly page views of the portal (aggregate counts only)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import View

from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin
from gongkai.core.exports import EXPORT_FORMATS, Column, export_response
from gongkai.organisations import permissions
from gongkai.web_analytics import selectors


class PageViewFilterForm(forms.Form):
    date_from = forms.DateField(
        label=gettext_lazy("起始日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=gettext_lazy("截止日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    path = forms.ChoiceField(label=gettext_lazy("页面"), required=False, choices=[])


class PageViewsView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.WEB_ANALYTICS_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        form = PageViewFilterForm(request.GET or None)
        form.fields["path"].choices = [("", "全部页面")] + [  # type: ignore[attr-defined]
            (path, path) for path in selectors.page_view_paths()
        ]
        date_from, date_to, path = dt.date(today.year, 1, 1), today, ""
        if form.is_valid():
            date_from = form.cleaned_data["date_from"] or date_from
            date_to = form.cleaned_data["date_to"] or date_to
            path = form.cleaned_data["path"]
        daily = selectors.page_views_daily(date_from=date_from, date_to=date_to, path=path)
        export = request.GET.get("export", "")
        if export in EXPORT_FORMATS:
            return export_response(
                daily,
                [
                    Column("日期", lambda row: row["date"].isoformat()),
                    Column("访问量", lambda row: row["views"]),
                ],
                filename="网站日访问量",
                file_format=export,
            )
        monthly = selectors.page_views_monthly(date_from=date_from, date_to=date_to, path=path)
        return render(
            request,
            "backoffice/web_analytics/page_views.html",
            {
                "form": form,
                "date_from": date_from,
                "date_to": date_to,
                "daily": daily,
                "monthly": monthly,
                "by_page": selectors.page_views_by_page(date_from=date_from, date_to=date_to),
                "total": sum(row["views"] for row in monthly),
                "query_string": request.GET.urlencode(),
            },
        )
