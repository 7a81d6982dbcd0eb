"""Simulated trainees for a workshop hub: each logs in, starts a server, pulls the notebooks,
opens the class builder app, builds and saves a class in a kernel and renders its handout.

    python deploy/jupyterhub/simulate.py --hub http://127.0.0.1:8000 --password ... --trainees 10

It speaks to the hub as a browser and a notebook would: the login form, the hub's REST API, the
nbgitpuller link's API, the app page, the server's kernels API and the kernel's websocket. The
tests (tests/hub/) and ``make bench`` use it; a trainer can run it against their own hub the day
before a workshop. Each step's seconds are recorded; a step that fails says which and why.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

import requests
import websocket

APP_PATH = "voila/render/innerthigh-kit/notebooks/04_class_builder.ipynb"
STEPS = ("login", "start", "pull", "app", "build and save", "handout")

#: What the trainee's kernel runs: build a class, save it in their plans folder, then its handout.
BUILD_CODE = """
import os, innerthigh_kit as kit
folder = os.environ["INNERTHIGH_KIT_PLANS_DIR"]
os.makedirs(folder, exist_ok=True)
plan = kit.build_plan(kit.ClassRequest(minutes=30, population="postnatal"), kit.load_library())
plan.title = "{title}"
saved = plan.save(os.path.join(folder, "{name}.yaml"))
print("saved", saved)
"""
HANDOUT_CODE = """
from innerthigh_kit.handouts import render_handout
print("handout", render_handout(saved, saved.with_suffix(".html")))
"""


class StepFailed(Exception):
    def __init__(self, step: str, message: str):
        super().__init__(f"{step}: {message}")
        self.step = step


@dataclass
class Trainee:
    hub: str  # http://host:port
    name: str
    password: str
    repo: str  # what nbgitpuller pulls
    branch: str = "main"
    timeout: float = 300
    session: requests.Session = field(default_factory=requests.Session)
    token: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ the flow
    def run(self, steps=STEPS, delay: float = 0.0, on_step=None) -> Trainee:
        """Each step in turn, timed; ``delay`` seconds first (a room arrives over a minute or two)."""
        time.sleep(delay)
        for step in steps:
            started = time.perf_counter()
            getattr(self, step.replace(" ", "_"))()
            self.seconds[step] = time.perf_counter() - started
            if on_step:
                on_step(self, step)
        return self

    def login(self) -> None:
        page = self.session.get(f"{self.hub}/hub/login", timeout=30)
        xsrf = self.session.cookies.get("_xsrf", "")
        reply = self.session.post(
            f"{self.hub}/hub/login",
            data={"username": self.name, "password": self.password, "_xsrf": xsrf},
            allow_redirects=False,
            timeout=60,
        )
        if reply.status_code != 302 or page.status_code != 200:
            raise StepFailed("login", f"the hub answered {reply.status_code}, not a redirect")
        made = self.session.post(
            f"{self.hub}/hub/api/users/{self.name}/tokens",
            json={"note": "simulated trainee", "expires_in": 3600},
            headers={"X-XSRFToken": self.session.cookies.get("_xsrf", xsrf)},
            timeout=30,
        )
        if made.status_code != 201:
            raise StepFailed("login", f"no token ({made.status_code}): {made.text[:200]}")
        self.token = made.json()["token"]
        self.session.headers["Authorization"] = f"token {self.token}"

    def start(self) -> None:
        reply = self.session.post(f"{self.hub}/hub/api/users/{self.name}/server", timeout=self.timeout)
        if reply.status_code not in (201, 202, 400):  # 400: already running
            raise StepFailed("start", f"the hub answered {reply.status_code}: {reply.text[:200]}")
        self.wait_ready()

    def wait_ready(self) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            user = self.session.get(f"{self.hub}/hub/api/users/{self.name}", timeout=30).json()
            server = user.get("servers", {}).get("", {})
            if server.get("ready"):
                return
            if not server.get("pending") and not server:
                raise StepFailed("start", "the server stopped while starting")
            time.sleep(0.5)
        raise StepFailed("start", f"not ready after {self.timeout:.0f} s")

    def pull(self) -> None:
        query = urlencode({"repo": self.repo, "branch": self.branch, "targetpath": "innerthigh-kit"})
        with self.session.get(self.url(f"git-pull/api?{query}"), stream=True, timeout=self.timeout) as reply:
            for line in reply.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    event = json.loads(line[5:])
                    if event.get("phase") == "finished":
                        return
                    if event.get("phase") == "error":
                        raise StepFailed("pull", event.get("message", "nbgitpuller failed"))
        raise StepFailed("pull", f"nbgitpuller's stream ended early ({reply.status_code})")

    def app(self) -> None:
        reply = self.session.get(self.url(APP_PATH), timeout=self.timeout)
        # voila runs the notebook before it answers: the page carries the builder's widget and its
        # text form ("Class builder. ..."); the browser then draws the widget from the kernel
        builder = "widget-view+json" in reply.text and "Class builder" in reply.text
        if reply.status_code != 200 or not builder:
            raise StepFailed("app", f"the app page answered {reply.status_code} without the builder")

    def build_and_save(self) -> None:
        title = f"A class for {self.name}"
        self.kernel = self.session.post(self.url("api/kernels"), json={}, timeout=self.timeout).json()["id"]
        self.execute(BUILD_CODE.format(title=title, name=self.name), "build and save")

    def handout(self) -> None:
        try:
            self.execute(HANDOUT_CODE, "handout")
        finally:
            self.session.delete(self.url(f"api/kernels/{self.kernel}"), timeout=60)

    # ------------------------------------------------------------------ helpers
    def _still_alive(self, step: str, deadline: float) -> None:
        """A kernel that died, or a step past its time, fails now rather than at the timeout."""
        reply = self.session.get(self.url(f"api/kernels/{self.kernel}"), timeout=30)
        state = reply.json().get("execution_state") if reply.status_code == 200 else "gone"
        if state in ("dead", "gone"):
            raise StepFailed(step, f"the kernel is {state} (its server answered {reply.status_code})")
        if time.monotonic() > deadline:
            raise StepFailed(step, f"no answer from the kernel after {self.timeout:.0f} s")

    def url(self, path: str) -> str:
        return f"{self.hub}/user/{quote(self.name)}/{path}"

    def execute(self, code: str, step: str) -> str:
        """Run ``code`` in the trainee's kernel over its websocket; its printed text, or StepFailed."""
        address = self.url(f"api/kernels/{self.kernel}/channels").replace("http", "ws", 1)
        socket = websocket.create_connection(
            address, header=[f"Authorization: token {self.token}"], timeout=15
        )
        deadline = time.monotonic() + self.timeout
        try:
            msg_id = uuid.uuid4().hex
            socket.send(json.dumps(_execute_request(msg_id, code)))
            text = []
            while True:
                try:
                    message = json.loads(socket.recv())
                except websocket.WebSocketTimeoutException:
                    self._still_alive(step, deadline)  # quiet for 15 s: is the kernel there at all?
                    continue
                if message.get("msg_type") == "status" and message["content"].get("execution_state") in (
                    "restarting",
                    "dead",
                ):  # the server says so when the kernel dies: the answer will never come
                    raise StepFailed(step, f"the kernel died ({message['content']['execution_state']})")
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = message["msg_type"], message["content"]
                if kind == "stream":
                    text.append(content["text"])
                elif kind == "error":
                    raise StepFailed(step, f"{content['ename']}: {content['evalue']}")
                elif kind == "status" and content["execution_state"] == "idle":
                    break
        finally:
            socket.close()
        self.outputs.append("".join(text))
        return "".join(text)


def _execute_request(msg_id: str, code: str) -> dict:
    header = {"msg_id": msg_id, "msg_type": "execute_request", "username": "", "session": uuid.uuid4().hex}
    header.update(version="5.3", date="")
    content = {"code": code, "silent": False, "store_history": False, "allow_stdin": False}
    content.update(user_expressions={}, stop_on_error=True)
    return {"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"}


def run_trainees(
    count: int, make, arrival: float = 0.0, on_step=None
) -> tuple[list[Trainee], list[Exception]]:
    """``count`` trainees made by ``make(i)``: all at once, or arriving evenly over ``arrival``
    seconds. The ones that finished, and the errors."""
    done, failed = [], []
    gap = arrival / count if count else 0.0
    with ThreadPoolExecutor(max_workers=count or 1) as pool:
        runs = [pool.submit(lambda i=i: make(i).run(delay=i * gap, on_step=on_step)) for i in range(count)]
        for future in runs:
            try:
                done.append(future.result())
            except Exception as error:  # noqa: BLE001 (each failure is counted and reported)
                failed.append(error)
    return done, failed


def step_figures(trainees: list[Trainee]) -> dict[str, tuple[float, float]]:
    """Median and 95th percentile seconds of each step over ``trainees``."""
    figures = {}
    for step in STEPS:
        values = sorted(t.seconds[step] for t in trainees if step in t.seconds)
        if values:
            p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
            figures[step] = (statistics.median(values), p95)
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hub", required=True, help="the hub's address, e.g. http://127.0.0.1:8000")
    parser.add_argument("--password", required=True, help="the workshop password")
    parser.add_argument("--repo", required=True, help="the repository nbgitpuller pulls")
    parser.add_argument("--branch", default="main")
    parser.add_argument("--trainees", type=int, default=10)
    args = parser.parse_args(argv)
    tag = uuid.uuid4().hex[:6]

    def make(i: int) -> Trainee:
        return Trainee(args.hub, f"sim-{tag}-{i:02d}", args.password, args.repo, args.branch)

    done, failed = run_trainees(args.trainees, make)
    for step, (median, p95) in step_figures(done).items():
        print(f"{step:15s} median {median:6.2f} s   p95 {p95:6.2f} s")
    for error in failed:
        print(f"failed: {error}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
