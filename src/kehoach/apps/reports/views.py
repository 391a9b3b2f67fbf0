"""Báo cáo: download the periodic report (Word, PDF) or its appendices (Excel), as the command writes them."""

from __future__ import annotations

from io import BytesIO

from django.http import FileResponse
from django.views.generic import TemplateView

from kehoach.apps.accounts import roles
from kehoach.apps.reports.download import report_file
from kehoach.apps.reports.forms import ReportForm
from kehoach.apps.reports.pdf import PdfFailed, PdfUnavailable
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
        return FileResponse(BytesIO(made.data), as_attachment=True, filename=made.name,
                            content_type=made.content_type)

    def get_context_data(self, **kwargs):
        return super().get_context_data(active="reports", **kwargs)
