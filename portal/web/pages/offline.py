"""Reading without a network, in the live app: the service worker and the per-language list
of files it keeps (`/offline/<lang>.json`).

The list holds every file a reader of one language needs (their pages, the side-by-side view,
glossary, places, search with its index files, styles, scripts and the Mongolian font) with its
size and a short hash. The page shows the total size before the reader agrees to download it;
the service worker (`/sw.js`, static/js/sw.js) then keeps those files, and when the reader is
online again it fetches the list anew and replaces exactly the files whose hash changed. The
static build writes the same lists from the files it has just written (portal.site.offline).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from flask import Blueprint, Response, current_app

from ...model.languages import SOURCE_LANG
from ..links import site_path
from ..registry import OFFLINE_ALL, OFFLINE_LANG, PageSet, once, per_language, registry_of
from ..render import current, other_languages, plans, render
from ..static_files import minified

bp = Blueprint("offline", __name__)
pages = PageSet(bp)

STATIC_FILES = (
    "fonts/NotoSansMongolian-Regular.woff2",
    "fonts/NotoSansMongolian-label.woff2",
    "favicon.svg",
)
ZIP_FOLDER = "download"


def zip_name() -> str:
    return f"alxa-left-banner-plan-{plans()[SOURCE_LANG].edition}.zip"


def files_for(lang: str) -> list[str]:
    """Every file a reader of `lang` needs offline, as paths from the site root, sorted."""
    registry = registry_of(current_app)
    paths = []
    for endpoint, values in registry.pages(current()):
        offline = registry.kind(endpoint).offline
        if offline == OFFLINE_ALL or (offline == OFFLINE_LANG and values.get("lang") == lang):
            paths.append(site_path(endpoint, **values))
    static = Path(current_app.static_folder)
    paths += [site_path("static", filename=name) for name in STATIC_FILES]
    paths += [site_path("static", filename=f"css/{p.name}") for p in sorted((static / "css").glob("*.css"))]
    scripts = sorted((static / "js").glob("*.js"))
    paths += [site_path("static", filename=f"js/{p.name}") for p in scripts if p.name != "sw.js"]
    return sorted(set(paths))


def manifest(lang: str, read: Callable[[str], bytes]) -> dict:
    """The list with sizes and hashes; `read(path)` returns a file's bytes."""
    files = []
    for path in files_for(lang):
        body = read(path)
        files.append({"url": path, "bytes": len(body), "hash": hashlib.sha256(body).hexdigest()[:12]})
    version = hashlib.sha256("".join(f["hash"] for f in files).encode()).hexdigest()[:12]
    return {"lang": lang, "version": version, "bytes": sum(f["bytes"] for f in files), "files": files}


@pages.route("/sw.js", once, offline=None)
def service_worker():
    """At the site root, so that its scope is the whole site."""
    body = minified(Path(current_app.static_folder) / "js" / "sw.js")
    return Response(body, mimetype="text/javascript", headers={"Cache-Control": "no-cache"})


@pages.route("/<lang:lang>/offline/", per_language)
def not_kept(lang: str):
    """What the service worker shows, without a network, for a page that is not kept on this
    device (a page in a language the reader did not keep): kept with every language's files."""
    return render("not_kept.html", kept=lang, switch=other_languages(lang, "offline.not_kept"))


@bp.route("/offline/<lang:lang>.json")
def listing(lang: str):
    """The live app computes the list by rendering each file once per version of the content."""
    client = current_app.test_client()
    data = current().derived(("offline", lang), lambda: manifest(lang, lambda path: client.get("/" + path).get_data()))
    return Response(json.dumps(data, ensure_ascii=False), mimetype="application/json")
