"""Translation status: how a translated paragraph relates to the Chinese it was made from.

Each translated paragraph records its review status and a fingerprint of the Chinese text it
translates. When the Chinese changes, the fingerprints differ and the translation is stale:
still shown, but flagged, with a link to the current Chinese. Only a certified translator's
review turns `draft` into `reviewed`; the portal never does it by itself.
"""

from __future__ import annotations

import hashlib
import re

RECORDED = ("draft", "reviewed")  # what a content file may say
STATUSES = ("reviewed", "draft", "stale", "missing")  # what a reader may see
FINGERPRINT = re.compile(r"^[0-9a-f]{10}$")


def fingerprint(source_text: str) -> str:
    """Ten hex digits of SHA-256 over the Chinese text, whitespace ignored."""
    compact = "".join(source_text.split())
    return hashlib.sha256(compact.encode("utf-8")).hexdigest()[:10]


def effective_status(recorded: str, translated_from: str, source_text: str) -> str:
    return recorded if translated_from == fingerprint(source_text) else "stale"
