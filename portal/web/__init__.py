"""The Flask application: page modules under `pages/`, the content store, rendering helpers and open data.

Nothing here reads content files; the composition root (`portal.create_app`) hands the app a
content source. Every module in `pages/` is a blueprint and registers itself.
"""
