import datetime as dt
import hashlib

import factory
from django.core.files.base import ContentFile

from gongkai.appeals.models import AppealCase, AppealDocument, CaseKind
from gongkai.catalogue.tests.factories import MINIMAL_PDF
from gongkai.organisations.tests.factories import OrganisationFactory


class AppealCaseFactory(factory.django.DjangoModelFactory[AppealCase]):
    class Meta:
        model = AppealCase

    class Params:
        # A decided case; pass result="upheld" | "corrected" | "other".
        decided = factory.Trait(
            decided_on=factory.LazyAttribute(lambda o: o.filed_on + dt.timedelta(days=50)),
            result="upheld",
        )

    organisation = factory.SubFactory(OrganisationFactory)
    kind = CaseKind.ADMINISTRATIVE_REVIEW
    handling_body = "测试市人民政府"
    case_number = factory.Sequence(lambda n: f"测复〔2025〕{n + 1}号")
    applicant_name = factory.Sequence(lambda n: f"申请人{n}")
    claim = "请求撤销被申请人作出的不予公开告知书。"
    filed_on = dt.date(2025, 3, 10)
    accepted_on = factory.LazyAttribute(lambda o: o.filed_on + dt.timedelta(days=3))
    decided_on = None
    result = ""


class AppealDocumentFactory(factory.django.DjangoModelFactory[AppealDocument]):
    class Meta:
        model = AppealDocument

    appeal_case = factory.SubFactory(AppealCaseFactory)
    title = "行政复议决定书"
    original_name = "决定书.pdf"
    file = factory.LazyAttribute(lambda o: ContentFile(MINIMAL_PDF, name=o.original_name))
    content_type = "application/pdf"
    size = len(MINIMAL_PDF)
    sha256 = hashlib.sha256(MINIMAL_PDF).hexdigest()
