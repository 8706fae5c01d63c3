"""A seminar on one machine: N students log in to ``leninism-study classroom`` at once.

Usage (as root; loopback only): ``python benchmarks/bench_classroom.py [--sizes 1,10,30]``

Starts ``python -m leninism_data classroom start`` (the same code as ``leninism-study
classroom start``) on a free port of 127.0.0.1 with throwaway students (system users named
``lsbench-NN``, deleted at the end). For each seminar size N, N new students at once:

1. log in through the hub's login form (seminar password) and take an API token;
2. start their server and wait until it is ready;
3. open a chapter notebook (the first after 00-start-here, through the contents API) and
   start a kernel for it, through the hub's proxy: the notebook is then **usable**;
4. run every code cell of that notebook in the kernel (over the kernel's websocket);
5. all together (a teacher's "now everyone search for ..."), query the Concordance three
   times: ``Concordance(word).result`` for "party", "proletariat", "peasantry".

It prints, per N: memory per student (resident memory of all the student's processes, from
/proc, after the queries: median and largest), time from login to a usable notebook (median,
p95), time to run the notebook, and query latency (median, p95); and then the largest N whose
query p95 stays within 2 s. The N students' servers are stopped before the next size.
Bounded: at most 40 students per size, and every wait has a timeout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pwd
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest, HTTPResponse
from tornado.websocket import WebSocketClientConnection, websocket_connect

import leninism_data
from leninism_data.classroom.hub import unreachable_by_students
from leninism_data.classroom.roster import remove_account

PREFIX = "lsbench-"
TEACHER = f"{PREFIX}teacher"
PASSWORD = "bench-seminar-password"
MAX_STUDENTS = 40
STEP_TIMEOUT = 600.0  # seconds for any one student's step (a whole class starting on 2 cores)
CELL_TIMEOUT = 120.0
QUERY_WORDS = ("party", "proletariat", "peasantry")
TARGET_P95 = 2.0
START_NOTEBOOK = "00-start-here.ipynb"
#: Headers of a page the browser navigates to (the hub sets its xsrf cookie only then).
NAVIGATE = {"Sec-Fetch-Mode": "navigate"}


def free_port_run() -> int:
    """A port P on 127.0.0.1 with P+1 and P+2 also free (the hub uses all three)."""
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port < 65000 and all(_is_free(port + k) for k in (1, 2)):
            return port
    raise RuntimeError("no three consecutive free ports on 127.0.0.1")


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0-1) of ``values``, interpolated (as numpy's default)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class StudentRun:
    """One simulated student's session and timings (seconds)."""

    name: str
    base: str
    cookies: dict[str, str] = field(default_factory=dict)
    token: str = ""
    usable: float = 0.0
    run_all: float = 0.0
    queries: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Kernel:
    """A kernel's websocket, read all the time (Tornado buffers one message: an unread
    socket stops answering the server's pings, and the server closes it)."""

    def __init__(self, connection: WebSocketClientConnection, run: StudentRun) -> None:
        self.connection = connection
        self.run = run
        self.replies: dict[str, asyncio.Future[None]] = {}
        self.reader = asyncio.create_task(self.read())

    async def read(self) -> None:
        while (raw := await self.connection.read_message()) is not None:
            if isinstance(raw, bytes):
                continue  # binary messages carry widget buffers
            message = json.loads(raw)
            waiting = self.replies.get(message.get("parent_header", {}).get("msg_id"))
            if waiting is None:
                continue
            if message["msg_type"] == "error":
                content = message["content"]
                self.run.errors.append(f"{content['ename']}: {content['evalue']}")
            elif message["msg_type"] == "execute_reply" and not waiting.done():
                waiting.set_result(None)
        for waiting in self.replies.values():
            if not waiting.done():
                waiting.set_exception(ConnectionError("the kernel's websocket closed"))

    async def execute(self, code: str) -> float:
        """Run ``code``; return the seconds until the kernel replied (errors are recorded)."""
        msg_id = uuid.uuid4().hex
        message = {
            "header": {
                "msg_id": msg_id,
                "msg_type": "execute_request",
                "username": self.run.name,
                "session": uuid.uuid4().hex,
                "version": "5.3",
                "date": "",
            },
            "parent_header": {},
            "metadata": {},
            "content": {
                "code": code,
                "silent": False,
                "store_history": True,
                "user_expressions": {},
                "allow_stdin": False,
                "stop_on_error": False,
            },
            "channel": "shell",
            "buffers": [],
        }
        reply = self.replies[msg_id] = asyncio.get_running_loop().create_future()
        began = time.perf_counter()
        try:
            await self.connection.write_message(json.dumps(message))
            await asyncio.wait_for(reply, CELL_TIMEOUT)
        finally:
            del self.replies[msg_id]
        return time.perf_counter() - began

    def close(self) -> None:
        self.connection.close()
        self.reader.cancel()


class Student:
    """Drives one student through the hub with Tornado's HTTP and websocket clients."""

    def __init__(self, run: StudentRun) -> None:
        self.run = run
        self.http = AsyncHTTPClient(force_instance=True, defaults={"request_timeout": 300})

    async def fetch(self, path: str, method: str = "GET", **kwargs: object) -> HTTPResponse:
        headers = dict(kwargs.pop("headers", {}) or {})  # type: ignore[call-overload]
        if self.run.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.run.cookies.items())
        if self.run.token:
            headers["Authorization"] = f"token {self.run.token}"
        if "/api/" in path:
            headers.setdefault("Content-Type", "application/json")
        request = HTTPRequest(
            self.run.base + path, method=method, headers=headers, follow_redirects=False, **kwargs
        )
        try:
            response = await self.http.fetch(request)
        except HTTPClientError as error:
            if error.response is None or error.code not in (301, 302, 303):
                raise
            response = error.response
        for cookie in response.headers.get_list("Set-Cookie"):
            name, _, rest = cookie.partition("=")
            self.run.cookies[name.strip()] = rest.split(";", 1)[0]
        return response

    async def log_in(self) -> None:
        """The login form with the seminar password, then an API token for this student."""
        page = await self.fetch("/hub/login", headers=NAVIGATE)
        xsrf = re.search(rb'name="_xsrf" value="([^"]+)"', page.body)
        assert xsrf, "no _xsrf field on the login page"
        form = urllib.parse.urlencode(
            {"_xsrf": xsrf.group(1).decode(), "username": self.run.name, "password": PASSWORD}
        )
        answer = await self.fetch("/hub/login", "POST", body=form)
        assert answer.code == 302, f"login of {self.run.name} refused ({answer.code})"
        home = await self.fetch("/hub/home", headers=NAVIGATE)  # the student's xsrf token
        token = re.search(rb'xsrf_token: "([^"]+)"', home.body)
        assert token, "no xsrf token on the hub's home page"
        created = await self.fetch(
            f"/hub/api/users/{self.run.name}/tokens",
            "POST",
            body=json.dumps({"note": "load test", "expires_in": 3600}),
            headers={"X-XSRFToken": token.group(1).decode()},
        )
        self.run.token = json.loads(created.body)["token"]
        self.run.cookies.clear()

    async def start_server(self) -> None:
        await self.fetch(f"/hub/api/users/{self.run.name}/server", "POST", body="{}")
        deadline = time.monotonic() + STEP_TIMEOUT
        while time.monotonic() < deadline:
            user = json.loads((await self.fetch(f"/hub/api/users/{self.run.name}")).body)
            if user["servers"].get("", {}).get("ready"):
                return
            await asyncio.sleep(0.25)
        raise TimeoutError(f"{self.run.name}'s server did not start in {STEP_TIMEOUT}s")

    async def api(self, path: str, method: str = "GET", body: object = None) -> object:
        response = await self.fetch(
            f"/user/{self.run.name}/api/{path}",
            method,
            body=None if body is None else json.dumps(body),
        )
        return json.loads(response.body) if response.body else None

    async def open_chapter(self) -> tuple[dict, str]:
        """The first notebook after 00-start-here (its content) and a new kernel for it."""
        listing = await self.api("contents")
        names = sorted(
            item["name"]
            for item in listing["content"]  # type: ignore[index]
            if item["name"].endswith(".ipynb") and item["name"] != START_NOTEBOOK
        )
        notebook = await self.api(f"contents/{urllib.parse.quote(names[0])}?content=1")
        session = await self.api(
            "sessions",
            "POST",
            {"path": names[0], "type": "notebook", "kernel": {"name": "python3"}},
        )
        return notebook, session["kernel"]["id"]  # type: ignore[index,return-value]

    async def connect(self, kernel: str) -> Kernel:
        url = self.run.base.replace("http", "ws", 1)
        request = HTTPRequest(
            f"{url}/user/{self.run.name}/api/kernels/{kernel}/channels",
            headers={"Authorization": f"token {self.run.token}"},
            request_timeout=STEP_TIMEOUT,
        )
        connection = await websocket_connect(request, max_message_size=256 * 2**20)
        return Kernel(connection, self.run)

    async def stop(self) -> None:
        await self.fetch(f"/hub/api/users/{self.run.name}/server", "DELETE")


async def session(run: StudentRun, barrier: asyncio.Barrier) -> None:
    """One student's whole session; the queries wait for every student to be ready."""
    student = Student(run)
    began = time.perf_counter()
    kernel = None
    try:
        await student.log_in()
        await student.start_server()
        notebook, kernel_id = await student.open_chapter()
        kernel = await student.connect(kernel_id)
        await kernel.execute("1")  # the kernel answers: the notebook is usable
        run.usable = time.perf_counter() - began
        cells = [cell for cell in notebook["content"]["cells"] if cell["cell_type"] == "code"]
        began = time.perf_counter()
        for cell in cells:
            source = cell["source"]
            await kernel.execute("".join(source) if isinstance(source, list) else source)
        run.run_all = time.perf_counter() - began
    except Exception as error:
        run.errors.append(f"{type(error).__name__}: {error}")
        kernel = None
    await barrier.wait()
    if kernel is None:
        return
    try:
        for word in QUERY_WORDS:
            code = f"from leninism_data.widgets import Concordance\nConcordance({word!r}).result"
            run.queries.append(await kernel.execute(code))
    except Exception as error:
        run.errors.append(f"{type(error).__name__}: {error}")
    finally:
        kernel.close()


def memory_by_user(names: list[str]) -> dict[str, int]:
    """Resident memory (bytes) of all the processes of each named user, from /proc."""
    uids = {pwd.getpwnam(name).pw_uid: name for name in names}
    totals = dict.fromkeys(names, 0)
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        uid = int(fields["Uid"].split()[0])
        if uid in uids and "VmRSS" in fields:
            totals[uids[uid]] += int(fields["VmRSS"].split()[0]) * 1024
    return totals


async def seminar(base: str, names: list[str]) -> tuple[list[StudentRun], dict[str, int]]:
    runs = [StudentRun(name, base) for name in names]
    barrier = asyncio.Barrier(len(runs))
    await asyncio.wait_for(
        asyncio.gather(*(session(run, barrier) for run in runs)), STEP_TIMEOUT * 2
    )
    memory = memory_by_user(names)
    await asyncio.gather(*(Student(run).stop() for run in runs if run.token))
    await asyncio.sleep(3)
    return runs, memory


def report(size: int, runs: list[StudentRun], memory: dict[str, int]) -> float | None:
    """Print one size's figures; return its query p95 (None if no query ran)."""
    failed = [run for run in runs if run.errors]
    usable = [run.usable for run in runs if run.usable]
    run_all = [run.run_all for run in runs if run.run_all]
    queries = [q for run in runs for q in run.queries]
    mb = [value / 2**20 for value in memory.values()]
    print(f"\n== {size} student(s), {len(runs) - len(failed)} without any error")
    print(
        f"memory per student:     median {statistics.median(mb):6.0f} MB, "
        f"largest {max(mb):6.0f} MB (RSS of the server and kernel; shared pages counted twice)"
    )
    if usable:
        print(
            f"time to usable notebook: median {statistics.median(usable):6.2f} s, "
            f"p95 {percentile(usable, 0.95):6.2f} s (login -> server -> notebook + kernel)"
        )
    if run_all:
        print(
            f"run all cells:           median {statistics.median(run_all):6.2f} s, "
            f"p95 {percentile(run_all, 0.95):6.2f} s"
        )
    if queries:
        print(
            f"Concordance query:       median {statistics.median(queries):6.2f} s, "
            f"p95 {percentile(queries, 0.95):6.2f} s ({len(queries)} queries, all at once)"
        )
    for run in failed:
        print(f"  {run.name}: {'; '.join(dict.fromkeys(run.errors))[:300]}")
    return percentile(queries, 0.95) if queries else None


def students_within(p95s: dict[int, float | None], target: float) -> int | None:
    """Students at which the query p95 reaches ``target``, on the line through the two
    largest measured sizes (None with fewer than two, or a p95 that does not grow).

    >>> students_within({1: 0.1, 10: 0.6, 30: 1.5}, 2.0)
    41
    """
    measured = sorted((size, p95) for size, p95 in p95s.items() if p95 is not None)
    if len(measured) < 2:
        return None
    (n1, t1), (n2, t2) = measured[-2:]
    if t2 <= t1:
        return None
    return int(n2 + (target - t2) * (n2 - n1) / (t2 - t1))


def create_students(total: int) -> list[str]:
    return [f"{PREFIX}{number:02d}" for number in range(1, total + 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,30", help="seminar sizes (default: 1,10,30)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if os.geteuid() != 0 or max(sizes) > MAX_STUDENTS:
        print(f"run as root, with at most {MAX_STUDENTS} students per size", file=sys.stderr)
        return 2
    names = create_students(sum(sizes))
    port = free_port_run()
    # The students run this Python as themselves: a Python under root's home (pyenv) needs
    # that folder enterable (o+x) while the benchmark runs; the modes are restored after.
    blocked = unreachable_by_students([Path(sys.executable), Path(leninism_data.__file__)])
    modes = {path: path.stat().st_mode for path in blocked}
    for path in blocked:
        print(f"for the benchmark: chmod o+x {path} (restored at the end)")
        path.chmod(path.stat().st_mode | 0o001)
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="bench-classroom-") as tmp:
        folder = Path(tmp)
        os.chmod(folder, 0o711)
        (folder / "password").write_text(PASSWORD + "\n", encoding="utf-8")
        (folder / "students").write_text("\n".join(names) + "\n", encoding="utf-8")
        log = (folder / "hub.log").open("wb")
        hub = subprocess.Popen(
            [sys.executable, "-m", "leninism_data", "classroom", "start", "--data-dir",
             str(folder / "hub"), "--students", str(folder / "students"),
             "--teacher", TEACHER, "--password-file", str(folder / "password"),
             "--port", str(port), "--cull-idle", "3600"],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        try:
            wait_for_hub(base, hub, folder / "hub.log")
            memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30
            print(f"hub on {base}; {os.cpu_count()} CPUs, {memory:.0f} GB of memory")
            p95s = {}
            first = 0
            for size in sizes:
                runs, memory = asyncio.run(seminar(base, names[first : first + size]))
                first += size
                p95s[size] = report(size, runs, memory)
            within = [size for size, p95 in p95s.items() if p95 is not None and p95 <= TARGET_P95]
            print(
                f"\nlargest measured seminar with a query p95 within {TARGET_P95:.0f} s: "
                f"{max(within) if within else 'none'} students"
            )
            estimate = students_within(p95s, TARGET_P95)
            if estimate is not None:
                print(
                    f"estimated from the two largest sizes (p95 grows linearly with the "
                    f"students querying at once): about {estimate} students"
                )
        finally:
            if hub.poll() is None:
                os.killpg(hub.pid, signal.SIGTERM)
                try:
                    hub.wait(60)
                except subprocess.TimeoutExpired:
                    os.killpg(hub.pid, signal.SIGKILL)
            for name in [*names, TEACHER]:
                remove_account(name)
            for path, mode in modes.items():
                path.chmod(mode)
            if os.environ.get("BENCH_KEEP_LOG"):
                shutil.copy(folder / "hub.log", os.environ["BENCH_KEEP_LOG"])
    return 0


def wait_for_hub(base: str, hub: subprocess.Popen[bytes], log: Path) -> None:
    import urllib.request

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if hub.poll() is not None:
            raise RuntimeError(f"the hub exited:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base}/hub/api/", timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"the hub did not answer within 120 s:\n{log.read_text()[-3000:]}")


if __name__ == "__main__":
    sys.exit(main())
