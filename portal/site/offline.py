"""After freezing: the offline lists from the files on disk, and the zip of the whole site for a
USB stick, which works when opened from disk.

The lists are those of `/offline/<lang>.json` in the live app (portal.web.pages.offline), but
their sizes and hashes are those of the files just written.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from flask import Flask

from ..web.pages.offline import ZIP_FOLDER, manifest, zip_name
from ..web.render import plans
from .compress import is_copy

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold, as reproducible builds use


ZIP_OFFER = re.compile(rb'<p class="zip-offer">.*?</p>', re.DOTALL)


def _in_zip(path: Path) -> bytes:
    """A file as the zip holds it: pages without the offer to download the zip itself."""
    data = path.read_bytes()
    return ZIP_OFFER.sub(b"", data) if path.suffix == ".html" else data


def write_manifests_and_zip(app: Flask, site: Path) -> list[Path]:
    """Write the offline lists and the zip; returns the lists written."""
    with app.test_request_context():
        name, languages = zip_name(), list(plans())
        for lang in languages:
            data = manifest(lang, lambda path: (site / path).read_bytes())
            data["zip"] = {"url": f"{ZIP_FOLDER}/{name}"}
            (site / "offline").mkdir(exist_ok=True)
            (site / "offline" / f"{lang}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = site / ZIP_FOLDER / name
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file() and path.parent != target.parent and not is_copy(path):
                # A fixed time stamp and mode: the same site always gives the same zip, byte
                # for byte, so a rebuild without changes changes no file.
                member = zipfile.ZipInfo(str(Path("alxa-left-banner-plan") / path.relative_to(site)), ZIP_TIME)
                member.external_attr = 0o644 << 16
                archive.writestr(member, _in_zip(path), zipfile.ZIP_DEFLATED, 6)
    size = target.stat().st_size
    listings = [site / "offline" / f"{lang}.json" for lang in languages]
    for listing in listings:
        data = json.loads(listing.read_text(encoding="utf-8"))
        data["zip"]["bytes"] = size
        listing.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return listings
