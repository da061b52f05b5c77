"""投诉建议 on the portal: file one (receipt with tracking number and access code, shown once),
track it with both (the reply is shown), and rate the reply 1–5."""

from __future__ import annotations

import time
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.complaints import selectors, services
from gongkai.complaints.models import Complaint
from gongkai.core.exceptions import ApplicationError
from gongkai.portal.complaint_forms import ComplaintForm, ComplaintRatingForm, ComplaintTrackForm
from gongkai.portal.views.disclosure import track_failure_count, track_limit_reached

RECEIPT_SESSION_KEY = "complaint_receipt"
TRACKED_SESSION_KEY = "complaint_tracked"
RECEIPT_LIFETIME = 30 * 60


@require_http_methods(["GET", "POST"])
def complaint_new(request: HttpRequest) -> HttpResponse:
    form = ComplaintForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                complaint, access_code = services.complaint_submit(
                    organisation=data["organisation"],
                    kind=data["kind"],
                    subject=data["subject"],
                    content=data["content"],
                    contact_name=data["contact_name"],
                    contact_phone=data["contact_phone"],
                    contact_email=data["contact_email"],
                )
            except ApplicationError as error:
                for name, message in error.extra.get("errors", {}).items():
                    form.add_error(name if name in form.fields else None, message)
                if not error.extra.get("errors"):
                    form.add_error(None, error.message)
                status = 400
            else:
                request.session[RECEIPT_SESSION_KEY] = {
                    "tracking_number": complaint.tracking_number,
                    "access_code": access_code,
                    "created": time.time(),
                }
                return redirect("portal:complaint_receipt")
        else:
            status = 400
    return render(
        request,
        "portal/complaints/new.html",
        {"form": form, "nav_section": "complaints"},
        status=status,
    )


@require_GET
def complaint_receipt(request: HttpRequest) -> HttpResponse:
    receipt = request.session.get(RECEIPT_SESSION_KEY)
    if not isinstance(receipt, dict) or time.time() - float(receipt.get("created", 0)) > (
        RECEIPT_LIFETIME
    ):
        return redirect("portal:complaint_track")
    complaint = Complaint.objects.filter(tracking_number=receipt["tracking_number"]).first()
    return render(
        request,
        "portal/complaints/receipt.html",
        {"receipt": receipt, "complaint": complaint, "nav_section": "complaints"},
    )


def _tracked(request: HttpRequest) -> Complaint | None:
    pk = request.session.get(TRACKED_SESSION_KEY)
    if not isinstance(pk, int):
        return None
    return Complaint.objects.select_related("organisation", "department").filter(pk=pk).first()


def _track_context(complaint: Complaint | None) -> dict[str, Any]:
    if complaint is None:
        return {}
    can_rate = complaint.status == Complaint.Status.ANSWERED and complaint.satisfaction is None
    return {
        "complaint": complaint,
        "is_overdue": selectors.complaint_is_overdue(complaint),
        "rating_form": ComplaintRatingForm() if can_rate else None,
    }


@require_http_methods(["GET", "POST"])
def complaint_track(request: HttpRequest) -> HttpResponse:
    form = ComplaintTrackForm(request.POST or None)
    context: dict[str, Any] = {"form": form, "nav_section": "complaints"}
    status = 200
    if request.method == "POST":
        if track_limit_reached(request):
            context["error"] = _("查询次数过多，请10分钟后再试。")
            return render(request, "portal/complaints/track.html", context, status=429)
        if form.is_valid():
            complaint = selectors.complaint_get_for_complainant(
                tracking_number=form.cleaned_data["tracking_number"],
                access_code=form.cleaned_data["access_code"],
            )
            if complaint is None:
                track_failure_count(request)
                context["error"] = _("受理编号或查询码不正确。")
                status = 404
            else:
                request.session[TRACKED_SESSION_KEY] = complaint.pk
                context.update(_track_context(complaint))
        else:
            status = 400
    else:
        context.update(_track_context(_tracked(request)))
    return render(request, "portal/complaints/track.html", context, status=status)


@require_POST
def complaint_rate(request: HttpRequest) -> HttpResponse:
    """Rate the complaint this browser has just tracked with its code."""
    complaint = _tracked(request)
    if complaint is None:
        return redirect("portal:complaint_track")
    form = ComplaintRatingForm(request.POST)
    context: dict[str, Any] = {
        "form": ComplaintTrackForm(),
        "nav_section": "complaints",
        **_track_context(complaint),
    }
    if not form.is_valid():
        context["rating_form"] = form
        context["rating_error"] = _("满意度须为1至5的整数。")
        return render(request, "portal/complaints/track.html", context, status=400)
    try:
        services.complaint_rate(
            complaint=complaint,
            satisfaction=form.cleaned_data["satisfaction"],
            comment=form.cleaned_data["comment"],
        )
    except ApplicationError as error:
        context["rating_form"] = form if context.get("rating_form") else None
        context["rating_error"] = error.message
        return render(request, "portal/complaints/track.html", context, status=400)
    return redirect("portal:complaint_track")
