"""The packages of kehoach import each other in one direction: no cycle between the apps
(``kehoach.apps.*``), the shared pages (``kehoach.web``) and the project (``kehoach.site``).

The graph is built from the source with ``ast``: every ``import`` and ``from … import``, at the top
of a module or inside a function, class or ``if``. An import listed in the layers contract's
``ignore_imports`` (pyproject.toml, the one list of imports still going the wrong way, each with
why) is left out; every other import counts. ``lint-imports`` (.ci/run) checks the layers
themselves; this test also catches a cycle between two packages of the same layer.
"""

from __future__ import annotations

import ast
import tomllib
import warnings
from collections import defaultdict
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src"


def allowed_imports() -> list[tuple[str, str]]:
    """The layers contract's ``ignore_imports``: (importer, imported) module patterns."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers")
    pairs = []
    for line in contract.get("ignore_imports", []):
        importer, imported = (part.strip() for part in line.split("->"))
        pairs.append((importer, imported))
    return pairs


def package_of(module: str) -> str | None:
    """The graph's node of a module: ``kehoach.apps.<name>`` (an app, or a bottom-layer module such
    as ``kehoach.apps.locking``), ``kehoach.web`` or ``kehoach.site``; None outside them."""
    parts = module.split(".")
    if parts[:2] == ["kehoach", "apps"] and len(parts) >= 3:
        return ".".join(parts[:3])
    if parts[:2] in (["kehoach", "web"], ["kehoach", "site"]):
        return ".".join(parts[:2])
    return None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, module: str) -> list[tuple[str, int]]:
    """Every module ``path`` imports, anywhere in it, with the line (relative imports resolved)."""
    found = []
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found += [(submodule_or_module(target, alias.name), node.lineno) for alias in node.names]
    return found


def submodule_or_module(module: str, name: str) -> str:
    """What ``from MODULE import NAME`` imports: the submodule MODULE.NAME when there is one
    (``from kehoach.apps import locking``), else MODULE (a class or function of it)."""
    candidate = SOURCE.joinpath(*f"{module}.{name}".split("."))
    if candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file():
        return f"{module}.{name}"
    return module


def is_allowed(importer: str, imported: str, allowed: list[tuple[str, str]]) -> bool:
    def matches(pattern: str, name: str) -> bool:  # import-linter's wildcards: * one part, ** any
        return fnmatchcase(name, pattern.replace("**", "*"))

    return any(matches(a, importer) and matches(b, imported) for a, b in allowed)


def import_graph(allowed: list[tuple[str, str]]) -> dict[str, dict[str, list[str]]]:
    """package → imported package → the places ("path:line") of the imports that make the edge."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted((SOURCE / "kehoach").rglob("*.py")):
        module = module_name(path)
        source = package_of(module)
        if source is None:
            continue
        for imported, line in imported_modules(path, module):
            target = package_of(imported)
            if target is None or target == source or is_allowed(module, imported, allowed):
                continue
            graph[source][target].append(f"{path.relative_to(ROOT)}:{line}")
    return graph


def cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """The strongly connected components of more than one package (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(set(graph) | {t for targets in graph.values() for t in targets}):
        if node not in index:
            visit(node)
    return found


def describe(component: list[str], graph) -> str:
    members = set(component)
    lines = [" ↔ ".join(component)]
    for source in component:
        for target, places in sorted(graph[source].items()):
            if target in members:
                places = list(dict.fromkeys(places))
                lines.append(f"  {source} → {target}: {', '.join(places[:3])}{' …' if len(places) > 3 else ''}")
    return "\n".join(lines)


def test_the_packages_import_each_other_without_a_cycle():
    graph = import_graph(allowed_imports())
    found = cycles(graph)
    assert not found, "import cycles between packages:\n" + "\n".join(describe(c, graph) for c in found)


def test_every_allowed_wrong_way_import_still_exists():
    """An import the contract allows that a module no longer makes is taken off the list; an entry
    whose module is gone (dissolved by another change) only warns, so that the change can land."""
    made, modules = set(), set()
    for path in (SOURCE / "kehoach").rglob("*.py"):
        module = module_name(path)
        modules.add(module)
        made |= {(module, imported) for imported, _line in imported_modules(path, module)}
    stale = [(a, b) for a, b in allowed_imports()
             if not any(is_allowed(importer, imported, [(a, b)]) for importer, imported in made)]
    gone = [f"{a} -> {b}" for a, b in stale if not any(is_allowed(m, b, [(a, b)]) for m in modules)]
    if gone:
        warnings.warn("ignore_imports lists imports of modules that are gone: " + "; ".join(gone), stacklevel=1)
    unmade = [f"{a} -> {b}" for a, b in stale if f"{a} -> {b}" not in gone]
    assert not unmade, "ignore_imports lists imports no module makes any more:\n" + "\n".join(unmade)


def test_the_check_finds_a_cycle_and_names_it():
    graph = {"kehoach.apps.a": {"kehoach.apps.b": ["a.py:3"]},
             "kehoach.apps.b": {"kehoach.apps.c": ["b.py:5"]},
             "kehoach.apps.c": {"kehoach.apps.a": ["c.py:7"]},
             "kehoach.apps.d": {"kehoach.apps.a": ["d.py:1"]}}
    found = cycles(graph)
    assert found == [["kehoach.apps.a", "kehoach.apps.b", "kehoach.apps.c"]]
    assert "kehoach.apps.c → kehoach.apps.a: c.py:7" in describe(found[0], graph)


def test_an_import_inside_a_function_counts(tmp_path):
    module = tmp_path / "views.py"
    module.write_text("def page():\n    from kehoach.apps.assessment.evaluate import current_assessment\n")
    assert ("kehoach.apps.assessment.evaluate", 2) in imported_modules(module, "kehoach.apps.x.views")


def test_every_app_has_its_place_in_the_layers():
    """A new app (or bottom-layer module) is placed in the layers contract, so lint-imports checks it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers")
    placed = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
    apps = SOURCE / "kehoach" / "apps"
    packages = {f"kehoach.apps.{p.name}" for p in apps.iterdir() if (p / "__init__.py").is_file()}
    modules = {f"kehoach.apps.{p.stem}" for p in apps.glob("*.py") if p.name != "__init__.py"}
    assert sorted((packages | modules | {"kehoach.web", "kehoach.site"}) - placed) == []
