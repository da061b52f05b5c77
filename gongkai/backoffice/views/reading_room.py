"""政务资讯大厅 registers in the back office: list with filters and export, create, detail, edit.

Every register follows one pattern, described by a `Register`: its form, its service calls and
its export columns. Views only parse input, call the selectors and services, and render.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from django_stubs_ext import StrOrPromise

from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.core.exports import EXPORT_FORMATS, Column, export_response
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.reading_room import selectors, services
from gongkai.reading_room.models import ExternalDatabase, Periodical, PeriodicalLoan, Terminal

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


def _manageable_organisations(actor: Any) -> Any:
    return permissions.organisations_with(actor, permissions.READING_ROOM_MANAGE).order_by("path")


class _OrganisationChoice(forms.Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("机构"), queryset=Organisation.objects.none()
    )


class CurrentDocumentForm(_OrganisationChoice):
    issuing_body = forms.CharField(label=gettext_lazy("发文机关"), max_length=200)
    document_number = forms.CharField(label=gettext_lazy("文号"), max_length=100, required=False)
    title = forms.CharField(label=gettext_lazy("标题"), max_length=500)
    issued_on = forms.DateField(label=gettext_lazy("成文日期"), widget=DATE_INPUT)
    body_text = forms.CharField(
        label=gettext_lazy("正文"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    attachment = forms.FileField(label=gettext_lazy("附件"), required=False)


class ExternalDatabaseForm(_OrganisationChoice):
    department = forms.CharField(label=gettext_lazy("提供部门"), max_length=200)
    name = forms.CharField(label=gettext_lazy("数据库名称"), max_length=200)
    url = forms.URLField(label=gettext_lazy("网址"), max_length=500, assume_scheme="https")
    description = forms.CharField(
        label=gettext_lazy("简介"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    linked_on = forms.DateField(label=gettext_lazy("链接日期"), widget=DATE_INPUT)


class VisitingGroupForm(_OrganisationChoice):
    visited_on = forms.DateField(label=gettext_lazy("参观日期"), widget=DATE_INPUT)
    group_name = forms.CharField(label=gettext_lazy("参观团体"), max_length=200)
    people = forms.IntegerField(label=gettext_lazy("人数"))
    note = forms.CharField(
        label=gettext_lazy("备注"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class VisitorTallyForm(_OrganisationChoice):
    date = forms.DateField(label=gettext_lazy("日期"), widget=DATE_INPUT)
    # The service gives the message for zero or negative counts.
    count = forms.IntegerField(label=gettext_lazy("浏览人次"))


class PeriodicalForm(_OrganisationChoice):
    title = forms.CharField(label=gettext_lazy("刊名"), max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("类别"), choices=Periodical.Kind.choices)
    issue = forms.CharField(label=gettext_lazy("期号"), max_length=50, required=False)
    call_number = forms.CharField(label=gettext_lazy("登记号"), max_length=50)


class PeriodicalLoanForm(forms.Form):
    periodical = forms.ModelChoiceField(
        label=gettext_lazy("报刊（登记号）"), queryset=Periodical.objects.none()
    )
    reader_name = forms.CharField(label=gettext_lazy("读者姓名"), max_length=100)
    reader_card_number = forms.CharField(label=gettext_lazy("借阅证号"), max_length=50)
    lent_on = forms.DateField(label=gettext_lazy("借出日期"), widget=DATE_INPUT)
    due_on = forms.DateField(
        label=gettext_lazy("应还日期"),
        widget=DATE_INPUT,
        required=False,
        help_text=gettext_lazy("不填则为借出后14天。"),
    )


class TerminalForm(_OrganisationChoice):
    name = forms.CharField(label=gettext_lazy("终端编号"), max_length=50)
    location = forms.CharField(label=gettext_lazy("位置"), max_length=200)
    status = forms.ChoiceField(label=gettext_lazy("状态"), choices=Terminal.Status.choices)
    installed_on = forms.DateField(label=gettext_lazy("启用日期"), widget=DATE_INPUT)
    retired_on = forms.DateField(label=gettext_lazy("撤除日期"), widget=DATE_INPUT, required=False)
    note = forms.CharField(
        label=gettext_lazy("备注"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReturnForm(forms.Form):
    returned_on = forms.DateField(label=gettext_lazy("归还日期"), widget=DATE_INPUT)


class FilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("关键词"), required=False)
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("机构"), queryset=Organisation.objects.none(), required=False
    )
    date_from = forms.DateField(label=gettext_lazy("起始日期"), required=False, widget=DATE_INPUT)
    date_to = forms.DateField(label=gettext_lazy("截止日期"), required=False, widget=DATE_INPUT)
    status = forms.ChoiceField(label=gettext_lazy("状态"), required=False, choices=[])


@dataclass(frozen=True)
class Register:
    key: str
    title: StrOrPromise
    form: type[forms.Form]
    create: Callable[..., Any]
    update: Callable[..., Any] | None
    # (header, value) pairs shown in the list and exported.
    columns: list[Column]
    instance_name: str
    status_choices: list[tuple[str, StrOrPromise]] = field(default_factory=list)


def _fmt_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


REGISTERS: dict[str, Register] = {
    "document": Register(
        "document",
        gettext_lazy("现行文件"),
        CurrentDocumentForm,
        services.current_document_create,
        services.current_document_update,
        [
            Column("标题", lambda d: d.title),
            Column("发文机关", lambda d: d.issuing_body),
            Column("文号", lambda d: d.document_number),
            Column("成文日期", lambda d: _fmt_date(d.issued_on)),
            Column("收藏机构", lambda d: d.organisation.name),
        ],
        "current_document",
    ),
    "database": Register(
        "database",
        gettext_lazy("外部数据库"),
        ExternalDatabaseForm,
        services.external_database_create,
        services.external_database_update,
        [
            Column("数据库名称", lambda d: d.name),
            Column("提供部门", lambda d: d.department),
            Column("网址", lambda d: d.url),
            Column("链接日期", lambda d: _fmt_date(d.linked_on)),
            Column("最近检查结果", lambda d: d.get_last_status_display()),
            Column(
                "最近检查时间",
                lambda d: (
                    timezone.localtime(d.last_checked_at).strftime("%Y-%m-%d %H:%M")
                    if d.last_checked_at
                    else ""
                ),
            ),
        ],
        "external_database",
        list(ExternalDatabase.Status.choices),
    ),
    "group": Register(
        "group",
        gettext_lazy("参观团体"),
        VisitingGroupForm,
        services.visiting_group_create,
        services.visiting_group_update,
        [
            Column("参观日期", lambda g: _fmt_date(g.visited_on)),
            Column("参观团体", lambda g: g.group_name),
            Column("人数", lambda g: g.people),
            Column("机构", lambda g: g.organisation.name),
        ],
        "visiting_group",
    ),
    "visitor": Register(
        "visitor",
        gettext_lazy("浏览人次"),
        VisitorTallyForm,
        services.visitor_tally_create,
        services.visitor_tally_update,
        [
            Column("日期", lambda t: _fmt_date(t.date)),
            Column("浏览人次", lambda t: t.count),
            Column("机构", lambda t: t.organisation.name),
        ],
        "visitor_tally",
    ),
    "periodical": Register(
        "periodical",
        gettext_lazy("报刊"),
        PeriodicalForm,
        services.periodical_create,
        services.periodical_update,
        [
            Column("登记号", lambda p: p.call_number),
            Column("刊名", lambda p: p.title),
            Column("期号", lambda p: p.issue),
            Column("类别", lambda p: p.get_kind_display()),
        ],
        "periodical",
    ),
    "loan": Register(
        "loan",
        gettext_lazy("期刊借阅"),
        PeriodicalLoanForm,
        services.periodical_loan_lend,
        None,
        [
            Column("报刊", lambda loan: str(loan.periodical)),
            Column("登记号", lambda loan: loan.periodical.call_number),
            Column("读者", lambda loan: loan.reader_name),
            Column("借阅证号", lambda loan: loan.reader_card_number),
            Column("借出日期", lambda loan: _fmt_date(loan.lent_on)),
            Column("应还日期", lambda loan: _fmt_date(loan.due_on)),
            Column("归还日期", lambda loan: _fmt_date(loan.returned_on)),
        ],
        "periodical_loan",
        [
            ("open", gettext_lazy("未归还")),
            ("overdue", gettext_lazy("已逾期")),
            ("returned", gettext_lazy("已归还")),
        ],
    ),
    "terminal": Register(
        "terminal",
        gettext_lazy("自助终端"),
        TerminalForm,
        services.terminal_create,
        services.terminal_update,
        [
            Column("终端编号", lambda t: t.name),
            Column("位置", lambda t: t.location),
            Column("状态", lambda t: t.get_status_display()),
            Column("启用日期", lambda t: _fmt_date(t.installed_on)),
            Column("撤除日期", lambda t: _fmt_date(t.retired_on)),
        ],
        "terminal",
        list(Terminal.Status.choices),
    ),
}
FORM_INITIAL_FIELDS = {
    "document": ["issuing_body", "document_number", "title", "issued_on", "body_text"],
    "database": ["department", "name", "url", "description", "linked_on"],
    "group": ["visited_on", "group_name", "people", "note"],
    "visitor": ["date", "count"],
    "periodical": ["title", "kind", "issue", "call_number"],
    "terminal": ["name", "location", "status", "installed_on", "retired_on", "note"],
}


def _register(key: str) -> Register:
    try:
        return REGISTERS[key]
    except KeyError:
        raise Http404 from None


def _bind(register: Register, request: HttpRequest, **kwargs: Any) -> forms.Form:
    form = register.form(**kwargs)
    if "organisation" in form.fields:
        form.fields["organisation"].queryset = _manageable_organisations(  # type: ignore[attr-defined]
            request.user
        )
    if "periodical" in form.fields:
        form.fields["periodical"].queryset = selectors.periodical_list_available(  # type: ignore[attr-defined]
            actor=request.user
        ).filter(organisation__in=_manageable_organisations(request.user))
    return form


class _ReadingRoomView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.READING_ROOM_VIEW
    register_key = ""

    @property
    def register(self) -> Register:
        return _register(self.register_key)

    def _record(self, pk: int) -> Any:
        record = selectors.register_get_for_actor(
            actor=self.request.user, register=self.register_key, pk=pk
        )
        if record is None:
            raise Http404
        return record


class RegisterListView(_ReadingRoomView):
    def get(self, request: HttpRequest) -> HttpResponse:
        register = self.register
        filters = FilterForm(request.GET or None)
        filters.fields["organisation"].queryset = permissions.organisations_with(  # type: ignore[attr-defined]
            request.user, permissions.READING_ROOM_VIEW
        ).order_by("path")
        filters.fields["status"].choices = [("", _("全部")), *register.status_choices]  # type: ignore[attr-defined]
        records = selectors.register_list_for_actor(actor=request.user, register=register.key)
        if filters.is_valid():
            data = filters.cleaned_data
            records = selectors.register_filter(
                records,
                register=register.key,
                organisation_id=data["organisation"].pk if data["organisation"] else None,
                date_from=data["date_from"],
                date_to=data["date_to"],
                q=data["q"],
                status=data["status"],
            )
        export = request.GET.get("export", "")
        if export in EXPORT_FORMATS:
            return export_response(
                records.iterator(),
                register.columns,
                filename=f"{register.title}",
                file_format=export,
            )
        page_obj = Paginator(records, 50).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        query.pop("export", None)
        return render(
            request,
            "backoffice/reading_room/list.html",
            {
                "register": register,
                "filters": filters,
                "page_obj": page_obj,
                "rows": [
                    (record, [column.value(record) for column in register.columns])
                    for record in page_obj
                ],
                "query_string": query.urlencode(),
                "can_create": permissions.has_any_permission(
                    request.user, permissions.READING_ROOM_MANAGE
                ),
                "registers": REGISTERS.values(),
            },
        )


class RegisterCreateView(_ReadingRoomView):
    permission = permissions.READING_ROOM_MANAGE

    def _render(self, request: HttpRequest, form: forms.Form, status: int = 200) -> HttpResponse:
        return render(
            request,
            "backoffice/reading_room/form.html",
            {"register": self.register, "form": form, "record": None},
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, _bind(self.register, request))

    def post(self, request: HttpRequest) -> HttpResponse:
        register = self.register
        form = _bind(register, request, data=request.POST, files=request.FILES)
        if not form.is_valid():
            return self._render(request, form, status=400)
        data = dict(form.cleaned_data)
        if register.key == "document" and not data.get("attachment"):
            data.pop("attachment", None)
        try:
            record = register.create(actor=request.user, **data)
        except ApplicationError as error:
            form.add_error(None, error.message)
            return self._render(request, form, status=400)
        messages.success(request, _("已保存。"))
        return redirect(f"backoffice:reading_room_{register.key}_detail", pk=record.pk)


class RegisterDetailView(_ReadingRoomView):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        record = self._record(pk)
        deny_unless(permissions.can_view_reading_room_record(request.user, record))
        register = self.register
        return render(
            request,
            "backoffice/reading_room/detail.html",
            {
                "register": register,
                "record": record,
                "fields": [(column.header, column.value(record)) for column in register.columns],
                "can_manage": permissions.can_manage_reading_room_record(request.user, record),
                "return_form": ReturnForm(initial={"returned_on": timezone.localdate()}),
                "audit_entries": audit.entries_for(record),
            },
        )


class RegisterEditView(_ReadingRoomView):
    permission = permissions.READING_ROOM_MANAGE

    def _render(
        self, request: HttpRequest, form: forms.Form, record: Any, status: int = 200
    ) -> HttpResponse:
        return render(
            request,
            "backoffice/reading_room/form.html",
            {"register": self.register, "form": form, "record": record},
            status=status,
        )

    def _load(self, request: HttpRequest, pk: int) -> Any:
        record = self._record(pk)
        deny_unless(permissions.can_manage_reading_room_record(request.user, record))
        return record

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        record = self._load(request, pk)
        initial = {name: getattr(record, name) for name in FORM_INITIAL_FIELDS[self.register_key]}
        form = _bind(self.register, request, initial=initial)
        form.fields.pop("organisation", None)
        return self._render(request, form, record)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        record = self._load(request, pk)
        register = self.register
        form = _bind(register, request, data=request.POST, files=request.FILES)
        form.fields.pop("organisation", None)
        if not form.is_valid():
            return self._render(request, form, record, status=400)
        data = dict(form.cleaned_data)
        if register.key == "document" and not data.get("attachment"):
            data.pop("attachment", None)
        assert register.update is not None
        try:
            register.update(actor=request.user, **{register.instance_name: record}, **data)
        except ApplicationError as error:
            form.add_error(None, error.message)
            return self._render(request, form, record, status=400)
        messages.success(request, _("已保存。"))
        return redirect(f"backoffice:reading_room_{register.key}_detail", pk=record.pk)


class LoanReturnView(_ReadingRoomView):
    permission = permissions.READING_ROOM_MANAGE
    register_key = "loan"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        loan: PeriodicalLoan = self._record(pk)
        deny_unless(permissions.can_manage_reading_room_record(request.user, loan))
        form = ReturnForm(request.POST)
        returned_on = form.cleaned_data["returned_on"] if form.is_valid() else None
        try:
            services.periodical_loan_return(
                actor=request.user,
                periodical_loan=loan,
                returned_on=returned_on or timezone.localdate(),
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("已登记归还。"))
        return redirect("backoffice:reading_room_loan_detail", pk=loan.pk)


class DatabaseCheckView(_ReadingRoomView):
    permission = permissions.READING_ROOM_MANAGE
    register_key = "database"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        database: ExternalDatabase = self._record(pk)
        deny_unless(permissions.can_manage_reading_room_record(request.user, database))
        try:
            result = services.external_database_check(
                actor=request.user, external_database=database
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.info(
                request,
                _("检查结果：%(status)s") % {"status": result.get_last_status_display()},
            )
        return redirect("backoffice:reading_room_database_detail", pk=database.pk)


class OverdueLoanListView(_ReadingRoomView):
    register_key = "loan"

    def get(self, request: HttpRequest) -> HttpResponse:
        loans = selectors.loan_list_overdue(actor=request.user, today=timezone.localdate())
        export = request.GET.get("export", "")
        if export in EXPORT_FORMATS:
            return export_response(
                loans.iterator(), self.register.columns, filename="逾期未还", file_format=export
            )
        return render(
            request,
            "backoffice/reading_room/overdue.html",
            {"loans": loans, "today": timezone.localdate(), "registers": REGISTERS.values()},
        )
