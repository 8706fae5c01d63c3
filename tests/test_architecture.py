"""The package's layers, checked from its imports.

Each layer folder imports only from the folders below it (``corpus`` → ``tables`` →
``analysis`` → ``seminar`` → ``widgets``; ``cli`` and ``classroom`` sit on top), and never
a private name (``_x``) of a module in another folder. The public API is one mapping.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import leninism_data as ld

PACKAGE = Path(ld.__file__).parent
#: layer folder -> rank; a module may import from its own rank or below
LAYERS = {"corpus": 0, "tables": 1, "analysis": 2, "seminar": 3, "widgets": 4}
#: the public facade (`import leninism_data as ld`) re-exports the layers up to seminar:
#: only widgets and the top (cli, classroom) may use it
TOP = 5  # cli.py, __main__.py, classroom/: may import anything public


def _folder(module: str) -> str:
    """The layer folder of a module ("analysis" for leninism_data.analysis.kwic), or ""."""
    parts = module.split(".")
    if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS):
        return parts[1]
    return ""


def _rank(module: str) -> int:
    if module == "leninism_data":
        return LAYERS["widgets"]
    return LAYERS.get(_folder(module), TOP)


def _is_module(dotted: str) -> bool:
    path = PACKAGE.parent.joinpath(*dotted.split("."))
    return path.is_dir() or path.with_suffix(".py").exists()


def _imports() -> list[tuple[str, str, list[str], int]]:
    """(importing module, imported module, imported names, line) for the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(rel.parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.level:  # relative import: resolve against the package of `module`
                    base = (
                        module.split(".")[: -node.level]
                        if path.name != "__init__.py"
                        else module.split(".")[: len(module.split(".")) - node.level + 1]
                    )
                    target = ".".join([*base, node.module])
                else:
                    target = node.module
                names = [alias.name for alias in node.names]
                subpackages = [n for n in names if _is_module(f"{target}.{n}")]
                for name in subpackages:  # `from leninism_data import tables`
                    found.append((module, f"{target}.{name}", [], node.lineno))
                if len(subpackages) < len(names):
                    found.append((module, target, names, node.lineno))
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    found.append((module, alias.name, [], node.lineno))
    return [row for row in found if row[1].startswith("leninism_data")]


def test_no_layer_imports_from_a_layer_above_it():
    upward = [
        f"{module}:{line} imports {target}"
        for module, target, _, line in _imports()
        if _folder(module) in LAYERS and _rank(target) > _rank(module)
    ]
    assert upward == []


def test_widgets_read_the_tables_not_the_parser():
    """Widgets show what the public tables hold (footnote markers and page breaks are
    columns of ``paragraphs()``); the parser's records stay below the widgets."""
    parser = ("leninism_data.corpus.book", "leninism_data.corpus.structure")
    readers = {
        f"{module}:{line}"
        for module, target, _, line in _imports()
        if target.startswith(parser) and _folder(module) == "widgets"
    }
    assert readers == set()


def test_no_private_name_is_imported_across_folders():
    crossings = []
    for module, target, names, line in _imports():
        if _folder(module) == _folder(target) or target == "leninism_data":
            continue
        private_module = any(part.startswith("_") for part in target.split(".")[1:])
        private_names = [name for name in names if name.startswith("_")]
        if private_module or private_names:
            crossings.append(f"{module}:{line} imports {target} {private_names}")
    assert crossings == []


def test_the_public_api_is_one_mapping():
    source = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    type_checking = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
    )
    eager = {
        alias.name: node.module.removeprefix("leninism_data.")
        for node in type_checking.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }
    assert eager == ld._EXPORTS
    assert sorted(ld.__all__) == sorted(ld._EXPORTS)
    assert set(ld.__all__) <= set(dir(ld))


@pytest.mark.parametrize("name", sorted(ld._EXPORTS))
def test_every_public_name_resolves_to_its_module(name):
    module = importlib.import_module(f"leninism_data.{ld._EXPORTS[name]}")
    assert getattr(ld, name) is getattr(module, name)


def test_the_top_level_holds_few_modules():
    modules = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(modules) <= 8, modules
