"""JSON answers for paths under /api/ that no endpoint matches, and for the project's
handler404/handler500 when the request was for the API."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


@extend_schema(exclude=True)
class ApiRootApi(APIView):
    """/api/v1/ itself: where the documentation and the machine-readable schema are."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    def get(self, request: Request) -> Response:
        return Response(
            {
                "name": "gongkai API",
                "version": "v1",
                "docs": request.build_absolute_uri(reverse("api:swagger_ui")),
                "redoc": request.build_absolute_uri(reverse("api:redoc")),
                "schema": request.build_absolute_uri(reverse("api:schema")),
            }
        )


@extend_schema(exclude=True)
class UnknownEndpointApi(APIView):
    """Any method on an unknown /api/v1/ path: a JSON 404 instead of the portal's HTML page."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # No authentication or throttling for a path that does not exist.
        raise NotFound(_("没有这个接口。请查看 /api/v1/docs/ 中的接口列表。"))


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def handler404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"message": _("没有这个接口或对象。")}, status=404)
    return defaults.page_not_found(request, exception or Exception())


def handler500(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"message": _("服务器内部错误，请稍后再试。")}, status=500)
    return defaults.server_error(request)
