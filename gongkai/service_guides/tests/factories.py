"""Factories write rows directly (no services, no audit); rule tests call the services."""

from __future__ import annotations

import datetime as dt

import factory

from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.service_guides.models import GuidePrintRun, ServiceGuide, ServiceItem


def guide_fields(**overrides: str) -> dict[str, str]:
    fields = {
        "basis": "《中华人民共和国行政许可法》",
        "conditions": "依法设立的企业。",
        "materials": "1. 申请表；2. 营业执照复印件。",
        "process": "受理—审查—决定—送达。",
        "time_limit": "10个工作日",
        "fees": "不收费",
        "place": "市政务服务中心三楼",
        "contact": "020-38920851",
    }
    fields.update(overrides)
    return fields


class ServiceItemFactory(factory.django.DjangoModelFactory[ServiceItem]):
    class Meta:
        model = ServiceItem

    organisation = factory.SubFactory(OrganisationFactory)
    code = factory.Sequence(lambda n: f"SX{n + 1:04d}")
    name = factory.Sequence(lambda n: f"建设项目环境影响评价文件审批{n}")
    department_name = "市环保局"


class ServiceGuideFactory(factory.django.DjangoModelFactory[ServiceGuide]):
    class Meta:
        model = ServiceGuide

    service_item = factory.SubFactory(ServiceItemFactory)
    version = 1
    revised_on = dt.date(2025, 1, 6)
    published = False
    basis = guide_fields()["basis"]
    conditions = guide_fields()["conditions"]
    materials = guide_fields()["materials"]
    process = guide_fields()["process"]
    time_limit = guide_fields()["time_limit"]
    fees = guide_fields()["fees"]
    place = guide_fields()["place"]
    contact = guide_fields()["contact"]


class GuidePrintRunFactory(factory.django.DjangoModelFactory[GuidePrintRun]):
    class Meta:
        model = GuidePrintRun

    organisation = factory.SubFactory(OrganisationFactory)
    kind = GuidePrintRun.Kind.GUIDE
    printed_on = dt.date(2025, 2, 10)
    batch_number = factory.Sequence(lambda n: f"2025-{n + 1:02d}")
    items_count = 60
    copies = 60000
