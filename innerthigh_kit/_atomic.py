"""Writing a file so that it is never half-written: the one way the kit saves anything.

``write_atomic(path, content, backup=True)`` writes a temporary file beside ``path``, flushes it
to disk, gives it the mode the old file had (or the usual mode for a new file), keeps the old
version as ``<name>.bak`` by a hard link (the original name never disappears, not even for an
instant; the two versions before it move to ``.bak.1`` and ``.bak.2``), then renames the new
file over the old one and flushes the folder. A crash at any moment leaves either the old file
or the new one under the name, never nothing. ``prepare_output`` checks an output before any
long work starts.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

from .errors import OutputError


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _check_target(path: Path) -> int | None:
    """The mode of the file already at ``path`` (None when there is none); refuse anything else."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except ValueError:  # os functions refuse a NUL character in a name
        raise OutputError(
            f"Cannot write {path!r}: the name holds a NUL character. Choose a plain name."
        ) from None
    except OSError as error:
        raise OutputError(f"Cannot write {path}: {error.strerror}. Choose another place.") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"Cannot write {path}: it is a folder. Give a file name inside it instead.")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"Cannot write {path}: it is not an ordinary file. Choose another name.")
    return stat.S_IMODE(info.st_mode)


#: How many earlier versions a save keeps: ``<name>.bak`` (the last), ``.bak.1``, ``.bak.2``.
BACKUPS = 3


def backup_names(path: Path) -> list[Path]:
    """The backups of ``path``, newest first: name.bak, name.bak.1, name.bak.2."""
    return [path.with_name(path.name + ".bak" + (f".{n}" if n else "")) for n in range(BACKUPS)]


def _keep_backup(path: Path) -> Path:
    """Keep the current file as ``<name>.bak`` (older ones move down), never removing ``path``.

    Each step is one rename or one hard link, so a crash at any moment leaves ``path`` as it
    was and at worst one backup short.
    """
    backups = backup_names(path)
    for backup in backups:
        if backup.exists() and not backup.is_file():
            raise OutputError(
                f"Cannot keep the previous version of {path}: {backup} is not a file (a folder?). "
                "Rename or move it, then save again."
            )
    for index in range(BACKUPS - 1, 0, -1):  # .bak.1 -> .bak.2, then .bak -> .bak.1
        if backups[index - 1].exists():
            os.replace(backups[index - 1], backups[index])
    backup = backups[0]
    temporary = path.with_name(f".{path.name}.bak-{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    try:
        os.link(path, temporary)
    except OSError:  # a file system without hard links: a copy serves as well
        shutil.copy2(path, temporary)
    os.replace(temporary, backup)
    return backup


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


#: The longest file name most file systems take, in bytes.
MAX_NAME_BYTES = 255


def check_file_name(name: str, example: str = "my-class.yaml") -> str:
    """``name`` stripped, if it is a plain file name; else an ``OutputError`` saying what to change.

    A plain name has no folder part (no / or \\), does not start with a dot (no hidden files,
    no ``..``), holds no NUL or other control character and is at most 255 bytes long.
    """
    name = str(name).strip()
    fix = f"Give a plain file name such as {example}."
    if not name:
        raise OutputError(f"The file name is empty. {fix}")
    if "/" in name or "\\" in name:
        raise OutputError(f"{name!r} names a folder as well as a file. {fix}")
    if name.startswith("."):
        raise OutputError(
            f"{name!r} starts with a dot, which hides the file (or climbs out of the folder). {fix}"
        )
    if any(ord(character) < 32 for character in name):
        raise OutputError(f"{name!r} holds a control character (such as NUL). {fix}")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise OutputError(f"The file name is {len(name.encode('utf-8'))} bytes long; the most is 255. {fix}")
    return name


def prepare_output(path: str | os.PathLike) -> Path:
    """Check before any work that ``path`` can be written: make its folder, refuse a folder.

    Raises ``OutputError`` with a plain message (the path is a folder, the folder cannot be
    made, it is not writable), so a long render never fails at its very end.
    """
    path = Path(path)
    _check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"Cannot write {path}: the folder {path.parent} cannot be made ({error.strerror}). "
            "Choose a folder you may write in."
        ) from None
    if not path.parent.is_dir():
        raise OutputError(f"Cannot write {path}: {path.parent} is not a folder. Choose another place.")
    if not os.access(path.parent, os.W_OK):
        raise OutputError(f"Cannot write {path}: you may not write in {path.parent}. Choose another folder.")
    return path


def write_atomic(path: str | os.PathLike, content: bytes | str, *, backup: bool = False) -> Path:
    """Write ``content`` to ``path`` atomically; with ``backup`` keep the old file as ``.bak``.

    Raises ``OutputError`` (a ``KitError``) with a plain message when the path is a folder or a
    special file, or when the folder cannot be written.
    """
    path = Path(path)
    mode = _check_target(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OutputError(
            f"Cannot write {path}: {error.strerror}. "
            "Check that the folder exists and that you may write there."
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode if mode is not None else _umask_mode())
        if backup and mode is not None:
            _keep_backup(path)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"Cannot write {path}: {error.strerror}.") from None
        raise
    _fsync_folder(path.parent)
    return path


@contextlib.contextmanager
def folder_lock(folder: Path, what: str):
    """Hold ``folder``'s lock while writing many files into it; a second writer is refused at once.

    The lock is the operating system's (``flock``), so it goes with the process: a run that is
    killed never leaves the folder locked.
    """
    try:
        import fcntl
    except ImportError:  # not on this platform: no lock, as before
        yield
        return
    lock_path = folder / ".innerthigh-kit.lock"
    try:
        handle = open(lock_path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
    except OSError as error:
        raise OutputError(
            f"Cannot write in {folder}: {error.strerror}. Choose a folder you may write in."
        ) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            message = f"Another {what} is writing into {folder} right now."
            raise OutputError(f"{message} Wait for it to finish, or choose another folder.") from None
        yield
    finally:
        handle.close()
