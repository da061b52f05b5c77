"""审批处长接访 and 政企互动 over the API.

Public: open reception slots and booking one; published meetings and registering for one;
subscribing an enterprise to the information service. Staff (token authentication): the
reception sessions (list, record, read), bookings, meetings, subscribers and messages, and
starting or resuming a message's sending. Refusals of the rules come back as {"message": ...}.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.api.pagination import StandardPagination
from gongkai.api.permissions import HasDeclaredPermission
from gongkai.engagement import selectors as engagement_selectors
from gongkai.engagement import services as engagement_services
from gongkai.engagement.models import (
    BroadcastMessage,
    EnterpriseSubscriber,
    Meeting,
)
from gongkai.organisations import permissions
from gongkai.organisations.selectors import organisation_list_public
from gongkai.reception import selectors as reception_selectors
from gongkai.reception import services as reception_services
from gongkai.reception.models import ReceptionBooking, ReceptionSession, ReceptionSlot


def _paginated(request: Request, view: APIView, rows: Any, serializer: Any) -> Response:
    paginator = StandardPagination()
    page: Any = paginator.paginate_queryset(rows, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)


# --- public: reception -------------------------------------------------------------------------


class SlotSerializer(serializers.ModelSerializer[ReceptionSlot]):
    organisation_name = serializers.CharField(source="schedule.organisation.name")
    stationed_department = serializers.CharField(source="schedule.stationed_department_name")
    receiver_name = serializers.CharField(source="schedule.receiver_name")
    receiver_title = serializers.CharField(source="schedule.receiver_title")
    remaining = serializers.IntegerField()

    class Meta:
        model = ReceptionSlot
        fields = [
            "id",
            "organisation_name",
            "stationed_department",
            "receiver_name",
            "receiver_title",
            "date",
            "start_time",
            "end_time",
            "place",
            "capacity",
            "remaining",
        ]


class SlotListApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(summary="可预约的审批处长接访时段", responses=SlotSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = reception_selectors.slot_list_public().order_by("date", "start_time", "id")
        return _paginated(request, self, rows, SlotSerializer)


class BookingCreateApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema_serializer(component_name="ReceptionBookingInput")
    class InputSerializer(serializers.Serializer[Any]):
        name = serializers.CharField(max_length=100)
        phone = serializers.CharField(max_length=40)
        email = serializers.CharField(max_length=254, required=False, allow_blank=True)
        company = serializers.CharField(max_length=200, required=False, allow_blank=True)
        question = serializers.CharField()

    @extend_schema_serializer(component_name="ReceptionBookingOutput")
    class OutputSerializer(serializers.ModelSerializer[ReceptionBooking]):
        class Meta:
            model = ReceptionBooking
            fields = ["reference", "status", "slot"]

    @extend_schema(
        summary="预约接访时段（名额已满时返回400及说明）",
        request=InputSerializer,
        responses={201: OutputSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        booking = reception_services.reception_booking_create(
            slot_id=pk, **serializer.validated_data
        )
        return Response(self.OutputSerializer(booking).data, status=status.HTTP_201_CREATED)


# --- public: engagement ------------------------------------------------------------------------


class MeetingSerializer(serializers.ModelSerializer[Meeting]):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    registration_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "organisation",
            "organisation_name",
            "kind",
            "kind_label",
            "title",
            "co_organisers",
            "held_on",
            "start_time",
            "place",
            "capacity",
            "registration_open",
            "registration_count",
            "attended_count",
        ]


class MeetingListApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="政企互动会议",
        parameters=[OpenApiParameter("upcoming", bool)],
        responses=MeetingSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        upcoming = {"true": True, "false": False}.get(request.query_params.get("upcoming", ""))
        rows = engagement_selectors.meeting_list_public(upcoming=upcoming)
        return _paginated(request, self, rows, MeetingSerializer)


class MeetingRegisterApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema_serializer(component_name="MeetingRegistrationInput")
    class InputSerializer(serializers.Serializer[Any]):
        name = serializers.CharField(max_length=100)
        phone = serializers.CharField(max_length=40)
        email = serializers.CharField(max_length=254, required=False, allow_blank=True)
        company = serializers.CharField(max_length=200, required=False, allow_blank=True)

    @extend_schema(
        summary="网上报名（同一手机号或邮箱重复报名返回400）",
        request=InputSerializer,
        responses={201: MeetingSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        engagement_services.meeting_registration_create(meeting_id=pk, **serializer.validated_data)
        meeting = engagement_selectors.meeting_get_public(pk=pk)
        return Response(MeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)


class SubscribeApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema_serializer(component_name="EnterpriseSubscribeInput")
    class InputSerializer(serializers.Serializer[Any]):
        organisation = serializers.IntegerField(min_value=1)
        enterprise_name = serializers.CharField(max_length=200)
        credit_code = serializers.CharField(max_length=20, required=False, allow_blank=True)
        # Checked by the service, which answers a malformed address with a clear message.
        email = serializers.CharField(max_length=254)
        topics = serializers.ListField(child=serializers.IntegerField(min_value=1))

    @extend_schema_serializer(component_name="EnterpriseSubscribeOutput")
    class OutputSerializer(serializers.Serializer[Any]):
        enterprise_name = serializers.CharField()
        email = serializers.CharField()
        topics = serializers.ListField(child=serializers.CharField())

    @extend_schema(
        summary="订阅企业信息服务（管理和退订链接随确认邮件发送）",
        request=InputSerializer,
        responses={201: OutputSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        organisation = organisation_list_public().filter(pk=data["organisation"]).first()
        if organisation is None:
            raise NotFound(_("没有该机构。"))
        topics: list[Any] = list(
            engagement_selectors.topic_list_public(organisation_id=organisation.pk).filter(
                pk__in=data["topics"]
            )
        )
        subscriber = engagement_services.enterprise_subscribe(
            organisation=organisation,
            enterprise_name=data["enterprise_name"],
            credit_code=data.get("credit_code", ""),
            email=data["email"],
            topics=topics,
        )
        return Response(
            {
                "enterprise_name": subscriber.enterprise_name,
                "email": subscriber.email,
                "topics": [topic.name for topic in topics],
            },
            status=status.HTTP_201_CREATED,
        )


# --- staff: reception --------------------------------------------------------------------------


class SessionSerializer(serializers.ModelSerializer[ReceptionSession]):
    class Meta:
        model = ReceptionSession
        fields = [
            "id",
            "organisation",
            "schedule",
            "stationed_department_name",
            "held_on",
            "staff_dispatched",
            "visitors_received",
            "questions_answered_on_spot",
            "follow_ups",
        ]
        read_only_fields = ["id"]
        extra_kwargs = {"schedule": {"required": False, "allow_null": True}}


class StaffBookingSerializer(serializers.ModelSerializer[ReceptionBooking]):
    date = serializers.DateField(source="slot.date")
    stationed_department = serializers.CharField(source="slot.schedule.stationed_department_name")

    class Meta:
        model = ReceptionBooking
        fields = [
            "id",
            "reference",
            "date",
            "stationed_department",
            "name",
            "phone",
            "email",
            "company",
            "question",
            "status",
            "booked_at",
        ]


class _ReceptionStaffApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.RECEPTION_VIEW


class StaffSessionListApi(_ReceptionStaffApi):
    def get_permissions(self) -> Any:
        if self.request.method == "POST":
            self.permission = permissions.RECEPTION_MANAGE
        return super().get_permissions()

    @extend_schema(
        summary="接访记录",
        parameters=[OpenApiParameter("year", int), OpenApiParameter("month", int)],
        responses=SessionSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        year = request.query_params.get("year")
        month = request.query_params.get("month")
        rows = reception_selectors.session_list_for_actor(
            actor=request.user,
            year=int(year) if year and year.isdigit() else None,
            month=int(month) if month and month.isdigit() else None,
        )
        return _paginated(request, self, rows, SessionSerializer)

    @extend_schema(
        summary="登记接访记录", request=SessionSerializer, responses={201: SessionSerializer}
    )
    def post(self, request: Request) -> Response:
        serializer = SessionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        organisation = data.pop("organisation")
        if not permissions.can_manage_reception(request.user, organisation):
            raise serializers.ValidationError({"organisation": [_("您不能为该机构登记。")]})
        session = reception_services.reception_session_create(
            actor=request.user, organisation=organisation, data=data
        )
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)


class StaffSessionDetailApi(_ReceptionStaffApi):
    @extend_schema(summary="接访记录详情", responses=SessionSerializer)
    def get(self, request: Request, pk: int) -> Response:
        session = reception_selectors.session_get_for_actor(actor=request.user, pk=pk)
        if session is None:
            raise NotFound(_("没有找到该接访记录。"))
        return Response(SessionSerializer(session).data)


class StaffBookingListApi(_ReceptionStaffApi):
    @extend_schema(summary="接访预约", responses=StaffBookingSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = reception_selectors.booking_list_for_actor(actor=request.user)
        return _paginated(request, self, rows, StaffBookingSerializer)


# --- staff: engagement -------------------------------------------------------------------------


class SubscriberSerializer(serializers.ModelSerializer[EnterpriseSubscriber]):
    topics: Any = serializers.SlugRelatedField(many=True, slug_field="name", read_only=True)

    class Meta:
        model = EnterpriseSubscriber
        fields = [
            "id",
            "organisation",
            "enterprise_name",
            "credit_code",
            "email",
            "topics",
            "subscribed_at",
            "unsubscribed_at",
        ]


class MessageSerializer(serializers.ModelSerializer[BroadcastMessage]):
    topic_name = serializers.CharField(source="topic.name")
    delivered = serializers.IntegerField()
    pending = serializers.IntegerField()
    failed = serializers.IntegerField()

    class Meta:
        model = BroadcastMessage
        fields = [
            "id",
            "organisation",
            "topic",
            "topic_name",
            "subject",
            "status",
            "sent_at",
            "delivered",
            "pending",
            "failed",
        ]


class _EngagementStaffApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.ENGAGEMENT_VIEW


class StaffMeetingListApi(_EngagementStaffApi):
    @extend_schema(summary="会议（含未公布）", responses=MeetingSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = engagement_selectors.meeting_list_for_actor(actor=request.user)
        return _paginated(request, self, rows, MeetingSerializer)


class StaffSubscriberListApi(_EngagementStaffApi):
    @extend_schema(summary="订阅企业", responses=SubscriberSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = engagement_selectors.subscriber_list_for_actor(actor=request.user).prefetch_related(
            "topics"
        )
        return _paginated(request, self, rows, SubscriberSerializer)


class StaffMessageListApi(_EngagementStaffApi):
    @extend_schema(summary="企业信息及送达情况", responses=MessageSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = engagement_selectors.message_list_for_actor(actor=request.user)
        return _paginated(request, self, rows, MessageSerializer)


class StaffMessageSendApi(_EngagementStaffApi):
    permission = permissions.ENGAGEMENT_MANAGE

    @extend_schema(
        summary="发送或继续发送企业信息（只发给尚未送达的企业）",
        request=None,
        responses=MessageSerializer,
    )
    def post(self, request: Request, pk: int) -> Response:
        message = engagement_selectors.message_get_for_actor(actor=request.user, pk=pk)
        if message is None:
            raise NotFound(_("没有找到该信息。"))
        if not permissions.can_manage_engagement(request.user, message.organisation):
            raise PermissionDenied(_("您没有执行此操作的权限。"))
        engagement_services.broadcast_message_send(actor=request.user, message=message)
        return Response(
            MessageSerializer(
                engagement_selectors.message_get_for_actor(actor=request.user, pk=pk)
            ).data
        )
