from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from gongkai.catalogue import selectors, services
from gongkai.catalogue.models import Category, InformationItem
from gongkai.catalogue.tests.factories import CategoryFactory, InformationItemFactory
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry
from gongkai.workdays.selectors import entered_years, stored_date_is_provisional
from gongkai.workdays.services import calendar_year_save_from_notice

pytestmark = pytest.mark.django_db

Status = InformationItem.Status
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def actions(item: InformationItem) -> list[str]:
    return list(audit.entries_for(item).order_by("id").values_list("action", flat=True))


# --- create and edit -------------------------------------------------------------------------


def test_create_sanitises_the_body_derives_text_and_the_deadline(organisation, people, item_fields):
    item_fields["body"] = (
        '<h2>一、总体要求</h2><p onclick="steal()">按时公开。</p><script>alert(1)</script>'
        '<p><a href="javascript:alert(1)">链接</a>'
        '<img src="data:image/png;base64,AAAA" alt="x"></p>'
    )
    item = services.information_item_create(
        actor=people.handler, organisation=organisation, **item_fields
    )
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert item.created_by == people.handler
    assert "<script" not in item.body and "onclick" not in item.body
    assert "javascript:" not in item.body and "data:" not in item.body
    assert "<h2>一、总体要求</h2>" in item.body
    assert item.body_text == "一、总体要求\n按时公开。\n链接"
    # 2024-09-20 (Fri) + 20 working days: the 29 Sep and 12 Oct make-up Saturdays/Sundays count,
    # 1–7 Oct (国庆节) do not.
    assert item.publication_due_on == dt.date(2024, 10, 23)
    assert item.index_number is None
    assert actions(item) == ["catalogue.item.created"]


def test_title_with_script_tag_is_refused_and_nothing_is_saved(organisation, people, item_fields):
    item_fields["title"] = '关于<script>alert("x")</script>的通知'
    with pytest.raises(ApplicationError) as excinfo:
        services.information_item_create(
            actor=people.handler, organisation=organisation, **item_fields
        )
    assert "名称不能包含HTML标签" in excinfo.value.message
    assert not InformationItem.objects.exists()
    assert not AuditEntry.objects.exists()


def test_title_with_script_tag_on_update_changes_nothing(organisation, people):
    item = InformationItemFactory(organisation=organisation, title="原名称")
    with pytest.raises(ApplicationError, match="名称不能包含HTML标签"):
        services.information_item_update(
            actor=people.handler,
            information_item=item,
            title="<script>x</script>",
            summary="新的概述",
        )
    item.refresh_from_db()
    assert (item.title, item.summary) == ("原名称", "明确政府信息公开工作的目标、任务和工作要求。")
    assert not AuditEntry.objects.exists()


def test_title_with_less_than_sign_is_plain_text(organisation, people, item_fields):
    item_fields["title"] = "关于增长率<5%地区的说明"
    item = services.information_item_create(
        actor=people.handler, organisation=organisation, **item_fields
    )
    assert item.title == "关于增长率<5%地区的说明"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"disclosure_mode": "not_disclosed"}, "不予公开的信息须说明不予公开的理由"),
        ({"validity": "repealed"}, "已废止的信息须填写废止日期"),
        (
            {
                "validity": "repealed",
                "effective_on": dt.date(2024, 1, 1),
                "repealed_on": dt.date(2023, 1, 1),
            },
            "废止日期不能早于施行日期",
        ),
        ({"repealed_on": dt.date(2024, 1, 1)}, "只有已废止的信息才能填写废止日期"),
        ({"generated_on": dt.date(2999, 1, 1)}, "生成日期不能晚于今天"),
        ({"changed_on": dt.date(2024, 1, 1)}, "变更日期不能早于生成日期"),
        ({"genre": "poem"}, "体裁"),
        ({"title": ""}, "名称"),
    ],
)
def test_field_rules(organisation, people, item_fields, changes, message):
    item_fields.update(changes)
    with pytest.raises(ApplicationError, match=message):
        services.information_item_create(
            actor=people.handler, organisation=organisation, **item_fields
        )
    assert not InformationItem.objects.exists()


def test_category_of_another_organisation_is_refused(organisation, people, item_fields):
    item_fields["category"] = CategoryFactory(organisation=people.other_organisation)
    with pytest.raises(ApplicationError, match="目录分类不属于该发布机构"):
        services.information_item_create(
            actor=people.handler, organisation=organisation, **item_fields
        )


def test_unknown_fields_are_refused(organisation, people, item_fields):
    with pytest.raises(ApplicationError, match="不可填写的字段：status"):
        services.information_item_create(
            actor=people.handler, organisation=organisation, status="published", **item_fields
        )


@pytest.mark.parametrize("role", ["coordinator", "handler"])
def test_editors_create(organisation, people, item_fields, role):
    actor = getattr(people, role)
    item = services.information_item_create(actor=actor, organisation=organisation, **item_fields)
    assert item.pk is not None


@pytest.mark.parametrize("role", ["approver", "publisher", "auditor", "org_admin", "outsider"])
def test_others_may_not_create(organisation, people, item_fields, role):
    with pytest.raises(PermissionDeniedError, match="新建政府信息的权限"):
        services.information_item_create(
            actor=getattr(people, role), organisation=organisation, **item_fields
        )
    assert not InformationItem.objects.exists()


def test_anonymous_may_not_create(organisation, item_fields):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDeniedError):
        services.information_item_create(
            actor=AnonymousUser(), organisation=organisation, **item_fields
        )


def test_update_records_what_changed(organisation, people):
    item = InformationItemFactory(organisation=organisation, summary="旧概述")
    services.information_item_update(actor=people.handler, information_item=item, summary="新概述")
    assert item.summary == "新概述"
    entry = AuditEntry.objects.get(action="catalogue.item.updated")
    assert entry.data == {"changes": {"summary": ["旧概述", "新概述"]}}


def test_update_without_changes_writes_no_audit_entry(organisation, people):
    item = InformationItemFactory(organisation=organisation)
    services.information_item_update(actor=people.handler, information_item=item, title=item.title)
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("role", ["approver", "auditor", "org_admin", "outsider"])
def test_others_may_not_edit_drafts(organisation, people, role):
    item = InformationItemFactory(organisation=organisation)
    with pytest.raises(PermissionDeniedError):
        services.information_item_update(
            actor=getattr(people, role), information_item=item, summary="x"
        )


@time_machine.travel(dt.datetime(2024, 11, 4, 10, tzinfo=SHANGHAI), tick=False)
def test_editing_a_published_item_is_a_change_by_a_publisher(organisation, people, item_fields):
    item = services.information_item_create(
        actor=people.handler, organisation=organisation, **item_fields
    )
    services.information_item_publish(actor=people.publisher, information_item=item)
    with pytest.raises(PermissionDeniedError, match="已发布的信息只能由发布员修改"):
        services.information_item_update(
            actor=people.handler, information_item=item, summary="更正后的概述"
        )
    services.information_item_update(
        actor=people.publisher, information_item=item, summary="更正后的概述"
    )
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.changed_on == dt.date(2024, 11, 4)
    # The 第二十六条 clock restarts from the change: 2024-11-04 (Mon) + 20 working days.
    assert item.publication_due_on == dt.date(2024, 12, 2)


# --- workflow --------------------------------------------------------------------------------


@time_machine.travel(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI), tick=False)
def test_full_workflow_and_its_audit_trail(organisation, people, item_fields):
    item = services.information_item_create(
        actor=people.handler, organisation=organisation, **item_fields
    )
    services.information_item_submit(actor=people.handler, information_item=item)
    assert item.status == Status.PENDING_REVIEW
    services.information_item_return(
        actor=people.publisher, information_item=item, reason="请补充文号"
    )
    assert item.status == Status.DRAFT
    services.information_item_submit(actor=people.coordinator, information_item=item)
    services.information_item_publish(actor=people.publisher, information_item=item)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.published_by == people.publisher
    assert item.published_at is not None
    assert item.index_number == f"{organisation.code}/2025-00001"
    services.information_item_withdraw(
        actor=people.publisher, information_item=item, reason="文件已被新文件替代"
    )
    item.refresh_from_db()
    assert item.status == Status.WITHDRAWN
    assert item.withdrawal_reason == "文件已被新文件替代"
    assert actions(item) == [
        "catalogue.item.created",
        "catalogue.item.submitted",
        "catalogue.item.returned",
        "catalogue.item.submitted",
        "catalogue.item.published",
        "catalogue.item.withdrawn",
    ]
    returned = AuditEntry.objects.get(action="catalogue.item.returned")
    assert returned.data == {"reason": "请补充文号"}
    assert returned.actor == people.publisher


def test_publisher_may_publish_a_draft_directly(organisation, people):
    item = InformationItemFactory(organisation=organisation)
    services.information_item_publish(actor=people.publisher, information_item=item)
    assert item.status == Status.PUBLISHED


def test_republishing_keeps_the_first_publication_date(organisation, people):
    item = InformationItemFactory(organisation=organisation)
    services.information_item_publish(actor=people.publisher, information_item=item)
    first = item.published_at
    services.information_item_withdraw(actor=people.publisher, information_item=item, reason="核查")
    services.information_item_publish(actor=people.publisher, information_item=item)
    item.refresh_from_db()
    assert item.published_at == first
    assert item.withdrawal_reason == ""
    assert AuditEntry.objects.filter(action="catalogue.item.published").order_by(
        "id"
    ).last().data == {
        "index_number": item.index_number,
        "republished": True,
    }


@pytest.mark.parametrize("role", ["handler", "coordinator", "approver", "auditor", "outsider"])
def test_only_publishers_publish(organisation, people, role):
    item = InformationItemFactory(organisation=organisation, status=Status.PENDING_REVIEW)
    with pytest.raises(PermissionDeniedError, match="只有发布员可以发布"):
        services.information_item_publish(actor=getattr(people, role), information_item=item)
    item.refresh_from_db()
    assert item.status == Status.PENDING_REVIEW and item.index_number is None


def test_superuser_may_publish(organisation):
    from gongkai.organisations.tests.factories import UserFactory

    item = InformationItemFactory(organisation=organisation)
    services.information_item_publish(actor=UserFactory(is_superuser=True), information_item=item)
    assert item.status == Status.PUBLISHED


@pytest.mark.parametrize("role", ["handler", "coordinator", "auditor", "outsider"])
def test_only_publishers_withdraw(organisation, people, role):
    item = InformationItemFactory(organisation=organisation, published=True)
    with pytest.raises(PermissionDeniedError, match="只有发布员可以撤回"):
        services.information_item_withdraw(
            actor=getattr(people, role), information_item=item, reason="x"
        )


@pytest.mark.parametrize("role", ["handler", "coordinator", "auditor", "outsider"])
def test_only_publishers_return(organisation, people, role):
    item = InformationItemFactory(organisation=organisation, status=Status.PENDING_REVIEW)
    with pytest.raises(PermissionDeniedError, match="只有发布员可以退回"):
        services.information_item_return(
            actor=getattr(people, role), information_item=item, reason="x"
        )


@pytest.mark.parametrize("role", ["publisher", "approver", "auditor", "org_admin", "outsider"])
def test_only_editors_submit(organisation, people, role):
    item = InformationItemFactory(organisation=organisation)
    with pytest.raises(PermissionDeniedError, match="提交该政府信息审核的权限"):
        services.information_item_submit(actor=getattr(people, role), information_item=item)


def test_reasons_are_required(organisation, people):
    pending = InformationItemFactory(organisation=organisation, status=Status.PENDING_REVIEW)
    with pytest.raises(ApplicationError, match="请填写退回原因"):
        services.information_item_return(
            actor=people.publisher, information_item=pending, reason="  "
        )
    published = InformationItemFactory(organisation=organisation, published=True)
    with pytest.raises(ApplicationError, match="请填写撤回原因"):
        services.information_item_withdraw(
            actor=people.publisher, information_item=published, reason=""
        )
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("status", "step", "message"),
    [
        (Status.PENDING_REVIEW, "submit", "只有草稿可以提交审核，该信息当前状态为“待审核”"),
        (Status.PUBLISHED, "submit", "只有草稿可以提交审核"),
        (Status.DRAFT, "return", "只有待审核的信息可以退回"),
        (Status.PUBLISHED, "publish", "该信息已经发布"),
        (Status.DRAFT, "withdraw", "只有已发布的信息可以撤回，该信息当前状态为“草稿”"),
        (Status.WITHDRAWN, "withdraw", "只有已发布的信息可以撤回"),
    ],
)
def test_transitions_that_do_not_exist(organisation, people, status, step, message):
    item = InformationItemFactory(
        organisation=organisation,
        status=status,
        index_number=f"{organisation.code}/2024-00009" if status != Status.DRAFT else None,
    )
    call = {
        "submit": lambda: services.information_item_submit(
            actor=people.coordinator, information_item=item
        ),
        "return": lambda: services.information_item_return(
            actor=people.publisher, information_item=item, reason="x"
        ),
        "publish": lambda: services.information_item_publish(
            actor=people.publisher, information_item=item
        ),
        "withdraw": lambda: services.information_item_withdraw(
            actor=people.publisher, information_item=item, reason="x"
        ),
    }[step]
    with pytest.raises(ApplicationError, match=message):
        call()
    item.refresh_from_db()
    assert item.status == status


@pytest.mark.parametrize("mode", ["on_request", "not_disclosed"])
def test_only_proactive_items_are_published(organisation, people, mode):
    item = InformationItemFactory(
        organisation=organisation, disclosure_mode=mode, non_disclosure_reason="涉及国家秘密"
    )
    with pytest.raises(ApplicationError, match="不能发布到主动公开目录"):
        services.information_item_publish(actor=people.publisher, information_item=item)
    item.refresh_from_db()
    assert item.status == Status.DRAFT and item.index_number is None


def test_publish_checks_the_field_rules_again(organisation, people):
    # Rows written around the services (e.g. by a data repair) are still checked on publication.
    item = InformationItemFactory(organisation=organisation, validity="repealed", repealed_on=None)
    with pytest.raises(ApplicationError, match="已废止的信息须填写废止日期"):
        services.information_item_publish(actor=people.publisher, information_item=item)


def test_roles_reach_sub_organisations(organisation, people):
    from gongkai.organisations.tests.factories import OrganisationFactory

    office = OrganisationFactory(name="综合处", parent=organisation)
    item = InformationItemFactory(organisation=office)
    services.information_item_publish(actor=people.publisher, information_item=item)
    assert item.index_number.startswith(f"{office.code}/")
    with pytest.raises(PermissionDeniedError):
        services.information_item_publish(
            actor=people.outsider, information_item=InformationItemFactory(organisation=office)
        )


# --- audit and side effects ------------------------------------------------------------------


def test_a_failing_service_leaves_no_audit_entry(organisation, people, monkeypatch):
    item = InformationItemFactory(organisation=organisation)
    real_log = audit.log

    def log_then_fail(*args, **kwargs):
        real_log(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.audit, "log", log_then_fail)
    with pytest.raises(RuntimeError):
        services.information_item_publish(actor=people.publisher, information_item=item)
    assert not AuditEntry.objects.exists()
    item.refresh_from_db()
    assert item.status == Status.DRAFT and item.index_number is None


def test_search_index_follows_after_commit(
    organisation, people, monkeypatch, django_capture_on_commit_callbacks
):
    synced: list[int] = []
    monkeypatch.setattr(services, "_sync_search", synced.append)
    item = InformationItemFactory(organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        services.information_item_publish(actor=people.publisher, information_item=item)
    assert synced == [item.pk]
    with django_capture_on_commit_callbacks(execute=True):
        services.information_item_withdraw(
            actor=people.publisher, information_item=item, reason="撤回"
        )
    assert synced == [item.pk, item.pk]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.information_item_update(
            actor=people.handler, information_item=item, summary="只改草稿"
        )
    assert callbacks == []  # a withdrawn item is not in the index; nothing to refresh


def test_search_sync_reaches_the_search_service(organisation, people, monkeypatch):
    import gongkai.search.services as search_services

    called: list[int] = []
    monkeypatch.setattr(
        search_services, "search_sync_item", lambda *, item_id: called.append(item_id)
    )
    services._sync_search(41)
    assert called == [41]


# --- 第二十六条 deadline -----------------------------------------------------------------------


def test_publication_overdue_and_published_late(organisation, people, item_fields):
    with time_machine.travel(dt.datetime(2024, 9, 20, 9, tzinfo=SHANGHAI), tick=False):
        on_time = services.information_item_create(
            actor=people.handler, organisation=organisation, **item_fields
        )
        late = services.information_item_create(
            actor=people.handler, organisation=organisation, **item_fields
        )
    with time_machine.travel(dt.datetime(2024, 10, 23, 17, tzinfo=SHANGHAI), tick=False):
        assert not late.is_publication_overdue  # the due day itself is still in time
        services.information_item_publish(actor=people.publisher, information_item=on_time)
        assert not on_time.was_published_late
        assert list(selectors.item_list_publication_overdue(actor=people.auditor)) == []
    with time_machine.travel(dt.datetime(2024, 10, 24, 9, tzinfo=SHANGHAI), tick=False):
        assert late.is_publication_overdue
        assert list(selectors.item_list_publication_overdue(actor=people.auditor)) == [late]
        assert list(selectors.item_list_for_actor(actor=people.auditor, overdue=True)) == [late]
        assert list(selectors.item_list_for_actor(actor=people.auditor, overdue=False)) == [on_time]
        # Other organisations' staff never see it.
        assert list(selectors.item_list_publication_overdue(actor=people.outsider)) == []
        services.information_item_publish(actor=people.publisher, information_item=late)
        assert late.was_published_late and not late.is_publication_overdue
        assert list(selectors.item_list_published_late(actor=people.auditor)) == [late]


def test_overdue_selector_takes_a_reference_day(organisation, people, item_fields):
    item = services.information_item_create(
        actor=people.handler, organisation=organisation, **item_fields
    )
    assert (
        list(
            selectors.item_list_publication_overdue(
                actor=people.handler, today=dt.date(2024, 10, 23)
            )
        )
        == []
    )
    assert list(
        selectors.item_list_publication_overdue(actor=people.handler, today=dt.date(2024, 10, 24))
    ) == [item]


@time_machine.travel(dt.datetime(2026, 12, 18, 10, tzinfo=SHANGHAI), tick=False)
def test_deadline_in_a_year_without_calendar_is_provisional_and_old_gaps_are_filled(
    organisation, people, item_fields, django_user_model
):
    item_fields["generated_on"] = dt.date(2026, 12, 18)
    item = services.information_item_create(
        actor=people.handler, organisation=organisation, **item_fields
    )
    # 2027 is not entered: counted provisionally (the weekends near 元旦 count), never refused.
    assert item.publication_due_on == dt.date(2027, 1, 12)
    assert stored_date_is_provisional(item.publication_due_on, entered_years())
    assert not item.is_publication_overdue

    admin = django_user_model.objects.create_superuser("calendar-admin", password="x" * 12)
    calendar_year_save_from_notice(
        actor=admin,
        year=2027,
        holidays=[dt.date(2027, 1, 1)],
        makeup_workdays=[],
    )
    from gongkai.workdays import calendar

    calendar.clear_cache()
    # Entering the notice recomputed the provisional date.
    item.refresh_from_db()
    assert item.publication_due_on == dt.date(2027, 1, 18)

    # An item saved by an earlier version, which left the date empty for such a year.
    InformationItem.objects.filter(pk=item.pk).update(publication_due_on=None)
    assert services.information_items_refresh_due_dates() == 1
    item.refresh_from_db()
    # 18 Dec 2026 (Fri) + 20 working days: 9 in December, New Year's Day off, 11 in January.
    assert item.publication_due_on == dt.date(2027, 1, 18)
    assert not stored_date_is_provisional(item.publication_due_on, entered_years())


def test_an_item_formed_before_2000_has_no_publication_deadline(organisation, people, item_fields):
    item_fields["generated_on"] = dt.date(1998, 6, 1)
    item = services.information_item_create(
        actor=people.handler, organisation=organisation, **item_fields
    )
    assert item.publication_due_on is None


# --- derived values and categories -----------------------------------------------------------


def test_fully_electronic_is_derived_from_the_body(organisation, people, item_fields):
    with_body = services.information_item_create(
        actor=people.handler, organisation=organisation, **item_fields
    )
    item_fields["body"] = "<p> </p><script>x</script>"
    empty = services.information_item_create(
        actor=people.handler, organisation=organisation, **item_fields
    )
    assert with_body.is_fully_electronic
    assert empty.body_text == "" and not empty.is_fully_electronic


def test_categories_ensure_defaults_is_idempotent(organisation, people):
    created = services.categories_ensure_defaults(
        actor=people.coordinator, organisation=organisation
    )
    again = services.categories_ensure_defaults(actor=None, organisation=organisation)
    assert [c.name for c in created] == ["机构职能", "规章制度", "业务类"]
    assert [c.code for c in again] == ["functions", "rules", "business"]
    assert [c.pk for c in created] == [c.pk for c in again]
    assert AuditEntry.objects.filter(action="catalogue.category.created").count() == 3


def test_category_create_rules(organisation, people):
    category = services.category_create(
        actor=people.org_admin, organisation=organisation, name="规划计划", code="plans"
    )
    assert category.organisation == organisation
    with pytest.raises(ApplicationError, match="已有代码为“plans”的目录分类"):
        services.category_create(
            actor=people.coordinator, organisation=organisation, name="其他", code="plans"
        )
    with pytest.raises(ApplicationError, match="代码"):
        services.category_create(
            actor=people.coordinator, organisation=organisation, name="其他", code="不是 slug"
        )
    with pytest.raises(PermissionDeniedError):
        services.category_create(
            actor=people.handler, organisation=organisation, name="其他", code="other"
        )
    with pytest.raises(ApplicationError, match="上级分类不属于该机构"):
        services.category_create(
            actor=people.coordinator,
            organisation=organisation,
            name="子类",
            code="child",
            parent=CategoryFactory(organisation=people.other_organisation),
        )
    assert Category.objects.filter(organisation=organisation).count() == 1


# --- items produced whole by another register --------------------------------------------------


def test_a_generated_item_is_created_and_published_by_a_publisher_alone(
    organisation, people, item_fields
):
    item = services.information_item_publish_generated(
        actor=people.publisher,
        organisation=organisation,
        source="reports.annual_report:7",
        **item_fields,
    )
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.index_number
    assert actions(item) == ["catalogue.item.created", "catalogue.item.published"]
    created = audit.entries_for(item).get(action="catalogue.item.created")
    assert created.data["source"] == "reports.annual_report:7"


@pytest.mark.parametrize("role", ["handler", "coordinator", "auditor"])
def test_only_a_publisher_may_put_a_generated_item_in_the_catalogue(
    organisation, people, item_fields, role
):
    with pytest.raises(PermissionDeniedError):
        services.information_item_publish_generated(
            actor=getattr(people, role),
            organisation=organisation,
            source="reports.annual_report:7",
            **item_fields,
        )
    assert not InformationItem.objects.exists()


def test_a_generated_item_must_be_publishable_or_nothing_is_saved(
    organisation, people, item_fields
):
    item_fields["title"] = ""
    with pytest.raises(ApplicationError):
        services.information_item_publish_generated(
            actor=people.publisher,
            organisation=organisation,
            source="reports.annual_report:7",
            **item_fields,
        )
    assert not InformationItem.objects.exists()
