"""Public calendar endpoints: a year's holidays and the working-day deadline calculator."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.core.exceptions import ApplicationError
from gongkai.workdays import selectors
from gongkai.workdays.calendar import explain_working_days, provisional_note

COUNTING_RULE = (
    "起算日当天不计入；从次日起逐日计算，周末和法定节假日不计，调休上班日计为工作日；"
    "第N个工作日即为期限届满日（《政府信息公开条例》第三十一条、第三十三条）。"
)
MAX_DAYS = 500

ErrorSerializer = inline_serializer("CalendarError", {"message": serializers.CharField()})


def _validated(serializer: serializers.Serializer) -> dict[str, Any]:
    # Name the bad parameter in the message itself, so API users need not dig into "errors".
    if not serializer.is_valid():
        problems = [
            f"{name}：{'；'.join(str(m) for m in messages)}"
            for name, messages in serializer.errors.items()
        ]
        raise ApplicationError(
            "查询参数有误：" + "；".join(problems), extra={"errors": serializer.errors}
        )
    return dict(serializer.validated_data)


class CalendarDaysQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=1900, max_value=2200)


class CalendarDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    kind = serializers.ChoiceField(
        choices=["holiday", "makeup_workday", "possible_makeup_workday"],
        help_text=(
            "holiday：节假日休息；makeup_workday：调休上班（周末计为工作日）；"
            "possible_makeup_workday：放假安排尚未公布，节日前后可能调休上班的周末（暂计为工作日）。"
        ),
    )
    name = serializers.CharField(help_text="节日名称，如“春节”。")


class CalendarYearDaysSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    # The metaclass moves declared fields off the class, so this does not shadow Field.source.
    source = serializers.CharField(  # type: ignore[assignment]
        help_text=(
            "package：chinesecalendar 数据包；notice：按国务院办公厅通知人工录入；"
            "provisional：通知尚未录入，按《全国年节及纪念日放假办法》暂定。"
        )
    )
    updated_at = serializers.DateTimeField(allow_null=True)
    provisional = serializers.BooleanField(help_text="true：该年放假安排尚未公布，日历为暂定。")
    provisional_years = serializers.ListField(child=serializers.IntegerField())
    provisional_note = serializers.CharField(allow_blank=True)
    days = CalendarDaySerializer(many=True)


class WorkingDaysQuerySerializer(serializers.Serializer):
    start = serializers.DateField(help_text="起算日（如收到申请之日），当天不计入。")
    days = serializers.IntegerField(min_value=0, max_value=MAX_DAYS, default=20)


class SkippedDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    reason = serializers.ChoiceField(choices=["weekend", "holiday"])
    name = serializers.CharField()


class WorkingDaysSerializer(serializers.Serializer):
    start = serializers.DateField()
    days = serializers.IntegerField()
    due = serializers.DateField(help_text="期限届满日：起算日之后的第 days 个工作日。")
    skipped = SkippedDaySerializer(many=True)
    makeup_workdays = serializers.ListField(
        child=serializers.DateField(),
        help_text="计为工作日的调休上班日；暂定年份中为可能调休上班的周末。",
    )
    provisional = serializers.BooleanField(
        help_text="true：计算涉及放假安排尚未公布的年份，期限届满日为暂定。"
    )
    provisional_years = serializers.ListField(child=serializers.IntegerField())
    provisional_note = serializers.CharField(allow_blank=True)
    rule = serializers.CharField()


class CalendarDaysView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="一年的节假日和调休上班日",
        parameters=[CalendarDaysQuerySerializer],
        responses={200: CalendarYearDaysSerializer, 400: ErrorSerializer},
        tags=["calendar"],
    )
    def get(self, request: Request) -> Response:
        year: int = _validated(CalendarDaysQuerySerializer(data=request.query_params))["year"]
        calendar_year = selectors.calendar_year_get(year)
        payload: dict[str, Any]
        if calendar_year is None:
            # Not entered: the provisional calendar (UnknownCalendarYearError outside 2000–2100).
            days = selectors.provisional_year_days(year)
            payload = {
                "year": year,
                "source": "provisional",
                "updated_at": None,
                "provisional": True,
                "provisional_years": [year],
                "provisional_note": provisional_note((year,)),
                "days": [{"date": day.date, "kind": day.kind, "name": day.name} for day in days],
            }
        else:
            payload = {
                "year": year,
                "source": calendar_year.source,
                "updated_at": calendar_year.updated_at,
                "provisional": False,
                "provisional_years": [],
                "provisional_note": "",
                "days": [
                    {"date": day.date, "kind": day.kind, "name": day.name}
                    for day in selectors.calendar_year_days(year)
                ],
            }
        return Response(CalendarYearDaysSerializer(payload).data)


class WorkingDaysView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="工作日期限计算",
        description=COUNTING_RULE,
        parameters=[
            OpenApiParameter("start", str, description="起算日，YYYY-MM-DD", required=True),
            OpenApiParameter("days", int, description="工作日数，默认20"),
        ],
        responses={200: WorkingDaysSerializer, 400: ErrorSerializer},
        examples=[
            OpenApiExample(
                "周六收到申请",
                value={
                    "start": "2026-03-07",
                    "days": 20,
                    "due": "2026-04-03",
                    "skipped": [{"date": "2026-03-08", "reason": "weekend", "name": "星期日"}],
                    "makeup_workdays": [],
                    "provisional": False,
                    "provisional_years": [],
                    "provisional_note": "",
                    "rule": COUNTING_RULE,
                },
                response_only=True,
            )
        ],
        tags=["calendar"],
    )
    def get(self, request: Request) -> Response:
        query = _validated(WorkingDaysQuerySerializer(data=request.query_params))
        explanation = explain_working_days(query["start"], query["days"])
        payload = {
            "start": explanation.start,
            "days": explanation.days,
            "due": explanation.due,
            "skipped": [
                {"date": s.date, "reason": s.reason_code, "name": s.name}
                for s in explanation.skipped
            ],
            "makeup_workdays": explanation.makeup_workdays,
            "provisional": explanation.provisional,
            "provisional_years": list(explanation.provisional_years),
            "provisional_note": explanation.provisional_note,
            "rule": COUNTING_RULE,
        }
        return Response(WorkingDaysSerializer(payload).data)
