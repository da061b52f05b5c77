"""People holding each role in one organisation, and an outsider from another."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from gongkai.catalogue.tests.factories import CategoryFactory
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="广州市人民政府政务管理办公室")


@pytest.fixture
def people(organisation):
    other = OrganisationFactory(name="广州市交通委员会")
    return SimpleNamespace(
        handler=staff_with_role(Role.HANDLER, organisation),
        coordinator=staff_with_role(Role.COORDINATOR, organisation),
        approver=staff_with_role(Role.APPROVER, organisation),
        publisher=staff_with_role(Role.PUBLISHER, organisation),
        auditor=staff_with_role(Role.AUDITOR, organisation),
        org_admin=staff_with_role(Role.ORG_ADMIN, organisation),
        outsider=staff_with_role(Role.PUBLISHER, other),
        other_organisation=other,
    )


@pytest.fixture
def category(organisation):
    return CategoryFactory(organisation=organisation, name="业务类", code="business")


@pytest.fixture
def item_fields(category):
    return {
        "title": "广州市人民政府政务管理办公室关于印发政务服务事项目录的通知",
        "summary": "公布本办政务服务事项目录。",
        "body": "<p>各有关单位：</p><p>现将政务服务事项目录印发给你们。</p>",
        "document_number": "穗府政务〔2024〕12号",
        "generated_on": dt.date(2024, 9, 20),
        "category": category,
        "genre": "notice",
        "article20_item": 5,
    }
