#!/bin/sh
# Install packages into the project's venv, fast: with uv when it can be had, else with pip.
#
#   sh tools/venv.sh VENV PYTHON PIP-ARGS...      e.g.  sh tools/venv.sh .venv python3 -e .
#
# 1. The venv is made with `PYTHON -m venv` if it is not there yet (so it always has pip).
# 2. uv: the one on PATH if any; else the one already in the venv; else `pip install uv` into it.
# 3. If uv can't be had (pip install uv fails), plain pip installs instead: slower, same result.
# Installing adds what is missing and leaves what is there alone, so a second call with extras
# (-e '.[test]') only adds the extras. The Makefile calls this when pyproject.toml changes.
set -eu

if [ "$#" -lt 3 ]; then
    echo "usage: sh tools/venv.sh VENV PYTHON PIP-ARGS..." >&2
    exit 2
fi
venv=$1
python=$2
shift 2

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi

if command -v uv >/dev/null 2>&1; then
    uv=uv
elif [ -x "$venv/bin/uv" ]; then
    uv=$venv/bin/uv
elif "$venv/bin/python" -m pip install --quiet --disable-pip-version-check uv; then
    uv=$venv/bin/uv
else
    uv=
    echo "tools/venv.sh: could not install uv; installing with pip instead (slower)" >&2
fi

if [ -n "$uv" ]; then
    echo "tools/venv.sh: installing $* into $venv with uv"
    "$uv" pip install --quiet --python "$venv/bin/python" "$@"
else
    echo "tools/venv.sh: installing $* into $venv with pip"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
fi
