"""What goes wrong while importing: a failure stops the import, a finding is a warning."""

from __future__ import annotations

from kehoach.domain.entities import Location


class ImportFailure(Exception):
    """The file cannot be imported: names the place and what was expected. Nothing is stored."""

    def __init__(self, message: str, location: Location | None = None, expected: str = ""):
        self.message = message
        self.location = location
        self.expected = expected
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        tail = f" (expected {self.expected})" if self.expected else ""
        return f"{where}{self.message}{tail}"
