"""Page weight: for each page type, the gzipped HTML + CSS + JS a first visit downloads, and
the Mongolian web font separately, with the pages that load it.

Run:  .venv/bin/python bench/weight.py
Targets (issue "Quality gates"): ≤ 25 kB per page; the font ≤ 60 kB, only on Mongolian pages.

It also prints the build's precompressed copies: the total of the `.gz` and `.br` files beside
the text files, and, as the reference that chose Brotli's quality, the same files compressed at
the strongest quality (11), with the time each takes.
"""

from __future__ import annotations

import gzip
import re
import sys
import tempfile
import time
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal import build_site as build  # noqa: E402
from portal.site.compress import BROTLI_QUALITY, worth_compressing  # noqa: E402

PAGE_TYPES = {
    "language chooser": "index.html",
    "not found": "404.html",
    "plan home": "{lang}/index.html",
    "chapter": "{lang}/4/index.html",
    "side by side": "{lang}/4/parallel/index.html",
    "search": "{lang}/search/index.html",
    "glossary": "{lang}/glossary/index.html",
    "glossary entry": "{lang}/glossary/jin-mu/index.html",
    "place": "{lang}/places/ba-yan-hao-te/index.html",
    "key figures": "{lang}/figures/index.html",
    "what changed": "{lang}/changes/index.html",
    "comparison": "{lang}/compare/2022/2023-demo/7/index.html",
    "updates": "{lang}/updates/index.html",
    "sheet": "{lang}/sheets/c4s1/index.html",
}
ASSET = re.compile(r'(?:href|src)="([^"]+\.(?:css|js))"')


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


CHINESE_PARAGRAPH = re.compile(r'<html lang="zh-Hans".*class="paragraph|class="paragraph[^"]*" lang="zh-Hans"', re.S)


def assets_of(page: Path) -> list[Path]:
    """The style sheets and scripts a page links to (loaded on a first visit), and listen.js,
    which tools.js loads where the page has a Chinese paragraph."""
    html = page.read_text(encoding="utf-8")
    found = [(page.parent / ref).resolve() for ref in ASSET.findall(html)]
    tools = [a for a in found if a.name == "tools.js"]
    if tools and CHINESE_PARAGRAPH.search(html):
        found.append(tools[0].with_name("listen.js"))
    return [a for a in found if a.is_file()]


def weight(page: Path) -> int:
    """Gzipped bytes of the page and its style sheets and scripts."""
    return gz(page.read_bytes()) + sum(gz(a.read_bytes()) for a in assets_of(page))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        font = site / "static" / "fonts" / "NotoSansMongolian-Regular.woff2"
        print(f"{'page type':18}{'lang':>5}{'HTML':>9}{'CSS+JS':>9}{'total':>9}  Mongolian font")
        over = []
        for name, pattern in PAGE_TYPES.items():
            for lang in ("zh", "mn") if "{lang}" in pattern else ("-",):
                page = site / pattern.format(lang=lang)
                html = page.read_bytes()
                assets = assets_of(page)
                assets_size = sum(gz(a.read_bytes()) for a in assets)
                total = gz(html) + assets_size
                loads_font = any(a.name == "mongolian.css" for a in assets)
                if total > 25 * 1024:
                    over.append(f"{name} ({lang})")
                print(
                    f"{name:18}{lang:>5}{gz(html) / 1024:>8.1f}k{assets_size / 1024:>8.1f}k{total / 1024:>8.1f}k"
                    f"  {'yes' if loads_font else 'no'}"
                )
        print("\nevery chapter:")
        for kind, pattern in (("chapter", "{lang}/{n}/index.html"), ("side by side", "{lang}/{n}/parallel/index.html")):
            for lang in ("zh", "mn"):
                sizes = sorted((weight(site / pattern.format(lang=lang, n=n)), n) for n in range(13))
                within = sum(1 for size, _ in sizes if size <= 25 * 1024)
                print(
                    f"  {kind:14}{lang:>4}  {within:2} of 13 within 25 kB; median {sizes[6][0] / 1024:.1f}k, "
                    f"largest {sizes[-1][0] / 1024:.1f}k (chapter {sizes[-1][1]})"
                )
        print(
            f"\nMongolian font: {font.stat().st_size / 1024:.1f} kB WOFF2 (target ≤ 60 kB),"
            " linked only where the page shows Mongolian"
        )
        print("pages over 25 kB:", ", ".join(over) if over else "none")
        copies(site)


def copies(site: Path) -> None:
    """The build's compressed copies beside Brotli at its strongest, on the same files."""
    texts = [p.read_bytes() for p in sorted(site.rglob("*")) if worth_compressing(p)]
    plain = sum(len(t) for t in texts)
    built = {s: sum(p.stat().st_size for p in site.rglob(f"*{s}")) for s in (".gz", ".br")}
    timed = {}
    for name, squeeze in (
        ("gzip 9", lambda t: gzip.compress(t, 9, mtime=0)),
        (f"brotli {BROTLI_QUALITY}", lambda t: brotli.compress(t, quality=BROTLI_QUALITY)),
        ("brotli 11", lambda t: brotli.compress(t, quality=11)),
    ):
        started = time.perf_counter()
        size = sum(len(squeeze(t)) for t in texts)
        timed[name] = (size, time.perf_counter() - started)
    print(f"\nprecompressed copies of {len(texts)} text files ({plain / 1e6:.1f} MB plain):")
    print(f"  in the build: .gz {built['.gz'] / 1e6:.2f} MB, .br {built['.br'] / 1e6:.2f} MB")
    for name, (size, seconds) in timed.items():
        share = size / timed["gzip 9"][0]
        print(f"  {name:10} {size / 1e6:6.2f} MB  {share:5.0%} of gzip  {seconds:6.2f} s on one core")


if __name__ == "__main__":
    main()
