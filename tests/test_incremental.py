"""Incremental builds: a rebuild after any edit is byte for byte the build `--full` makes of the
same content, keeps what did not change, and never publishes its record."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_build_faults import tree

from portal import PROJECT_ROOT, build_site
from portal.site import build as site_build
from portal.site.build import BuildError

SMALL = FIXTURES / "small"
PORTAL = Path(sys.executable).parent / "portal"

# Two terms of the small content, so that glossary entry pages and the paragraphs that use
# them are among what an edit can change.
GLOSSARY = """\
- id: jin-mu
  zh: [禁牧, 禁牧制度]
  mn: ᠮᠠᠯ ᠪᠡᠯᠴᠢᠭᠡᠬᠤ ᠶᠢ ᠬᠣᠷᠢᠭᠯᠠᠬᠤ
  category: grassland
  definition_zh: 在划定的区域内禁止放牧。
  definition_mn: ᠲᠠᠯ᠎ᠠ ᠶᠢᠨ ᠬᠠᠮᠠᠭᠠᠯᠠᠯᠲᠠ᠃
  status: draft
  source: test
- id: shuang-feng-tuo
  zh: [双峰驼]
  mn: ᠬᠣᠣᠰ ᠪᠥᠬᠡᠲᠦ ᠲᠡᠮᠡᠭᠡ
  category: grassland
  definition_zh: 阿拉善的骆驼。
  definition_mn: ᠲᠡᠮᠡᠭᠡ᠃
  status: draft
  source: test
"""


class Site:
    """Content, a build of it with its record, and a saved copy of both to start each example from."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.pristine = root / "pristine"
        shutil.copytree(SMALL, self.pristine)
        (self.pristine / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
        # the same paths in every example: where content lives is part of what a page is made from
        self.content, self.out, self.saved = root / "content", root / "site" / "build", root / "saved"
        self.reset_content()
        build_site(self.out, {"CONTENT_DIR": str(self.content)})
        shutil.copytree(self.out.parent, self.saved)

    def reset_content(self) -> None:
        shutil.rmtree(self.content, ignore_errors=True)
        shutil.copytree(self.pristine, self.content)

    def reset(self) -> None:
        """The content and the published build as the first build left them."""
        self.reset_content()
        shutil.rmtree(self.out.parent)
        shutil.copytree(self.saved, self.out.parent)

    def record(self) -> Path:
        return self.out.parent / f".{self.out.name}.record.json"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    return Site(tmp_path_factory.mktemp("incremental"))


# --- edits, each a change a member of staff makes to one file --------------------------------

PARAGRAPHS = {"zh": ["c0s0p2", "c1s0p1", "c1s1p1", "c1s1p2", "c1s2p1"], "mn": ["c1s0p1", "c1s1p1", "c1s1p2"]}
WORDS = {"zh": ["草原", "禁牧", "双峰驼", "牧民", "<b>&"], "mn": ["ᠲᠠᠯ᠎ᠠ", "ᠮᠠᠯ ᠪᠡᠯᠴᠢᠭᠡᠬᠤ ᠶᠢ ᠬᠣᠷᠢᠭᠯᠠᠬᠤ", "ᠮᠠᠯᠴᠢᠨ"]}


def edit_paragraph(content: Path, lang: str, pid: str, word: str) -> None:
    chapter = content / lang / f"0{pid[1]}.md"
    lines = chapter.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if re.match(rf"\{{: #{pid}[ }}]", line))
    lines[at - 1] = lines[at - 1].rstrip("。᠃") + word + ("。" if lang == "zh" else "᠃")
    chapter.write_text("\n".join(lines), encoding="utf-8")


def edit_title(content: Path, lang: str, chapter: int, section: bool, word: str) -> None:
    path = content / lang / f"0{chapter}.md"
    text = path.read_text(encoding="utf-8")
    if section and "\n## " in text:
        text = text.replace("\n## ", f"\n## {word}", 1)
    else:
        text = re.sub(r"^title: (.*)$", lambda m: f"title: {m[1]}{word}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


def edit_glossary(content: Path, field: str, word: str) -> None:
    path = content / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    if field == "zh":  # one more form of the term: the paragraphs it marks change
        text = text.replace("zh: [双峰驼]", f"zh: [双峰驼, {word}]", 1)
    else:
        text = re.sub(rf"^  {field}: (.*)$", lambda m: f"  {field}: {m[1]}{word}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


langs = st.sampled_from(["zh", "mn"])
paragraph_edits = langs.flatmap(
    lambda lang: st.tuples(
        st.just("paragraph"), st.just(lang), st.sampled_from(PARAGRAPHS[lang]), st.sampled_from(WORDS[lang])
    )
)
title_edits = langs.flatmap(
    lambda lang: st.tuples(
        st.just("title"), st.just(lang), st.sampled_from([0, 1]), st.booleans(), st.sampled_from(WORDS[lang])
    )
)
glossary_edits = st.tuples(
    st.just("glossary"),
    st.sampled_from(["zh", "mn", "definition_zh", "definition_mn"]),
    st.sampled_from(["牧民", "骆驼"]),
)
edits = st.lists(st.one_of(paragraph_edits, title_edits, glossary_edits), min_size=1, max_size=3)


def apply(content: Path, edit: tuple) -> None:
    kind, *args = edit
    {"paragraph": edit_paragraph, "title": edit_title, "glossary": edit_glossary}[kind](content, *args)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=edits, site_url=st.sampled_from([None, "https://plan.example.org/als/"]))
# the edits whose pages are furthest from the file edited: a glossary entry page shows the
# paragraphs and the section titles that use its term
@example(changes=[("paragraph", "zh", "c1s1p1", "草原")], site_url=None)
@example(changes=[("title", "zh", 1, True, "牧民")], site_url=None)
@example(changes=[("paragraph", "zh", "c1s2p1", "禁牧")], site_url=None)
@example(changes=[("glossary", "zh", "骆驼")], site_url=None)
def test_a_rebuild_after_random_edits_equals_a_full_build_byte_for_byte(site, tmp_path_factory, changes, site_url):
    site.reset()
    for change in changes:
        apply(site.content, change)
    config = {"CONTENT_DIR": str(site.content), **({"SITE_URL": site_url} if site_url else {})}
    incremental = build_site(site.out, config)
    full = tmp_path_factory.mktemp("full") / "build"
    everything = build_site(full, config, full=True)
    assert tree(site.out) == tree(full)
    assert int(incremental) == int(everything) and everything.kept == 0
    # only a setting changes every page; an edit of content keeps some of them
    if site_url is None:
        assert 0 < incremental.kept < int(incremental)


def test_a_rebuild_with_no_change_keeps_every_file(site):
    site.reset()
    before = tree(site.out)
    count = build_site(site.out, {"CONTENT_DIR": str(site.content)})
    assert count.kept == int(count) > 50
    assert tree(site.out) == before


def test_a_file_changed_or_lost_in_the_published_folder_is_made_again(site):
    site.reset()
    before = tree(site.out)
    page = site.out / "zh" / "1" / "index.html"
    page.write_text("edited by hand", encoding="utf-8")
    (site.out / "mn" / "1" / "index.html.gz").unlink()
    (site.out / "zh" / "glossary" / "index.html").unlink()
    count = build_site(site.out, {"CONTENT_DIR": str(site.content)})
    assert tree(site.out) == before
    assert count.kept == int(count) - 2  # the edited page and the lost one; the lost copy is compressed again


def test_an_edit_of_the_same_size_is_made_again_and_a_touched_file_is_kept(site):
    """A file's size, time and inode vouch for it only while all three are as recorded: an edit
    in place that keeps the size still changes the time, so the bytes are hashed."""
    site.reset()
    build_site(site.out, {"CONTENT_DIR": str(site.content)})  # the record now holds the files' own states
    before = tree(site.out)
    page = site.out / "zh" / "1" / "index.html"
    data = page.read_bytes()
    at = data.index(b"<title>") + len(b"<title>")
    with page.open("r+b") as file:  # the same inode and size, one byte different
        file.seek(at)
        file.write(b"X" if data[at : at + 1] != b"X" else b"Y")
    touched = site.out / "zh" / "glossary" / "index.html"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    count = build_site(site.out, {"CONTENT_DIR": str(site.content)})
    assert tree(site.out) == before
    assert count.kept == int(count) - 1  # the edited page only; the touched one hashes as recorded


def test_a_page_rendered_again_with_the_same_bytes_keeps_its_file(site):
    """An edited definition renders every glossary entry page again (each lists all entries'
    forms), but only its own page changes: the others stay the previous files, with their
    time, so a sync by size and time (rsync, a CDN upload) sends only what changed."""
    site.reset()
    build_site(site.out, {"CONTENT_DIR": str(site.content)})  # files and record as a build leaves them
    before = {p: os.stat(p) for p in site.out.rglob("*") if p.is_file()}
    old = {p: p.read_bytes() for p in before}
    apply(site.content, ("glossary", "definition_zh", "牧民"))
    count = build_site(site.out, {"CONTENT_DIR": str(site.content)})
    assert count.kept < int(count)  # some pages were rendered again
    same = changed = 0
    for path, state in before.items():
        now = os.stat(path)
        if path.read_bytes() == old[path]:
            assert (now.st_ino, now.st_mtime_ns) == (state.st_ino, state.st_mtime_ns), path
            same += 1
        else:
            assert now.st_ino != state.st_ino, path
            changed += 1
    assert same > 0 and changed > 0


def test_full_renders_everything_and_the_record_is_never_published(site):
    site.reset()
    count = build_site(site.out, {"CONTENT_DIR": str(site.content)}, full=True)
    assert count.kept == 0
    assert not [p for p in site.out.rglob("*") if "record" in p.name]
    record = json.loads(site.record().read_text(encoding="utf-8"))
    published = {str(p.relative_to(site.out)) for p in site.out.rglob("*") if p.is_file()}
    assert set(record["tree"]) == published  # every file's hash, for the next build to trust
    assert {p for p in published if p.endswith(".html")} <= set(record["keys"]) <= published


def test_a_template_or_static_file_edit_is_rebuilt_everywhere(tmp_path):
    """A copy of the project, so that a template and a style sheet can be edited as staff would."""
    project = tmp_path / "project"
    for folder in ("portal", "static", "translations"):
        shutil.copytree(PROJECT_ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    script = (
        "import sys; from portal import build_site; "
        "n = build_site(sys.argv[1], {'CONTENT_DIR': sys.argv[2]}, full=sys.argv[3] == 'full'); print(n, n.kept)"
    )

    def run(out: Path, mode: str) -> list[int]:
        env = {**os.environ, "PYTHONPATH": str(project)}
        done = subprocess.run(
            [sys.executable, "-c", script, str(out), str(content), mode],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return [int(n) for n in done.stdout.split()]

    out = tmp_path / "site" / "build"
    run(out, "incremental")
    for path, old, new in [
        (project / "portal" / "templates" / "base.html", "</body>", "<!-- edited --></body>"),
        (
            project / "static" / "css" / "portal.css",
            "}",
            "} /* edited */",
        ),
    ]:
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        total, kept = run(out, "incremental")
        assert kept == 0 < total
        run(tmp_path / "full" / path.name / "build", "full")
        assert tree(out) == tree(tmp_path / "full" / path.name / "build")
    assert "<!-- edited -->" in (out / "zh" / "index.html").read_text(encoding="utf-8")


def test_a_failed_rebuild_leaves_the_build_and_its_record_untouched(site, monkeypatch):
    site.reset()
    apply(site.content, ("paragraph", "zh", "c1s1p1", "草原"))
    before, record = tree(site.out), site.record().read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    # after every page is rendered and kept files are linked: the late moment of a real failure
    monkeypatch.setattr(site_build, "write_manifests_and_zip", fail)
    with pytest.raises(BuildError):
        build_site(site.out, {"CONTENT_DIR": str(site.content)})
    assert tree(site.out) == before
    assert site.record().read_bytes() == record


def portal_build(site: Site, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PORTAL), "build", "--content", str(site.content), "--out", str(site.out), *options],
        capture_output=True,
        text=True,
        check=True,
    )


def test_the_command_says_how_many_files_were_kept_and_when_nothing_changed(site):
    site.reset()
    done = portal_build(site)  # the record of a build without the command's sources: pages are compared
    assert re.search(r"built (\d+) files into .*, \1 of them unchanged since the last build", done.stdout), done.stdout
    before, warnings = tree(site.out), done.stderr
    assert "warning: " in warnings  # the small content has stale translations: they must be said every time
    again = portal_build(site)
    assert re.search(r"nothing changed since the last build: the \d+ files in .* are current", again.stdout)
    assert again.stderr == warnings and tree(site.out) == before
    done = portal_build(site, "--full")
    assert "unchanged" not in done.stdout and "nothing changed" not in done.stdout and "built" in done.stdout


@pytest.mark.parametrize("change", ["content", "published file", "extra file", "lost file", "site url"])
def test_the_command_builds_again_when_anything_it_reads_or_wrote_differs(site, change):
    site.reset()
    portal_build(site)
    expected = tree(site.out)
    options = []
    if change == "content":
        apply(site.content, ("paragraph", "zh", "c1s1p1", "草原"))
    elif change == "published file":
        (site.out / "zh" / "1" / "index.html").write_text("edited by hand", encoding="utf-8")
    elif change == "extra file":
        (site.out / "zh" / "stray.html").write_text("not from a build", encoding="utf-8")
    elif change == "lost file":
        next((site.out / "download").glob("*.zip")).unlink()
    else:
        options = ["--site-url", "https://plan.example.org/"]
    done = portal_build(site, *options)
    assert "nothing changed" not in done.stdout and "built" in done.stdout
    if change in ("published file", "extra file", "lost file"):
        assert tree(site.out) == expected  # the build is made whole again


def test_rebuilds_of_the_whole_plan_equal_full_builds_after_edits_of_chapters_and_editions(tmp_path):
    """The plan's own content, with its editions and glossary: each edit is rebuilt over the
    build before it and compared with a full build of the same content."""
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    out, config = tmp_path / "site" / "build", {"CONTENT_DIR": str(content)}
    build_site(out, config)
    first = next(p for p in (content / "editions" / "2023-demo" / "zh").glob("05.md"))
    for path in [
        content / "zh" / "05.md",
        first,
        content / "editions" / "2022" / "mn" / "05.md",
        content / "mn" / "03.md",
    ]:
        text = path.read_text(encoding="utf-8")
        mark = "。\n{: #" if "/zh/" in str(path) else "᠃\n{: #"
        assert mark in text, path
        path.write_text(
            text.replace(mark, "。牧民" + mark if "/zh/" in str(path) else "᠃ ᠮᠠᠯᠴᠢᠨ" + mark, 1), encoding="utf-8"
        )
        count = build_site(out, config)
        full = tmp_path / "full" / path.parent.parent.name / path.parent.name / "build"
        build_site(full, config, full=True)
        assert tree(out) == tree(full), path
        assert 0 < count.kept < int(count), path
