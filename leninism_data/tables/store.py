"""A disk cache of the built tables, so a fresh Python process need not parse the book.

Parsing the source and building every table takes a few hundred milliseconds; loading
them from a pickle takes a few tens. The cache lives in a user cache directory and is
keyed by the sha256 of everything the tables are built from: the shipped source text and
stopword list and the code of the parser and of the table builder (which a new version of
the package changes whenever it changes the tables; asking the installed metadata for the
version number alone would take longer than loading the cache). Any change to one of them
gives a new key, so a stale cache is never read.

Where
    ``$LENINISM_DATA_CACHE`` if set, else ``$XDG_CACHE_HOME/leninism_data``, else
    ``~/.cache/leninism_data``. Set ``LENINISM_DATA_CACHE=off`` to build in memory only.
Safety
    Files are written atomically (a temporary file, then a rename). A cache that cannot be
    read or written is ignored: the tables are then built from the source, as without it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

DISABLED = ("off", "0", "no", "false")


def cache_dir() -> Path | None:
    """The cache directory, or None if caching is turned off.

    >>> os.environ["LENINISM_DATA_CACHE"] = "off"; cache_dir() is None
    True
    >>> del os.environ["LENINISM_DATA_CACHE"]
    """
    chosen = os.environ.get("LENINISM_DATA_CACHE")
    if chosen is not None:
        return None if chosen.strip().lower() in DISABLED else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "leninism_data"


def source_key() -> str:
    """sha256 of the inputs of the tables: the data files and the code that builds them."""
    package = files("leninism_data")
    digest = hashlib.sha256(str(pickle.HIGHEST_PROTOCOL).encode())
    inputs = [
        package / "data" / "foundations_of_leninism.txt",
        package / "data" / "stopwords_en.txt",
    ]
    inputs += sorted((package / "corpus").iterdir(), key=lambda p: p.name)
    inputs += [package / "tables" / "build.py", package / "tables" / "store.py"]
    for resource in inputs:
        if resource.name.endswith((".py", ".txt")):
            digest.update(resource.name.encode())
            digest.update(resource.read_bytes())
    return digest.hexdigest()


def load_or_build(name: str, build: Callable[[], Any]) -> Any:
    """The object stored under ``name`` for the current :func:`source_key`, or ``build()``
    (then stored for the next process)."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{name}-{source_key()[:32]}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    built = build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, delete=False, suffix=".tmp") as out:
            pickle.dump(built, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)
    except OSError:
        pass
    return built
