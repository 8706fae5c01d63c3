"""The ``leninism-study`` command: open the study, copy the notebooks, export the data.

Four sub-commands, each with its own ``--help``:

``lab [DIR]``
    Copy a fresh set of the notebooks into DIR (unless DIR already exists: a
    student's work is never overwritten) and open JupyterLab there, on
    00-start-here.ipynb.
``notebooks DIR``
    Only copy the notebooks, e.g. for a teacher preparing a class.
``export DIR [--format csv|parquet|json] [--tables NAME ...] [--excel] [--force]``
    Write every table of the book, with a data dictionary and a README stating the
    edition, licence, source checksum and package version, for use elsewhere.
``app [explorer|concordance|compare|reader|NOTEBOOK.ipynb] [--large]``
    Serve one widget (or a notebook of your own) as a Voilà web page with no code
    cells, for projection in a classroom (``--large``: large type).

Problems a user can fix (a folder that exists, a port in use, a table name
mistyped, JupyterLab missing, an altered data file, a folder that cannot be read or
written) are reported as one line starting with ``leninism-study: error:`` and exit
status 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import errno
import importlib
import importlib.metadata
import importlib.resources
import importlib.util
import json
import os
import secrets
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

PROG = "leninism-study"
DEFAULT_LAB_DIR = "leninism-study-notebooks"
START_NOTEBOOK = "00-start-here.ipynb"
LOOPBACK = "127.0.0.1"
FORMATS = ("csv", "parquet", "json")
#: Files and folders that Jupyter or Python leave beside notebooks; never copied.
IGNORED_NAMES = (".ipynb_checkpoints", "__pycache__", "*.pyc")
#: Separator for the items of a list-valued cell (e.g. a paragraph's footnotes) in CSV.
CSV_LIST_SEPARATOR = ";"
#: Text encodings offered for CSV and JSON exports; utf-8-sig (with a byte order mark)
#: makes Excel on Windows read the book's curly quotes and dashes correctly.
ENCODINGS = ("utf-8", "utf-8-sig")
README_NAME = "README.md"
EDITION = (
    "J. V. Stalin, *The Foundations of Leninism*, Foreign Languages Press, Paris, 2020, "
    "ISBN 978-2-491182-16-8, reprinting the edition of the Foreign Languages Press, "
    "Peking, 1970"
)
LICENCE = (
    "The text is licensed under Creative Commons Attribution-ShareAlike 4.0 International "
    "(CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/): you may share and "
    "adapt it, giving credit to the edition above and sharing what you make under the "
    "same licence."
)


class UserError(Exception):
    """A problem the user can fix; ``main`` prints it as one line, without a traceback."""


# --------------------------------------------------------------------------- notebooks


def notebooks_source() -> Path:
    """Return the folder holding the notebooks that ship with this installation.

    An installed wheel carries them as package data (``leninism_data/notebooks``); an
    editable install from a checkout uses the top-level ``notebooks/`` folder. A folder
    that does not exist holds no notebooks (a checkout before any were written).
    """
    packaged = Path(str(importlib.resources.files("leninism_data") / "notebooks"))
    checkout = Path(__file__).resolve().parent.parent
    if not packaged.is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout / "notebooks"
    return packaged


def copy_notebooks(dest: Path, source: Path | None = None) -> list[Path]:
    """Copy the notebooks into ``dest``, which must not exist or be an empty folder.

    Parameters
    ----------
    dest
        The folder to create.
    source
        Where to copy from; by default :func:`notebooks_source`.

    Returns
    -------
    list of Path
        The copied files, relative to ``dest``, sorted.

    Raises
    ------
    UserError
        If ``dest`` holds anything already (nothing is overwritten) or cannot be written.
    """
    source = notebooks_source() if source is None else source
    if dest.exists() and not (dest.is_dir() and not any(dest.iterdir())):
        raise UserError(
            f"{dest} already exists and is not an empty folder; nothing was copied "
            "(choose a new folder name, or delete that folder yourself)"
        )
    try:
        if source.is_dir():
            shutil.copytree(
                source, dest, ignore=shutil.ignore_patterns(*IGNORED_NAMES), dirs_exist_ok=True
            )
        else:
            dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot copy the notebooks into {dest}: {_reason(exc)}") from exc
    return sorted(p.relative_to(dest) for p in dest.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- export


def resolve_table_names(requested: Sequence[str] | None, known: Sequence[str]) -> list[str]:
    """Return the tables to export, in the order given, checking every name.

    ``requested`` may hold names separated by spaces or commas; ``None`` means all.
    An unknown name raises :class:`UserError` naming the closest table and all of them.

    >>> resolve_table_names(["chapters,footnotes", "chapters"], ["chapters", "footnotes", "pages"])
    ['chapters', 'footnotes']
    """
    if not requested:
        return list(known)
    names: list[str] = []
    for item in requested:
        names.extend(name.strip() for name in item.split(",") if name.strip())
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise UserError(f"unknown table '{name}'{hint}; the tables are: {', '.join(known)}")
    return list(dict.fromkeys(names))


def _is_list_column(column: pd.Series) -> bool:
    """True for an object column whose values are tuples or lists (a paragraph's footnotes)."""
    if column.dtype != object:
        return False
    values = column.dropna()
    return bool(len(values)) and all(isinstance(v, (tuple, list)) for v in values)


def describe_type(column: pd.Series) -> str:
    """Name a column's type in words a spreadsheet user knows.

    >>> import pandas as pd
    >>> describe_type(pd.Series([1, 2]))
    'integer'
    >>> describe_type(pd.Series([1, None], dtype="Int64"))
    'integer (may be empty)'
    >>> describe_type(pd.Series([(1, 2), ()]))
    'list of integers'
    """
    import pandas as pd

    dtype = column.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return "category: " + ", ".join(map(str, dtype.categories))
    if pd.api.types.is_bool_dtype(dtype):
        return "true/false"
    if pd.api.types.is_integer_dtype(dtype):
        return (
            "integer (may be empty)"
            if isinstance(dtype, pd.api.extensions.ExtensionDtype)
            else "integer"
        )
    if pd.api.types.is_float_dtype(dtype):
        return "number"
    if _is_list_column(column):
        items = [item for v in column.dropna() for item in v]
        if all(isinstance(i, int) for i in items):
            return "list of integers"
        return "list of texts" if all(isinstance(i, str) for i in items) else "list"
    return "text"


def data_dictionary_frame(
    frames: dict[str, pd.DataFrame], meanings: dict[str, dict[str, str]]
) -> pd.DataFrame:
    """One row per column of ``frames``: ``table``, ``column``, ``type``, ``dtype``, ``meaning``.

    ``meanings`` maps table -> column -> meaning (``leninism_data.DATA_DICTIONARY``).
    """
    import pandas as pd

    rows = [
        {
            "table": table,
            "column": column,
            "type": describe_type(frame[column]),
            "dtype": str(frame[column].dtype),
            "meaning": meanings.get(table, {}).get(column, ""),
        }
        for table, frame in frames.items()
        for column in frame.columns
    ]
    return pd.DataFrame(rows, columns=["table", "column", "type", "dtype", "meaning"])


def write_table(
    frame: pd.DataFrame, path: Path, fmt: str, *, encoding: str = "utf-8", excel: bool = False
) -> None:
    """Write one table as CSV (list cells joined with ``;``), Parquet or JSON records.

    With ``excel``, CSV text cells that a spreadsheet would run as a formula (starting
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) are prefixed with ``'``
    (see :func:`leninism_data.seminar.exchange.spreadsheet_safe`).
    """
    from leninism_data.seminar.exchange import spreadsheet_safe

    if fmt == "csv":
        frame = frame.copy()
        for name in frame.columns:
            if _is_list_column(frame[name]):
                frame[name] = frame[name].map(
                    lambda v: (
                        CSV_LIST_SEPARATOR.join(map(str, v)) if isinstance(v, (tuple, list)) else v
                    )
                )
            if excel and frame[name].dtype in (object, "str", "string"):
                frame[name] = frame[name].map(spreadsheet_safe)
        frame.to_csv(path, index=False, encoding=encoding)
    elif fmt == "json":
        with path.open("w", encoding=encoding) as file:
            frame.to_json(file, orient="records", force_ascii=False, indent=1)
    else:
        frame.to_parquet(path, index=False)


def provenance(files: dict[str, int], fmt: str, encoding: str, when: str) -> str:
    """The README written beside an export: edition, licence, checksum, version, date.

    ``files`` maps each file written to its number of rows.
    """
    from leninism_data.corpus.source import SOURCE_FILENAME, SOURCE_SHA256

    listed = "\n".join(f"- `{name}`: {rows:,} rows" for name, rows in files.items())
    for_excel = fmt == "csv" and encoding == "utf-8-sig"
    neutralised = "; cells that would run as formulas start with '" if for_excel else ""
    return f"""# The Foundations of Leninism as data tables

Exported by leninism-study {_version()} on {when} (`{PROG} export`).

**Edition.** {EDITION}.

**Licence.** {LICENCE}

**Source text.** `{SOURCE_FILENAME}`, sha256 `{SOURCE_SHA256}` (verified before export).

**Files** ({fmt}, {encoding}{neutralised}):

{listed}

`data_dictionary` describes every column of every table: its type and meaning. In CSV,
the items of a list cell are separated by `{CSV_LIST_SEPARATOR}`.
"""


def export_tables(
    dest: Path,
    fmt: str = "csv",
    tables: Sequence[str] | None = None,
    *,
    encoding: str = "utf-8",
    force: bool = False,
) -> list[Path]:
    """Write the chosen tables, a ``data_dictionary`` table and a README of provenance.

    Every file is written to a temporary name and renamed when complete, so a failure
    (a full disk) never leaves a half-written file in place of a good one.

    Parameters
    ----------
    dest
        Folder to write into (created if needed).
    fmt
        ``"csv"``, ``"parquet"`` or ``"json"``.
    tables
        Table names (see ``leninism_data.TABLES``); all of them by default.
    encoding
        ``"utf-8"`` or ``"utf-8-sig"`` (for Excel: a byte order mark, and CSV cells that
        would run as formulas neutralised).
    force
        Replace files of the same names; without it an existing file stops the export
        before anything is written.

    Returns
    -------
    list of Path
        The files written, the data dictionary and then the README last.
    """
    if fmt not in FORMATS:
        raise UserError(f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    if encoding not in ENCODINGS:
        raise UserError(f"unknown encoding '{encoding}'; choose one of: {', '.join(ENCODINGS)}")
    if fmt == "parquet" and importlib.util.find_spec("pyarrow") is None:
        raise UserError(
            "writing Parquet needs the pyarrow package; install it with: "
            "python -m pip install pyarrow (or use --format csv)"
        )
    import datetime

    import leninism_data

    names = resolve_table_names(tables, list(leninism_data.TABLES))
    targets = [*(f"{name}.{fmt}" for name in names), f"data_dictionary.{fmt}", README_NAME]
    existing = [name for name in targets if (dest / name).exists()]
    if existing and not force:
        raise UserError(
            f"{dest} already holds {', '.join(existing)}; nothing was written "
            "(add --force to replace them, or choose another folder)"
        )
    frames = {name: leninism_data.TABLES[name]() for name in names}
    outputs = {f"{name}.{fmt}": frame for name, frame in frames.items()}
    outputs[f"data_dictionary.{fmt}"] = data_dictionary_frame(
        frames, leninism_data.DATA_DICTIONARY
    )
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    readme = provenance({name: len(f) for name, f in outputs.items()}, fmt, encoding, when)
    written = []
    try:
        dest.mkdir(parents=True, exist_ok=True)
        for filename, frame in outputs.items():
            _replace_atomically(
                dest / filename,
                lambda partial, frame=frame: write_table(
                    frame, partial, fmt, encoding=encoding, excel=encoding == "utf-8-sig"
                ),
            )
            written.append(dest / filename)
        _replace_atomically(
            dest / README_NAME, lambda partial: partial.write_text(readme, encoding="utf-8")
        )
        written.append(dest / README_NAME)
    except OSError as exc:
        raise UserError(f"cannot write to {dest}: {_reason(exc)}") from exc
    return written


def _replace_atomically(path: Path, write: Any) -> None:
    """Call ``write(partial)`` for a temporary file beside ``path``, then rename it."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        write(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


# --------------------------------------------------------------------------- servers


def _require(module: str, what: str) -> None:
    if importlib.util.find_spec(module) is None:
        raise UserError(
            f"{what} is not installed for this Python ({sys.executable}); "
            f"install it with: {Path(sys.executable).name} -m pip install "
            f"'leninism-study[lab]' (or, in a copy of the repository: pip install -e '.[lab]')"
        )


def check_port_free(ip: str, port: int) -> None:
    """Raise :class:`UserError` unless ``port`` on ``ip`` can be listened on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Tornado does
        try:
            sock.bind((ip, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UserError(
                    f"port {port} is already in use (is the study already open? "
                    "Then use that browser tab, or choose another port with --port)"
                ) from exc
            raise UserError(f"cannot listen on {ip} port {port}: {_reason(exc)}") from exc


def run_jupyter_app(module: str, argv: list[str]) -> int:
    """Run a Jupyter application (``jupyterlab.labapp`` or ``voila.app``) in this process.

    Running it here rather than as a child process lets Ctrl-C and SIGTERM reach the
    server directly, on every operating system.
    """
    importlib.import_module(module).main(argv=argv)
    return 0


#: Settings defaults of the study's JupyterLab (a user's own settings still win): no
#: requests for Jupyter news or updates, and a file browser without its "Last Modified"
#: column, so that the notebooks' names fit.
LAB_SETTINGS_DEFAULTS: dict[str, dict[str, Any]] = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/filebrowser-extension:browser": {"showLastModifiedColumn": False},
}
#: The extension that asks about "Jupyter news" in a pop-up on the first launch.
NEWS_EXTENSION = "@jupyterlab/apputils-extension:announcements"
#: CSS for the study's JupyterLab: a left sidebar wide enough for the notebooks' names
#: (JupyterLab has no setting for its width; the split panel honours a CSS minimum).
LAB_CSS = "#jp-left-stack { min-width: 330px !important; }\n"


def write_lab_settings(dest: Path) -> Path:
    """Fill ``dest`` with JupyterLab's application settings for one launch of the study.

    The installation's own application settings (``page_config.json``, ``overrides.json``
    ...) are copied, then :data:`LAB_SETTINGS_DEFAULTS` are added as an ``overrides.d``
    file (the installation's ``overrides.json`` still wins) and the news pop-up's
    extension is disabled in ``page_config.json``. Nothing outside ``dest`` is written:
    the user's Jupyter configuration stays as it was.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     folder = write_lab_settings(Path(tmp) / "settings")
    ...     page_config = json.loads((folder / "page_config.json").read_text())
    >>> page_config["disabledExtensions"][NEWS_EXTENSION]
    True
    """
    from jupyterlab.commands import get_app_dir

    installed = Path(get_app_dir()) / "settings"
    if installed.is_dir():
        shutil.copytree(installed, dest, dirs_exist_ok=True)
    (dest / "overrides.d").mkdir(parents=True, exist_ok=True)
    (dest / "overrides.d" / "leninism-study.json").write_text(
        json.dumps(LAB_SETTINGS_DEFAULTS, indent=1), encoding="utf-8"
    )
    page_config_file = dest / "page_config.json"
    page_config = (
        json.loads(page_config_file.read_text(encoding="utf-8"))
        if page_config_file.is_file()
        else {}
    )
    page_config.setdefault("disabledExtensions", {}).setdefault(NEWS_EXTENSION, True)
    page_config_file.write_text(json.dumps(page_config, indent=1), encoding="utf-8")
    return dest


def write_lab_css(dest: Path) -> Path:
    """Write ``dest/custom.css``: :data:`LAB_CSS`, then the user's own ``custom.css`` if any.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     css = (write_lab_css(Path(tmp)) / "custom.css").read_text()
    >>> css.startswith("#jp-left-stack")
    True
    """
    from jupyter_core.paths import jupyter_config_dir

    own = Path(jupyter_config_dir()) / "custom" / "custom.css"
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "custom.css").write_text(
        LAB_CSS + (own.read_text(encoding="utf-8") if own.is_file() else ""), encoding="utf-8"
    )
    return dest


def lab_argv(
    folder: Path, port: int | None, open_browser: bool, config_dir: Path | None = None
) -> list[str]:
    """Command-line arguments for JupyterLab serving ``folder`` on 127.0.0.1.

    When ``folder`` holds the start notebook, JupyterLab's default URL (the one it prints
    and opens) is that notebook. ``config_dir`` holds this launch's ``settings`` folder
    (:func:`write_lab_settings`) and ``custom`` CSS folder (:func:`write_lab_css`).

    >>> lab_argv(Path("/study"), 8890, False)[2:5]
    ['--ServerApp.port=8890', '--ServerApp.port_retries=0', '--ServerApp.open_browser=False']
    """
    argv = [f"--ServerApp.root_dir={folder}", f"--ServerApp.ip={LOOPBACK}"]
    if port is not None:
        argv += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if not open_browser:
        argv.append("--ServerApp.open_browser=False")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")  # JupyterLab refuses root otherwise (containers, CI)
    if config_dir is not None:
        custom = json.dumps({"static_custom_path": [str(config_dir / "custom")]})
        argv += [
            f"--LabApp.app_settings_dir={config_dir / 'settings'}",
            "--LabApp.custom_css=True",
            f"--ServerApp.tornado_settings={custom}",
        ]
    if (folder / START_NOTEBOOK).is_file():
        argv.append(f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}")
    return argv


def start_lab(folder: Path, port: int | None = None, open_browser: bool = True) -> int:
    """Copy the notebooks into ``folder`` unless it exists, then run JupyterLab there."""
    _require("jupyterlab", "JupyterLab")
    if port is not None:
        check_port_free(LOOPBACK, port)
    folder = folder.resolve()
    if folder.is_file():
        raise UserError(f"{folder} is a file, not a folder; choose another name")
    if folder.is_dir() and any(folder.iterdir()):
        print(f"Opening your notebooks in {folder} (nothing was copied or overwritten).")
    else:
        copied = copy_notebooks(folder)
        print(f"Copied {len(copied)} notebook files into {folder}.")
    print("Stop JupyterLab with Ctrl-C in this window when you are done.", flush=True)
    with tempfile.TemporaryDirectory(prefix="leninism-study-lab-") as tmp:
        config = Path(tmp)
        write_lab_settings(config / "settings")
        write_lab_css(config / "custom")
        return run_jupyter_app("jupyterlab.labapp", lab_argv(folder, port, open_browser, config))


class AppPage(NamedTuple):
    """What ``leninism-study app NAME`` shows above and in its widget."""

    widget: str
    """The widget class in ``leninism_data.widgets``."""
    title: str
    instructions: str
    """One line telling a first-time user what to do."""
    arguments: str
    """The arguments of the widget's first view, as Python source."""


#: ``leninism-study app NAME`` -> its page.
APP_PAGES: dict[str, AppPage] = {
    "explorer": AppPage(
        "Explorer",
        "Explorer: the paragraphs of the book",
        "Type a word or a phrase and press Enter; narrow the search by chapter, section "
        "or page, and page through the paragraphs found.",
        '"proletariat"',
    ),
    "concordance": AppPage(
        "Concordance",
        "Concordance: every occurrence in its context",
        "Type a word or a phrase (proletar* matches every ending) and press Enter; each "
        "line shows one occurrence with the words around it, its paragraph and its page.",
        '"proletariat"',
    ),
    "compare": AppPage(
        "Compare",
        "Compare two chapters",
        "Choose two chapters or sections: the words that set each apart, and the words "
        "they share, are listed with their counts.",
        '"IV", "VIII"',
    ),
    "reader": AppPage(
        "Reader",
        "Reader: the book chapter by chapter",
        "Choose a chapter or a section, or type a paragraph id such as IV.26; a "
        "paragraph's footnotes open beneath it.",
        '"Introduction"',
    ),
}
#: ``leninism-study app NAME`` -> the widget class in ``leninism_data.widgets`` it shows.
APPS: dict[str, str] = {name: page.widget for name, page in APP_PAGES.items()}
#: The book, named in each app's browser tab.
BOOK_TITLE = "The Foundations of Leninism"
#: The Voilà template of the apps: Voilà's ``lab`` template with every asset served by
#: Voilà itself (no CDN) and a large-type mode. It lives in ``APP_TEMPLATE_ROOT``, a
#: folder laid out like ``share/jupyter``.
APP_TEMPLATE = "leninism-study"
APP_TEMPLATE_ROOT = Path(__file__).resolve().parent / "jupyter"
#: How much larger everything is drawn with ``app --large`` (for a projector).
LARGE_TYPE_SCALE = 1.5


def app_notebook(name: str, folder: Path) -> Path:
    r"""Write the notebook of app ``name`` into ``folder``; return its path.

    It holds a Markdown cell with the app's title and instructions, and a code cell that
    shows the widget on its first query.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     notebook = json.loads(app_notebook("concordance", Path(tmp)).read_text())
    >>> [cell["source"] for cell in notebook["cells"]][1]
    'from leninism_data.widgets import Concordance\nConcordance("proletariat")'
    >>> notebook["metadata"]["title"]
    'Concordance: every occurrence in its context · The Foundations of Leninism'
    """
    import leninism_data.widgets as widgets

    page = APP_PAGES[name]
    if not hasattr(widgets, page.widget):
        raise UserError(
            f"this version of leninism_data has no {page.widget} widget for the '{name}' app"
        )
    header: dict[str, Any] = {
        "cell_type": "markdown",
        "id": "title",
        "metadata": {},
        "source": f"# {page.title}\n\n{page.instructions}",
    }
    widget: dict[str, Any] = {
        "cell_type": "code",
        "execution_count": None,
        "id": name,
        "metadata": {},
        "outputs": [],
        "source": f"from leninism_data.widgets import {page.widget}\n"
        f"{page.widget}({page.arguments})",
    }
    notebook: dict[str, Any] = {
        "cells": [header, widget],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "title": f"{page.title} · {BOOK_TITLE}",
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = folder / f"{page.widget}.ipynb"
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return path


def voila_argv(
    notebook: Path, ip: str, port: int | None, open_browser: bool, large: bool = False
) -> list[str]:
    """Command-line arguments for Voilà serving ``notebook`` without its code.

    The page uses the template :data:`APP_TEMPLATE`; ``large`` scales it by
    :data:`LARGE_TYPE_SCALE` for a projector.

    >>> voila_argv(Path("/apps/Reader.ipynb"), "127.0.0.1", None, True, large=True)[-1]
    "--VoilaConfiguration.resources={'scale': 1.5}"
    """
    argv = [
        str(notebook),
        f"--Voila.ip={ip}",
        "--strip_sources=True",
        "--theme=light",
        f"--template={APP_TEMPLATE}",
    ]
    if port is not None:
        argv += [f"--port={port}", "--Voila.port_retries=0"]
    if not open_browser:
        argv.append("--no-browser")
    if ip not in (LOOPBACK, "localhost"):
        argv.append(f"--token={secrets.token_urlsafe(16)}")  # reachable by others: require a token
    if large:
        argv.append(f"--VoilaConfiguration.resources={{'scale': {LARGE_TYPE_SCALE}}}")
    return argv


@contextlib.contextmanager
def jupyter_path_with(folder: Path) -> Iterator[None]:
    """Put ``folder`` first on ``JUPYTER_PATH`` (where Jupyter finds templates) meanwhile."""
    before = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(folder), before]))
    try:
        yield
    finally:
        if before is None:
            del os.environ["JUPYTER_PATH"]
        else:
            os.environ["JUPYTER_PATH"] = before


def start_app(
    target: str,
    ip: str = LOOPBACK,
    port: int | None = None,
    open_browser: bool = True,
    large: bool = False,
) -> int:
    """Serve app ``target`` (a name in :data:`APPS` or a notebook file) with Voilà."""
    _require("voila", "Voilà")
    if target.endswith(".ipynb"):
        if not Path(target).is_file():
            raise UserError(f"there is no notebook {target}")
    elif target not in APPS:
        raise UserError(
            f"unknown app '{target}'; choose one of: {', '.join(APPS)} (or a .ipynb file)"
        )
    if port is not None:
        check_port_free(ip, port)
    with (
        tempfile.TemporaryDirectory(prefix="leninism-study-app-") as tmp,
        jupyter_path_with(APP_TEMPLATE_ROOT),
    ):
        notebook = app_notebook(target, Path(tmp)) if target in APPS else Path(target)
        print("Stop the app with Ctrl-C in this window when you are done.", flush=True)
        argv = voila_argv(notebook.resolve(), ip, port, open_browser, large)
        return run_jupyter_app("voila.app", argv)


# --------------------------------------------------------------------------- classroom

CLASSROOM_HELP = f"""the three commands a teacher needs:
  {PROG} classroom start --students anna,boris,clara --teacher tanya
      start the seminar's hub on http://127.0.0.1:8000 (as root: one system user per
      student; prints the seminar password the students log in with)
  {PROG} classroom handout reading-questions.ipynb
      copy a file into every student's notebooks folder
  {PROG} classroom collect-notes seminar-notes.md
      merge every student's notes into one file (.md or .json), tagged with their names"""


def run_classroom(args: argparse.Namespace) -> int:
    """Run ``classroom start``, ``handout`` or ``collect-notes`` (``leninism_data.classroom``)."""
    from leninism_data.classroom import ClassroomError

    try:
        return _classroom_command(args)
    except (ClassroomError, OSError) as exc:
        raise UserError(str(exc)) from exc


def _classroom_command(args: argparse.Namespace) -> int:
    from leninism_data.classroom import hub, roster, teacher

    data_dir = Path(args.data_dir) if args.data_dir else hub.default_data_dir()
    if args.classroom == "start":
        students = roster.read_roster(args.students, args.teacher)
        settings = hub.plan(
            students,
            args.teacher,
            data_dir=data_dir,
            password_file=args.password_file,
            ip=args.ip,
            port=args.port,
            ssl_cert=args.ssl_cert,
            ssl_key=args.ssl_key,
            mem_limit=args.mem_limit,
            cull_idle=args.cull_idle,
            same_os_user=args.same_os_user,
        )
        hub.require_proxy()
        warning = hub.check_address(settings.ip, settings.ssl_cert, settings.ssl_key)
        if warning:
            print(warning, file=sys.stderr)
        if settings.same_os_user:
            print(
                "WARNING: --same-os-user: every student runs as your own user; their homes "
                "are separate folders, but any student's code can read the others' files.",
                file=sys.stderr,
            )
        hub.prepare_accounts(settings)
        config = hub.write_hub_files(settings)
        scheme = "https" if settings.ssl_cert else "http"
        print(
            f"Seminar hub for {len(students)} students on {scheme}://{settings.ip}:"
            f"{settings.port}/\n"
            f"  students log in with their name and the seminar password: {settings.password}\n"
            f"  the teacher ({settings.teacher}) logs in with the password in "
            f"{Path(settings.data_dir) / hub.SETTINGS_FILE} (admin_password)\n"
            f"  each process of a student may use {settings.address_space // 2**20} MB; idle "
            f"servers stop after {settings.cull_idle} s. Stop the hub with Ctrl-C.",
            flush=True,
        )
        hub.run_hub(config)
        return 0  # not reached: this process became the hub
    settings = hub.load_settings(data_dir)
    accounts = [settings.student(name) for name in settings.students]
    if args.classroom == "handout":
        for name, outcome in teacher.hand_out(Path(args.file), accounts).items():
            print(f"{name}: {outcome}")
        return 0
    counts = teacher.collect_notes(accounts, Path(args.out))
    for name, count in counts.items():
        print(f"{name}: {count} notes")
    print(f"Wrote {sum(counts.values())} notes of {len(counts)} students to {args.out}.")
    return 0


def _add_classroom_parser(commands: Any) -> None:
    classroom = commands.add_parser(
        "classroom",
        help="run a seminar's hub: every student logs in with a browser to their own copy",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="A JupyterHub for one seminar on this machine: the listed students log in\n"
        "with their name and a seminar password, each to their own copy of the notebooks,\n"
        "notes and quiz progress; the teacher is the hub's admin.",
        epilog=CLASSROOM_HELP,
    )
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the hub's folder (settings, passwords, database); default: per-user data "
        "folder; give the same one to all three commands",
    )
    steps = classroom.add_subparsers(dest="classroom", required=True, metavar="STEP")
    start = steps.add_parser(
        "start",
        parents=[data_dir],
        help="start the hub (as root: creates one system user per student)",
        description="Start JupyterHub for the seminar. As root each student (and the "
        "teacher) becomes a system user with a private home (created if needed, marked "
        "'leninism-study classroom'), so no student can read another's files. Each student's "
        "processes get a memory limit and a lower CPU priority (see README 'Classroom').",
    )
    start.add_argument(
        "--students",
        required=True,
        metavar="FILE_OR_NAMES",
        help="a file of names (one per line) or names separated by commas: lower-case letters, "
        "digits and '-'",
    )
    start.add_argument("--teacher", required=True, metavar="NAME", help="the hub's admin")
    start.add_argument(
        "--password-file",
        metavar="FILE",
        help="first line: the seminar password (8+ characters); default: a new random one",
    )
    start.add_argument(
        "--ip",
        default=LOOPBACK,
        help=f"address to listen on (default: {LOOPBACK}, this machine only; any other "
        "needs --ssl-cert and --ssl-key)",
    )
    start.add_argument(
        "--port", type=_port, default=8000, help="default: 8000 (and PORT+1, PORT+2 internally)"
    )
    start.add_argument("--ssl-cert", metavar="FILE", help="HTTPS certificate (PEM)")
    start.add_argument("--ssl-key", metavar="FILE", help="its private key (PEM)")
    start.add_argument(
        "--mem-limit",
        type=_size,
        metavar="SIZE",
        help="memory per student process, e.g. 1500M (default: 3/4 of this machine's memory "
        "shared out, at least 1024M)",
    )
    start.add_argument(
        "--cull-idle",
        type=int,
        default=3600,
        metavar="SECONDS",
        help="stop a student's server after this long without activity (default: 3600)",
    )
    start.add_argument(
        "--same-os-user",
        action="store_true",
        help="without root: run every student as your own user (a trial only: students "
        "could read each other's files)",
    )
    collect = steps.add_parser(
        "collect-notes",
        parents=[data_dir],
        help="merge every student's notes into one .md or .json file",
        description="Read every student's notes store (without changing it) and write all "
        "notes to OUT, one Markdown study sheet (.md) or a JSON export (.json) that "
        "NoteStore.import_file reads; each note is tagged with its student's name.",
    )
    collect.add_argument("out", metavar="OUT", help="e.g. seminar-notes.md or seminar-notes.json")
    handout = steps.add_parser(
        "handout",
        parents=[data_dir],
        help="copy a file into every student's notebooks folder",
        description="Copy FILE into every student's leninism-study-notebooks folder, owned "
        "by the student. A student who already has a file of that name keeps theirs.",
    )
    handout.add_argument("file", metavar="FILE")


def _size(text: str) -> int:
    from leninism_data.classroom.limits import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


# --------------------------------------------------------------------------- argparse


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (1-65535)")
    return port


def _version() -> str:
    try:
        return importlib.metadata.version("leninism-study")
    except importlib.metadata.PackageNotFoundError:
        return "(not installed)"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``leninism-study`` and its four sub-commands."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Study J. V. Stalin's The Foundations of Leninism (1924): guided\n"
        "notebooks in JupyterLab, the book as data tables, classroom web apps.",
        epilog=f"""examples:
  {PROG} lab                       open the study (the first time, copies the notebooks)
  {PROG} notebooks class-notebooks copy the notebooks to prepare a class
  {PROG} export book-data          write the tables and a data dictionary as CSV
  {PROG} app concordance           show the concordance on a projector

Each command has its own help, e.g.: {PROG} export --help""",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lab = commands.add_parser(
        "lab",
        help="copy the notebooks into a folder and open them in JupyterLab",
        description="Open the study in JupyterLab. The first time, a fresh copy of the "
        "notebooks is made in DIR; later, the same command reopens DIR as you left it "
        "(your work is never overwritten). To start again from scratch, give a new DIR.",
    )
    lab.add_argument(
        "dir",
        nargs="?",
        default=DEFAULT_LAB_DIR,
        metavar="DIR",
        help=f"your folder of notebooks (default: ./{DEFAULT_LAB_DIR})",
    )
    lab.add_argument(
        "--port", type=_port, help="port to serve on (default: the first free one from 8888)"
    )
    lab.add_argument(
        "--no-browser",
        action="store_true",
        help="do not open a browser tab; open the printed address yourself",
    )

    notebooks = commands.add_parser(
        "notebooks",
        help="only copy the notebooks into a new folder (e.g. to prepare a class)",
        description="Copy a fresh set of the study's notebooks into DIR without starting "
        "anything. DIR must not exist yet (or be empty): nothing is ever overwritten.",
    )
    notebooks.add_argument("dir", metavar="DIR", help="the new folder to copy into")

    export = commands.add_parser(
        "export",
        help="write the book's tables (chapters, paragraphs, footnotes, ...) to files",
        description="Write the tables of the book to DIR, one file per table, for use in "
        "a spreadsheet, R or another program, with data_dictionary.FORMAT describing "
        "every column (its type and meaning) and README.md stating the edition, licence, "
        "source checksum, package version and date. Files already there are kept unless "
        "you add --force.",
    )
    export.add_argument("dir", metavar="DIR", help="folder to write into (created if needed)")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="csv",
        help="csv (default; opens in any spreadsheet; list cells are joined with ';'), "
        "parquet (needs pyarrow) or json (one array of records per table)",
    )
    export.add_argument(
        "--tables",
        nargs="+",
        metavar="NAME",
        help="only these tables, e.g. --tables chapters footnotes (default: all)",
    )
    export.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default="utf-8",
        help="utf-8 (default) or utf-8-sig: with a byte order mark, so that Excel on "
        "Windows shows the book's quotes and dashes, and CSV cells that a spreadsheet would "
        "run as formulas neutralised",
    )
    export.add_argument(
        "--excel",
        dest="encoding",
        action="store_const",
        const="utf-8-sig",
        help="the same as --encoding utf-8-sig",
    )
    export.add_argument(
        "--force", action="store_true", help="replace files of the same names in DIR"
    )

    app = commands.add_parser(
        "app",
        help="show one widget as a web page without code, for a projector",
        description="Serve a widget of the study as a Voilà web page (no code cells, "
        "only the controls and results), e.g. to project it in a classroom. Instead of a "
        "widget you may name a notebook of your own: it is shown the same way.",
    )
    app.add_argument(
        "target",
        nargs="?",
        default="explorer",
        metavar="APP",
        help=f"{', '.join(APPS)} (default: explorer), or the path of a .ipynb file",
    )
    app.add_argument(
        "--ip",
        default=LOOPBACK,
        help=f"address to listen on (default: {LOOPBACK}, this computer only; with "
        "0.0.0.0 others on your network can connect, using the printed address with its token)",
    )
    app.add_argument(
        "--port", type=_port, help="port to serve on (default: the first free one from 8866)"
    )
    app.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    app.add_argument(
        "--large",
        action="store_true",
        help=f"large type for a projector (everything drawn {LARGE_TYPE_SCALE} times larger)",
    )
    _add_classroom_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``leninism-study`` with ``argv`` (default: the command line); return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "lab":
            return start_lab(Path(args.dir), port=args.port, open_browser=not args.no_browser)
        if args.command == "notebooks":
            dest = Path(args.dir)
            copied = copy_notebooks(dest)
            print(f"Copied {len(copied)} notebook files into {dest.resolve()}.")
            return 0
        if args.command == "export":
            written = export_tables(
                Path(args.dir),
                fmt=args.format,
                tables=args.tables,
                encoding=args.encoding,
                force=args.force,
            )
            for path in written:
                print(path)
            return 0
        if args.command == "classroom":
            return run_classroom(args)
        return start_app(
            args.target,
            ip=args.ip,
            port=args.port,
            open_browser=not args.no_browser,
            large=args.large,
        )
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # every library error becomes one line, never a traceback
        print(f"{PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return 2


def _one_line(exc: BaseException) -> str:
    """An error as one line: its message (an OSError's reason and file), newlines folded.

    >>> _one_line(PermissionError(13, "Permission denied", "/srv/class"))
    'Permission denied: /srv/class'
    >>> _one_line(ValueError("first line\\n  second"))
    'first line second'
    """
    if isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    else:
        text = str(exc) or type(exc).__name__
    return " ".join(text.split())
