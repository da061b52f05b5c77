"""留言咨询 and 常见问题及疑难问题解答 on the portal.

Only answered messages whose askers allowed it are shown, with the name masked and never the
contact. The FAQ search matches like the catalogue's: every term as an exact substring.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.consultations import selectors, services
from gongkai.core.exceptions import ApplicationError
from gongkai.portal.consultation_forms import FaqSearchForm, OnlineConsultationForm

PAGE_SIZE = 20


@require_GET
def consultation_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.consultation_list_public(), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [(c, selectors.masked_asker_name(c)) for c in page.object_list]
    return render(
        request,
        "portal/consultations/list.html",
        {"nav_section": "consult", "page_obj": page, "rows": rows},
    )


@require_GET
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation_get_public(pk=pk)
    if consultation is None:
        raise Http404(_("没有找到该留言。"))
    return render(
        request,
        "portal/consultations/detail.html",
        {
            "nav_section": "consult",
            "consultation": consultation,
            "asker_name": selectors.masked_asker_name(consultation),
        },
    )


@require_http_methods(["GET", "POST"])
def consultation_submit(request: HttpRequest) -> HttpResponse:
    form = OnlineConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_submit_online(**form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            return redirect("portal:consultation_thanks")
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "portal/consultations/submit.html",
        {"nav_section": "consult", "form": form},
        status=status,
    )


@require_GET
def consultation_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/consultations/thanks.html", {"nav_section": "consult"})


@require_GET
def faq(request: HttpRequest) -> HttpResponse:
    form = FaqSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    entries = selectors.faq_search_public(query=query)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/consultations/faq.html",
        {"nav_section": "faq", "form": form, "query": query, "page_obj": page},
    )


@require_GET
def faq_detail(request: HttpRequest, pk: int) -> HttpResponse:
    faq_entry = selectors.faq_get_public(pk=pk)
    if faq_entry is None:
        raise Http404(_("没有找到该问题。"))
    return render(
        request,
        "portal/consultations/faq_detail.html",
        {"nav_section": "faq", "faq_entry": faq_entry},
    )
