"""What the parsers of one import share: the document being read and the directories being built."""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.domain.entities import Document, Finding, Location
from kehoach.domain.importer.document import DocumentModel
from kehoach.domain.indicators import IndicatorRegistry
from kehoach.domain.names import AgencyDirectory, LeaderDirectory


@dataclass
class Directories:
    """Built across all files of one import, so that every file resolves to the same entries."""

    agencies: AgencyDirectory = field(default_factory=AgencyDirectory)
    leaders: LeaderDirectory = field(default_factory=LeaderDirectory)
    indicators: IndicatorRegistry = field(default_factory=IndicatorRegistry)


@dataclass
class Context:
    source: DocumentModel
    document: Document
    directories: Directories
    warnings: list[Finding]
    read: set[int] = field(default_factory=set)  # the table rows (by line) a parser has read
    extra_columns: list = field(default_factory=list)  # of the task table being read: kept as task attributes
    kinds: dict[int, str] = field(default_factory=dict)  # row line -> what a parser took it as (task, group...)

    def took(self, row, kind: str) -> None:
        """A parser read this row as `kind` (task, group, continuation, header); lines joined into it are
        continuations."""
        lines = row.lines or [row.line]
        self.read.update(lines)
        self.kinds.setdefault(lines[0], kind)
        for line in lines[1:]:
            self.kinds.setdefault(line, "continuation")

    def warn(self, code: str, message: str, line: int | None = None, column: int | None = None) -> None:
        location = Location(self.source.name, line, column) if line else None
        self.warnings.append(Finding(code, message, location))

    def at(self, line: int, column: int | None = None) -> Location:
        return Location(self.source.name, line, column)
