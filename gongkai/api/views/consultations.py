"""API of 咨询: public 留言 and reads of published answers and the FAQ; staff register,
tallies, conversion into an application and the yearly figures."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.api.pagination import StandardPagination
from gongkai.api.permissions import HasDeclaredPermission
from gongkai.api.serializers import FIGURES
from gongkai.consultations import selectors, services, statistics
from gongkai.consultations.models import (
    Channel,
    Consultation,
    ConsultationTally,
    ConsultationTopic,
    FaqEntry,
)
from gongkai.disclosure_requests.models import Channel as RequestChannel
from gongkai.organisations import permissions
from gongkai.organisations import selectors as organisation_selectors
from gongkai.organisations.models import Organisation


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("您没有执行此操作的权限。"))


def _paginated(request: Request, view: APIView, rows: Any, serializer: Any) -> Response:
    paginator = StandardPagination()
    page: Any = paginator.paginate_queryset(rows, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)


# --- public -----------------------------------------------------------------------------------


class PublicConsultationSerializer(serializers.ModelSerializer[Consultation]):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    topic_name = serializers.CharField(source="topic.name", read_only=True, default="")
    asker = serializers.SerializerMethodField()

    class Meta:
        model = Consultation
        fields = [
            "id", "organisation", "organisation_name", "topic_name", "asker", "question",
            "answer", "occurred_at", "answered_at",
        ]  # fmt: skip

    def get_asker(self, consultation: Consultation) -> str:
        return selectors.masked_asker_name(consultation)


class FaqEntrySerializer(serializers.ModelSerializer[FaqEntry]):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    topic_name = serializers.CharField(source="topic.name", read_only=True, default="")

    class Meta:
        model = FaqEntry
        fields = ["id", "organisation", "organisation_name", "topic_name", "question", "answer"]


class ConsultationSubmitApi(APIView):
    @extend_schema_serializer(component_name="OnlineConsultationInput")
    class InputSerializer(serializers.Serializer[Any]):
        organisation = serializers.IntegerField(min_value=1)
        asker_name = serializers.CharField(max_length=100)
        asker_contact = serializers.CharField(max_length=200)
        question = serializers.CharField(max_length=2000)
        allow_publish = serializers.BooleanField(default=False)

        def validate_organisation(self, value: int) -> Organisation:
            organisation = (
                organisation_selectors.organisation_list_public().filter(pk=value).first()
            )
            if organisation is None:
                raise serializers.ValidationError(_("没有该机构。"))
            return organisation

    @extend_schema(
        summary="留言咨询（公众）",
        request=InputSerializer,
        responses={201: OpenApiTypes.OBJECT},
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        consultation = services.consultation_submit_online(**serializer.validated_data)
        return Response(
            {"id": consultation.pk, "message": "留言已提交，工作人员将通过您留下的联系方式答复。"},
            status=status.HTTP_201_CREATED,
        )


class ConsultationPublicListApi(APIView):
    @extend_schema(
        summary="已公开答复的留言咨询",
        parameters=[OpenApiParameter("organisation", int, description="机构编号")],
        responses=PublicConsultationSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        organisation = None
        if request.query_params.get("organisation"):
            organisation = (
                organisation_selectors.organisation_list_public()
                .filter(pk=_int_param(request, "organisation"))
                .first()
            )
            if organisation is None:
                raise ValidationError({"organisation": [_("没有该机构。")]})
        rows = selectors.consultation_list_public(organisation=organisation)
        return _paginated(request, self, rows, PublicConsultationSerializer)


class FaqListApi(APIView):
    @extend_schema(
        summary="常见问题及疑难问题解答（检索）",
        parameters=[OpenApiParameter("q", str, description="检索词；多个词以空格分隔，须同时包含")],
        responses=FaqEntrySerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        query = request.query_params.get("q", "")[:100]
        return _paginated(
            request, self, selectors.faq_search_public(query=query), FaqEntrySerializer
        )


def _int_param(request: Request, name: str) -> int:
    try:
        return int(request.query_params.get(name, ""))
    except ValueError:
        raise ValidationError({name: [_("须为整数。")]}) from None


# --- staff ------------------------------------------------------------------------------------


class StaffConsultationSerializer(serializers.ModelSerializer[Consultation]):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    channel_label = serializers.CharField(source="get_channel_display", read_only=True)
    topic_name = serializers.CharField(source="topic.name", read_only=True, default="")
    staff_name = serializers.CharField(source="staff.display_name", read_only=True, default="")
    converted_request_number = serializers.CharField(
        source="converted_request.tracking_number", read_only=True, default=""
    )

    class Meta:
        model = Consultation
        fields = [
            "id", "organisation", "organisation_name", "department", "channel", "channel_label",
            "occurred_at", "topic", "topic_name", "question", "answer", "answered_at",
            "staff_name", "duration_minutes", "referred", "referred_to", "allow_publish",
            "converted_request", "converted_request_number", "created_at",
        ]  # fmt: skip


class StaffTallySerializer(serializers.ModelSerializer[ConsultationTally]):
    channel_label = serializers.CharField(source="get_channel_display", read_only=True)
    topic_name = serializers.CharField(source="topic.name", read_only=True, default="")

    class Meta:
        model = ConsultationTally
        fields = [
            "id", "organisation", "date", "channel", "channel_label", "topic", "topic_name",
            "count", "note", "created_at",
        ]  # fmt: skip


class _StaffApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.CONSULTATIONS_VIEW


def _managed_organisation(request: Request, pk: int) -> Organisation:
    organisation = (
        permissions.organisations_with(request.user, permissions.CONSULTATIONS_VIEW)
        .filter(pk=pk)
        .first()
    )
    if organisation is None:
        raise ValidationError({"organisation": [_("没有该机构，或您不在该机构任职。")]})
    _require(permissions.can_manage_consultations(request.user, organisation))
    return organisation


def _topic(organisation: Organisation, topic_id: int | None) -> ConsultationTopic | None:
    if topic_id is None:
        return None
    topic = selectors.topic_list(organisation=organisation).filter(pk=topic_id).first()
    if topic is None:
        raise ValidationError({"topic": [_("所选咨询主题不属于该机构。")]})
    return topic


def _department(organisation: Organisation, department_id: int | None) -> Organisation | None:
    if department_id is None:
        return None
    department = Organisation.objects.filter(
        pk=department_id, path__startswith=organisation.path
    ).first()
    if department is None:
        raise ValidationError({"department": [_("承办部门须是该机构或其下属部门。")]})
    return department


def _load(request: Request, pk: int) -> Consultation:
    consultation = selectors.consultation_get_for_actor(actor=request.user, pk=pk)
    if consultation is None:
        raise NotFound(_("没有找到该咨询记录。"))
    return consultation


class StaffConsultationListApi(_StaffApi):
    @extend_schema_serializer(component_name="StaffConsultationCreateInput")
    class InputSerializer(serializers.Serializer[Any]):
        organisation = serializers.IntegerField(min_value=1)
        channel = serializers.ChoiceField(choices=Channel.choices)
        occurred_at = serializers.DateTimeField(required=False)
        topic = serializers.IntegerField(required=False, allow_null=True, min_value=1)
        department = serializers.IntegerField(required=False, allow_null=True, min_value=1)
        question = serializers.CharField()
        answer = serializers.CharField(required=False, allow_blank=True, default="")
        duration_minutes = serializers.IntegerField(required=False, allow_null=True)
        referred = serializers.BooleanField(default=False)
        referred_to = serializers.CharField(required=False, allow_blank=True, default="")

    @extend_schema(
        summary="咨询记录（本人可见机构）",
        parameters=[
            OpenApiParameter("channel", str, enum=Channel.values),
            OpenApiParameter("q", str),
        ],
        responses=StaffConsultationSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        channel = request.query_params.get("channel") or None
        if channel and channel not in Channel.values:
            raise ValidationError({"channel": [_("咨询方式无效。")]})
        rows = selectors.consultation_list_for_actor(
            actor=request.user, channel=channel, query=request.query_params.get("q")
        ).select_related("converted_request")
        return _paginated(request, self, rows, StaffConsultationSerializer)

    @extend_schema(
        summary="登记一条咨询",
        request=InputSerializer,
        responses={201: StaffConsultationSerializer},
    )
    def post(self, request: Request) -> Response:
        _require(permissions.has_any_permission(request.user, permissions.CONSULTATIONS_MANAGE))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        organisation = _managed_organisation(request, fields.pop("organisation"))
        fields["topic"] = _topic(organisation, fields.pop("topic", None))
        fields["department"] = _department(organisation, fields.pop("department", None))
        consultation = services.consultation_record(
            actor=request.user, organisation=organisation, **fields
        )
        return Response(
            StaffConsultationSerializer(consultation).data, status=status.HTTP_201_CREATED
        )


class StaffConsultationDetailApi(_StaffApi):
    @extend_schema_serializer(component_name="StaffConsultationUpdateInput")
    class InputSerializer(serializers.Serializer[Any]):
        channel = serializers.ChoiceField(choices=Channel.choices, required=False)
        occurred_at = serializers.DateTimeField(required=False)
        topic = serializers.IntegerField(required=False, allow_null=True, min_value=1)
        department = serializers.IntegerField(required=False, allow_null=True, min_value=1)
        question = serializers.CharField(required=False)
        answer = serializers.CharField(required=False, allow_blank=True)
        duration_minutes = serializers.IntegerField(required=False, allow_null=True)
        referred = serializers.BooleanField(required=False)
        referred_to = serializers.CharField(required=False, allow_blank=True)
        allow_publish = serializers.BooleanField(required=False)

    @extend_schema(summary="咨询记录详情", responses=StaffConsultationSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(StaffConsultationSerializer(_load(request, pk)).data)

    @extend_schema(
        summary="修改或答复咨询", request=InputSerializer, responses=StaffConsultationSerializer
    )
    def patch(self, request: Request, pk: int) -> Response:
        consultation = _load(request, pk)
        _require(permissions.can_manage_consultations(request.user, consultation.organisation))
        serializer = self.InputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        if "topic" in fields:
            fields["topic"] = _topic(consultation.organisation, fields["topic"])
        if "department" in fields:
            fields["department"] = _department(consultation.organisation, fields["department"])
        consultation = services.consultation_update(
            actor=request.user, consultation=consultation, **fields
        )
        return Response(StaffConsultationSerializer(consultation).data)


class StaffConsultationConvertApi(_StaffApi):
    permission = permissions.REQUESTS_REGISTER

    @extend_schema_serializer(component_name="ConsultationConvertInput")
    class InputSerializer(serializers.Serializer[Any]):
        channel = serializers.ChoiceField(choices=RequestChannel.choices, required=False)
        receipt_day = serializers.DateField(
            required=False, help_text="当面提交日、签收日或双方确认日（依申请方式）"
        )
        application = serializers.DictField(
            help_text="申请内容，字段同 POST /api/v1/requests/（不含 organisation）"
        )

    @extend_schema(
        summary="将咨询转为政府信息公开申请",
        request=InputSerializer,
        responses={201: OpenApiTypes.OBJECT},
    )
    def post(self, request: Request, pk: int) -> Response:
        consultation = _load(request, pk)
        _require(
            permissions.can_register_disclosure_request(request.user, consultation.organisation)
        )
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        disclosure_request = services.consultation_convert_to_request(
            actor=request.user,
            consultation=consultation,
            data=data["application"],
            channel=data.get("channel"),
            receipt_day=data.get("receipt_day"),
        )
        return Response(
            {
                "id": disclosure_request.pk,
                "tracking_number": disclosure_request.tracking_number,
                "access_code": getattr(disclosure_request, "access_code", ""),
            },
            status=status.HTTP_201_CREATED,
        )


class StaffTallyListApi(_StaffApi):
    @extend_schema_serializer(component_name="ConsultationTallyInput")
    class InputSerializer(serializers.Serializer[Any]):
        organisation = serializers.IntegerField(min_value=1)
        date = serializers.DateField()
        channel = serializers.ChoiceField(choices=Channel.choices)
        topic = serializers.IntegerField(required=False, allow_null=True, min_value=1)
        # Sign and zero are the service's rule, stated with its own message.
        count = serializers.IntegerField()
        note = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)

    @extend_schema(summary="咨询日统计", responses=StaffTallySerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = selectors.tally_list_for_actor(actor=request.user)
        return _paginated(request, self, rows, StaffTallySerializer)

    @extend_schema(
        summary="登记咨询日统计（人次）",
        request=InputSerializer,
        responses={201: StaffTallySerializer},
    )
    def post(self, request: Request) -> Response:
        _require(permissions.has_any_permission(request.user, permissions.CONSULTATIONS_MANAGE))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        organisation = _managed_organisation(request, fields.pop("organisation"))
        fields["topic"] = _topic(organisation, fields.pop("topic", None))
        tally = services.consultation_tally_record(
            actor=request.user, organisation=organisation, **fields
        )
        return Response(StaffTallySerializer(tally).data, status=status.HTTP_201_CREATED)


class StaffConsultationStatisticsApi(_StaffApi):
    @extend_schema(
        summary="咨询年度统计（本人可见机构合计）",
        parameters=[OpenApiParameter("year", int, required=True)],
        responses={200: FIGURES},
    )
    def get(self, request: Request) -> Response:
        year = _int_param(request, "year")
        if not 1990 <= year <= 2100:
            raise ValidationError({"year": [_("年份无效。")]})
        organisation_ids = list(
            permissions.organisations_with(
                request.user, permissions.CONSULTATIONS_VIEW
            ).values_list("pk", flat=True)
        )
        figures = statistics.year_statistics(organisation_ids=organisation_ids, year=year)
        figures.update(
            statistics.year_statistics_by_topic(organisation_ids=organisation_ids, year=year)
        )
        return Response(figures)
