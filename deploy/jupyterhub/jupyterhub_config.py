"""JupyterHub for an innerthigh-kit workshop on one server: 10-40 trainees, one shared password.

    ITK_WORKSHOP_PASSWORD='a long shared password' jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

Run it from the kit's own environment (``make setup-hub``: the kit, JupyterHub, the idle culler,
nbgitpuller and configurable-http-proxy). Trainees log in with any name they choose and the
workshop password, land in the class builder app (or JupyterLab: ``ITK_HUB_DEFAULT_APP=lab``),
and get the notebooks with the nbgitpuller link (README.md here). Put it behind HTTPS
(``ITK_HUB_SSL_CERT``/``ITK_HUB_SSL_KEY``, or a reverse proxy) before the password crosses a
network. The numbers of the day (culler, memory, where trainees land) are in workshop_settings.py.

Environment: ITK_WORKSHOP_PASSWORD (at least 8 characters), ITK_WORKSHOP_ADMIN_PASSWORD (the
trainer's, at least 32; optional), ITK_HUB_IP (default all interfaces), ITK_HUB_PORT (8000),
ITK_HUB_STATE (the hub's database and secrets, default /srv/innerthigh-kit/state), ITK_HUB_HOMES
(the trainees' homes, default /srv/innerthigh-kit/homes), ITK_HUB_DEFAULT_APP (voila or lab),
ITK_HUB_SKELETON (what each new home starts with, default /srv/innerthigh-kit/skeleton, made by
make_skeleton.py), ITK_CHP (the configurable-http-proxy command, default: found on PATH).
"""

import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import workshop_settings as settings  # noqa: E402  (this folder, put on the path above)

c = get_config()  # noqa: F821  (given by JupyterHub when it reads this file)
env = os.environ.get
BIN = Path(sys.executable).parent  # the environment the hub runs in serves the trainees too
state = Path(env("ITK_HUB_STATE", "/srv/innerthigh-kit/state"))
state.mkdir(parents=True, exist_ok=True, mode=0o700)

# ---- where it listens, and its own files
c.JupyterHub.bind_url = f"http://{env('ITK_HUB_IP', '')}:{env('ITK_HUB_PORT', '8000')}"
if env("ITK_HUB_SSL_CERT"):
    c.JupyterHub.ssl_cert = env("ITK_HUB_SSL_CERT")
    c.JupyterHub.ssl_key = env("ITK_HUB_SSL_KEY")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.ConfigurableHTTPProxy.command = [
    env("ITK_CHP") or shutil.which("configurable-http-proxy") or "configurable-http-proxy"
]

# ---- logging in: one shared password, a name of the trainee's own choosing.
# Why not tmpauthenticator: it makes a new random user for each browser, so a trainee who closes
# the browser or swaps a borrowed laptop loses their saved plans. With a shared password they log
# back in with the same name and find them. (JupyterHub 5+ ships this authenticator.)
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = env("ITK_WORKSHOP_PASSWORD", "")
if env("ITK_WORKSHOP_ADMIN_PASSWORD"):
    c.SharedPasswordAuthenticator.admin_password = env("ITK_WORKSHOP_ADMIN_PASSWORD")
    c.Authenticator.admin_users = {"trainer"}
c.Authenticator.allow_all = True
# names that make plain folder names: lower case letters, digits, - and _, up to 32
c.Authenticator.username_pattern = r"^[a-z0-9][a-z0-9_-]{0,31}$"

# ---- each trainee's server: a process in their own home (and, as root, their own user id)
c.JupyterHub.spawner_class = "workshop_spawner.WorkshopSpawner"
c.WorkshopSpawner.homes = env("ITK_HUB_HOMES", "/srv/innerthigh-kit/homes")
# each new home starts with the shared caches (make_skeleton.py), so no one draws them again
c.WorkshopSpawner.skeleton = env("ITK_HUB_SKELETON", "/srv/innerthigh-kit/skeleton")
# what a trainee does not use is not started: no code completion servers, no terminals
c.Spawner.args = [
    "--ServerApp.jpserver_extensions={'jupyter_lsp': False, 'jupyter_server_terminals': False}",
    # kernels on Unix sockets in the trainee's runtime folder (WorkshopSpawner.runtime_dir says why)
    "--KernelManager.transport=ipc",
]
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = "~"
app = env("ITK_HUB_DEFAULT_APP", settings.DEFAULT_APP)
c.Spawner.default_url = settings.default_url(app)  # one setting: the class builder app, or JupyterLab
c.Spawner.mem_limit = settings.MEMORY_LIMIT  # enforced by TLJH and Zero to JupyterHub, not here
c.Spawner.cpu_limit = settings.CPU_LIMIT
c.Spawner.environment = {
    # plans and handouts: the app's own folder (beside the notebooks, in the trainee's home,
    # untracked by git, so nbgitpuller leaves it alone), for every kernel of theirs too
    "INNERTHIGH_KIT_PLANS_DIR": lambda spawner: os.path.join(spawner.home_dir, settings.PLANS_PATH),
    "MPLBACKEND": "Agg",
    "PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin",
}
# a room logging in at once on two cores: give a server time to come up
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
c.JupyterHub.concurrent_spawn_limit = 40

# ---- the idle culler, set for a workshop day (workshop_settings.py)
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={settings.CULL_TIMEOUT_SECONDS}",
            f"--cull-every={settings.CULL_EVERY_SECONDS}",
            f"--max-age={settings.CULL_MAX_AGE_SECONDS}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
