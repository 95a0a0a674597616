"""Questions and corrections readers send about a paragraph, from the live app's form, and
what staff do with them (`portal feedback …`). Stored with SQLAlchemy: SQLite by default, any
URL SQLAlchemy knows (PostgreSQL) by setting. Nothing here reads content or renders pages."""

from .store import KINDS, MAX_CONTACT, MAX_MESSAGE, FeedbackStore, Message, default_url

__all__ = ["KINDS", "MAX_CONTACT", "MAX_MESSAGE", "FeedbackStore", "Message", "default_url"]
