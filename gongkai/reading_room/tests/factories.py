from __future__ import annotations

import datetime as dt

import factory

from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.reading_room.models import (
    CurrentDocument,
    ExternalDatabase,
    Periodical,
    PeriodicalLoan,
    Terminal,
    VisitingGroup,
    VisitorTally,
)
from gongkai.search.tokenize import join_fields


class CurrentDocumentFactory(factory.django.DjangoModelFactory[CurrentDocument]):
    class Meta:
        model = CurrentDocument

    organisation = factory.SubFactory(OrganisationFactory)
    issuing_body = "广州市人民政府办公厅"
    document_number = factory.Sequence(lambda n: f"穗府办〔2009〕{n + 1}号")
    title = factory.Sequence(lambda n: f"关于做好政务公开工作的通知（{n}）")
    issued_on = dt.date(2009, 3, 2)
    body_text = "各区县级市人民政府，市政府各部门：现将有关事项通知如下。"
    search_text = factory.LazyAttribute(
        lambda o: join_fields(o.title, o.document_number, o.issuing_body, o.body_text)
    )


class ExternalDatabaseFactory(factory.django.DjangoModelFactory[ExternalDatabase]):
    class Meta:
        model = ExternalDatabase

    organisation = factory.SubFactory(OrganisationFactory)
    department = "广州市统计局"
    name = factory.Sequence(lambda n: f"统计数据库{n}")
    url = factory.Sequence(lambda n: f"http://127.0.0.1:9/db/{n}/")
    linked_on = dt.date(2009, 5, 1)


class VisitingGroupFactory(factory.django.DjangoModelFactory[VisitingGroup]):
    class Meta:
        model = VisitingGroup

    organisation = factory.SubFactory(OrganisationFactory)
    visited_on = dt.date(2009, 4, 8)
    group_name = "区政务服务中心考察团"
    people = 20


class VisitorTallyFactory(factory.django.DjangoModelFactory[VisitorTally]):
    class Meta:
        model = VisitorTally

    organisation = factory.SubFactory(OrganisationFactory)
    date = dt.date(2009, 4, 8)
    count = 65


class PeriodicalFactory(factory.django.DjangoModelFactory[Periodical]):
    class Meta:
        model = Periodical

    organisation = factory.SubFactory(OrganisationFactory)
    title = "中国行政管理"
    kind = Periodical.Kind.MAGAZINE
    issue = factory.Sequence(lambda n: f"2009年第{n % 12 + 1}期")
    call_number = factory.Sequence(lambda n: f"QK-{n:04d}")


class PeriodicalLoanFactory(factory.django.DjangoModelFactory[PeriodicalLoan]):
    class Meta:
        model = PeriodicalLoan

    periodical = factory.SubFactory(PeriodicalFactory)
    organisation = factory.SelfAttribute("periodical.organisation")
    reader_name = "陈敏"
    reader_card_number = factory.Sequence(lambda n: f"ZX{n:05d}")
    lent_on = dt.date(2009, 6, 1)
    due_on = dt.date(2009, 6, 15)


class TerminalFactory(factory.django.DjangoModelFactory[Terminal]):
    class Meta:
        model = Terminal

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"ZD-{n:02d}")
    location = "政务资讯大厅东区"
    installed_on = dt.date(2008, 12, 1)
