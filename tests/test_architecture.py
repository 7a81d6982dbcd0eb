"""The shape of the house: imports go one way, no private names cross modules, pieces stay small.

The layers, lowest first (a module may import its own layer's modules, in a cycle-free order,
and any lower layer, even lazily inside a function, never a higher one):

    vocab, errors → words, _data, _yaml, _atomic → exercises → spline, anatomy → plans, diagrams
    → handouts → widgets → cli, __main__ → tools

The package root (``innerthigh_kit/__init__.py``) is outside the layers: it names the public
API lazily, by strings, and imports nothing of its own but the errors.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "innerthigh_kit"
LAYERS = (
    ("vocab", "limits", "errors", "_lazy"),
    ("words", "_data", "_yaml", "_atomic", "_scratch", "class_shape"),
    ("exercises",),
    ("spline", "anatomy"),
    ("plans", "diagrams"),
    ("handouts",),
    ("widgets",),
    ("cli", "__main__"),
    ("tools",),
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules() -> dict[str, Path]:
    """Dotted module name (without the package prefix) -> file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(module: str, node: ast.ImportFrom | ast.Import, path: Path) -> list[str]:
    """The package modules an import statement takes names from ('' is the package root)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names if alias.name.startswith("innerthigh_kit")]
        return [name.removeprefix("innerthigh_kit").lstrip(".") for name in names]
    if node.level == 0:
        if not (node.module or "").startswith("innerthigh_kit"):
            return []
        base = node.module.removeprefix("innerthigh_kit").lstrip(".")
    else:
        here = module.split(".") if module else []
        if path.name != "__init__.py":
            here = here[:-1]
        here = here[: len(here) - (node.level - 1)]
        base = ".".join([*here, node.module] if node.module else here)
    targets = []
    for alias in node.names:  # `from . import vocab` takes a module, `from .errors import X` a name
        submodule = f"{base}.{alias.name}".lstrip(".")
        targets.append(submodule if submodule in MODULES else base)
    return list(dict.fromkeys(targets))


def _type_only(tree: ast.Module) -> set[int]:
    """Ids of import nodes under ``if TYPE_CHECKING:``: read by type checkers, never run."""
    guarded = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            guarded |= {
                id(child) for child in ast.walk(node) if isinstance(child, (ast.Import, ast.ImportFrom))
            }
    return guarded


def _imports(module: str, *, running_only: bool = False) -> list[tuple[str, ast.ImportFrom | ast.Import]]:
    """The package modules ``module`` imports (``running_only``: leave out type-only imports)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_only(tree) if running_only else set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in skipped:
            found += [(target, node) for target in _resolve(module, node, path)]
    return found


def _layer(module: str) -> int | None:
    return RANK.get(module.split(".")[0]) if module else None


def test_every_module_has_a_layer():
    missing = sorted(m for m in MODULES if m and _layer(m) is None)
    assert not missing, f"put these modules in a layer of tests/test_architecture.py: {missing}"


def test_no_module_imports_a_higher_layer_or_the_package_root():
    upward = []
    for module in MODULES:
        if not module:
            continue
        for target, node in _imports(module):
            if target == "":
                upward.append(
                    f"{module} imports the package root (line {node.lineno}); import the module itself"
                )
            elif _layer(target) > _layer(module):
                upward.append(f"{module} imports {target} (line {node.lineno})")
    assert not upward, "imports must go one way (lower layers never import higher ones):\n" + "\n".join(
        upward
    )


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_even_through_lazy_imports():
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        graph[module] = {target for target, _ in _imports(module, running_only=True) if target != module}
    cycle = _cycle(graph)
    assert cycle is None, f"import cycle: {' -> '.join(cycle)}"


def test_a_cycle_is_found_when_there_is_one():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_private_name_is_imported_across_modules():
    private = []
    for module in MODULES:
        for target, node in _imports(module):
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    full = f"{target}.{alias.name}".lstrip(".")
                    takes_module = target == alias.name or target.endswith(f".{alias.name}")
                    if alias.name.startswith("_") and full not in MODULES and not takes_module:
                        private.append(f"{module} imports {alias.name} from {target or 'innerthigh_kit'}")
    assert not private, "\n".join(private)


def test_only_package_inits_forward_names_lazily():
    forwarding = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        has_getattr = any(isinstance(n, ast.FunctionDef) and n.name == "__getattr__" for n in tree.body)
        if has_getattr and path.name != "__init__.py":
            forwarding.append(module)
    assert not forwarding, f"module __getattr__ outside a package's public names: {forwarding}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m))
def test_modules_and_functions_stay_small(module):
    path = MODULES[module]
    text = path.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.name}: {lines} lines; split it by responsibility"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{module}: functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_the_walker_sees_relative_lazy_and_absolute_imports():
    found = {target for target, _ in _imports("plans.model")}
    assert {"vocab", "errors", "exercises", "plans.items", "plans.request"} <= found
    assert "exercises" in {target for target, _ in _imports("widgets.plan_builder")}
