"""Fixtures for the public portal: one organisation with a small published catalogue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from gongkai.catalogue.models import Category, InformationItem
from gongkai.catalogue.tests.factories import (
    AttachmentFactory,
    CategoryFactory,
    InformationItemFactory,
)
from gongkai.organisations.models import Organisation
from gongkai.organisations.tests.factories import OrganisationFactory


@dataclass
class PortalCatalogue:
    organisation: Organisation
    rules: Category
    business: Category
    published: InformationItem
    other_published: InformationItem
    draft: InformationItem
    withdrawn: InformationItem


@pytest.fixture
def portal_catalogue(db) -> PortalCatalogue:
    organisation = OrganisationFactory(
        name="广州市人民政府政务管理办公室",
        disclosure_office="广州市人民政府政务管理办公室综合处",
        address="广州市越秀区府前路1号",
        postcode="510032",
        office_hours="工作日上午9:00-12:00，下午13:00-17:00",
        phone="020-83123456",
        fax="020-83123457",
        email="gkb@example.gov.cn",
        website="https://www.example.gov.cn/",
    )
    rules = CategoryFactory(organisation=organisation, name="规章制度", code="rules")
    business = CategoryFactory(organisation=organisation, name="业务类", code="business")
    published = InformationItemFactory(
        published=True,
        organisation=organisation,
        category=rules,
        title="广州市政府信息公开规定",
        summary="规定本市政府信息公开的范围、方式和程序。",
        body="<p>第一条 为了保障公民、法人和其他组织依法获取政府信息，制定本规定。</p>",
        body_text="第一条 为了保障公民、法人和其他组织依法获取政府信息，制定本规定。",
        document_number="穗府〔2009〕12号",
        generated_on=dt.date(2009, 12, 31),
        published_at=timezone.make_aware(dt.datetime(2010, 1, 5, 10, 0)),
        keywords="政府信息公开 规定",
        topic="综合政务",
        effective_on=dt.date(2010, 3, 1),
    )
    other_published = InformationItemFactory(
        published=True,
        organisation=organisation,
        category=business,
        title="关于办理网上政务服务事项的办事指南",
        summary="说明网上办事的条件和流程。",
        generated_on=dt.date(2024, 5, 6),
        genre=InformationItem.Genre.GUIDE,
        article20_item=5,
    )
    draft = InformationItemFactory(
        organisation=organisation, category=business, title="尚在起草的工作方案"
    )
    withdrawn = InformationItemFactory(
        published=True,
        organisation=organisation,
        category=business,
        title="已撤回的采购公告",
        status=InformationItem.Status.WITHDRAWN,
    )
    return PortalCatalogue(
        organisation, rules, business, published, other_published, draft, withdrawn
    )


@pytest.fixture
def published_attachment(portal_catalogue):
    return AttachmentFactory(
        item=portal_catalogue.published, original_name="实施细则（2009年）.pdf"
    )
