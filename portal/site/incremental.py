"""Incremental builds: a rebuild keeps the files of the previous build whose inputs have not
changed, and renders only the others.

Every file of a build is recorded with a key, a hash of what it is made from, and the hash of
its bytes:

- what every file shares: the code and templates, the static files, the interface catalogs,
  the settings, the day (pages say when they were made) and the versions of the libraries
  that write the bytes;
- a page's own inputs, as its page kind declares them (`PageSet.route(inputs=…)`): a glossary
  entry and the paragraphs that use it, say. A kind that declares none depends on all content.

A rebuild keeps a previous file only when its key is the same and its bytes are still those
recorded (its size, time and inode unchanged, or else its hash), so a file edited or lost in
the output folder by hand is made again. Builds are
deterministic, so a kept file is byte for byte what rendering it again would give; the tests
build random edits both ways and compare every byte. Kept files are hard links into the new
build (copies where links cannot be made), inside the same atomic swap as the rest.

The record lives beside the output folder (`.build.record.json` for `build/`), so it is never
published; it is replaced only after a build has been swapped in. It also holds the hash and
state of every published file, and of the sources (`portal.site.sources`) when the command gave it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
from decimal import Decimal
from enum import Enum
from pathlib import Path
from unicodedata import normalize
from urllib.parse import unquote

from flask import Flask, url_for

from ..settings import PROJECT_ROOT
from ..web.registry import registry_of
from ..web.store import Snapshot
from .compress import COPIES
from .sources import RECORD_FORMAT, code_hash, file_hash, intact, record_path, scan, state_of

#: Settings that name where this one build is written, not what it contains.
PLACE_SETTINGS = {"FREEZER_DESTINATION", "FREEZER_SKIP_EXISTING"}


class Fingerprint:
    """Hashes of plain values and of the model's frozen dataclasses. A model object or a tuple is
    hashed once per build (a chapter shared by 40 glossary pages costs one hash), and every field counts
    except the derived caches (named with `_`). Anything else is refused, so that a page kind can
    never declare an input whose hash would not say what it holds."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, bytes]] = {}

    def __call__(self, value: object) -> bytes:
        if not isinstance(value, tuple) and not (dataclasses.is_dataclass(value) and not isinstance(value, type)):
            return hashlib.sha256(self._plain(value)).digest()
        # a model object or a tuple, which cannot change: hashed once, however many pages share it
        hit = self._memo.get(id(value))
        if hit is not None and hit[0] is value:
            return hit[1]
        if isinstance(value, tuple):
            digest = hashlib.sha256(self._plain(value))
        else:
            digest = hashlib.sha256(type(value).__qualname__.encode())
            for field in dataclasses.fields(value):
                if not field.name.startswith("_"):
                    digest.update(self(getattr(value, field.name)))
        self._memo[id(value)] = (value, digest.digest())  # the value is kept, so its id stays its own
        return digest.digest()

    def _plain(self, value: object) -> bytes:
        if value is None or isinstance(value, bool | int | float):
            return f"{type(value).__name__}:{value!r}".encode()
        if isinstance(value, str):  # also Markup
            return b"s:" + value.encode("utf-8", "surrogatepass")
        if isinstance(value, bytes):
            return b"b:" + value
        if isinstance(value, Enum):
            return b"e:" + self(value.value)
        if isinstance(value, Path | dt.date | Decimal):
            return b"p:" + str(value).encode()
        if isinstance(value, tuple | list):
            return b"t:" + b"".join(self(item) for item in value)
        if isinstance(value, dict):  # in its order: pages show dicts in their order
            return b"d:" + b"".join(self(k) + self(v) for k, v in value.items())
        if isinstance(value, set | frozenset):
            return b"f:" + b"".join(sorted(self(item) for item in value))
        raise TypeError(f"a page input of type {type(value).__name__} has no fingerprint")


def shared_key(app: Flask) -> str:
    """What every file of a build depends on, besides the content."""
    digest = hashlib.sha256(f"record {RECORD_FORMAT}".encode())
    catalogs = Path(app.config.get("TRANSLATIONS_DIR", PROJECT_ROOT / "translations"))
    code_hash(digest, Path(app.static_folder), catalogs)
    settings = {k: v for k, v in app.config.items() if k not in PLACE_SETTINGS and _is_plain(v)}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def _is_plain(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool | list | tuple | dict)


def output_path(url: str) -> str:
    """The file Frozen-Flask writes for `url`, relative to the output folder."""
    path = unquote(url)
    return normalize("NFC", (path + "index.html" if path.endswith("/") else path).lstrip("/"))


def page_keys(app: Flask, snapshot: Snapshot) -> dict[str, str]:
    """Output path → key of every page and static file the build writes."""
    shared, fingerprint, registry = shared_key(app), Fingerprint(), registry_of(app)
    everything = None  # the fingerprint of all content, made once if a kind needs it
    frame = registry.frame(snapshot)
    keys: dict[str, str] = {}
    with app.test_request_context():
        for endpoint, values in registry.pages(snapshot):
            inputs = registry.inputs(snapshot, endpoint, values)
            if inputs is None:
                everything = everything or fingerprint(snapshot.content)
                own = everything
            else:
                own = fingerprint((frame, inputs))
            path = output_path(url_for(endpoint, **values))
            keys[path] = hashlib.sha256(f"{shared} {endpoint} {path} ".encode() + own).hexdigest()
        for filename in _static_files(app):
            path = output_path(url_for("static", filename=filename))
            keys[path] = hashlib.sha256(f"{shared} static {path}".encode()).hexdigest()
    return keys


def _static_files(app: Flask) -> list[str]:
    root = Path(app.static_folder)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def keep_unchanged(keys: dict[str, str], previous: Path, record: dict, staging: Path) -> dict[str, str]:
    """Link into `staging` each file of the previous build whose key is unchanged and whose
    bytes are those recorded, and its compressed copies where they are intact too. Returns
    path → bytes hash of the files kept; a kept file whose copies are not is in `needs_copies`."""
    old_keys, tree = record.get("keys", {}), record["tree"]
    kept: dict[str, str] = {}
    folders: set[Path] = set()  # made already: a mkdir per file would cost more than the links
    for path, key in keys.items():
        if old_keys.get(path) != key or not intact(previous, path, record):
            continue
        target = staging / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        for each in (path, *(path + suffix for suffix in COPIES)):
            if each == path or intact(previous, each, record):
                _link(previous / each, staging / each)
                kept[each] = tree[each]
    return kept


def needs_copies(kept: dict[str, str], staging: Path) -> list[Path]:
    """Kept files whose compressed copies were missing or changed: compress them again."""
    return [staging / p for p in kept if Path(p).suffix not in COPIES and any(p + s not in kept for s in COPIES)]


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)  # the same bytes, no copying; the previous build is never written to
    except OSError:
        shutil.copy2(source, target)


def new_record(
    keys: dict[str, str],
    kept: dict[str, str],
    site: Path,
    sources: dict | None = None,
    previous: Path | None = None,
    record: dict | None = None,
) -> dict:
    """The record of the build in `site`: the key of every page and static file, the hash and
    state (`sources.state_of`) of every file written, and `sources` (the hash of what the
    command read, its warnings). A file rendered again with the bytes the previous build had
    becomes a link to that file, so it keeps its time and a sync by size and time skips it."""
    files = scan(site)
    tree = {}
    for path in sorted(files):
        digest = kept.get(path) or file_hash(site / path)
        if path not in kept and record and record["tree"].get(path) == digest and intact(previous, path, record):
            files[path] = _same_file(previous / path, site / path) or files[path]
        tree[path] = digest
    states = {path: state_of(files[path]) for path in tree}
    record = {"format": RECORD_FORMAT, "keys": keys, "tree": tree, "states": states, "sources": None, "notes": []}
    return {**record, **(sources or {})}


def _same_file(source: Path, target: Path) -> os.stat_result | None:
    """Put a link to `source` in place of `target`, which holds the same bytes; its state, or
    None where no link can be made (the rendered file then stays)."""
    temporary = target.with_name(target.name + ".same")
    try:
        os.link(source, temporary)
        os.replace(temporary, target)
        return target.stat()
    except OSError:
        temporary.unlink(missing_ok=True)
        return None


def write_record(out: Path, record: dict) -> None:
    """Replace the record in one step, after the build it describes was swapped in."""
    target = record_path(out)
    temporary = target.with_name(target.name + f".{os.getpid()}")
    temporary.write_text(json.dumps(record, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, target)
