"""依申请公开 on the portal: the application form, its receipt (回执) and the tracking page.

The access code exists in clear only in the submitting browser's session, until the receipt
PDF is downloaded or the session value expires; afterwards only its hash is stored. Tracking
answers a wrong code exactly as an unknown number, and a per-address counter limits guessing.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests import documents, selectors, services
from gongkai.disclosure_requests.models import DisclosureRequest, Letter, LetterKind
from gongkai.portal.disclosure_forms import ApplicationForm, TrackForm

RECEIPT_SESSION_KEY = "disclosure_receipt"
TRACKED_SESSION_KEY = "disclosure_tracked"
# The clear access code stays in the session this long (seconds) for the receipt PDF.
RECEIPT_LIFETIME = 30 * 60
# Failed tracking lookups per client address and window: enough for typos, too few to guess.
TRACK_LIMIT = 10
TRACK_WINDOW = 10 * 60
# Letters addressed to the applicant; a consultation letter goes to a third party.
APPLICANT_LETTER_KINDS = (
    LetterKind.DECISION,
    LetterKind.CORRECTION_NOTICE,
    LetterKind.EXTENSION_NOTICE,
    LetterKind.FEE_NOTICE,
)


def _client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def _track_key(request: HttpRequest) -> str:
    return f"portal:track-failures:{_client_address(request)}"


def track_limit_reached(request: HttpRequest) -> bool:
    """True once this address has used up its wrong guesses for the window."""
    return int(cache.get(_track_key(request), 0)) >= TRACK_LIMIT


def track_failure_count(request: HttpRequest) -> None:
    """Count a failed lookup: only wrong guesses use up the allowance, not the owner's visits."""
    key = _track_key(request)
    if not cache.add(key, 1, TRACK_WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, TRACK_WINDOW)


def _receipt_in_session(request: HttpRequest, tracking_number: str) -> dict[str, Any] | None:
    receipt = request.session.get(RECEIPT_SESSION_KEY)
    if not isinstance(receipt, dict) or receipt.get("tracking_number") != tracking_number:
        return None
    if time.time() - float(receipt.get("created", 0)) > RECEIPT_LIFETIME:
        del request.session[RECEIPT_SESSION_KEY]
        return None
    return receipt


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    form = ApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            disclosure_request, access_code = services.disclosure_request_submit_online(
                data=form.service_data(), attachments=form.cleaned_data["attachments"]
            )
        except ApplicationError as error:
            form.add_service_errors(error.extra.get("errors") or {}, error.message)
        else:
            request.session[RECEIPT_SESSION_KEY] = {
                "tracking_number": disclosure_request.tracking_number,
                "access_code": access_code,
                "created": time.time(),
            }
            return redirect("portal:apply_receipt", disclosure_request.tracking_number)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "portal/disclosure/apply.html",
        {"nav_section": "apply", "form": form},
        status=status,
    )


@require_GET
def apply_receipt(request: HttpRequest, tracking_number: str) -> HttpResponse:
    receipt = _receipt_in_session(request, tracking_number)
    disclosure_request = None
    if receipt is not None:
        disclosure_request = selectors.request_get_for_applicant(
            tracking_number=tracking_number, access_code=receipt["access_code"]
        )
    if disclosure_request is None:
        return render(
            request,
            "portal/disclosure/receipt_gone.html",
            {"nav_section": "apply"},
            status=404,
        )
    assert receipt is not None
    return render(
        request,
        "portal/disclosure/receipt.html",
        {
            "nav_section": "apply",
            "disclosure_request": disclosure_request,
            "access_code": receipt["access_code"],
        },
    )


@require_GET
def apply_receipt_pdf(request: HttpRequest, tracking_number: str) -> HttpResponse:
    receipt = _receipt_in_session(request, tracking_number)
    if receipt is None:
        raise Http404(_("回执只能在提交申请后立即下载一次。"))
    disclosure_request = selectors.request_get_for_applicant(
        tracking_number=tracking_number, access_code=receipt["access_code"]
    )
    if disclosure_request is None:
        raise Http404(_("回执只能在提交申请后立即下载一次。"))
    rendered = documents.render_letter(
        disclosure_request=disclosure_request,
        kind=LetterKind.RECEIPT,
        access_code=receipt["access_code"],
    )
    # One download: afterwards the clear code exists nowhere on the server.
    del request.session[RECEIPT_SESSION_KEY]
    response = HttpResponse(rendered.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="receipt-{tracking_number}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def _tracking_context(disclosure_request: DisclosureRequest) -> dict[str, Any]:
    try:
        explanation = selectors.ledger_for(disclosure_request)
    except ApplicationError:  # e.g. a calendar year not entered yet: show the stored date
        explanation = None
    return {
        "disclosure_request": disclosure_request,
        "explanation": explanation,
        "letters": [
            letter
            for letter in disclosure_request.letters.all()
            if letter.kind in APPLICANT_LETTER_KINDS
        ],
        "deliveries": list(disclosure_request.deliveries.all()),
    }


@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    context: dict[str, Any] = {"nav_section": "track", "form": form}
    status = 200
    if request.method == "POST":
        if track_limit_reached(request):
            context["error"] = _("查询次数过多，请10分钟后再试。")
            return render(request, "portal/disclosure/track.html", context, status=429)
        if form.is_valid():
            disclosure_request = selectors.request_get_for_applicant(
                tracking_number=form.cleaned_data["tracking_number"],
                access_code=form.cleaned_data["access_code"],
            )
            if disclosure_request is None:
                track_failure_count(request)
                # The same words for an unknown number and a wrong code.
                context["error"] = _("申请编号或查询码不正确。")
                status = 404
            else:
                tracked = set(request.session.get(TRACKED_SESSION_KEY, []))
                tracked.add(disclosure_request.pk)
                request.session[TRACKED_SESSION_KEY] = sorted(tracked)
                context.update(_tracking_context(disclosure_request))
        else:
            status = 400
    return render(request, "portal/disclosure/track.html", context, status=status)


@require_GET
def track_letter(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    """A letter of an application this browser proved it may track (code entered before)."""
    tracked = request.session.get(TRACKED_SESSION_KEY, [])
    letter = (
        Letter.objects.filter(
            pk=pk, disclosure_request_id__in=tracked, kind__in=APPLICANT_LETTER_KINDS
        )
        .select_related("disclosure_request")
        .first()
    )
    if letter is None or file_format not in ("pdf", "docx"):
        raise Http404(_("没有找到该文书。"))
    stored = letter.pdf if file_format == "pdf" else letter.docx
    if not stored:
        raise Http404(_("没有找到该文书。"))
    content_type = (
        "application/pdf"
        if file_format == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    with stored.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type=content_type)
    filename = f"{letter.disclosure_request.tracking_number}-{letter.kind}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
