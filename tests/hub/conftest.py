"""A real JupyterHub for the tests: deploy/jupyterhub/jupyterhub_config.py with a test password
authenticator swapped in, configurable-http-proxy from npm (.venv/chp, `make setup-hub`), all on
127.0.0.1, in a temporary folder, stopped by PID at the end. Trainees are simulated by
deploy/jupyterhub/simulate.py. Notebooks come the workshop's way: nbgitpuller pulls this
repository (its committed HEAD) into each trainee's home.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "jupyterhub"
CHP = ROOT / ".venv" / "chp" / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = "workshop-test-password"
ADMIN_TOKEN = "itk-test-admin-" + "0" * 24
sys.path.insert(0, str(DEPLOY))

import simulate  # noqa: E402  (deploy/jupyterhub, put on the path above)
from make_skeleton import make_skeleton  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


TEST_CONFIG = """
c = get_config()  # noqa
load_subconfig({deploy!r})
# the test's own way in: any name, one password (the deploy config's shared password, swapped)
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allow_all = True
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.Spawner.poll_interval = 2  # a killed server is noticed at once
# the driver: reads the servers' state (their PIDs) to kill one, as a crash would
c.JupyterHub.services.append({{"name": "test-driver", "api_token": {token!r}}})
c.JupyterHub.load_roles.append(
    {{"name": "test-driver", "services": ["test-driver"],
      "scopes": ["admin:users", "admin:servers", "admin:server_state", "read:services"]}}
)
# the test's upstream is this checkout, owned by another user than the trainees: git reads it
# only if told it is safe, in a global config (the command line's -c is not enough for it)
c.Spawner.environment["GIT_CONFIG_GLOBAL"] = {gitconfig!r}
"""


class Hub:
    def __init__(self, folder: Path):
        self.folder = folder
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.homes = folder / "homes"
        self.state = folder / "state"
        self.log = folder / "hub.log"
        config = folder / "test_config.py"
        gitconfig = folder / "gitconfig"
        gitconfig.write_text("[safe]\n\tdirectory = *\n")
        gitconfig.chmod(0o644)
        config.write_text(
            TEST_CONFIG.format(
                deploy=str(DEPLOY / "jupyterhub_config.py"),
                password=PASSWORD,
                port=self.port,
                hub_port=_free_port(),
                proxy_api_port=_free_port(),
                chp=str(CHP),
                token=ADMIN_TOKEN,
                gitconfig=str(gitconfig),
            )
        )
        env = {
            **os.environ,
            "ITK_HUB_STATE": str(self.state),
            "ITK_HUB_HOMES": str(self.homes),
            "ITK_HUB_SKELETON": str(make_skeleton(folder / "skeleton")),
            "ITK_WORKSHOP_PASSWORD": PASSWORD,
        }
        self._log = self.log.open("w")
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(config)],
            cwd=folder,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait()

    def _wait(self, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub exited:\n{self.log.read_text()[-4000:]}")
            try:
                if requests.get(f"{self.url}/hub/api", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the hub did not answer:\n{self.log.read_text()[-4000:]}")

    def admin(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {ADMIN_TOKEN}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, timeout=60, **kwargs)

    def server_pid(self, name: str) -> int:
        user = self.admin("GET", f"/users/{name}").json()
        return int(user["servers"][""]["state"]["pid"])

    def trainee(self, name: str) -> simulate.Trainee:
        return simulate.Trainee(self.url, name, PASSWORD, repo=str(ROOT), branch=_branch())

    def pids(self) -> list[int]:
        """The trainees' server processes the hub knows of."""
        found = []
        for user in self.admin("GET", "/users").json():
            state = (user.get("servers") or {}).get("", {}).get("state") or {}
            if state.get("pid"):
                found.append(int(state["pid"]))
        return found

    def stop(self) -> None:
        try:
            servers = self.pids()
        except Exception:  # noqa: BLE001 (the hub may be gone already)
            servers = []
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
        for pid_file in ("proxy.pid", "jupyterhub.pid"):
            _kill_from(self.state / pid_file)
        for pid in servers:  # the hub stops them; a crashed hub would not
            _kill(pid)
        self._log.close()


def _kill_from(pid_file: Path) -> None:
    if pid_file.is_file():
        try:
            _kill(int(pid_file.read_text().strip()))
        except ValueError:
            pass


def _kill(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _branch() -> str:
    """The branch nbgitpuller pulls: this checkout's (a fresh CI clone is on main)."""
    out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--abbrev-ref", "HEAD"], capture_output=True)
    name = out.stdout.decode().strip()
    return name if out.returncode == 0 and name != "HEAD" else "main"


@contextlib.contextmanager
def _reachable_by_trainees(*paths: Path):
    """As root, the trainees' own user ids must reach the kit's Python and this checkout: give
    every folder above them that lacks it the right to pass through (o+x: not to list it, only to
    reach a path already known), and put the modes back afterwards. A pyenv Python under /root
    (mode 0700) needs this; a workshop server installs the kit under /srv or /opt instead."""
    changed = {}
    if os.geteuid() == 0:
        for path in paths:
            for folder in [path, *path.parents]:
                mode = folder.stat().st_mode
                if folder.is_dir() and not mode & 0o001 and folder not in changed:
                    changed[folder] = mode
                    folder.chmod(stat.S_IMODE(mode) | 0o001)
    try:
        yield
    finally:
        for folder, mode in changed.items():
            folder.chmod(stat.S_IMODE(mode))


@pytest.fixture(scope="session")
def hub():
    if not CHP.exists():
        message = f"configurable-http-proxy is not installed ({CHP}): `make setup-hub` installs it from npm"
        if os.environ.get("CI"):
            pytest.fail("CI must run the hub tests: " + message)
        pytest.skip(message)
    # not under pytest's own temp folder (mode 0700): the trainees' user ids must reach their homes
    folder = Path(tempfile.mkdtemp(prefix="itk-hub-"))
    folder.chmod(0o711)
    python = Path(os.path.realpath(sys.executable))
    with _reachable_by_trainees(python.parent, ROOT / ".venv", ROOT):
        running = Hub(folder)
        try:
            yield running
        finally:
            running.stop()
            # the hub's log, kept to read when a test fails (artifacts/ is git-ignored)
            (ROOT / "artifacts").mkdir(exist_ok=True)
            shutil.copy(running.log, ROOT / "artifacts" / "hub.log")
            shutil.rmtree(folder, ignore_errors=True)
