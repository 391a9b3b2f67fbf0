"""API: the imported documents (Văn bản), for Sở Tài chính as on /documents/ (``roles.is_finance``)."""


from datetime import date, datetime
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import FilterLookup, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from kehoach.apps.accounts import roles
from kehoach.apps.api.common import Id, Text
from kehoach.apps.api.errors import ERRORS
from kehoach.apps.api.pagination import Pages
from kehoach.apps.documents.models import Document

router = Router(tags=["documents"])


class DocumentOut(Schema):
    id: int
    kind: str
    number: str
    issuer: str
    date: date | None
    title: str
    signer: str
    signer_title: str
    place: str
    scope: str
    file_name: str
    imported_at: datetime


class DocumentFilter(FilterSchema):
    kind: Annotated[Text | None, FilterLookup("kind__iexact")] = None
    number: Annotated[Text | None, FilterLookup("number__iexact")] = None
    q: Annotated[Text | None, FilterLookup(["number__icontains", "title__icontains", "issuer__icontains"])] = None


@router.get("", response={200: list[DocumentOut], **ERRORS}, summary="List documents")
@paginate(Pages)
def list_documents(request, filters: Query[DocumentFilter]):
    roles.require(roles.is_finance(request.user))
    return filters.filter(Document.objects.order_by("-date", "pk"))


@router.get("{int:document_id}", response={200: DocumentOut, **ERRORS}, summary="One document")
def get_document(request, document_id: Id):
    roles.require(roles.is_finance(request.user))
    return get_object_or_404(Document, pk=document_id)
