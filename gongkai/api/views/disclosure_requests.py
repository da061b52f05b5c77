"""依申请公开 over the API.

Public: submit an application (answers the tracking number and the access code, once) and
track one with both (rate-limited; an unknown number and a wrong code get the same answer).
Staff (token authentication): list and read applications (personal data masked unless the
caller may see it and asks, which is audited) and take the workflow steps, each checked with
its permission predicate and refused with the service's message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.api.pagination import StandardPagination
from gongkai.api.permissions import HasDeclaredPermission
from gongkai.api.provisional import PROVISIONAL_FIELDS, ProvisionalDateMixin
from gongkai.backoffice.views.disclosure import STEPS, Step, step_form
from gongkai.disclosure_requests import privacy, selectors, services
from gongkai.disclosure_requests.models import (
    ApplicantType,
    DeliveryMethod,
    DisclosureRequest,
    FormWanted,
    IdType,
    Letter,
)
from gongkai.organisations import permissions
from gongkai.organisations.selectors import organisation_list_public
from gongkai.portal.views.disclosure import (
    APPLICANT_LETTER_KINDS,
    track_failure_count,
    track_limit_reached,
)

# --- public -----------------------------------------------------------------------------------


class SubmitInputSerializer(serializers.Serializer[Any]):
    organisation = serializers.IntegerField(min_value=1)
    applicant_type = serializers.ChoiceField(choices=ApplicantType.choices)
    applicant_name = serializers.CharField(max_length=200)
    id_type = serializers.ChoiceField(choices=IdType.choices, required=False, allow_blank=True)
    id_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    credit_code = serializers.CharField(max_length=18, required=False, allow_blank=True)
    contact_person = serializers.CharField(max_length=100, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    postcode = serializers.CharField(max_length=10, required=False, allow_blank=True)
    information_title = serializers.CharField(max_length=300, required=False, allow_blank=True)
    information_document_number = serializers.CharField(
        max_length=100, required=False, allow_blank=True
    )
    information_description = serializers.CharField(required=False, allow_blank=True)
    form_wanted = serializers.ChoiceField(choices=FormWanted.choices)
    delivery_method = serializers.ChoiceField(choices=DeliveryMethod.choices)

    def validate_organisation(self, value: int) -> Any:
        organisation = organisation_list_public().filter(pk=value).first()
        if organisation is None:
            raise serializers.ValidationError(_("没有该机构。"))
        return organisation


class SubmitOutputSerializer(serializers.Serializer[Any]):
    tracking_number = serializers.CharField()
    access_code = serializers.CharField(help_text="只返回这一次，请妥善保存。")
    status = serializers.CharField()
    status_label = serializers.CharField()


class ApplicantLetterSerializer(serializers.ModelSerializer[Letter]):
    kind_label = serializers.CharField(source="get_kind_display")

    class Meta:
        model = Letter
        fields = ["id", "kind", "kind_label", "generated_at"]


class TrackOutputSerializer(ProvisionalDateMixin, serializers.ModelSerializer[DisclosureRequest]):
    """What the applicant may see: status, dates, letters and deliveries, nothing else."""

    organisation_name = serializers.CharField(source="organisation.name")
    status_label = serializers.CharField(source="get_status_display")
    letters = serializers.SerializerMethodField()
    deliveries = serializers.SerializerMethodField()

    class Meta:
        model = DisclosureRequest
        fields = [
            "tracking_number",
            "organisation_name",
            "information_title",
            "status",
            "status_label",
            "received_on",
            "due_on",
            *PROVISIONAL_FIELDS,
            "closed_on",
            "letters",
            "deliveries",
        ]

    def get_letters(self, obj: DisclosureRequest) -> list[dict[str, Any]]:
        letters = [letter for letter in obj.letters.all() if letter.kind in APPLICANT_LETTER_KINDS]
        return list(ApplicantLetterSerializer(letters, many=True).data)

    def get_deliveries(self, obj: DisclosureRequest) -> list[dict[str, Any]]:
        return [
            {"method": delivery.method, "delivered_on": delivery.delivered_on.isoformat()}
            for delivery in obj.deliveries.all()
        ]


class RequestSubmitApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(
        summary="提交政府信息公开申请",
        request=SubmitInputSerializer,
        responses={201: SubmitOutputSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = SubmitInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        disclosure_request, access_code = services.disclosure_request_submit_online(
            data=dict(serializer.validated_data)
        )
        return Response(
            {
                "tracking_number": disclosure_request.tracking_number,
                "access_code": access_code,
                "status": disclosure_request.status,
                "status_label": disclosure_request.get_status_display(),
            },
            status=status.HTTP_201_CREATED,
        )


class RequestTrackApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema_serializer(component_name="RequestTrackInput")
    class InputSerializer(serializers.Serializer[Any]):
        tracking_number = serializers.CharField(max_length=60)
        access_code = serializers.CharField(max_length=20)

    @extend_schema(
        summary="查询申请办理情况（申请编号 + 查询码）",
        request=InputSerializer,
        responses=TrackOutputSerializer,
    )
    def post(self, request: Request) -> Response:
        if track_limit_reached(request):
            raise Throttled(detail=_("查询次数过多，请10分钟后再试。"))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        disclosure_request = selectors.request_get_for_applicant(
            tracking_number=serializer.validated_data["tracking_number"].strip(),
            access_code=serializer.validated_data["access_code"].strip(),
        )
        if disclosure_request is None:
            track_failure_count(request)
            raise NotFound(_("申请编号或查询码不正确。"))
        return Response(TrackOutputSerializer(disclosure_request).data)


# --- staff ------------------------------------------------------------------------------------


class StaffRequestSerializer(ProvisionalDateMixin, serializers.ModelSerializer[DisclosureRequest]):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    handler_name = serializers.SerializerMethodField()

    class Meta:
        model = DisclosureRequest
        fields = [
            "id",
            "tracking_number",
            "organisation",
            "organisation_name",
            "department",
            "channel",
            "submitted_at",
            "received_on",
            "regime",
            "status",
            "status_label",
            "applicant_type",
            "information_title",
            "information_document_number",
            "form_wanted",
            "delivery_method",
            "handler",
            "handler_name",
            "parent",
            "due_on",
            *PROVISIONAL_FIELDS,
            "outcome",
            "closed_on",
        ]

    def get_handler_name(self, obj: DisclosureRequest) -> str:
        handler = obj.handler
        if handler is None:
            return ""
        return str(getattr(handler, "display_name", "") or handler.get_username())


def _load(request: Request, pk: int) -> DisclosureRequest:
    disclosure_request = selectors.request_get_for_actor(actor=request.user, pk=pk)
    if disclosure_request is None:
        raise NotFound(_("没有找到该申请。"))
    return disclosure_request


def _detail(request: Request, disclosure_request: DisclosureRequest, *, unmasked: bool) -> Any:
    data = dict(StaffRequestSerializer(disclosure_request).data)
    applicant = privacy.applicant_view(disclosure_request, request.user, reveal=unmasked)
    data["applicant_masked"] = applicant.pop("masked")
    applicant.pop("can_reveal", None)
    data["applicant"] = applicant
    data["information_description"] = disclosure_request.information_description
    explanation = selectors.ledger_for(disclosure_request)
    data["deadline"] = (
        None
        if explanation is None
        else {
            "start_on": explanation.start_on,
            "base_due_on": explanation.base_due_on,
            "due_on": explanation.due_on,
            "extension_days": explanation.extension_days,
            "is_overdue": explanation.is_overdue,
            "days_remaining": explanation.days_remaining,
            "paused_days": [
                {"date": day.date, "reason": day.reason} for day in explanation.paused_days
            ],
            "skipped_days": [
                {"date": day.date, "reason": day.reason_code, "name": day.name}
                for day in explanation.skipped_days
            ],
            "possible_makeup_workdays": explanation.possible_makeup_workdays,
            "provisional": explanation.provisional,
            "provisional_years": list(explanation.provisional_years),
            "provisional_note": explanation.provisional_note,
            "steps": explanation.steps,
        }
    )
    data["clock_events"] = [
        {"kind": event.kind, "occurred_on": event.occurred_on, "data": event.data}
        for event in disclosure_request.clock_events.all()
    ]
    data["letters"] = [
        {"id": letter.pk, "kind": letter.kind, "generated_at": letter.generated_at}
        for letter in disclosure_request.letters.all()
    ]
    return data


class _StaffRequestApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.REQUESTS_VIEW


class StaffRequestListApi(_StaffRequestApi):
    @extend_schema_serializer(component_name="StaffRequestFilter")
    class FilterSerializer(serializers.Serializer[Any]):
        status = serializers.ChoiceField(choices=DisclosureRequest.Status.choices, required=False)
        q = serializers.CharField(required=False, allow_blank=True)
        overdue = serializers.BooleanField(required=False, allow_null=True, default=None)
        due_within_days = serializers.IntegerField(required=False, min_value=0, max_value=60)

    @extend_schema(
        summary="本人可见的依申请公开申请",
        parameters=[
            OpenApiParameter(
                "status", str, enum=[c for c, _label in DisclosureRequest.Status.choices]
            ),
            OpenApiParameter("q", str),
            OpenApiParameter("overdue", bool),
            OpenApiParameter("due_within_days", int),
        ],
        responses=StaffRequestSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        requests_ = selectors.request_list_for_actor(
            actor=request.user,
            status=data.get("status") or None,
            overdue=data.get("overdue"),
            due_within_days=data.get("due_within_days"),
            query=data.get("q") or None,
        ).select_related("organisation", "handler")
        paginator = StandardPagination()
        page = paginator.paginate_queryset(requests_, request, view=self)
        return paginator.get_paginated_response(StaffRequestSerializer(page, many=True).data)


class StaffRequestDetailApi(_StaffRequestApi):
    @extend_schema(
        summary="申请详情（个人信息默认部分隐藏；unmasked=true 显示完整信息并记入审计）",
        parameters=[OpenApiParameter("unmasked", bool)],
        responses=StaffRequestSerializer,
    )
    def get(self, request: Request, pk: int) -> Response:
        disclosure_request = _load(request, pk)
        unmasked = request.query_params.get("unmasked") in ("1", "true", "True")
        if unmasked and not permissions.can_view_applicant_personal_data(
            request.user, disclosure_request
        ):
            raise PermissionDenied(_("您无权查看申请人的完整个人信息。"))
        return Response(_detail(request, disclosure_request, unmasked=unmasked))


class StaffRequestStepApi(_StaffRequestApi):
    """One workflow step; the body carries the same fields as the back-office form."""

    step_name = ""

    @classmethod
    def for_step(cls, name: str) -> Any:
        return cls.as_view(step_name=name, permission=STEPS[name].permission)

    @extend_schema(summary="办理步骤", request=None, responses=StaffRequestSerializer)
    def post(self, request: Request, pk: int) -> Response:
        step: Step = STEPS[self.step_name]
        disclosure_request = _load(request, pk)
        if not step.predicate(request.user, disclosure_request):
            raise PermissionDenied(_("您没有执行此操作的权限。"))
        data: dict[str, Any] = {}
        if not isinstance(request.data, Mapping):
            raise ValidationError(_("请求数据应为对象。"))
        form = step_form(step, request.data, disclosure_request)
        if form is not None:
            if not form.is_valid():
                raise ValidationError(form.errors.get_json_data())
            data = dict(form.cleaned_data)
        step.call(request.user, disclosure_request, data)
        disclosure_request = _load(request, pk)
        return Response(StaffRequestSerializer(disclosure_request).data)
