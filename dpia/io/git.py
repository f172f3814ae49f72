"""Versions of a register in git: a revision, tag or date named, and its files read with
``git archive`` into a temporary folder, without touching the work tree."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from dpia.i18n import t


DATE_REVISION = re.compile(r"^\d{4}-\d{2}-\d{2}$")


GIT_TIMEOUT = 120


class VersionNotFound(Exception):
    """A version that cannot be read: ``key`` and ``params`` for the catalogue."""

    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class Version:
    """Where a version comes from: a folder, or a git commit and a path inside it."""

    spec: str
    folder: Path | None = None
    repo: Path | None = None
    commit: str | None = None
    path: str | None = None
    committed_on: dt.date | None = None

    @property
    def label(self) -> str:
        if self.commit is None:
            return self.spec
        return f"{self.spec} ({self.commit[:10]})"


def run_git(repo: Path, *args: str, binary: bool = False) -> Any:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise VersionNotFound("diff_no_git") from None
    except subprocess.TimeoutExpired:
        raise VersionNotFound("diff_git_timeout", seconds=GIT_TIMEOUT) from None
    if done.returncode != 0:
        return None
    return done.stdout if binary else done.stdout.decode("utf-8", "replace").strip()


def resolve(spec: str, cwd: Path | None = None) -> Version:
    """Turn ``spec`` (a folder, ``REV:PATH`` or ``DATE:PATH``) into a :class:`Version`.

    A folder that exists wins over a revision of the same name.
    """
    cwd = Path(cwd or os.getcwd())
    folder = cwd / spec
    if folder.is_dir() or ":" not in spec:
        if not folder.exists():
            raise VersionNotFound("diff_no_such_version", spec=spec)
        return Version(spec, folder=folder)
    rev, _, path = spec.partition(":")
    where = cwd / path if path and (cwd / path).is_dir() else cwd  # the repository the register lives in
    top = run_git(where, "rev-parse", "--show-toplevel")
    if not top:
        raise VersionNotFound("diff_not_a_repository", spec=spec, folder=cwd)
    repo = Path(top)
    if DATE_REVISION.match(rev):
        commit = run_git(repo, "rev-list", "-1", f"--before={rev} 23:59:59", "HEAD")
        if not commit:
            raise VersionNotFound("diff_no_commit_before", spec=spec, date=rev)
    else:
        commit = run_git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
        if not commit:
            raise VersionNotFound("diff_unknown_revision", spec=spec, rev=rev)
    inside = os.path.relpath((cwd / path).resolve(), repo.resolve()) if path else "."
    if inside.startswith(".."):
        raise VersionNotFound("diff_path_outside", spec=spec, repo=repo)
    day = run_git(repo, "show", "-s", "--format=%cs", commit)
    return Version(spec, repo=repo, commit=commit, path=inside.replace(os.sep, "/"),
                   committed_on=dt.date.fromisoformat(day) if day else None)


def absolute_spec(spec: str, cwd: Path | None = None) -> str:
    """``spec`` with its folder made absolute, so that it means the same from another directory (the
    report's notebook runs in notebooks/)."""
    cwd = Path(cwd or os.getcwd())
    if (cwd / spec).is_dir() or ":" not in spec:
        return str((cwd / spec).resolve())
    rev, _, path = spec.partition(":")
    return f"{rev}:{(cwd / path).resolve()}" if path else spec


@contextlib.contextmanager
def materialise(version: Version) -> Iterator[Path]:
    """The version's register folder: the folder itself, or the revision unpacked in a temporary one."""
    if version.folder is not None:
        yield version.folder
        return
    data = run_git(version.repo, "archive", "--format=tar", version.commit, "--", version.path, binary=True)
    if data is None:
        raise VersionNotFound("diff_path_not_in_revision", spec=version.spec, path=version.path,
                              commit=version.commit[:10])
    with tempfile.TemporaryDirectory(prefix="dpia-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(tmp, filter="data")  # no links out, no devices, no absolute paths
        yield Path(tmp) / version.path
