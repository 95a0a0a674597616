"""The feedback table. One row per message: the paragraph and language it is about, whether it
is a question or a correction, the text, an optional contact, when it came, and whether staff
have dealt with it. No address or other trace of the sender is stored.

The table is made on first use. `purge` deletes messages dealt with more than a year ago, as the
privacy note on the form promises.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

KINDS = ("question", "correction")
MAX_MESSAGE = 2000  # characters: a question or a correction, not an essay
MAX_CONTACT = 200
KEEP_DAYS = 365  # after a message is marked done; the form's privacy note says the same

metadata = sa.MetaData()
messages = sa.Table(
    "feedback",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("received", sa.DateTime(timezone=True), nullable=False),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("paragraph", sa.String(40), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("contact", sa.String(MAX_CONTACT), nullable=False, default=""),
    sa.Column("done", sa.DateTime(timezone=True), nullable=True),
)


@dataclass(frozen=True)
class Message:
    id: int
    received: dt.datetime
    lang: str
    paragraph: str
    kind: str
    message: str
    contact: str
    done: dt.datetime | None


def default_url(folder: Path) -> str:
    """SQLite in `folder` (the live app's instance folder)."""
    return f"sqlite:///{Path(folder) / 'feedback.sqlite3'}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands times back without their zone; they were written in UTC."""
    return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value


class FeedbackStore:
    def __init__(self, url: str):
        self.url = url
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine = sa.create_engine(url, pool_pre_ping=True)
        metadata.create_all(self.engine)

    def add(self, lang: str, paragraph: str, kind: str, message: str, contact: str = "") -> int:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        row = {
            "received": _now(),
            "lang": lang,
            "paragraph": paragraph,
            "kind": kind,
            "message": message[:MAX_MESSAGE],
            "contact": contact[:MAX_CONTACT],
        }
        with self.engine.begin() as connection:
            return connection.execute(sa.insert(messages).values(**row)).inserted_primary_key[0]

    def list(self, include_done: bool = False) -> list[Message]:
        query = sa.select(messages).order_by(messages.c.id)
        if not include_done:
            query = query.where(messages.c.done.is_(None))
        with self.engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
        return [Message(**{**row, "received": _aware(row["received"]), "done": _aware(row["done"])}) for row in rows]

    def mark_done(self, ident: int) -> bool:
        """Whether a message `ident` that was open is now done."""
        with self.engine.begin() as connection:
            changed = connection.execute(
                sa.update(messages).where(messages.c.id == ident, messages.c.done.is_(None)).values(done=_now())
            )
        return changed.rowcount == 1

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete messages marked done more than KEEP_DAYS ago; how many went."""
        cutoff = (now or _now()) - dt.timedelta(days=KEEP_DAYS)
        with self.engine.begin() as connection:
            gone = connection.execute(sa.delete(messages).where(messages.c.done.is_not(None), messages.c.done < cutoff))
        return gone.rowcount

    def export_csv(self, include_done: bool = True) -> str:
        """Every message as CSV (UTF-8 with a byte-order mark, for spreadsheet programs)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["id", "received", "lang", "paragraph", "kind", "message", "contact", "done"])
        for m in self.list(include_done):
            done = m.done.isoformat() if m.done else ""
            row = [m.id, m.received.isoformat(), m.lang, m.paragraph, m.kind, m.message, m.contact, done]
            writer.writerow([_no_formula(v) if isinstance(v, str) else v for v in row])
        return "\ufeff" + out.getvalue()


def _no_formula(text: str) -> str:
    """A spreadsheet runs a cell that starts with = + - @ as a formula: readers write the text,
    so such a cell starts with an apostrophe instead."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
