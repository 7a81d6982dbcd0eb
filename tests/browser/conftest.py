"""Browser tests: Debian's chromium driven by Playwright, against voila and JupyterLab on
127.0.0.1. Never downloads a browser. Screenshots go to artifacts/screenshots/ (git-ignored)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(
                "CI must run the browser tests: /usr/bin/chromium is missing "
                "(`make test` installs it with apt-get as root)."
            )
        pytest.skip(
            "Debian's chromium is not installed (apt-get install chromium); "
            "`make test` installs it when run as root."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer at {url}:\n{log.read_text()[-3000:]}")


class Server:
    def __init__(self, command: list[str], url: str, cwd: Path, env: dict, log: Path):
        self.url = url
        self.log = log
        self._log_handle = log.open("w")
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=self._log_handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_http(url, self.process, log)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log_handle.close()


@pytest.fixture
def workdir(tmp_path):
    """A copy of notebooks/ to serve, so nothing a test does touches the repository."""
    target = tmp_path / "notebooks"
    shutil.copytree(
        ROOT / "notebooks", target, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    )
    return target


@pytest.fixture
def server_env(tmp_path):
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "MPLBACKEND": "Agg",
        "INNERTHIGH_KIT_PLANS_DIR": str(tmp_path / "saved-plans"),
    }
    (tmp_path / "home").mkdir()
    return env


def start_voila(notebook: str, workdir: Path, env: dict, log: Path) -> Server:
    """voila serving one notebook of the copy in ``workdir``, on a free port of 127.0.0.1."""
    port = free_port()
    command = [
        str(BIN / "voila"),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--port={port}",
        "--Voila.tornado_settings={'disable_check_xsrf': True}",
        notebook,
    ]
    server = Server(command, f"http://127.0.0.1:{port}/", workdir, env, log)
    server.saved_plans = env["INNERTHIGH_KIT_PLANS_DIR"]
    return server


@pytest.fixture
def voila_app(workdir, server_env, tmp_path):
    server = start_voila("04_class_builder.ipynb", workdir, server_env, tmp_path / "voila.log")
    yield server
    server.stop()


@pytest.fixture
def teach_app(workdir, server_env, tmp_path):
    """The teach page (`make teach PLAN=...`) on the short class in tests/data."""
    env = {**server_env, "INNERTHIGH_KIT_PLAN": str(ROOT / "tests" / "data" / "short_class.yaml")}
    server = start_voila("06_teach.ipynb", workdir, env, tmp_path / "voila.log")
    yield server
    server.stop()


@pytest.fixture
def jupyterlab(workdir, server_env, tmp_path):
    port = free_port()
    settings = tmp_path / "home" / "lab-settings"
    news = settings / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
    token = "innerthigh-test"
    command = [
        str(BIN / "jupyter"),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={workdir}",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={tmp_path / 'home' / 'workspaces'}",
        # window.jupyterapp: the test runs "Run All Cells" as a command, not a menu click
        "--LabApp.expose_app_in_browser=True",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    server = Server(
        command, f"http://127.0.0.1:{port}/api?token={token}", workdir, server_env, tmp_path / "lab.log"
    )
    server.base = f"http://127.0.0.1:{port}"
    server.token = token
    yield server
    server.stop()
