import datetime as dt
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from gongkai.accounts.models import User
from gongkai.catalogue.models import Category, InformationItem
from gongkai.core.models import AuditEntry
from gongkai.core.validators import is_valid_credit_code
from gongkai.demo import seed
from gongkai.demo.loader import DEFAULT_PASSWORD, GENERATED_ACTION
from gongkai.demo.tests import shared
from gongkai.organisations import permissions
from gongkai.organisations.models import Membership, Organisation, Role

pytestmark = pytest.mark.django_db

# Tests taking `shared_demo` read the demo loaded once per process (gongkai/demo/tests/shared.py);
# those checking the loader itself (the password, a second run) load their own.

ZWB_NAME = "广州市人民政府政务管理办公室"


def load(generated: int = 0) -> str:
    out = StringIO()
    # The disclosure applications have their own tests (test_demo_requests.py).
    call_command("load_demo", generated=generated, requests=0, stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "categories": Category.objects.count(),
        "items": InformationItem.objects.count(),
        "audit": AuditEntry.objects.count(),
    }


def test_the_seed_body_publishes_its_81_items_of_2009(shared_demo):
    zwb = Organisation.objects.get(name=ZWB_NAME)
    items = InformationItem.objects.filter(organisation=zwb, generated_on__year=2009)

    by_category = dict(items.values_list("category__code").annotate(n=Count("id")))
    assert by_category == {"functions": 3, "rules": 12, "business": 66}
    assert items.count() == 81
    assert set(items.values_list("status", flat=True)) == {InformationItem.Status.PUBLISHED}
    # 全文电子化 100%, as the report's 附表1 says (81 of 81).
    assert all(item.is_fully_electronic for item in items)
    for item in items:
        assert item.published_at.year == 2009
        assert re.fullmatch(rf"{zwb.code}/2009-\d{{5}}", item.index_number)
        # Published within the 20 working days of 第二十六条.
        assert item.publication_due_on is not None
        assert item.published_at.date() <= item.publication_due_on
        assert item.created_by.username == "handler"
        assert item.published_by.username == "publisher"
    assert len(set(items.values_list("index_number", flat=True))) == 81


def test_the_2009_items_went_through_the_workflow_with_audit_entries(shared_demo):
    item = InformationItem.objects.get(title="《政务大厅咨询岗位工作规范》")
    actions = list(
        AuditEntry.objects.filter(object_type="catalogue.informationitem", object_id=str(item.pk))
        .order_by("created_at")
        .values_list("action", "actor__username", "created_at")
    )
    assert [(action, actor) for action, actor, _at in actions] == [
        ("catalogue.item.created", "handler"),
        ("catalogue.item.submitted", "handler"),
        ("catalogue.item.published", "publisher"),
    ]
    # The audit trail is dated when the year happened, not when the demo was loaded.
    assert {at.year for _action, _actor, at in actions} == {2009}


def test_the_organisation_tree_and_contact_block(shared_demo):
    city = Organisation.objects.get(name="广州市人民政府")
    zwb = Organisation.objects.get(name=ZWB_NAME)
    assert city.parent is None
    assert city.kind == Organisation.Kind.GOVERNMENT
    assert zwb.parent == city
    assert zwb.path.startswith(city.path)
    offices = set(zwb.children.values_list("name", flat=True))
    assert offices == {"综合处", "政务服务处", "协调督办处", "信息技术中心"}
    assert set(zwb.children.values_list("kind", flat=True)) == {Organisation.Kind.OFFICE}
    departments = set(city.children.values_list("name", flat=True))
    assert {"广州市环境保护局", "广州市交通委员会", "广州市质量技术监督局", ZWB_NAME} <= departments
    assert "38920851" in zwb.phone
    assert zwb.website == "http://www.gzonline.gov.cn"
    assert zwb.disclosure_office == "政务服务处"
    assert all(
        is_valid_credit_code(code) for code in Organisation.objects.values_list("code", flat=True)
    )
    # Each publishing body has the seed's taxonomy, some with their own sub-categories.
    hb = Organisation.objects.get(name="广州市环境保护局")
    assert {"functions", "rules", "business", "eia"} <= set(
        hb.categories.values_list("code", flat=True)
    )


def test_staff_hold_their_roles_and_the_printed_password(shared_demo):
    output = shared_demo.output
    zwb = Organisation.objects.get(name=ZWB_NAME)
    hb = Organisation.objects.get(name="广州市环境保护局")
    expected = {
        "coordinator": Role.COORDINATOR,
        "handler": Role.HANDLER,
        "approver": Role.APPROVER,
        "publisher": Role.PUBLISHER,
        "auditor": Role.AUDITOR,
        "orgadmin": Role.ORG_ADMIN,
    }
    for username, role in expected.items():
        assert Membership.objects.filter(user__username=username, organisation=zwb, role=role)
    assert Membership.objects.filter(user__username="hb_publisher", organisation=hb,
                                     role=Role.PUBLISHER)  # fmt: skip
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(DEFAULT_PASSWORD)

    item = InformationItem.objects.filter(organisation=zwb).first()
    assert permissions.can_publish_information_item(User.objects.get(username="publisher"), item)
    assert not permissions.can_publish_information_item(User.objects.get(username="handler"), item)
    assert not permissions.can_view_information_item(
        User.objects.get(username="hb_publisher"), item
    )
    assert permissions.can_view_information_item(User.objects.get(username="city_auditor"), item)

    assert "Staff logins" in output
    for staff in seed.STAFF:
        assert re.search(rf"^\s+{staff.username}\s+{re.escape(DEFAULT_PASSWORD)}\s", output, re.M)


@pytest.mark.slow(
    reason="a demo of its own, loaded with another password: the shared, read-only demo "
    "has the default one"
)
def test_the_password_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("GONGKAI_DEMO_PASSWORD", "another-demo-secret")
    output = load()
    assert User.objects.get(username="publisher").check_password("another-demo-secret")
    assert "another-demo-secret" in output


@pytest.mark.slow(reason="a demo of its own, loaded twice: the second load must create nothing")
def test_running_it_twice_creates_nothing_new():
    load(generated=40)
    before = snapshot()
    output = load(generated=40)
    assert snapshot() == before
    assert "未重复" in output


@pytest.mark.slow(
    reason="a demo of its own, loaded twice (a password is changed in between): the shared, "
    "read-only demo cannot be written to"
)
def test_a_second_run_after_a_password_change_restores_the_demo_password():
    load()
    publisher = User.objects.get(username="publisher")
    publisher.set_password("changed-by-someone")
    publisher.save()
    load()
    publisher.refresh_from_db()
    assert publisher.check_password(DEFAULT_PASSWORD)


def test_generated_items_cover_years_organisations_and_workflow_states(shared_demo):
    generated = InformationItem.objects.exclude(title__in=[i.title for i in seed.ITEMS_2009])
    assert generated.count() >= shared.GENERATED == 200
    publishing = {s.key for s in seed.ORGANISATIONS if s.generated_weight}
    assert generated.values("organisation").distinct().count() == len(publishing)
    years = set(generated.values_list("generated_on__year", flat=True))
    assert min(years) < 2012
    assert 2025 in years
    assert max(years) <= dt.date.today().year

    statuses = set(generated.values_list("status", flat=True))
    assert {InformationItem.Status.PUBLISHED, InformationItem.Status.DRAFT,
            InformationItem.Status.PENDING_REVIEW} <= statuses  # fmt: skip
    published = generated.filter(status=InformationItem.Status.PUBLISHED)
    assert not published.filter(index_number__isnull=True).exists()
    assert not generated.filter(status=InformationItem.Status.DRAFT, index_number__isnull=False)
    numbers = list(InformationItem.objects.exclude(index_number=None).values_list(
        "index_number", flat=True))  # fmt: skip
    assert len(numbers) == len(set(numbers))
    for item in published[:50]:
        year = item.published_at.astimezone(dt.UTC).year
        assert item.index_number.startswith(f"{item.organisation.code}/")
        assert item.index_number.split("/")[1][:4] in {str(year), str(year + 1), str(year - 1)}

    # The overdue list has something to show: unpublished past the 20 working days.
    today = dt.date.today()
    overdue = generated.filter(
        status__in=[InformationItem.Status.DRAFT, InformationItem.Status.PENDING_REVIEW],
        publication_due_on__lt=today,
    )
    assert overdue.exists()

    # 市政务办's 2009 stays the seed's 81 items.
    zwb = Organisation.objects.get(name=ZWB_NAME)
    assert InformationItem.objects.filter(organisation=zwb, generated_on__year=2009).count() == 81
    # One audit entry per organisation batch records the bulk load.
    assert AuditEntry.objects.filter(action=GENERATED_ACTION).count() == len(publishing)
