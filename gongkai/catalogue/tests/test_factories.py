from gongkai.catalogue.models import InformationItem
from gongkai.catalogue.tests.factories import AttachmentFactory, InformationItemFactory


def test_factories_build_consistent_records(db):
    item = InformationItemFactory(published=True)
    assert item.status == InformationItem.Status.PUBLISHED
    assert item.index_number.startswith(item.organisation.code + "/2024-")
    assert item.category.organisation == item.organisation
    attachment = AttachmentFactory(item=item)
    assert attachment.file.read().startswith(b"%PDF")
    assert item.is_fully_electronic
