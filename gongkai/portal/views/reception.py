"""审批处长接访 on the portal: the open slots, booking one, and the booking's confirmation."""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.exceptions import ApplicationError
from gongkai.reception import selectors, services


class BookingForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("姓名"), max_length=100)
    phone = forms.CharField(
        label=gettext_lazy("联系电话"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("电子邮箱"),
        required=False,
        help_text=gettext_lazy("填写后将收到预约确认邮件。"),
    )
    company = forms.CharField(label=gettext_lazy("单位"), max_length=200, required=False)
    question = forms.CharField(
        label=gettext_lazy("咨询问题"), widget=forms.Textarea(attrs={"rows": 4})
    )


@require_GET
def reception_index(request: HttpRequest) -> HttpResponse:
    slots = selectors.slot_list_public().order_by("date", "start_time", "id")
    return render(
        request,
        "portal/reception/index.html",
        {"nav_section": "reception", "slots": slots},
    )


@require_http_methods(["GET", "POST"])
def reception_book(request: HttpRequest, pk: int) -> HttpResponse:
    slot = selectors.slot_get_public(pk=pk)
    if slot is None:
        raise Http404(_("没有找到该接访时段。"))
    form = BookingForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.reception_booking_create(slot_id=slot.pk, **form.cleaned_data)
        except ApplicationError as refusal:
            error = refusal.message
            for field, messages in refusal.extra.get("errors", {}).items():
                for message in messages:
                    form.add_error(field if field in form.fields else None, message)
        else:
            return redirect("portal:reception_booking", booking.reference)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "portal/reception/book.html",
        {"nav_section": "reception", "slot": slot, "form": form, "error": error},
        status=status,
    )


@require_GET
def reception_booking(request: HttpRequest, reference: str) -> HttpResponse:
    booking = selectors.booking_get_public(reference=reference)
    if booking is None:
        raise Http404(_("没有找到该预约。"))
    return render(
        request,
        "portal/reception/confirmation.html",
        {"nav_section": "reception", "booking": booking},
    )
