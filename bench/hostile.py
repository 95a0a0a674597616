"""Hostile input: a generated corpus of queries and paths thrown at the live app.

Every request must get an answer below 500: a results page, an empty result, or a polite
404. Run the whole corpus (10 000 requests) with
    .venv/bin/python bench/hostile.py
and tests/test_hostile.py runs a 1 000-request subset in CI.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path
from urllib.parse import quote_from_bytes, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SYNTAX = [
    "AND",
    "OR",
    "NOT",
    '"',
    "*",
    "?",
    ":",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "^",
    "~",
    "+",
    "-",
    "\\",
    "/",
    "TO",
    "id:",
    "text:*",
]
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{7*7}}",
    "${7*7}",
    "'; DROP TABLE t; --",
    "../../etc/passwd",
    "%00",
    "\x00",
]
MONGOLIAN = [
    "\u180b",
    "\u180c",
    "\u180d",
    "\u180e",
    "\u180f",
    "\u202f",
    "\u200d",
    "\u200c",
    "ᠮᠣᠩᠭᠣᠯ",
    "ᠠ\u180b\u180b\u180b",
    "\u202f\u202f",
]
WORDS = ["草原", "禁牧", "双峰驼", "caoyuan", "malchin", "5G", "畜種", "ᠠᠯᠠᠱᠠ", "低保"]
BAD_BYTES = [b"%ED%A0%80", b"%FF%FE", b"%C0%AF", b"%E2%82", b"%F4%90%80%80", b"%00"]


def generate(count: int, seed: int = 2022) -> list[tuple[str, bytes]]:
    """(endpoint, raw query string) pairs; the query string may hold invalid UTF-8."""
    rng = random.Random(seed)
    endpoints = ["/zh/search/", "/mn/search/", "/api/search"]
    out = []
    for i in range(count):
        kind = i % 8
        if kind == 0:
            text = " ".join(rng.choice(SYNTAX + WORDS) for _ in range(rng.randint(1, 12)))
        elif kind == 1:
            text = rng.choice(WORDS + ["x", "ᠠ", "草"]) * rng.randint(500, 10_000)
        elif kind == 2:
            text = "".join(
                chr(rng.choice([rng.randint(0, 31), 127, rng.randint(0x80, 0x9F), 0x2028, 0xFEFF]))
                for _ in range(rng.randint(1, 40))
            )
        elif kind == 3:
            text = "".join(rng.choice(MONGOLIAN + WORDS) for _ in range(rng.randint(1, 10)))
        elif kind == 4:
            text = rng.choice(PAYLOADS) + rng.choice(WORDS)
        elif kind == 5:
            text = "".join(chr(rng.randint(0x20, 0x2FFFF)) for _ in range(rng.randint(1, 30)))
            text = text.encode("utf-8", "replace").decode("utf-8", "replace")
        elif kind == 6:
            raw = (
                b"q="
                + rng.choice(BAD_BYTES)
                + quote_from_bytes(rng.choice(WORDS).encode("utf-8")).encode()
                + b"&lang="
                + rng.choice([b"zh", b"mn", b"xx", b"%FF"])
            )
            out.append((rng.choice(endpoints), raw))
            continue
        else:
            raw = (
                b"q="
                + quote_from_bytes(rng.choice(WORDS).encode()).encode()
                + b"&limit="
                + rng.choice([b"-1", b"0", b"99999999999999999999", b"abc", b"1e9", b""])
            )
            out.append(("/api/search", raw))
            continue
        out.append((rng.choice(endpoints), urlencode({"q": text, "lang": rng.choice(["zh", "mn"])}).encode()))
    return out


def run(client, corpus) -> dict:
    statuses: dict[int, int] = {}
    worst, started = 0.0, time.perf_counter()
    for endpoint, query in corpus:
        begin = time.perf_counter()
        # The raw query string goes into the URL as it is: percent-encoded invalid UTF-8 included.
        status = client.get(endpoint + "?" + query.decode("ascii")).status_code
        worst = max(worst, time.perf_counter() - begin)
        statuses[status] = statuses.get(status, 0) + 1
    return {"statuses": statuses, "seconds": time.perf_counter() - started, "slowest": worst}


def main() -> None:
    from portal import create_app

    client = create_app().test_client()
    corpus = generate(10_000)
    result = run(client, corpus)
    errors = sum(n for status, n in result["statuses"].items() if status >= 500)
    print(f"{len(corpus)} hostile requests in {result['seconds']:.1f} s; slowest {result['slowest'] * 1000:.0f} ms")
    print("statuses:", dict(sorted(result["statuses"].items())))
    print(f"responses with status >= 500: {errors} (target 0)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
