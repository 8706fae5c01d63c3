"""Fixtures shared by the whole test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout the tests run from (holds pyproject.toml, notebooks/, README.md)."""
    return REPO_ROOT


def _read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative POSIX path -> bytes), as the CLI copies them."""
    from leninism_data.cli import IGNORED_NAMES

    ignored = {name for name in IGNORED_NAMES if "*" not in name}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not ignored & set(path.relative_to(folder).parts)
        and path.suffix != ".pyc"
    }


@pytest.fixture(scope="session")
def read_tree():
    """A function reading a folder into ``{relative path: bytes}``, skipping Jupyter's litter."""
    return _read_tree


@pytest.fixture(scope="session")
def shipped_notebooks(repo_root: Path) -> dict[str, bytes]:
    """The checkout's ``notebooks/`` folder, file by file: what every copy must equal."""
    return _read_tree(repo_root / "notebooks")


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Leave conftest.py files out of ``--doctest-modules``.

    They hold fixtures, not doctests, and two of them (tests/ and tests/browser/) would
    clash there as two modules named ``conftest``. Loading them as conftests is unaffected.
    """
    return True if collection_path.name == "conftest.py" else None


@pytest.fixture
def notes_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point ``LENINISM_STUDY_NOTES`` at a temporary file: no test touches the user's notes."""
    path = tmp_path / "env" / "notes.sqlite3"
    monkeypatch.setenv("LENINISM_STUDY_NOTES", str(path))
    return path


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the figures of the hostile-input tests, when they ran."""
    import sys

    module = sys.modules.get("tests.test_hostile_input") or sys.modules.get("test_hostile_input")
    figures = getattr(module, "FIGURES", None)
    if figures:
        terminalreporter.section("hostile input")
        for name in ("calls tried", "documented errors", "raw exceptions", "hangs (over 2 s)",
                     "notes round-tripped", "notes lost"):  # fmt: skip
            terminalreporter.write_line(f"{name}: {figures.get(name, 0):,}")
