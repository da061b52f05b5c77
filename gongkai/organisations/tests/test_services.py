import pytest
from django.core.exceptions import ValidationError

from gongkai.core.models import AuditEntry
from gongkai.organisations import services
from gongkai.organisations.models import Organisation
from gongkai.organisations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_create_builds_the_path_and_audits():
    actor = UserFactory(is_superuser=True)
    government = services.organisation_create(
        actor=actor, name="广州市人民政府", code="000014349", kind=Organisation.Kind.GOVERNMENT
    )
    office = services.organisation_create(
        actor=actor,
        name="广州市人民政府政务管理办公室",
        code="11100000000013127D",
        parent=government,
    )
    assert office.path == f"/{government.pk}/{office.pk}/"
    assert office.depth == 1
    assert AuditEntry.objects.filter(action="organisations.organisation.created").count() == 2


def test_invalid_code_is_refused_and_nothing_is_saved():
    actor = UserFactory(is_superuser=True)
    with pytest.raises(ValidationError, match="GB 11714"):
        services.organisation_create(actor=actor, name="某局", code="000014348")
    assert not Organisation.objects.exists()
    assert not AuditEntry.objects.exists()


def test_update_records_changes():
    actor = UserFactory(is_superuser=True)
    organisation = services.organisation_create(actor=actor, name="某局", code="000014349")
    services.organisation_update(actor=actor, organisation=organisation, phone="020-38920851")
    entry = AuditEntry.objects.get(action="organisations.organisation.updated")
    assert entry.data["changes"]["phone"] == ["", "020-38920851"]
