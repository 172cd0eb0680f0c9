"""Import cycles among crimegraph's modules, and imports that break the layers.

    .venv/bin/python scripts/import_cycles.py

Reads every module's AST (top-level and function-level imports alike, `if TYPE_CHECKING` too) and prints each
cycle (a strongly connected component of more than one module) and each import from crimegraph.store into
resolve, analyse or serve. Exits with status 1 when it finds any.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "crimegraph"
FORBIDDEN = {"crimegraph.store": ("crimegraph.resolve", "crimegraph.analyse", "crimegraph.serve")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, name: str, known: set[str]) -> set[str]:
    """The crimegraph modules a module imports (a `from package import module` counts as the module)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                kept = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*kept, base] if base else kept)
            modules = {f"{base}.{alias.name}" for alias in node.names} & known
            found.update(modules)
            if len(modules) < len(node.names):  # names defined in the package itself, not only its modules
                found.add(base)
    return {m for m in found if m in known and m != name}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def main() -> int:
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    known = set(paths)
    graph = {name: imported(path, name, known) for name, path in paths.items()}
    problems = 0
    for component in cycles(graph):
        problems += 1
        print("cycle: " + " <-> ".join(component))
    for layer, above in FORBIDDEN.items():
        for name in sorted(graph):
            if name.startswith(layer):
                for target in sorted(graph[name]):
                    if target.startswith(above):
                        problems += 1
                        print(f"layer: {name} imports {target}")
    print(f"{len(graph)} modules, {sum(len(v) for v in graph.values())} imports, {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
