"""`portal build`: freeze every page into a static folder, atomically.

The site is frozen into a fresh temporary folder beside the output folder and swapped in by
renames only once every page has been written. A content error, a failing page or a full
disk therefore leaves the previously published `build/` exactly as it was.

Pages are rendered by one process per processor core: the loaded content is shared by
forking, and each process freezes every n-th page. Pages do not depend on each other, so
the output is the same as from one process.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import warnings
from pathlib import Path

from flask import Flask
from flask_frozen import Freezer

from . import create_app
from .errors import ContentErrors
from .offline import write_manifests_and_zip
from .views import site_pages

FREEZE_TIMEOUT = 1800  # seconds; the whole plan takes a few


class BuildError(Exception):
    pass


def freeze_into(app: Flask, destination: Path, workers: int | None = None) -> int:
    """Write every page of `app` into `destination`; returns the number of URLs written."""
    app.config.update(
        RELATIVE_URLS=True,
        FREEZER_DESTINATION=str(destination),
        FREEZER_REMOVE_EXTRA_FILES=False,
        FREEZER_IGNORE_404_NOT_FOUND=False,
        FREEZER_REDIRECT_POLICY="error",
    )
    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _freeze_share(app, destination, 0, 1)
    global _forked
    _forked = (app, destination, workers)  # what the forked processes inherit
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            # a time limit, so that a process that never returns fails the build instead of hanging it
            return sum(pool.map_async(_freeze_forked_share, range(workers)).get(timeout=FREEZE_TIMEOUT))
    except multiprocessing.TimeoutError:
        raise BuildError(f"the pages were not all written within {FREEZE_TIMEOUT} s") from None
    finally:
        _forked = None


_forked: tuple | None = None


def _freeze_forked_share(share: int) -> int:
    app, destination, workers = _forked
    try:
        return _freeze_share(app, destination, share, workers)
    except Exception as exc:  # sent back to the parent by pickling: keep only the message
        raise BuildError(f"{type(exc).__name__}: {exc}") from None


def _freeze_share(app: Flask, destination: Path, share: int, workers: int) -> int:
    """Freeze pages share, share + workers, share + 2 × workers, … of `site_pages()`; the
    static files with share 0."""
    freezer = Freezer(app, with_static_files=share == 0, with_no_argument_rules=False, log_url_for=False)

    @freezer.register_generator
    def pages():
        for index, page in enumerate(site_pages()):
            if index % workers == share:
                yield page

    with warnings.catch_warnings():
        # Frozen-Flask warns when the mimetype guessed from a file name differs from the
        # response's; every route here ends in '/' or a real extension, so that is noise.
        warnings.simplefilter("ignore")
        urls = freezer.freeze()
    return len(urls)


def build(out: Path | str, config: dict | None = None, content=None) -> int:
    """Freeze the portal into `out`. Raises ContentErrors or BuildError; `out` is then untouched.
    `content` is the content of CONFIG's CONTENT_DIR if the caller has loaded it already."""
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read it
    try:
        app = create_app({**(config or {}), "WATCH_CONTENT": False}, content)  # loads and validates all content first
        count = freeze_into(app, staging)
        if not (staging / "index.html").exists():
            raise BuildError("the frozen site has no index.html")
        write_manifests_and_zip(app, staging)
    except (ContentErrors, BuildError):
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, Exception):  # a failing page or a full disk: say so, no traceback
            raise BuildError(f"{type(exc).__name__}: {exc}") from exc
        raise
    retired = out.parent / f".{out.name}.old"
    shutil.rmtree(retired, ignore_errors=True)
    if out.exists():
        out.rename(retired)
    staging.rename(out)
    shutil.rmtree(retired, ignore_errors=True)
    return count
