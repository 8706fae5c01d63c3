"""Packaging: the README's two commands, CI, environment.yml, and the wheel in a fresh venv."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

LAB_COMMAND = 'python -m pip install -e ".[lab]" && leninism-study lab'
TEST_COMMAND = 'python -m pip install -e ".[test]" && python -m pytest'


@pytest.fixture(scope="module")
def pyproject(repo_root: Path) -> dict:
    return tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))


def test_readme_gives_a_newcomer_exactly_two_commands(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    commands = [block.strip() for block in re.findall(r"```bash\n(.*?)```", readme, flags=re.S)]
    assert commands == [LAB_COMMAND, TEST_COMMAND]


def test_ci_runs_the_readme_test_command_verbatim(repo_root: Path) -> None:
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    assert f"TEST_COMMAND='{TEST_COMMAND}'\n" in ci
    assert 'bash -c "$TEST_COMMAND"' in ci
    assert ci.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in ci


def test_the_command_is_leninism_study(pyproject: dict) -> None:
    assert pyproject["project"]["scripts"] == {"leninism-study": "leninism_data.cli:main"}


def test_the_test_extra_installs_what_the_tests_use(pyproject: dict) -> None:
    test_extra = {
        Requirement(r).name for r in pyproject["project"]["optional-dependencies"]["test"]
    }
    needed = {
        "pytest",
        "pytest-timeout",
        "nbval",
        "playwright",
        "hatchling",
        "packaging",
        "pyarrow",
        "pyyaml",
    }
    assert needed <= test_extra
    runtime = {Requirement(r).name for r in pyproject["project"]["dependencies"]}
    assert {"pandas", "ipywidgets", "regex", "platformdirs"} <= runtime
    extras = pyproject["project"]["optional-dependencies"]
    # JupyterLab and Voilà serve the notebooks and apps; the data package needs neither
    assert {Requirement(r).name for r in extras["lab"]} == {"jupyterlab", "voila"}
    assert not {"jupyterlab", "voila"} & runtime
    assert "leninism-study[classroom]" in extras["test"]
    assert "leninism-study[lab]" in extras["classroom"]
    assert {"ruff", "mypy", "hypothesis", "jupytext", "nbclient"} <= test_extra


def test_environment_yml_pins_python_and_hands_the_rest_to_pyproject(
    repo_root: Path, pyproject: dict
) -> None:
    env = yaml.safe_load((repo_root / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    conda, pip = env["dependencies"][:-1], env["dependencies"][-1]
    assert conda == ["python=3.11", "pip"]
    assert SpecifierSet(pyproject["project"]["requires-python"]).contains("3.11")
    [editable] = pip["pip"]
    extras = re.fullmatch(r'-e "?\.\[([\w,-]+)\]"?', editable)
    assert extras, f"expected -e .[extras], got {editable!r}"
    assert set(extras[1].split(",")) <= set(pyproject["project"]["optional-dependencies"])


def test_the_licences_are_declared(pyproject: dict, repo_root: Path) -> None:
    """Code MIT; the book's text CC BY-SA 4.0, with its full legal code in LICENSES/."""
    assert pyproject["project"]["license"] == "MIT"
    assert pyproject["project"]["license-files"] == ["LICENSE", "LICENSES/*"]
    assert (repo_root / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    legal_code = (repo_root / "LICENSES" / "CC-BY-SA-4.0.txt").read_text(encoding="utf-8")
    assert legal_code.startswith("Attribution-ShareAlike 4.0 International\n")
    assert "Section 3 -- License Conditions." in legal_code


# --------------------------------------------------------------------------- the wheel


@pytest.fixture(scope="module")
def wheel(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout (with the hatchling the test extra installs)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            out,
            repo_root,
        ],
        check=True,
        timeout=300,
    )
    [built] = out.glob("leninism_study-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with only the wheel and its declared dependencies (from PyPI)."""
    root = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", root], check=True, timeout=120)
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run(
        [root / "bin" / "python", "-m", "pip", "install", "-q", wheel],
        check=True,
        timeout=900,
        env=env,
    )
    return root


def run_installed(venv: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the venv's ``leninism-study`` from a folder outside the checkout."""
    return subprocess.run(
        [venv / "bin" / "leninism-study", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_the_wheel_ships_the_notebooks_and_the_text_byte_for_byte(
    wheel: Path, repo_root: Path, shipped_notebooks: dict[str, bytes]
) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        prefix = "leninism_data/notebooks/"
        packaged = {n.removeprefix(prefix): archive.read(n) for n in names if n.startswith(prefix)}
        text = archive.read("leninism_data/data/foundations_of_leninism.txt")
        entry_points = archive.read(
            next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        ).decode()
    assert packaged == shipped_notebooks
    assert (
        text == (repo_root / "leninism_data" / "data" / "foundations_of_leninism.txt").read_bytes()
    )
    assert "leninism_data/py.typed" in names and "leninism_data/cli.py" in names
    assert not [
        n
        for n in names
        if "__pycache__" in n
        or ".ipynb_checkpoints" in n
        or n.startswith(("tests/", "tools/", "notebook-sources/"))
        or "/notebook-sources/" in n
    ]
    assert "leninism-study = leninism_data.cli:main" in entry_points


@pytest.mark.slow
def test_the_wheel_ships_the_licences_and_the_reviewed_data(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    licences = {n.split(".dist-info/licenses/")[1] for n in names if ".dist-info/licenses/" in n}
    assert {"LICENSE", "LICENSES/CC-BY-SA-4.0.txt", "LICENSES/README.md"} <= licences
    assert b"License-Expression: MIT" in metadata
    assert {"leninism_data/data/questions.toml", "leninism_data/data/DESCR.md"} <= names


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_the_installed_wheel_reads_the_book_from_its_own_files(venv: Path, tmp_path: Path) -> None:
    code = (
        "import leninism_data as ld, leninism_data.cli as cli; "
        "print(ld.__file__, cli.notebooks_source(), len(ld.footnotes()))"
    )
    done = subprocess.run(
        [venv / "bin" / "python", "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    module, notebooks, n_footnotes = done.stdout.split()
    assert Path(module).is_relative_to(venv)
    assert notebooks.endswith("site-packages/leninism_data/notebooks") and Path(
        notebooks
    ).is_relative_to(venv)
    assert n_footnotes == "32"


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_the_installed_wheel_copies_the_notebooks(
    venv: Path, tmp_path: Path, read_tree, shipped_notebooks: dict[str, bytes]
) -> None:
    done = run_installed(venv, "notebooks", "class", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert read_tree(tmp_path / "class") == shipped_notebooks


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_the_installed_wheel_exports_the_tables(venv: Path, tmp_path: Path) -> None:
    done = run_installed(venv, "export", "data", "--tables", "chapters", "footnotes", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == [
        "README.md",  # edition, licence, source sha256, version: read from the wheel's files
        "chapters.csv",
        "data_dictionary.csv",
        "footnotes.csv",
    ]
    assert (
        len((tmp_path / "data" / "footnotes.csv").read_text(encoding="utf-8").splitlines())
        == 1 + 32
    )
    assert (
        len((tmp_path / "data" / "chapters.csv").read_text(encoding="utf-8").splitlines())
        == 1 + 10
    )


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_the_installed_wheel_explains_that_parquet_needs_pyarrow(
    venv: Path, tmp_path: Path
) -> None:
    done = run_installed(venv, "export", "data", "--format", "parquet", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(
        "leninism-study: error: writing Parquet needs the pyarrow package"
    )
    assert not (tmp_path / "data").exists()
