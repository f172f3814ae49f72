"""The house by concern: every module of ``dpia`` has one home on one floor, and imports point down.

The floors, from the bottom (``docs`` of the package map in the README):

0. ``dpia.i18n`` — the message catalogue and formatting for the reader's language;
1. ``dpia.model`` — the register's model, names for people, the law tables;
2. ``dpia.io`` and ``dpia.settings`` — reading and writing files, which register/DPIA/date;
3. ``dpia.analysis`` — tables, graph, scope, screening, risk, breach and the other analyses;
4. ``dpia.rules`` — the compliance rules;
5. ``dpia.check`` — running the rules, the incremental check;
6. ``dpia.diff`` — comparing two versions of a register (findings included);
7. ``dpia.documents`` — what people read (report, letter, statement, figures, PDF);
8. ``dpia.workbench`` — the notebooks' widgets and forms;
9. ``dpia.cli`` — the ``dpia`` command.

Every import counts, at module level and inside functions: a lower floor never imports a higher one,
two modules never import each other (directly or through others), and no module imports another's
private name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "dpia"

FLOORS = {
    "dpia.i18n": 0,
    "dpia.model": 1,
    "dpia.io": 2,
    "dpia.settings": 2,
    "dpia.analysis": 3,
    "dpia.rules": 4,
    "dpia.check": 5,
    "dpia.diff": 6,
    "dpia.documents": 7,
    "dpia.workbench": 8,
    "dpia.cli": 9,
}
MAX_TOP_LEVEL_MODULES = 12


def modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = path
    return out


def floor_of(module: str) -> int:
    for prefix in sorted(FLOORS, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return FLOORS[prefix]
    raise KeyError(module)


def imports_of(module: str, path: Path, known: dict[str, Path]) -> list[tuple[str, int, list[str]]]:
    """(imported dpia module, line, names imported from it) for every import in the file, at any depth."""
    base = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = base.split(".")
                target = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target != "dpia" and not target.startswith("dpia."):
                continue
            plain = []
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in known:  # a module imported by name: `from dpia.io import store`
                    found.append((sub, node.lineno, []))
                else:
                    plain.append(alias.name)
            if plain and target in known:
                found.append((target, node.lineno, plain))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.name
                while name and name not in known:
                    name = name.rpartition(".")[0]
                if name:
                    found.append((name, node.lineno, []))
    return found


def import_graph() -> dict[str, list[tuple[str, int, list[str]]]]:
    known = modules()
    return {m: [i for i in imports_of(m, p, known) if i[0] != m] for m, p in known.items()}


def test_every_module_has_a_floor() -> None:
    for module in modules():
        if module == "dpia":
            continue
        floor_of(module)  # raises for a module outside the house plan


def test_imports_point_down_only() -> None:
    wrong = []
    for module, found in import_graph().items():
        if module == "dpia":  # the package's lazy names (``dpia.load``) reach its floors on use
            continue
        for target, line, _names in found:
            if target == "dpia" or module.startswith(target + "."):
                continue
            if floor_of(target) > floor_of(module):
                wrong.append(f"{module}:{line} imports {target} (floor {floor_of(target)} above {floor_of(module)})")
    assert wrong == []


def test_no_import_circles() -> None:
    # A module that imports from its own package's ``__init__`` counts too: the package imports the
    # module while it is itself half-initialised (``dpia.rules.base`` taking ``load_all`` from ``dpia.rules``).
    graph = {m: {t for t, _l, _n in found if t != "dpia"} for m, found in import_graph().items() if m != "dpia"}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert circles == []


def test_no_private_name_crosses_a_module_line() -> None:
    crossing = [f"{module}:{line} takes {names} from {target}"
                for module, found in import_graph().items()
                for target, line, names in found
                if [n for n in names if n.startswith("_")]]
    assert crossing == []


def test_few_modules_directly_under_the_package() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


@pytest.mark.parametrize("planted", ["circle", "upward", "private"])
def test_the_checks_catch_what_they_are_for(planted: str, tmp_path: Path) -> None:
    """The walker sees imports inside functions too (a circle dodged by a late import is a circle)."""
    known = {"dpia.model.a": tmp_path / "a.py", "dpia.io.b": tmp_path / "b.py"}
    known["dpia.model.a"].write_text("def f():\n    from dpia.io.b import _g\n")
    known["dpia.io.b"].write_text("from dpia.model.a import f\n")
    a = imports_of("dpia.model.a", known["dpia.model.a"], known)
    b = imports_of("dpia.io.b", known["dpia.io.b"], known)
    if planted == "circle":
        assert a[0][0] == "dpia.io.b" and b[0][0] == "dpia.model.a"
    elif planted == "upward":
        assert floor_of(a[0][0]) > floor_of("dpia.model.a")
    else:
        assert a[0][2] == ["_g"]


def test_files_reach_the_disk_through_one_module() -> None:
    """One writer: only dpia/io/files.py renames a file into place (``os.replace``/``os.rename``),
    opens one for writing or writes it whole (``Path.write_text``/``write_bytes``), so its guards and
    its all-or-nothing apply to every file the tool writes."""
    writer = PACKAGE / "io" / "files.py"
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == writer:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            name = node.func.attr
            base = node.func.value
            if name in ("replace", "rename") and isinstance(base, ast.Name) and base.id in ("os", "shutil"):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} os.{name}")
            elif name in ("write_text", "write_bytes", "move"):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} .{name}")
            elif name == "open" and any(isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value[:1] in "wax"
                                        for a in node.args[:1]):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} .open({node.args[0].value!r})")
    assert found == []
