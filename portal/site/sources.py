"""Everything a build is made from, hashed before anything is read: the content folder's files,
the package (code and templates), the static files, the interface catalogs, the public address,
the day and the versions of the libraries that write the bytes.

`portal build` hashes these first. When the hash is the one recorded by the last build and every
file of that build is still what was written, nothing can differ, so the command reprints that
build's warnings and stops: a rebuild with no change reads no content and renders nothing. This
module imports nothing heavy, so that answer comes before Flask is even loaded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import sys
import zlib
from importlib import metadata
from pathlib import Path

from ..settings import PROJECT_ROOT

RECORD_FORMAT = 3
#: Libraries whose versions can change the bytes of a page, a QR code or a compressed copy.
WRITERS = ("Flask", "Werkzeug", "Jinja2", "MarkupSafe", "Markdown", "Babel", "Flask-Babel", "Frozen-Flask", "segno")
WRITERS += ("pypinyin", "jieba", "Brotli", "PyYAML")
PACKAGE = Path(__file__).resolve().parent.parent


def tree_hash(digest, root: Path) -> None:
    """Feed every file under `root`, its relative path and its bytes, into `digest`."""
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")


def code_hash(digest, static: Path, catalogs: Path) -> None:
    """What every page shares besides content and settings: code, templates, static files,
    catalogs, the day (pages say when they were made) and the library versions."""
    for folder in (PACKAGE, static, catalogs):
        tree_hash(digest, folder)
    digest.update(dt.date.today().isoformat().encode())
    versions = [sys.version, zlib.ZLIB_RUNTIME_VERSION] + [_version(name) for name in WRITERS]
    digest.update(" ".join(versions).encode())


def _version(name: str) -> str:
    try:
        return f"{name} {metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name} -"


def sources_key(content_dir: Path, site_url: str, settings: dict | None = None) -> str | None:
    """The hash of everything `portal build --content CONTENT_DIR --site-url SITE_URL` reads,
    `settings` (portal.toml's other settings the pages show) included; None where a file cannot
    be read (the build that follows then says which, and why)."""
    shown = json.dumps(settings or {}, sort_keys=True)
    digest = hashlib.sha256(f"sources {RECORD_FORMAT} {Path(content_dir).resolve()} {site_url} {shown}".encode())
    try:
        tree_hash(digest, Path(content_dir))
        code_hash(digest, PROJECT_ROOT / "static", PROJECT_ROOT / "translations")
    except OSError:
        return None
    return digest.hexdigest()


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def scan(root: Path) -> dict[str, os.stat_result]:
    """Every file under `root` (its path relative to `root`) with its state, in one walk."""
    found: dict[str, os.stat_result] = {}

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, prefix + entry.name + "/")
                elif entry.is_file():
                    found[prefix + entry.name] = entry.stat()

    if Path(root).is_dir():
        walk(str(root), "")
    return found


def state_of(found: os.stat_result) -> list[int]:
    """Size, modification time and inode: what changes when a file is written or replaced."""
    return [found.st_size, found.st_mtime_ns, found.st_ino]


def intact(root: Path, path: str, record: dict, found: os.stat_result | None = None) -> bool:
    """Whether file `path` of the build in `root` still holds the bytes `record` says. A file
    whose size, time and inode are as recorded was not written since (make and rsync trust the
    same); any other is hashed, so a file touched but not changed still counts."""
    if path not in record["tree"]:
        return False
    try:
        found = found or (root / path).stat()
        if not stat.S_ISREG(found.st_mode):
            return False
        if state_of(found) == record["states"].get(path):
            return True
        return file_hash(root / path) == record["tree"][path]
    except OSError:
        return False


def record_path(out: Path) -> Path:
    """The record of the build in `out`: beside it, so it is never published."""
    out = Path(out).resolve()
    return out.parent / f".{out.name}.record.json"


def read_record(out: Path) -> dict:
    """The record of the build in `out`; empty where there is none or it cannot be read (then
    everything is rendered)."""
    try:
        record = json.loads(record_path(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    ok = isinstance(record, dict) and record.get("format") == RECORD_FORMAT
    return record if ok and isinstance(record.get("tree"), dict) and isinstance(record.get("states"), dict) else {}


def unchanged_build(out: Path, key: str) -> dict | None:
    """The record of the build in `out` if it was made from sources hashing to `key` and every
    one of its files is there with the bytes written, and nothing else is; otherwise None."""
    record = read_record(out)
    if not record or record.get("sources") != key:
        return None
    try:
        found = scan(out)
    except OSError:  # a folder that cannot be read: the build that follows says so
        return None
    if found.keys() != record["tree"].keys() or not all(intact(out, p, record, found[p]) for p in found):
        return None
    return record
