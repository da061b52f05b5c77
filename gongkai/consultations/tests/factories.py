"""Factories for consultation records. They write rows directly (no services, no audit);
tests of the rules call the services instead."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from gongkai.consultations.models import (
    Channel,
    Consultation,
    ConsultationTally,
    ConsultationTopic,
    FaqEntry,
)
from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.search.tokenize import join_fields


class ConsultationTopicFactory(factory.django.DjangoModelFactory[ConsultationTopic]):
    class Meta:
        model = ConsultationTopic

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"咨询主题{n}")


class ConsultationFactory(factory.django.DjangoModelFactory[Consultation]):
    class Meta:
        model = Consultation

    organisation = factory.SubFactory(OrganisationFactory)
    channel = Channel.PHONE
    occurred_at = factory.LazyFunction(lambda: timezone.make_aware(dt.datetime(2025, 3, 3, 10, 0)))
    question = "企业设立登记需要带哪些材料？"
    answer = ""


class ConsultationTallyFactory(factory.django.DjangoModelFactory[ConsultationTally]):
    class Meta:
        model = ConsultationTally

    organisation = factory.SubFactory(OrganisationFactory)
    date = dt.date(2025, 3, 3)
    channel = Channel.PHONE
    count = 10


class FaqEntryFactory(factory.django.DjangoModelFactory[FaqEntry]):
    class Meta:
        model = FaqEntry

    organisation = factory.SubFactory(OrganisationFactory)
    question = "政务服务中心的办公时间是什么？"
    answer = "周一至周五上午9:00至12:00，下午13:00至17:00，法定节假日除外。"
    published = True
    search_text = factory.LazyAttribute(lambda o: join_fields(o.question, o.answer))
