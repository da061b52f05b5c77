"""Every API endpoint against every kind of caller (token authentication).

The URL patterns are read from gongkai.api.urls, so a new endpoint fails this test until its
row is added to SPECS. Expected: public endpoints answer everyone and never expose
unpublished items; staff endpoints answer 401 without a token, 403 without the role, 404 for
another organisation's objects (exactly as for a missing one), and succeed otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from gongkai.api import urls as api_urls
from gongkai.backoffice.tests.request_world import request_pk, request_world
from gongkai.backoffice.tests.world import ROLES, USER_KEYS, World, build_world
from gongkai.catalogue.tests.factories import MINIMAL_PDF
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at

# After every date the matrix posts; reception slots and meetings fall on working days.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))

ALL = frozenset(ROLES)
EDITORS = frozenset({"coordinator", "handler"})
PUBLISHERS = frozenset({"publisher"})
REQUEST_VIEWERS = frozenset({"coordinator", "handler", "approver", "auditor"})
REQUEST_REGISTRARS = frozenset({"coordinator"})
REQUEST_HANDLERS = frozenset({"coordinator", "handler"})
REQUEST_APPROVERS = frozenset({"approver"})


@dataclass(frozen=True)
class Spec:
    method: str
    kwargs: Callable[[World], dict[str, Any]]
    allowed: frozenset[str] = ALL
    declared: frozenset[str] | None = None
    scoped: bool = False
    public: bool = False
    ok: int = 200
    data: Callable[[World], dict[str, Any]] = field(default=lambda world: {})
    query: str = ""
    multipart: bool = False
    # Status for org 2 callers when it is not 404/403 (e.g. 400: org 1 is not theirs to name).
    org2_status: int | None = None


def _none(world: World) -> dict[str, Any]:
    return {}


def _pk(attribute: str) -> Callable[[World], dict[str, Any]]:
    return lambda world: {"pk": getattr(world, attribute).pk}


def _create_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "title": "关于公布年度政府信息公开工作要点的通知",
        "generated_on": "2024-03-01",
        "category": world.category.pk,
        "genre": "notice",
    }


def _upload(world: World) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("要点.pdf", MINIMAL_PDF, content_type="application/pdf")}


def _submit_data(world: World) -> dict[str, Any]:
    from gongkai.disclosure_requests.tests.factories import valid_id_number

    return {
        "organisation": world.org1.pk,
        "applicant_type": "natural_person",
        "applicant_name": "李四",
        "id_type": "resident_id",
        "id_number": valid_id_number(11),
        "phone": "13912345678",
        "address": "广州市越秀区府前路1号",
        "information_title": "2024年度部门决算",
        "information_description": "决算公开说明",
        "form_wanted": "electronic",
        "delivery_method": "email",
        "email": "li@example.com",
    }


def _track_data(world: World) -> dict[str, Any]:
    from gongkai.disclosure_requests.tests.factories import ACCESS_CODE

    return {
        "tracking_number": request_world(world).open.tracking_number,
        "access_code": ACCESS_CODE,
    }


def _step(stage: str, allowed: frozenset[str], **kwargs: Any) -> Spec:
    return Spec("post", request_pk(stage), allowed, scoped=True, **kwargs)


def _today(world: World) -> dict[str, Any]:
    from django.utils import timezone

    return {"confirmed_on": timezone.localdate().isoformat()}


SPECS: dict[tuple[str, str], Spec] = {
    ("root", "get"): Spec("get", _none, public=True),
    ("schema", "get"): Spec("get", _none, public=True),
    ("swagger_ui", "get"): Spec("get", _none, public=True),
    ("redoc", "get"): Spec("get", _none, public=True),
    ("item_list", "get"): Spec("get", _none, public=True),
    ("item_detail", "get"): Spec("get", _pk("published"), public=True),
    ("category_list", "get"): Spec("get", _none, public=True, query="?organisation={org1}"),
    ("search", "get"): Spec("get", _none, public=True, query="?q=公开"),
    ("organisation_list", "get"): Spec("get", _none, public=True),
    ("organisation_detail", "get"): Spec("get", _pk("org1"), public=True),
    ("calendar_days", "get"): Spec("get", _none, public=True, query="?year=2025"),
    ("calendar_working_days", "get"): Spec(
        "get", _none, public=True, query="?start=2025-09-30&days=5"
    ),
    ("disclosure_due_date", "get"): Spec(
        "get", _none, public=True, query="?received=2024-09-27&pause=2024-10-10:2024-10-17"
    ),
    ("staff_item_list", "get"): Spec("get", _none),
    ("staff_item_list", "post"): Spec(
        "post", _none, EDITORS, ok=201, data=_create_data, org2_status=400
    ),
    ("staff_item_detail", "get"): Spec("get", _pk("draft"), scoped=True),
    ("staff_item_detail", "patch"): Spec(
        "patch",
        _pk("draft"),
        EDITORS,
        declared=ALL,
        scoped=True,
        data=lambda world: {"summary": "补充内容概述。"},
    ),
    ("staff_item_submit", "post"): Spec("post", _pk("draft"), EDITORS, scoped=True),
    ("staff_item_return", "post"): Spec(
        "post", _pk("pending"), PUBLISHERS, scoped=True, data=lambda world: {"reason": "补充文号"}
    ),
    ("staff_item_publish", "post"): Spec("post", _pk("pending"), PUBLISHERS, scoped=True),
    ("staff_item_withdraw", "post"): Spec(
        "post", _pk("published"), PUBLISHERS, scoped=True, data=lambda world: {"reason": "有误"}
    ),
    ("staff_attachment_upload", "post"): Spec(
        "post",
        _pk("draft"),
        EDITORS,
        declared=ALL,
        scoped=True,
        ok=201,
        data=_upload,
        multipart=True,
    ),
}
SPECS.update(
    {
        ("request_submit", "post"): Spec("post", _none, public=True, ok=201, data=_submit_data),
        # kwargs build org 1's applications before the calls (each call is rolled back).
        ("request_track", "post"): Spec(
            "post", lambda w: (request_world(w), {})[1], public=True, data=_track_data
        ),
        ("staff_request_list", "get"): Spec("get", _none, REQUEST_VIEWERS),
        ("staff_request_detail", "get"): Spec(
            "get", request_pk("open"), REQUEST_VIEWERS, scoped=True
        ),
        ("staff_request_confirm", "post"): _step("pending", REQUEST_REGISTRARS, data=_today),
        ("staff_request_assign", "post"): _step(
            "open", REQUEST_REGISTRARS, data=lambda w: {"handler": w.user("org1:handler").pk}
        ),
        ("staff_request_correction_request", "post"): _step(
            "open",
            REQUEST_HANDLERS,
            data=lambda w: {
                "items": "请写明文号",
                "deadline_on": "2025-03-20",
                "sent_on": "2025-03-04",
            },
        ),
        ("staff_request_correction_receive", "post"): _step(
            "awaiting_correction", REQUEST_HANDLERS, data=lambda w: {"received_on": "2025-03-10"}
        ),
        ("staff_request_consultation_start", "post"): _step(
            "open",
            REQUEST_HANDLERS,
            data=lambda w: {
                "party_kind": "third_party",
                "party_name": "某公司",
                "sent_on": "2025-03-05",
            },
        ),
        ("staff_request_consultation_end", "post"): _step(
            "in_consultation", REQUEST_HANDLERS, data=lambda w: {"ended_on": "2025-03-12"}
        ),
        ("staff_request_extend", "post"): _step(
            "open",
            REQUEST_APPROVERS,
            data=lambda w: {"days": 20, "reason": "需调取档案", "approved_on": "2025-03-10"},
        ),
        ("staff_request_decision_draft", "post"): _step(
            "open",
            REQUEST_HANDLERS,
            data=lambda w: {"outcome": "disclose", "legal_basis": "第三十六条第（二）项"},
        ),
        ("staff_request_decision_approve", "post"): _step("awaiting_approval", REQUEST_APPROVERS),
        ("staff_request_letter_generate", "post"): _step(
            "decided", REQUEST_HANDLERS, data=lambda w: {"kind": "decision"}
        ),
        ("staff_request_delivery", "post"): _step(
            "decided",
            REQUEST_HANDLERS,
            data=lambda w: {"method": "email", "delivered_on": "2025-03-20", "proof": "邮件回执"},
        ),
    }
)
# --- 行政复议、行政诉讼和申诉 (appeals) ---------------------------------------------------------
from gongkai.backoffice.tests.appeal_world import (  # noqa: E402
    appeal_case_data,
    appeal_decision_data,
    appeal_pk,
    appeal_upload,
)

APPEAL_VIEWERS = frozenset({"coordinator", "approver", "auditor"})
APPEAL_MANAGERS = frozenset({"coordinator", "approver"})
SPECS.update(
    {
        ("staff_appeal_list", "get"): Spec("get", _none, APPEAL_VIEWERS),
        ("staff_appeal_list", "post"): Spec(
            "post", _none, APPEAL_MANAGERS, ok=201, data=appeal_case_data, org2_status=400
        ),
        ("staff_appeal_statistics", "get"): Spec(
            "get",
            _none,
            APPEAL_VIEWERS,
            query="?year=2025&organisation={org1}",
            org2_status=404,
        ),
        ("staff_appeal_detail", "get"): Spec("get", appeal_pk(), APPEAL_VIEWERS, scoped=True),
        ("staff_appeal_detail", "patch"): Spec(
            "patch",
            appeal_pk(),
            APPEAL_MANAGERS,
            declared=APPEAL_VIEWERS,
            scoped=True,
            data=lambda world: {"note": "申请人已补充证据材料。"},
        ),
        ("staff_appeal_decision", "post"): Spec(
            "post", appeal_pk(), APPEAL_MANAGERS, scoped=True, data=appeal_decision_data
        ),
        ("staff_appeal_document_upload", "post"): Spec(
            "post",
            appeal_pk(),
            APPEAL_MANAGERS,
            scoped=True,
            ok=201,
            data=appeal_upload,
            multipart=True,
        ),
    }
)
# --- 咨询 (consultations) ----------------------------------------------------------------------
from gongkai.backoffice.tests.consultation_world import consultation_pk  # noqa: E402

CONSULTATION_VIEWERS = frozenset({"coordinator", "handler", "approver", "auditor"})
CONSULTATION_MANAGERS = frozenset({"coordinator", "handler"})


def _consultation_application(world: World) -> dict[str, Any]:
    from gongkai.disclosure_requests.tests.factories import valid_id_number

    return {
        "receipt_day": "2025-03-03",
        "application": {
            "applicant_type": "natural_person",
            "applicant_name": "张三",
            "id_type": "resident_id",
            "id_number": valid_id_number(5),
            "phone": "13812345678",
            "information_title": "2024年度部门预算",
            "form_wanted": "electronic",
            "delivery_method": "email",
            "email": "zhang@example.com",
        },
    }


SPECS.update(
    {
        ("consultation_submit", "post"): Spec(
            "post",
            _none,
            public=True,
            ok=201,
            data=lambda w: {
                "organisation": w.org1.pk,
                "asker_name": "王小明",
                "asker_contact": "13800138000",
                "question": "请问办事指南在哪里领取？",
            },
        ),
        ("consultation_public_list", "get"): Spec("get", _none, public=True),
        ("faq_list", "get"): Spec("get", _none, public=True, query="?q=办公"),
        ("staff_consultation_list", "get"): Spec("get", _none, CONSULTATION_VIEWERS),
        ("staff_consultation_list", "post"): Spec(
            "post",
            _none,
            CONSULTATION_MANAGERS,
            ok=201,
            org2_status=400,
            data=lambda w: {"organisation": w.org1.pk, "channel": "phone", "question": "问路"},
        ),
        ("staff_consultation_statistics", "get"): Spec(
            "get", _none, CONSULTATION_VIEWERS, query="?year=2025"
        ),
        ("staff_consultation_detail", "get"): Spec(
            "get", consultation_pk("consultation"), CONSULTATION_VIEWERS, scoped=True
        ),
        ("staff_consultation_detail", "patch"): Spec(
            "patch",
            consultation_pk("consultation"),
            CONSULTATION_MANAGERS,
            declared=CONSULTATION_VIEWERS,
            scoped=True,
            data=lambda w: {"duration_minutes": 5},
        ),
        ("staff_consultation_convert", "post"): Spec(
            "post",
            consultation_pk("consultation"),
            REQUEST_REGISTRARS,
            scoped=True,
            ok=201,
            data=_consultation_application,
        ),
        ("staff_consultation_tally_list", "get"): Spec("get", _none, CONSULTATION_VIEWERS),
        ("staff_consultation_tally_list", "post"): Spec(
            "post",
            _none,
            CONSULTATION_MANAGERS,
            ok=201,
            org2_status=400,
            data=lambda w: {
                "organisation": w.org1.pk,
                "date": "2025-03-03",
                "channel": "phone",
                "count": 20,
            },
        ),
    }
)

# --- 投诉建议、办事指南、服务评价与服务保障 (complaints, service_guides, service_desk) -----------
from gongkai.backoffice.tests import service_centre_world as scw  # noqa: E402

SERVICE_CENTRE_VIEWERS = frozenset({"coordinator", "handler", "approver", "auditor"})
SERVICE_CENTRE_MANAGERS = frozenset({"coordinator", "handler"})
SPECS.update(
    {
        ("complaint_submit", "post"): Spec(
            "post", _none, public=True, ok=201, data=scw.complaint_submit_data
        ),
        ("complaint_track", "post"): Spec(
            "post", _none, public=True, data=scw.answered_complaint_track_data
        ),
        ("complaint_rate", "post"): Spec(
            "post",
            _none,
            public=True,
            data=lambda w: {**scw.answered_complaint_track_data(w), "satisfaction": "5"},
        ),
        ("service_guide_list", "get"): Spec("get", _none, public=True),
        ("service_guide_detail", "get"): Spec("get", scw.published_service_item_pk, public=True),
        ("staff_complaint_list", "get"): Spec("get", _none, SERVICE_CENTRE_VIEWERS),
        ("staff_complaint_detail", "get"): Spec(
            "get", scw.complaint_pk, SERVICE_CENTRE_VIEWERS, scoped=True
        ),
        ("staff_complaint_reply", "post"): Spec(
            "post",
            scw.complaint_pk,
            SERVICE_CENTRE_MANAGERS,
            scoped=True,
            data=lambda w: {"reply": "已增设窗口。", "replied_on": "2025-03-10"},
        ),
        ("staff_print_run_list", "get"): Spec("get", _none, SERVICE_CENTRE_VIEWERS),
        ("staff_print_run_list", "post"): Spec(
            "post",
            _none,
            SERVICE_CENTRE_MANAGERS,
            ok=201,
            data=scw.print_run_data,
            org2_status=400,
        ),
        ("staff_evaluation_list", "get"): Spec("get", _none, SERVICE_CENTRE_VIEWERS),
        ("staff_evaluation_list", "post"): Spec(
            "post",
            _none,
            SERVICE_CENTRE_MANAGERS,
            ok=201,
            data=scw.evaluation_data,
            org2_status=400,
        ),
        ("staff_fault_list", "get"): Spec("get", _none, SERVICE_CENTRE_VIEWERS),
        ("staff_fault_list", "post"): Spec(
            "post", _none, SERVICE_CENTRE_MANAGERS, ok=201, data=scw.fault_data, org2_status=400
        ),
        ("staff_fault_resolve", "post"): Spec(
            "post",
            scw.fault_pk,
            SERVICE_CENTRE_MANAGERS,
            scoped=True,
            data=lambda w: {"resolution": "已更换。"},
        ),
    }
)

# Paths that answer every unknown URL, not endpoints of their own.
NOT_ENDPOINTS = {"unknown_endpoint"}

# --- 政务资讯大厅、网站访问统计 (reading_room, web_analytics) -----------------------------------
from gongkai.backoffice.tests.reading_room_world import (  # noqa: E402
    READING_ROOM_MANAGERS,
    READING_ROOM_VIEWERS,
    reading_room_pk,
    reading_room_records,
    visiting_group_data,
    visitor_tally_data,
)


def _public_document(world: World) -> dict[str, Any]:
    return {"pk": reading_room_records(world)["document"].pk}


def _with_reading_room(world: World) -> dict[str, Any]:
    # Build the records before the per-caller transactions, which are rolled back.
    reading_room_records(world)
    return {}


def _loan_data(world: World) -> dict[str, Any]:
    return {
        "periodical": reading_room_records(world)["periodical"].pk,
        "reader_name": "陈敏",
        "reader_card_number": "ZX2009-0001",
        "lent_on": "2009-06-01",
    }


SPECS.update(
    {
        ("library_document_list", "get"): Spec("get", _none, public=True, query="?q=政务"),
        ("library_document_detail", "get"): Spec("get", _public_document, public=True),
        ("library_database_list", "get"): Spec("get", _none, public=True),
        ("staff_visiting_group_list", "get"): Spec("get", _none, READING_ROOM_VIEWERS),
        ("staff_visiting_group_list", "post"): Spec(
            "post", _none, READING_ROOM_MANAGERS, ok=201, data=visiting_group_data, org2_status=400
        ),
        ("staff_visitor_tally_list", "get"): Spec("get", _none, READING_ROOM_VIEWERS),
        ("staff_visitor_tally_list", "post"): Spec(
            "post", _none, READING_ROOM_MANAGERS, ok=201, data=visitor_tally_data, org2_status=400
        ),
        ("staff_loan_list", "get"): Spec("get", _none, READING_ROOM_VIEWERS),
        ("staff_loan_list", "post"): Spec(
            "post",
            _with_reading_room,
            READING_ROOM_MANAGERS,
            ok=201,
            data=_loan_data,
            org2_status=400,
        ),
        ("staff_loan_return", "post"): Spec(
            "post",
            reading_room_pk("loan"),
            READING_ROOM_MANAGERS,
            scoped=True,
            data=lambda world: {"returned_on": "2009-06-10"},
        ),
        ("staff_reading_room_statistics", "get"): Spec(
            "get",
            _none,
            READING_ROOM_VIEWERS,
            query="?year=2009&organisation={org1}",
            org2_status=404,
        ),
        ("staff_page_views", "get"): Spec("get", _none, ALL),
    }
)


# --- 审批处长接访、政企互动 (reception, engagement) ----------------------------------------------
from gongkai.backoffice.tests import reception_engagement_world as rew  # noqa: E402


def _rew_built(world: World) -> dict[str, Any]:
    return rew.built(world)


SPECS.update(
    {
        ("reception_slot_list", "get"): Spec("get", _rew_built, public=True),
        ("reception_booking_create", "post"): Spec(
            "post",
            rew.rew_pk("slot"),
            public=True,
            ok=201,
            data=lambda w: {"name": "陈先生", "phone": "13800138000", "question": "材料？"},
        ),
        ("meeting_list", "get"): Spec("get", _rew_built, public=True),
        ("meeting_register", "post"): Spec(
            "post",
            rew.rew_pk("meeting"),
            public=True,
            ok=201,
            data=lambda w: {"name": "李女士", "phone": "13700137000"},
        ),
        ("enterprise_subscribe", "post"): Spec(
            "post",
            _rew_built,
            public=True,
            ok=201,
            data=lambda w: {
                "organisation": w.org1.pk,
                "enterprise_name": "广州市接口测试有限公司",
                "email": "api@example.com",
                "topics": [rew.reception_engagement_world(w).topic.pk],
            },
        ),
        ("staff_reception_session_list", "get"): Spec("get", _rew_built, rew.RECEPTION_VIEWERS),
        ("staff_reception_session_list", "post"): Spec(
            "post",
            _none,
            rew.RECEPTION_MANAGERS,
            ok=201,
            data=rew.session_data,
            org2_status=400,
        ),
        ("staff_reception_session_detail", "get"): Spec(
            "get", rew.rew_pk("session"), rew.RECEPTION_VIEWERS, scoped=True
        ),
        ("staff_reception_booking_list", "get"): Spec("get", _rew_built, rew.RECEPTION_VIEWERS),
        ("staff_meeting_list", "get"): Spec("get", _rew_built, rew.ENGAGEMENT_VIEWERS),
        ("staff_subscriber_list", "get"): Spec("get", _rew_built, rew.ENGAGEMENT_VIEWERS),
        ("staff_message_list", "get"): Spec("get", _rew_built, rew.ENGAGEMENT_VIEWERS),
        ("staff_message_send", "post"): Spec(
            "post", rew.rew_pk("message"), rew.ENGAGEMENT_MANAGERS, scoped=True
        ),
    }
)


# --- 政府信息公开工作年度报告 (reports) ----------------------------------------------------------
from gongkai.backoffice.tests import report_world as rw  # noqa: E402

REPORT_TEXT = "测试局2023年政府信息公开工作年度报告。全年主动公开政府信息81条，其中全文电子化81条。"


def _report_target(world: World) -> dict[str, Any]:
    return {"organisation": world.org1.pk, "year": 2023, "format": "national-2021"}


SPECS.update(
    {
        ("report_list", "get"): Spec("get", _none, public=True, query="?year=2023"),
        ("report_detail", "get"): Spec("get", rw.report_pk("published"), public=True),
        ("report_audit", "post"): Spec(
            "post", _none, public=True, data=lambda w: {"text": REPORT_TEXT}
        ),
        ("staff_report_list", "get"): Spec("get", _none, rw.REPORT_VIEWERS),
        ("staff_report_list", "post"): Spec(
            "post", _none, rw.REPORT_EDITORS, ok=201, data=_report_target, org2_status=400
        ),
        ("staff_report_build", "post"): Spec(
            "post", _none, rw.REPORT_VIEWERS, data=_report_target, org2_status=400
        ),
        ("staff_report_detail", "get"): Spec(
            "get", rw.report_pk("draft"), rw.REPORT_VIEWERS, scoped=True
        ),
        ("staff_report_checks", "get"): Spec(
            "get", rw.report_pk("draft"), rw.REPORT_VIEWERS, scoped=True
        ),
    }
)


def _walk(patterns: list[URLPattern | URLResolver]) -> Iterator[URLPattern]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns)
        else:
            yield pattern


def _http_methods(pattern: URLPattern) -> list[str]:
    view_class = getattr(pattern.callback, "view_class", None) or getattr(
        pattern.callback, "cls", None
    )
    assert view_class is not None, f"{pattern.name} is not a class-based view"
    return [m for m in ("get", "post", "put", "patch", "delete") if hasattr(view_class, m)]


ENDPOINTS = [
    (pattern.name, method)
    for pattern in _walk(api_urls.urlpatterns)
    if pattern.name not in NOT_ENDPOINTS
    for method in _http_methods(pattern)
]


def test_every_api_endpoint_has_a_matrix_row() -> None:
    missing = sorted(set(ENDPOINTS) - set(SPECS))  # type: ignore[arg-type]
    assert not missing, f"add these endpoints to SPECS in {__name__}: {missing}"


def expected_status(spec: Spec, user_key: str) -> int:
    if spec.public:
        return spec.ok
    if user_key == "anonymous":
        return 401
    if user_key == "no_role":
        return 403
    if user_key == "superuser":
        return spec.ok
    org_key, role = user_key.split(":")
    declared = spec.declared if spec.declared is not None else spec.allowed
    if org_key == "org2":
        if spec.scoped:
            return 404 if role in declared else 403
        if spec.org2_status is not None and role in spec.allowed:
            return spec.org2_status
    return spec.ok if role in spec.allowed else 403


def _client(world: World, user_key: str) -> APIClient:
    client = APIClient()
    user = world.user(user_key)
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _call(client: APIClient, spec: Spec, url: str, world: World) -> Any:
    call = getattr(client, spec.method)
    if spec.method == "get":
        return call(url)
    return call(url, spec.data(world), format="multipart" if spec.multipart else "json")


def _url(name: str, spec: Spec, world: World, kwargs: dict[str, Any] | None = None) -> str:
    url = reverse(f"api:{name}", kwargs=spec.kwargs(world) if kwargs is None else kwargs)
    return url + spec.query.format(org1=world.org1.pk)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method"), [e for e in ENDPOINTS if e in SPECS])
def test_permission_matrix(name: str, method: str) -> None:
    spec = SPECS[(name, method)]
    world = build_world()
    url = _url(name, spec, world)
    failures = []
    for user_key in USER_KEYS:
        client = _client(world, user_key)
        with transaction.atomic():
            response = _call(client, spec, url, world)
            transaction.set_rollback(True)
        expected = expected_status(spec, user_key)
        if response.status_code != expected:
            failures.append(f"{user_key}: got {response.status_code}, expected {expected}")
        elif response.status_code >= 400:
            assert response["Content-Type"].startswith("application/json"), url
            assert response.json()["message"], url
    assert not failures, f"{method.upper()} {url}\n" + "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method"), [k for k, s in SPECS.items() if s.scoped])
def test_other_organisations_objects_look_like_missing_ones(name: str, method: str) -> None:
    spec = SPECS[(name, method)]
    world = build_world()
    real = _url(name, spec, world)
    missing = _url(name, spec, world, kwargs={"pk": 999_999})
    for role in ROLES:
        client = _client(world, f"org2:{role}")
        with transaction.atomic():
            real_response = _call(client, spec, real, world)
            transaction.set_rollback(True)
        with transaction.atomic():
            missing_response = _call(client, spec, missing, world)
            transaction.set_rollback(True)
        assert real_response.status_code == missing_response.status_code, (name, role)
        assert real_response.json() == missing_response.json(), (name, role)


@pytest.mark.django_db
def test_staff_lists_are_scoped() -> None:
    world = build_world()
    response = _client(world, "org2:publisher").get(reverse("api:staff_item_list"))
    titles = [row["title"] for row in response.json()["results"]]
    assert titles == ["乙局草稿：预算初稿"]
    response = _client(world, "org1:auditor").get(reverse("api:staff_item_list"))
    org1_titles = {row["title"] for row in response.json()["results"]}
    assert "乙局草稿：预算初稿" not in org1_titles and "甲局草稿：内部讨论稿" in org1_titles


@pytest.mark.django_db
def test_public_endpoints_never_expose_unpublished_items() -> None:
    world = build_world()
    client = APIClient()
    listing = client.get(reverse("api:item_list")).json()
    assert [row["title"] for row in listing["results"]] == ["甲局已发布信息"]
    for unpublished in (world.draft, world.pending, world.org2_draft):
        response = client.get(reverse("api:item_detail", args=[unpublished.pk]))
        assert response.status_code == 404
        assert response.json() == {"message": "没有找到该政府信息。"}
    detail = client.get(reverse("api:item_detail", args=[world.published.pk])).json()
    staff_only_fields = ["status", "created_by", "published_by", "withdrawal_reason"]
    staff_only_fields += ["publication_due_on", "disclosure_scope", "non_disclosure_reason"]
    for staff_only in staff_only_fields:
        assert staff_only not in detail
