"""`portal build`: freeze every page into a static folder, atomically.

The site is frozen into a fresh temporary folder beside the output folder and swapped in by
renames only once every page has been written. A content error, a failing page or a full
disk therefore leaves the previously published `build/` exactly as it was.
"""

from __future__ import annotations

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


class BuildError(Exception):
    pass


def freeze_into(app: Flask, destination: Path) -> int:
    """Write every page of `app` into `destination`; returns the number of URLs written."""
    app.config.update(
        RELATIVE_URLS=True,
        FREEZER_DESTINATION=str(destination),
        FREEZER_REMOVE_EXTRA_FILES=False,
        FREEZER_IGNORE_404_NOT_FOUND=False,
        FREEZER_REDIRECT_POLICY="error",
    )
    freezer = Freezer(app, with_no_argument_rules=False, log_url_for=False)

    @freezer.register_generator
    def pages():
        yield from site_pages()

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
