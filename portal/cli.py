"""The `portal` command: a thin layer of argument parsing over the library functions.

Each command calls one function that tests can call directly; content errors are printed
as `file:line: message` lines and turn into exit status 1, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import PROJECT_ROOT
from .errors import ContentErrors

content_option = click.option(
    "--content",
    "content_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=PROJECT_ROOT / "content",
    show_default=True,
    help="Folder holding zh/ and mn/ chapter files.",
)


def fail_with(errors: ContentErrors) -> None:
    for error in errors.errors:
        click.echo(str(error), err=True)
    click.echo(f"{len(errors.errors)} problem(s) found; nothing was changed.", err=True)
    sys.exit(1)


@click.group()
def main() -> None:
    """Publish the Alxa Left Banner development plan portal."""


@main.command("import-text")
@click.argument("seed", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@content_option
def import_text_command(seed: Path, content_dir: Path) -> None:
    """Convert the plan's text export SEED into content/zh/*.md, keeping existing paragraph ids."""
    from .importer import import_text

    try:
        written = import_text(seed, content_dir)
    except ContentErrors as exc:
        fail_with(exc)
    click.echo(f"wrote {len(written)} chapter files to {content_dir / 'zh'}")


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
def serve(host: str, port: int, production: bool, workers: int, content_dir: Path) -> None:
    """Run the live portal; edits to content files show on the next page load."""
    from . import create_app

    try:
        app = create_app({"CONTENT_DIR": str(content_dir), "WATCH_CONTENT": not production})
    except ContentErrors as exc:
        fail_with(exc)
    if not production:
        app.run(host=host, port=port)
        return
    from .production import serve_production

    serve_production(app, host, port, workers)


@main.command()
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), default=PROJECT_ROOT / "build", show_default=True
)
@click.option("--site-url", default="http://127.0.0.1:5000", show_default=True, help="Public address, for sitemap.xml.")
@content_option
def build(out: Path, site_url: str, content_dir: Path) -> None:
    """Freeze the whole site into OUT; on any error the previous OUT is left untouched."""
    import time

    from .check import check_loaded
    from .freeze import BuildError
    from .freeze import build as build_site
    from .store import load_content

    started = time.perf_counter()
    try:
        content = load_content(content_dir)  # read once, for the check and for the pages
    except ContentErrors as exc:
        fail_with(exc)
    # The check first: a build never publishes content with errors. Untranslated and stale
    # Mongolian is published with a notice on the page (a correction of the Chinese must not
    # wait for the translator), so those are warnings here.
    report = check_loaded(content, content_dir, allow_missing=True)
    errors = [f for f in report.findings if f.code != "stale"]
    for note in report.notes + [f for f in report.findings if f.code == "stale"]:
        click.echo(f"warning: {note}", err=True)
    if errors:
        fail_with(ContentErrors(errors))
    try:
        count = build_site(out, {"CONTENT_DIR": str(content_dir), "SITE_URL": site_url}, content)
    except ContentErrors as exc:
        fail_with(exc)
    except BuildError as exc:
        click.echo(f"build failed: {exc}; {out} was left as it was.", err=True)
        sys.exit(1)
    click.echo(f"built {count} files into {out} in {time.perf_counter() - started:.2f} s")


@main.command()
@click.option("--lang", type=click.Choice(["zh", "mn"]), multiple=True, help="Check only this language.")
@click.option("--chapter", type=int, help="Report only on this chapter.")
@click.option("--allow-missing", is_flag=True, help="Report untranslated paragraphs as warnings instead of errors.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@content_option
def check(lang: tuple[str, ...], chapter: int | None, allow_missing: bool, strict: bool, content_dir: Path) -> None:
    """Validate everything a build needs: structure, ids, links, translations, glossary, key
    figures, editions and update notices. One finding per line: file:line: code message.
    Exit status 0 when clean, 1 on errors, 2 on a usage error."""
    from .check import check_content

    report = check_content(content_dir, lang or None, chapter, allow_missing, strict)
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


@edition.command("freeze")
@click.argument("name")
@click.option("--date", required=True, help="The edition's date: a year (2022) or a day (2023-06-30).")
@click.option("--title-zh", required=True, help="Its title in Chinese, e.g. 2023年中期调整.")
@click.option("--title-mn", required=True, help="Its title in Mongolian script.")
@click.option("--note-zh", default="", help="Optional: what this edition changes, in Chinese.")
@click.option("--note-mn", default="", help="Optional: the same in Mongolian.")
@click.option("--demonstration", is_flag=True, help="Mark it as a made-up example, not the plan.")
@content_option
def edition_freeze(
    name: str,
    date: str,
    title_zh: str,
    title_mn: str,
    note_zh: str,
    note_mn: str,
    demonstration: bool,
    content_dir: Path,
) -> None:
    """Record the text in content/ as edition NAME (content/editions/NAME/)."""
    from .publish import freeze_edition

    try:
        folder = freeze_edition(content_dir, name, date, title_zh, title_mn, note_zh, note_mn, demonstration)
    except ContentErrors as exc:
        fail_with(exc)
    click.echo(f"recorded edition {name} in {folder}")


@edition.command("list")
@content_option
def edition_list(content_dir: Path) -> None:
    """Every edition, oldest first, with the number of paragraphs it changed."""
    from .editions import compare
    from .loader import load_editions, load_plans

    try:
        editions = load_editions(content_dir, load_plans(content_dir))
    except ContentErrors as exc:
        fail_with(exc)
    for item in editions.all:
        before = editions.predecessor(item.name)
        changed = len(compare(before.plans["zh"], item.plans["zh"])) if before else 0
        flags = (" (current)" if item.name == editions.current else "") + (
            " (demonstration)" if item.demonstration else ""
        )
        click.echo(f"{item.name}\t{item.date}\t{item.title_zh}\t{changed} paragraph(s) changed{flags}")


@main.group()
def translation() -> None:
    """Translation workflow for content/mn: progress and fingerprints."""


@translation.command("status")
@content_option
def translation_status(content_dir: Path) -> None:
    """Per chapter: how many paragraphs are reviewed, draft, stale and missing."""
    from .loader import load_plans
    from .translation import STATUSES

    try:
        plans = load_plans(content_dir)
    except ContentErrors as exc:
        fail_with(exc)
    for lang, plan in plans.items():
        if lang == "zh":
            continue
        click.echo(f"{lang}: chapter  " + "  ".join(f"{s:>8}" for s in STATUSES))
        for chapter in plan.chapters:
            counts = [sum(1 for p in chapter.paragraphs if p.status == s) for s in STATUSES]
            click.echo(f"{lang}: {chapter.number:>7}  " + "  ".join(f"{n:>8}" for n in counts))


@translation.command("stamp")
@click.argument("ids", nargs=-1)
@click.option("--chapter", type=int, help="Stamp every translated paragraph of this chapter.")
@click.option("--lang", default="mn", show_default=True)
@content_option
def translation_stamp(ids: tuple[str, ...], chapter: int | None, lang: str, content_dir: Path) -> None:
    """Mark translations of IDS as made from the current Chinese text (after you updated them)."""
    from .translation import stamp

    if not ids and chapter is None:
        raise click.UsageError("name paragraph ids or --chapter N")
    try:
        done = stamp(content_dir, lang, set(ids) or None, chapter)
    except ContentErrors as exc:
        fail_with(exc)
    click.echo(f"stamped {len(done)} paragraph(s): {' '.join(done)}" if done else "nothing to stamp")


@main.command()
@click.argument("query")
@click.option("--lang", type=click.Choice(["zh", "mn"]), default="zh", show_default=True, help="Language ranked first.")
@click.option("--limit", default=10, show_default=True, type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the same JSON as GET /api/search.")
@content_option
def search(query: str, lang: str, limit: int, as_json: bool, content_dir: Path) -> None:
    """Search the plan as readers do: Chinese, pinyin, traditional characters, Mongolian, Latin."""
    import json

    from . import create_app

    try:
        app = create_app({"CONTENT_DIR": str(content_dir)})
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
        click.echo(f"{result['score']:>7.2f}  {result['lang']} {result['id']:<9} {html_unescape(text)}")


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)
