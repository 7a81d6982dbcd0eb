"""The workshop hubs (deploy/jupyterhub): the TLJH script, the Zero to JupyterHub values, the nbgitpuller
link, and nbgitpuller's promise that a trainee's own work survives a pull. Every hub carries the numbers of
deploy/jupyterhub/workshop_settings.py; these tests fail when a copy differs."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy" / "jupyterhub"
SETUP_SH = DEPLOY / "tljh" / "setup.sh"
VALUES = DEPLOY / "z2jh" / "config.yaml"
SUBSET_SCHEMA = DEPLOY / "z2jh" / "values-subset.schema.yaml"
README = DEPLOY / "README.md"
sys.path.insert(0, str(DEPLOY))
import links  # noqa: E402
import workshop_settings as ws  # noqa: E402

WORKSHOP_PASSWORD = "stretch-and-hold"
ADMIN_PASSWORD = "a-trainer-password-of-forty-characters!!"


def values() -> dict:
    return yaml.safe_load(VALUES.read_text(encoding="utf-8"))


def schema_errors(instance: dict, schema: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(schema)
    return [
        f"{'.'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    ]


def bytes_of(size: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([KMGT])", size).groups()
    return int(number) * 1024 ** ("KMGT".index(unit) + 1)


def need_tool(name: str, why: str) -> str:
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"CI must run this: {name} is missing ({why}; `make test` installs it as root).")
    pytest.skip(f"{name} is not installed ({why}): apt-get install {name}; `make test` installs it as root.")


# -- The one table ---------------------------------------------------------------------------------------


def test_workshop_settings_hang_together():
    assert 0 < ws.CULL_EVERY_SECONDS < ws.CULL_TIMEOUT_SECONDS
    # a lunch break (an hour) must not stop a trainee's server; a day must end it
    assert ws.CULL_TIMEOUT_SECONDS >= 60 * 60
    assert ws.CULL_MAX_AGE_SECONDS == 0 or ws.CULL_MAX_AGE_SECONDS >= 8 * 60 * 60
    assert bytes_of(ws.MEMORY_GUARANTEE) <= bytes_of(ws.MEMORY_LIMIT)
    assert 0 < ws.CPU_GUARANTEE <= ws.CPU_LIMIT
    assert ws.DEFAULT_APP in ws.APPS == ("voila", "lab")
    with pytest.raises(ValueError, match="voila, lab"):
        ws.app_path("notebook")


@pytest.mark.parametrize("path", [ws.VOILA_PATH, ws.LAB_PATH])
def test_app_paths_name_notebooks_that_exist(path):
    prefix = ("voila/render/" if path.startswith("voila/") else "lab/tree/") + ws.TARGET_PATH + "/"
    assert path.startswith(prefix), path
    assert (ROOT / path.removeprefix(prefix)).is_file(), f"{path} names no notebook of the kit"


def test_plans_folder_is_where_the_builder_saves(tmp_path, monkeypatch):
    from innerthigh_kit.widgets.save_panel import plans_dir

    monkeypatch.delenv("INNERTHIGH_KIT_PLANS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert plans_dir() == tmp_path / ws.PLANS_FOLDER
    assert ws.PLANS_PATH == f"{ws.TARGET_PATH}/notebooks/{ws.PLANS_FOLDER}"


def test_nothing_of_the_repository_lives_in_the_plans_folder():
    """nbgitpuller renames a trainee's file when the repository adds one at the same path: keep the
    plans folder out of git, and trainees' plans are never touched."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an sdist): nothing to ask git")
    tracked = subprocess.run(
        ["git", "ls-files", "--", f"notebooks/{ws.PLANS_FOLDER}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert tracked == [], f"files of the repository in the trainees' plans folder: {tracked}"


# -- The nbgitpuller link --------------------------------------------------------------------------------


@pytest.mark.parametrize("app", ["voila", "lab"])
def test_link_carries_nbgitpuller_parameters_encoded(app):
    link = links.nbgitpuller_link("https://hub.example.org/", app)
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "hub.example.org",
        "/hub/user-redirect/git-pull",
    )
    # each value percent-encoded: no raw / or ? or & inside the query's values
    assert "urlpath=voila%2Frender%2F" in link or "urlpath=lab%2Ftree%2F" in link
    assert parse_qs(parts.query, strict_parsing=True) == {
        "repo": [ws.REPO_URL],
        "branch": [ws.BRANCH],
        "urlpath": [ws.app_path(app)],
        "targetpath": [ws.TARGET_PATH],
    }


def test_link_keeps_a_hub_below_a_path_and_refuses_what_is_not_an_address():
    assert links.nbgitpuller_link("https://example.org/workshop", "lab").startswith(
        "https://example.org/workshop/hub/user-redirect/git-pull?repo="
    )
    for bad in ["hub.example.org", "ftp://hub.example.org", "https://hub.example.org/?x=1"]:
        with pytest.raises(ValueError):
            links.nbgitpuller_link(bad)


def test_link_command_line(capsys):
    assert links.main(["https://hub.example.org", "--app", "lab"]) == 0
    assert capsys.readouterr().out.strip() == links.nbgitpuller_link("https://hub.example.org", "lab")


# -- TLJH ------------------------------------------------------------------------------------------------


def test_tljh_script_is_valid_bash():
    result = subprocess.run(["bash", "-n", str(SETUP_SH)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_tljh_script_passes_shellcheck():
    shellcheck = need_tool("shellcheck", "Debian's shellcheck checks deploy/jupyterhub/tljh/setup.sh")
    result = subprocess.run([shellcheck, str(SETUP_SH)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def run_setup(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess, list[list[str]], Path]:
    """setup.sh with tljh-config, id and the installer replaced by recorders: what it would set."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls"
    (bin_dir / "tljh-config").write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{calls}"\n')
    (bin_dir / "id").write_text("#!/bin/sh\necho 0\n")
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    config_dir = tmp_path / "tljh-config"
    result = subprocess.run(
        ["bash", str(SETUP_SH)],
        env={"PATH": f"{bin_dir}:{os.environ['PATH']}", "TLJH_CONFIG_DIR": str(config_dir), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    recorded = [line.split(" ", 2) for line in calls.read_text().splitlines()] if calls.exists() else []
    return result, recorded, config_dir


def tljh_config(recorded: list[list[str]]) -> dict:
    """The TLJH config those `tljh-config set` calls make (values read as tljh-config reads them)."""

    def value(text: str):
        if re.fullmatch(r"\d+", text):
            return int(text)
        if re.fullmatch(r"\d+\.\d*", text):
            return float(text)
        return {"true": True, "false": False}.get(text.lower(), text)

    config: dict = {}
    for verb, *rest in recorded:
        if verb == "set":
            key, text = rest
            *parents, leaf = key.split(".")
            node = config
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value(text)
    return config


@pytest.mark.parametrize("app", ["voila", "lab"])
def test_tljh_script_sets_the_workshop_settings(tmp_path, app):
    result, recorded, config_dir = run_setup(
        tmp_path, WORKSHOP_PASSWORD=WORKSHOP_PASSWORD, ADMIN_PASSWORD=ADMIN_PASSWORD, WORKSHOP_APP=app
    )
    assert result.returncode == 0, result.stderr
    config = tljh_config(recorded)
    assert config["services"]["cull"] == {
        "enabled": True,
        "timeout": ws.CULL_TIMEOUT_SECONDS,
        "every": ws.CULL_EVERY_SECONDS,
        "max_age": ws.CULL_MAX_AGE_SECONDS,
        "users": False,
    }
    assert config["limits"] == {"memory": ws.MEMORY_LIMIT, "cpu": ws.CPU_LIMIT}
    assert config["auth"] == {
        "type": "jupyterhub.authenticators.shared.SharedPasswordAuthenticator",
        "SharedPasswordAuthenticator": {
            "user_password": WORKSHOP_PASSWORD,
            "admin_password": ADMIN_PASSWORD,
            "allow_all": True,
        },
    }
    # TLJH's own schema allows only jupyterlab|classic here; the app comes from the snippet
    assert config["user_environment"] == {"default_app": "jupyterlab"}
    assert recorded[-1] == ["reload", "hub"], "the settings must be applied last"

    from traitlets.config import Config

    c = Config()
    snippet = config_dir / "jupyterhub_config.d" / "innerthigh-kit.py"
    exec(compile(snippet.read_text(), str(snippet), "exec"), {"c": c})
    assert c.Spawner.default_url == links.git_pull_path(app)
    assert links.nbgitpuller_link("http://h", app).endswith(c.Spawner.default_url)


@pytest.mark.parametrize(
    ("passwords", "message"),
    [
        ({"ADMIN_PASSWORD": ADMIN_PASSWORD}, "WORKSHOP_PASSWORD is not set"),
        ({"WORKSHOP_PASSWORD": "short", "ADMIN_PASSWORD": ADMIN_PASSWORD}, "at least 8 characters"),
        ({"WORKSHOP_PASSWORD": "12345678", "ADMIN_PASSWORD": ADMIN_PASSWORD}, "must have a letter"),
        ({"WORKSHOP_PASSWORD": WORKSHOP_PASSWORD, "ADMIN_PASSWORD": "too-short"}, "at least 32 characters"),
        ({"WORKSHOP_PASSWORD": ADMIN_PASSWORD, "ADMIN_PASSWORD": ADMIN_PASSWORD}, "must differ"),
        (
            {
                "WORKSHOP_PASSWORD": WORKSHOP_PASSWORD,
                "ADMIN_PASSWORD": ADMIN_PASSWORD,
                "WORKSHOP_APP": "rstudio",
            },
            "voila or lab",
        ),
    ],
)
def test_tljh_script_stops_before_changing_anything_on_a_bad_setting(tmp_path, passwords, message):
    result, recorded, _ = run_setup(tmp_path, **passwords)
    assert result.returncode != 0
    assert message in result.stderr
    assert recorded == []


def test_tljh_requirements_install_the_kit():
    lines = [
        line
        for line in (DEPLOY / "tljh" / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines == [f"innerthigh-kit @ git+{ws.REPO_URL}@{ws.BRANCH}"]
    assert "deploy/jupyterhub/tljh/requirements.txt" in SETUP_SH.read_text()


# -- Zero to JupyterHub ----------------------------------------------------------------------------------


def test_z2jh_values_use_only_keys_the_chart_knows():
    schema = yaml.safe_load(SUBSET_SCHEMA.read_text(encoding="utf-8"))
    errors = schema_errors(values(), schema)
    assert not errors, "config.yaml does not fit the chart's values:\n  " + "\n  ".join(errors)


def test_z2jh_subset_schema_catches_a_typo():
    schema = yaml.safe_load(SUBSET_SCHEMA.read_text(encoding="utf-8"))
    typo = values()
    typo["cull"]["max_age"] = typo["cull"].pop("maxAge")
    assert any("max_age" in error for error in schema_errors(typo, schema))


def test_z2jh_values_carry_the_workshop_settings():
    v = values()
    assert v["cull"] == {
        "enabled": True,
        "users": False,
        "timeout": ws.CULL_TIMEOUT_SECONDS,
        "every": ws.CULL_EVERY_SECONDS,
        "maxAge": ws.CULL_MAX_AGE_SECONDS,
    }
    user = v["singleuser"]
    assert user["memory"] == {"limit": ws.MEMORY_LIMIT, "guarantee": ws.MEMORY_GUARANTEE}
    assert user["cpu"] == {"limit": ws.CPU_LIMIT, "guarantee": ws.CPU_GUARANTEE}
    assert user["storage"]["type"] == "dynamic" and user["storage"]["capacity"] == ws.STORAGE_CAPACITY
    assert user["defaultUrl"] == ws.default_url()
    home = user["storage"]["homeMountPath"]
    assert v["hub"]["config"]["KubeSpawner"]["working_dir"] == home, "paths are relative to the home folder"
    assert v["hub"]["config"]["JupyterHub"]["authenticator_class"] == "shared-password"
    assert "user_password" not in json.dumps(v) and "admin_password" not in json.dumps(v), (
        "secrets go in secret.yaml"
    )
    command = user["lifecycleHooks"]["postStart"]["exec"]["command"]
    assert command[:2] == ["sh", "-c"]
    pull = shlex.split(command[2])
    assert pull[:4] == ["gitpuller", ws.REPO_URL, ws.BRANCH, f"{home}/{ws.TARGET_PATH}"]


def readme_commands() -> list[list[str]]:
    """The commands in the bash blocks of deploy/jupyterhub/README.md, split as bash would."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                commands.append(shlex.split(line, comments=True))
    return commands


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_readme_builds_the_image_the_values_name_from_environment_yml():
    user = values()["singleuser"]
    image = f"{user['image']['name']}:{user['image']['tag']}"
    builds = [c for c in readme_commands() if c[0] in ("repo2docker", "jupyter-repo2docker")]
    assert len(builds) == 1, builds
    build = builds[0]
    assert build[-1] == "." and "--no-run" in build
    assert option(build, "--image-name") == image
    assert ["docker", "push", image] in readme_commands()
    # environment.yml installs the kit with `pip -e .` from where repo2docker copied the repository:
    # that must not be the home folder, which each trainee's own disk covers.
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip
    repo_dir = option(build, "--target-repo-dir")
    home = user["storage"]["homeMountPath"]
    assert not (repo_dir + "/").startswith(home + "/"), f"{repo_dir} would be hidden under {home}"
    assert option(build, "--user-name") == Path(home).name
    # gitpuller runs in the image: environment.yml does not bring it, so the build must
    names = [str(d).split("=")[0].split(">")[0].split("<")[0] for d in environment["dependencies"]]
    if "nbgitpuller" not in names:
        assert "nbgitpuller" in option(build, "--appendix")
    # the Python the README promises is environment.yml's
    python = next(d for d in environment["dependencies"] if isinstance(d, str) and d.startswith("python="))
    assert f"Python {python.removeprefix('python=')}" in README.read_text(encoding="utf-8")


def test_readme_installs_the_chart_with_these_values():
    installs = [c for c in readme_commands() if c[:2] == ["helm", "upgrade"]]
    assert installs, "no helm upgrade --install in the README"
    chart_version = re.search(r"Chart: jupyterhub (\S+)", VALUES.read_text()).group(1)
    for install in installs:
        assert "--install" in install and "jupyterhub/jupyterhub" in install
        assert option(install, "--version") == chart_version
        given = [install[i + 1] for i, word in enumerate(install) if word == "--values"]
        assert given == ["deploy/jupyterhub/z2jh/config.yaml", "deploy/jupyterhub/z2jh/secret.yaml"]
    assert ["helm", "repo", "add", "jupyterhub", "https://hub.jupyter.org/helm-chart/"] in readme_commands()


def test_readme_gives_the_link_the_code_makes():
    text = README.read_text(encoding="utf-8")
    assert links.nbgitpuller_link("https://hub.example.org", "voila") in text


# With the chart itself at hand (no registry reachable here ships it): Z2JH_CHART=path/to/jupyterhub-chart,
# the folder with Chart.yaml, values.yaml and values.schema.json (as `helm pull` gives it) or the
# repository's values.schema.yaml (README: "Checking the values").
CHART = Path(os.environ["Z2JH_CHART"]) if os.environ.get("Z2JH_CHART") else None
needs_chart = pytest.mark.skipif(
    CHART is None, reason="Z2JH_CHART is not set: the z2jh chart is on no registry this machine reaches"
)


def merged(defaults: dict, override: dict) -> dict:
    out = dict(defaults)
    for key, value in override.items():
        both = isinstance(value, dict) and isinstance(out.get(key), dict)
        out[key] = merged(out[key], value) if both else value
    return out


def chart_schema() -> dict:
    packaged = CHART / "values.schema.json"
    if packaged.exists():
        return json.loads(packaged.read_text(encoding="utf-8"))
    return yaml.safe_load((CHART / "values.schema.yaml").read_text(encoding="utf-8"))


@needs_chart
def test_z2jh_values_fit_the_chart_schema():
    schema = chart_schema()
    secret = yaml.safe_load((DEPLOY / "z2jh" / "secret.example.yaml").read_text(encoding="utf-8"))
    defaults = yaml.safe_load((CHART / "values.yaml").read_text(encoding="utf-8"))
    errors = schema_errors(merged(merged(defaults, values()), secret), schema)
    assert not errors, "config.yaml does not fit the chart's schema:\n  " + "\n  ".join(errors)


@needs_chart
def test_subset_schema_says_what_the_chart_schema_says():
    chart = chart_schema()
    ours = yaml.safe_load(SUBSET_SCHEMA.read_text(encoding="utf-8"))

    def types(node: dict) -> set[str]:
        kind = node.get("type", [])
        return set([kind] if isinstance(kind, str) else kind)

    differences = []

    def walk(mine: dict, theirs: dict, path: str) -> None:
        for key, node in mine.get("properties", {}).items():
            if key not in theirs.get("properties", {}):
                differences.append(f"{path}{key}: not in the chart")
                continue
            other = theirs["properties"][key]
            if "type" in node and types(node) != types(other):
                differences.append(f"{path}{key}: {sorted(types(node))} here, {sorted(types(other))} there")
            walk(node, other, f"{path}{key}.")

    walk(ours, chart, "")
    assert not differences, "\n".join(differences)


# -- nbgitpuller keeps a trainee's work ------------------------------------------------------------------


@pytest.fixture
def gitpuller():
    try:
        from nbgitpuller.pull import GitPuller
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI must run this: nbgitpuller is missing (it is in the test extras)")
        pytest.skip("nbgitpuller is not installed: pip install -e '.[test]'")
    return GitPuller


def git(cwd: Path, *args: str) -> str:
    identity = [
        "-c",
        "user.name=Kit Author",
        "-c",
        "user.email=author@example.org",
        "-c",
        "init.defaultBranch=main",
    ]
    return subprocess.run(
        ["git", *identity, *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout


def pull(GitPuller, upstream: Path, target: Path) -> None:
    for _ in GitPuller(upstream.as_uri(), str(target), branch="main").pull():
        pass


def test_nbgitpuller_keeps_a_trainees_edits_and_plans(tmp_path, gitpuller):
    upstream = tmp_path / "upstream"
    (upstream / "notebooks").mkdir(parents=True)
    builder = upstream / "notebooks" / "04_class_builder.ipynb"
    builder.write_text("intro\nwarm-up\nmain set\ncool-down\nstep one\nstep two\n")
    git(upstream, "init", "-q")
    git(upstream, "add", ".")
    git(upstream, "commit", "-qm", "first")
    home = tmp_path / "home" / ws.TARGET_PATH
    pull(gitpuller, upstream, home)
    assert (home / "notebooks" / "04_class_builder.ipynb").read_text() == builder.read_text()

    # The trainee edits a notebook, saves two plans (and the .bak of an older one), deletes a notebook.
    mine = home / "notebooks" / "04_class_builder.ipynb"
    mine.write_text("intro\nwarm-up\nmain set\ncool-down\nstep one, my way\nstep two\n")
    plans = home / ws.PLANS_PATH.removeprefix(ws.TARGET_PATH + "/")
    plans.mkdir()
    (plans / "monday.yaml").write_text("name: Monday\n")
    (plans / "monday.yaml.bak").write_text("name: Monday, first try\n")
    # Meanwhile the author changes a line of that notebook far from the trainee's, and the trainee's
    # line too, and adds a notebook. (git merges changes apart from each other; changes to the same or
    # neighbouring lines conflict, and nbgitpuller's -Xours keeps the trainee's side of those.)
    builder.write_text("a new intro\nwarm-up\nmain set\ncool-down\nstep one, the author's way\nstep two\n")
    (upstream / "notebooks" / "06_teach.ipynb").write_text("run mode\n")
    git(upstream, "add", ".")
    git(upstream, "commit", "-qm", "second")

    pull(gitpuller, upstream, home)
    assert mine.read_text() == "a new intro\nwarm-up\nmain set\ncool-down\nstep one, my way\nstep two\n"
    assert (home / "notebooks" / "06_teach.ipynb").read_text() == "run mode\n"
    assert (plans / "monday.yaml").read_text() == "name: Monday\n"
    assert (plans / "monday.yaml.bak").read_text() == "name: Monday, first try\n"
    # plans stay the trainee's own, never committed by nbgitpuller's automatic commit
    assert git(home, "status", "--porcelain", "--untracked-files=all").split() == [
        "??",
        f"notebooks/{ws.PLANS_FOLDER}/monday.yaml",
        "??",
        f"notebooks/{ws.PLANS_FOLDER}/monday.yaml.bak",
    ]

    # A notebook the trainee deleted comes back fresh at the next pull.
    mine.unlink()
    pull(gitpuller, upstream, home)
    assert mine.read_text() == builder.read_text()


def test_nbgitpuller_renames_a_trainees_file_that_the_repository_adds_too(tmp_path, gitpuller):
    """Why the plans folder stays out of git: the trainee's file is kept, but under another name."""
    upstream = tmp_path / "upstream"
    (upstream / "notebooks").mkdir(parents=True)
    (upstream / "notebooks" / "x.ipynb").write_text("x\n")
    git(upstream, "init", "-q")
    git(upstream, "add", ".")
    git(upstream, "commit", "-qm", "first")
    home = tmp_path / "home" / ws.TARGET_PATH
    pull(gitpuller, upstream, home)
    (home / "notebooks" / ws.PLANS_FOLDER).mkdir()
    (home / "notebooks" / ws.PLANS_FOLDER / "monday.yaml").write_text("name: mine\n")
    (upstream / "notebooks" / ws.PLANS_FOLDER).mkdir()
    (upstream / "notebooks" / ws.PLANS_FOLDER / "monday.yaml").write_text("name: the author's\n")
    git(upstream, "add", ".")
    git(upstream, "commit", "-qm", "a plan in the plans folder")

    pull(gitpuller, upstream, home)
    folder = home / "notebooks" / ws.PLANS_FOLDER
    assert (folder / "monday.yaml").read_text() == "name: the author's\n"
    renamed = [p for p in folder.iterdir() if p.name.startswith("monday__")]
    assert [p.read_text() for p in renamed] == ["name: mine\n"]
