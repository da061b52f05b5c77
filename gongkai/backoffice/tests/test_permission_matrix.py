"""Every back-office page against every kind of person.

The URL patterns are read from gongkai.backoffice.urls, so a new page fails this test until
its row is added to SPECS. For each (page, person) the expected status follows from:

- anonymous: redirected to the login page;
- signed in without any role: 403;
- a role of organisation 1 (whose objects fill the URL): success if the role grants the
  page's permission, else 403;
- a role of sibling organisation 2: for pages about one of org 1's objects, 404 (the object's
  existence is not revealed; a role lacking the page's permission anywhere gets the same 403
  it would get for any object); for list pages, as for org 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse

from gongkai.backoffice import urls as backoffice_urls
from gongkai.backoffice.tests.request_world import request_pk, request_world
from gongkai.backoffice.tests.world import ROLES, USER_KEYS, World, build_world
from gongkai.catalogue.tests.factories import MINIMAL_PDF
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at

# After every date the matrix posts; reception slots and meetings fall on working days.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))

ALL = frozenset(ROLES)
EDITORS = frozenset({"coordinator", "handler"})
PUBLISHERS = frozenset({"publisher"})
IMPORTERS = frozenset({"coordinator"})
AUDITORS = frozenset({"coordinator", "approver", "publisher", "auditor", "org_admin"})
ADMINS = frozenset({"org_admin"})
CALENDAR_MANAGERS = frozenset({"coordinator", "org_admin"})
NOBODY: frozenset[str] = frozenset()
REQUEST_VIEWERS = frozenset({"coordinator", "handler", "approver", "auditor"})
REQUEST_REGISTRARS = frozenset({"coordinator"})
REQUEST_HANDLERS = frozenset({"coordinator", "handler"})
REQUEST_APPROVERS = frozenset({"approver"})
# The assigned handler, and the coordinators and approvers of the application's organisation.
PERSONAL_DATA_READERS = frozenset({"coordinator", "handler", "approver"})


@dataclass(frozen=True)
class Spec:
    method: str
    kwargs: Callable[[World], dict[str, Any]]
    # Roles (held in org 1) that may use the page on org 1's object.
    allowed: frozenset[str]
    # Roles that pass the page's declared permission (in any organisation).
    declared: frozenset[str] | None = None
    # True for pages about one object of org 1 (org 2 staff must get 404).
    scoped: bool = False
    data: Callable[[World], dict[str, Any]] = field(default=lambda world: {})
    public: bool = False  # reachable without signing in (the login page)
    query: str = ""
    ok: int | None = None  # success status when not the usual 200 (GET) / 302 (POST)

    @property
    def success(self) -> set[int]:
        if self.ok is not None:
            return {self.ok}
        return {200} if self.method == "get" else {302}


def _none(world: World) -> dict[str, Any]:
    return {}


def _draft(world: World) -> dict[str, Any]:
    assert world.draft is not None
    return {"pk": world.draft.pk}


def _pending(world: World) -> dict[str, Any]:
    assert world.pending is not None
    return {"pk": world.pending.pk}


def _published(world: World) -> dict[str, Any]:
    assert world.published is not None
    return {"pk": world.published.pk}


def _attachment(world: World) -> dict[str, Any]:
    assert world.draft is not None and world.attachment is not None
    return {"pk": world.draft.pk, "attachment_pk": world.attachment.pk}


def _org1(world: World) -> dict[str, Any]:
    return {"pk": world.org1.pk}


def _item_data(world: World) -> dict[str, Any]:
    assert world.category is not None
    return {
        "organisation": world.org1.pk,
        "title": "关于调整办公时间的通知",
        "generated_on": "2024-03-01",
        "category": world.category.pk,
        "genre": "notice",
        "disclosure_mode": "proactive",
        "disclosure_timing": "permanent",
        "disclosure_scope": "public",
        "validity": "in_force",
    }


def _organisation_data(world: World) -> dict[str, Any]:
    return {
        "name": world.org1.name,
        "kind": "department",
        "sort_order": 0,
        "index_scheme": "national",
        "is_active": "on",
        "phone": "020-12345678",
    }


def _upload(world: World) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"file": SimpleUploadedFile("通知.pdf", MINIMAL_PDF, content_type="application/pdf")}


def _letter(world: World) -> dict[str, Any]:
    requests = request_world(world)
    return {"pk": requests.open.pk, "letter_pk": requests.letter.pk, "file_format": "pdf"}


def _register_data(world: World) -> dict[str, Any]:
    from gongkai.disclosure_requests.tests.factories import valid_id_number

    return {
        "organisation": world.org1.pk,
        "channel": "in_person",
        "received_on": "2025-03-03",
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_type": "resident_id",
        "id_number": valid_id_number(7),
        "phone": "13812345678",
        "address": "北京市朝阳区建国路88号",
        "information_title": "2024年度部门预算",
        "information_description": "部门预算公开说明全文",
        "form_wanted": "electronic",
        "delivery_method": "email",
        "email": "zhang@example.com",
    }


def _step(stage: str, allowed: frozenset[str], **kwargs: Any) -> Spec:
    return Spec("post", request_pk(stage), allowed, scoped=True, **kwargs)


SPECS: dict[str, Spec] = {
    "dashboard": Spec("get", _none, ALL),
    "login": Spec("get", _none, ALL, public=True),
    "logout": Spec("post", _none, ALL, public=True),
    "account": Spec("get", _none, ALL),
    "api_token_regenerate": Spec("post", _none, ALL),
    "api_token_revoke": Spec("post", _none, ALL),
    "audit_log": Spec("get", _none, AUDITORS),
    "item_list": Spec("get", _none, ALL),
    "item_create": Spec("get", _none, EDITORS),
    "import": Spec("get", _none, IMPORTERS),
    "import_template": Spec("get", _none, IMPORTERS),
    "item_detail": Spec("get", _draft, ALL, scoped=True),
    "item_edit": Spec("get", _draft, EDITORS, declared=ALL, scoped=True),
    "item_submit": Spec("post", _draft, EDITORS, scoped=True),
    "item_return": Spec(
        "post", _pending, PUBLISHERS, scoped=True, data=lambda w: {"reason": "请补充文号"}
    ),
    "item_publish": Spec("post", _pending, PUBLISHERS, scoped=True),
    "item_withdraw": Spec(
        "post", _published, PUBLISHERS, scoped=True, data=lambda w: {"reason": "内容有误"}
    ),
    "attachment_upload": Spec("post", _draft, EDITORS, declared=ALL, scoped=True, data=_upload),
    "attachment_download": Spec("get", _attachment, ALL, scoped=True),
    "attachment_remove": Spec("post", _attachment, EDITORS, declared=ALL, scoped=True),
    "organisation_list": Spec("get", _none, ALL),
    "organisation_create": Spec("get", _none, ADMINS),
    "organisation_detail": Spec("get", _org1, ALL, scoped=True),
    "organisation_edit": Spec("get", _org1, ADMINS, scoped=True),
    "calendar_list": Spec("get", _none, CALENDAR_MANAGERS),
    "calendar_add": Spec("get", _none, CALENDAR_MANAGERS, query="?year=2027", ok=302),
    "calendar_edit": Spec("get", lambda world: {"year": 2025}, CALENDAR_MANAGERS),
    # 依申请公开
    "request_list": Spec("get", _none, REQUEST_VIEWERS),
    "request_to_confirm": Spec("get", _none, REQUEST_REGISTRARS),
    "request_register": Spec("get", _none, REQUEST_REGISTRARS),
    "request_detail": Spec("get", request_pk("open"), REQUEST_VIEWERS, scoped=True),
    "request_applicant": Spec(
        "get",
        request_pk("open"),
        PERSONAL_DATA_READERS,
        declared=REQUEST_VIEWERS,
        scoped=True,
    ),
    "request_letter_download": Spec("get", _letter, REQUEST_VIEWERS, scoped=True),
    "request_confirm": _step(
        "pending", REQUEST_REGISTRARS, data=lambda w: {"confirmed_on": "2025-03-03"}
    ),
    "request_assign": _step(
        "open", REQUEST_REGISTRARS, data=lambda w: {"handler": w.user("org1:handler").pk}
    ),
    "request_correction_request": _step(
        "open",
        REQUEST_HANDLERS,
        data=lambda w: {"items": "请写明文号", "deadline_on": "2025-03-20"},
    ),
    "request_correction_receive": _step(
        "awaiting_correction", REQUEST_HANDLERS, data=lambda w: {"received_on": "2025-03-10"}
    ),
    "request_correction_missed": _step("awaiting_correction", REQUEST_HANDLERS),
    "request_consultation_start": _step(
        "open",
        REQUEST_HANDLERS,
        data=lambda w: {
            "party_kind": "third_party",
            "party_name": "某公司",
            "sent_on": "2025-03-05",
        },
    ),
    "request_consultation_end": _step(
        "in_consultation", REQUEST_HANDLERS, data=lambda w: {"ended_on": "2025-03-12"}
    ),
    "request_extend": _step(
        "open",
        REQUEST_APPROVERS,
        data=lambda w: {"days": 20, "reason": "需调取档案", "approved_on": "2025-03-10"},
    ),
    "request_fee_notice": _step("open", REQUEST_HANDLERS, data=lambda w: {"method": "per_page"}),
    "request_fee_payment": _step("open", REQUEST_HANDLERS),
    "request_fee_overdue": _step("open", REQUEST_HANDLERS),
    "request_decision_draft": _step(
        "open",
        REQUEST_HANDLERS,
        data=lambda w: {"outcome": "disclose", "legal_basis": "第三十六条第（二）项"},
    ),
    "request_decision_approve": _step("awaiting_approval", REQUEST_APPROVERS),
    "request_letter_generate": _step("decided", REQUEST_HANDLERS),
    "request_delivery": _step(
        "decided",
        REQUEST_HANDLERS,
        data=lambda w: {"method": "email", "delivered_on": "2025-03-20", "proof": "邮件回执"},
    ),
    "request_split": _step("open", REQUEST_HANDLERS, data=lambda w: {"parts": "甲\n乙"}),
    "request_publish": _step("decided", REQUEST_HANDLERS, data=lambda w: {"title": "预算说明"}),
}
# The POST side of form pages. Org 2 editors posting an org 1 item get the form back (400):
# org 1 is not among the organisations offered to them.
SPECS_POST_FORMS: dict[str, Callable[[World], dict[str, Any]]] = {
    "item_create": _item_data,
    "organisation_edit": _organisation_data,
    "request_register": _register_data,
}
POST_FORM_OVERRIDES: dict[tuple[str, str], set[int]] = {
    ("item_create", "org2:coordinator"): {400},
    ("item_create", "org2:handler"): {400},
    ("request_register", "org2:coordinator"): {400},
}

# --- 行政复议、行政诉讼和申诉 (appeals) ---------------------------------------------------------
from gongkai.backoffice.tests.appeal_world import (  # noqa: E402
    appeal_case_data,
    appeal_decision_data,
    appeal_document,
    appeal_pk,
    appeal_upload,
)

APPEAL_VIEWERS = frozenset({"coordinator", "approver", "auditor"})
APPEAL_MANAGERS = frozenset({"coordinator", "approver"})
SPECS.update(
    {
        "appeal_list": Spec("get", _none, APPEAL_VIEWERS),
        "appeal_statistics": Spec("get", _none, APPEAL_VIEWERS, query="?year=2025"),
        "appeal_create": Spec("get", _none, APPEAL_MANAGERS),
        "appeal_detail": Spec("get", appeal_pk(), APPEAL_VIEWERS, scoped=True),
        "appeal_edit": Spec("get", appeal_pk(), APPEAL_MANAGERS, scoped=True),
        "appeal_decision": Spec(
            "post", appeal_pk(), APPEAL_MANAGERS, scoped=True, data=appeal_decision_data
        ),
        "appeal_document_upload": Spec(
            "post", appeal_pk(), APPEAL_MANAGERS, scoped=True, data=appeal_upload
        ),
        "appeal_document_download": Spec("get", appeal_document, APPEAL_VIEWERS, scoped=True),
    }
)
SPECS_POST_FORMS["appeal_create"] = appeal_case_data
POST_FORM_OVERRIDES.update(
    {
        ("appeal_create", "org2:coordinator"): {400},
        ("appeal_create", "org2:approver"): {400},
    }
)


# --- 投诉建议、办事指南、服务评价与服务保障 (complaints, service_guides, service_desk) -----------
from gongkai.backoffice.tests import service_centre_world as scw  # noqa: E402

SERVICE_CENTRE_VIEWERS = frozenset({"coordinator", "handler", "approver", "auditor"})
SERVICE_CENTRE_MANAGERS = frozenset({"coordinator", "handler"})
SPECS.update(
    {
        "complaint_list": Spec("get", _none, SERVICE_CENTRE_VIEWERS),
        "complaint_create": Spec("get", _none, SERVICE_CENTRE_MANAGERS),
        "complaint_settings": Spec("get", _none, SERVICE_CENTRE_MANAGERS),
        "complaint_detail": Spec("get", scw.complaint_pk, SERVICE_CENTRE_VIEWERS, scoped=True),
        "complaint_route": Spec(
            "post",
            scw.complaint_pk,
            SERVICE_CENTRE_MANAGERS,
            scoped=True,
            data=lambda w: {"department": w.org1.pk},
        ),
        "complaint_reply": Spec(
            "post",
            scw.complaint_pk,
            SERVICE_CENTRE_MANAGERS,
            scoped=True,
            data=scw.constant({"reply": "已增设窗口。", "replied_on": "2025-03-10"}),
        ),
        "service_item_list": Spec("get", _none, SERVICE_CENTRE_VIEWERS),
        "service_item_create": Spec("get", _none, SERVICE_CENTRE_MANAGERS),
        "service_item_detail": Spec(
            "get", scw.service_item_pk, SERVICE_CENTRE_VIEWERS, scoped=True
        ),
        "guide_revise": Spec(
            "get",
            scw.service_item_pk,
            SERVICE_CENTRE_MANAGERS,
            declared=SERVICE_CENTRE_MANAGERS,
            scoped=True,
        ),
        "guide_publish": Spec("post", scw.draft_guide_pk, SERVICE_CENTRE_MANAGERS, scoped=True),
        "print_run_list": Spec("get", _none, SERVICE_CENTRE_VIEWERS),
        "print_run_create": Spec("get", _none, SERVICE_CENTRE_MANAGERS),
        "evaluation_list": Spec("get", _none, SERVICE_CENTRE_VIEWERS),
        "evaluation_create": Spec("get", _none, SERVICE_CENTRE_MANAGERS),
        "fault_list": Spec("get", _none, SERVICE_CENTRE_VIEWERS),
        "fault_create": Spec("get", _none, SERVICE_CENTRE_MANAGERS),
        "fault_detail": Spec("get", scw.fault_pk, SERVICE_CENTRE_VIEWERS, scoped=True),
        "fault_start": Spec("post", scw.fault_pk, SERVICE_CENTRE_MANAGERS, scoped=True),
        "fault_resolve": Spec(
            "post",
            scw.fault_pk,
            SERVICE_CENTRE_MANAGERS,
            scoped=True,
            data=scw.constant({"resolution": "已更换叫号机喇叭。"}),
        ),
    }
)
SPECS_POST_FORMS.update(
    {
        "complaint_create": scw.complaint_entry_data,
        "complaint_settings": lambda w: {"organisation": w.org1.pk, "answer_working_days": 10},
        "service_item_create": scw.service_item_data,
        "guide_revise": scw.guide_version_data,
        "print_run_create": scw.print_run_data,
        "evaluation_create": scw.evaluation_data,
        "fault_create": scw.fault_data,
    }
)
POST_FORM_OVERRIDES.update(
    {
        (name, f"org2:{role}"): {400}
        for name in (
            "complaint_create",
            "complaint_settings",
            "service_item_create",
            "print_run_create",
            "evaluation_create",
            "fault_create",
        )
        for role in SERVICE_CENTRE_MANAGERS
    }
)

# --- 咨询 (consultations) ----------------------------------------------------------------------
from gongkai.backoffice.tests.consultation_world import (  # noqa: E402
    consultation_pk,
    faq_data,
    fast_entry_data,
    tally_data,
    topic_data,
)

CONSULTATION_VIEWERS = frozenset({"coordinator", "handler", "approver", "auditor"})
CONSULTATION_MANAGERS = frozenset({"coordinator", "handler"})
SPECS.update(
    {
        "consultation_list": Spec("get", _none, CONSULTATION_VIEWERS),
        "consultation_fast_entry": Spec("get", _none, CONSULTATION_MANAGERS),
        "consultation_create": Spec("get", _none, CONSULTATION_MANAGERS),
        "consultation_detail": Spec(
            "get", consultation_pk("consultation"), CONSULTATION_VIEWERS, scoped=True
        ),
        "consultation_edit": Spec(
            "get", consultation_pk("consultation"), CONSULTATION_MANAGERS, scoped=True
        ),
        "consultation_convert": Spec(
            "get", consultation_pk("consultation"), REQUEST_REGISTRARS, scoped=True
        ),
        "consultation_make_faq": Spec(
            "post", consultation_pk("consultation"), CONSULTATION_MANAGERS, scoped=True
        ),
        "consultation_tally_list": Spec("get", _none, CONSULTATION_VIEWERS),
        "consultation_tally_create": Spec("get", _none, CONSULTATION_MANAGERS),
        "consultation_tally_detail": Spec(
            "get", consultation_pk("tally"), CONSULTATION_VIEWERS, scoped=True
        ),
        "consultation_tally_correct": Spec(
            "post",
            consultation_pk("tally"),
            CONSULTATION_MANAGERS,
            scoped=True,
            data=lambda w: {"count": 12},
        ),
        "consultation_topic_list": Spec("get", _none, CONSULTATION_VIEWERS),
        "consultation_topic_create": Spec("get", _none, CONSULTATION_MANAGERS),
        "consultation_topic_edit": Spec(
            "get", consultation_pk("topic"), CONSULTATION_MANAGERS, scoped=True
        ),
        "consultation_faq_list": Spec("get", _none, CONSULTATION_VIEWERS),
        "consultation_faq_create": Spec("get", _none, CONSULTATION_MANAGERS),
        "consultation_faq_detail": Spec(
            "get", consultation_pk("faq_entry"), CONSULTATION_VIEWERS, scoped=True
        ),
        "consultation_faq_edit": Spec(
            "get", consultation_pk("faq_entry"), CONSULTATION_MANAGERS, scoped=True
        ),
    }
)
SPECS_POST_FORMS.update(
    {
        "consultation_fast_entry": fast_entry_data,
        "consultation_tally_create": tally_data,
        "consultation_topic_create": topic_data,
        "consultation_faq_create": faq_data,
    }
)
POST_FORM_OVERRIDES.update(
    {
        (name, f"org2:{role}"): {400}
        for name in (
            "consultation_fast_entry",
            "consultation_tally_create",
            "consultation_topic_create",
            "consultation_faq_create",
        )
        for role in CONSULTATION_MANAGERS
    }
)


# --- 政务资讯大厅、网站访问统计 (reading_room, web_analytics) -----------------------------------
from gongkai.backoffice.tests.reading_room_world import (  # noqa: E402
    READING_ROOM_MANAGERS,
    READING_ROOM_VIEWERS,
    reading_room_pk,
    visiting_group_data,
    visitor_tally_data,
)

for _key in ("document", "database", "group", "visitor", "periodical", "loan", "terminal"):
    SPECS[f"reading_room_{_key}_list"] = Spec("get", _none, READING_ROOM_VIEWERS)
    SPECS[f"reading_room_{_key}_create"] = Spec("get", _none, READING_ROOM_MANAGERS)
    SPECS[f"reading_room_{_key}_detail"] = Spec(
        "get", reading_room_pk(_key), READING_ROOM_VIEWERS, scoped=True
    )
    if _key != "loan":
        SPECS[f"reading_room_{_key}_edit"] = Spec(
            "get", reading_room_pk(_key), READING_ROOM_MANAGERS, scoped=True
        )
SPECS.update(
    {
        "reading_room_loan_overdue": Spec("get", _none, READING_ROOM_VIEWERS),
        "reading_room_loan_return": Spec(
            "post",
            reading_room_pk("loan"),
            READING_ROOM_MANAGERS,
            scoped=True,
            data=lambda w: {"returned_on": "2009-06-10"},
        ),
        "reading_room_database_check": Spec(
            "post", reading_room_pk("database"), READING_ROOM_MANAGERS, scoped=True
        ),
        "page_views": Spec("get", _none, ALL),
    }
)
SPECS_POST_FORMS.update(
    {
        "reading_room_group_create": visiting_group_data,
        "reading_room_visitor_create": visitor_tally_data,
    }
)
POST_FORM_OVERRIDES.update(
    {
        (name, f"org2:{role}"): {400}
        for name in ("reading_room_group_create", "reading_room_visitor_create")
        for role in READING_ROOM_MANAGERS
    }
)


# --- 审批处长接访、政企互动 (reception, engagement) ----------------------------------------------
from gongkai.backoffice.tests import reception_engagement_world as rew  # noqa: E402

_RV, _RM = rew.RECEPTION_VIEWERS, rew.RECEPTION_MANAGERS
_EV, _EM = rew.ENGAGEMENT_VIEWERS, rew.ENGAGEMENT_MANAGERS
SPECS.update(
    {
        "reception_schedule_list": Spec("get", _none, _RV),
        "reception_schedule_create": Spec("get", _none, _RM),
        "reception_schedule_detail": Spec("get", rew.rew_pk("schedule"), _RV, scoped=True),
        "reception_schedule_edit": Spec("get", rew.rew_pk("schedule"), _RM, scoped=True),
        "reception_slot_create": Spec(
            "post", rew.rew_pk("schedule"), _RM, scoped=True, data=rew.slot_data
        ),
        "reception_booking_list": Spec("get", _none, _RV, query="?export=csv"),
        "reception_booking_cancel": Spec("post", rew.rew_pk("booking"), _RM, scoped=True),
        "reception_session_list": Spec("get", _none, _RV),
        "reception_session_create": Spec("get", _none, _RM),
        "reception_session_detail": Spec("get", rew.rew_pk("session"), _RV, scoped=True),
        "reception_session_edit": Spec("get", rew.rew_pk("session"), _RM, scoped=True),
        "meeting_list": Spec("get", _none, _EV, query="?export=xlsx"),
        "meeting_create": Spec("get", _none, _EM),
        "meeting_detail": Spec("get", rew.rew_pk("meeting"), _EV, scoped=True),
        "meeting_edit": Spec("get", rew.rew_pk("meeting"), _EM, scoped=True),
        "meeting_attendance": Spec(
            "post",
            rew.rew_pk("meeting"),
            _EM,
            scoped=True,
            data=lambda w: {"attended_count": 30},
        ),
        "meeting_material_upload": Spec(
            "post", rew.rew_pk("meeting"), _EM, scoped=True, data=rew.material_upload
        ),
        "registration_check_in": Spec("post", rew.rew_pk("registration"), _EM, scoped=True),
        "topic_list": Spec("get", _none, _EV),
        # An empty form: refused as invalid (400) once the permission checks are passed.
        "topic_create": Spec("post", _none, _EM, ok=400),
        "subscriber_list": Spec("get", _none, _EV),
        "subscriber_create": Spec("get", rew.built, _EM),
        "subscriber_detail": Spec("get", rew.rew_pk("subscriber"), _EV, scoped=True),
        "message_list": Spec("get", _none, _EV),
        "message_create": Spec("get", rew.built, _EM),
        "message_detail": Spec("get", rew.rew_pk("message"), _EV, scoped=True),
        "message_send": Spec("post", rew.rew_pk("message"), _EM, scoped=True),
        "feedback_list": Spec("get", _none, _EV),
        "feedback_create": Spec("get", _none, _EM),
        "feedback_detail": Spec("get", rew.rew_pk("feedback"), _EV, scoped=True),
        "feedback_answer": Spec(
            "post", rew.rew_pk("feedback"), _EM, scoped=True, data=lambda w: {"answer": "已采纳"}
        ),
    }
)
SPECS_POST_FORMS.update(
    {
        "reception_schedule_create": rew.schedule_data,
        "reception_session_create": rew.session_data,
        "meeting_create": rew.meeting_data,
        "topic_create": rew.topic_data,
        "subscriber_create": rew.subscriber_data,
        "message_create": rew.message_data,
        "feedback_create": rew.feedback_data,
    }
)
for _page in (
    "reception_schedule_create",
    "reception_session_create",
    "meeting_create",
    "topic_create",
    "subscriber_create",
    "message_create",
    "feedback_create",
):
    for _role in _EM:
        POST_FORM_OVERRIDES[(_page, f"org2:{_role}")] = {400}


# --- 政府信息公开工作年度报告 (reports) ----------------------------------------------------------
from gongkai.backoffice.tests import report_world as rw  # noqa: E402

SPECS.update(
    {
        "report_list": Spec("get", _none, rw.REPORT_VIEWERS),
        "report_create": Spec("get", _none, rw.REPORT_EDITORS),
        "report_deadlines": Spec("get", _none, rw.REPORT_VIEWERS),
        "report_detail": Spec("get", rw.report_pk("draft"), rw.REPORT_VIEWERS, scoped=True),
        "report_narrative": Spec(
            "get", rw.report_pk("draft", section="一"), rw.REPORT_EDITORS, scoped=True
        ),
        "report_entered_figure": Spec(
            "post",
            rw.report_pk("draft"),
            rw.REPORT_EDITORS,
            scoped=True,
            data=lambda w: {"key": "licensing.decisions", "value": "0", "source": "无此事项"},
        ),
        "report_submit": Spec("post", rw.report_pk("draft"), rw.REPORT_EDITORS, scoped=True),
        "report_approve": Spec(
            "post",
            rw.report_pk("in_review"),
            rw.REPORT_APPROVERS,
            scoped=True,
            data=lambda w: {"acknowledge_warnings": "on"},
        ),
        "report_return": Spec(
            "post",
            rw.report_pk("in_review"),
            rw.REPORT_APPROVERS,
            scoped=True,
            data=lambda w: {"reason": "请补充说明"},
        ),
        "report_publish": Spec("post", rw.report_pk("approved"), rw.REPORT_PUBLISHERS, scoped=True),
        "report_correct": Spec(
            "post",
            rw.report_pk("published"),
            rw.REPORT_EDITORS,
            scoped=True,
            data=lambda w: {"change_note": "更正数字"},
        ),
        "report_download": Spec(
            "get", rw.report_pk("draft", kind="json"), rw.REPORT_VIEWERS, scoped=True
        ),
    }
)
SPECS_POST_FORMS["report_create"] = rw.report_create_data
POST_FORM_OVERRIDES[("report_create", "org2:coordinator")] = {400}


def _walk(patterns: list[URLPattern | URLResolver]) -> Iterator[URLPattern]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns)
        else:
            yield pattern


PATTERN_NAMES = [pattern.name for pattern in _walk(backoffice_urls.urlpatterns)]


def test_every_back_office_page_has_a_matrix_row() -> None:
    assert None not in PATTERN_NAMES, "every back-office URL pattern needs a name"
    missing = sorted({name for name in PATTERN_NAMES if name} - set(SPECS))
    assert not missing, f"add these pages to SPECS in {__name__}: {missing}"


def expected_status(spec: Spec, user_key: str) -> set[int]:
    if user_key == "anonymous":
        return spec.success if spec.public else {302}
    if spec.public:
        return spec.success
    if user_key == "no_role":
        return {403}
    if user_key == "superuser":
        return spec.success
    org_key, role = user_key.split(":")
    declared = spec.declared if spec.declared is not None else spec.allowed
    if org_key == "org2" and spec.scoped:
        return {404} if role in declared else {403}
    return spec.success if role in spec.allowed else {403}


def _request(client: Client, spec: Spec, url: str, world: World) -> Any:
    if spec.method == "get":
        return client.get(url)
    return client.post(url, data=spec.data(world))


@pytest.mark.django_db
@pytest.mark.parametrize("name", [name for name in PATTERN_NAMES if name in SPECS])
def test_permission_matrix(name: str) -> None:
    spec = SPECS[name]
    world = build_world()
    url = reverse(f"backoffice:{name}", kwargs=spec.kwargs(world)) + spec.query
    failures = []
    for user_key in USER_KEYS:
        client = Client()
        user = world.user(user_key)
        if user is not None:
            client.force_login(user)
        # Each person starts from the same data: whatever a request changed is rolled back.
        with transaction.atomic():
            response = _request(client, spec, url, world)
            transaction.set_rollback(True)
        expected = expected_status(spec, user_key)
        if response.status_code not in expected:
            failures.append(f"{user_key}: got {response.status_code}, expected {expected}")
        elif user_key == "anonymous" and not spec.public:
            assert response["Location"].startswith(reverse("backoffice:login"))
    assert not failures, f"{spec.method.upper()} {url}\n" + "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(SPECS_POST_FORMS))
def test_form_posts_follow_the_matrix(name: str) -> None:
    """The POST side of form pages: same people allowed, a valid form redirects."""
    spec = SPECS[name]
    world = build_world()
    url = reverse(f"backoffice:{name}", kwargs=spec.kwargs(world))
    post_spec = Spec(
        "post", spec.kwargs, spec.allowed, spec.declared, spec.scoped, SPECS_POST_FORMS[name]
    )
    failures = []
    for user_key in USER_KEYS:
        client = Client()
        user = world.user(user_key)
        if user is not None:
            client.force_login(user)
        with transaction.atomic():
            response = _request(client, post_spec, url, world)
            transaction.set_rollback(True)
        expected = POST_FORM_OVERRIDES.get((name, user_key)) or expected_status(post_spec, user_key)
        if response.status_code not in expected:
            failures.append(f"{user_key}: got {response.status_code}, expected {expected}")
    assert not failures, f"POST {url}\n" + "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.scoped])
def test_other_organisations_objects_look_like_missing_ones(name: str) -> None:
    """Org 2 staff get for org 1's object exactly what they get for a non-existent id."""
    spec = SPECS[name]
    world = build_world()
    real = reverse(f"backoffice:{name}", kwargs=spec.kwargs(world))
    missing = reverse(f"backoffice:{name}", kwargs=dict.fromkeys(spec.kwargs(world), 999999))
    for role in ROLES:
        client = Client()
        client.force_login(world.user(f"org2:{role}"))
        with transaction.atomic():
            real_status = _request(client, spec, real, world).status_code
            transaction.set_rollback(True)
        with transaction.atomic():
            missing_status = _request(client, spec, missing, world).status_code
            transaction.set_rollback(True)
        assert real_status == missing_status, (name, role, real_status, missing_status)
