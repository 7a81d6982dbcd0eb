"""The workshop day's numbers, in one place: the hub config, the TLJH script and the Zero to
JupyterHub values take theirs from here (tests/test_deploy.py checks that they agree).

Plain Python, no imports from the kit, so the hub can read it before anything is installed.
"""

#: An idle server is stopped after this long: 90 minutes covers a lunch break, so a trainee who
#: comes back finds the server still up. Saved plans are on disk either way; an unsaved edit in
#: the app is lost when its server stops, so the app's users are told to save.
CULL_TIMEOUT_SECONDS = 90 * 60
#: How often the culler looks.
CULL_EVERY_SECONDS = 10 * 60
#: Servers are never stopped for age alone during a day (0: no limit).
CULL_MAX_AGE_SECONDS = 0

#: Per trainee. One trainee measured at ≈ 0.5 GB at peak (server, the app's kernel, a kernel
#: that builds a class and renders a handout): the limit gives twice that.
MEMORY_LIMIT = "1G"
MEMORY_GUARANTEE = "512M"
CPU_LIMIT = 1.0
CPU_GUARANTEE = 0.25

#: Where a trainee lands after logging in: "voila" (the class builder app) or "lab" (JupyterLab).
DEFAULT_APP = "voila"
#: The folder nbgitpuller puts the kit in, inside each trainee's home.
TARGET_PATH = "innerthigh-kit"
URLS = {
    "voila": f"/voila/render/{TARGET_PATH}/notebooks/04_class_builder.ipynb",
    "lab": f"/lab/tree/{TARGET_PATH}/notebooks/01_why_inner_thighs.ipynb",
}
#: Each trainee's saved plans and handouts: a folder of their own home, outside the git checkout,
#: so nbgitpuller never has anything of theirs to merge.
PLANS_FOLDER = "my_plans"
