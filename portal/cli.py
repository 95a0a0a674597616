"""The `portal` command: a thin layer of argument parsing over the library functions.

Each command calls one function that tests can call directly; content errors are printed
as `file:line: code message` lines and turn into exit status 1, never a traceback. The content
folder comes from --content, else from a portal.toml in the current folder or a parent, else
./content (portal.settings); check and build say which one they used.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import BuildError, ContentErrors
from .model.languages import CODES, SOURCE_LANG, TRANSLATIONS
from .settings import SettingsError, app_settings, content_folder, read_settings, site_url_problem

LOCAL_URL = "http://127.0.0.1:5000"  # where `portal serve` answers; only for a build tried locally

content_option = click.option(
    "--content",
    "content_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder holding the zh/ and mn/ chapter files [default: portal.toml's content, else ./content].",
)


def fail_with(errors: ContentErrors) -> None:
    for error in errors.errors:
        click.echo(str(error), err=True)
    click.echo(f"{len(errors.errors)} problem(s) found; nothing was changed.", err=True)
    sys.exit(1)


def folder_in_use(content_dir: Path | None) -> Path:
    folder = content_folder(content_dir)
    click.echo(f"content: {folder}")
    return folder


class _Commands(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SettingsError as exc:  # a broken portal.toml: its line, never a traceback
            click.echo(str(exc), err=True)
            sys.exit(1)


def _site_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and (problem := site_url_problem(value)):
        raise click.BadParameter(problem)
    return value


@click.group(cls=_Commands)
def main() -> None:
    """Publish the Alxa Left Banner development plan portal."""


@main.command("import-text")
@click.argument("seed", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@content_option
def import_text_command(seed: Path, content_dir: Path | None) -> None:
    """Convert the plan's text export SEED into content/zh/*.md, keeping existing paragraph ids."""
    from .staff.importer import import_text

    folder = folder_in_use(content_dir)
    try:
        written = import_text(seed, folder)
    except ContentErrors as exc:
        fail_with(exc)
    click.echo(f"wrote {len(written)} chapter files to {folder / SOURCE_LANG}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option(
    "--production",
    is_flag=True,
    help="Serve with gunicorn (several worker processes) instead of Flask's development server.",
)
@click.option("--workers", default=3, show_default=True, type=int, help="With --production: worker processes.")
@content_option
def serve(host: str, port: int, production: bool, workers: int, content_dir: Path | None) -> None:
    """Run the live portal; edits to content files show on the next page load."""
    from . import create_app

    folder = folder_in_use(content_dir)
    try:
        # portal.toml's site_url (an https address turns on Strict-Transport-Security), where
        # the questions readers send are kept (feedback_db), the office's e-mail
        config = {"CONTENT_DIR": str(folder), "WATCH_CONTENT": not production, **app_settings(read_settings()[0])}
        app = create_app(config)
    except ContentErrors as exc:
        fail_with(exc)
    if not production:
        app.run(host=host, port=port)
        return
    from .site.production import serve_production

    serve_production(app, host, port, workers)


@main.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder [default: portal.toml's out, else ./build].",
)
@click.option(
    "--site-url",
    default=None,
    callback=_site_url,
    help="Public address, for sitemap.xml, the feeds and the QR codes [default: portal.toml's site_url].",
)
@click.option("--full", is_flag=True, help="Render every page, keeping nothing from the previous build.")
@click.option("--pdf", is_flag=True, help="Also print the whole plan to <lang>/plan.pdf (needs Chromium).")
@content_option
def build(out: Path | None, site_url: str | None, full: bool, pdf: bool, content_dir: Path | None) -> None:
    """Freeze the whole site into OUT; on any error the previous OUT is left untouched. Pages
    whose inputs did not change since the last build are kept from it (--full renders all)."""
    import time

    from .site.sources import sources_key, unchanged_build

    started = time.perf_counter()
    shown = out or "the build folder"  # named in the messages below before portal.toml is read
    try:  # from here on Ctrl-C cancels cleanly, whatever the build is doing
        folder = folder_in_use(content_dir)
        settings, settings_path = read_settings()
        out, site_url = _out_and_site_url(out, site_url, settings, settings_path)
        shown = out
        # the addresses the frozen pages link to for questions: the live app's form, or the office's e-mail
        links = {k: v for k, v in app_settings(settings).items() if k in ("FEEDBACK_URL", "OFFICE_EMAIL")}
        # before anything is read: an edit after this is seen next time
        key = sources_key(folder, site_url, {**links, "pdf": pdf})
        if not full and key and (previous := unchanged_build(out, key)):
            for note in previous["notes"]:
                click.echo(f"warning: {note}", err=True)
            click.echo(
                f"nothing changed since the last build: the {len(previous['tree'])} files in {out} are current "
                f"({time.perf_counter() - started:.2f} s)"
            )
            return
        from . import build_site, load_content
        from .check import check_loaded

        content = load_content(folder)  # read once, for the check and for the pages
        # The check first, the same one `portal check --allow-missing` runs: what fails it stops
        # the build, and its warnings are published with a notice on the page.
        report = check_loaded(content, allow_missing=True)
        for note in report.notes:
            click.echo(f"warning: {note}", err=True)
        if report.findings:
            raise ContentErrors(report.findings)
        sources = {"sources": key, "notes": [str(note) for note in report.notes]}
        config = {"CONTENT_DIR": str(folder), "SITE_URL": site_url, **links, **({"PDF": True} if pdf else {})}
        count = build_site(out, config, content, full, sources)
    except ContentErrors as exc:
        fail_with(exc)
    except BuildError as exc:
        click.echo(f"build failed: {exc}; {shown} was left as it was.", err=True)
        sys.exit(1)
    except KeyboardInterrupt:  # Ctrl-C at any moment: the staging folder is gone, out untouched
        click.echo(f"build cancelled; {shown} was left as it was.", err=True)
        sys.exit(130)
    kept = f", {count.kept} of them unchanged since the last build" if count.kept else ""
    click.echo(f"built {count} files into {out}{kept} in {time.perf_counter() - started:.2f} s")


def _out_and_site_url(
    out: Path | None, site_url: str | None, settings: dict, settings_path: Path | None
) -> tuple[Path, str]:
    """The output folder and public address: the options, else portal.toml's `settings` (whose
    `out` is relative to the file, like its `content`), else ./build and this machine, with a warning."""
    if out is None:
        out = settings_path.parent / str(settings["out"]) if "out" in settings else Path("build")
    site_url = site_url or settings.get("site_url")
    if site_url is None:
        site_url = LOCAL_URL
        click.echo(
            f"warning: no public address given: sitemap.xml, the feeds and the QR codes will point at "
            f"{LOCAL_URL}. Pass --site-url https://… or set site_url in portal.toml.",
            err=True,
        )
    return out, site_url


@main.command()
@click.option("--lang", type=click.Choice(CODES), multiple=True, help="Check only this language.")
@click.option("--chapter", type=int, help="Report only on this chapter.")
# Untranslated text is a warning, as in the build (which publishes the Chinese in its place);
# the flag is kept for the scripts that still pass it.
@click.option("--allow-missing", is_flag=True, hidden=True)
@click.option("--strict", is_flag=True, help="Treat warnings as errors (untranslated or stale text too).")
@content_option
def check(
    lang: tuple[str, ...], chapter: int | None, allow_missing: bool, strict: bool, content_dir: Path | None
) -> None:
    """Validate everything a build needs: structure, ids, links, translations, glossary, key
    figures, editions and update notices. One finding per line: file:line: code message.
    Exit status 0 when clean, 1 on errors, 2 on a usage error."""
    from . import check_content

    report = check_content(folder_in_use(content_dir), lang or None, chapter, True, strict)
    for note in report.notes:
        click.echo(f"warning: {note}")
    for finding in report.findings:
        click.echo(str(finding))
    if report.findings:
        click.echo(f"{len(report.findings)} problem(s) found.", err=True)
        sys.exit(1)
    click.echo("content OK" + (f" ({len(report.notes)} warning(s))" if report.notes else ""))


@main.group()
def edition() -> None:
    """Editions of the plan: record the current text under a name and a date."""


def _record_options(command):
    for option in reversed(
        [
            click.argument("name"),
            click.option("--date", required=True, help="The edition's date: a year (2022) or a day (2023-06-30)."),
            click.option("--title-zh", required=True, help="Its title in Chinese, e.g. 2023年中期调整."),
            click.option("--title-mn", required=True, help="Its title in Mongolian script."),
            click.option("--note-zh", default="", help="Optional: what this edition changes, in Chinese."),
            click.option("--note-mn", default="", help="Optional: the same in Mongolian."),
            click.option("--demonstration", is_flag=True, help="Mark it as a made-up example, not the plan."),
            content_option,
        ]
    ):
        command = option(command)
    return command


def _record(name: str, date: str, demonstration: bool, content_dir: Path | None, **texts: str) -> None:
    from .staff.editions import record_edition

    titles = {code: texts[f"title_{code}"] for code in CODES}
    notes = {code: texts[f"note_{code}"] for code in CODES}
    try:
        folder = record_edition(content_folder(content_dir), name, date, titles, notes, demonstration)
    except ContentErrors as exc:
        fail_with(exc)
    click.echo(f"recorded edition {name} in {folder}")


@edition.command("record")
@_record_options
def edition_record(**options) -> None:
    """Record the text in content/ as edition NAME (content/editions/NAME/)."""
    _record(**options)


@edition.command("freeze", hidden=True)
@_record_options
def edition_freeze(**options) -> None:
    """The former name of `portal edition record`."""
    _record(**options)


@edition.command("list")
@content_option
def edition_list(content_dir: Path | None) -> None:
    """Every edition, oldest first, with the number of paragraphs it changed."""
    from .model.editions import compare
    from .readers import load_editions, load_plans

    folder = content_folder(content_dir)
    try:
        editions = load_editions(folder, load_plans(folder))
    except ContentErrors as exc:
        fail_with(exc)
    for item in editions.all:
        before = editions.predecessor(item.name)
        changed = len(compare(before.plans[SOURCE_LANG], item.plans[SOURCE_LANG])) if before else 0
        flags = (" (current)" if item.name == editions.current else "") + (
            " (demonstration)" if item.demonstration else ""
        )
        click.echo(f"{item.name}\t{item.date}\t{item.title(SOURCE_LANG)}\t{changed} paragraph(s) changed{flags}")


@main.group()
def translation() -> None:
    """Translation workflow for content/mn: progress and fingerprints."""


@translation.command("status")
@content_option
def translation_status(content_dir: Path | None) -> None:
    """Per chapter: how many paragraphs are reviewed, draft, stale and missing."""
    from .model.translation import STATUSES
    from .readers import load_plans

    try:
        plans = load_plans(content_folder(content_dir))
    except ContentErrors as exc:
        fail_with(exc)
    for lang, plan in plans.items():
        if lang == SOURCE_LANG:
            continue
        click.echo(f"{lang}: chapter  " + "  ".join(f"{s:>8}" for s in STATUSES))
        for chapter in plan.chapters:
            counts = [sum(1 for p in chapter.paragraphs if p.status == s) for s in STATUSES]
            click.echo(f"{lang}: {chapter.number:>7}  " + "  ".join(f"{n:>8}" for n in counts))


@translation.command("stamp")
@click.argument("ids", nargs=-1)
@click.option("--chapter", type=int, help="Stamp every translated paragraph of this chapter.")
@click.option("--lang", default=TRANSLATIONS[0], show_default=True, type=click.Choice(TRANSLATIONS))
@content_option
def translation_stamp(ids: tuple[str, ...], chapter: int | None, lang: str, content_dir: Path | None) -> None:
    """Mark translations of IDS as made from the current Chinese text (after you updated them)."""
    from .staff.stamp import stamp

    if not ids and chapter is None:
        raise click.UsageError("name paragraph ids or --chapter N")
    try:
        done = stamp(content_folder(content_dir), lang, set(ids) or None, chapter)
    except ContentErrors as exc:
        fail_with(exc)
    click.echo(f"stamped {len(done)} paragraph(s): {' '.join(done)}" if done else "nothing to stamp")


@main.command()
@click.argument("query")
@click.option("--lang", type=click.Choice(CODES), default=SOURCE_LANG, show_default=True, help="Language ranked first.")
@click.option("--limit", default=10, show_default=True, type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the same JSON as GET /api/search.")
@content_option
def search(query: str, lang: str, limit: int, as_json: bool, content_dir: Path | None) -> None:
    """Search the plan as readers do: Chinese, pinyin, traditional characters, Mongolian, Latin."""
    import html
    import json

    from . import create_app

    try:
        app = create_app({"CONTENT_DIR": str(content_folder(content_dir))})
    except ContentErrors as exc:
        fail_with(exc)
    response = app.test_client().get("/api/search", query_string={"q": query, "lang": lang, "limit": limit})
    data = response.get_json()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    click.echo(f"{data['total']} paragraph(s) for {query!r}")
    for result in data["results"]:
        text = result["snippet"].replace("<mark>", "[").replace("</mark>", "]")
        click.echo(f"{result['score']:>7.2f}  {result['lang']} {result['id']:<9} {html.unescape(text)}")


@main.command()
@click.option("--lang", "langs", type=click.Choice(CODES), multiple=True, help="A language [default: every one].")
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder for plan-<lang>.pdf.",
)
@content_option
def pdf(langs: tuple[str, ...], output: Path, content_dir: Path | None) -> None:
    """Print the whole plan to a PDF per language with headless Chromium (A4; Mongolian in
    vertical columns on landscape pages), for a print shop or a USB stick."""
    from . import create_app
    from .site.pdf import write_pdfs

    try:
        # portal.toml's site_url is the address the cover names
        config = {"CONTENT_DIR": str(folder_in_use(content_dir)), "WATCH_CONTENT": False}
        app = create_app({**config, **app_settings(read_settings()[0])})
    except ContentErrors as exc:
        fail_with(exc)
    chosen = [code for code in (langs or CODES) if code in app.extensions["portal.store"].current().plans]
    targets = {code: output / f"plan-{code}.pdf" for code in chosen}
    try:
        write_pdfs(app, targets)
    except BuildError as exc:
        click.echo(f"pdf: {exc}; nothing was written.", err=True)
        sys.exit(1)
    for path in targets.values():
        click.echo(f"wrote {path} ({path.stat().st_size // 1024} kB)")


db_option = click.option(
    "--db",
    "db_url",
    default=None,
    help="Where the messages are, as a SQLAlchemy URL [default: portal.toml's feedback_db, else instance/].",
)


def _feedback_store(db_url: str | None):
    from .feedback import FeedbackStore, default_url
    from .settings import PROJECT_ROOT

    url = db_url or read_settings()[0].get("feedback_db") or default_url(PROJECT_ROOT / "instance")
    try:
        return FeedbackStore(url)
    except Exception as exc:  # a wrong URL or a database that is not there: say so, no traceback
        click.echo(f"feedback: cannot open {url}: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)


@main.group()
def feedback() -> None:
    """Questions and corrections readers sent from the paragraph form."""


@feedback.command("list")
@click.option("--all", "include_done", is_flag=True, help="Also the messages already dealt with.")
@db_option
def feedback_list(include_done: bool, db_url: str | None) -> None:
    """The open messages, oldest first: id, day, paragraph, kind, contact and text."""
    messages = _feedback_store(db_url).list(include_done)
    for m in messages:
        done = f"  done {m.done:%Y-%m-%d}" if m.done else ""
        contact = f"  contact: {m.contact}" if m.contact else ""
        click.echo(f"#{m.id}  {m.received:%Y-%m-%d %H:%M}  {m.lang} {m.paragraph}  {m.kind}{contact}{done}")
        click.echo("    " + m.message.replace("\n", "\n    "))
    click.echo(f"{len(messages)} message(s){'' if include_done else ' open'}")


@feedback.command("export")
@click.option("--csv", "as_csv", is_flag=True, required=True, help="As CSV (the only format).")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File [default: stdout]."
)
@db_option
def feedback_export(as_csv: bool, output: Path | None, db_url: str | None) -> None:
    """Every message, done or not, as CSV for a spreadsheet."""
    text = _feedback_store(db_url).export_csv()
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8", newline="")
        click.echo(f"wrote {output}")


@feedback.command("done")
@click.argument("ident", type=int)
@db_option
def feedback_done(ident: int, db_url: str | None) -> None:
    """Mark message IDENT as dealt with (it is deleted a year later by `portal feedback purge`)."""
    if not _feedback_store(db_url).mark_done(ident):
        click.echo(f"no open message #{ident}", err=True)
        sys.exit(1)
    click.echo(f"#{ident} marked done")


@feedback.command("purge")
@db_option
def feedback_purge(db_url: str | None) -> None:
    """Delete the messages dealt with more than a year ago, as the form's privacy note promises."""
    click.echo(f"deleted {_feedback_store(db_url).purge()} message(s) dealt with more than a year ago")
