"""Reading without a network: the service worker, the per-language list of files it keeps,
and the zip of the whole site for a USB stick.

`/offline/<lang>.json` lists every file a reader of one language needs (their pages, the
side-by-side view, glossary, places, search with its index files, styles, scripts and the
Mongolian font) with its size and a short hash. The page shows the total size before the
reader agrees to download it; the service worker (`/sw.js`, static/js/sw.js) then keeps those
files, and when the reader is online again it fetches the list anew and replaces exactly the
files whose hash changed. `portal build` writes the lists from the files it has just written,
and adds `download/<name>.zip` of the whole site, which works when opened from disk.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from flask import Blueprint, Response, current_app, url_for

from .views import content, frozen_path, plans, site_pages

bp = Blueprint("offline", __name__)

STATIC_FILES = ("css/portal.css", "css/mongolian.css", "fonts/NotoSansMongolian-Regular.woff2", "favicon.svg")
ZIP_FOLDER = "download"


def zip_name() -> str:
    return f"alxa-left-banner-plan-{plans()['zh'].edition}.zip"


def site_path(endpoint: str, **values) -> str:
    """A page's path from the site root, in the form the pages link to it."""
    return frozen_path(url_for(endpoint, **values)).lstrip("/")


def files_for(lang: str) -> list[str]:
    """Every file a reader of `lang` needs offline, as paths from the site root."""
    paths = []
    for endpoint, values in site_pages():
        if values.get("lang") == lang or endpoint in ("search.tables_file", "search.index_file"):
            if endpoint not in ("pages.plan_json", "figures.csv_file", "updates.feed"):
                paths.append(site_path(endpoint, **values))
    static = Path(current_app.static_folder)
    paths += [site_path("static", filename=name) for name in STATIC_FILES]
    paths += [
        site_path("static", filename=f"js/{p.name}") for p in sorted((static / "js").glob("*.js")) if p.name != "sw.js"
    ]
    return list(dict.fromkeys(paths))


def manifest(lang: str, read) -> dict:
    """The list with sizes and hashes; `read(path)` returns a file's bytes."""
    files = []
    for path in files_for(lang):
        body = read(path)
        files.append({"url": path, "bytes": len(body), "hash": hashlib.sha256(body).hexdigest()[:12]})
    version = hashlib.sha256("".join(f["hash"] for f in files).encode()).hexdigest()[:12]
    return {"lang": lang, "version": version, "bytes": sum(f["bytes"] for f in files), "files": files}


def write_manifests_and_zip(app, site: Path) -> None:
    """After freezing: the offline lists from the files on disk, then the zip of the site."""
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
            if path.is_file() and path.parent != target.parent:
                archive.write(path, Path("alxa-left-banner-plan") / path.relative_to(site))
    size = target.stat().st_size
    for lang in languages:
        listing = site / "offline" / f"{lang}.json"
        data = json.loads(listing.read_text(encoding="utf-8"))
        data["zip"]["bytes"] = size
        listing.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@bp.route("/sw.js")
def service_worker():
    """At the site root, so that its scope is the whole site."""
    body = (Path(current_app.static_folder) / "js" / "sw.js").read_bytes()
    return Response(body, mimetype="text/javascript", headers={"Cache-Control": "no-cache"})


@bp.route("/offline/<any(zh, mn):lang>.json")
def listing(lang: str):
    """The live app computes the list by rendering each file once per version of the content."""
    cache = content()._cache.setdefault("offline", {})
    if lang not in cache:
        client = current_app.test_client()
        cache[lang] = manifest(lang, lambda path: client.get("/" + path).get_data())
    return Response(json.dumps(cache[lang], ensure_ascii=False), mimetype="application/json")
