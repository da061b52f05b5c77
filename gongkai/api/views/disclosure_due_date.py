"""Public answer-deadline calculator for 依申请公开 (the same JSON as `gongkai deadline`)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests.rules.calculator import (
    MAX_PAUSES,
    calculate,
    explanation_as_dict,
    parse_pause,
)
from gongkai.disclosure_requests.rules.regimes import REGIME_CODES

RULE = (
    "收到申请之日（第三十一条）当天不计入，自次日起逐日计算，周末和法定节假日不计，调休上班日"
    "计为工作日；2019-05-15起收到的申请为20个工作日（2019年《条例》第三十三条），2008-05-01至"
    "2019-05-14为15个工作日（2007年《条例》第二十四条）。补正的，自收到补正后申请之日重新计算"
    "（第三十条）；征求意见期间不计入（第三十三条第三款）；延期最长不超过同等天数。"
)

ErrorSerializer = inline_serializer("DueDateError", {"message": serializers.CharField()})


class DisclosureDueDateView(APIView):
    permission_classes = [AllowAny]

    class InputSerializer(serializers.Serializer):
        received = serializers.DateField()
        regime = serializers.ChoiceField(choices=REGIME_CODES, required=False)
        corrected = serializers.DateField(required=False)
        extended = serializers.IntegerField(required=False, min_value=0, max_value=20)

    class PausedDaySerializer(serializers.Serializer):
        date = serializers.DateField()
        reason = serializers.CharField()

    class SkippedDaySerializer(serializers.Serializer):
        date = serializers.DateField()
        reason = serializers.ChoiceField(choices=["weekend", "holiday"])
        name = serializers.CharField()

    class OutputSerializer(serializers.Serializer):
        regime = serializers.CharField()
        regime_name = serializers.CharField()
        response_days = serializers.IntegerField()
        received = serializers.DateField()
        start = serializers.DateField(help_text="起算日：收到申请之日，或收到补正后申请之日。")
        due = serializers.DateField(allow_null=True, help_text="期限届满日。")
        base_due = serializers.DateField(allow_null=True, help_text="不计暂停和延期的届满日。")
        correction_notice_due = serializers.DateField(allow_null=True)
        paused_days = serializers.ListField(child=serializers.DictField())
        skipped_days = serializers.ListField(child=serializers.DictField())
        makeup_workdays = serializers.ListField(child=serializers.DateField())
        possible_makeup_workdays = serializers.ListField(
            child=serializers.DateField(),
            help_text="放假安排尚未公布的年份中，节日前后可能调休上班、暂计为工作日的周末。",
        )
        extension_days = serializers.IntegerField()
        provisional = serializers.BooleanField(
            help_text="true：计算涉及放假安排尚未公布的年份，日期为暂定。"
        )
        provisional_years = serializers.ListField(child=serializers.IntegerField())
        provisional_note = serializers.CharField(
            allow_blank=True, help_text="暂定的原因（一句话）；不是暂定时为空。"
        )
        steps = serializers.ListField(child=serializers.CharField())

    @extend_schema(
        summary="依申请公开答复期限计算",
        description=RULE,
        parameters=[
            OpenApiParameter(
                "received", str, description="收到申请之日，YYYY-MM-DD", required=True
            ),
            OpenApiParameter("regime", str, enum=list(REGIME_CODES), description="默认按收到日期"),
            OpenApiParameter("corrected", str, description="收到补正后申请之日"),
            OpenApiParameter(
                "pause",
                str,
                many=True,
                description="征求意见期间 START:END，可重复；END 留空表示尚未回复",
            ),
            OpenApiParameter("extended", int, description="延期工作日数；0 或不带值表示按最长延期"),
        ],
        responses={200: OutputSerializer, 400: ErrorSerializer},
        examples=[
            OpenApiExample(
                "国庆节前收到申请",
                value={"received": "2024-09-27", "due": "2024-10-30", "regime": "2019"},
                response_only=True,
            )
        ],
        tags=["calendar"],
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        data = {key: params[key] for key in ("received", "regime", "corrected") if params.get(key)}
        extended_raw = params.get("extended")
        if extended_raw not in (None, ""):
            data["extended"] = extended_raw
        serializer = self.InputSerializer(data=data)
        if not serializer.is_valid():
            problems = [
                f"{name}：{'；'.join(str(m) for m in messages)}"
                for name, messages in serializer.errors.items()
            ]
            raise ApplicationError("查询参数有误：" + "；".join(problems))
        query: dict[str, Any] = dict(serializer.validated_data)
        pauses = params.getlist("pause")
        if len(pauses) > MAX_PAUSES:
            raise ApplicationError(f"暂停区间最多{MAX_PAUSES}个。")
        # "extended" present without a number (or 0) asks for the regime's longest extension.
        extended = "extended" in params
        days = query.get("extended") or None
        explanation = calculate(
            received=query["received"],
            regime_code=query.get("regime"),
            corrected=query.get("corrected"),
            pauses=[parse_pause(value) for value in pauses if value],
            extended=extended,
            extension_days=days,
        )
        return Response(self.OutputSerializer(explanation_as_dict(explanation)).data)
