"""``leninism-study classroom``: settings, names, limits, the students' folders and notes.

The hub itself (JupyterHub with real students logging in) is tested in
tests/browser/test_classroom_in_browser.py; here every check runs without a hub.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pwd
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from traitlets.config import Config, PyFileConfigLoader

import leninism_data as ld
from leninism_data import cli
from leninism_data.classroom import hub, limits, roster, teacher

REPO = Path(__file__).resolve().parent.parent
VALUES = REPO / "deploy" / "kubernetes" / "values.yaml"


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "password"
    path.write_text("seminar-of-may\n", encoding="utf-8")
    return path


@pytest.fixture
def trial(tmp_path: Path, password_file: Path) -> hub.Settings:
    """The settings of a trial without root: two students, one OS user."""
    return hub.plan(
        ["anna", "boris"],
        "tanya",
        data_dir=tmp_path / "hub",
        password_file=str(password_file),
        port=8100,
        same_os_user=True,
        as_root=False,
    )


def existing_account() -> str:
    """An account of this machine that a student name could collide with (e.g. 'games')."""
    return next(
        entry.pw_name
        for entry in pwd.getpwall()
        if entry.pw_uid > 0
        and entry.pw_gecos != roster.GECOS_MARKER
        and roster._NAME.fullmatch(entry.pw_name)
        and entry.pw_name not in roster.RESERVED_NAMES
    )


# --------------------------------------------------------------------------- configuration


def test_written_config_file_configures_jupyterhub(trial: hub.Settings) -> None:
    config_file = hub.write_hub_files(trial)
    loader = PyFileConfigLoader(config_file.name, path=str(config_file.parent))
    c = loader.load_config()

    assert c.JupyterHub.ip == "127.0.0.1" and c.JupyterHub.port == 8100
    assert (c.JupyterHub.hub_port, c.ConfigurableHTTPProxy.api_url) == (
        8102,
        "http://127.0.0.1:8101",
    )
    assert "ssl_cert" not in c.JupyterHub
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.SharedPasswordAuthenticator.user_password == "seminar-of-may"
    assert len(c.SharedPasswordAuthenticator.admin_password) >= hub.MIN_ADMIN_PASSWORD
    assert c.Authenticator.allowed_users == {"anna", "boris"}
    assert c.Authenticator.admin_users == {"tanya"}
    assert c.JupyterHub.spawner_class.__name__ == "ClassroomSpawner"
    assert c.Spawner.default_url == "/lab/tree/00-start-here.ipynb"
    assert c.Spawner.notebook_dir == "~/leninism-study-notebooks"
    assert c.Spawner.cmd == [sys.executable, "-m", "jupyterhub.singleuser"]
    assert c.Spawner.environment["OPENBLAS_NUM_THREADS"] == "1"
    assert c.ClassroomSpawner.same_os_user is True
    assert c.ClassroomSpawner.homes == str(Path(trial.data_dir) / "homes")
    # three users on a 24 GB machine share 3/4 of it; never below the 1 GiB floor
    expected = max(limits.MIN_ADDRESS_SPACE, int(limits.machine_memory() * 0.75 / 3))
    assert abs(c.ClassroomSpawner.address_space - expected) < limits.MIB
    assert c.Spawner.mem_limit == c.ClassroomSpawner.address_space
    (culler,) = c.JupyterHub.services
    assert culler["name"] == "idle-culler"
    assert culler["command"][1:] == [
        "-m",
        "jupyterhub_idle_culler",
        "--timeout=3600",
        "--cull-every=600",
    ]
    (role,) = c.JupyterHub.load_roles
    assert role["services"] == ["idle-culler"]
    assert set(role["scopes"]) == {
        "list:users",
        "read:users:activity",
        "read:servers",
        "delete:servers",
    }


def test_settings_file_is_private_and_passwords_are_kept(
    trial: hub.Settings, tmp_path: Path
) -> None:
    hub.write_hub_files(trial)
    saved = Path(trial.data_dir) / hub.SETTINGS_FILE
    assert saved.stat().st_mode & 0o777 == 0o600
    assert Path(trial.data_dir).stat().st_mode & 0o777 == 0o700
    assert hub.load_settings(Path(trial.data_dir)) == trial
    again = hub.plan(
        ["anna"], "tanya", data_dir=Path(trial.data_dir), same_os_user=True, as_root=False
    )
    assert (again.password, again.admin_password) == (trial.password, trial.admin_password)


def test_https_settings_reach_the_config(tmp_path: Path, password_file: Path) -> None:
    cert, key = tmp_path / "hub.crt", tmp_path / "hub.key"
    cert.write_text("cert", encoding="utf-8")
    key.write_text("key", encoding="utf-8")
    settings = hub.plan(
        ["anna"],
        "tanya",
        data_dir=tmp_path / "hub",
        password_file=str(password_file),
        ip="0.0.0.0",
        ssl_cert=str(cert),
        ssl_key=str(key),
        as_root=False,
    )
    c = Config()
    hub.configure(c, settings)
    assert (c.JupyterHub.ip, c.JupyterHub.ssl_cert, c.JupyterHub.ssl_key) == (
        "0.0.0.0",
        str(cert),
        str(key),
    )
    warning = hub.check_address("0.0.0.0", str(cert), str(key))
    assert warning is not None and warning.startswith("WARNING: the hub listens on 0.0.0.0")


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("ip", "cert", "message"),
    [
        ("0.0.0.0", None, "listening on 0.0.0.0 makes the hub reachable from other machines"),
        ("192.168.1.20", None, "give --ssl-cert and --ssl-key"),
        ("0.0.0.0", "missing.crt", "--ssl-cert missing.crt: there is no such file"),
    ],
)
def test_non_loopback_address_needs_a_certificate(ip: str, cert: str | None, message: str) -> None:
    with pytest.raises(roster.ClassroomError, match=message):
        hub.check_address(ip, cert, cert and "missing.key")


def test_cli_refuses_non_loopback_without_certificate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status = cli.main(
        ["classroom", "start", "--data-dir", str(tmp_path), "--students", "anna"]
        + ["--teacher", "tanya", "--ip", "0.0.0.0"]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("leninism-study: error: listening on 0.0.0.0 makes the hub reachable")
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / hub.SETTINGS_FILE).exists()


@pytest.mark.parametrize(
    ("students", "teacher_name", "message"),
    [
        ("anna,Boris", "tanya", "'Boris' is not a valid name: use a lower-case letter"),
        ("anna,root", "tanya", "'root' is reserved for the system"),
        ("anna,9lives", "tanya", "'9lives' is not a valid name"),
        ("anna,boris,anna", "tanya", "listed more than once: anna"),
        ("anna,tanya", "tanya", "the teacher 'tanya' is also listed as a student"),
        ("# nobody yet", "tanya", "no student names"),
        ("anna", "admin", "'admin' is reserved for the system"),
    ],
)
def test_roster_errors(students: str, teacher_name: str, message: str) -> None:
    with pytest.raises(roster.ClassroomError, match=message):
        roster.read_roster(students, teacher_name)


def test_roster_from_a_file(tmp_path: Path) -> None:
    names = tmp_path / "seminar.txt"
    names.write_text("# seminar 3, Tuesday\nanna\nboris-k  # joins late\n\nclara\n", "utf-8")
    assert roster.read_roster(str(names), "tanya") == ["anna", "boris-k", "clara"]


def test_existing_system_account_is_never_a_student(tmp_path: Path) -> None:
    name = existing_account()
    with pytest.raises(roster.ClassroomError, match=f"'{name}' is an existing account"):
        hub.plan([name], "tanya", data_dir=tmp_path, as_root=True)


def test_only_classroom_accounts_are_ever_removed() -> None:
    name = existing_account()
    with pytest.raises(roster.ClassroomError, match=f"'{name}' is an existing account"):
        roster.remove_account(name)
    assert pwd.getpwnam(name).pw_name == name
    assert roster.remove_account("lsnobody-here") is False


def test_several_students_without_root_need_same_os_user(tmp_path: Path) -> None:
    with pytest.raises(roster.ClassroomError, match="run 'classroom start' as root"):
        hub.plan(["anna", "boris"], "tanya", data_dir=tmp_path, as_root=False)
    with pytest.raises(roster.ClassroomError, match="--same-os-user is for a trial without root"):
        hub.plan(["anna"], "tanya", data_dir=tmp_path, same_os_user=True, as_root=True)


def test_short_password_and_small_memory_are_refused(tmp_path: Path) -> None:
    short = tmp_path / "short"
    short.write_text("lenin\n", encoding="utf-8")
    with pytest.raises(roster.ClassroomError, match="shorter than 8 characters"):
        hub.plan(["anna"], "tanya", data_dir=tmp_path, password_file=str(short), as_root=False)
    with pytest.raises(roster.ClassroomError, match="a memory limit of 700M is too small"):
        hub.plan(["anna"], "tanya", data_dir=tmp_path, mem_limit=700 * limits.MIB, as_root=False)


def test_help_names_the_three_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["classroom", "--help"])
    out = capsys.readouterr().out
    for command in (
        "leninism-study classroom start --students anna,boris,clara --teacher tanya",
        "leninism-study classroom handout reading-questions.ipynb",
        "leninism-study classroom collect-notes seminar-notes.md",
    ):
        assert command in out


def test_unreachable_python_is_explained(tmp_path: Path) -> None:
    private = tmp_path / "private"
    (private / "bin").mkdir(parents=True)
    private.chmod(0o700)
    assert hub.unreachable_by_students([private / "bin" / "python"])[-1] == private
    assert hub.unreachable_by_students([Path("/usr/bin/env")]) == []


# --------------------------------------------------------------------------- limits


def test_limits_are_enforced_and_the_study_runs_within_the_floor() -> None:
    """Under the smallest limit a process still loads the study and answers a query."""
    code = (
        "import os, resource\n"
        "from leninism_data.widgets import Concordance\n"
        "print(resource.getrlimit(resource.RLIMIT_AS)[1], os.nice(0),"
        " len(Concordance('party').result))\n"
        "try:\n"
        "    bytearray(2 * 2**30)\n"
        "except MemoryError:\n"
        "    print('MemoryError')\n"
    )
    floor = limits.Limits(limits.MIN_ADDRESS_SPACE)
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **limits.THREAD_ENVIRONMENT},
        preexec_fn=limits.apply_limits(floor),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    address_space, niceness, party_lines = result.stdout.split("\n")[0].split()
    assert int(address_space) == limits.MIN_ADDRESS_SPACE
    assert int(niceness) == os.nice(0) + limits.NICENESS
    assert int(party_lines) == len(ld.kwic("party"))
    assert result.stdout.split("\n")[1] == "MemoryError"
    assert resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY  # not ours


# --------------------------------------------------------------------------- folders and notes


def test_notebooks_copied_once_and_never_overwritten(tmp_path: Path) -> None:
    anna = teacher.Student("anna", tmp_path / "anna")
    copied = teacher.provision_notebooks(anna)
    assert Path("00-start-here.ipynb") in copied
    assert sorted(p.name for p in cli.notebooks_source().glob("*.ipynb")) == sorted(
        p.name for p in anna.notebooks.glob("*.ipynb")
    )
    start = anna.notebooks / "00-start-here.ipynb"
    start.write_text("anna's own version", encoding="utf-8")
    deleted = sorted(anna.notebooks.glob("*.ipynb"))[1]
    deleted.unlink()  # a student may delete a notebook: it does not come back
    assert teacher.provision_notebooks(anna) == []
    assert start.read_text(encoding="utf-8") == "anna's own version"
    assert not deleted.exists()


def test_lab_config_hides_the_news_prompt_and_keeps_a_students_own(tmp_path: Path) -> None:
    anna = teacher.Student("anna", tmp_path / "anna")
    written = teacher.provision_lab_config(anna)
    assert written == anna.home / ".jupyter" / "labconfig" / "page_config.json"
    assert json.loads(written.read_text("utf-8")) == {
        "disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}
    }
    written.write_text("{}", encoding="utf-8")
    assert teacher.provision_lab_config(anna) is None
    assert written.read_text("utf-8") == "{}"


def test_handout_reaches_every_student_and_keeps_their_own_file(tmp_path: Path) -> None:
    anna = teacher.Student("anna", tmp_path / "anna")
    boris = teacher.Student("boris", tmp_path / "boris")
    teacher.provision_notebooks(anna)
    (anna.notebooks / "questions.md").write_text("anna's answers", encoding="utf-8")
    handout = tmp_path / "questions.md"
    handout.write_text("1. What does IV.27 say the dictatorship arises from?", "utf-8")

    outcome = teacher.hand_out(handout, [anna, boris])

    assert outcome == {"anna": "kept their own file", "boris": "copied"}
    assert (anna.notebooks / "questions.md").read_text("utf-8") == "anna's answers"
    assert (boris.notebooks / "questions.md").read_text("utf-8").startswith("1. What does")
    assert (boris.notebooks / "00-start-here.ipynb").is_file()  # not logged in yet: got all
    with pytest.raises(roster.ClassroomError, match="there is no file"):
        teacher.hand_out(tmp_path / "missing.md", [anna])


def seminar_notes(tmp_path: Path) -> list[teacher.Student]:
    """Two students with real notes in their default stores (and one who wrote none)."""
    anna = teacher.Student("anna", tmp_path / "anna")
    boris = teacher.Student("boris", tmp_path / "boris")
    clara = teacher.Student("clara", tmp_path / "clara")
    for student in (anna, boris):
        student.notes.parent.mkdir(parents=True)
    with ld.NoteStore(anna.notes) as store:
        store.add("IV.27", "Arises from the breaking up of the bourgeois order.", tags=["state"])
        store.add("fn:3", "Which edition? The third Russian edition.")
    with ld.NoteStore(boris.notes) as store:
        store.add("VIII.3", "The need for a new, militant party.", tags=["party"])
        store.add("IV.27", "After the overthrow of the bourgeoisie.")
    return [anna, boris, clara]


def test_collect_notes_merges_every_students_store_as_json(tmp_path: Path) -> None:
    students = seminar_notes(tmp_path)
    before = students[0].notes.read_bytes()

    counts = teacher.collect_notes(students, tmp_path / "seminar.json")

    assert counts == {"anna": 2, "boris": 2, "clara": 0}
    document = json.loads((tmp_path / "seminar.json").read_text("utf-8"))
    notes = {(n["anchor"], n["text"]): n["tags"] for n in document["notes"]}
    assert notes == {
        ("IV.27", "Arises from the breaking up of the bourgeois order."): ["anna", "state"],
        ("fn:3", "Which edition? The third Russian edition."): ["anna"],
        ("VIII.3", "The need for a new, militant party."): ["boris", "party"],
        ("IV.27", "After the overthrow of the bourgeoisie."): ["boris"],
    }
    assert students[0].notes.read_bytes() == before  # read from a copy, never written
    with ld.NoteStore(tmp_path / "teacher.sqlite3") as store:
        assert store.import_file(tmp_path / "seminar.json") == 4


def test_collect_notes_as_markdown_study_sheet(tmp_path: Path) -> None:
    teacher.collect_notes(seminar_notes(tmp_path), tmp_path / "seminar.md")
    sheet = (tmp_path / "seminar.md").read_text("utf-8")
    passage = ld.paragraphs().set_index("paragraph_id").loc["IV.27", "text"]
    assert "## IV. The Dictatorship of the Proletariat" in sheet
    assert f"> {passage}" in sheet
    chapter_iv = sheet.split("\n## IV.")[1].split("\n## ")[0]
    assert "Arises from the breaking up" in chapter_iv
    assert "After the overthrow of the bourgeoisie." in chapter_iv
    assert "*Tags: anna, state*" in chapter_iv
    with pytest.raises(roster.ClassroomError, match=r"a \.md or \.json file, not 'notes\.txt'"):
        teacher.collect_notes([], tmp_path / "notes.txt")


def test_cli_collect_and_handout_use_the_saved_classroom(
    trial: hub.Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub.write_hub_files(trial)
    anna, boris = (trial.student(name) for name in trial.students)
    anna.notes.parent.mkdir(parents=True)
    with ld.NoteStore(anna.notes) as store:
        store.add("IV.27", "Arises from the breaking up of the bourgeois order.")
    handout = tmp_path / "week-2.md"
    handout.write_text("Read chapter IV.", encoding="utf-8")
    data = ["--data-dir", trial.data_dir]

    assert cli.main(["classroom", "handout", *data, str(handout)]) == 0
    assert cli.main(["classroom", "collect-notes", str(tmp_path / "all.json"), *data]) == 0

    out = capsys.readouterr().out
    assert "anna: copied\nboris: copied\n" in out
    assert "Wrote 1 notes of 2 students" in out
    assert (boris.notebooks / "week-2.md").read_text("utf-8") == "Read chapter IV."
    assert cli.main(["classroom", "handout", "x", "--data-dir", str(tmp_path / "none")]) == 2
    assert "no classroom in" in capsys.readouterr().err
    gone = dataclasses.replace(trial, same_os_user=False, students=("lsnobody-here",))
    with pytest.raises(roster.ClassroomError, match="'lsnobody-here' has no system user"):
        gone.student("lsnobody-here")


# --------------------------------------------------------------------------- Kubernetes


def test_kubernetes_values_match_the_local_hub() -> None:
    values = yaml.safe_load(VALUES.read_text(encoding="utf-8"))
    single = values["singleuser"]
    hub_config = values["hub"]["config"]
    assert single["image"]["name"] and single["image"]["tag"]
    assert single["defaultUrl"] == "/lab/tree/00-start-here.ipynb"
    assert single["memory"]["limit"] == f"{limits.MIN_ADDRESS_SPACE // limits.MIB}M"
    assert single["extraEnv"] == limits.THREAD_ENVIRONMENT
    assert values["cull"]["enabled"] is True
    assert values["cull"]["timeout"] == hub.DEFAULT_CULL_IDLE
    assert hub_config["JupyterHub"]["authenticator_class"] == "shared-password"
    assert hub_config["Authenticator"]["admin_users"] == ["teacher"]
    assert single["storage"]["homeMountPath"] == "/home/jovyan"
    dockerfile = (VALUES.parent / "Dockerfile").read_text(encoding="utf-8")
    assert "environment.yml" in dockerfile and "pyproject.toml" in dockerfile
    assert f"{single['image']['name']}:{single['image']['tag']}" in dockerfile
    assert single["cmd"] == "start-leninism-study"
    assert f"{single['cmd']}" in dockerfile
    start = (VALUES.parent / single["cmd"]).read_text(encoding="utf-8")
    assert "leninism-study notebooks" in start and "exec jupyterhub-singleuser" in start
    assert f"--values {VALUES.relative_to(REPO)}" in (REPO / "README.md").read_text("utf-8")


def test_a_clean_machine_installs_what_the_hub_needs() -> None:
    import tomllib

    from packaging.requirements import Requirement

    extras = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]
    assert {Requirement(r).name for r in extras["classroom"]} == {
        "leninism-study",  # its [lab] extra: each student's JupyterLab
        "jupyterhub",
        "jupyterhub-idle-culler",
    }
    assert "leninism-study[classroom]" in extras["test"]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "npm install -g --no-fund --no-audit configurable-http-proxy@5" in ci
    assert ci.index("configurable-http-proxy@5") < ci.index('bash -c "$TEST_COMMAND"')
