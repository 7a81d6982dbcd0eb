"""The workshop hub's config as JupyterHub reads it: what each setting is, without starting it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from traitlets.config.loader import PyFileConfigLoader

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "jupyterhub"
sys.path.insert(0, str(DEPLOY))

import workshop_settings as settings  # noqa: E402


def load(monkeypatch, tmp_path, **env):
    monkeypatch.setenv("ITK_HUB_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("ITK_WORKSHOP_PASSWORD", "a shared password")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return PyFileConfigLoader("jupyterhub_config.py", path=str(DEPLOY)).load_config()


def test_a_shared_password_a_spawner_of_its_own_and_plans_at_home(monkeypatch, tmp_path):
    c = load(monkeypatch, tmp_path, ITK_HUB_HOMES=str(tmp_path / "homes"))
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.SharedPasswordAuthenticator.user_password == "a shared password"
    assert c.JupyterHub.spawner_class == "workshop_spawner.WorkshopSpawner"
    assert c.WorkshopSpawner.homes == str(tmp_path / "homes")
    assert c.Spawner.mem_limit == settings.MEMORY_LIMIT
    plans = c.Spawner.environment["INNERTHIGH_KIT_PLANS_DIR"]

    class Spawner:  # what JupyterHub hands the callable
        home_dir = "/srv/homes/anna"

    assert plans(Spawner()) == "/srv/homes/anna/innerthigh-kit/notebooks/my_plans"
    assert (tmp_path / "state").stat().st_mode & 0o777 == 0o700  # the hub's secrets are its own


def test_names_make_plain_folder_names(monkeypatch, tmp_path):
    pattern = re.compile(load(monkeypatch, tmp_path).Authenticator.username_pattern)
    for good in ("anna", "ben-2", "c_d"):
        assert pattern.match(good)
    for bad in ("../ben", ".hidden", "a/b", "", "x" * 40, "Anna Smith"):
        assert not pattern.match(bad), bad


@pytest.mark.parametrize("app", ["voila", "lab"])
def test_one_setting_chooses_the_app_or_jupyterlab(monkeypatch, tmp_path, app):
    c = load(monkeypatch, tmp_path, ITK_HUB_DEFAULT_APP=app)
    assert c.Spawner.default_url == settings.default_url(app)
    notebook = "04_class_builder.ipynb" if app == "voila" else "01_why_inner_thighs.ipynb"
    assert c.Spawner.default_url.endswith(f"{settings.TARGET_PATH}/notebooks/{notebook}")


def test_the_idle_culler_runs_as_a_service_with_the_day_s_numbers(monkeypatch, tmp_path):
    c = load(monkeypatch, tmp_path)
    (culler,) = [s for s in c.JupyterHub.services if s["name"] == "idle-culler"]
    assert culler["command"][1:3] == ["-m", "jupyterhub_idle_culler"]
    assert f"--timeout={settings.CULL_TIMEOUT_SECONDS}" in culler["command"]
    assert f"--cull-every={settings.CULL_EVERY_SECONDS}" in culler["command"]
    (role,) = [r for r in c.JupyterHub.load_roles if r["name"] == "idle-culler"]
    assert role["services"] == ["idle-culler"] and "delete:servers" in role["scopes"]
    # a lunch break does not stop a server: the timeout is longer than an hour
    assert settings.CULL_TIMEOUT_SECONDS > 3600
