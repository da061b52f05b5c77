"""Public working-day calendar and deadline calculator."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from gongkai.core.exceptions import ApplicationError
from gongkai.workdays import selectors
from gongkai.workdays.calendar import (
    UnknownCalendarYearError,
    explain_working_days,
    provisional_note,
)

MAX_DAYS = 500  # far beyond any 条例 time limit; keeps the calculation bounded

WEEKDAY_HEADERS = [
    ("一", gettext_lazy("星期一")),
    ("二", gettext_lazy("星期二")),
    ("三", gettext_lazy("星期三")),
    ("四", gettext_lazy("星期四")),
    ("五", gettext_lazy("星期五")),
    ("六", gettext_lazy("星期六")),
    ("日", gettext_lazy("星期日")),
]


class DeadlineForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("起算日期（如收到申请之日）"),
        input_formats=["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("格式：2026-03-06。当天不计入。"),
    )
    days = forms.IntegerField(
        label=gettext_lazy("工作日数"),
        min_value=0,
        max_value=MAX_DAYS,
        initial=20,
        help_text=gettext_lazy("答复期限20个，补正告知7个，征求第三方意见15个。"),
    )


@require_GET
def calendar_year(request: HttpRequest, year: int | None = None) -> HttpResponse:
    year = year or timezone.localdate().year
    known_years = selectors.calendar_known_years()
    context = {"nav_section": "calendar", "year": year, "known_years": known_years}
    try:
        months = selectors.calendar_month_grid(year)
    except UnknownCalendarYearError as error:  # only outside 2000–2100
        context["error"] = error.message
        return render(request, "portal/calendar/year.html", context, status=404)
    calendar_year = selectors.calendar_year_get(year)
    provisional = calendar_year is None
    # Besides the entered years, the year after the last one: the one people look ahead to.
    shown_years = set(known_years) | ({max(known_years) + 1} if known_years else set())
    context.update(
        {
            "months": months,
            "summary": (
                selectors.provisional_year_summary(year)
                if provisional
                else selectors.calendar_year_summary(year)
            ),
            "calendar_year": calendar_year,
            "provisional": provisional,
            "provisional_note": provisional_note((year,)) if provisional else "",
            "weekday_headers": WEEKDAY_HEADERS,
            "previous_year": year - 1 if year - 1 in shown_years else None,
            "next_year": year + 1 if year + 1 in shown_years else None,
            "working_day_total": sum(m.working_day_count for m in months),
        }
    )
    return render(request, "portal/calendar/year.html", context)


@require_GET
def deadline_calculator(request: HttpRequest) -> HttpResponse:
    submitted = "start" in request.GET
    form = DeadlineForm(request.GET if submitted else None, initial={"days": 20})
    context: dict[str, object] = {"nav_section": "deadline", "form": form}
    if submitted and form.is_valid():
        try:
            explanation = explain_working_days(
                form.cleaned_data["start"], form.cleaned_data["days"]
            )
        except ApplicationError as error:
            # A year outside 2000–2100: no calendar to count in.
            context["error"] = error.message
        else:
            # In a provisional year the counted weekend days are possible make-up workdays only.
            provisional_years = set(explanation.provisional_years)
            context["explanation"] = explanation
            context["makeup_workdays"] = [
                day for day in explanation.makeup_workdays if day.year not in provisional_years
            ]
            context["possible_makeup_workdays"] = [
                day for day in explanation.makeup_workdays if day.year in provisional_years
            ]
    return render(request, "portal/calendar/deadline.html", context)
