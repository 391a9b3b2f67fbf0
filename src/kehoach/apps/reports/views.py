"""Báo cáo: download the periodic report (Word, PDF) or its appendices (Excel), as the command writes them;
the report's Word template: download it (administrators, Sở Tài chính), replace it or go back to the
shipped one (administrators)."""

from __future__ import annotations

from io import BytesIO

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kehoach.apps.accounts import roles
from kehoach.apps.reports import services
from kehoach.apps.reports.download import CONTENT_TYPES, report_file
from kehoach.apps.reports.forms import ReportForm, TemplateUploadForm
from kehoach.apps.reports.pdf import PdfFailed, PdfUnavailable
from kehoach.apps.reports.word_template import VARIABLES, TemplateBroken, active_template, default
from kehoach.web.views.generic import StaffMixin


class ReportIndexView(StaffMixin, TemplateView):
    template_name = "reports/index.html"

    def allowed(self, request) -> bool:
        return roles.may_download_reports(request.user)

    def get(self, request, *args, **kwargs):
        if "kind" in request.GET:
            return self._download(ReportForm(request.GET))
        return self.render_to_response(self.get_context_data(
            form=ReportForm(initial={"as_of": self.as_of, "kind": "month", "fmt": "docx"})))

    def post(self, request, *args, **kwargs):
        return self._download(ReportForm(request.POST))

    def _download(self, form: ReportForm):
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        try:
            made = report_file(data["as_of"], data["kind"], data["fmt"])
        except (PdfUnavailable, PdfFailed) as exc:
            form.add_error("fmt", str(exc))
            return self.render_to_response(self.get_context_data(form=form), status=503)
        except TemplateBroken as exc:  # the active template fails for this report: nothing is sent
            form.add_error(None, str(exc))
            return self.render_to_response(self.get_context_data(form=form), status=503)
        return FileResponse(BytesIO(made.data), as_attachment=True, filename=made.name,
                            content_type=made.content_type)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            active="reports", sees_template=roles.may_download_report_template(self.request.user), **kwargs)


class ReportTemplateView(StaffMixin, TemplateView):
    """/reports/template/: GET shows the active template; ?file=current|default downloads one; POST
    action=upload replaces it after rendering a month report with the new file, action=reset goes back
    to the shipped one."""

    template_name = "reports/template.html"

    def allowed(self, request) -> bool:
        return roles.may_download_report_template(request.user)

    def get(self, request, *args, **kwargs):
        which = request.GET.get("file")
        if which in ("current", "default"):
            template = active_template() if which == "current" else default()
            return FileResponse(BytesIO(template.data), as_attachment=True, filename=template.name,
                                content_type=CONTENT_TYPES["docx"])
        return self.render_to_response(self.get_context_data(form=TemplateUploadForm()))

    def post(self, request, *args, **kwargs):
        roles.require(roles.may_manage_report_template(request.user))
        if request.POST.get("action") == "reset":
            if services.reset_template(request.user):
                messages.success(request, _("The report template shipped with kehoach is in use again."))
            return redirect("reports:template")
        form = TemplateUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                services.replace_template(upload.name, upload.read(), request.user, self.as_of)
            except TemplateBroken as exc:
                form.add_error("file", str(exc))
            else:
                messages.success(request, _("The new report template is in use."))
                return redirect("reports:template")
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            active="reports", stored=services.stored(), variables=VARIABLES,
            may_manage=roles.may_manage_report_template(self.request.user), **kwargs)
