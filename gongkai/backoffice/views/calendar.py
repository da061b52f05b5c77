"""工作日历: staff enter each year's holidays and make-up workdays from the State Council notice."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from gongkai.backoffice.mixins import StaffRequiredMixin, deny_unless
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.organisations import permissions
from gongkai.workdays import selectors, services
from gongkai.workdays.notice import format_days, parse_notice


class CalendarYearForm(forms.Form):
    notice = forms.CharField(
        label=gettext_lazy("国务院办公厅通知原文"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy(
            "粘贴通知全文后点击“识别通知”，系统会列出放假和调休上班日期供核对；原文随年度保存。"
        ),
    )
    holidays = forms.CharField(
        label=gettext_lazy("放假日期"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "每行一段，可写节日名称，例如“春节：2027-02-06 至 2027-02-12”或“元旦：1月1日至3日”。"
            "包括放假期间的周末。"
        ),
    )
    makeup_workdays = forms.CharField(
        label=gettext_lazy("调休上班日期"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("需要上班的周六、周日，例如“春节：2月13日、2月14日”。"),
    )


class YearChoiceForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("年份"), min_value=services.MIN_YEAR, max_value=services.MAX_YEAR
    )


class _CanManageCalendar:
    # Runs inside StaffRequiredMixin.dispatch (after the sign-in check), whose PermissionDenied
    # handling renders the back office's 403 page.
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        deny_unless(permissions.can_manage_calendar(request.user))
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc, no-any-return]


class CalendarListView(StaffRequiredMixin, _CanManageCalendar, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        calendar_years = list(selectors.calendar_year_list())
        suggested = max((c.year for c in calendar_years), default=timezone.localdate().year) + 1
        return render(
            request,
            "backoffice/calendar/list.html",
            {
                "calendar_years": calendar_years,
                "year_form": YearChoiceForm(request.GET or None, initial={"year": suggested}),
            },
        )


class CalendarAddView(StaffRequiredMixin, _CanManageCalendar, View):
    """Pick a year, then enter it on the edit page."""

    def get(self, request: HttpRequest) -> HttpResponse:
        form = YearChoiceForm(request.GET)
        if form.is_valid():
            return redirect("backoffice:calendar_edit", year=form.cleaned_data["year"])
        return render(
            request,
            "backoffice/calendar/list.html",
            {"calendar_years": list(selectors.calendar_year_list()), "year_form": form},
            status=400,
        )


class CalendarEditView(StaffRequiredMixin, _CanManageCalendar, View):
    template_name = "backoffice/calendar/edit.html"

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        if not services.MIN_YEAR <= kwargs["year"] <= services.MAX_YEAR:
            raise Http404(_("年份超出范围。"))

    def _render(
        self, request: HttpRequest, year: int, form: CalendarYearForm, **extra: Any
    ) -> HttpResponse:
        status = extra.pop("status", 200)
        calendar_year = selectors.calendar_year_get(year)
        context = {
            "year": year,
            "calendar_year": calendar_year,
            "form": form,
            "audit_entries": audit.entries_for(calendar_year) if calendar_year else [],
            "recomputed": (
                selectors.calendar_year_last_recomputed(calendar_year) if calendar_year else None
            ),
            **extra,
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, year: int) -> HttpResponse:
        calendar_year = selectors.calendar_year_get(year)
        initial = {}
        if calendar_year is not None:
            holidays, makeup = selectors.calendar_year_form_text(year)
            initial = {
                "notice": calendar_year.notice,
                "holidays": holidays,
                "makeup_workdays": makeup,
            }
        return self._render(request, year, CalendarYearForm(initial=initial))

    def post(self, request: HttpRequest, year: int) -> HttpResponse:
        form = CalendarYearForm(request.POST)
        if not form.is_valid():  # pragma: no cover - every field is optional text
            return self._render(request, year, form, status=400)
        data = form.cleaned_data

        if "preview" in request.POST:
            # Fill the two date boxes from the notice for the user to check before saving.
            parsed = parse_notice(data["notice"], year=year)
            form = CalendarYearForm(
                initial={
                    "notice": data["notice"],
                    "holidays": format_days(parsed.holidays),
                    "makeup_workdays": format_days(parsed.makeup_workdays),
                }
            )
            return self._render(
                request,
                year,
                form,
                previewed=True,
                problems=parsed.problems,
                ignored_lines=parsed.ignored_lines,
            )

        try:
            calendar_year = services.calendar_year_save_from_notice(
                actor=request.user,
                year=year,
                holidays=data["holidays"],
                makeup_workdays=data["makeup_workdays"],
                notice=data["notice"],
            )
        except ApplicationError as error:
            problems = error.extra.get("errors") or [error.message]
            return self._render(
                request, year, form, problems=problems, error=error.message, status=400
            )
        recomputed = selectors.calendar_year_last_recomputed(calendar_year)
        messages.success(
            request,
            _("%(year)s年的节假日安排已保存，%(count)s项期限已按新的安排重新计算。")
            % {"year": year, "count": recomputed["count"]},
        )
        return redirect("backoffice:calendar_edit", year=year)
