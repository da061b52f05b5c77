import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.organisations import permissions as p
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import (
    OrganisationFactory,
    UserFactory,
    staff_with_role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    government = OrganisationFactory(name="广州市人民政府", kind="government")
    office = OrganisationFactory(name="政务管理办公室", parent=government)
    division = OrganisationFactory(name="政务服务处", parent=office)
    sibling = OrganisationFactory(name="环境保护局", parent=government)
    return government, office, division, sibling


def test_role_reaches_the_subtree_but_not_siblings_or_parents(tree):
    government, office, division, sibling = tree
    publisher = staff_with_role(Role.PUBLISHER, office)
    assert p.has_permission(publisher, p.CATALOGUE_PUBLISH, office)
    assert p.has_permission(publisher, p.CATALOGUE_PUBLISH, division)
    assert not p.has_permission(publisher, p.CATALOGUE_PUBLISH, sibling)
    assert not p.has_permission(publisher, p.CATALOGUE_PUBLISH, government)
    assert set(p.organisations_with(publisher, p.CATALOGUE_PUBLISH)) == {office, division}


@pytest.mark.parametrize(
    ("role", "code", "expected"),
    [
        (Role.HANDLER, p.CATALOGUE_EDIT, True),
        (Role.HANDLER, p.CATALOGUE_PUBLISH, False),
        (Role.PUBLISHER, p.CATALOGUE_PUBLISH, True),
        (Role.PUBLISHER, p.CATALOGUE_EDIT, False),
        (Role.AUDITOR, p.CATALOGUE_VIEW, True),
        (Role.AUDITOR, p.CATALOGUE_EDIT, False),
        (Role.AUDITOR, p.AUDIT_VIEW, True),
        (Role.COORDINATOR, p.CATALOGUE_IMPORT, True),
        (Role.APPROVER, p.CATALOGUE_PUBLISH, False),
        (Role.ORG_ADMIN, p.ORGANISATION_MANAGE, True),
        (Role.ORG_ADMIN, p.CATALOGUE_EDIT, False),
    ],
)
def test_role_permission_table(tree, role, code, expected):
    _, office, _, _ = tree
    user = staff_with_role(role, office)
    assert p.has_permission(user, code, office) is expected


def test_anonymous_and_inactive_users_hold_nothing(tree):
    _, office, _, _ = tree
    assert not p.has_permission(AnonymousUser(), p.CATALOGUE_VIEW, office)
    inactive = staff_with_role(Role.PUBLISHER, office, is_active=False)
    assert not p.has_permission(inactive, p.CATALOGUE_VIEW, office)
    assert not p.organisations_with(inactive, p.CATALOGUE_VIEW).exists()


def test_superuser_holds_everything(tree):
    _, _, _, sibling = tree
    root = UserFactory(is_superuser=True)
    assert p.has_permission(root, p.CATALOGUE_PUBLISH, sibling)
    assert p.can_manage_calendar(root)


def test_user_without_membership_is_not_back_office_user(tree):
    assert not p.is_back_office_user(UserFactory())


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.COORDINATOR, True),
        (Role.ORG_ADMIN, True),
        (Role.HANDLER, False),
        (Role.APPROVER, False),
        (Role.PUBLISHER, False),
        (Role.AUDITOR, False),
    ],
)
def test_the_coordinator_and_the_admin_manage_the_calendar(tree, role, expected):
    _, _, division, _ = tree
    assert p.can_manage_calendar(staff_with_role(role, division)) is expected
