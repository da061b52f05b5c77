"""Factories for catalogue records. They write rows directly (no services, no audit entries);
tests of the rules call the services instead."""

from __future__ import annotations

import datetime as dt
import hashlib

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from gongkai.catalogue.models import Attachment, Category, InformationItem
from gongkai.organisations.tests.factories import OrganisationFactory

# The smallest PDF readers accept: enough for content sniffing to say "application/pdf".
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"分类{n}")
    code = factory.Sequence(lambda n: f"category-{n}")
    sort_order = factory.Sequence(lambda n: n)


class InformationItemFactory(factory.django.DjangoModelFactory):
    """A draft by default; `InformationItemFactory(published=True)` gives a public item."""

    class Meta:
        model = InformationItem

    class Params:
        published = factory.Trait(
            status=InformationItem.Status.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
            index_number=factory.LazyAttributeSequence(
                lambda o, n: f"{o.organisation.code}/{o.generated_on:%Y}-{n + 1:05d}"
            ),
        )

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"关于做好第{n}批政府信息公开工作的通知")
    summary = "明确政府信息公开工作的目标、任务和工作要求。"
    body = "<p>各区人民政府，市政府各部门：现将有关事项通知如下。</p>"
    body_text = "各区人民政府，市政府各部门：现将有关事项通知如下。"
    document_number = factory.Sequence(lambda n: f"穗府办〔2024〕{n + 1}号")
    generated_on = dt.date(2024, 3, 1)
    # Items of one organisation share its 业务类 category unless a test says otherwise.
    category = factory.LazyAttribute(
        lambda o: Category.objects.get_or_create(
            organisation=o.organisation, code="business", defaults={"name": "业务类"}
        )[0]
    )
    topic = "综合政务"
    genre = InformationItem.Genre.NOTICE
    keywords = "政府信息公开 通知"
    article20_item = 1
    status = InformationItem.Status.DRAFT


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    item = factory.SubFactory(InformationItemFactory)
    original_name = factory.Sequence(lambda n: f"附件{n}.pdf")
    file = factory.LazyAttribute(lambda o: ContentFile(MINIMAL_PDF, name=o.original_name))
    content_type = "application/pdf"
    size = len(MINIMAL_PDF)
    sha256 = hashlib.sha256(MINIMAL_PDF).hexdigest()
