"""Precompressed copies of the text files of a build: `page.html.gz` and `page.html.br` beside
`page.html`, for web servers that send them as they are (nginx `gzip_static` and
`brotli_static`, see docs/deploy.md) instead of compressing every answer again. Herders on slow
connections get the smallest bytes with no server work; a server without the setting ignores
them.

Each file is compressed by the build process that wrote it, while the other processes are still
rendering pages. The copies carry no time stamp or name, so the same file always gives the
same bytes. The zip for a USB stick holds no copies (it is made from the plain files), and the
offline lists never name them.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

import brotli

COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt"}
SMALLEST = 1024  # bytes: below this, the header of a compressed answer outweighs the saving
COPIES = (".gz", ".br")
# Brotli's quality 8: bench/weight.py prints the build's total at 8 and at the strongest, 11,
# which is about a tenth smaller but takes some fifty times as long, more than the whole build.
BROTLI_QUALITY = 8


def is_copy(path: Path) -> bool:
    """A compressed copy of another file of the build, which the zip leaves out."""
    return path.suffix in COPIES and path.with_suffix("").suffix in COMPRESSED


def worth_compressing(path: Path) -> bool:
    return path.suffix in COMPRESSED and path.is_file() and path.stat().st_size >= SMALLEST


def precompress(paths: Iterable[Path]) -> int:
    """Write `<file>.gz` (gzip level 9) and `<file>.br` beside each of `paths` worth
    compressing; returns how many files got copies."""
    written = 0
    for path in paths:
        if not worth_compressing(path):
            continue
        data = path.read_bytes()
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=BROTLI_QUALITY))
        written += 1
    return written
