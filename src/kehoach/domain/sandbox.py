"""Run a parser in a child process with a memory and a CPU-time limit.

A web upload is parsed by ``run_limited(function, *args)``: a forked child sets ``RLIMIT_AS``
(its address space may grow by at most the limit) and ``RLIMIT_CPU`` on itself, runs the function and sends its result (or the
exception it raised) back through a pipe. A child that runs out of memory or time ends; the
caller gets ``LimitExceeded`` and the server process is untouched. The function must not use the
database (the child is a fork of the server): pass it bytes, get back plain data.

``KEHOACH_PARSE_MEMORY_MB`` (default 512) and ``KEHOACH_PARSE_CPU_SECONDS`` (default 30) set the limits.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections.abc import Callable


class LimitExceeded(Exception):
    """The child used more memory or CPU time than allowed, or died."""


def _limits() -> tuple[int, int]:
    memory = int(float(os.environ.get("KEHOACH_PARSE_MEMORY_MB", "") or 512) * 1024 * 1024)
    cpu = int(float(os.environ.get("KEHOACH_PARSE_CPU_SECONDS", "") or 30))
    return memory, cpu


def _address_space() -> int:
    """The process's virtual memory size now (Linux: /proc/self/statm), 0 when unknown."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _child(connection, function, args, memory: int, cpu: int) -> None:
    try:
        current = resource.getrusage(resource.RUSAGE_SELF)
        used = int(current.ru_utime + current.ru_stime) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (used + cpu, used + cpu + 1))
        ceiling = _address_space() + memory  # the fork starts with the server's own address space
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
        try:
            connection.send(("ok", function(*args)))
        except MemoryError:
            connection.send(("limit", "memory"))
        except Exception as exc:  # the parser's own refusal, given back to the caller
            connection.send(("error", exc))
    finally:
        connection.close()
        os._exit(0)


def run_limited(function: Callable, *args, memory: int | None = None, cpu: int | None = None):
    """``function(*args)`` in a child process with the limits; its result, or its exception raised here."""
    default_memory, default_cpu = _limits()
    memory, cpu = memory or default_memory, cpu or default_cpu
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sending, function, args, memory, cpu), daemon=True)
    child.start()
    sending.close()
    try:
        kind, value = receiving.recv()
    except EOFError:
        kind, value = "limit", "time or memory"
    finally:
        receiving.close()
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()
    if kind == "ok":
        return value
    if kind == "error":
        raise value
    raise LimitExceeded(value)
