"""Modules: a sector DPIA published by someone else and imported into a school's register.

A module is a folder holding ``module.yaml`` (name, publisher, version) and register-shaped YAML files
with entity sections (never a ``controller``). A register imports it in its ``imports:`` section::

    imports:
      - id: sector-magister
        source: modules/sector-magister     # a folder inside the register folder
        version: "2026.1"
        checksum: "sha256:…"                # `dpia module checksum FOLDER` prints it

A module may also come as an archive (``source: modules/sector-magister-1.2.tar.gz``, or ``.zip``),
read in memory and never unpacked, with the same limits as a folder; its checksum is the sha256 of the
archive file's bytes. Or as a git repository inside the register folder, named by a ``file:///`` URL
and pinned by ``revision:`` to a full commit id (a branch, a tag or a short id is refused: it can
move); git itself makes an archive of that commit from a fresh clone, read as any archive, and the
checksum is that of the commit's files (what ``dpia module checksum`` gives for a checkout of it).
Nothing is ever fetched from the internet: a register loads the same offline, every time.

The checksum of a folder is taken over its YAML files (sorted relative paths and their bytes); one that
does not match is refused, so an update of the module is reviewed (``dpia diff OLD NEW``) before its
new checksum is pasted. An entity of the school's own files with the id of a module entity overrides
it; each override is recorded (``LoadedRegister.overrides``) and shown.
"""

from __future__ import annotations

import bz2
import hashlib
import lzma
import io
import os
import re
import stat
import tarfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Module:
    """An imported module as it was read: the import's id, its name, publisher and version, and its folder."""

    import_id: str
    name: str
    publisher: str
    version: str
    folder: Path
    checksum: str


@dataclass(frozen=True)
class Override:
    """An entity of the school's register that replaces the module's entity with the same id."""

    entity_id: str
    section: str
    module: str  # the import's id
    fields: tuple[str, ...] = field(default=())  # the fields whose values differ (added or removed too)
    where: str = ""  # the school's file:line


def module_checksum(files: list[Path], folder: Path) -> str:
    """``sha256:<hex>`` over ``files`` (inside ``folder``): sorted relative paths, each with its bytes."""
    return files_checksum({p.relative_to(folder).as_posix(): p.read_bytes() for p in files})


def files_checksum(files: dict[str, bytes]) -> str:
    """``module_checksum`` of files given as relative path and bytes (a git revision's, read in memory)."""
    h = hashlib.sha256()
    for name in sorted(files):
        rel, data = name.encode("utf-8"), files[name]
        h.update(len(rel).to_bytes(8, "big") + rel + len(data).to_bytes(8, "big") + data)
    return "sha256:" + h.hexdigest()


def inside(root: Path, target: Path) -> bool:
    """Whether ``target`` (links resolved) lies inside the folder ``root``."""
    base, real = os.path.realpath(root), os.path.realpath(target)
    return os.path.commonpath([base, real]) == base


def differing_fields(a: dict, b: dict) -> tuple[str, ...]:
    """The names of the fields whose values differ between two entries (the id excluded)."""
    return tuple(sorted(k for k in set(a) | set(b) if k != "id" and a.get(k) != b.get(k)))


# ---- modules published as an archive (``source: modules/sector-magister-1.2.tar.gz``)

ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".zip")


def is_archive(source: str | os.PathLike[str]) -> bool:
    """Whether an import's ``source`` names an archive (by its name) rather than a folder."""
    return str(source).lower().endswith(ARCHIVE_SUFFIXES)


def archive_checksum(data: bytes) -> str:
    """``sha256:<hex>`` of an archive's bytes: the file as published is what the import pins."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


class ArchiveRefused(Exception):
    """An archive that is not read: ``key`` names the catalogue message, ``params`` fill it in."""

    def __init__(self, key: str, **params: object):
        super().__init__(key, params)
        self.key, self.params = key, params


def _member_name(name: str) -> PurePosixPath:
    """The member's path inside the archive; ``ArchiveRefused`` for one that points elsewhere
    (absolute, a drive, ``..``), which extracting would write outside the folder it is extracted to."""
    if not name or "\x00" in name or name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or "\\" in name:
        raise ArchiveRefused("archive_member_path", member=name)
    path = PurePosixPath(name)
    if ".." in path.parts:
        raise ArchiveRefused("archive_member_path", member=name)
    return path


def read_archive(data: bytes, name: str, max_members: int, max_total: int) -> dict[str, bytes]:
    """The files of an archive (``.tar``, ``.tar.gz``/``.tgz`` or ``.zip`` by ``name``) read in memory,
    never extracted: each path relative to the archive's top (its one top folder, when all files lie in
    one, left out) with its bytes. The archive is untrusted: ``ArchiveRefused`` for a member with an
    absolute path or ``..``, a link, a device or a pipe, more than ``max_members`` members, more than
    ``max_total`` bytes unpacked, two members with one name, or bytes that are not such an archive.
    Sizes are counted from the headers before anything is unpacked, and each read stops at the size
    counted, so a small archive that unpacks to gigabytes is refused after ``max_total`` bytes."""
    files: dict[PurePosixPath, bytes] = {}
    try:
        members = _zip_members(data, max_members, max_total) if name.lower().endswith(".zip") else \
            _tar_members(data, max_members, max_total)
        for path, read in members:
            if path in files:
                raise ArchiveRefused("archive_member_twice", member=str(path))
            files[path] = read()
    except (tarfile.TarError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, zlib.error,
            RuntimeError, NotImplementedError, ValueError) as exc:  # not an archive, damaged, encrypted
        raise ArchiveRefused("archive_unreadable", reason=str(exc) or type(exc).__name__) from None
    tops = {p.parts[0] for p in files}
    strip = len(tops) == 1 and all(len(p.parts) > 1 for p in files)
    return {PurePosixPath(*p.parts[1:]).as_posix() if strip else p.as_posix(): b for p, b in files.items()}


# What a tar may hold beyond its files' bytes: a 512-byte header per member, a long-name or pax header
# now and then, the end blocks and the padding to a record. Anything beyond is not a module.
TAR_OVERHEAD_PER_MEMBER = 2048
TAR_OVERHEAD = 64 * 1024


def _bounded_tar(data: bytes, cap: int) -> bytes:
    """The uncompressed bytes of a tar (plain, gzip, bzip2 or xz), refused with ``archive_too_large``
    as soon as they pass ``cap``: decompressed in one bounded step, never in full first. A small
    archive whose long-name or pax header claims a gigabyte is refused here, before ``tarfile`` would
    read that header into memory."""
    if data[:2] == b"\x1f\x8b":
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, cap + 1)
    elif data[:3] == b"BZh":
        out = bz2.BZ2Decompressor().decompress(data, max_length=cap + 1)
    elif data[:6] == b"\xfd7zXZ\x00":
        out = lzma.LZMADecompressor().decompress(data, max_length=cap + 1)
    else:
        out = data
    if len(out) > cap:
        raise ArchiveRefused("archive_too_large", limit=cap)
    return out


def _tar_members(data: bytes, max_members: int, max_total: int):
    """(path, read) of each file of a tar (compressed or not), checked one header at a time, from
    uncompressed bytes bounded by what ``max_members`` files of ``max_total`` bytes can take."""
    cap = max_total + max_members * TAR_OVERHEAD_PER_MEMBER + TAR_OVERHEAD
    tar = tarfile.open(fileobj=io.BytesIO(_bounded_tar(data, cap)), mode="r:")
    count = total = 0
    while (member := tar.next()) is not None:
        count += 1
        if count > max_members:
            raise ArchiveRefused("archive_too_many", limit=max_members)
        path = _member_name(member.name)
        if member.isdir():
            continue
        if not member.isfile():  # a symbolic or hard link, a device, a pipe
            raise ArchiveRefused("archive_member_kind", member=member.name)
        total += member.size
        if total > max_total:
            raise ArchiveRefused("archive_too_large", limit=max_total)
        if path.parts:
            yield path, lambda m=member: tar.extractfile(m).read(m.size)


def _zip_members(data: bytes, max_members: int, max_total: int):
    """(path, read) of each file of a zip; a read that gives other than the size the header says is refused."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    if len(infos) > max_members:
        raise ArchiveRefused("archive_too_many", limit=max_members)
    total = 0
    for info in infos:
        path = _member_name(info.filename)
        if info.is_dir():
            continue
        mode = info.external_attr >> 16
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG):  # a link or a device, as unzip on Unix would make it
            raise ArchiveRefused("archive_member_kind", member=info.filename)
        total += info.file_size
        if total > max_total:
            raise ArchiveRefused("archive_too_large", limit=max_total)
        yield path, lambda i=info: _read_zip_member(archive, i)


def _read_zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as fh:
        data = fh.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise ArchiveRefused("archive_unreadable", reason=f"{info.filename}: size differs from its header")
    return data


# ---- modules in a git repository, pinned to a commit (``source: file:///…/sector.git``, ``revision: <40 hex>``)

GIT_TIMEOUT = 120
COMMIT_PATTERN = r"^[0-9a-f]{40}$"
URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(source: str) -> bool:
    """Whether an import's ``source`` is a URL (``file:///…``) rather than a path in the register."""
    return bool(URL.match(source))


def git_revision_tar(repo: Path, commit: str, max_bytes: int) -> bytes:
    """The files of ``commit`` in the git repository ``repo`` as a tar, made by git itself from a fresh
    bare clone in a temporary folder (the repository is someone else's: its configuration and hooks
    are never used, and only the file transport is allowed). ``ArchiveRefused`` when git is missing,
    the repository cannot be cloned or the commit is not in it; the tar is then read as any archive."""
    import subprocess
    import tempfile

    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_CONFIG_NOSYSTEM": "1", "GIT_ASKPASS": "true"}
    safe = ["-c", "protocol.allow=never", "-c", "protocol.file.allow=always", "-c", "core.hooksPath=/dev/null"]

    def git(*args: str) -> bytes:
        try:
            done = subprocess.run(["git", *safe, *args], capture_output=True, timeout=GIT_TIMEOUT, env=env, check=False)
        except FileNotFoundError:
            raise ArchiveRefused("module_git_failed", reason="git is not installed") from None
        except subprocess.TimeoutExpired:
            raise ArchiveRefused("module_git_failed", reason=f"git took more than {GIT_TIMEOUT} s") from None
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ArchiveRefused("module_git_failed", reason=reason[-1] if reason else f"exit {done.returncode}")
        return done.stdout

    with tempfile.TemporaryDirectory(prefix="dpia-module-") as tmp:
        clone = os.path.join(tmp, "clone.git")
        git("clone", "--quiet", "--bare", "--no-local", "--", repo.resolve().as_uri(), clone)
        try:
            kind = git("--git-dir", clone, "cat-file", "-t", commit).strip()
        except ArchiveRefused:
            kind = b""
        if kind != b"commit":
            raise ArchiveRefused("module_git_failed", reason=f"commit {commit} is not in the repository")
        # The files' sizes from the tree, before any content is read: a blob of a gigabyte packs to a
        # megabyte, and git archive would hand it over whole.
        total = 0
        for line in git("--git-dir", clone, "ls-tree", "-r", "-l", "-z", commit).split(b"\0"):
            size = line.split(b"\t", 1)[0].split()[-1:] if line else []
            if size and size[0].isdigit():
                total += int(size[0])
                if total > max_bytes:
                    raise ArchiveRefused("archive_too_large", limit=max_bytes)
        return _bounded_output(["git", *safe, "--git-dir", clone, "archive", "--format=tar", commit], env, max_bytes)


def _bounded_output(command: list[str], env: dict[str, str], max_bytes: int) -> bytes:
    """The standard output of ``command``, read in pieces and stopped (the process killed) as soon as it
    passes ``max_bytes``: never held whole before the size is known."""
    import subprocess

    chunks, size = [], 0
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env) as proc:
        try:
            while piece := proc.stdout.read(1 << 16):
                size += len(piece)
                if size > max_bytes:
                    proc.kill()
                    raise ArchiveRefused("archive_too_large", limit=max_bytes)
                chunks.append(piece)
            if proc.wait(timeout=GIT_TIMEOUT) != 0:
                raise ArchiveRefused("module_git_failed", reason=f"git archive: exit {proc.returncode}")
        finally:
            if proc.poll() is None:
                proc.kill()
    return b"".join(chunks)


def git_dir_outside(repo: Path, base: Path) -> str | None:
    """Where a git repository inside the register folder ``base`` reads from outside it, or None: a
    ``.git`` file whose ``gitdir:`` points elsewhere, a ``commondir``, alternates
    (``objects/info/alternates``) or a link among its folders that lead out. git would read the
    module's files from there, and the import's promise is that nothing is read from outside."""
    git_dir = repo
    dot_git = repo / ".git"
    if dot_git.is_symlink() or dot_git.is_file():
        if dot_git.is_symlink():
            return os.readlink(dot_git)
        line = dot_git.read_text(encoding="utf-8", errors="replace").strip()
        target = line.removeprefix("gitdir:").strip()
        git_dir = (repo / target) if not os.path.isabs(target) else Path(target)
    elif dot_git.is_dir():
        git_dir = dot_git
    places = [git_dir, git_dir / "objects", git_dir / "refs"]
    for name in ("commondir", "objects/info/alternates"):
        listed = git_dir / name
        if listed.is_file():
            for line in listed.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.strip() and not line.startswith("#"):
                    places.append(Path(line.strip()) if os.path.isabs(line.strip()) else git_dir / line.strip())
    for place in places:
        if os.path.lexists(place) and not inside(base, Path(os.path.realpath(place))):
            return str(place)
    return None
