"""/accounts/tokens/: a signed-in user's personal API tokens: create one (shown once), list, revoke.

Any signed-in user manages their own tokens and nobody else's (someone else's token is 404);
what a token may do is what its user may do (:mod:`kehoach.apps.accounts.roles`).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from kehoach.apps.api import tokens
from kehoach.apps.api.forms import TokenForm


class TokenListView(LoginRequiredMixin, TemplateView):
    template_name = "api/tokens.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", TokenForm())
        context.update(title=_("API tokens"), tokens=tokens.tokens_of(self.request.user), active="tokens")
        return context

    def post(self, request, *args, **kwargs):
        form = TokenForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        issued = tokens.issue(request.user, form.cleaned_data["name"])
        # Rendered, not redirected: the token is in this one response and never again.
        return self.render_to_response(self.get_context_data(form=TokenForm(), issued=issued))


class RevokeTokenView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk: int):
        token = get_object_or_404(tokens.tokens_of(request.user), pk=pk)
        tokens.revoke(token)
        messages.success(request, _("Revoked: %(name)s.") % {"name": token.name})
        return redirect("api-tokens:list")
