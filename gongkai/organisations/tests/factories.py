import factory

from gongkai.accounts.models import User
from gongkai.core.validators import organisation_code_check_char
from gongkai.organisations.models import Membership, Organisation, Role


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"工作人员{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.gov.cn")
    password = factory.django.Password("correct horse battery")
    is_staff = True


def _organisation_code(n: int) -> str:
    body = f"{n + 10000000:08d}"[-8:]
    return body + organisation_code_check_char(body)


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"测试机构{n}")
    code = factory.Sequence(_organisation_code)
    kind = Organisation.Kind.DEPARTMENT
    parent = None

    @factory.post_generation
    def _path(obj, create, extracted, **kwargs):
        prefix = obj.parent.path if obj.parent else "/"
        obj.path = f"{prefix}{obj.pk}/"
        if create:
            obj.save(update_fields=["path"])


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.HANDLER


def staff_with_role(role: str, organisation: Organisation, **user_fields) -> User:
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user
