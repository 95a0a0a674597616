"""The static build: every page of the registry frozen into a folder, atomically.

The site is frozen into a fresh temporary folder beside the output folder and swapped in by
one atomic rename only once every page has been written. A content error, a failing page, a
full or read-only disk, Ctrl-C or kill -9 therefore leave the previously published `build/`
exactly as it was. A lock file beside the output keeps two builds from overlapping, and a
build removes the staging folders that killed builds left behind.

Pages are rendered by one process per processor core: the loaded content, and what the pages
derive from it (search tables, term indexes), are made once and shared by forking, and each
process freezes every n-th page and compresses what it wrote. Pages do not depend on each
other, so the output is the same as from one process.

A rebuild renders only the pages whose inputs changed and keeps the rest of the previous build
(portal.site.incremental); `full=True` renders everything.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import glob
import multiprocessing
import os
import shutil
import tempfile
import warnings
from pathlib import Path

from flask import Flask
from flask_frozen import Freezer

from ..errors import BuildError, ContentErrors
from ..web.registry import registry_of
from . import incremental
from .compress import precompress
from .offline import write_manifests_and_zip
from .pdf import PDF_NAME, write_pdfs
from .sources import read_record

FREEZE_TIMEOUT = 1800  # seconds; the whole plan takes a few
FEW_PAGES = 150  # to render; below this one process is quicker than starting more


class Built(int):
    """The number of files of a build, and how many of them were kept from the previous one."""

    kept: int = 0


def freeze_into(app: Flask, destination: Path, workers: int | None = None, kept: frozenset[str] = frozenset()) -> int:
    """Write every page of `app` into `destination`, except the files at `kept` (paths in
    `destination` already there); returns the number of URLs, kept ones included."""
    _configure(app, destination)
    app.config["FREEZER_SKIP_EXISTING"] = lambda url, path: path in kept
    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _freeze_share(app, destination, 0, 1, kept)
    app.extensions["portal.store"].current().prepare()  # once here, not once in every process
    global _forked
    _forked = (app, destination, workers, kept)  # what the forked processes inherit
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            # a time limit, so that a process that never returns fails the build instead of hanging it
            return sum(pool.map_async(_freeze_forked_share, range(workers)).get(timeout=FREEZE_TIMEOUT))
    except multiprocessing.TimeoutError:
        raise BuildError(f"the pages were not all written within {FREEZE_TIMEOUT} s") from None
    finally:
        _forked = None


_forked: tuple | None = None


def _configure(app: Flask, destination: Path) -> None:
    app.config.update(
        RELATIVE_URLS=True,
        FREEZER_DESTINATION=str(destination),
        FREEZER_REMOVE_EXTRA_FILES=False,
        FREEZER_IGNORE_404_NOT_FOUND=False,
        FREEZER_REDIRECT_POLICY="error",
    )


def _freeze_forked_share(share: int) -> int:
    app, destination, workers, kept = _forked
    try:
        return _freeze_share(app, destination, share, workers, kept)
    except Exception as exc:  # sent back to the parent by pickling: keep only the message
        raise BuildError(f"{type(exc).__name__}: {exc}") from None


def _freeze_share(app: Flask, destination: Path, share: int, workers: int, kept: frozenset[str]) -> int:
    """Freeze pages share, share + workers, share + 2 × workers, … of `site_pages()`; the
    static files with share 0. Files at `kept` are skipped (Frozen-Flask's FREEZER_SKIP_EXISTING)."""
    freezer = Freezer(app, with_static_files=share == 0, with_no_argument_rules=False, log_url_for=False)

    @freezer.register_generator
    def pages():
        for index, page in enumerate(registry_of(app).pages(app.extensions["portal.store"].current())):
            if index % workers == share:
                yield page

    with warnings.catch_warnings():
        # Frozen-Flask warns when the mimetype guessed from a file name differs from the
        # response's; every route here ends in '/' or a real extension, so that is noise.
        warnings.simplefilter("ignore")
        pages = [destination / page.path for page in freezer.freeze_yield()]
    precompress(path for path in pages if str(path) not in kept)
    return len(pages)


def build(out: Path | str, app: Flask, full: bool = False, sources: dict | None = None) -> Built:
    """Freeze `app` (made with content already loaded and checked) into `out`, keeping the
    files of the previous build whose inputs have not changed unless `full`. `sources` goes
    into the record: {"sources": hash of what was read, "notes": its warnings}. Raises
    BuildError (or KeyboardInterrupt on Ctrl-C); `out` is then untouched."""
    out = Path(out).resolve()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _build_lock(out):
            _remove_leftovers(out)
            record = {} if full else read_record(out)
            staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
            try:
                staging.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read it
                count, new_record = _fill(app, staging, out, record, sources)
                _swap_in(staging, out)
                incremental.write_record(out, new_record)  # only now: it describes what is in `out`
            finally:
                shutil.rmtree(staging, ignore_errors=True)  # after the swap, the previous build
    except OSError as exc:  # a read-only or full disk, a folder in the way: say so, no traceback
        raise BuildError(f"cannot write {exc.filename or out}: {exc.strerror or exc}") from exc
    return count


def _fill(app: Flask, staging: Path, previous: Path, record: dict, sources: dict | None) -> tuple[Built, dict]:
    try:
        store = app.extensions["portal.store"]
        store.watch = False  # the content cannot change during a build
        _configure(app, staging)
        snapshot = store.current()
        snapshot.prepare()
        keys = incremental.page_keys(app, snapshot)
        kept = incremental.keep_unchanged(keys, previous, record, staging) if record else {}
        kept_pages = sum(1 for path in kept if path in keys)  # not their compressed copies
        workers = 1 if kept and len(keys) - kept_pages < FEW_PAGES else None
        count = Built(freeze_into(app, staging, workers, frozenset(str(staging / path) for path in kept)))
        count.kept = kept_pages
        if not (staging / "index.html").exists():
            raise BuildError("the frozen site has no index.html")
        precompress(incremental.needs_copies(kept, staging))  # kept files whose copies were not
        precompress(write_manifests_and_zip(app, staging))  # the pages have their copies already
        if app.config.get("PDF"):  # after the zip: the download for a USB stick stays small
            write_pdfs(app, {lang: staging / lang / PDF_NAME for lang in snapshot.plans})
        new_record = incremental.new_record(keys, kept, staging, sources, previous, record)
    except (ContentErrors, BuildError, OSError):
        raise
    except Exception as exc:  # a failing page: say which, no traceback
        raise BuildError(f"{type(exc).__name__}: {exc}") from exc
    return count, new_record


@contextlib.contextmanager
def _build_lock(out: Path):
    """One build of `out` at a time: a second one stops with a message instead of racing."""
    lock_path = out.parent / f".{out.name}.lock"
    with lock_path.open("a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            raise BuildError(f"another build of {out} is running ({lock.read().strip() or 'pid unknown'})") from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}\n")
        lock.flush()
        yield  # the lock goes with the process, so a killed build never leaves it held


def _remove_leftovers(out: Path) -> None:
    """Staging folders of builds that were killed (kill -9, power loss): safe to remove while
    holding the lock, since no other build can be writing them."""
    for leftover in out.parent.glob(f".{glob.escape(out.name)}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(out.parent / f".{out.name}.old", ignore_errors=True)  # from older versions


def _swap_in(staging: Path, out: Path) -> None:
    """Put `staging` in place of `out` in one step: the two folders are exchanged by a single
    rename (Linux renameat2 RENAME_EXCHANGE), so there is no moment without a complete `out`;
    the previous build is then at `staging`. Where the exchange is not available (another
    system, a file system without it) the fallback is two renames."""
    if not out.exists():
        staging.rename(out)
        return
    if _exchange(staging, out):
        return
    retired = staging.with_name(staging.name + "-old")
    out.rename(retired)
    staging.rename(out)
    retired.rename(staging)


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.EOPNOTSUPP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))
