"""The ``leninism-study`` command: open the study, copy the notebooks, export the data.

Four sub-commands, each with its own ``--help``:

``lab [DIR]``
    Copy a fresh set of the notebooks into DIR (unless DIR already exists: a
    student's work is never overwritten) and open JupyterLab there.
``notebooks DIR``
    Only copy the notebooks, e.g. for a teacher preparing a class.
``export DIR [--format csv|parquet|json] [--tables NAME ...] [--excel] [--force]``
    Write every table of the book, with a data dictionary and a README stating the
    edition, licence, source checksum and package version, for use elsewhere.
``app [explorer|concordance|compare|reader|NOTEBOOK.ipynb]``
    Serve one widget (or a notebook of your own) as a Voilà web page with no code
    cells, for projection in a classroom.

Problems a user can fix (a folder that exists, a port in use, a table name
mistyped, JupyterLab missing, an altered data file, a folder that cannot be read or
written) are reported as one line starting with ``leninism-study: error:`` and exit
status 2, never as a traceback.
"""

from __future__ import annotations

import argparse
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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

#: ``leninism-study app NAME`` -> the widget class in ``leninism_data.widgets`` it shows.
APPS: dict[str, str] = {
    "explorer": "Explorer",
    "concordance": "Concordance",
    "compare": "Compare",
    "reader": "Reader",
}


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
            f"install it with: {Path(sys.executable).name} -m pip install {module}"
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


def lab_argv(folder: Path, port: int | None, open_browser: bool) -> list[str]:
    """Command-line arguments for JupyterLab serving ``folder`` on 127.0.0.1."""
    argv = [f"--ServerApp.root_dir={folder}", f"--ServerApp.ip={LOOPBACK}"]
    if port is not None:
        argv += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if not open_browser:
        argv.append("--ServerApp.open_browser=False")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")  # JupyterLab refuses root otherwise (containers, CI)
    start = folder / START_NOTEBOOK
    if start.is_file():
        argv.append(str(start))
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
    return run_jupyter_app("jupyterlab.labapp", lab_argv(folder, port, open_browser))


def app_notebook(name: str, folder: Path) -> Path:
    """Write a one-cell notebook that shows the widget of app ``name``; return its path."""
    import leninism_data.widgets as widgets

    cls = APPS[name]
    if not hasattr(widgets, cls):
        raise UserError(f"this version of leninism_data has no {cls} widget for the '{name}' app")
    cell: dict[str, Any] = {
        "cell_type": "code",
        "execution_count": None,
        "id": name,
        "metadata": {},
        "outputs": [],
        "source": f"from leninism_data.widgets import {cls}\n{cls}()",
    }
    notebook: dict[str, Any] = {
        "cells": [cell],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = folder / f"{cls}.ipynb"
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return path


def voila_argv(notebook: Path, ip: str, port: int | None, open_browser: bool) -> list[str]:
    """Command-line arguments for Voilà serving ``notebook`` without its code."""
    argv = [str(notebook), f"--Voila.ip={ip}", "--strip_sources=True", "--theme=light"]
    if port is not None:
        argv += [f"--port={port}", "--Voila.port_retries=0"]
    if not open_browser:
        argv.append("--no-browser")
    if ip not in (LOOPBACK, "localhost"):
        argv.append(f"--token={secrets.token_urlsafe(16)}")  # reachable by others: require a token
    return argv


def start_app(
    target: str, ip: str = LOOPBACK, port: int | None = None, open_browser: bool = True
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
    with tempfile.TemporaryDirectory(prefix="leninism-study-app-") as tmp:
        notebook = app_notebook(target, Path(tmp)) if target in APPS else Path(target)
        print("Stop the app with Ctrl-C in this window when you are done.", flush=True)
        return run_jupyter_app("voila.app", voila_argv(notebook.resolve(), ip, port, open_browser))


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
        return start_app(args.target, ip=args.ip, port=args.port, open_browser=not args.no_browser)
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
