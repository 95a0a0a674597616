"""Ask about this paragraph: `/<lang>/feedback/?p=<id>`, a short form in the live app for a
question or a correction, with an optional contact.

It is protected by a CSRF token (Flask-WTF; the token lives in a session cookie that only this
page sets), a size limit, a honeypot field that people never see, and a per-address rate limit
on sending (Flask-Limiter). Messages go to `portal.feedback.FeedbackStore`: SQLite in the
instance folder unless `FEEDBACK_DB` names another SQLAlchemy URL. The frozen site links here
when `FEEDBACK_URL` names the live app, and to a `mailto:` of `OFFICE_EMAIL` otherwise.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

from flask import Blueprint, abort, current_app, request
from flask_babel import gettext as _
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from ...feedback import KINDS, MAX_CONTACT, MAX_MESSAGE, FeedbackStore, default_url
from ..chapters import plan_for
from ..render import render

bp = Blueprint("feedback", __name__)
PARAGRAPH_ID = re.compile(r"^c\d{1,4}s\d{1,4}p\d{1,4}$")
HONEYPOT = "website"  # a field people never see; a bot that fills every field fills it too
DEFAULTS = {
    "FEEDBACK_RATE_LIMIT": "5 per minute; 30 per day",  # sendings per address
    "MAX_CONTENT_LENGTH": 32 * 1024,  # 2,000 Chinese or Mongolian characters are 18 kB as a form sends them
    "WTF_CSRF_TIME_LIMIT": 4 * 3600,  # a herder may take a while to type
    "SESSION_COOKIE_SAMESITE": "Lax",
    "TRUSTED_PROXIES": 0,  # how many proxies (nginx) stand before the app and set X-Forwarded-For
}


def _secret_key(app) -> str:
    """The key that signs the CSRF token: SECRET_KEY, else one kept in the instance folder so
    that every worker process of `serve --production` signs alike."""
    if app.config.get("SECRET_KEY"):
        return app.config["SECRET_KEY"]
    path = Path(app.instance_path) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as file:
        key = secrets.token_hex(32)
        file.write(key)
    return key


def store() -> FeedbackStore:
    app = current_app
    if "portal.feedback" not in app.extensions:
        url = app.config.get("FEEDBACK_DB") or default_url(Path(app.instance_path))
        app.extensions["portal.feedback"] = FeedbackStore(url)
    return app.extensions["portal.feedback"]


@bp.route("/<lang:lang>/feedback/", methods=["GET", "POST"])
def form(lang: str):
    plan = plan_for(lang)
    pid = (request.values.get("p") or "").strip()
    found = plan.locate(pid) if PARAGRAPH_ID.match(pid) else None
    if found is None:
        abort(404)
    chapter, _section, paragraph = found
    values = {"kind": "question", "message": "", "contact": ""}
    problems: list[str] = []
    if request.method == "POST":
        values = {key: (request.form.get(key) or "").strip() for key in values}
        if values["kind"] not in KINDS:
            problems.append(_("Choose whether this is a question or a correction."))
        if not values["message"]:
            problems.append(_("Please write your question or correction."))
        if len(values["message"]) > MAX_MESSAGE:
            problems.append(_("Please keep the message under %(n)s characters.", n=MAX_MESSAGE))
        if len(values["contact"]) > MAX_CONTACT:
            problems.append(_("Please keep the contact under %(n)s characters.", n=MAX_CONTACT))
        if not problems:
            if not request.form.get(HONEYPOT):  # a bot is thanked too, and nothing is kept
                store().add(lang, pid, values["kind"], values["message"], values["contact"])
            return render("feedback.html", chapter=chapter, paragraph=paragraph, sent=True, public=False)
    return render(
        "feedback.html",
        chapter=chapter,
        paragraph=paragraph,
        values=values,
        problems=problems,
        kinds=KINDS,
        limits={"message": MAX_MESSAGE, "contact": MAX_CONTACT},
        sent=False,
        public=False,
    ), (422 if problems else 200)


# After the route: a blueprint's deferred setup runs in the order it was written, and this one
# wraps the route's view in the rate limit.
@bp.record_once
def _setup(state) -> None:
    app = state.app
    if not app.config.get("FEEDBACK_FORM", True):
        return
    for key, value in DEFAULTS.items():  # Flask's own defaults for some of these are None
        if app.config.get(key) is None:
            app.config[key] = value
    app.config["SECRET_KEY"] = _secret_key(app)
    app.config.setdefault("SESSION_COOKIE_SECURE", str(app.config.get("SITE_URL", "")).startswith("https://"))
    if app.config["TRUSTED_PROXIES"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=int(app.config["TRUSTED_PROXIES"]))
    CSRFProtect(app)
    limiter = Limiter(get_remote_address, app=app, storage_uri="memory://", strategy="moving-window")
    endpoint = f"{bp.name}.form"
    rate = app.config["FEEDBACK_RATE_LIMIT"]
    app.view_functions[endpoint] = limiter.limit(rate, methods=["POST"])(app.view_functions[endpoint])

    @app.errorhandler(CSRFError)
    def expired(error):
        message = _("The form had expired or did not come from this site. Please open it again and send your message.")
        return render("error.html", message=message, public=False), 400

    @app.errorhandler(429)
    def too_many(error):
        message = _("You have sent several messages in a short time. Please wait a while and try again.")
        return render("error.html", message=message, public=False), 429
