"""Storing an import: a :class:`~kehoach.domain.entities.ParseResult` into the database.

``store(result, files)`` writes everything in one transaction and is idempotent:

* every row is found by its natural key (document by number, or by file name when it has
  none; agency and leader by name; indicator by key; target by (indicator, year, basis,
  scope, document); scenario value by (indicator, period, document); reported figure by
  (indicator, period, scope, document); task group by (document, code); task by (document,
  number); milestone by (task, order); project by (document, number));
* a missing row is created; an existing row is saved only when a field (or a many-to-many
  set) actually differs, so importing the same file twice writes nothing and adds no history
  row; django-simple-history keeps the earlier values of whatever changed;
* rows of an imported document that the new version no longer contains are deleted
  (the deletion is kept in the history too);
* agencies, leaders and indicators are shared by all documents: they are never deleted, an
  empty value never erases a known one, and alias lists (and monitoring agencies) grow;
* import warnings of a document are replaced by those of its latest import;
* finally, among the targets of one (indicator, year, basis, scope), the one from the
  latest-dated document is current and every other one is ``superseded_by`` it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from kehoach.apps.documents.models import Document, ImportWarning
from kehoach.apps.documents.upsert import Upsert, keep_known, sha256, to_decimal, union
from kehoach.apps.indicators.models import Indicator, ReportedFigure, ScenarioValue, Target
from kehoach.apps.indicators.supersession import update_supersession
from kehoach.apps.organisations.models import Agency, Leader
from kehoach.apps.projects.models import Project
from kehoach.apps.tasks.models import Task, TaskGroup, TaskMilestone
from kehoach.apps.tasks.services import refresh_search_text
from kehoach.domain import entities as e
from kehoach.domain.importer.metadata import reference
from kehoach.domain.text import fold

MODELS: tuple[type[models.Model], ...] = (
    Document,
    ImportWarning,
    Agency,
    Leader,
    Indicator,
    Target,
    ScenarioValue,
    ReportedFigure,
    TaskGroup,
    Task,
    TaskMilestone,
    Project,
)



class StoreError(Exception):
    """The parse result is inconsistent (e.g. a target of an unknown indicator). Nothing is stored."""


@dataclass
class ImportSummary:
    """What ``store`` did, counted per model (keys are model names such as ``"Target"``)."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    superseded: int = 0  # targets whose superseded_by changed
    documents: list[Document] = field(default_factory=list)
    findings: list[e.Finding] = field(default_factory=list)  # problems store found (duplicate keys)

    @property
    def changed(self) -> bool:
        return bool(+self.created or +self.updated or +self.deleted or self.superseded)

    def rows(self) -> list[tuple[str, int, int, int, int]]:
        """(model, created, updated, unchanged, deleted) for every model store touched, in MODELS order."""
        out = []
        for model in MODELS:
            name = model.__name__
            counts = (self.created[name], self.updated[name], self.unchanged[name], self.deleted[name])
            if any(counts):
                out.append((name, *counts))
        return out


def store(result: e.ParseResult, files: dict[str, bytes]) -> ImportSummary:
    """Store a parse result in one transaction. ``files`` maps a file name to its content (for sha256)."""
    with transaction.atomic():
        return _Store(result, files).run()


class _Store(Upsert):
    def __init__(self, result: e.ParseResult, files: dict[str, bytes]):
        self.result = result
        self.files = files
        self.summary = ImportSummary()
        self.now = timezone.now()
        self.documents: dict[str, Document] = {}  # entity key -> row
        self.agencies: dict[str, Agency] = {}
        self.leaders: dict[str, Leader] = {}
        self.indicators: dict[str, Indicator] = {}
        self.extra_warnings: dict[str, list[e.Finding]] = defaultdict(list)  # document key -> findings

    def run(self) -> ImportSummary:
        self.store_agencies()
        self.store_leaders()
        self.store_documents()
        self.link_appendices()
        self.store_indicators()
        for key, document in self.documents.items():
            self.store_targets(key, document)
            self.store_scenarios(key, document)
            self.store_figures(key, document)
            self.store_tasks(key, document)
            self.store_projects(key, document)
        for key, document in self.documents.items():
            self.store_warnings(key, document)
        self.summary.superseded = update_supersession()
        self.summary.documents = list(self.documents.values())
        return self.summary

    # -- shared entities ------------------------------------------------------------------------

    def store_agencies(self) -> None:
        given = {a.name: a for a in self.result.agencies}
        for task in self.result.tasks:
            for name in [*task.lead, *task.support]:
                given.setdefault(name, e.Agency(name=name))
        for indicator in self.result.indicators:
            for name in indicator.monitoring_agencies:
                given.setdefault(name, e.Agency(name=name))
        existing = {a.name: a for a in Agency.objects.filter(name__in=given)}
        for name, agency in given.items():
            old = existing.get(name)
            values = {
                "kind": keep_known(old, "kind", agency.kind.value),
                "short_name": agency.short_name or (old.short_name if old else ""),
                "aliases": union(old.aliases if old else [], agency.aliases),
            }
            self.agencies[name] = self.put(Agency, existing, name, {"name": name}, values)

    def store_leaders(self) -> None:
        given = {leader.name: leader for leader in self.result.leaders}
        for task in self.result.tasks:
            if task.leader:
                given.setdefault(task.leader, e.Leader(name=task.leader))
        existing = {leader.name: leader for leader in Leader.objects.filter(name__in=given)}
        for name, leader in given.items():
            old = existing.get(name)
            values = {
                "title": leader.title or (old.title if old else ""),
                "collective": leader.collective,
                "aliases": union(old.aliases if old else [], leader.aliases),
            }
            self.leaders[name] = self.put(Leader, existing, name, {"name": name}, values)

    def store_indicators(self) -> None:
        given = {i.key: i for i in self.result.indicators}
        referenced = {x.indicator for x in [*self.result.targets, *self.result.scenarios, *self.result.figures]}
        parents = {i.parent for i in given.values() if i.parent}
        existing = {i.key: i for i in Indicator.objects.filter(key__in=given.keys() | referenced | parents)}
        for key in _parents_first(given):
            indicator = given[key]
            old = existing.get(key)
            parent = None
            if indicator.parent:
                parent = existing.get(indicator.parent)
                if parent is None:
                    raise StoreError(f"indicator {key!r} names an unknown parent {indicator.parent!r}")
            elif old is not None:
                parent = old.parent
            values = {
                "name": indicator.name,
                "unit": indicator.unit,
                "kind": indicator.kind.value,
                "direction": indicator.direction.value,
                "group": keep_known(old, "group", indicator.group.value),
                "parent_id": parent.pk if parent else None,
                "publication": list(indicator.publication) or (old.publication if old else []),
                "publication_text": indicator.publication_text or (old.publication_text if old else ""),
                "lead_text": indicator.lead_text or (old.lead_text if old else ""),
                "aliases": union(old.aliases if old else [], indicator.aliases),
            }
            monitoring = {self.agencies[name].pk for name in indicator.monitoring_agencies}
            if old is not None:
                monitoring |= set(old.monitoring_agencies.values_list("pk", flat=True))
            self.put(Indicator, existing, key, {"key": key}, values, m2m={"monitoring_agencies": monitoring})
        for key in referenced:
            if key not in existing:
                raise StoreError(f"a value refers to indicator {key!r}, which is neither in the import nor stored")
        self.indicators = existing

    # -- documents ------------------------------------------------------------------------------

    def store_documents(self) -> None:
        for doc in self.result.documents:
            if doc.key in self.documents:
                raise StoreError(f"document {doc.key} is given twice")
            if doc.number:
                old = Document.objects.filter(number=doc.number).first()
            else:
                old = Document.objects.filter(number="", file_name=doc.file).first()
            content = self.files.get(doc.file)
            values = {
                "kind": doc.kind,
                "number": doc.number,
                "issuer": doc.issuer,
                "date": doc.date,
                "title": doc.title,
                "signer": doc.signer,
                "signer_title": doc.signer_title,
                "place": doc.place,
                "scope": doc.scope,
                "file_name": doc.file,
                "parent_text": doc.parent,
                "sha256": sha256(content) if content is not None else (old.sha256 if old else ""),
            }
            # imported_at says when this version arrived: it moves only when something changed.
            if old is None or any(getattr(old, attr) != value for attr, value in values.items()):
                values["imported_at"] = self.now
            existing = {doc.key: old} if old else {}
            self.documents[doc.key] = self.put(Document, existing, doc.key, {}, values)

    def link_appendices(self) -> None:
        """Link each appendix to the stored document its "Kèm theo" line names (:func:`parent_candidates`),
        when exactly one does; several: the text is kept, unlinked, with a warning. An appendix stored
        before its parent is linked when the parent arrives (here, when it is one of this import's)."""
        imported = {document.pk: key for key, document in self.documents.items()}
        waiting = Document.objects.filter(parent__isnull=True).exclude(parent_text="").exclude(pk__in=imported)
        appendices = [(k, d) for k, d in self.documents.items() if d.parent_text] + [(None, d) for d in waiting]
        for key, appendix in appendices:
            candidates = parent_candidates(appendix)
            if len(candidates) == 1:
                if appendix.parent_id != candidates[0].pk:
                    appendix.parent = candidates[0]
                    appendix.save(update_fields=["parent"])
                    if key is None:  # an appendix stored earlier, linked now that its parent arrived
                        self.summary.updated["Document"] += 1
                continue
            if key is None:
                # an appendix stored earlier: warn on the newly arrived documents it could belong to
                targets = [imported[c.pk] for c in candidates if c.pk in imported] if len(candidates) > 1 else []
                if not targets:
                    continue
            else:
                if appendix.parent_id is not None:  # its line names no single stored document (any more)
                    appendix.parent = None
                    appendix.save(update_fields=["parent"])
                if not candidates:
                    continue
                targets = [key]
            names = ", ".join(str(c) for c in candidates)
            finding = e.Finding(
                "parent-ambiguous",
                f"appendix {appendix.file_name} is attached to “{appendix.parent_text}”, which may be any of "
                f"{len(candidates)} stored documents ({names}); it is not linked",
            )
            for target in targets:
                self.extra_warnings[target].append(finding)
            self.summary.findings.append(finding)

    def document_of(self, item: Any) -> str:
        if item.document not in self.documents:
            raise StoreError(f"{type(item).__name__} refers to document {item.document!r}, which is not in the import")
        return item.document

    def of_document(self, items: Iterable, key: str) -> list:
        return [item for item in items if self.document_of(item) == key]

    # -- indicator values -----------------------------------------------------------------------

    def store_targets(self, key: str, document: Document) -> None:
        items = self.unique(
            key,
            "target",
            (((t.indicator, t.year, t.basis.value, t.scope), t) for t in self.of_document(self.result.targets, key)),
        )
        existing = {
            (t.indicator.key, t.year, t.basis, t.scope): t
            for t in Target.objects.filter(document=document).select_related("indicator")
        }
        for natural, target in items.items():
            indicator, year, basis, scope = natural
            create = {
                "indicator": self.indicators[indicator],
                "year": year,
                "basis": basis,
                "scope": scope,
                "document": document,
            }
            values = {**_value(target.value), "note": target.value.note, "source_unit": target.source_unit}
            self.put(Target, existing, natural, create, values)
        self.prune(Target, existing, items)

    def store_scenarios(self, key: str, document: Document) -> None:
        items = self.unique(
            key,
            "scenario value",
            (((s.indicator, s.period), s) for s in self.of_document(self.result.scenarios, key)),
        )
        existing = {
            (s.indicator.key, s.period): s
            for s in ScenarioValue.objects.filter(document=document).select_related("indicator")
        }
        for natural, scenario in items.items():
            indicator, period = natural
            create = {"indicator": self.indicators[indicator], "period": period, "document": document}
            values = {**_value(scenario.value), "scope": scenario.scope}
            self.put(ScenarioValue, existing, natural, create, values)
        self.prune(ScenarioValue, existing, items)

    def store_figures(self, key: str, document: Document) -> None:
        items = self.unique(
            key,
            "reported figure",
            (((f.indicator, f.period, f.scope), f) for f in self.of_document(self.result.figures, key)),
        )
        existing = {
            (f.indicator.key, f.period, f.scope): f
            for f in ReportedFigure.objects.filter(document=document).select_related("indicator")
        }
        for natural, figure in items.items():
            indicator, period, scope = natural
            create = {"indicator": self.indicators[indicator], "period": period, "scope": scope, "document": document}
            values = {**_value(figure.value), "qualifier": figure.qualifier, "source_unit": figure.source_unit}
            self.put(ReportedFigure, existing, natural, create, values)
        self.prune(ReportedFigure, existing, items)

    # -- tasks ----------------------------------------------------------------------------------

    def store_tasks(self, key: str, document: Document) -> None:
        tasks = self.unique(key, "task", ((t.number, t) for t in self.of_document(self.result.tasks, key)))
        # a group is its code and title: unnumbered groups ("Nhiệm vụ giao Bộ trưởng …") share the empty code
        groups: dict[tuple[str, str], e.TaskGroup] = {}
        for task in tasks.values():
            groups[(task.group.code, task.group.title)] = task.group
        existing_groups = {(g.code, g.title): g for g in TaskGroup.objects.filter(document=document)}
        for natural in groups:
            code, title = natural
            self.put(TaskGroup, existing_groups, natural, {"document": document, "code": code, "title": title}, {})
        existing_tasks = {t.number: t for t in Task.objects.filter(document=document)}
        stored: list[Task] = []
        for number, task in tasks.items():
            deadline = task.deadline
            recurrence = None
            if deadline.recurrence is not None:
                until = deadline.recurrence.until
                recurrence = {"every": list(deadline.recurrence.every), "until": until.isoformat() if until else None}
            values = {
                "code": task.code,
                "group_id": existing_groups[(task.group.code, task.group.title)].pk,
                "content": task.content,
                "result": task.result,
                "leader_id": self.leaders[task.leader].pk if task.leader else None,
                "lead_text": task.lead_text,
                "support_text": task.support_text,
                "leader_text": task.leader_text,
                "attributes": dict(task.attributes),
                "deadline_text": deadline.text,
                "due": deadline.due,
                "start": deadline.start,
                "recurrence": recurrence,
                "condition": deadline.condition,
                "note": deadline.note,
                "deadline_understood": deadline.understood,
            }
            m2m = {
                "lead": {self.agencies[name].pk for name in task.lead},
                "support": {self.agencies[name].pk for name in task.support},
            }
            row = self.put(Task, existing_tasks, number, {"document": document, "number": number}, values, m2m)
            self.store_milestones(row, deadline.milestones)
            stored.append(row)
        refresh_search_text(stored)
        self.prune(Task, existing_tasks, tasks)
        self.prune(TaskGroup, existing_groups, groups)

    def store_milestones(self, task: Task, milestones: list[e.Milestone]) -> None:
        existing = {m.order: m for m in task.milestones.all()} if task.pk else {}
        for order, milestone in enumerate(milestones, start=1):
            values = {"text": milestone.text, "due": milestone.due, "condition": milestone.condition}
            self.put(TaskMilestone, existing, order, {"task": task, "order": order}, values)
        self.prune(TaskMilestone, existing, range(1, len(milestones) + 1))

    # -- projects -------------------------------------------------------------------------------

    def store_projects(self, key: str, document: Document) -> None:
        projects = self.unique(key, "project", ((p.number, p) for p in self.of_document(self.result.projects, key)))
        existing = {p.number: p for p in Project.objects.filter(document=document)}
        for number, project in projects.items():
            values = {
                "name": project.name,
                "group": project.group,
                "group_title": project.group_title,
                "funding": project.funding,
                "funding_title": project.funding_title,
                "approvals": project.approvals,
                "value_million_vnd": to_decimal(project.value_million_vnd),
                "value_text": project.value_text,
                "notes": list(project.notes),
                # Amounts in JSON as decimal strings: exact, unlike JSON numbers.
                "components": [
                    {"name": name, "value_million_vnd": str(to_decimal(value)) if value is not None else None}
                    for name, value in project.components
                ],
            }
            self.put(Project, existing, number, {"document": document, "number": number}, values)
        self.prune(Project, existing, projects)

    # -- warnings -------------------------------------------------------------------------------

    def store_warnings(self, key: str, document: Document) -> None:
        """Replace the document's warnings by this import's, keeping rows that are identical."""
        files = {d.file_name: k for k, d in self.documents.items()}
        wanted = [w for w in self.result.warnings if _belongs(w, key, files)] + self.extra_warnings[key]
        pool: dict[tuple, list[ImportWarning]] = defaultdict(list)
        for row in ImportWarning.objects.filter(document=document).order_by("id"):
            pool[(row.code, row.message, row.line, row.column)].append(row)
        for finding in wanted:
            location = finding.location
            natural = (
                finding.code,
                finding.message,
                location.line if location else None,
                location.column if location else None,
            )
            if pool[natural]:
                pool[natural].pop(0)
                self.summary.unchanged["ImportWarning"] += 1
                continue
            code, message, line, column = natural
            ImportWarning.objects.create(document=document, code=code, message=message, line=line, column=column)
            self.summary.created["ImportWarning"] += 1
        stale = [row for rows in pool.values() for row in rows]
        for row in stale:
            row.delete()
        self.summary.deleted["ImportWarning"] += len(stale)


def parent_candidates(appendix: Document) -> list[Document]:
    """The stored documents an appendix's "Kèm theo" line may name: of its kind, with its number and, when
    written, of its year; when the number is left blank ("Nghị quyết số  /NQ-CP"), those whose number ends
    with the symbol and, when written, of its date (else of its year)."""
    ref = reference(appendix.parent_text)
    if ref is None:
        return []
    found = Document.objects.exclude(pk=appendix.pk)
    if ref.blank:
        found = found.filter(number__endswith=ref.number)
        found = found.filter(date=ref.date) if ref.date else found
    else:
        found = found.filter(number=ref.number)
    if ref.year:
        found = found.filter(date__year=ref.year)
    return [d for d in found.order_by("pk") if fold(d.kind) == fold(ref.kind)]


def _belongs(finding: e.Finding, key: str, files: dict[str, str]) -> bool:
    """A warning belongs to the document of its file; one without a known file to every document imported."""
    if finding.location is not None and finding.location.file in files:
        return files[finding.location.file] == key
    return True


def _value(value: e.Value) -> dict[str, Any]:
    return {
        "comparator": value.comparator.value,
        "low": to_decimal(value.low),
        "high": to_decimal(value.high),
        "text": value.text,
    }


def _parents_first(indicators: dict[str, e.Indicator]) -> list[str]:
    """Indicator keys ordered so that a parent given in the same import is stored before its children."""
    ordered: list[str] = []
    placed: set[str] = set()

    def place(key: str, trail: tuple[str, ...]) -> None:
        if key in placed:
            return
        if key in trail:
            raise StoreError(f"indicator {key!r} is its own ancestor")
        parent = indicators[key].parent
        if parent in indicators:
            place(parent, (*trail, key))
        placed.add(key)
        ordered.append(key)

    for key in indicators:
        place(key, ())
    return ordered
