#!/usr/bin/env bash
# One server for one innerthigh-kit workshop: The Littlest JupyterHub (TLJH) on a fresh Ubuntu server.
#
# On the server, as root, with two passwords of your choosing:
#
#   curl -fsSLO https://raw.githubusercontent.com/innerthigh-kit/innerthigh-kit/main/deploy/jupyterhub/tljh/setup.sh
#   sudo WORKSHOP_PASSWORD='the-password-on-the-board' \
#        ADMIN_PASSWORD='a-long-one-only-you-know-at-least-32-characters' \
#        bash setup.sh
#
# Optional: ADMIN_USER (default: trainer), WORKSHOP_APP=voila|lab (default: voila, the class builder),
# BRANCH (default: main). Run it again to change a setting: TLJH keeps users and their files.
#
# The numbers below (culler, limits, paths) are copies of deploy/jupyterhub/workshop_settings.py;
# tests/test_deploy.py fails when they differ.
set -euo pipefail

ADMIN_USER=${ADMIN_USER:-trainer}
WORKSHOP_APP=${WORKSHOP_APP:-voila}
BRANCH=${BRANCH:-main}
TLJH_CONFIG=${TLJH_CONFIG:-tljh-config}
TLJH_CONFIG_DIR=${TLJH_CONFIG_DIR:-/opt/tljh/config}
REPO_URL=https://github.com/innerthigh-kit/innerthigh-kit
REQUIREMENTS_URL=https://raw.githubusercontent.com/innerthigh-kit/innerthigh-kit/${BRANCH}/deploy/jupyterhub/tljh/requirements.txt

fail() {
  echo "setup.sh: $*" >&2
  exit 1
}

[ "$(id -u)" = "0" ] || fail "run it as root: sudo WORKSHOP_PASSWORD=... ADMIN_PASSWORD=... bash setup.sh"

# tljh-config reads a value made only of digits as a number, which is not a password: ask for letters.
check_password() { # name, value, shortest length
  local value=$2
  [ -n "$value" ] || fail "$1 is not set (see the top of this script)"
  [ "${#value}" -ge "$3" ] || fail "$1 must be at least $3 characters long (JupyterHub refuses shorter ones)"
  case $value in
    *[!0-9.]*) ;;
    *) fail "$1 must have a letter in it" ;;
  esac
}
check_password WORKSHOP_PASSWORD "${WORKSHOP_PASSWORD:-}" 8
check_password ADMIN_PASSWORD "${ADMIN_PASSWORD:-}" 32
[ "$WORKSHOP_PASSWORD" != "$ADMIN_PASSWORD" ] || fail "WORKSHOP_PASSWORD and ADMIN_PASSWORD must differ"

# What trainees land on. nbgitpuller's git-pull first brings the kit into ~/innerthigh-kit (or updates
# it, keeping the trainee's own changes), then opens the app. Same link as `python
# deploy/jupyterhub/links.py`, as a path on the trainee's own server.
PULL="/git-pull?repo=https%3A%2F%2Fgithub.com%2Finnerthigh-kit%2Finnerthigh-kit&branch=${BRANCH}"
case $WORKSHOP_APP in
  voila) DEFAULT_URL="${PULL}&urlpath=voila%2Frender%2Finnerthigh-kit%2Fnotebooks%2F04_class_builder.ipynb&targetpath=innerthigh-kit" ;;
  lab) DEFAULT_URL="${PULL}&urlpath=lab%2Ftree%2Finnerthigh-kit%2Fnotebooks%2F01_why_inner_thighs.ipynb&targetpath=innerthigh-kit" ;;
  *) fail "WORKSHOP_APP must be voila or lab, not '$WORKSHOP_APP'" ;;
esac

# 1. Install TLJH, once. The kit (with voila) goes into the trainees' shared environment from
#    tljh/requirements.txt; TLJH already puts nbgitpuller there. weasyprint (handouts) needs Pango.
if ! command -v "$TLJH_CONFIG" >/dev/null; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y curl python3 git libpango-1.0-0 libpangoft2-1.0-0
  curl -fsSL https://tljh.jupyter.org/bootstrap.py |
    python3 - --admin "$ADMIN_USER" --user-requirements-txt-url "$REQUIREMENTS_URL"
fi

# 2. Log-in: JupyterHub's shared password (built in since JupyterHub 5.3; TLJH installs 5.x).
#    Each trainee types a name of their own and the password on the board. Why not tmpauthenticator:
#    it makes a new, random user for every browser, so a trainee who changes device or loses the
#    cookie after lunch could never get back to their saved plans; with a name they can. The price:
#    anyone with the password can log in under any trainee's name, so use it only for the workshop.
#    The admin (ADMIN_USER) logs in with ADMIN_PASSWORD, which JupyterHub wants 32 characters long.
"$TLJH_CONFIG" set auth.type jupyterhub.authenticators.shared.SharedPasswordAuthenticator
"$TLJH_CONFIG" set auth.SharedPasswordAuthenticator.user_password "$WORKSHOP_PASSWORD"
"$TLJH_CONFIG" set auth.SharedPasswordAuthenticator.admin_password "$ADMIN_PASSWORD"
# Any name may log in (JupyterHub 5 lets nobody in unless told so).
"$TLJH_CONFIG" set auth.SharedPasswordAuthenticator.allow_all true
# ADMIN_USER became TLJH's admin (users.admin) at install. Another: tljh-config add-item users.admin NAME

# 3. Per trainee: at most this much memory and CPU (workshop_settings.MEMORY_LIMIT, CPU_LIMIT).
"$TLJH_CONFIG" set limits.memory 1G
"$TLJH_CONFIG" set limits.cpu 1

# 4. The idle culler, for a workshop day (workshop_settings.CULL_*): a server idle for 90 minutes
#    stops (a lunch break does not), checked every 5 minutes; any server stops after 10 hours.
#    Users are kept: their names and files are still there when they come back.
"$TLJH_CONFIG" set services.cull.enabled true
"$TLJH_CONFIG" set services.cull.timeout 5400
"$TLJH_CONFIG" set services.cull.every 300
"$TLJH_CONFIG" set services.cull.max_age 36000
"$TLJH_CONFIG" set services.cull.users false

# 5. Where trainees land. tljh-config's user_environment.default_app knows only jupyterlab and
#    classic, so the voila app (and the pull) is set in a snippet TLJH loads after its own config.
"$TLJH_CONFIG" set user_environment.default_app jupyterlab
mkdir -p "$TLJH_CONFIG_DIR/jupyterhub_config.d"
cat >"$TLJH_CONFIG_DIR/jupyterhub_config.d/innerthigh-kit.py" <<SNIPPET
# Written by innerthigh-kit's deploy/jupyterhub/tljh/setup.sh (WORKSHOP_APP=${WORKSHOP_APP}).
c.Spawner.default_url = "${DEFAULT_URL}"
SNIPPET

# 6. Apply it all.
"$TLJH_CONFIG" reload hub

echo "Done. Trainees open the hub's address, or this link (it also pulls the latest kit):"
echo "  http://<this-server's-address>/hub/user-redirect${DEFAULT_URL}"
echo "Kit: ${REPO_URL} (branch ${BRANCH})."
