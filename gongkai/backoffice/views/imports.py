"""导入: upload a catalogue file, preview per-row errors, then import all or only good rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.generic import View

import gongkai.catalogue as catalogue_package
from gongkai.backoffice.forms.catalogue import ImportForm
from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.catalogue.imports import catalogue_import
from gongkai.core.exceptions import ApplicationError
from gongkai.organisations import permissions

TEMPLATE_PATH = Path(catalogue_package.__file__).parent / "import_template.csv"


class _PreviewRollback(Exception):
    """Raised inside the preview transaction so nothing of a dry run is kept."""


class ImportView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.CATALOGUE_IMPORT

    def _form(self, request: HttpRequest, data: Any = None, files: Any = None) -> ImportForm:
        organisations = permissions.organisations_with(request.user, permissions.CATALOGUE_IMPORT)
        return ImportForm(data, files, organisations=organisations)

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "backoffice/catalogue/import.html", {"form": self._form(request)})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST, request.FILES)
        context: dict[str, Any] = {"form": form}
        if not form.is_valid():
            return render(request, "backoffice/catalogue/import.html", context, status=400)
        organisation = form.cleaned_data["organisation"]
        deny_unless(permissions.can_import_catalogue(request.user, organisation))
        dry_run = "preview" in request.POST
        arguments = {
            "actor": request.user,
            "organisation": organisation,
            "file": form.cleaned_data["file"],
            "skip_bad_rows": form.cleaned_data["skip_bad_rows"],
            "publish": form.cleaned_data["publish"],
        }
        try:
            report = self._preview(arguments) if dry_run else catalogue_import(**arguments)
        except ApplicationError as error:
            messages.error(request, error.message)
            context["errors"] = error.extra.get("errors", [])
            return render(request, "backoffice/catalogue/import.html", context, status=400)
        context.update({"report": report, "dry_run": dry_run})
        if not dry_run and report.imported:
            messages.success(request, _("已导入 %(count)d 条。") % {"count": report.imported})
        elif not dry_run and report.errors:
            messages.error(request, _("文件中有错误，未导入任何条目。"))
        return render(request, "backoffice/catalogue/import.html", context)

    @staticmethod
    def _preview(arguments: dict[str, Any]) -> Any:
        # The real import runs and is rolled back, so the preview shows exactly what would happen.
        report = None
        try:
            with transaction.atomic():
                report = catalogue_import(**arguments)
                raise _PreviewRollback
        except _PreviewRollback:
            pass
        return report


class ImportTemplateView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.CATALOGUE_IMPORT

    def get(self, request: HttpRequest) -> HttpResponseBase:
        try:
            handle = TEMPLATE_PATH.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        return FileResponse(handle, as_attachment=True, filename="catalogue-import-template.csv")
