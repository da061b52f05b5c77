"""API errors are JSON with a message, for every failure including unexpected ones."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from gongkai.core.exceptions import ApplicationError, PermissionDeniedError

logger = logging.getLogger(__name__)


def json_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    if isinstance(exc, PermissionDeniedError):
        return Response({"message": exc.message}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, ApplicationError):
        return Response({"message": exc.message, **exc.extra}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        return Response(
            {"message": "; ".join(exc.messages), "errors": detail},
            status=status.HTTP_400_BAD_REQUEST,
        )
    response = exception_handler(exc, context)
    if response is not None:
        data = response.data
        if isinstance(data, dict) and "detail" in data:
            response.data = {"message": str(data["detail"])}
        else:
            response.data = {"message": "请求数据有误。", "errors": data}
        return response
    logger.exception("Unhandled API error", exc_info=exc)
    return Response(
        {"message": "服务器内部错误，请稍后再试。"}, status=status.HTTP_500_INTERNAL_SERVER_ERROR
    )
