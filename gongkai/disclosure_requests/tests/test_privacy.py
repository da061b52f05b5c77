"""Personal data is masked except for the handler, approvers and coordinators of the
application, and every unmasked view leaves an audit entry."""

from __future__ import annotations

import pytest

from gongkai.core.models import AuditEntry
from gongkai.disclosure_requests import privacy
from gongkai.disclosure_requests.tests.factories import DisclosureRequestFactory
from gongkai.organisations import permissions
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import (
    OrganisationFactory,
    UserFactory,
    staff_with_role,
)

VIEWED = "disclosure_requests.request.personal_data_viewed"


def test_masks_keep_only_what_identifies_the_record():
    assert privacy.mask_id_number("11010519850615123X") == "110***********123X"
    assert privacy.mask_phone("13812345678") == "138****5678"
    assert privacy.mask_address("北京市朝阳区建国路88号3单元502室") == "北京市朝阳区****"
    assert privacy.mask_email("liming@example.com") == "l***@example.com"
    assert privacy.mask_name("李明") == "李*"
    assert privacy.mask_id_number("") == "" and privacy.mask_phone("") == ""


@pytest.fixture
def setting(db):
    organisation = OrganisationFactory()
    handler = staff_with_role(Role.HANDLER, organisation)
    disclosure_request = DisclosureRequestFactory(
        organisation=organisation, handler=handler, id_number="11010519850615123X"
    )
    return organisation, handler, disclosure_request


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.APPROVER])
def test_coordinators_and_approvers_may_reveal_and_are_audited(setting, role):
    organisation, _, disclosure_request = setting
    user = staff_with_role(role, organisation)
    view = privacy.applicant_view(disclosure_request, user, reveal=True)
    assert view["masked"] is False
    assert view["id_number"] == "11010519850615123X"
    assert view["phone"] == disclosure_request.phone
    entry = AuditEntry.objects.get(action=VIEWED)
    assert entry.actor == user and entry.object_id == str(disclosure_request.pk)


def test_the_assigned_handler_may_reveal(setting):
    _, handler, disclosure_request = setting
    assert privacy.applicant_view(disclosure_request, handler, reveal=True)["masked"] is False
    assert AuditEntry.objects.filter(action=VIEWED, actor=handler).count() == 1


def test_masked_view_writes_no_audit_entry(setting):
    _, handler, disclosure_request = setting
    view = privacy.applicant_view(disclosure_request, handler)
    assert view["masked"] is True and view["can_reveal"] is True
    assert view["id_number"] == "110***********123X"
    assert not AuditEntry.objects.filter(action=VIEWED).exists()


@pytest.mark.parametrize("who", ["other_handler", "auditor", "other_organisation", "anonymous"])
def test_others_see_masks_even_when_asking_to_reveal(setting, who):
    organisation, _, disclosure_request = setting
    user = {
        "other_handler": lambda: staff_with_role(Role.HANDLER, organisation),
        "auditor": lambda: staff_with_role(Role.AUDITOR, organisation),
        "other_organisation": lambda: staff_with_role(Role.COORDINATOR, OrganisationFactory()),
        "anonymous": lambda: UserFactory(is_active=False),
    }[who]()
    view = privacy.applicant_view(disclosure_request, user, reveal=True)
    assert view["masked"] is True and view["can_reveal"] is False
    assert "1985061512" not in str(view)
    assert disclosure_request.phone not in str(view)
    assert not AuditEntry.objects.filter(action=VIEWED).exists()


def test_request_permissions_per_role(setting):
    organisation, handler, disclosure_request = setting
    coordinator = staff_with_role(Role.COORDINATOR, organisation)
    approver = staff_with_role(Role.APPROVER, organisation)
    auditor = staff_with_role(Role.AUDITOR, organisation)
    publisher = staff_with_role(Role.PUBLISHER, organisation)
    expected = {
        coordinator: (True, True, False, True),
        handler: (True, True, False, False),
        approver: (True, False, True, False),
        auditor: (True, False, False, False),
        publisher: (False, False, False, False),
    }
    for user, (view, handle, approve, register) in expected.items():
        assert permissions.can_view_disclosure_request(user, disclosure_request) is view
        assert permissions.can_handle_disclosure_request(user, disclosure_request) is handle
        assert permissions.can_approve_disclosure_request(user, disclosure_request) is approve
        assert permissions.can_register_disclosure_request(user, organisation) is register


def test_a_handling_department_reaches_the_application(setting):
    organisation, _, disclosure_request = setting
    department = OrganisationFactory(parent=organisation)
    department_handler = staff_with_role(Role.HANDLER, department)
    assert not permissions.can_handle_disclosure_request(department_handler, disclosure_request)
    disclosure_request.department = department
    assert permissions.can_handle_disclosure_request(department_handler, disclosure_request)
