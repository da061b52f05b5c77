"""Factories write rows directly (no services, no audit); rule tests call the services."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.service_desk.models import FaultReport, ServiceEvaluation


class ServiceEvaluationFactory(factory.django.DjangoModelFactory[ServiceEvaluation]):
    class Meta:
        model = ServiceEvaluation

    organisation = factory.SubFactory(OrganisationFactory)
    evaluator_department = "市工商局窗口"
    period_start = dt.date(2025, 1, 1)
    period_end = dt.date(2025, 1, 31)
    evaluated_team = "综合服务岗"
    attitude = 5
    quality = 4
    efficiency = 4
    conduct = 5


class FaultReportFactory(factory.django.DjangoModelFactory[FaultReport]):
    class Meta:
        model = FaultReport

    organisation = factory.SubFactory(OrganisationFactory)
    reporting_department = "市质监局窗口"
    reporter_name = "李工"
    reported_at = factory.LazyFunction(lambda: timezone.make_aware(dt.datetime(2025, 3, 3, 9, 30)))
    description = "三号窗口打印机卡纸，无法打印受理回执。"
