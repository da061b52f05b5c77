import datetime as dt
import secrets

import factory
from django.utils import timezone

from gongkai.engagement.models import (
    BroadcastMessage,
    EnterpriseFeedback,
    EnterpriseSubscriber,
    Meeting,
    MeetingRegistration,
    SubscriptionTopic,
)
from gongkai.organisations.tests.factories import OrganisationFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    organisation = factory.SubFactory(OrganisationFactory)
    kind = Meeting.Kind.BRIEFING
    title = factory.Sequence(lambda n: f"政策说明会{n}")
    held_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=10))
    place = "四楼会议室"
    capacity = 50
    registration_open = True


class MeetingRegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingRegistration

    meeting = factory.SubFactory(MeetingFactory)
    name = "李女士"
    phone = factory.Sequence(lambda n: f"139{n:08d}")
    phone_key = factory.LazyAttribute(lambda o: o.phone)


class SubscriptionTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubscriptionTopic

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"主题{n}")


class EnterpriseSubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseSubscriber

    organisation = factory.SubFactory(OrganisationFactory)
    enterprise_name = factory.Sequence(lambda n: f"广州市测试{n}有限公司")
    email = factory.Sequence(lambda n: f"qiye{n}@example.com")
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    subscribed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)


class BroadcastMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BroadcastMessage

    organisation = factory.SubFactory(OrganisationFactory)
    topic = factory.SubFactory(
        SubscriptionTopicFactory, organisation=factory.SelfAttribute("..organisation")
    )
    subject = "办事指南更新通知"
    body = "新版办事指南已发布。"


class EnterpriseFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseFeedback

    organisation = factory.SubFactory(OrganisationFactory)
    source = EnterpriseFeedback.Source.PORTAL
    enterprise_name = "广州市反馈有限公司"
    content = "建议增加推送频次。"
    received_at = factory.LazyFunction(timezone.now)
