"""Files on disk: reading within limits, and writing so that nothing is ever half-written.

Reading: :func:`read_regular` reads only regular files within a size limit (never a FIFO or a
device), :func:`read_limited` turns a refusal into a located problem, and :func:`outside_links`
refuses links that lead out of a register folder. Writing: every file the tool writes goes through
this module. :func:`atomic_write` puts a register file in place with one rename (optionally only when
it still holds what was loaded), :class:`save_lock` lets two workbenches on one folder take turns, and
:func:`write_output` writes an output for people after :func:`check_output` has refused a path that
would touch the register (inside its folder or equal to a file it reads, through links), a link, a
device or a read-only file.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import glob
import hashlib
import json
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from dpia.io.problems import ChangedOnDisk, Msg, Problem, problem_at


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


def _ordinary_mode() -> int:
    """The permissions of an ordinary new file (0o666 less the umask), not mkstemp's owner-only 0o600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class _Staged:
    """A file being written under a temporary name beside its target (see :func:`_staged`)."""

    def __init__(self, fh: Any, tmp: str):
        self.file, self.tmp, self.placed = fh, tmp, False


@contextlib.contextmanager
def _staged(path: Path, mode: int, place: Callable[[str], bool], text: bool = False) -> Iterator[_Staged]:
    """The one way a file reaches the disk: whatever is written to the yielded file goes to a temporary
    file beside ``path``; when the block ends without an error it is flushed to disk, given ``mode``,
    and ``place(tmp)`` puts it at ``path`` in one step (``placed`` True) or declines (False, and the
    temporary is removed). On an error, or a kill, the target is untouched: at worst a ``.NAME.*.tmp``
    stays behind, which readers ignore and the next save removes."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        fh = os.fdopen(fd, "w", encoding="utf-8", newline="") if text else os.fdopen(fd, "wb")
        staged = _Staged(fh, tmp)
        with fh:
            yield staged
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        staged.placed = place(tmp)
        if not staged.placed:
            os.unlink(tmp)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if staged.placed:
        fsync_dir(path.parent)


def _put(path: Path, data: bytes, mode: int, place: Callable[[str], bool]) -> bool:
    """``data`` at ``path`` through :func:`_staged`; False when ``place`` declined."""
    with _staged(path, mode, place) as staged:
        staged.file.write(data)
    return staged.placed


def _replace(target: Path) -> Callable[[str], bool]:
    def place(tmp: str) -> bool:
        os.replace(tmp, target)
        return True

    return place


def atomic_write(path: Path, text: str | bytes, expect_digest: str | None = None) -> bool:
    """Write a file of the register (or the tool's own) so that a reader sees either the old file or
    the new one, never half.

    The file's permissions are kept. A symbolic link is written through (its target is replaced, the
    link stays): a register may link its files within its folder. With ``expect_digest``, the file is
    replaced only if it still holds what had that SHA-256 digest (see ``_replace_if_unchanged``);
    returns False, writing nothing, if not. Outputs for people go through :func:`write_output`.
    """
    path = Path(os.path.realpath(path))
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _ordinary_mode()
    if expect_digest is None:
        return _put(path, data, mode, _replace(path))
    return _put(path, data, mode, lambda tmp: _replace_if_unchanged(tmp, path, expect_digest))


# --------------------------------------------------------------------------------------------------
# Outputs: every file the tool writes for people (reports, letters, forms, spreadsheets, maps)


class OutputRefused(Exception):
    """An output path that is not written: it would touch the register, or it is not an ordinary file
    (``key`` and ``params`` are the catalogue message, which names both paths)."""

    def __init__(self, key: str, **params: Any):
        super().__init__(key, params)
        self.key, self.params = key, params

    def message(self, lang: str | None = None) -> str:
        return Msg(self.key, tuple(self.params.items())).render(lang)


def _inside(path: str, folder: str) -> bool:
    return path == folder or os.path.commonpath([path, folder]) == folder


def check_output(path: str | os.PathLike[str], protect: Iterable[str | os.PathLike[str]] = (), force: bool = False) -> Path:
    """``path`` as an output may be written; ``OutputRefused`` otherwise.

    Refused: a symbolic link (a link could lead anywhere, also into the register); anything that exists
    and is not a regular file (a folder, a device such as /dev/null, a pipe); a path inside a folder
    of ``protect`` or equal to a file of it, resolved through links (the register and every file it
    reads); a read-only file unless ``force``. A new name in an existing folder is fine.

    >>> import tempfile, pathlib
    >>> reg = pathlib.Path(tempfile.mkdtemp())
    >>> try:
    ...     check_output(reg / "parties.yaml", protect=[reg])
    ... except OutputRefused as refused:
    ...     print(refused.key)
    output_in_register
    >>> check_output(reg.parent / "rapport.html", protect=[reg]).name
    'rapport.html'
    """
    target = Path(path)
    shown = str(path)
    if target.is_symlink():
        raise OutputRefused("output_is_link", path=shown, target=os.readlink(target))
    try:
        info = os.stat(target)
    except OSError:  # a new name, or a path that cannot be (a file where a folder should be): the write says why
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise OutputRefused("output_is_folder", path=shown, example=os.path.join(shown, "uitvoer"))
        raise OutputRefused("output_not_regular", path=shown)
    resolved = os.path.realpath(target)
    for guarded in protect:
        folder = os.path.realpath(guarded)
        if _inside(resolved, folder):
            raise OutputRefused("output_in_register", path=shown, register=str(guarded))
    if info is not None and not force and not info.st_mode & 0o222:
        raise OutputRefused("output_read_only_file", path=shown)
    return Path(resolved)


def write_output(path: str | os.PathLike[str], data: str | bytes, protect: Iterable[str | os.PathLike[str]] = (),
                 force: bool = False) -> Path:
    """Write an output for people, whole or not at all, after :func:`check_output`; returns its path.

    The file gets ordinary permissions (0o666 less the umask). Errors of the disk (full, read-only
    folder) are raised as ``OSError`` with nothing half-written.
    """
    target = check_output(path, protect, force)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    _put(target, payload, _ordinary_mode(), _replace(target))
    return Path(path)


@contextlib.contextmanager
def output_stream(path: str | os.PathLike[str], protect: Iterable[str | os.PathLike[str]] = (), force: bool = False,
                  text: bool = True) -> Iterator[Any]:
    """:func:`write_output` for an output too large to hold in memory (a million-row CSV): write to the
    yielded file; it lands whole when the block ends, or not at all on an error."""
    target = check_output(path, protect, force)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _staged(target, _ordinary_mode(), _replace(target), text=text) as staged:
        yield staged.file


def publish_folder(staged: Path, target: Path) -> None:
    """Put a folder built under a temporary name (``staged``) at ``target`` in one rename; an empty
    folder at ``target`` is replaced, a non-empty one makes this fail (``OSError``, ENOTEMPTY)."""
    os.replace(staged, target)
    fsync_dir(target.parent)


def replace_file(source: Path, target: Path) -> None:
    """Move a file another program wrote beside ``target`` (a temporary of ours) onto it in one step,
    with ordinary permissions (chromium's PDF, say)."""
    os.chmod(source, _ordinary_mode())
    os.replace(source, target)
    fsync_dir(target.parent)


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


# --------------------------------------------------------------------------------------------------
# Several files at once: all land or none does


JOURNAL = ".dpia-save.json"  # in the register's folder while a save of several files is under way


@dataclass(frozen=True)
class Change:
    """One file of a save of several: its new ``text`` and the digest of the version that was loaded
    (``expect``), which must still be on disk; ``old_text`` is that version, for an undo in memory."""

    path: Path
    text: str
    expect: str
    old_text: str


def write_together(folder: Path, changes: list[Change]) -> bool:
    """Write several files of the register in ``folder`` so that all of them land or none does, also
    when the process is killed at any instruction. Call it under :class:`save_lock`.

    Each new text is first written whole beside its file; then a journal (``JOURNAL``, written
    atomically: the moment the save counts as made) lists them; then each is renamed into place and
    the journal removed. A kill before the journal leaves the old files (and temporaries the next
    save removes); a kill after it is finished by the next load or save (:func:`finish_interrupted_save`).
    Returns False, with the old files in place, when a file no longer holds the version loaded.
    """
    staged: list[tuple[Change, Path, str]] = []
    try:
        for change in changes:
            target = Path(os.path.realpath(change.path))
            data = change.text.encode("utf-8")
            mode = target.stat().st_mode & 0o7777
            holder: list[str] = []
            _put(target, data, mode, lambda tmp, held=holder: held.append(tmp) or True)  # staged, not placed
            staged.append((change, target, holder[0]))
        entries = [{"target": str(target), "staged": tmp, "old": change.expect,
                    "new": hashlib.sha256(change.text.encode("utf-8")).hexdigest()} for change, target, tmp in staged]
        atomic_write(folder / JOURNAL, json.dumps({"files": entries}, indent=1) + "\n")
    except BaseException:
        for _change, _target, tmp in staged:
            _unlink_quietly(tmp)
        raise
    placed: list[tuple[Change, Path]] = []
    for change, target, tmp in staged:
        if file_digest(target) != change.expect:  # changed by a program that does not take the lock
            for done, done_target in placed:
                atomic_write(done_target, done.old_text)
            for _c, _t, rest in staged[len(placed):]:
                _unlink_quietly(rest)
            _unlink_quietly(str(folder / JOURNAL))
            return False
        os.replace(tmp, target)
        placed.append((change, target))
    for target_folder in {target.parent for _c, target, _t in staged}:
        fsync_dir(target_folder)
    os.unlink(folder / JOURNAL)
    fsync_dir(folder)
    return True


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


class InterruptedSave(Exception):
    """A save of several files was interrupted and cannot be finished: ``problems`` say which file was
    changed since (the journal stays, so nothing is decided for the officer)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.render("en") for p in problems))
        self.problems = problems


def finish_interrupted_save(folder: Path, shown: Any = str, locked: bool = False) -> list[str]:
    """Finish a save of several files that was killed after its journal was written: every file not
    yet in place is renamed into place. Returns the files finished (shown with ``shown``), or [] when
    there was nothing to finish. Raises :class:`InterruptedSave` when a file of it was changed by
    someone since (neither the version before the save nor the one it wrote); then nothing is done.
    With ``locked`` the caller holds :class:`save_lock` already."""
    journal = folder / JOURNAL
    if not journal.exists():
        return []
    if locked:
        return _finish(folder, shown)
    with save_lock(folder, shown(folder)):
        return _finish(folder, shown)


def _finish(folder: Path, shown: Any) -> list[str]:
    journal = folder / JOURNAL
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))["files"]
    except FileNotFoundError:
        return []  # another process finished it while we waited for the lock
    todo, conflicts = [], []
    for entry in entries:
        target, tmp = Path(entry["target"]), Path(entry["staged"])
        now = file_digest(target)
        if now == entry["new"]:
            continue
        if now == entry["old"] and file_digest(tmp) == entry["new"]:
            todo.append((tmp, target))
        else:
            conflicts.append(problem_at(shown(target), (0, 0), "save_interrupted_conflict", journal=shown(journal)))
    if conflicts:
        raise InterruptedSave(conflicts)
    for tmp, target in todo:
        os.replace(tmp, target)
        fsync_dir(target.parent)
    os.unlink(journal)
    fsync_dir(folder)
    return [shown(target) for _tmp, target in todo]


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
