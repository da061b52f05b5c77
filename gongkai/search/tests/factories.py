import random
from datetime import UTC, datetime

import factory

from gongkai.catalogue.models import Category, InformationItem
from gongkai.demo.textgen import generate_item_fields
from gongkai.organisations.tests.factories import OrganisationFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"分类{n}")
    code = factory.Sequence(lambda n: f"category-{n}")


class InformationItemFactory(factory.django.DjangoModelFactory):
    """A published item written straight to the table (no workflow, no index update)."""

    class Meta:
        model = InformationItem

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"测试信息{n}")
    summary = ""
    body = ""
    body_text = ""
    document_number = ""
    generated_on = factory.LazyFunction(lambda: datetime(2009, 6, 1).date())
    status = InformationItem.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: datetime(2009, 6, 2, tzinfo=UTC))


def generated_items(count: int, *, seed: int = 7, **fields) -> list[InformationItem]:
    """`count` published items with realistic generated text, bulk-created."""
    rng = random.Random(seed)
    organisation = fields.pop("organisation", None) or OrganisationFactory(
        name="广州市人民政府政务管理办公室"
    )
    items = []
    for number in range(count):
        generated = generate_item_fields(
            rng, organisation_name=organisation.name, year=2008 + number % 4
        )
        items.append(
            InformationItem(
                organisation=organisation,
                body="".join(f"<p>{line}</p>" for line in generated["body_text"].split("\n")),
                status=InformationItem.Status.PUBLISHED,
                published_at=datetime(2010, 1, 1, tzinfo=UTC),
                **generated,
                **fields,
            )
        )
    return InformationItem.objects.bulk_create(items)
