"""A local-process spawner for a workshop on one server, with no system accounts to create.

Each trainee's server runs in their own home, ``<homes>/<name>``. When the hub runs as root, each
trainee's processes also run under a user id of their own (``uid_base`` + the hub's id for the
user, which stays the same for that name), and their home is theirs alone (mode 0700): one
trainee's kernel cannot read or change another's plans. Without root every trainee runs as the
hub's user, as JupyterHub's ``SimpleLocalProcessSpawner`` does, and the hub's own checks are the
only wall (fine on a laptop for a rehearsal, not for a room).

Memory: a local process spawner cannot enforce a per-user total. ``mem_limit`` is passed on (the
server sees it as ``MEM_LIMIT``) but not enforced; an address-space cap per process is no
substitute (numpy and its threads reserve address space they never touch). For a hard per-user
limit use TLJH (systemd) or Zero to JupyterHub (Kubernetes), whose spawners enforce
``mem_limit``: see README.md here.
"""

from __future__ import annotations

import asyncio
import os
import shutil

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Integer, Unicode


class WorkshopSpawner(LocalProcessSpawner):
    homes = Unicode("/srv/innerthigh-kit/homes", config=True, help="The folder of the trainees' homes.")
    skeleton = Unicode(
        "", config=True, help="A folder copied into each new home (make_skeleton.py: the shared caches)."
    )
    uid_base = Integer(
        20000, config=True, help="As root, trainee N's processes run as uid_base + N (no account needed)."
    )

    @property
    def home_dir(self) -> str:
        return os.path.join(self.homes, self.user.name)

    @property
    def separate_users(self) -> bool:
        return os.geteuid() == 0

    @property
    def trainee_uid(self) -> int:
        return self.uid_base + int(self.user.id)

    def _make_home(self) -> None:
        os.makedirs(self.homes, mode=0o711, exist_ok=True)
        fresh = not os.path.isdir(self.home_dir)
        os.makedirs(self.home_dir, mode=0o700, exist_ok=True)
        if fresh and self.skeleton and os.path.isdir(self.skeleton):
            shutil.copytree(self.skeleton, self.home_dir, dirs_exist_ok=True, symlinks=False)
        os.makedirs(os.path.dirname(self.runtime_dir), mode=0o711, exist_ok=True)
        os.makedirs(self.runtime_dir, mode=0o700, exist_ok=True)
        if self.separate_users:
            os.chown(self.runtime_dir, self.trainee_uid, self.trainee_uid)
            for folder, _, files in os.walk(self.home_dir):
                for path in [folder, *(os.path.join(folder, name) for name in files)]:
                    os.lchown(path, self.trainee_uid, self.trainee_uid)
            os.chmod(self.home_dir, 0o700)

    async def start(self):
        # in a thread: copying the skeleton must not hold up the hub for everyone else logging in
        await asyncio.to_thread(self._make_home)
        return await super().start()

    @property
    def runtime_dir(self) -> str:
        """The trainee's Jupyter runtime folder: connection files and their kernels' sockets.

        Kernels talk over Unix sockets here, not TCP ports (``--KernelManager.transport=ipc``):
        a port is chosen free a moment before the kernel binds it, and with a room of servers
        starting kernels at once two picked the same one and a kernel died ("Address already in
        use", seen with 40 trainees). A short path by the hub's id for the user, since a socket's
        path may not pass 107 characters.
        """
        return os.path.join(self.homes, ".run", str(self.user.id))

    def make_preexec_fn(self, name):
        home, uid, separate = self.home_dir, self.trainee_uid, self.separate_users

        def preexec():  # runs in the child, before the server starts
            if separate:
                os.setgroups([])
                os.setgid(uid)
                os.setuid(uid)
            os.umask(0o077)  # what a trainee writes is theirs alone
            os.chdir(home)

        return preexec

    def user_env(self, env):
        env.update(
            USER=self.user.name, HOME=self.home_dir, SHELL="/bin/sh", JUPYTER_RUNTIME_DIR=self.runtime_dir
        )
        return env

    def move_certs(self, paths):
        return paths
