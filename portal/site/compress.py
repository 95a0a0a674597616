"""Precompressed copies of the text files of a build: `page.html.gz` beside `page.html`, for web
servers that send them as they are (nginx `gzip_static on`, see docs/deploy.md) instead of
compressing every answer again. Herders on slow connections get the same bytes with no server
work; a server without the setting ignores them.

The copies are made at the strongest level, once per build, with no time stamp or name inside,
so the same file always gives the same bytes. The zip for a USB stick holds no copies (it is
made before them), and the offline lists never name them.
"""

from __future__ import annotations

import gzip
from pathlib import Path

COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt"}
SMALLEST = 1024  # bytes: below this, the header of a compressed answer outweighs the saving


def precompress(site: Path) -> int:
    """Write `<file>.gz` for every text file of `site` worth compressing; returns how many."""
    written = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in COMPRESSED or not path.is_file() or path.stat().st_size < SMALLEST:
            continue
        data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        path.with_name(path.name + ".gz").write_bytes(data)
        written += 1
    return written
