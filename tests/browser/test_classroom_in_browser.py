"""Two students in the classroom hub, in Chromium: their own notebooks and notes, nothing more.

``leninism-study classroom start`` runs as root on a free port of 127.0.0.1 with two
throwaway students (system users ``lsbt<random>-anna`` and ``-boris``, deleted afterwards).
Each logs in through the hub's login page, sees their own copy of the notebooks, and writes
a note from a kernel of their own; neither sees the other's note, neither can open the
other's server, and at the OS level neither can read the other's home.

Needs root (it creates system users): skipped otherwise, with that reason.
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from lab_driver import PAGE_TIMEOUT_MS
from playwright.sync_api import Page, expect

from leninism_data.classroom import hub, roster, teacher

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        os.geteuid() != 0,
        reason="the classroom hub test creates system users for two students: run it as root",
    ),
]

PASSWORD = "seminar-password-for-the-test"
NOTE_NOTEBOOK = "my-note.ipynb"


@dataclass
class Classroom:
    base: str
    students: tuple[str, str]
    data_dir: Path


def free_ports() -> int:
    """A port P of 127.0.0.1 with P+1 and P+2 free too (the hub, its proxy API, the hub API)."""
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        try:
            for offset in (1, 2):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port + offset))
            return port
        except OSError:
            continue
    raise RuntimeError("no three consecutive free ports on 127.0.0.1")


@pytest.fixture(scope="module")
def classroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Classroom]:
    prefix = f"lsbt{secrets.token_hex(3)}"
    students = (f"{prefix}-anna", f"{prefix}-boris")
    folder = tmp_path_factory.mktemp("classroom")
    (folder / "password").write_text(PASSWORD + "\n", encoding="utf-8")
    # The students' servers run this Python as the students; a Python under root's
    # home (pyenv) needs that folder to be enterable (o+x) for the time of the test.
    import leninism_data

    blocked = hub.unreachable_by_students([Path(sys.executable), Path(leninism_data.__file__)])
    modes = {path: path.stat().st_mode for path in blocked}
    for path in blocked:
        path.chmod(path.stat().st_mode | 0o001)
    port = free_ports()
    log = folder / "hub.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "leninism_data", "classroom", "start", "--data-dir",
             str(folder / "hub"), "--students", ",".join(students),
             "--teacher", f"{prefix}-tanya", "--password-file", str(folder / "password"),
             "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, log.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, log.read_text(errors="replace")[-3000:]
            try:
                with urllib.request.urlopen(f"{base}/hub/api/", timeout=5):
                    break
            except OSError:
                time.sleep(0.5)
        yield Classroom(base, students, folder / "hub")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        for name in (*students, f"{prefix}-tanya"):
            assert roster.remove_account(name)
            assert roster.classroom_account(name) is None
        for path, mode in modes.items():
            path.chmod(mode)


def log_in(page: Page, classroom: Classroom, name: str) -> None:
    """Log in through the hub's login page; wait for JupyterLab's file browser."""
    page.context.clear_cookies()
    page.goto(f"{classroom.base}/hub/login", wait_until="domcontentloaded")
    page.locator("#username_input").fill(name)
    page.locator("#password_input").fill(PASSWORD)
    page.locator("#login_submit").click()
    page.wait_for_url(f"**/user/{name}/lab/**", timeout=PAGE_TIMEOUT_MS)


def write_note_notebook(page: Page, name: str, note: str) -> None:
    """Put a one-cell notebook that adds ``note`` to the student's default store."""
    source = (
        "import leninism_data as ld\n"
        "store = ld.NoteStore()\n"
        f"if {note!r} not in set(store.list()['text']):\n"
        f"    store.add('IV.27', {note!r}, tags=['seminar'])\n"
        "print('NOTES:', ' | '.join(store.list()['text']))"
    )
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "note",
                "metadata": {},
                "outputs": [],
                "source": source,
            }
        ],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    status = page.evaluate(
        """async ([url, body]) => {
            const xsrf = document.cookie.split('; ').find(c => c.startsWith('_xsrf='));
            const response = await fetch(url, {
                method: 'PUT',
                headers: {'Content-Type': 'application/json',
                          'X-XSRFToken': xsrf ? decodeURIComponent(xsrf.slice(6)) : ''},
                body: JSON.stringify(body),
            });
            return response.status;
        }""",
        [
            f"/user/{name}/api/contents/{NOTE_NOTEBOOK}",
            {"type": "notebook", "format": "json", "content": notebook},
        ],
    )
    assert status == 201


def run_note(page: Page, classroom: Classroom, name: str) -> str:
    """Open the note notebook alone, run its cell, and return the line listing the notes."""
    workspace = f"note-{secrets.token_hex(4)}"  # a new workspace: no other notebook open
    page.goto(
        f"{classroom.base}/user/{name}/lab/workspaces/{workspace}/tree/{NOTE_NOTEBOOK}",
        wait_until="domcontentloaded",
    )
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    expect(panel.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_be_visible(
        timeout=PAGE_TIMEOUT_MS
    )
    wait_kernel_connected(page, name)
    output = panel.locator(".jp-OutputArea-output", has_text="NOTES:")
    for _ in range(3):  # the cell only adds the note if it is not there yet
        panel.locator(".jp-CodeCell .jp-InputArea-editor").first.click()
        page.keyboard.press("Control+Enter")
        try:
            expect(output).to_be_visible(timeout=30_000)
            break
        except AssertionError:
            continue
    expect(output).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    return output.inner_text()


def wait_kernel_connected(page: Page, name: str) -> None:
    """Wait until the page's websocket to the student's kernel is open and the kernel idle."""
    page.wait_for_function(
        """async (name) => {
            const xsrf = document.cookie.split('; ').find(c => c.startsWith('_xsrf='));
            const response = await fetch(`/user/${name}/api/kernels`, {
                headers: {'X-XSRFToken': xsrf ? decodeURIComponent(xsrf.slice(6)) : ''},
            });
            const kernels = await response.json();
            return Array.isArray(kernels)
                && kernels.some(k => k.connections > 0 && k.execution_state === 'idle');
        }""",
        arg=name,
        polling=500,
        timeout=PAGE_TIMEOUT_MS,
    )


def test_each_student_has_their_own_notebooks_and_notes(classroom: Classroom, page: Page) -> None:
    notes = {}
    for name in classroom.students:
        log_in(page, classroom, name)
        listing = page.locator(".jp-DirListing-content")
        expect(listing.get_by_text("00-start-here.ipynb", exact=True)).to_be_visible(
            timeout=PAGE_TIMEOUT_MS
        )
        write_note_notebook(page, name, f"{name}: arises from the breaking up of the order.")
        notes[name] = run_note(page, classroom, name)
    anna, boris = classroom.students

    # each store holds its student's note only
    assert notes[anna].strip() == f"NOTES: {anna}: arises from the breaking up of the order."
    assert notes[boris].strip() == f"NOTES: {boris}: arises from the breaking up of the order."

    # boris (still logged in) cannot open anna's server
    response = page.goto(f"{classroom.base}/user/{anna}/lab", wait_until="domcontentloaded")
    assert response is not None and response.status == 403

    # the teacher logs in with the admin password and sees both students in the admin page
    teacher_name = classroom.students[0].replace("-anna", "-tanya")
    admin_password = hub.load_settings(classroom.data_dir).admin_password
    page.context.clear_cookies()
    page.goto(f"{classroom.base}/hub/login", wait_until="domcontentloaded")
    page.locator("#username_input").fill(teacher_name)
    page.locator("#password_input").fill(admin_password)
    page.locator("#login_submit").click()
    page.wait_for_url(lambda url: "/hub/login" not in url, timeout=PAGE_TIMEOUT_MS)
    admin = page.goto(f"{classroom.base}/hub/admin", wait_until="domcontentloaded")
    assert admin is not None and admin.status == 200
    for name in classroom.students:
        expect(page.get_by_test_id(f"user-name-div-{name}")).to_have_text(
            name, timeout=PAGE_TIMEOUT_MS
        )

    # their files: their own copy of the notebooks, owned by them, private homes
    for name in classroom.students:
        home = Path(pwd.getpwnam(name).pw_dir)
        assert home.stat().st_mode & 0o777 == 0o700
        assert (home / teacher.NOTEBOOKS_FOLDER / "00-start-here.ipynb").stat().st_uid == (
            pwd.getpwnam(name).pw_uid
        )
    anna_notes = teacher.student_notes_path(Path(pwd.getpwnam(anna).pw_dir))
    assert anna_notes.is_file()
    refused = subprocess.run(
        ["su", "-s", "/bin/sh", "-c", f"cat {anna_notes}", boris],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert refused.returncode != 0 and "Permission denied" in refused.stderr

    # the teacher collects both notes into one file
    merged = classroom.data_dir.parent / "seminar.json"
    subprocess.run(
        [sys.executable, "-m", "leninism_data", "classroom", "collect-notes", "--data-dir",
         str(classroom.data_dir), str(merged)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    collected = json.loads(merged.read_text(encoding="utf-8"))["notes"]
    assert sorted((n["anchor"], n["tags"][0], n["text"]) for n in collected) == [
        ("IV.27", name, f"{name}: arises from the breaking up of the order.")
        for name in classroom.students
    ]
