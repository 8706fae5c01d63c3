"""The hub's settings, the JupyterHub configuration made from them, and starting the hub.

:func:`plan` checks a teacher's choices and returns :class:`Settings`;
:func:`write_hub_files` saves them (with the passwords, readable by root only) beside a
two-line ``jupyterhub_config.py`` that calls :func:`configure`; :func:`run_hub` runs
JupyterHub on that file. The same settings serve ``collect-notes`` and ``handout``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from leninism_data.classroom.limits import THREAD_ENVIRONMENT, limits_for
from leninism_data.classroom.roster import ClassroomError, check_free_or_ours, ensure_account
from leninism_data.classroom.teacher import NOTEBOOKS_FOLDER, START_NOTEBOOK, Student

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
SETTINGS_FILE = "classroom.json"
CONFIG_FILE = "jupyterhub_config.py"
MIN_PASSWORD = 8  # JupyterHub's SharedPasswordAuthenticator: students' password
MIN_ADMIN_PASSWORD = 32  # and the admin's
DEFAULT_CULL_IDLE = 3600
#: What the idle culler may do through the hub's API (its role).
CULLER_SCOPES = ("list:users", "read:users:activity", "read:servers", "delete:servers")


def default_data_dir() -> Path:
    """The hub's folder (database, cookie secret, settings) when ``--data-dir`` is not given."""
    return platformdirs.user_data_path("leninism-study") / "classroom"


@dataclass(frozen=True)
class Settings:
    """Everything the hub is started with; saved as JSON in the data folder."""

    students: tuple[str, ...]
    teacher: str
    password: str
    admin_password: str
    data_dir: str
    ip: str = "127.0.0.1"
    port: int = 8000
    ssl_cert: str | None = None
    ssl_key: str | None = None
    address_space: int = 2**30
    niceness: int = 5
    cull_idle: int = DEFAULT_CULL_IDLE
    same_os_user: bool = False
    python: str = field(default_factory=lambda: sys.executable)

    @property
    def homes(self) -> Path:
        """Where the students' homes are with ``same_os_user`` (else: their system homes)."""
        return Path(self.data_dir) / "homes"

    def student(self, name: str) -> Student:
        """Where student (or teacher) ``name`` keeps their files, and who owns them."""
        if self.same_os_user:
            return Student(name, self.homes / name)
        import pwd

        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            raise ClassroomError(
                f"{name!r} has no system user on this machine: run 'classroom start' (as root) "
                "first, which creates one per student"
            ) from None
        return Student(name, Path(entry.pw_dir), entry.pw_uid, entry.pw_gid)


def check_address(ip: str, ssl_cert: str | None, ssl_key: str | None) -> str | None:
    """Refuse a non-loopback address without a certificate; return a warning for one with it.

    >>> check_address("127.0.0.1", None, None) is None
    True
    >>> check_address("0.0.0.0", None, None)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    leninism_data.classroom.roster.ClassroomError: listening on 0.0.0.0 ... --ssl-key ...
    """
    if ip in LOOPBACK:
        return None
    if not (ssl_cert and ssl_key):
        raise ClassroomError(
            f"listening on {ip} makes the hub reachable from other machines: give --ssl-cert "
            "and --ssl-key (a certificate for this machine's name) so that passwords never "
            "cross the network in clear text"
        )
    for option, path in (("--ssl-cert", ssl_cert), ("--ssl-key", ssl_key)):
        if not Path(path).is_file():
            raise ClassroomError(f"{option} {path}: there is no such file")
    return (
        f"WARNING: the hub listens on {ip}: anyone who can reach this machine sees the "
        "login page. Only the listed students and the teacher can log in, over HTTPS with "
        "your certificate; keep the seminar password to the seminar."
    )


def read_password(path: str | None, previous: str | None) -> str:
    """The seminar password: the first line of ``path``, else the previous one, else a new one."""
    if path is None:
        return previous or secrets.token_urlsafe(9)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ClassroomError(f"cannot read the password file {path}: {exc.strerror}") from exc
    password = lines[0].strip() if lines else ""
    if len(password) < MIN_PASSWORD:
        raise ClassroomError(
            f"the seminar password in {path} is shorter than {MIN_PASSWORD} characters"
        )
    return password


def load_settings(data_dir: Path) -> Settings:
    """The settings saved by ``classroom start`` in ``data_dir``."""
    path = data_dir / SETTINGS_FILE
    if not path.is_file():
        raise ClassroomError(
            f"no classroom in {data_dir}: start one first with 'leninism-study classroom start' "
            "(or give the same --data-dir as then)"
        )
    values = json.loads(path.read_text(encoding="utf-8"))
    values["students"] = tuple(values["students"])
    return Settings(**values)


def plan(
    students: Sequence[str],
    teacher: str,
    *,
    data_dir: Path,
    password_file: str | None = None,
    ip: str = "127.0.0.1",
    port: int = 8000,
    ssl_cert: str | None = None,
    ssl_key: str | None = None,
    mem_limit: int | None = None,
    cull_idle: int = DEFAULT_CULL_IDLE,
    same_os_user: bool = False,
    as_root: bool | None = None,
) -> Settings:
    """Check the teacher's choices and return the hub's settings (nothing is created).

    Raises :class:`ClassroomError` for an address without a certificate, several students
    without root (unless ``same_os_user``), a name taken by a system account, a short
    password or an impossible memory limit.
    """
    as_root = os.geteuid() == 0 if as_root is None else as_root
    check_address(ip, ssl_cert, ssl_key)
    if cull_idle < 60:
        raise ClassroomError(f"--cull-idle {cull_idle}: give at least 60 seconds")
    if not as_root and not same_os_user and len(students) > 1:
        raise ClassroomError(
            "without root every student would run as your own user and could read the others' "
            "files: run 'classroom start' as root (it creates one system user per student), "
            "or, for a trial, add --same-os-user"
        )
    if as_root and same_os_user:
        raise ClassroomError("--same-os-user is for a trial without root; as root leave it out")
    if as_root:
        check_free_or_ours([*students, teacher])
    try:
        limits = limits_for(len(students) + 1, requested=mem_limit)
    except ValueError as exc:
        raise ClassroomError(str(exc)) from exc
    previous = _previous_passwords(data_dir)
    return Settings(
        students=tuple(students),
        teacher=teacher,
        password=read_password(password_file, previous.get("password")),
        admin_password=previous.get("admin_password") or secrets.token_urlsafe(32),
        data_dir=str(data_dir.resolve()),
        ip=ip,
        port=port,
        ssl_cert=ssl_cert and str(Path(ssl_cert).resolve()),
        ssl_key=ssl_key and str(Path(ssl_key).resolve()),
        address_space=limits.address_space,
        niceness=limits.niceness,
        cull_idle=cull_idle,
        same_os_user=same_os_user,
    )


def _previous_passwords(data_dir: Path) -> dict[str, str]:
    try:
        settings = load_settings(data_dir)
    except ClassroomError:
        return {}
    return {"password": settings.password, "admin_password": settings.admin_password}


def configure(c: Any, settings: Settings) -> None:
    """Fill JupyterHub's configuration object ``c`` from ``settings``."""
    from leninism_data.classroom.spawner import ClassroomSpawner, provision_hook

    data = Path(settings.data_dir)
    c.JupyterHub.ip = settings.ip
    c.JupyterHub.port = settings.port
    if settings.ssl_cert:
        c.JupyterHub.ssl_cert = settings.ssl_cert
        c.JupyterHub.ssl_key = settings.ssl_key
    # The proxy's API and the hub's own port follow the public one (PORT+1, PORT+2).
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = settings.port + 2
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.port + 1}"
    c.ConfigurableHTTPProxy.pid_file = str(data / "proxy.pid")
    c.JupyterHub.db_url = f"sqlite:///{data / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(data / "jupyterhub_cookie_secret")

    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = settings.password
    c.SharedPasswordAuthenticator.admin_password = settings.admin_password
    c.Authenticator.allowed_users = set(settings.students)
    c.Authenticator.admin_users = {settings.teacher}

    c.JupyterHub.spawner_class = ClassroomSpawner
    c.Spawner.cmd = [settings.python, "-m", "jupyterhub.singleuser"]
    c.Spawner.ip = "127.0.0.1"
    c.Spawner.notebook_dir = f"~/{NOTEBOOKS_FOLDER}"
    c.Spawner.default_url = f"/lab/tree/{START_NOTEBOOK}"
    c.Spawner.args = [
        "--LabApp.news_url=None",  # no news feed, no update check: nothing leaves the machine
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        # Kernels talk over Unix sockets in the student's private runtime folder, not TCP
        # ports: no other user can reach them, and thirty kernels starting at once cannot
        # collide on a port (measured: one in thirty did over TCP).
        "--KernelManager.transport=ipc",
    ]
    c.Spawner.environment = dict(THREAD_ENVIRONMENT)
    c.Spawner.pre_spawn_hook = provision_hook
    c.Spawner.mem_limit = settings.address_space
    c.Spawner.start_timeout = 180  # a whole class logging in at once on two cores
    c.Spawner.http_timeout = 180
    c.ClassroomSpawner.address_space = settings.address_space
    c.ClassroomSpawner.niceness = settings.niceness
    c.ClassroomSpawner.same_os_user = settings.same_os_user
    c.ClassroomSpawner.homes = str(settings.homes)

    c.JupyterHub.services = [
        {
            "name": "idle-culler",
            "command": [
                settings.python,
                "-m",
                "jupyterhub_idle_culler",
                f"--timeout={settings.cull_idle}",
                f"--cull-every={cull_every(settings.cull_idle)}",
            ],
        }
    ]
    c.JupyterHub.load_roles = [
        {"name": "idle-culler", "scopes": list(CULLER_SCOPES), "services": ["idle-culler"]}
    ]


def cull_every(idle: int) -> int:
    """Seconds between the idle culler's checks: half the idle time, from 1 to 10 minutes.

    >>> cull_every(3600), cull_every(300), cull_every(60)
    (600, 150, 60)
    """
    return max(60, min(600, idle // 2))


def write_hub_files(settings: Settings) -> Path:
    """Save ``settings`` (mode 0600) and the ``jupyterhub_config.py`` that reads them."""
    data = Path(settings.data_dir)
    data.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(data, 0o700)
    saved = data / SETTINGS_FILE
    saved.touch(mode=0o600)
    os.chmod(saved, 0o600)
    saved.write_text(json.dumps(dataclasses.asdict(settings), indent=1), encoding="utf-8")
    config = data / CONFIG_FILE
    config.write_text(
        "# Written by 'leninism-study classroom start'; the settings are in "
        f"{SETTINGS_FILE}.\n"
        "from pathlib import Path\n\n"
        "from leninism_data.classroom.hub import configure, load_settings\n\n"
        f"configure(get_config(), load_settings(Path({str(data)!r})))  # noqa: F821\n",
        encoding="utf-8",
    )
    return config


def unreachable_by_students(paths: Sequence[Path]) -> list[Path]:
    """The folders on the way to ``paths`` that other users cannot enter (no ``o+x``)."""
    blocked = []
    for path in paths:
        for folder in reversed(path.resolve().parents):
            if not os.stat(folder).st_mode & stat.S_IXOTH and folder not in blocked:
                blocked.append(folder)
    return blocked


def prepare_accounts(settings: Settings) -> list[Student]:
    """Create the students' and teacher's system users (as root), or their homes (trial)."""
    names = [*settings.students, settings.teacher]
    if settings.same_os_user:
        for name in names:
            (settings.homes / name).mkdir(mode=0o700, parents=True, exist_ok=True)
    else:
        import leninism_data

        python_files = [Path(settings.python), Path(leninism_data.__file__)]
        blocked = unreachable_by_students(python_files)
        if blocked:
            raise ClassroomError(
                f"the students' servers run {settings.python} as the students' own users, "
                f"but other users cannot enter {', '.join(map(str, blocked))}; install the "
                "package in a Python they can run (e.g. a virtual environment under /opt), "
                f"or let them through with: chmod o+x {' '.join(map(str, blocked))}"
            )
        for name in names:
            ensure_account(name)
    return [settings.student(name) for name in names]


def require_proxy() -> str:
    """The path of ``configurable-http-proxy``; if it is missing, say how to install it."""
    path = shutil.which("configurable-http-proxy")
    if path is None:
        raise ClassroomError(
            "JupyterHub's proxy, configurable-http-proxy, is not installed; install it with: "
            "npm install -g configurable-http-proxy@5"
        )
    return path


def hub_command(config: Path) -> list[str]:
    """The command that runs JupyterHub on ``config``."""
    return [sys.executable, "-m", "jupyterhub", "-f", str(config)]


def run_hub(config: Path) -> None:
    """Become JupyterHub on ``config`` (this process is replaced; Ctrl-C or SIGTERM stops it)."""
    require_proxy()
    os.chdir(config.parent)
    command = hub_command(config)
    os.execv(command[0], command)
