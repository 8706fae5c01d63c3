"""The ``leninism-study`` command: help, copying notebooks, export, and its error messages.

JupyterLab and Voilà are not started here (``run_jupyter_app`` is replaced by a recorder);
tests/browser starts them for real.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import types
from pathlib import Path

import pandas as pd
import pytest

import leninism_data
from leninism_data import cli


@pytest.fixture
def fake_notebooks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small notebooks folder, with Jupyter litter that must not be copied, used as the source."""
    source = tmp_path / "source"
    (source / "images").mkdir(parents=True)
    (source / cli.START_NOTEBOOK).write_text('{"cells": []}\n', encoding="utf-8")
    (source / "ch0-introduction.ipynb").write_text('{"cells": [1]}\n', encoding="utf-8")
    (source / "images" / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (source / ".ipynb_checkpoints").mkdir()
    (source / ".ipynb_checkpoints" / "00-start-here-checkpoint.ipynb").write_text(
        "{}", encoding="utf-8"
    )
    monkeypatch.setattr(cli, "notebooks_source", lambda: source)
    return source


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """Record the Jupyter applications the CLI would run, instead of running them."""
    calls: list[tuple[str, list[str]]] = []

    def record(module: str, argv: list[str]) -> int:
        calls.append((module, argv))
        if module == "voila.app":  # the generated app notebook only lives while Voilà runs
            calls.append(("notebook", [Path(argv[0]).read_text(encoding="utf-8")]))
            calls.append(("JUPYTER_PATH", [os.environ.get("JUPYTER_PATH", "")]))
        settings = [a.split("=", 1)[1] for a in argv if a.startswith("--LabApp.app_settings_dir=")]
        if settings:  # so do the launch's settings and CSS
            folder = Path(settings[0]).parent
            calls.append(
                (
                    "settings",
                    sorted(
                        f"{path.relative_to(folder).as_posix()}={path.read_text(encoding='utf-8')}"
                        for path in folder.rglob("*")
                        if path.is_file()
                    ),
                )
            )
        return 0

    monkeypatch.setattr(cli, "run_jupyter_app", record)
    return calls


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(err: str, *phrases: str) -> None:
    assert err.startswith("leninism-study: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for phrase in phrases:
        assert phrase in err


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize(
    ("command", "phrase"),
    [
        ([], "examples:"),
        (["lab"], "your work is never overwritten"),
        (["notebooks"], "nothing is ever overwritten"),
        (["export"], "data_dictionary"),
        (["app"], "classroom"),
    ],
)
def test_every_command_explains_itself(
    command: list[str], phrase: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main([*command, "--help"])
    assert exit_.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith("usage: leninism-study")
    assert phrase in out


def test_python_dash_m_is_the_same_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "leninism_data", "app", "no-such-notebook.ipynb"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr == "leninism-study: error: there is no notebook no-such-notebook.ipynb\n"


def test_a_command_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main([])
    assert exit_.value.code == 2
    assert "required: COMMAND" in capsys.readouterr().err


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_port_must_be_a_port_number(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["lab", "--port", port])
    assert exit_.value.code == 2
    assert f"'{port}' is not a port number (1-65535)" in capsys.readouterr().err


# --------------------------------------------------------------------------- notebooks


def test_notebooks_copies_every_file_but_jupyter_litter(
    fake_notebooks: Path, tmp_path: Path, read_tree, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "notebooks", tmp_path / "class")
    assert status == 0
    assert read_tree(tmp_path / "class") == read_tree(fake_notebooks)
    assert sorted(read_tree(tmp_path / "class")) == [
        "00-start-here.ipynb",
        "ch0-introduction.ipynb",
        "images/cover.png",
    ]
    assert not (tmp_path / "class" / ".ipynb_checkpoints").exists()
    assert f"Copied 3 notebook files into {tmp_path / 'class'}" in out


def test_notebooks_copies_the_shipped_notebooks_byte_for_byte(
    tmp_path: Path,
    read_tree,
    shipped_notebooks: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = run(capsys, "notebooks", tmp_path / "class")
    assert (status, err) == (0, "")
    assert read_tree(tmp_path / "class") == shipped_notebooks


def test_notebooks_fills_an_empty_folder(
    fake_notebooks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert run(capsys, "notebooks", tmp_path / "empty")[0] == 0
    assert (tmp_path / "empty" / cli.START_NOTEBOOK).is_file()


def test_notebooks_from_a_checkout_without_notebooks_makes_an_empty_folder(tmp_path: Path) -> None:
    assert cli.copy_notebooks(tmp_path / "class", source=tmp_path / "no-notebooks-yet") == []
    assert (tmp_path / "class").is_dir()


def test_notebooks_never_overwrites(
    fake_notebooks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "class"
    dest.mkdir()
    (dest / cli.START_NOTEBOOK).write_text("a student's answers", encoding="utf-8")
    status, _, err = run(capsys, "notebooks", dest)
    assert status == 2
    assert_one_line_error(
        err, f"{dest} already exists and is not an empty folder; nothing was copied"
    )
    assert (dest / cli.START_NOTEBOOK).read_text(encoding="utf-8") == "a student's answers"
    assert sorted(p.name for p in dest.iterdir()) == [cli.START_NOTEBOOK]


def test_notebooks_reports_an_unwritable_folder(
    fake_notebooks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    status, _, err = run(capsys, "notebooks", tmp_path / "a-file" / "class")
    assert status == 2
    assert_one_line_error(
        err, f"cannot copy the notebooks into {tmp_path / 'a-file' / 'class'}: Not a directory"
    )


# --------------------------------------------------------------------------- lab


def test_lab_copies_the_notebooks_then_opens_jupyterlab_on_start_here(
    fake_notebooks: Path, tmp_path: Path, read_tree, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "mine"
    status, out, _ = run(capsys, "lab", dest, "--no-browser")
    assert status == 0
    assert read_tree(dest) == read_tree(fake_notebooks)
    [(module, argv), _] = launched
    assert module == "jupyterlab.labapp"
    assert argv[:3] == [
        f"--ServerApp.root_dir={dest}",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.open_browser=False",
    ]
    # the address JupyterLab prints and opens is the start notebook's
    assert argv[-1] == "--LabApp.default_url=/lab/tree/00-start-here.ipynb"
    assert "Copied 3 notebook files" in out


@pytest.fixture
def installed_lab(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A JupyterLab application folder whose settings an administrator has customised."""
    app_dir = tmp_path / "share-jupyter-lab"
    (app_dir / "settings").mkdir(parents=True)
    (app_dir / "settings" / "page_config.json").write_text(
        '{"disabledExtensions": {"@jupyterlab/extensionmanager-extension": true}}',
        encoding="utf-8",
    )
    (app_dir / "settings" / "overrides.json").write_text(
        '{"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}',
        encoding="utf-8",
    )
    monkeypatch.setenv("JUPYTERLAB_DIR", str(app_dir))
    user_config = tmp_path / "user-config"
    (user_config / "custom").mkdir(parents=True)
    (user_config / "custom" / "custom.css").write_text("body { color: navy; }", encoding="utf-8")
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(user_config))
    return app_dir


def test_lab_turns_off_the_news_for_this_launch_only(
    fake_notebooks: Path,
    installed_lab: Path,
    tmp_path: Path,
    read_tree,
    launched,
    capsys: pytest.CaptureFixture[str],
) -> None:
    user_config = Path(os.environ["JUPYTER_CONFIG_DIR"])
    installed_before, user_before = read_tree(installed_lab), read_tree(user_config)
    assert run(capsys, "lab", tmp_path / "mine")[0] == 0
    [(_, argv), (_, files)] = launched
    [settings] = [a.split("=", 1)[1] for a in argv if a.startswith("--LabApp.app_settings_dir=")]
    css, *settings_files = files
    # a sidebar wide enough for the notebooks' names, then the user's own CSS
    assert css == f"custom/custom.css={cli.LAB_CSS}body {{ color: navy; }}"
    ours, overrides, page_config = (json.loads(text.split("=", 1)[1]) for text in settings_files)
    assert page_config == {
        "disabledExtensions": {
            "@jupyterlab/extensionmanager-extension": True,
            "@jupyterlab/apputils-extension:announcements": True,
        }
    }
    assert overrides == {"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}
    assert ours == {
        "@jupyterlab/apputils-extension:notification": {
            "fetchNews": "false",
            "checkForUpdates": False,
        },
        "@jupyterlab/filebrowser-extension:browser": {"showLastModifiedColumn": False},
    }
    assert [name.split("=")[0] for name in settings_files] == [
        "settings/overrides.d/leninism-study.json",
        "settings/overrides.json",
        "settings/page_config.json",
    ]
    assert "--LabApp.custom_css=True" in argv
    assert read_tree(installed_lab) == installed_before  # the installation is untouched
    assert not Path(settings).exists()  # the launch's settings are gone with it
    assert read_tree(user_config) == user_before


def test_lab_without_a_start_notebook_opens_jupyterlab_as_usual(
    fake_notebooks: Path, tmp_path: Path, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "mine"
    dest.mkdir()
    (dest / "my-own.ipynb").write_text("{}", encoding="utf-8")
    assert run(capsys, "lab", dest)[0] == 0
    [(_, argv), _] = launched
    assert not [a for a in argv if "default_url" in a]


def test_lab_reopens_an_existing_folder_without_touching_it(
    fake_notebooks: Path, tmp_path: Path, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "mine"
    dest.mkdir()
    (dest / cli.START_NOTEBOOK).write_text("my notes", encoding="utf-8")
    status, out, _ = run(capsys, "lab", dest, "--port", "8123")
    assert status == 0
    assert sorted(p.name for p in dest.iterdir()) == [cli.START_NOTEBOOK]
    assert (dest / cli.START_NOTEBOOK).read_text(encoding="utf-8") == "my notes"
    assert "nothing was copied or overwritten" in out
    [(_, argv), _] = launched
    assert "--ServerApp.port=8123" in argv and "--ServerApp.port_retries=0" in argv
    assert "--ServerApp.open_browser=False" not in argv


def test_lab_defaults_to_a_folder_in_the_current_directory(
    fake_notebooks: Path,
    tmp_path: Path,
    launched,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "lab")[0] == 0
    assert (tmp_path / "leninism-study-notebooks" / cli.START_NOTEBOOK).is_file()


def test_lab_says_when_jupyterlab_is_missing(
    fake_notebooks: Path,
    tmp_path: Path,
    launched,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real_find_spec = cli.importlib.util.find_spec
    monkeypatch.setattr(
        cli.importlib.util,
        "find_spec",
        lambda name: None if name == "jupyterlab" else real_find_spec(name),
    )
    status, _, err = run(capsys, "lab", tmp_path / "mine")
    assert status == 2
    assert_one_line_error(
        err, "JupyterLab is not installed for this Python", "-m pip install 'leninism-study[lab]'"
    )
    assert launched == [] and not (tmp_path / "mine").exists()


def test_lab_says_when_the_port_is_taken(
    fake_notebooks: Path, tmp_path: Path, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        status, _, err = run(capsys, "lab", tmp_path / "mine", "--port", port)
    assert status == 2
    assert_one_line_error(err, f"port {port} is already in use", "choose another port with --port")
    assert launched == [] and not (tmp_path / "mine").exists()


def test_lab_refuses_a_file_as_its_folder(
    fake_notebooks: Path, tmp_path: Path, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    status, _, err = run(capsys, "lab", tmp_path / "notes.txt")
    assert status == 2
    assert_one_line_error(err, "notes.txt is a file, not a folder")
    assert launched == []


# --------------------------------------------------------------------------- export


@pytest.fixture
def tiny_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two small tables standing in for ``leninism_data.TABLES``, with every kind of column."""
    chapters = pd.DataFrame(
        {
            "chapter": [0, 1],
            "numeral": ["", "I"],
            "title": ["Introduction", "The Historical Roots of Leninism"],
        }
    )
    paragraphs = pd.DataFrame(
        {
            "paragraph_id": ["Intro.1", "I.1"],
            "footnotes": [(), (1, 2)],
            "volume": pd.array([25, None], dtype="Int64"),
            "ibid": [False, True],
            "share": [0.5, 0.25],
            "kind": pd.Categorical(
                ["prose", "quotation"], categories=["prose", "quotation"], ordered=True
            ),
            "text": ["“Leninism is …”, he wrote", "Line one;\nline two"],
        }
    )
    monkeypatch.setattr(
        leninism_data,
        "TABLES",
        {"chapters": chapters.copy, "paragraphs": paragraphs.copy},
        raising=False,
    )
    monkeypatch.setattr(
        leninism_data,
        "DATA_DICTIONARY",
        {
            "chapters": {"chapter": "0 = Introduction", "title": "as printed"},
            "paragraphs": {"footnotes": "markers"},
        },
        raising=False,
    )


def test_export_writes_csv_tables_and_a_data_dictionary(
    tiny_tables: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "export", tmp_path / "data")
    assert status == 0
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == [
        "README.md",
        "chapters.csv",
        "data_dictionary.csv",
        "paragraphs.csv",
    ]
    assert out.splitlines()[-2:] == [
        str(tmp_path / "data" / "data_dictionary.csv"),
        str(tmp_path / "data" / "README.md"),
    ]
    paragraphs = pd.read_csv(tmp_path / "data" / "paragraphs.csv", keep_default_na=False)
    assert paragraphs["footnotes"].tolist() == ["", "1;2"]
    assert paragraphs["text"].tolist() == ["“Leninism is …”, he wrote", "Line one;\nline two"]
    assert paragraphs["volume"].tolist() == ["25", ""]
    dictionary = pd.read_csv(tmp_path / "data" / "data_dictionary.csv", keep_default_na=False)
    assert dictionary.columns.tolist() == ["table", "column", "type", "dtype", "meaning"]
    rows = {(r.table, r.column): (r.type, r.meaning) for r in dictionary.itertuples()}
    assert rows[("chapters", "chapter")] == ("integer", "0 = Introduction")
    assert rows[("chapters", "numeral")] == ("text", "")
    assert rows[("paragraphs", "footnotes")] == ("list of integers", "markers")
    assert rows[("paragraphs", "volume")][0] == "integer (may be empty)"
    assert rows[("paragraphs", "ibid")][0] == "true/false"
    assert rows[("paragraphs", "share")][0] == "number"
    assert rows[("paragraphs", "kind")][0] == "category: prose, quotation"
    assert len(rows) == 10


def test_export_json_keeps_lists_and_missing_values(
    tiny_tables: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "export", tmp_path, "--format", "json", "--tables", "paragraphs")[0] == 0
    records = json.loads((tmp_path / "paragraphs.json").read_text(encoding="utf-8"))
    assert records[1]["footnotes"] == [1, 2] and records[0]["footnotes"] == []
    assert records[1]["volume"] is None and records[1]["ibid"] is True
    assert records[0]["text"] == "“Leninism is …”, he wrote"
    assert not (tmp_path / "chapters.json").exists()
    assert [
        r["table"]
        for r in json.loads((tmp_path / "data_dictionary.json").read_text(encoding="utf-8"))
    ] == ["paragraphs"] * 7


def test_export_parquet_round_trips(
    tiny_tables: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(capsys, "export", tmp_path, "--format", "parquet", "--tables", "paragraphs,chapters")[
            0
        ]
        == 0
    )
    paragraphs = pd.read_parquet(tmp_path / "paragraphs.parquet")
    assert [list(v) for v in paragraphs["footnotes"]] == [[], [1, 2]]
    assert paragraphs["kind"].cat.categories.tolist() == ["prose", "quotation"]
    assert (
        pd.read_parquet(tmp_path / "chapters.parquet")["title"].tolist()[1]
        == "The Historical Roots of Leninism"
    )


def test_export_says_when_pyarrow_is_missing(
    tiny_tables: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real_find_spec = cli.importlib.util.find_spec
    monkeypatch.setattr(
        cli.importlib.util,
        "find_spec",
        lambda name: None if name == "pyarrow" else real_find_spec(name),
    )
    status, _, err = run(capsys, "export", tmp_path / "data", "--format", "parquet")
    assert status == 2
    assert_one_line_error(
        err, "writing Parquet needs the pyarrow package", "-m pip install pyarrow", "--format csv"
    )
    assert not (tmp_path / "data").exists()


def test_export_names_the_tables_when_one_is_unknown(
    tiny_tables: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "export", tmp_path / "data", "--tables", "chapters", "paragraph")
    assert status == 2
    assert_one_line_error(
        err,
        "unknown table 'paragraph' (did you mean 'paragraphs'?); the tables are: chapters, paragraphs",
    )
    assert not (tmp_path / "data").exists()


def test_export_says_when_the_folder_cannot_be_written(
    tiny_tables: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    status, _, err = run(capsys, "export", tmp_path / "a-file" / "data")
    assert status == 2
    assert_one_line_error(err, f"cannot write to {tmp_path / 'a-file' / 'data'}: Not a directory")


def test_export_writes_every_real_table_with_its_meanings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "export", tmp_path)[0] == 0
    assert sorted(p.stem for p in tmp_path.iterdir()) == sorted(
        [*leninism_data.TABLES, "data_dictionary", "README"]
    )
    chapters = pd.read_csv(tmp_path / "chapters.csv", keep_default_na=False)
    assert len(chapters) == 10
    assert chapters["numeral"].tolist() == [
        "",
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
    ]
    footnotes = pd.read_csv(tmp_path / "footnotes.csv")
    assert len(footnotes) == 32
    assert footnotes.loc[0, "text"].startswith(
        "J. V. Stalin’s lectures, The Foundations of Leninism, were published in Pravda"
    )
    paragraphs = pd.read_csv(tmp_path / "paragraphs.csv", keep_default_na=False).set_index(
        "paragraph_id"
    )
    assert paragraphs.loc["II.23", "footnotes"] == "6;7"
    dictionary = pd.read_csv(tmp_path / "data_dictionary.csv", keep_default_na=False)
    assert (dictionary["meaning"] != "").all(), dictionary[dictionary["meaning"] == ""]
    row = dictionary.set_index(["table", "column"]).loc[("paragraphs", "footnotes")]
    assert row["type"] == "list of integers"


# --------------------------------------------------------------------------- app


@pytest.fixture
def fake_widgets(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``leninism_data.widgets`` module with a Concordance widget only."""
    module = types.ModuleType("leninism_data.widgets")
    module.Concordance = object  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "leninism_data.widgets", module)
    monkeypatch.setattr(leninism_data, "widgets", module, raising=False)


def test_app_serves_a_widget_with_voila_without_code(
    fake_widgets: None, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, _ = run(capsys, "app", "concordance", "--no-browser", "--port", "8133")
    assert status == 0
    [(module, argv), (_, [notebook]), (_, [jupyter_path])] = launched
    assert module == "voila.app"
    assert Path(argv[0]).name == "Concordance.ipynb"
    assert argv[1:] == [
        "--Voila.ip=127.0.0.1",
        "--strip_sources=True",
        "--theme=light",
        "--template=leninism-study",
        "--port=8133",
        "--Voila.port_retries=0",
        "--no-browser",
    ]
    title, widget = json.loads(notebook)["cells"]
    assert title["source"] == (
        "# Concordance: every occurrence in its context\n\n"
        "Type a word or a phrase (proletar* matches every ending) and press Enter; each "
        "line shows one occurrence with the words around it, its paragraph and its page."
    )
    assert widget["source"] == (
        'from leninism_data.widgets import Concordance\nConcordance("proletariat")'
    )
    assert not Path(argv[0]).exists()  # the temporary app notebook is removed afterwards
    # Voilà finds the app template in the package while it runs, and only then
    template = Path(jupyter_path.split(os.pathsep)[0]) / "voila" / "templates" / "leninism-study"
    assert json.loads((template / "conf.json").read_text(encoding="utf-8")) == {
        "base_template": "lab"
    }
    assert os.environ.get("JUPYTER_PATH", "") != jupyter_path


@pytest.mark.parametrize("name", list(cli.APP_PAGES))
def test_each_app_starts_on_a_first_view_of_its_widget(
    name: str, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "app", name)[0] == 0
    [_, (_, [notebook]), _] = launched
    metadata, (title, widget) = json.loads(notebook)["metadata"], json.loads(notebook)["cells"]
    page = cli.APP_PAGES[name]
    assert metadata["title"] == f"{page.title} · The Foundations of Leninism"
    assert title["source"].startswith(f"# {page.title}\n\n")
    assert title["source"].count("\n") == 2  # a title and one line of instructions
    # the first view really is one: the widget shows a result for it
    import leninism_data.widgets

    shown = eval(widget["source"].splitlines()[-1], vars(leninism_data.widgets))
    assert len(shown.result) > 0


def test_app_large_type_scales_the_page_for_a_projector(
    fake_widgets: None, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "app", "concordance", "--large")[0] == 0
    [(_, argv), _, _] = launched
    assert argv[-1] == "--VoilaConfiguration.resources={'scale': 1.5}"


def test_app_serves_a_notebook_of_ones_own(
    tmp_path: Path, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    notebook = tmp_path / "my lesson.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    assert run(capsys, "app", notebook)[0] == 0
    [(_, argv), _, _] = launched
    assert argv[:5] == [
        str(notebook),
        "--Voila.ip=127.0.0.1",
        "--strip_sources=True",
        "--theme=light",
        "--template=leninism-study",
    ]


def test_app_wants_a_token_when_others_can_connect(
    tmp_path: Path, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    notebook = tmp_path / "lesson.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    assert run(capsys, "app", notebook, "--ip", "0.0.0.0")[0] == 0
    [(_, argv), _, _] = launched
    [token] = [a for a in argv if a.startswith("--token=")]
    assert len(token) > len("--token=") + 16


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "explorers",
            "unknown app 'explorers'; choose one of: explorer, concordance, compare, reader (or a .ipynb file)",
        ),
        ("missing.ipynb", "there is no notebook missing.ipynb"),
        ("reader", "this version of leninism_data has no Reader widget for the 'reader' app"),
    ],
)
def test_app_explains_what_it_cannot_serve(
    target: str, message: str, fake_widgets: None, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "app", target)
    assert status == 2
    assert_one_line_error(err, message)
    assert launched == []


def test_app_says_when_voila_is_missing(
    fake_widgets: None,
    launched,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real_find_spec = cli.importlib.util.find_spec
    monkeypatch.setattr(
        cli.importlib.util,
        "find_spec",
        lambda name: None if name == "voila" else real_find_spec(name),
    )
    status, _, err = run(capsys, "app", "concordance")
    assert status == 2
    assert_one_line_error(
        err, "Voilà is not installed for this Python", "-m pip install 'leninism-study[lab]'"
    )


def test_app_says_when_the_port_is_taken(
    fake_widgets: None, launched, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        status, _, err = run(capsys, "app", "concordance", "--port", port)
    assert status == 2
    assert_one_line_error(err, f"port {port} is already in use")
    assert launched == []


# --------------------------------------------------------------------------- export: safety


def test_export_writes_a_readme_of_provenance(
    tiny_tables: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from leninism_data.corpus.source import SOURCE_SHA256

    assert run(capsys, "export", tmp_path)[0] == 0
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert (
        "J. V. Stalin, *The Foundations of Leninism*, Foreign Languages Press, Paris, 2020, "
        "ISBN 978-2-491182-16-8, reprinting the edition of the Foreign Languages Press, "
        "Peking, 1970" in readme
    )
    assert "CC BY-SA 4.0" in readme
    assert f"sha256 `{SOURCE_SHA256}`" in readme
    assert f"leninism-study {cli._version()} on " in readme
    assert "- `paragraphs.csv`: 2 rows" in readme


def test_export_refuses_to_overwrite_without_force(
    tiny_tables: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "chapters.csv").write_text("my own edits\n", encoding="utf-8")
    status, _, err = run(capsys, "export", tmp_path)
    assert status == 2
    assert_one_line_error(err, f"{tmp_path} already holds chapters.csv; nothing was written")
    assert (tmp_path / "chapters.csv").read_text(encoding="utf-8") == "my own edits\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chapters.csv"]
    assert run(capsys, "export", tmp_path, "--force")[0] == 0
    assert pd.read_csv(tmp_path / "chapters.csv")["title"].tolist() == [
        "Introduction",
        "The Historical Roots of Leninism",
    ]


@pytest.mark.parametrize("flag", [["--excel"], ["--encoding", "utf-8-sig"]])
def test_export_for_excel_has_a_byte_order_mark_and_no_formulas(
    tiny_tables: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    flag: list[str],
) -> None:
    hostile = pd.DataFrame({"chapter": [0, 1], "title": ['=HYPERLINK("http://x")', "-J. St."]})
    monkeypatch.setitem(leninism_data.TABLES, "chapters", hostile.copy)
    assert run(capsys, "export", tmp_path, "--tables", "chapters", *flag)[0] == 0
    raw = (tmp_path / "chapters.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[1:] == [
        '0,"\'=HYPERLINK(""http://x"")"',
        "1,'-J. St.",
    ]


def test_a_failed_export_leaves_the_good_file_in_place(
    tiny_tables: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run(capsys, "export", tmp_path)[0] == 0
    good = (tmp_path / "paragraphs.csv").read_bytes()

    def disk_full(frame: pd.DataFrame, path: Path, fmt: str, **options: object) -> None:
        path.write_text("paragraph_id,footn", encoding="utf-8")  # cut off mid-way
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli, "write_table", disk_full)
    status, _, err = run(capsys, "export", tmp_path, "--force")
    assert status == 2
    assert_one_line_error(err, f"cannot write to {tmp_path}: No space left on device")
    assert (tmp_path / "paragraphs.csv").read_bytes() == good
    assert not list(tmp_path.glob(".*partial"))


def test_an_altered_book_text_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from leninism_data.corpus.source import SourceTextError

    def altered() -> pd.DataFrame:
        raise SourceTextError(
            "The source text 'foundations_of_leninism.txt' at /x has been altered: its "
            "sha256 is 00, expected bedb."
        )

    monkeypatch.setitem(leninism_data.TABLES, "chapters", altered)
    status, _, err = run(capsys, "export", tmp_path / "data", "--tables", "chapters")
    assert status == 2
    assert_one_line_error(err, "'foundations_of_leninism.txt' at /x has been altered")
    assert "Traceback" not in err


def test_an_unreadable_lab_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(folder: Path, port: object = None, open_browser: bool = True) -> int:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(cli, "start_lab", unreadable)
    status, _, err = run(capsys, "lab", tmp_path / "class")
    assert status == 2
    assert_one_line_error(err, f"Permission denied: {tmp_path / 'class'}")
