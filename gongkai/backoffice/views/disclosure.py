"""依申请公开 in the back office: queues, staff entry, the application page and its steps.

Applications are loaded through the actor-scoped selector (404 outside the actor's
organisations); each step checks its permission predicate (403) and calls one service.
Refusals of the rules (ApplicationError) come back as messages on the application page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from gongkai.backoffice.forms import disclosure as disclosure_forms
from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests import privacy, selectors, services
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.organisations import permissions
from gongkai.organisations.models import Role

PAGE_SIZE = 25
DUE_SOON_DAYS = 5


def _load_request(request: HttpRequest, pk: int) -> DisclosureRequest:
    disclosure_request = selectors.request_get_for_actor(actor=request.user, pk=pk)
    if disclosure_request is None:
        raise Http404(_("没有找到该申请。"))
    return disclosure_request


def _error_messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [message for messages_ in error.message_dict.values() for message in messages_]
    return list(error.messages)


def _form_error_messages(form: forms.Form) -> list[str]:
    result = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            result.append(f"{label}：{error}" if label else str(error))
    return result


def _handlers_for(actor: Any) -> Any:
    organisations = permissions.organisations_with(actor, permissions.REQUESTS_VIEW)
    return (
        get_user_model()
        .objects.filter(
            memberships__organisation__in=organisations,
            memberships__role__in=[Role.HANDLER, Role.COORDINATOR],
        )
        .distinct()
        .order_by("username")
    )


class RequestListView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.REQUESTS_VIEW
    template_name = "backoffice/disclosure/list.html"
    heading = gettext_lazy("依申请公开")
    fixed_status: str | None = None

    def get(self, request: HttpRequest) -> HttpResponse:
        form = disclosure_forms.RequestFilterForm(
            request.GET or None, handlers=_handlers_for(request.user)
        )
        filters: dict[str, Any] = {"status": self.fixed_status}
        handler = None
        if form.is_valid():
            data = form.cleaned_data
            filters.update(
                {
                    "status": self.fixed_status or data["status"] or None,
                    "overdue": True if data["overdue"] else None,
                    "due_within_days": DUE_SOON_DAYS if data["due_soon"] else None,
                    "query": data["q"] or None,
                }
            )
            handler = data["handler"]
        requests_ = selectors.request_list_for_actor(actor=request.user, **filters)
        if handler is not None:
            requests_ = requests_.filter(handler=handler)
        requests_ = requests_.select_related("organisation", "handler")
        page = Paginator(requests_, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            self.template_name,
            {
                "heading": self.heading,
                "form": form,
                "show_filters": self.fixed_status is None,
                "page_obj": page,
                "disclosure_requests": page.object_list,
                "query_string": query.urlencode(),
                "can_register": permissions.has_any_permission(
                    request.user, permissions.REQUESTS_REGISTER
                ),
            },
        )


class ConfirmQueueView(RequestListView):
    """Online applications waiting for the 双方确认 that fixes their day of receipt."""

    permission = permissions.REQUESTS_REGISTER
    heading = gettext_lazy("待确认的网上申请")
    fixed_status = DisclosureRequest.Status.PENDING_CONFIRMATION


class RegisterView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.REQUESTS_REGISTER

    def _form(self, request: HttpRequest, data: Any = None) -> disclosure_forms.RegisterForm:
        return disclosure_forms.RegisterForm(
            data,
            organisations=permissions.organisations_with(
                request.user, permissions.REQUESTS_REGISTER
            ).order_by("path"),
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            organisation = form.cleaned_data["organisation"]
            deny_unless(permissions.can_register_disclosure_request(request.user, organisation))
            try:
                channel = form.cleaned_data["channel"]
                receipt_day: dict[str, Any] = {}
                if form.cleaned_data["received_on"] is not None:
                    # The channel decides which day the typed date is (第三十一条).
                    date_argument = services.RECEIPT_DATE_RULES[channel][0]
                    receipt_day[date_argument] = form.cleaned_data["received_on"]
                disclosure_request = services.disclosure_request_register(
                    actor=request.user,
                    organisation=organisation,
                    channel=channel,
                    data=form.applicant_data(),
                    **receipt_day,
                )
            except ApplicationError as error:
                errors = error.extra.get("errors") or {}
                for name, message in errors.items():
                    form.add_error(name if name in form.fields else None, message)
                if not errors:
                    form.add_error(None, error.message)
            except ValidationError as error:
                for message in _error_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _(
                        "已登记申请，编号 %(number)s，查询码 %(code)s。"
                        "请将查询码告知申请人，系统不再显示。"
                    )
                    % {
                        "number": disclosure_request.tracking_number,
                        "code": getattr(disclosure_request, "access_code", ""),
                    },
                )
                return redirect("backoffice:request_detail", pk=disclosure_request.pk)
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: forms.Form) -> HttpResponse:
        return render(
            request,
            "backoffice/disclosure/register.html",
            {"form": form},
            status=400 if form.errors else 200,
        )


def _step_permissions(user: Any, disclosure_request: DisclosureRequest) -> dict[str, bool]:
    handle = permissions.can_handle_disclosure_request(user, disclosure_request)
    approve = permissions.can_approve_disclosure_request(user, disclosure_request)
    return {
        "confirm": permissions.can_register_disclosure_request(
            user, disclosure_request.organisation
        ),
        "assign": permissions.can_assign_disclosure_request(user, disclosure_request),
        "handle": handle,
        "approve": approve,
        "personal_data": permissions.can_view_applicant_personal_data(user, disclosure_request),
    }


APPLICANT_LABELS = [
    ("applicant_type", gettext_lazy("申请人类型")),
    ("applicant_name", gettext_lazy("姓名或名称")),
    ("id_type", gettext_lazy("证件类型")),
    ("id_number", gettext_lazy("证件号码")),
    ("credit_code", gettext_lazy("统一社会信用代码")),
    ("contact_person", gettext_lazy("联系人")),
    ("phone", gettext_lazy("联系电话")),
    ("email", gettext_lazy("电子邮箱")),
    ("address", gettext_lazy("通信地址")),
    ("postcode", gettext_lazy("邮政编码")),
]


def applicant_rows(view: dict[str, Any]) -> list[tuple[Any, Any]]:
    """privacy.applicant_view's fields as (label, value) rows, in the order of 第二十九条."""
    return [(label, view.get(name, "")) for name, label in APPLICANT_LABELS]


def _event_data_text(data: Any) -> str:
    # A dict key such as "items" would shadow dict.items in a template loop: format it here.
    if not isinstance(data, dict):
        return str(data or "")
    return "；".join(f"{key}={value}" for key, value in data.items())


def _detail_context(
    request: HttpRequest, disclosure_request: DisclosureRequest, *, unmasked: bool
) -> dict[str, Any]:
    user = request.user
    explanation = None
    explanation_error = None
    try:
        explanation = selectors.ledger_for(disclosure_request)
    except ApplicationError as error:
        explanation_error = error.message
    decision = getattr(disclosure_request, "decision", None)
    fee_notice = getattr(disclosure_request, "fee_notice", None)
    return {
        "disclosure_request": disclosure_request,
        "applicant_rows": applicant_rows(
            privacy.applicant_view(disclosure_request, user, reveal=unmasked)
        ),
        "unmasked": unmasked,
        "explanation": explanation,
        "explanation_error": explanation_error,
        "clock_events": [
            (event, _event_data_text(event.data))
            for event in disclosure_request.clock_events.select_related("actor")
        ],
        "decision": decision,
        "fee_notice": fee_notice,
        "letters": disclosure_request.letters.select_related("generated_by"),
        "deliveries": disclosure_request.deliveries.all(),
        "attachments": disclosure_request.attachments.all(),
        "parts": disclosure_request.parts.all(),
        "audit_entries": audit.entries_for(disclosure_request)[:200],
        "can": _step_permissions(user, disclosure_request),
        "Status": DisclosureRequest.Status,
        "forms": {
            "confirm": disclosure_forms.ConfirmForm(
                auto_id="id_confirm_%s",
            ),
            "assign": disclosure_forms.AssignForm(
                auto_id="id_assign_%s", disclosure_request=disclosure_request
            ),
            "correction_request": disclosure_forms.CorrectionRequestForm(
                auto_id="id_correction_request_%s",
            ),
            "correction_receive": disclosure_forms.CorrectionReceiveForm(
                auto_id="id_correction_receive_%s",
            ),
            "consultation_start": disclosure_forms.ConsultationStartForm(
                auto_id="id_consultation_start_%s",
            ),
            "consultation_end": disclosure_forms.ConsultationEndForm(
                auto_id="id_consultation_end_%s",
            ),
            "extend": disclosure_forms.ExtendForm(
                auto_id="id_extend_%s",
            ),
            "fee_notice": disclosure_forms.FeeNoticeForm(
                auto_id="id_fee_notice_%s",
            ),
            "fee_payment": disclosure_forms.FeePaymentForm(
                auto_id="id_fee_payment_%s",
            ),
            "decision_draft": disclosure_forms.DecisionDraftForm(
                auto_id="id_decision_draft_%s",
                initial=(
                    {
                        "outcome": decision.outcome,
                        "legal_basis": decision.legal_basis,
                        "reason_detail": decision.reason_detail,
                        "responsible_body_name": decision.responsible_body_name,
                        "responsible_body_contact": decision.responsible_body_contact,
                    }
                    if decision is not None
                    else None
                ),
            ),
            "letter_generate": disclosure_forms.LetterGenerateForm(
                auto_id="id_letter_generate_%s",
            ),
            "delivery": disclosure_forms.DeliveryForm(
                auto_id="id_delivery_%s", initial={"method": disclosure_request.delivery_method}
            ),
            "split": disclosure_forms.SplitForm(
                auto_id="id_split_%s",
            ),
            "publish": disclosure_forms.PublishForm(
                auto_id="id_publish_%s", initial={"title": disclosure_request.information_title}
            ),
        },
    }


class RequestDetailView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.REQUESTS_VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        disclosure_request = _load_request(request, pk)
        return render(
            request,
            "backoffice/disclosure/detail.html",
            _detail_context(request, disclosure_request, unmasked=False),
        )


class ApplicantRevealView(OrganisationPermissionRequiredMixin, View):
    """The application page with the applicant's personal data in clear; each view audited."""

    permission = permissions.REQUESTS_VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        disclosure_request = _load_request(request, pk)
        deny_unless(permissions.can_view_applicant_personal_data(request.user, disclosure_request))
        return render(
            request,
            "backoffice/disclosure/detail.html",
            _detail_context(request, disclosure_request, unmasked=True),
        )


# --- workflow steps ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One POST action of the application page: who may, what it reads, which service."""

    permission: str  # declared: the actor must hold it somewhere
    predicate: Callable[[Any, DisclosureRequest], bool]
    call: Callable[[Any, DisclosureRequest, dict[str, Any]], Any]
    success: Any
    form: type[forms.Form] | None = None
    anchor: str = "actions"


def _can_confirm(user: Any, disclosure_request: DisclosureRequest) -> bool:
    return permissions.can_register_disclosure_request(user, disclosure_request.organisation)


STEPS: dict[str, Step] = {
    "confirm": Step(
        permissions.REQUESTS_REGISTER,
        _can_confirm,
        lambda actor, dr, data: services.disclosure_request_confirm(
            actor=actor, disclosure_request=dr, confirmed_on=data["confirmed_on"]
        ),
        gettext_lazy("已确认收到申请，开始计算答复期限。"),
        disclosure_forms.ConfirmForm,
    ),
    "assign": Step(
        permissions.REQUESTS_REGISTER,
        permissions.can_assign_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_assign(
            actor=actor,
            disclosure_request=dr,
            handler=data["handler"],
            department=data["department"],
        ),
        gettext_lazy("已分配承办人。"),
        disclosure_forms.AssignForm,
    ),
    "correction_request": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_request_correction(
            actor=actor,
            disclosure_request=dr,
            items=data["items"],
            deadline_on=data["deadline_on"],
            sent_on=data["sent_on"],
        ),
        gettext_lazy("已告知补正，答复期限自收到补正之日起重新计算。"),
        disclosure_forms.CorrectionRequestForm,
    ),
    "correction_receive": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_receive_correction(
            actor=actor, disclosure_request=dr, received_on=data["received_on"], note=data["note"]
        ),
        gettext_lazy("已记录收到补正。"),
        disclosure_forms.CorrectionReceiveForm,
    ),
    "correction_missed": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_mark_correction_missed(
            actor=actor, disclosure_request=dr
        ),
        gettext_lazy("已记录逾期未补正。"),
    ),
    "consultation_start": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_start_consultation(
            actor=actor,
            disclosure_request=dr,
            party_kind=data["party_kind"],
            party_name=data["party_name"],
            sent_on=data["sent_on"],
        ),
        gettext_lazy("已记录发出征求意见，征求意见期间不计入答复期限。"),
        disclosure_forms.ConsultationStartForm,
    ),
    "consultation_end": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_end_consultation(
            actor=actor, disclosure_request=dr, ended_on=data["ended_on"], opinion=data["opinion"]
        ),
        gettext_lazy("已记录收到征求意见答复。"),
        disclosure_forms.ConsultationEndForm,
    ),
    "extend": Step(
        permissions.REQUESTS_APPROVE,
        permissions.can_approve_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_extend(
            actor=actor,
            disclosure_request=dr,
            days=data["days"],
            reason=data["reason"],
            approved_on=data["approved_on"],
        ),
        gettext_lazy("已批准延期答复。"),
        disclosure_forms.ExtendForm,
    ),
    "fee_notice": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_issue_fee_notice(
            actor=actor, disclosure_request=dr, method=data["method"], pages=data["pages"]
        ),
        gettext_lazy("已发出收费通知。"),
        disclosure_forms.FeeNoticeForm,
    ),
    "fee_payment": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_record_fee_payment(
            actor=actor, disclosure_request=dr, paid_on=data["paid_on"]
        ),
        gettext_lazy("已记录缴费。"),
        disclosure_forms.FeePaymentForm,
    ),
    "fee_overdue": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_mark_fee_overdue(
            actor=actor, disclosure_request=dr
        ),
        gettext_lazy("已记录逾期未缴费。"),
    ),
    "decision_draft": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_draft_decision(
            actor=actor, disclosure_request=dr, **data
        ),
        gettext_lazy("已保存答复草稿，待负责人审批。"),
        disclosure_forms.DecisionDraftForm,
    ),
    "decision_approve": Step(
        permissions.REQUESTS_APPROVE,
        permissions.can_approve_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_approve_decision(
            actor=actor, disclosure_request=dr
        ),
        gettext_lazy("已审批答复。"),
    ),
    "letter_generate": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.letter_generate(
            actor=actor, disclosure_request=dr, kind=data["kind"]
        ),
        gettext_lazy("已生成文书。"),
        disclosure_forms.LetterGenerateForm,
        anchor="letters",
    ),
    "delivery": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_record_delivery(
            actor=actor,
            disclosure_request=dr,
            method=data["method"],
            delivered_on=data["delivered_on"],
            proof=data["proof"],
        ),
        gettext_lazy("已记录送达，申请办结。"),
        disclosure_forms.DeliveryForm,
    ),
    "split": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_split(
            actor=actor, disclosure_request=dr, parts=data["parts"]
        ),
        gettext_lazy("已按一事一申请拆分。"),
        disclosure_forms.SplitForm,
    ),
    "publish": Step(
        permissions.REQUESTS_HANDLE,
        permissions.can_handle_disclosure_request,
        lambda actor, dr, data: services.disclosure_request_publish_to_catalogue(
            actor=actor, disclosure_request=dr, **{k: v for k, v in data.items() if v}
        ),
        gettext_lazy("已转为主动公开目录草稿（第四十四条）。"),
        disclosure_forms.PublishForm,
    ),
}


def step_form(step: Step, data: Any, disclosure_request: DisclosureRequest) -> forms.Form | None:
    """The step's bound form; choices that depend on the application are scoped to it."""
    if step.form is None:
        return None
    if step.form is disclosure_forms.AssignForm:
        return disclosure_forms.AssignForm(data, disclosure_request=disclosure_request)
    return step.form(data)


class RequestStepView(OrganisationPermissionRequiredMixin, View):
    """POST-only step of the application page: predicate, form, one service; then back."""

    step_name = ""

    @classmethod
    def for_step(cls, name: str) -> Any:
        return cls.as_view(step_name=name, permission=STEPS[name].permission)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        step = STEPS[self.step_name]
        disclosure_request = _load_request(request, pk)
        deny_unless(step.predicate(request.user, disclosure_request))
        target = reverse("backoffice:request_detail", args=[disclosure_request.pk])
        data: dict[str, Any] = {}
        form = step_form(step, request.POST, disclosure_request)
        if form is not None:
            if not form.is_valid():
                for message in _form_error_messages(form):
                    messages.error(request, message)
                return redirect(f"{target}#{step.anchor}")
            data = dict(form.cleaned_data)
        try:
            result = step.call(request.user, disclosure_request, data)
        except ApplicationError as error:
            messages.error(request, error.message)
        except ValidationError as error:
            for message in _error_messages(error):
                messages.error(request, message)
        else:
            messages.success(request, str(step.success))
            if self.step_name == "publish" and result is not None and getattr(result, "pk", None):
                return redirect("backoffice:item_detail", pk=result.pk)
        return redirect(f"{target}#{step.anchor}")


class LetterDownloadView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.REQUESTS_VIEW

    def get(self, request: HttpRequest, pk: int, letter_pk: int, file_format: str) -> HttpResponse:
        disclosure_request = _load_request(request, pk)
        letter = disclosure_request.letters.filter(pk=letter_pk).first()
        if letter is None or file_format not in ("pdf", "docx"):
            raise Http404(_("没有找到该文书。"))
        stored = letter.pdf if file_format == "pdf" else letter.docx
        if not stored:
            raise Http404(_("没有找到该文书。"))
        with stored.open("rb") as handle:
            content = handle.read()
        content_type = (
            "application/pdf"
            if file_format == "pdf"
            else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        response = HttpResponse(content, content_type=content_type)
        filename = f"{disclosure_request.tracking_number}-{letter.kind}-{letter.pk}.{file_format}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def dashboard_panel_context(actor: Any) -> dict[str, Any]:
    """Overdue and due-soon applications for the 工作台 panel (empty without requests.view)."""
    if not permissions.has_any_permission(actor, permissions.REQUESTS_VIEW):
        return {"can_view_requests": False}
    return {
        "can_view_requests": True,
        "requests_overdue": list(selectors.request_list_overdue(actor=actor)[:20]),
        "requests_due_soon": list(
            selectors.request_list_due_soon(actor=actor, days=DUE_SOON_DAYS)[:20]
        ),
        # Only those who may confirm receipt are sent to the queue.
        "requests_to_confirm": selectors.request_list_for_actor(
            actor=actor, status=DisclosureRequest.Status.PENDING_CONFIRMATION
        ).count()
        if permissions.has_any_permission(actor, permissions.REQUESTS_REGISTER)
        else 0,
    }
