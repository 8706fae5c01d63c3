"""The module paths of version 0.1 (``leninism_data.notes``, ``leninism_data.stats`` …),
kept for one release as aliases of their new homes in the layer folders.

Importing an old path returns the new module itself and warns once:

>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     from leninism_data.stats import log_likelihood
>>> log_likelihood.__module__
'leninism_data.analysis.stats'
>>> str(caught[0].message)
'leninism_data.stats moved to leninism_data.analysis.stats; the old path goes in 0.3.'
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType

#: old module path (under ``leninism_data.``) -> new one
MOVED: dict[str, str] = {
    "chapter_arg": "corpus.naming",
    "stopwords": "corpus.stopwords",
    "corpus": "corpus",
    "tables": "tables",
    "data_dictionary": "tables.data_dictionary",
    "citing": "tables.citing",
    "query": "analysis.query",
    "textsearch": "analysis.textsearch",
    "frequencies": "analysis.frequencies",
    "distinctive": "analysis.distinctive",
    "stats": "analysis.stats",
    "passages": "analysis.passages",
    "parts": "analysis.parts",
    "lemmas": "analysis.lemmas",
    "names": "analysis.names",
    "notes": "seminar.notes",
    "handouts": "seminar.handouts",
    "reading_plan": "seminar.reading_plan",
}


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, new_name: str) -> None:
        self.new_name = new_name

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        warnings.warn(
            f"{spec.name} moved to {self.new_name}; the old path goes in 0.3.",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module(self.new_name)

    def exec_module(self, module: ModuleType) -> None:
        """The new module is already executed."""


class _AliasFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        prefix, _, old = fullname.partition(".")
        if prefix != "leninism_data" or old not in MOVED or MOVED[old] == old:
            return None
        return importlib.machinery.ModuleSpec(
            fullname, _AliasLoader(f"leninism_data.{MOVED[old]}")
        )


def install() -> None:
    """Put the alias finder on ``sys.meta_path`` (once)."""
    if not any(isinstance(finder, _AliasFinder) for finder in sys.meta_path):
        sys.meta_path.append(_AliasFinder())
