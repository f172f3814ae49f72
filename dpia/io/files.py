"""Files on disk: reading within limits, and writing so that nothing is ever half-written.

Reading: :func:`read_regular` reads only regular files within a size limit (never a FIFO or a
device), :func:`read_limited` turns a refusal into a located problem, and :func:`outside_links`
refuses links that lead out of a register folder. Writing: :func:`atomic_write` puts a file in place
with one rename (optionally only when it still holds what was loaded), :class:`save_lock` lets two
workbenches on one folder take turns.
"""

from __future__ import annotations

import errno
import functools
import glob
import hashlib
import os
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dpia.io.problems import ChangedOnDisk, Msg, Problem, problem_at
from collections.abc import Iterable


_OS_REASONS = {
    errno.ENOENT: "os_no_such_file",
    errno.EACCES: "os_permission",
    errno.EPERM: "os_permission",
    errno.ELOOP: "os_symlink_loop",
    errno.EISDIR: "os_is_dir",
    errno.ENOTDIR: "os_not_dir",
    errno.EIO: "os_io",
}


def os_reason(exc: OSError) -> Msg | str:
    """Why a file cannot be read, in the reader's language (the system's own text for rare errors)."""
    key = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    return Msg(key) if key else (exc.strerror or str(exc))


class ReadRefused(Exception):
    """A file that is not read: ``reason`` (a message) for one that cannot be, or ``size`` in bytes
    for one over the limit (then ``reason`` is None)."""

    def __init__(self, reason: Msg | str | None = None, size: int | None = None):
        super().__init__(reason or size)
        self.reason, self.size = reason, size


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ``ReadRefused`` otherwise.

    A FIFO would block the read forever and a device (/dev/zero) would never end, so only regular
    files are read. The file checked is the file read: it is opened without blocking (a FIFO opens at
    once) and then looked at, so it cannot be swapped for a pipe in between. The size is checked
    before reading and the read stops at ``limit`` + 1 byte (the file may grow in between).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb", closefd=True) as fh:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise ReadRefused(Msg("os_is_dir") if stat.S_ISDIR(info.st_mode) else Msg("os_not_regular"))
            size = info.st_size
            if size <= limit:
                data = fh.read(limit + 1)
                size = len(data)
    except OSError as exc:
        raise ReadRefused(os_reason(exc)) from None
    if size > limit:
        raise ReadRefused(size=size)
    return data


def read_limited(path: Path, shown: str, limit: int, problems: list[Problem], too_large: Any = None) -> bytes | None:
    """``read_regular``, or None with the reason in ``problems``: "cannot read the file: REASON", or
    ``too_large(size)`` (by default "the file is N MB; ...") for a file over the limit, ``size`` in bytes."""
    try:
        return read_regular(path, limit)
    except ReadRefused as refused:
        if refused.reason is not None:
            problems.append(problem_at(shown, (0, 0), "unreadable", reason=refused.reason))
        else:
            problems.append(too_large(refused.size) if too_large else problem_at(
                shown, (0, 0), "file_too_large", size=refused.size, limit=limit))
        return None


def encoding_guess(data: bytes, at: int) -> tuple[str, str]:
    """For bytes that are not UTF-8: the encoding they were most likely saved in (the 8-bit code page
    Windows programs such as Excel use in Western Europe, else Latin-1) and the character the byte at
    ``at`` stands for in it."""
    for name, codec in (("Windows-1252", "cp1252"), ("Latin-1 (ISO-8859-1)", "latin-1")):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return name, data[at:at + 1].decode(codec)
    return "Latin-1 (ISO-8859-1)", data[at:at + 1].decode("latin-1")  # pragma: no cover - latin-1 decodes all


def not_utf8_problem(shown: str, data: bytes, exc: UnicodeDecodeError, key: str = "not_utf8") -> Problem:
    """The problem for bytes that are not UTF-8, at the line and column (in characters) of the first
    bad byte, naming the encoding they were probably saved in."""
    line = data[: exc.start].count(b"\n")
    line_start = data.rfind(b"\n", 0, exc.start) + 1
    col = len(data[line_start : exc.start].decode("utf-8", "replace"))  # in characters, as editors count
    guess, char = encoding_guess(data, exc.start)
    return problem_at(shown, (line, col), key, byte=f"0x{data[exc.start]:02x}", offset=exc.start, guess=guess, char=char)


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@functools.cache  # looked up on the first save, not when dpia is imported
def _renameat2_function() -> Any:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2  # Linux, glibc 2.28 and later
    except (OSError, AttributeError, ImportError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int

    def exchange(a: str, b: str) -> bool:
        if fn(-100, os.fsencode(a), -100, os.fsencode(b), 2) == 0:  # AT_FDCWD, RENAME_EXCHANGE
            return True
        code = ctypes.get_errno()
        if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
            return False  # this file system cannot exchange
        raise OSError(code, os.strerror(code), b)

    return exchange


def exchange_files(a: str, b: str) -> bool:
    """Swap the files at ``a`` and ``b`` in one step (``renameat2`` with ``RENAME_EXCHANGE``); False
    when the system or file system cannot, and nothing happened."""
    exchange = _renameat2_function()
    return exchange(a, b) if exchange is not None else False


def _replace_if_unchanged(tmp: str, path: Path, expect_digest: str) -> bool:
    """Put ``tmp`` at ``path`` if ``path`` still holds the bytes with ``expect_digest``; False (and
    ``path`` as it was) otherwise.

    A compare-and-swap: the new file is exchanged with the old one in one step, and the old one, now
    at ``tmp``, is checked. If it is not the version that was loaded, someone wrote in the meantime
    and the two are exchanged back; their file is never unlinked. Where exchanging is not possible
    the check is made just before an ordinary rename.
    """
    if exchange_files(tmp, str(path)):
        if file_digest(Path(tmp)) == expect_digest:
            os.unlink(tmp)
            return True
        exchange_files(tmp, str(path))  # theirs back in place; ours, at tmp, is removed by the caller
        return False
    if file_digest(path) != expect_digest:
        return False
    os.replace(tmp, path)
    return True


def atomic_write(path: Path, text: str, expect_digest: str | None = None) -> bool:
    """Write ``text`` to ``path`` so that a reader sees either the old file or the new one, never half.

    The data goes to a temporary file in the same folder, is flushed to disk, and replaces the target
    with one rename; the file's permissions are kept. A symbolic link is written through (its target
    is replaced, the link stays). With ``expect_digest``, the file is replaced only if it still holds
    what had that SHA-256 digest (see ``_replace_if_unchanged``); returns False, writing nothing, if not.
    """
    path = Path(os.path.realpath(path))
    data = text.encode("utf-8")
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if expect_digest is None:
            os.replace(tmp, path)
        elif not _replace_if_unchanged(tmp, path, expect_digest):
            os.unlink(tmp)
            return False
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(path.parent)
    return True


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to disk; best effort where folders cannot be synced."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


SAVE_LOCK_SECONDS = 10.0


class save_lock:
    """An exclusive lock on a register folder for the duration of a save (``flock`` on the folder
    itself, so no lock file appears in it). Two workbenches saving the same register take turns; a
    save that waits longer than ``SAVE_LOCK_SECONDS`` is refused with ``ChangedOnDisk``. Where
    ``flock`` does not exist (Windows) this does nothing and the compare-and-swap stands alone."""

    def __init__(self, folder: Path, shown: str):
        self.folder, self.shown, self.fd = folder, shown, None

    def __enter__(self) -> "save_lock":
        try:
            import fcntl
        except ImportError:
            return self
        self.fd = os.open(self.folder, os.O_RDONLY)
        deadline = time.monotonic() + SAVE_LOCK_SECONDS
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(self.fd)
                    self.fd = None
                    raise ChangedOnDisk([problem_at(self.shown, (0, 0), "save_locked")]) from None
                time.sleep(0.05)

    def __exit__(self, *exc: Any) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the lock
            self.fd = None


def remove_stale_temporaries(path: Path) -> None:
    """Remove the temporary files (``.NAME.*.tmp``) a killed save of ``path`` left behind. Call it only
    under ``save_lock``: then no other save is writing one."""
    path = Path(os.path.realpath(path))
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if tmp.is_file() and not tmp.is_symlink():
                tmp.unlink()
        except OSError:
            pass  # not ours to worry about: the loader ignores dot-files


@dataclass
class SourceFile:
    """One YAML file of a register as it was read: its text, digest and round-trip document."""

    path: Path
    text: str
    digest: str
    doc: Any
    dirty: bool = False
    module: Any = None  # the imported module (dpia.io.modules.Module) this file belongs to (never written)


@functools.lru_cache(maxsize=4096)  # called per entry; thousands of CSV rows share a few files
def shown_path(root: Path, path: Path) -> str:
    try:
        if root.is_dir():
            return str(Path(root.as_posix()) / path.relative_to(root))
        if path == root:
            return str(root)
        return str(Path(root.parent.as_posix()) / path.relative_to(root.parent))  # a module beside a one-file register
    except ValueError:
        return str(path)


def outside_links(root: Path, paths: Iterable[Path]) -> list[Problem]:
    """A problem for each of ``paths`` (files in the folder ``root``) that is a symbolic link to a place
    outside the folder: a folder received from someone else must not make the loader read, and quote in
    its messages, a file elsewhere on the reader's computer. Links within the folder are fine."""
    base = os.path.realpath(root)
    out = []
    for p in paths:
        if not p.is_symlink():
            continue
        target = os.path.realpath(p)  # a loop resolves to some path; reading it then says "loop"
        if os.path.commonpath([base, target]) != base:
            out.append(problem_at(shown_path(root, p), (0, 0), "symlink_outside", target=os.readlink(p)))
    return out
