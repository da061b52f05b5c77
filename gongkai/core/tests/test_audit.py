import pytest
from django.db import transaction

from gongkai.core import audit
from gongkai.core.models import AuditEntry
from gongkai.organisations.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_log_records_actor_action_object_and_data():
    organisation = OrganisationFactory()
    actor = UserFactory()
    with transaction.atomic():
        entry = audit.log(
            organisation,
            "organisations.organisation.updated",
            actor=actor,
            data={"phone": ["1", "2"]},
        )
    assert entry.actor == actor
    assert entry.object_type == "organisations.organisation"
    assert entry.object_id == str(organisation.pk)
    assert list(audit.entries_for(organisation)) == [entry]


def test_log_outside_a_transaction_is_refused():
    organisation = OrganisationFactory()
    # pytest-django wraps tests in a transaction; leave it to see the guard.
    connection = transaction.get_connection()
    in_block = connection.in_atomic_block
    connection.in_atomic_block = False
    try:
        with pytest.raises(RuntimeError, match="transaction"):
            audit.log(organisation, "x.y.z", actor=None)
    finally:
        connection.in_atomic_block = in_block


def test_audit_entries_cannot_be_changed_or_deleted():
    organisation = OrganisationFactory()
    with transaction.atomic():
        entry = audit.log(organisation, "organisations.organisation.created", actor=None)
    entry.action = "tampered"
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="tampered")
    with pytest.raises(TypeError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "organisations.organisation.created"


def test_rolled_back_change_leaves_no_audit_entry():
    organisation = OrganisationFactory()
    with pytest.raises(ValueError), transaction.atomic():
        audit.log(organisation, "organisations.organisation.updated", actor=None)
        raise ValueError("the change failed")
    assert not AuditEntry.objects.exists()


def test_admin_cannot_add_change_or_delete(admin_client):
    entry_url = "/admin/core/auditentry/add/"
    assert admin_client.get(entry_url).status_code == 403
