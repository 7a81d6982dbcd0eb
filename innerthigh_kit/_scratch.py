"""Scratch folders for work in progress (a handout being rendered), never left behind.

``scratch_folder("handout")`` makes ``innerthigh-handout-XXXX`` in the system's temporary folder
with the owner's process id inside, and removes it on any exit from the ``with`` block (an error,
Ctrl-C, or a termination signal, which the command line turns into an ordinary exit). A process
killed outright cannot clean up, so each new scratch folder first sweeps away the folders whose
owner is no longer running.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PREFIX = "innerthigh-"
_OWNER = "owner.pid"
_ORPHAN_SECONDS = 24 * 3600  # a folder with no owner file, older than this, is stale


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _stale(folder: Path) -> bool:
    try:
        pid = int((folder / _OWNER).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        try:
            return time.time() - folder.stat().st_mtime > _ORPHAN_SECONDS
        except OSError:
            return False
    return pid != os.getpid() and not _running(pid)


def sweep(root: str | os.PathLike | None = None) -> list[Path]:
    """Remove the kit's scratch folders whose owner is gone; returns what was removed."""
    removed = []
    base = Path(root or tempfile.gettempdir())
    with contextlib.suppress(OSError):
        for folder in base.glob(f"{PREFIX}*"):
            if folder.is_dir() and not folder.is_symlink() and _stale(folder):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


@contextlib.contextmanager
def scratch_folder(kind: str) -> Iterator[Path]:
    """A fresh scratch folder for ``kind`` of work, removed when the block ends, however it ends."""
    sweep()
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{kind}-"))
    try:
        (folder / _OWNER).write_text(str(os.getpid()), encoding="utf-8")
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def exit_on_terminate() -> Iterator[None]:
    """A termination signal (``kill``, a closed terminal) ends the command like an error would:
    every ``with`` block unwinds, so scratch folders are removed and no half-made file is left."""
    try:
        previous = signal.signal(signal.SIGTERM, lambda number, _frame: sys.exit(128 + number))
    except ValueError:  # only the main thread may set handlers
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
