"""The workshop-day numbers for every hub that runs the kit, in one place.

Read by deploy/jupyterhub/jupyterhub_config.py (the one-server hub), and by tests/test_deploy.py, which
checks that the TLJH set-up script (tljh/setup.sh) and the Zero to JupyterHub values (z2jh/config.yaml)
carry the same numbers: those two are plain shell and YAML, so they hold copies, and the test keeps the
copies honest. Change a number here, then in those two files; the test says where they differ.

Only the standard library here: jupyterhub_config.py imports this file by path.
"""

from __future__ import annotations

# -- The idle culler (jupyterhub-idle-culler), in seconds -----------------------------------------------
# A trainee's server that has had no activity for this long is stopped. 90 minutes: a lunch break does
# not stop anyone's server. Stopping loses only what is in memory (the kernel); saved plans and
# notebooks stay on disk and are there when the trainee logs in again.
CULL_TIMEOUT_SECONDS = 90 * 60
# How often the culler looks.
CULL_EVERY_SECONDS = 5 * 60
# Any server, busy or not, is stopped after this long: a workshop day and a bit, so that a forgotten
# tab does not keep a server (and its memory) overnight. 0 would mean "never".
CULL_MAX_AGE_SECONDS = 10 * 60 * 60

# -- Per trainee -------------------------------------------------------------------------------------------
# Measured (deploy/jupyterhub/README.md, "Sizing (measured)"): one trainee building and printing a class
# peaks at 0.25-0.3 GB; the 1G limit leaves room for two or three more notebooks' kernels.
# Limit: the most one trainee's server may use. Guarantee (Kubernetes only): what is reserved for it.
MEMORY_LIMIT = "1G"
MEMORY_GUARANTEE = "512M"
CPU_LIMIT = 1.0
CPU_GUARANTEE = 0.25
# Zero to JupyterHub only: each trainee's own disk (a PersistentVolumeClaim).
STORAGE_CAPACITY = "1Gi"

# -- What trainees see ---------------------------------------------------------------------------------------
# "voila": the class builder as an app, no code. "lab": JupyterLab with the notebooks.
DEFAULT_APP = "voila"
APPS = ("voila", "lab")

# The kit's repository, pulled into each trainee's home folder by nbgitpuller.
REPO_URL = "https://github.com/innerthigh-kit/innerthigh-kit"
BRANCH = "main"
# The folder, inside the trainee's home folder, that nbgitpuller clones into.
TARGET_PATH = "innerthigh-kit"
# Paths as the trainee's Jupyter server sees them (relative to its base URL; no leading slash).
VOILA_PATH = f"voila/render/{TARGET_PATH}/notebooks/04_class_builder.ipynb"
LAB_PATH = f"lab/tree/{TARGET_PATH}/notebooks/01_why_inner_thighs.ipynb"
# Where the class builder saves plans: "my_plans" beside the notebook (innerthigh_kit.widgets.save_panel).
# Not in git, so nbgitpuller never touches it (deploy/jupyterhub/README.md says why).
PLANS_FOLDER = "my_plans"
PLANS_PATH = f"{TARGET_PATH}/notebooks/{PLANS_FOLDER}"


def app_path(app: str = DEFAULT_APP) -> str:
    """The server-relative path of an app: VOILA_PATH or LAB_PATH."""
    if app not in APPS:
        raise ValueError(f"app must be one of {', '.join(APPS)}, not {app!r}")
    return VOILA_PATH if app == "voila" else LAB_PATH


def default_url(app: str = DEFAULT_APP) -> str:
    """What to give JupyterHub's Spawner.default_url (z2jh: singleuser.defaultUrl) for that app."""
    return "/" + app_path(app)
