"""Records for report tests: applications with a lifecycle, and catalogue items of a year."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from gongkai.catalogue.models import Category, InformationItem
from gongkai.catalogue.tests.factories import AttachmentFactory, InformationItemFactory
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.disclosure_requests.tests.factories import DisclosureRequestFactory
from gongkai.organisations.models import Organisation


def application(
    organisation: Organisation,
    *,
    received_on: dt.date,
    closed_on: dt.date | None = None,
    outcome: str = "disclose",
    applicant_type: str = "natural_person",
) -> DisclosureRequest:
    finished = closed_on is not None
    return DisclosureRequestFactory(
        organisation=organisation,
        received_on=received_on,
        closed_on=closed_on,
        outcome=outcome if finished else "",
        status=DisclosureRequest.Status.CLOSED
        if finished
        else DisclosureRequest.Status.IN_PROGRESS,
        applicant_type=applicant_type,
    )


def published_item(
    organisation: Organisation,
    *,
    on: dt.date,
    category_code: str = "business",
    category_name: str = "业务类",
    electronic: bool = True,
    attachment: bool = False,
) -> InformationItem:
    category, _ = Category.objects.get_or_create(
        organisation=organisation, code=category_code, defaults={"name": category_name}
    )
    item = InformationItemFactory(
        organisation=organisation,
        published=True,
        generated_on=on,
        published_at=timezone.make_aware(dt.datetime.combine(on, dt.time(10))),
        category=category,
        body="<p>正文</p>" if electronic else "",
        body_text="正文" if electronic else "",
    )
    if attachment:
        AttachmentFactory(item=item)
    return item
