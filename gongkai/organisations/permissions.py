"""Every permission decision of gongkai, in one place.

Roles are held per organisation (Membership) and reach that organisation's whole sub-tree.
Each role grants a set of permission codes; predicates `can_<verb>_<entity>(user, obj)` and the
scoping helper `organisations_with(user, code)` are what services, selectors and surfaces call.
Superusers hold every permission (they are system operators, audited like anyone else).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from gongkai.organisations.models import Membership, Organisation, Role

# Permission codes, "<domain>.<verb>".
CATALOGUE_VIEW = "catalogue.view"
CATALOGUE_EDIT = "catalogue.edit"
CATALOGUE_SUBMIT = "catalogue.submit"
CATALOGUE_PUBLISH = "catalogue.publish"
CATALOGUE_IMPORT = "catalogue.import"
AUDIT_VIEW = "audit.view"
ORGANISATION_MANAGE = "organisation.manage"
CALENDAR_MANAGE = "calendar.manage"

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    # The 公开办 keeps the statutory time limits, so it enters each year's holiday notice too.
    Role.COORDINATOR: frozenset(
        {
            CATALOGUE_VIEW,
            CATALOGUE_EDIT,
            CATALOGUE_SUBMIT,
            CATALOGUE_IMPORT,
            AUDIT_VIEW,
            CALENDAR_MANAGE,
        }
    ),
    Role.HANDLER: frozenset({CATALOGUE_VIEW, CATALOGUE_EDIT, CATALOGUE_SUBMIT}),
    Role.APPROVER: frozenset({CATALOGUE_VIEW, AUDIT_VIEW}),
    # 第二十六条 publishing is a separate duty: only publishers put items before the public.
    Role.PUBLISHER: frozenset({CATALOGUE_VIEW, CATALOGUE_PUBLISH, AUDIT_VIEW}),
    Role.AUDITOR: frozenset({CATALOGUE_VIEW, AUDIT_VIEW}),
    Role.ORG_ADMIN: frozenset({CATALOGUE_VIEW, ORGANISATION_MANAGE, AUDIT_VIEW, CALENDAR_MANAGE}),
}


def _roles_granting(code: str) -> list[str]:
    return [role for role, codes in ROLE_PERMISSIONS.items() if code in codes]


def _is_staff_user(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def organisations_with(user: Any, code: str) -> QuerySet[Organisation]:
    """Organisations (with their sub-trees) in which `user` holds permission `code`."""
    if not _is_staff_user(user):
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    roots = Membership.objects.filter(user=user, role__in=_roles_granting(code)).values_list(
        "organisation__path", flat=True
    )
    condition = Q(pk__in=[])
    for path in set(roots):
        condition |= Q(path__startswith=path)
    return Organisation.objects.filter(condition)


def has_permission(user: Any, code: str, organisation: Organisation | None) -> bool:
    if not _is_staff_user(user) or organisation is None:
        return False
    if user.is_superuser:
        return True
    ancestor_paths = _ancestor_paths(organisation.path)
    return Membership.objects.filter(
        user=user, role__in=_roles_granting(code), organisation__path__in=ancestor_paths
    ).exists()


def has_any_permission(user: Any, code: str) -> bool:
    if not _is_staff_user(user):
        return False
    return (
        bool(user.is_superuser)
        or Membership.objects.filter(user=user, role__in=_roles_granting(code)).exists()
    )


def is_back_office_user(user: Any) -> bool:
    return _is_staff_user(user) and (
        user.is_superuser or Membership.objects.filter(user=user).exists()
    )


def _ancestor_paths(path: str) -> list[str]:
    # "/1/5/9/" -> ["/1/", "/1/5/", "/1/5/9/"]
    parts = [p for p in path.split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


# --- organisations -------------------------------------------------------------------------


def can_manage_organisation(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, ORGANISATION_MANAGE, organisation)


def can_manage_calendar(user: Any) -> bool:
    """Enter or correct a year's holiday schedule: coordinators and organisation admins. The
    calendar is one for the whole system, so a role held in any organisation is enough."""
    return has_any_permission(user, CALENDAR_MANAGE)


def can_view_audit(user: Any, organisation: Organisation | None) -> bool:
    return has_permission(user, AUDIT_VIEW, organisation)


# --- catalogue (主动公开) -------------------------------------------------------------------


def can_view_information_item(user: Any, item: Any) -> bool:
    return has_permission(user, CATALOGUE_VIEW, item.organisation)


def can_create_information_item(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, CATALOGUE_EDIT, organisation)


def can_edit_information_item(user: Any, item: Any) -> bool:
    return has_permission(user, CATALOGUE_EDIT, item.organisation)


def can_submit_information_item(user: Any, item: Any) -> bool:
    return has_permission(user, CATALOGUE_SUBMIT, item.organisation)


def can_publish_information_item(user: Any, item: Any) -> bool:
    return has_permission(user, CATALOGUE_PUBLISH, item.organisation)


def can_publish_generated_information_item(user: Any, organisation: Organisation) -> bool:
    # An item another register produces whole (e.g. an approved annual report) has been
    # drafted and reviewed there; putting it in the catalogue is the publisher's act alone.
    return has_permission(user, CATALOGUE_PUBLISH, organisation)


def can_withdraw_information_item(user: Any, item: Any) -> bool:
    return has_permission(user, CATALOGUE_PUBLISH, item.organisation)


def can_import_catalogue(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, CATALOGUE_IMPORT, organisation)


def can_manage_catalogue_categories(user: Any, organisation: Organisation) -> bool:
    # The taxonomy is the 公开办's (coordinators hold catalogue.import) or the organisation admin's.
    return has_permission(user, CATALOGUE_IMPORT, organisation) or has_permission(
        user, ORGANISATION_MANAGE, organisation
    )


def can_change_information_item(user: Any, item: Any) -> bool:
    """Edit metadata or attachments: editors before publication; once public, publishers only
    (a change to public information is a publication in its own right)."""
    if item.status == "published":
        return can_publish_information_item(user, item)
    return can_edit_information_item(user, item)


# --- disclosure on request (依申请公开) ---------------------------------------------------------

REQUESTS_VIEW = "requests.view"
REQUESTS_HANDLE = "requests.handle"
REQUESTS_APPROVE = "requests.approve"
REQUESTS_REGISTER = "requests.register"

# The 公开办 registers and assigns; 承办人 handle; 负责人 approve answers and extensions;
# auditors read (personal data masked).
_REQUEST_ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.COORDINATOR: frozenset({REQUESTS_VIEW, REQUESTS_REGISTER, REQUESTS_HANDLE}),
    Role.HANDLER: frozenset({REQUESTS_VIEW, REQUESTS_HANDLE}),
    Role.APPROVER: frozenset({REQUESTS_VIEW, REQUESTS_APPROVE}),
    Role.AUDITOR: frozenset({REQUESTS_VIEW}),
}
for _role, _codes in _REQUEST_ROLE_PERMISSIONS.items():
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | _codes


def _request_organisations(disclosure_request: Any) -> list[Organisation]:
    # Staff of the receiving body and of the handling department both reach the application.
    organisations = [disclosure_request.organisation]
    if disclosure_request.department_id and disclosure_request.department_id != (
        disclosure_request.organisation_id
    ):
        organisations.append(disclosure_request.department)
    return organisations


def _has_request_permission(user: Any, code: str, disclosure_request: Any) -> bool:
    return any(
        has_permission(user, code, organisation)
        for organisation in _request_organisations(disclosure_request)
    )


def can_view_disclosure_request(user: Any, disclosure_request: Any) -> bool:
    return _has_request_permission(user, REQUESTS_VIEW, disclosure_request)


def can_handle_disclosure_request(user: Any, disclosure_request: Any) -> bool:
    return _has_request_permission(user, REQUESTS_HANDLE, disclosure_request)


def can_approve_disclosure_request(user: Any, disclosure_request: Any) -> bool:
    return _has_request_permission(user, REQUESTS_APPROVE, disclosure_request)


def can_register_disclosure_request(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, REQUESTS_REGISTER, organisation)


def can_assign_disclosure_request(user: Any, disclosure_request: Any) -> bool:
    # Assignment is the 公开办's act: coordinators (who register) of the receiving body.
    return has_permission(user, REQUESTS_REGISTER, disclosure_request.organisation)


def can_be_disclosure_request_handler(user: Any, disclosure_request: Any) -> bool:
    return _has_request_permission(user, REQUESTS_HANDLE, disclosure_request)


def can_view_applicant_personal_data(user: Any, disclosure_request: Any) -> bool:
    """Unmasked ID number, phone and address: the assigned handler, and the approvers and
    coordinators of that application's organisation only (auditors and other handlers see masks)."""
    if not _is_staff_user(user):
        return False
    if user.is_superuser:
        return True
    if disclosure_request.handler_id is not None and disclosure_request.handler_id == user.pk:
        return True
    return any(
        has_permission(user, REQUESTS_APPROVE, organisation)
        or has_permission(user, REQUESTS_REGISTER, organisation)
        for organisation in _request_organisations(disclosure_request)
    )


# --- consultations (咨询) ----------------------------------------------------------------------

CONSULTATIONS_VIEW = "consultations.view"
CONSULTATIONS_MANAGE = "consultations.manage"

# Counter and phone staff (coordinators, handlers) enter and answer; approvers and auditors read.
ROLE_PERMISSIONS[Role.COORDINATOR] = ROLE_PERMISSIONS[Role.COORDINATOR] | {
    CONSULTATIONS_VIEW,
    CONSULTATIONS_MANAGE,
}
ROLE_PERMISSIONS[Role.HANDLER] = ROLE_PERMISSIONS[Role.HANDLER] | {
    CONSULTATIONS_VIEW,
    CONSULTATIONS_MANAGE,
}
ROLE_PERMISSIONS[Role.APPROVER] = ROLE_PERMISSIONS[Role.APPROVER] | {CONSULTATIONS_VIEW}
ROLE_PERMISSIONS[Role.AUDITOR] = ROLE_PERMISSIONS[Role.AUDITOR] | {CONSULTATIONS_VIEW}


def can_view_consultations(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, CONSULTATIONS_VIEW, organisation)


def can_manage_consultations(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, CONSULTATIONS_MANAGE, organisation)


def can_view_consultation_contact(user: Any, consultation: Any) -> bool:
    # A portal asker's contact is for those who answer, not for read-only roles.
    return has_permission(user, CONSULTATIONS_MANAGE, consultation.organisation)


# --- 行政复议、行政诉讼和申诉 -------------------------------------------------------------------

APPEALS_VIEW = "appeals.view"
APPEALS_MANAGE = "appeals.manage"

# The 公开办 and the 负责人 answer for the body in review and litigation; auditors read.
ROLE_PERMISSIONS[Role.COORDINATOR] = ROLE_PERMISSIONS[Role.COORDINATOR] | {
    APPEALS_VIEW,
    APPEALS_MANAGE,
}
ROLE_PERMISSIONS[Role.APPROVER] = ROLE_PERMISSIONS[Role.APPROVER] | {APPEALS_VIEW, APPEALS_MANAGE}
ROLE_PERMISSIONS[Role.AUDITOR] = ROLE_PERMISSIONS[Role.AUDITOR] | {APPEALS_VIEW}


def can_view_appeal_case(user: Any, appeal_case: Any) -> bool:
    return has_permission(user, APPEALS_VIEW, appeal_case.organisation)


def can_create_appeal_case(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, APPEALS_MANAGE, organisation)


def can_manage_appeal_case(user: Any, appeal_case: Any) -> bool:
    return has_permission(user, APPEALS_MANAGE, appeal_case.organisation)


# --- complaints, service guides, service desk (投诉建议、办事指南、服务评价与服务保障) ------------

COMPLAINTS_VIEW = "complaints.view"
COMPLAINTS_MANAGE = "complaints.manage"
SERVICE_GUIDES_VIEW = "service_guides.view"
SERVICE_GUIDES_MANAGE = "service_guides.manage"
SERVICE_DESK_VIEW = "service_desk.view"
SERVICE_DESK_MANAGE = "service_desk.manage"

# Coordinators and handlers of the centre enter, route and answer; approvers and auditors read.
_SERVICE_CENTRE_VIEW_CODES = {COMPLAINTS_VIEW, SERVICE_GUIDES_VIEW, SERVICE_DESK_VIEW}
_SERVICE_CENTRE_MANAGE_CODES = {COMPLAINTS_MANAGE, SERVICE_GUIDES_MANAGE, SERVICE_DESK_MANAGE}
ROLE_PERMISSIONS[Role.COORDINATOR] = (
    ROLE_PERMISSIONS[Role.COORDINATOR] | _SERVICE_CENTRE_VIEW_CODES | _SERVICE_CENTRE_MANAGE_CODES
)
ROLE_PERMISSIONS[Role.HANDLER] = (
    ROLE_PERMISSIONS[Role.HANDLER] | _SERVICE_CENTRE_VIEW_CODES | _SERVICE_CENTRE_MANAGE_CODES
)
ROLE_PERMISSIONS[Role.APPROVER] = ROLE_PERMISSIONS[Role.APPROVER] | _SERVICE_CENTRE_VIEW_CODES
ROLE_PERMISSIONS[Role.AUDITOR] = ROLE_PERMISSIONS[Role.AUDITOR] | _SERVICE_CENTRE_VIEW_CODES


def can_view_complaint(user: Any, complaint: Any) -> bool:
    # The receiving body and the department it was routed to both reach the complaint.
    return has_permission(user, COMPLAINTS_VIEW, complaint.organisation) or (
        complaint.department_id is not None
        and has_permission(user, COMPLAINTS_VIEW, complaint.department)
    )


def can_manage_complaint(user: Any, complaint: Any) -> bool:
    return has_permission(user, COMPLAINTS_MANAGE, complaint.organisation) or (
        complaint.department_id is not None
        and has_permission(user, COMPLAINTS_MANAGE, complaint.department)
    )


def can_register_complaint(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, COMPLAINTS_MANAGE, organisation)


def can_configure_complaints(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, COMPLAINTS_MANAGE, organisation) or has_permission(
        user, ORGANISATION_MANAGE, organisation
    )


def can_view_service_guides(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, SERVICE_GUIDES_VIEW, organisation)


def can_manage_service_guides(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, SERVICE_GUIDES_MANAGE, organisation)


def can_view_service_desk(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, SERVICE_DESK_VIEW, organisation)


def can_manage_service_desk(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, SERVICE_DESK_MANAGE, organisation)


# --- 政务资讯大厅 and website visits ------------------------------------------------------------

READING_ROOM_VIEW = "reading_room.view"
READING_ROOM_MANAGE = "reading_room.manage"
WEB_ANALYTICS_VIEW = "web_analytics.view"

# The reading room's registers are kept by the 公开办 and handlers; approvers and auditors read.
# Page views are aggregate counts without personal data: every role may read them.
for _role in (Role.COORDINATOR, Role.HANDLER):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {READING_ROOM_VIEW, READING_ROOM_MANAGE}
for _role in (Role.APPROVER, Role.AUDITOR):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {READING_ROOM_VIEW}
for _role in Role:
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {WEB_ANALYTICS_VIEW}


def can_view_reading_room_record(user: Any, record: Any) -> bool:
    return has_permission(user, READING_ROOM_VIEW, record.organisation)


def can_manage_reading_room(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, READING_ROOM_MANAGE, organisation)


def can_manage_reading_room_record(user: Any, record: Any) -> bool:
    return has_permission(user, READING_ROOM_MANAGE, record.organisation)


def can_view_page_views(user: Any) -> bool:
    return has_any_permission(user, WEB_ANALYTICS_VIEW)


# --- 审批处长接访 and 政企互动 --------------------------------------------------------------------

RECEPTION_VIEW = "reception.view"
RECEPTION_MANAGE = "reception.manage"
ENGAGEMENT_VIEW = "engagement.view"
ENGAGEMENT_MANAGE = "engagement.manage"

# The 政务服务处 (coordinators, handlers) runs receptions, meetings and the mailing service;
# approvers and auditors read.
for _role in (Role.COORDINATOR, Role.HANDLER):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {
        RECEPTION_VIEW,
        RECEPTION_MANAGE,
        ENGAGEMENT_VIEW,
        ENGAGEMENT_MANAGE,
    }
for _role in (Role.APPROVER, Role.AUDITOR):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {RECEPTION_VIEW, ENGAGEMENT_VIEW}


def can_view_reception(user: Any, record: Any) -> bool:
    return has_permission(user, RECEPTION_VIEW, record.organisation)


def can_manage_reception(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, RECEPTION_MANAGE, organisation)


def can_view_engagement(user: Any, record: Any) -> bool:
    return has_permission(user, ENGAGEMENT_VIEW, record.organisation)


def can_manage_engagement(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, ENGAGEMENT_MANAGE, organisation)


# --- 政府信息公开工作年度报告 ---------------------------------------------------------------------

REPORTS_VIEW = "reports.view"
REPORTS_EDIT = "reports.edit"
REPORTS_APPROVE = "reports.approve"
REPORTS_PUBLISH = "reports.publish"

# The 公开办 drafts the report (第四条（三）); the 负责人 approves, acknowledging warnings;
# publishers put it before the public as a catalogue item; every back-office role may read it.
ROLE_PERMISSIONS[Role.COORDINATOR] = ROLE_PERMISSIONS[Role.COORDINATOR] | {
    REPORTS_VIEW,
    REPORTS_EDIT,
}
ROLE_PERMISSIONS[Role.APPROVER] = ROLE_PERMISSIONS[Role.APPROVER] | {REPORTS_VIEW, REPORTS_APPROVE}
ROLE_PERMISSIONS[Role.PUBLISHER] = ROLE_PERMISSIONS[Role.PUBLISHER] | {
    REPORTS_VIEW,
    REPORTS_PUBLISH,
}
for _role in (Role.HANDLER, Role.AUDITOR, Role.ORG_ADMIN):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {REPORTS_VIEW}


def can_view_annual_report(user: Any, annual_report: Any) -> bool:
    return has_permission(user, REPORTS_VIEW, annual_report.organisation)


def can_create_annual_report(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, REPORTS_EDIT, organisation)


def can_edit_annual_report(user: Any, annual_report: Any) -> bool:
    return has_permission(user, REPORTS_EDIT, annual_report.organisation)


def can_approve_annual_report(user: Any, annual_report: Any) -> bool:
    return has_permission(user, REPORTS_APPROVE, annual_report.organisation)


def can_publish_annual_report(user: Any, annual_report: Any) -> bool:
    # Publishing also puts the report in the catalogue as a generated item.
    organisation = annual_report.organisation
    return has_permission(user, REPORTS_PUBLISH, organisation) and (
        can_publish_generated_information_item(user, organisation)
    )


def can_import_historical_statistics(user: Any, organisation: Organisation) -> bool:
    return has_permission(user, REPORTS_EDIT, organisation)
