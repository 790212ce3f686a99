"""No import circle in the `cleaner` package.

A circle (a imports b, b imports a) makes the import order decide what works: the
module imported second sees a half-built first one, and a newcomer cannot read the
layout bottom-up. The graph is read from the source with `ast`, so imports inside
functions (the lazy ones) count as much as those at the top of a module; those under
`if TYPE_CHECKING:` (annotations only, never run) do not.

Edges: `import cleaner.x.y` -> cleaner.x.y; `from cleaner.x import y` -> cleaner.x.y
when that is a module, else cleaner.x; a package's `__init__` stands for the package.
Importing a module also runs its parent packages' `__init__`, but those implicit edges
are left out: every module would then depend on `cleaner`, which imports the API.
"""
from __future__ import annotations

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "cleaner"


def module_names() -> dict[str, pathlib.Path]:
    """Dotted name -> file, for every module of the package (`__init__` = the package)."""
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str | None:
    """The module a `from ... import` names, relative imports resolved."""
    if not node.level:
        return node.module
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _runtime_nodes(tree: ast.AST):
    """Every node, except those under `if TYPE_CHECKING:` (imports for annotations only,
    never run)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def imports_of(module: str, path: pathlib.Path, known: set[str]) -> set[str]:
    """The package modules `module` imports, anywhere in its file."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    found.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node, module, path.name == "__init__.py")
            if source is None or not (source == "cleaner" or source.startswith("cleaner.")):
                continue
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                found.add(sub if sub in known else source)
    found.discard(module)
    return {name for name in found if name in known}


def import_graph() -> dict[str, set[str]]:
    names = module_names()
    known = set(names)
    return {name: imports_of(name, path, known)
            for name, path in names.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle as [a, b, ..., a], or None (iterative depth-first search)."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(graph, WHITE)
    for start in sorted(graph):
        if colour[start] != WHITE:
            continue
        colour[start] = GREY
        path = [start]
        stack = [iter(sorted(graph[start]))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                colour[path.pop()] = BLACK
                stack.pop()
            elif colour[nxt] == GREY:
                return path[path.index(nxt):] + [nxt]
            elif colour[nxt] == WHITE:
                colour[nxt] = GREY
                path.append(nxt)
                stack.append(iter(sorted(graph[nxt])))
    return None


def test_the_package_has_no_import_circle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle)


def test_the_graph_sees_lazy_and_relative_imports(tmp_path):
    """The reader itself: a function-level import and a relative one are edges."""
    src = tmp_path / "m.py"
    src.write_text("def f():\n    from cleaner.cli import exits\n    from . import output\n"
                   "import cleaner.api\nfrom cleaner.api import Cleaner\n", encoding="utf-8")
    known = {"cleaner", "cleaner.api", "cleaner.cli", "cleaner.cli.exits", "cleaner.cli.output",
             "cleaner.cli.main"}
    assert imports_of("cleaner.cli.main", src, known) == {"cleaner.cli.exits", "cleaner.cli.output",
                                                          "cleaner.api"}
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
