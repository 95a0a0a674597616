"""Ask about this paragraph: the form of the live app, its protections (CSRF, size, honeypot,
rate limit), the store on SQLite and on a real PostgreSQL server, the staff commands, and the
link the frozen site gives instead."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import socket
import subprocess
import tempfile
from glob import glob
from pathlib import Path

import pytest
from click.testing import CliRunner

from portal import create_app
from portal.cli import main
from portal.feedback import FeedbackStore

PARAGRAPH = "c6s1p3"


def _postgres_binaries() -> Path | None:
    found = sorted(glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL server of its own (Debian's postgresql package), started for these tests on a
    Unix socket in a temporary folder and stopped after them."""
    binaries = _postgres_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL tests did not run")
    folder = Path(tempfile.mkdtemp(prefix="portal-pg-"))
    data = folder / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
        shutil.chown(folder, "postgres")
        os.chmod(folder, 0o700)
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    try:
        subprocess.run(
            [*as_user, binaries / "initdb", "-D", data, "-A", "trust", "-U", "portal"], check=True, capture_output=True
        )
        options = f"-k {folder} -p {port} -c listen_addresses=''"
        log = folder / "log"
        subprocess.run(
            [*as_user, binaries / "pg_ctl", "-D", data, "-o", options, "-l", log, "-w", "start"],
            check=True,
            capture_output=True,
        )
    except (subprocess.CalledProcessError, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"PostgreSQL could not start here ({exc}; {detail.decode(errors='replace')[-300:]})")
    yield f"postgresql+psycopg://portal@/postgres?host={folder}&port={port}"
    subprocess.run([*as_user, binaries / "pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    url = request.getfixturevalue("postgres_url")
    FeedbackStore(url).engine.dispose()
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as connection:  # each test starts with an empty table
        connection.execute(sa.text("DROP TABLE IF EXISTS feedback"))
    engine.dispose()
    return url


def test_the_store_keeps_lists_marks_exports_and_purges(db_url):
    store = FeedbackStore(db_url)
    first = store.add("zh", PARAGRAPH, "question", "禁牧期间的补助怎么领？", "13800000000")
    second = store.add("mn", "c5s1p2", "correction", '=HYPERLINK("http://evil")')
    assert [m.id for m in store.list()] == [first, second]
    got = store.list()[0]
    assert (got.lang, got.paragraph, got.kind, got.message, got.contact) == (
        "zh",
        PARAGRAPH,
        "question",
        "禁牧期间的补助怎么领？",
        "13800000000",
    )
    assert got.received.tzinfo is not None and abs(dt.datetime.now(dt.UTC) - got.received) < dt.timedelta(minutes=5)
    assert store.mark_done(first) and not store.mark_done(first) and not store.mark_done(999)
    assert [m.id for m in store.list()] == [second] and len(store.list(include_done=True)) == 2
    rows = list(csv.DictReader(io.StringIO(store.export_csv().lstrip("\ufeff"))))
    assert [r["id"] for r in rows] == [str(first), str(second)] and rows[0]["done"]
    assert rows[1]["message"] == '\'=HYPERLINK("http://evil")'  # a spreadsheet shows it as text
    assert store.purge() == 0  # dealt with today: kept for a year
    assert store.purge(now=dt.datetime.now(dt.UTC) + dt.timedelta(days=366)) == 1
    assert [m.id for m in store.list(include_done=True)] == [second]


@pytest.fixture()
def form_app(db_url, tmp_path):
    app = create_app({"FEEDBACK_DB": db_url, "SECRET_KEY": "test-key", "FEEDBACK_RATE_LIMIT": "5 per minute"})
    return app


def token(client, lang="zh", pid=PARAGRAPH) -> str:
    html = client.get(f"/{lang}/feedback/?p={pid}").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def send(client, csrf: str | None, **fields):
    data = {"kind": "question", "message": "草原补奖什么时候发？", "contact": "", **fields}
    if csrf is not None:
        data["csrf_token"] = csrf
    return client.post(f"/zh/feedback/?p={PARAGRAPH}", data=data)


def stored(app) -> list:
    return FeedbackStore(app.config["FEEDBACK_DB"]).list(include_done=True)


def test_the_form_shows_the_paragraph_and_stores_a_message(form_app):
    client = form_app.test_client()
    page = client.get(f"/mn/feedback/?p={PARAGRAPH}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and f'href="/mn/6/#{PARAGRAPH}"' in html and 'name="website"' in html
    assert "noindex" in html and "Set-Cookie" in page.headers  # the CSRF token's session, on this page only
    response = send(client, token(client), contact="微信 alxa2022")
    assert response.status_code == 200 and "feedback-sent" in response.get_data(as_text=True)
    (message,) = stored(form_app)
    assert (message.paragraph, message.lang, message.contact) == (PARAGRAPH, "zh", "微信 alxa2022")


def test_a_form_without_its_token_or_from_elsewhere_is_refused(form_app):
    client = form_app.test_client()
    response = send(client, None)
    assert response.status_code == 400 and "Traceback" not in response.get_data(as_text=True)
    assert "表单已过期" in response.get_data(as_text=True)
    other = form_app.test_client()  # another browser's token does not fit this one's session
    assert send(client, token(other)).status_code == 400
    assert send(client, "forged-token").status_code == 400
    assert stored(form_app) == []


def test_the_honeypot_thanks_a_bot_and_keeps_nothing(form_app):
    client = form_app.test_client()
    response = send(client, token(client), website="http://spam.example")
    assert response.status_code == 200 and "feedback-sent" in response.get_data(as_text=True)
    assert stored(form_app) == []


@pytest.mark.parametrize(
    "fields, words",
    [
        ({"message": ""}, "请写下您的问题或更正"),
        ({"message": "长" * 2001}, "留言请不要超过2000个字"),
        ({"contact": "1" * 201}, "联系方式请不要超过200个字"),
        ({"kind": "complaint"}, "请选择这是问题还是更正"),
    ],
)
def test_a_wrong_message_is_shown_again_with_what_to_fix(form_app, fields, words):
    client = form_app.test_client()
    response = send(client, token(client), **fields)
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and words in html and 'role="alert"' in html
    assert stored(form_app) == []


def test_an_oversized_request_gets_a_polite_refusal(form_app):
    client = form_app.test_client()
    response = send(client, token(client), message="x" * 40_000)
    assert response.status_code == 413 and "Traceback" not in response.get_data(as_text=True)
    assert stored(form_app) == []


@pytest.mark.parametrize("pid", ["c99s1p1", "nonsense", "", "c6s1p3<script>"])
def test_an_unknown_paragraph_has_no_form(form_app, pid):
    assert form_app.test_client().get("/zh/feedback/", query_string={"p": pid}).status_code == 404


def test_the_rate_limit_refuses_the_sixth_message_in_a_minute(form_app):
    client = form_app.test_client()
    csrf = token(client)
    codes = [send(client, csrf, message=f"问题 {n}").status_code for n in range(7)]
    assert codes == [200] * 5 + [429, 429]
    refused = send(client, csrf)
    assert "您在短时间内发送了多条留言" in refused.get_data(as_text=True)
    assert len(stored(form_app)) == 5
    # reading the form is not limited
    assert client.get(f"/zh/feedback/?p={PARAGRAPH}").status_code == 200


def test_staff_commands(db_url, tmp_path):
    store = FeedbackStore(db_url)
    ident = store.add("zh", PARAGRAPH, "correction", "第三行“草蓄”应为“草畜”", "")
    runner = CliRunner()
    listed = runner.invoke(main, ["feedback", "list", "--db", db_url])
    assert listed.exit_code == 0 and f"#{ident}" in listed.output and "草蓄" in listed.output
    assert "1 message(s) open" in listed.output
    out = tmp_path / "feedback.csv"
    exported = runner.invoke(main, ["feedback", "export", "--csv", "-o", str(out), "--db", db_url])
    assert exported.exit_code == 0 and out.read_text(encoding="utf-8").startswith("\ufeffid,received")
    done = runner.invoke(main, ["feedback", "done", str(ident), "--db", db_url])
    assert done.exit_code == 0 and f"#{ident} marked done" in done.output
    again = runner.invoke(main, ["feedback", "done", str(ident), "--db", db_url])
    assert again.exit_code == 1 and f"no open message #{ident}" in again.output
    assert "0 message(s) open" in runner.invoke(main, ["feedback", "list", "--db", db_url]).output
    assert "deleted 0 message(s)" in runner.invoke(main, ["feedback", "purge", "--db", db_url]).output


def test_a_database_that_cannot_be_opened_is_named_without_a_traceback():
    result = CliRunner().invoke(main, ["feedback", "list", "--db", "postgresql+psycopg://nobody@/x?host=/nonexistent"])
    assert result.exit_code == 1 and "cannot open" in result.output and "Traceback" not in result.output


def ask_of(html: str) -> str | None:
    found = re.search(r'data-ask="([^"]*)"', html)
    return found.group(1) if found else None


def test_where_a_paragraph_question_goes(client, built_site):
    assert ask_of(client.get("/zh/6/").get_data(as_text=True)) == "/zh/feedback/?p={id}"
    # the frozen site of the default settings has nowhere to send a question: no link
    assert ask_of((built_site / "zh" / "6" / "index.html").read_text(encoding="utf-8")) is None
    frozen = {"RELATIVE_URLS": True}
    live = create_app({**frozen, "FEEDBACK_URL": "https://plan.example.gov.cn/"}).test_client()
    assert ask_of(live.get("/mn/6/").get_data(as_text=True)) == "https://plan.example.gov.cn/mn/feedback/?p={id}"
    mail = create_app({**frozen, "OFFICE_EMAIL": "office@example.gov.cn"}).test_client()
    assert ask_of(mail.get("/zh/6/").get_data(as_text=True)) == (
        "mailto:office@example.gov.cn?subject=%E5%85%B3%E4%BA%8E%E7%AC%AC{id}%E6%AE%B5"
    )


def test_portal_toml_settings_reach_the_app(tmp_path, monkeypatch):
    from portal.settings import SettingsError, app_settings, read_settings

    (tmp_path / "portal.toml").write_text('feedback_db = "data/fb.sqlite3"\noffice_email = "office@example.gov.cn"\n')
    settings, _ = read_settings(tmp_path)
    assert app_settings(settings) == {
        "FEEDBACK_DB": f"sqlite:///{(tmp_path / 'data' / 'fb.sqlite3').resolve()}",
        "OFFICE_EMAIL": "office@example.gov.cn",
    }
    (tmp_path / "portal.toml").write_text("trusted_proxies = 1\n")
    assert app_settings(read_settings(tmp_path)[0]) == {"TRUSTED_PROXIES": 1}
    (tmp_path / "portal.toml").write_text('trusted_proxies = "one"\n')
    with pytest.raises(SettingsError, match="trusted_proxies must be a whole number"):
        read_settings(tmp_path)
    (tmp_path / "portal.toml").write_text('site_url = "https://a.example"\noffice_email = "not an address"\n')
    with pytest.raises(SettingsError, match=r"portal.toml:2: settings office_email must be an e-mail address"):
        read_settings(tmp_path)
