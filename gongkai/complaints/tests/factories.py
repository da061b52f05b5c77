"""Factories write rows directly (no services, no audit); rule tests call the services."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth.hashers import make_password

from gongkai.complaints.models import Complaint
from gongkai.organisations.tests.factories import OrganisationFactory

ACCESS_CODE = "K7QM2XPA"
_ACCESS_CODE_HASH = make_password(ACCESS_CODE)


class ComplaintFactory(factory.django.DjangoModelFactory[Complaint]):
    class Meta:
        model = Complaint

    organisation = factory.SubFactory(OrganisationFactory)
    tracking_number = factory.Sequence(lambda n: f"TS-TEST-2025-{n + 1:05d}")
    access_code_hash = _ACCESS_CODE_HASH
    kind = Complaint.Kind.COMPLAINT
    channel = Complaint.Channel.ONLINE
    subject = "窗口等候时间过长"
    content = "上午在三楼窗口排队两个小时，希望增加窗口。"
    contact_name = "王先生"
    contact_phone = "13800000000"
    received_on = dt.date(2025, 3, 3)
    due_on = dt.date(2025, 3, 24)
