"""The nbgitpuller link: one click gets a trainee logged in, the kit pulled into their home folder,
and the class builder (or JupyterLab) open.

    python deploy/jupyterhub/links.py https://hub.example.org            # the voila app
    python deploy/jupyterhub/links.py https://hub.example.org --app lab  # JupyterLab

The parameters are nbgitpuller's (docs/topic/url-options.rst in jupyterhub/nbgitpuller): repo, branch,
urlpath (relative to the trainee's server, so no leading slash) and targetpath (the folder in the
trainee's home folder). The link goes through /hub/user-redirect/, which sends each trainee to their own
server, as nbgitpuller's own link generator does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import workshop_settings as settings  # noqa: E402


def git_pull_query(
    app: str = settings.DEFAULT_APP,
    *,
    repo: str = settings.REPO_URL,
    branch: str = settings.BRANCH,
    targetpath: str = settings.TARGET_PATH,
) -> str:
    """The query string of a git-pull URL, every value percent-encoded (`/` as %2F, `?` as %3F)."""
    return urlencode(
        {"repo": repo, "branch": branch, "urlpath": settings.app_path(app), "targetpath": targetpath},
        safe="",
    )


def git_pull_path(app: str = settings.DEFAULT_APP, **kwargs: str) -> str:
    """The path on a trainee's own server that pulls, then opens the app: for Spawner.default_url."""
    return "/git-pull?" + git_pull_query(app, **kwargs)


def nbgitpuller_link(hub_url: str, app: str = settings.DEFAULT_APP, **kwargs: str) -> str:
    """The link to send to trainees, for a hub at hub_url (https://hub.example.org, with or without /)."""
    parts = urlsplit(hub_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"the hub's address must start with https:// (or http://), not {hub_url!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"the hub's address must not have ? or # in it: {hub_url!r}")
    base = hub_url.rstrip("/")
    return f"{base}/hub/user-redirect/git-pull?{git_pull_query(app, **kwargs)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the nbgitpuller link for trainees.")
    parser.add_argument("hub_url", help="the hub's address, e.g. https://hub.example.org")
    parser.add_argument("--app", choices=settings.APPS, default=settings.DEFAULT_APP)
    parser.add_argument("--branch", default=settings.BRANCH)
    args = parser.parse_args(argv)
    try:
        print(nbgitpuller_link(args.hub_url, args.app, branch=args.branch))
    except ValueError as error:
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
