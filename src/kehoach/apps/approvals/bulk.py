"""Approving many entries of the queue at once: each ticked entry goes through the same approve
service as its own button (``figures.services.approve``, ``tasks.services.approve_progress``), in
its own transaction, so that maker-checker and the workflow's rules hold for every one and one
refusal does not undo the others."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from kehoach.apps.accounts import roles


@dataclass
class BulkResult:
    approved: list = field(default_factory=list)
    refused: list[tuple[object, str]] = field(default_factory=list)  # (entry, why), said to the user


def approve_all(model, ids: list[int], user, approve: Callable, related: tuple[str, ...] = ()) -> BulkResult:
    """Approve the entries of ``model`` with these ids (an id that is not there any more is skipped:
    it is gone); ``related``: what the messages name (the indicator, the task)."""
    result = BulkResult()
    for entry in model.objects.filter(pk__in=ids).select_related(*related).order_by("pk"):
        try:
            with transaction.atomic():
                approve(entry, user)
        except roles.SelfApprovalRefused as exc:
            result.refused.append((entry, str(exc)))
        except ValidationError as exc:
            result.refused.append((entry, " ".join(dict.fromkeys(exc.messages))))
        else:
            result.approved.append(entry)
    return result
