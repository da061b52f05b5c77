"""Two sibling organisations with one person per role each, and org 1's catalogue objects.

Shared by the back-office and API permission matrices (gongkai.api.tests imports it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gongkai.catalogue.models import InformationItem
from gongkai.catalogue.tests.factories import (
    AttachmentFactory,
    CategoryFactory,
    InformationItemFactory,
)
from gongkai.organisations.models import Organisation, Role
from gongkai.organisations.tests.factories import OrganisationFactory, UserFactory, staff_with_role

ROLES = [role.value for role in Role]


@dataclass
class World:
    parent: Organisation
    org1: Organisation
    org2: Organisation
    # Factories build these after the organisations; typed loosely as factory results are.
    users: dict[str, Any] = field(default_factory=dict)
    category: Any = None
    draft: Any = None
    pending: Any = None
    published: Any = None
    attachment: Any = None
    org2_draft: Any = None

    def user(self, key: str) -> Any:
        return self.users[key]


def build_world() -> World:
    parent = OrganisationFactory(name="测试市人民政府", kind=Organisation.Kind.GOVERNMENT)
    org1 = OrganisationFactory(name="测试市甲局", parent=parent)
    org2 = OrganisationFactory(name="测试市乙局", parent=parent)
    world = World(parent=parent, org1=org1, org2=org2)
    for org_key, organisation in (("org1", org1), ("org2", org2)):
        for role in ROLES:
            world.users[f"{org_key}:{role}"] = staff_with_role(
                role, organisation, username=f"{org_key}_{role}"
            )
    world.users["anonymous"] = None
    world.users["no_role"] = UserFactory(username="no_role", is_staff=True)
    world.users["superuser"] = UserFactory(username="root", is_staff=True, is_superuser=True)
    world.category = CategoryFactory(organisation=org1, name="业务类", code="business")
    world.draft = InformationItemFactory(
        organisation=org1, category=world.category, title="甲局草稿：内部讨论稿"
    )
    world.pending = InformationItemFactory(
        organisation=org1,
        category=world.category,
        status=InformationItem.Status.PENDING_REVIEW,
        title="甲局待审核信息",
    )
    world.published = InformationItemFactory(
        organisation=org1, category=world.category, published=True, title="甲局已发布信息"
    )
    world.attachment = AttachmentFactory(item=world.draft)
    world.org2_draft = InformationItemFactory(organisation=org2, title="乙局草稿：预算初稿")
    return world


USER_KEYS = [
    "anonymous",
    "no_role",
    "superuser",
    *[f"org1:{role}" for role in ROLES],
    *[f"org2:{role}" for role in ROLES],
]
