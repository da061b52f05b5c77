"""Load the demo: organisations, staff, the seed body's 2009 catalogue and generated years.

Idempotent: every step first looks for what it would create. Organisations are found by code,
users by username, memberships and categories by their natural keys, the 2009 items by title,
and the generated catalogue by its "demo.items.generated" audit entry (one per organisation).
Running it again only resets the demo passwords, so the printed logins are always right.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from gongkai.accounts.models import User
from gongkai.catalogue import index_numbers
from gongkai.catalogue import services as catalogue_services
from gongkai.catalogue.models import Article20Item, Category, InformationItem
from gongkai.catalogue.sanitise import html_to_text
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.core.models import AuditEntry
from gongkai.demo import seed
from gongkai.demo.days import working_days
from gongkai.demo.requests import (
    DEFAULT_REQUESTS,
    REQUEST_STAFF,
    RequestsReport,
    load_demo_requests,
)
from gongkai.demo.sections import DEMO_SECTIONS
from gongkai.organisations import services as organisation_services
from gongkai.organisations.models import Membership, Organisation, Role
from gongkai.workdays.calendar import add_working_days

DEFAULT_PASSWORD = "gongkai-demo-2009"
GENERATED_ACTION = "demo.items.generated"
GENERATED_YEARS = range(2008, 2026)
_RULE_GENRES = {
    InformationItem.Genre.RULES,
    InformationItem.Genre.MEASURES,
    InformationItem.Genre.DECISION,
}


@dataclass
class StaffLogin:
    username: str
    full_name: str
    organisation: str
    roles: str


@dataclass
class DemoReport:
    organisations_created: int = 0
    users_created: int = 0
    items_2009_created: int = 0
    generated_created: int = 0
    notes: list[str] = field(default_factory=list)
    logins: list[StaffLogin] = field(default_factory=list)
    counts_by_status: dict[str, int] = field(default_factory=dict)
    organisation_count: int = 0
    requests: RequestsReport | None = None


@contextmanager
def _clock(moment: dt.datetime) -> Iterator[None]:
    """Replay a historic moment: the services stamp published_at, 索引号 years and audit times
    from django.utils.timezone.now, so the 2009 catalogue gets 2009 dates and numbers."""
    with mock.patch.object(timezone, "now", return_value=moment):
        yield


def _local(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _paragraphs_html(paragraphs: list[str] | tuple[str, ...]) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs if p.strip())


def _working_day_in_month(rng: random.Random, year_days: list[dt.date], month: int) -> dt.date:
    days = [day for day in year_days if day.month == month and day.day < 29]
    return rng.choice(days)


class DemoLoader:
    def __init__(
        self,
        *,
        password: str = DEFAULT_PASSWORD,
        generated: int = 4000,
        rng_seed: int = 2009,
        progress: Callable[[str], None] | None = None,
        requests: int = DEFAULT_REQUESTS,
    ) -> None:
        self.password = password
        self.generated = generated
        self.requests = requests
        self.rng_seed = rng_seed
        self.progress = progress or (lambda message: None)
        self.report = DemoReport()
        self.organisations: dict[str, Organisation] = {}
        self.users: dict[str, User] = {}
        self.categories: dict[str, dict[str, Category]] = {}
        self.business_subcategories: dict[str, list[Category]] = defaultdict(list)

    # --- people and organisations -----------------------------------------------------

    def run(self) -> DemoReport:
        admin = self._ensure_superuser()
        self._ensure_organisations(admin)
        self._ensure_categories(admin)
        self._ensure_staff(admin)
        # One transaction: a half-loaded year never stays behind, and SQLite commits once.
        with transaction.atomic():
            self._ensure_items_2009()
        self._ensure_generated(admin)
        self._ensure_requests()
        self._ensure_sections()
        self._count()
        return self.report

    def _user(self, username: str, full_name: str, *, superuser: bool = False) -> User:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, email=f"{username}@example.gov.cn")
            self.report.users_created += 1
        user.full_name = full_name
        user.is_staff = True
        user.is_active = True
        user.is_superuser = superuser or user.is_superuser
        # Reset on every run: the table printed at the end must be the way in.
        user.set_password(self.password)
        user.save()
        self.users[username] = user
        return user

    def _ensure_superuser(self) -> User:
        admin = self._user(seed.SUPERUSER, "系统管理员", superuser=True)
        self.report.logins.append(
            StaffLogin(admin.username, admin.full_name, "（全部机构）", "超级用户")
        )
        return admin

    def _ensure_organisations(self, admin: User) -> None:
        for item in seed.ORGANISATIONS:
            organisation = Organisation.objects.filter(code=item.code).first()
            if organisation is None:
                organisation = Organisation.objects.filter(name=item.name).first()
            if organisation is None:
                organisation = organisation_services.organisation_create(
                    actor=admin,
                    name=item.name,
                    code=item.code,
                    parent=self.organisations[item.parent] if item.parent else None,
                    kind=item.kind,
                    short_name=item.short_name,
                    description=item.description,
                    disclosure_office=item.disclosure_office,
                    address=item.address,
                    postcode=item.postcode,
                    office_hours=item.office_hours,
                    phone=item.phone,
                    website=item.website,
                    sort_order=len(self.organisations),
                )
                self.report.organisations_created += 1
            self.organisations[item.key] = organisation
        if not self.report.organisations_created:
            self.report.notes.append("机构已存在，未重复创建。")

    def _ensure_categories(self, admin: User) -> None:
        for item in seed.ORGANISATIONS:
            if item.kind == Organisation.Kind.OFFICE:
                continue
            organisation = self.organisations[item.key]
            catalogue_services.categories_ensure_defaults(actor=admin, organisation=organisation)
            by_code = {c.code: c for c in Category.objects.filter(organisation=organisation)}
            for name, code in item.business_categories:
                if code not in by_code:
                    by_code[code] = catalogue_services.category_create(
                        actor=admin,
                        organisation=organisation,
                        name=name,
                        code=code,
                        parent=by_code["business"],
                    )
                self.business_subcategories[item.key].append(by_code[code])
            self.categories[item.key] = by_code

    def _ensure_staff(self, admin: User) -> None:
        names = {item.key: item.name for item in seed.ORGANISATIONS}
        for staff in seed.STAFF + REQUEST_STAFF:
            user = self._user(staff.username, staff.full_name)
            organisation = self.organisations[staff.organisation]
            for role in staff.roles:
                held = Membership.objects.filter(user=user, organisation=organisation, role=role)
                if not held.exists():
                    organisation_services.membership_grant(
                        actor=admin, user=user, organisation=organisation, role=role
                    )
            roles = "、".join(str(Role(role).label) for role in staff.roles)
            self.report.logins.append(
                StaffLogin(staff.username, staff.full_name, names[staff.organisation], roles)
            )

    # --- the 2009 catalogue of 市政务办, through the services -------------------------------

    def _ensure_items_2009(self) -> None:
        organisation = self.organisations[seed.ZWB]
        handler_name, publisher_name = seed.AUTHORS[seed.ZWB]
        handler, publisher = self.users[handler_name], self.users[publisher_name]
        existing = set(
            InformationItem.objects.filter(
                organisation=organisation, generated_on__year=2009
            ).values_list("title", flat=True)
        )
        rng = random.Random(self.rng_seed)
        # Draw every date even for items that exist, so a partial earlier run resumes with the
        # same dates.
        plan = []
        year_days = working_days(2009)  # read once, not for each item's month
        for item in seed.ITEMS_2009:
            generated_on = _working_day_in_month(rng, year_days, item.month)
            # The report counts these as 2009's publications: December's go out by 31 December.
            delay = rng.randint(1, 15)
            published_on = add_working_days(generated_on, delay)
            while published_on.year > 2009 and delay > 1:
                delay -= 1
                published_on = add_working_days(generated_on, delay)
            if published_on.year > 2009:
                published_on = generated_on
            plan.append((item, generated_on, published_on, rng.randint(0, 59)))
        # Publish in date order, so the 索引号 serials follow the calendar.
        plan.sort(key=lambda entry: (entry[2], entry[1], entry[0].title))
        for item, generated_on, published_on, minute in plan:
            if item.title in existing:
                continue
            category = self.categories[seed.ZWB][item.category]
            with _clock(_local(generated_on, 9, minute)):
                information_item = catalogue_services.information_item_create(
                    actor=handler,
                    organisation=organisation,
                    title=item.title,
                    summary=item.summary,
                    body=_paragraphs_html(item.paragraphs),
                    document_number=item.document_number,
                    generated_on=generated_on,
                    category=category,
                    topic=item.topic,
                    genre=item.genre,
                    keywords=item.keywords,
                    article20_item=item.article20_item,
                    effective_on=generated_on if item.category == "rules" else None,
                )
            with _clock(_local(generated_on, 15, minute)):
                catalogue_services.information_item_submit(
                    actor=handler, information_item=information_item
                )
            with _clock(_local(published_on, 10, minute)):
                catalogue_services.information_item_publish(
                    actor=publisher, information_item=information_item
                )
            self.report.items_2009_created += 1
        if not self.report.items_2009_created:
            self.report.notes.append("2009年目录（81条）已存在，未重复创建。")

    # --- thousands of generated items, in bulk --------------------------------------------

    def _ensure_generated(self, admin: User) -> None:
        weighted = [
            item
            for item in seed.ORGANISATIONS
            if item.generated_weight and item.key in seed.AUTHORS
        ]
        already = set(
            AuditEntry.objects.filter(action=GENERATED_ACTION).values_list(
                "organisation_id", flat=True
            )
        )
        pending = [item for item in weighted if self.organisations[item.key].pk not in already]
        if not pending:
            self.report.notes.append("生成的历年目录已存在，未重复生成。")
            return
        if self.generated <= 0:
            return
        from gongkai.demo.textgen import generate_item_fields

        total_weight = sum(item.generated_weight for item in weighted)
        now = timezone.now()
        for item in pending:
            years = [year for year in GENERATED_YEARS if year >= item.generated_from]
            # Later years publish more, as catalogues did.
            year_weights = [year - GENERATED_YEARS.start + 1 for year in years]
            organisation = self.organisations[item.key]
            count = max(1, self.generated * item.generated_weight // total_weight)
            rng = random.Random(f"{self.rng_seed}-{item.key}")
            rows = [
                self._generated_item(
                    rng,
                    generate_item_fields,
                    organisation,
                    item.key,
                    rng.choices(years, weights=year_weights)[0],
                    now,
                )
                for _ in range(count)
            ]
            rows.extend(self._current_workload(rng, generate_item_fields, organisation, item.key))
            self._save_generated(admin, organisation, rows)

    def _category_for(self, rng: random.Random, key: str, fields: dict[str, Any]) -> Category:
        categories = self.categories[key]
        if fields.get("article20_item") == Article20Item.FUNCTIONS:
            return categories["functions"]
        if fields.get("genre") in _RULE_GENRES:
            return categories["rules"]
        subcategories = self.business_subcategories.get(key) or []
        if subcategories and rng.random() < 0.6:
            return rng.choice(subcategories)
        return categories["business"]

    def _build(
        self, rng: random.Random, fields: dict[str, Any], organisation: Organisation, key: str
    ) -> InformationItem:
        genre = fields.get("genre") or InformationItem.Genre.OTHER
        if genre not in InformationItem.Genre.values:
            genre = InformationItem.Genre.OTHER
        body_text = str(fields.get("body_text") or fields.get("summary") or fields["title"])
        body = _paragraphs_html(body_text.split("\n"))
        handler_name, _publisher_name = seed.AUTHORS[key]
        return InformationItem(
            organisation=organisation,
            title=str(fields["title"])[:300],
            summary=str(fields.get("summary") or ""),
            body=body,
            body_text=html_to_text(body),
            document_number=str(fields.get("document_number") or "")[:100],
            generated_on=fields["generated_on"],
            category=self._category_for(rng, key, {**fields, "genre": genre}),
            topic=str(fields.get("topic") or "")[:100],
            genre=genre,
            keywords=str(fields.get("keywords") or "")[:300],
            article20_item=fields.get("article20_item"),
            created_by=self.users[handler_name],
        )

    def _due(self, generated_on: dt.date) -> dt.date | None:
        try:
            return add_working_days(generated_on, 20)
        except ApplicationError:
            # A year whose holidays nobody entered yet: leave the deadline open, never guess.
            return None

    def _generated_item(
        self,
        rng: random.Random,
        generate: Callable[..., dict[str, Any]],
        organisation: Organisation,
        key: str,
        year: int,
        now: dt.datetime,
    ) -> InformationItem:
        fields = generate(rng, organisation_name=organisation.name, year=year)
        information_item = self._build(rng, fields, organisation, key)
        information_item.publication_due_on = self._due(information_item.generated_on)
        # Most items go out within the 20 working days of 第二十六条; a few are late.
        late = rng.random() < 0.03
        delay = rng.randint(21, 45) if late else rng.randint(0, 18)
        try:
            published_on = add_working_days(information_item.generated_on, delay)
        except ApplicationError:
            published_on = information_item.generated_on + dt.timedelta(days=delay * 7 // 5)
        published_at = min(
            _local(published_on, rng.randint(9, 17), rng.randint(0, 59)),
            now - dt.timedelta(hours=1),
        )
        information_item.status = InformationItem.Status.PUBLISHED
        information_item.published_at = published_at
        information_item.published_by = self.users[seed.AUTHORS[key][1]]
        roll = rng.random()
        if roll < 0.02:
            information_item.status = InformationItem.Status.WITHDRAWN
            information_item.withdrawal_reason = rng.choice(
                ("内容有误，更正后重新发布", "信息已过时效", "重复发布")
            )
        if information_item.genre in _RULE_GENRES:
            information_item.effective_on = information_item.generated_on
            validity_roll = rng.random()
            if validity_roll < 0.06 and year < 2024:
                information_item.validity = InformationItem.Validity.REPEALED
                information_item.repealed_on = information_item.generated_on + dt.timedelta(
                    days=rng.randint(365, 5 * 365)
                )
                information_item.repealed_on = min(information_item.repealed_on, now.date())
            elif validity_roll < 0.12:
                information_item.validity = InformationItem.Validity.AMENDED
        return information_item

    def _current_workload(
        self,
        rng: random.Random,
        generate: Callable[..., dict[str, Any]],
        organisation: Organisation,
        key: str,
    ) -> list[InformationItem]:
        """Drafts and items waiting for review, some already past their 20 working days."""
        today = timezone.localdate()
        rows = []
        for index in range(max(2, self.generated // 400)):
            fields = generate(rng, organisation_name=organisation.name, year=today.year)
            information_item = self._build(rng, fields, organisation, key)
            # Every third one has waited well past its deadline: the overdue list shows them.
            age = rng.randint(35, 60) if index % 3 == 0 else rng.randint(0, 12)
            information_item.generated_on = today - dt.timedelta(days=age)
            information_item.publication_due_on = self._due(information_item.generated_on)
            information_item.status = (
                InformationItem.Status.PENDING_REVIEW if index % 2 else InformationItem.Status.DRAFT
            )
            rows.append(information_item)
        return rows

    @transaction.atomic
    def _save_generated(
        self, admin: User, organisation: Organisation, rows: list[InformationItem]
    ) -> None:
        numbered = sorted(
            (row for row in rows if row.published_at is not None),
            key=lambda row: row.published_at or timezone.now(),
        )
        scheme = index_numbers.get_scheme(organisation.index_scheme)
        groups: dict[str, list[InformationItem]] = defaultdict(list)
        for row in numbered:
            on = timezone.localtime(row.published_at).date()
            groups[on.strftime(scheme.period_format)].append(row)
        for group in groups.values():
            on = timezone.localtime(group[0].published_at).date()
            numbers = index_numbers.allocate(organisation=organisation, on=on, count=len(group))
            for row, number in zip(group, numbers, strict=True):
                row.index_number = number
        InformationItem.objects.bulk_create(rows, batch_size=500)
        # Bulk rows skip the per-item service calls; one audit entry records the whole batch
        # (and marks the organisation as done, which keeps the loader idempotent).
        audit.log(
            organisation,
            GENERATED_ACTION,
            actor=admin,
            organisation=organisation,
            data={
                "count": len(rows),
                "published": sum(r.status == InformationItem.Status.PUBLISHED for r in rows),
                "seed": self.rng_seed,
            },
        )
        self.report.generated_created += len(rows)
        self.progress(f"{organisation.name}: {len(rows)} 条")

    def _ensure_requests(self) -> None:
        self.report.requests = load_demo_requests(
            organisations=self.organisations,
            users=self.users,
            count=self.requests,
            rng_seed=self.rng_seed,
        )

    def _ensure_sections(self) -> None:
        # The service centre's registers (gongkai.demo.sections), each idempotent on its own.
        for dotted_path in DEMO_SECTIONS:
            section = importlib.import_module(dotted_path)
            self.progress(f"{dotted_path} …")
            lines = section.load(
                organisations=self.organisations, users=self.users, rng_seed=self.rng_seed
            )
            self.report.notes.extend(lines)

    def _count(self) -> None:
        self.report.organisation_count = Organisation.objects.count()
        counts: dict[str, int] = {}
        for status, label in InformationItem.Status.choices:
            counts[str(label)] = InformationItem.objects.filter(status=status).count()
        self.report.counts_by_status = counts


def load_demo(
    *,
    password: str = DEFAULT_PASSWORD,
    generated: int = 4000,
    rng_seed: int = 2009,
    progress: Callable[[str], None] | None = None,
    requests: int = DEFAULT_REQUESTS,
) -> DemoReport:
    return DemoLoader(
        password=password,
        generated=generated,
        rng_seed=rng_seed,
        progress=progress,
        requests=requests,
    ).run()
