"""Who made a change outside a web request: the command and the operating-system user.

A command that writes wraps its work in ``attributed("kehoach import")``; every history record
created inside gets ``history_change_reason`` = "kehoach import (OS user: NAME)" (simple-history's
own field, shown on the Lịch sử pages). A change made through the web has ``history_user`` instead
(simple-history's HistoryRequestMiddleware).
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_reason: ContextVar[str | None] = ContextVar("kehoach_history_reason", default=None)


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "?"


@contextmanager
def attributed(command: str) -> Iterator[str]:
    """Mark every change made inside the block as made by ``command``, run by the OS user."""
    reason = f"{command} (OS user: {os_user()})"
    token = _reason.set(reason)
    try:
        yield reason
    finally:
        _reason.reset(token)


def current_reason() -> str | None:
    """The attribution of the running command (None outside ``attributed``): for history rows made
    in bulk, which send no ``pre_create_historical_record``."""
    return _reason.get()


def mark_history_record(sender, history_instance, **kwargs) -> None:
    """simple-history's ``pre_create_historical_record``: the running command, when there is one."""
    reason = _reason.get()
    if reason and not history_instance.history_change_reason:
        history_instance.history_change_reason = reason[:100]
