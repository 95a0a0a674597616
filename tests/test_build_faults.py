"""The build under faults: kill -9, Ctrl-C, overlapping builds, a full or read-only disk.
Whatever happens, the previous build/ stays byte for byte as it was, or is replaced whole."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES

from portal import PROJECT_ROOT, build_site
from portal.site.build import BuildError

PORTAL = Path(sys.executable).parent / "portal"
SMALL = FIXTURES / "small"


def tree(folder: Path) -> dict[str, str]:
    """Every file's path and hash: two builds compare equal when their bytes do."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def published(tmp_path):
    """A published build of the small content, and its files."""
    out = tmp_path / "site" / "build"
    build_site(out, {"CONTENT_DIR": str(SMALL)})
    return out, tree(out)


def changed_content(tmp_path: Path) -> Path:
    """The small content with one paragraph changed, so a new build differs from the old."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    chapter = content / "zh" / "01.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("。", "，新。", 1), encoding="utf-8")
    return content


def portal_build(content: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(PORTAL), "build", "--content", str(content), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.") and p.is_dir())


def test_kill_9_at_random_moments_leaves_the_old_build_or_the_new_one_whole(published, tmp_path):
    out, before = published
    content = changed_content(tmp_path)
    expected = tmp_path / "expected"
    build_site(expected, {"CONTENT_DIR": str(content)})
    after = tree(expected)
    assert after != before
    rng = random.Random(20261203)
    outcomes = set()
    for _ in range(6):
        build = portal_build(content, out)
        time.sleep(rng.uniform(0.3, 4.0))
        build.kill()
        build.wait()
        now = tree(out)
        assert now in (before, after)  # never a mixture, never missing
        outcomes.add("new" if now == after else "old")
        if now == after:  # start again from the old build for the next kill
            build_site(out, {"CONTENT_DIR": str(SMALL)})
    # The next build removes what the killed ones left and publishes the new content.
    finished = portal_build(content, out)
    assert finished.wait() == 0, finished.stderr.read()
    assert tree(out) == after and leftovers(out) == []
    assert "old" in outcomes  # at least one kill landed before the swap


@pytest.mark.parametrize("delay", [0.0, 1.0, 3.0])
def test_ctrl_c_cancels_the_build_and_keeps_the_old_one(published, delay):
    """Ctrl-C while reading, checking or writing pages (the whole plan takes several seconds)."""
    out, before = published
    build = portal_build(PROJECT_ROOT / "content", out)
    assert build.stdout.readline().startswith("content: ")  # the command has started
    time.sleep(delay)  # reading, checking, then writing pages
    build.send_signal(signal.SIGINT)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 130 and "build cancelled" in stderr and "Traceback" not in stderr, stderr
    assert tree(out) == before and leftovers(out) == []


def test_a_second_build_while_one_runs_says_so_and_changes_nothing(published):
    out, before = published
    with (out.parent / f".{out.name}.lock").open("a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        with pytest.raises(BuildError, match=r"another build of .* is running"):
            build_site(out, {"CONTENT_DIR": str(SMALL)})
    assert tree(out) == before
    build_site(out, {"CONTENT_DIR": str(SMALL)})  # released with the process or the file: builds again


def test_a_full_disk_gives_build_failed_and_keeps_the_old_build(published, tmp_path, monkeypatch):
    out, before = published

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(out.parent / "download.zip"))

    monkeypatch.setattr("portal.site.build.write_manifests_and_zip", full)
    with pytest.raises(BuildError, match="No space left on device"):
        build_site(out, {"CONTENT_DIR": str(changed_content(tmp_path))})
    assert tree(out) == before and leftovers(out) == []


def _mount(target: Path, options: str) -> bool:
    target.mkdir(parents=True, exist_ok=True)
    return (
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True).returncode
        == 0
    )


@pytest.mark.parametrize("options", ["size=600k", "ro"], ids=["small-tmpfs", "read-only"])
def test_a_real_full_or_read_only_file_system(tmp_path, options):
    """The same with a real file system: a 600 kB tmpfs that the site does not fit in, and a
    read-only one. Mounting needs root; elsewhere the monkeypatched test above stands in."""
    target = tmp_path / "mnt"
    if not _mount(target, options):
        pytest.skip("mounting a tmpfs needs root")
    try:
        result = subprocess.run(
            [str(PORTAL), "build", "--content", str(SMALL), "--out", str(target / "build")],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 1, result.stderr
        assert "build failed: " in result.stderr and "Traceback" not in result.stderr, result.stderr
        assert not (target / "build").exists()
    finally:
        subprocess.run(["umount", str(target)], check=True)
