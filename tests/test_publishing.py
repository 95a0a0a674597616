"""Staff publishing: editions, what changed, update notices, and `portal check` as the gate."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from portal import PROJECT_ROOT, check_content
from portal.cli import main
from portal.errors import ContentErrors
from portal.model.editions import compare
from portal.readers import load_editions, load_plans
from portal.staff.editions import record_edition
from portal.text.diff import inline_diff

CONTENT = PROJECT_ROOT / "content"
MN_TITLE = "ᠦᠵᠡᠭᠦᠯᠦᠯᠭᠡ"


@pytest.fixture()
def content(tmp_path) -> Path:
    """The committed content without its editions: staff start from here."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy, ignore=shutil.ignore_patterns("editions"))
    return copy


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace `old` in a content file; return the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def remove_paragraph(path: Path, ident: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"\n[^\n]+\n\{{: #{ident}[ }}][^\n]*\n", "\n", text, count=1), encoding="utf-8")


def test_inline_diff_marks_insertions_and_deletions():
    assert inline_diff("入园率保持97%以上", "入园率保持98%以上", "zh") == "入园率保持9<del>7</del><ins>8</ins>%以上"
    mongolian = inline_diff("ᠮᠠᠯ ᠠᠵᠤ ᠠᠬᠤᠢ", "ᠮᠠᠯ ᠠᠵᠤ ᠠᠬᠤᠢ ᠶᠢ", "mn")
    assert mongolian.endswith("<ins> ᠶᠢ</ins>") and "<del>" not in mongolian  # word by word
    assert inline_diff("<b>", "<i>", "zh") == "&lt;<del>b</del><ins>i</ins>&gt;"  # escaped, never markup


def test_a_new_edition_is_recorded_compared_and_marks_translations_stale(content):
    first = record_edition(content, "2022", "2022", {"zh": "2022年更新", "mn": MN_TITLE})
    assert (first / "zh" / "07.md").read_bytes() == (content / "zh" / "07.md").read_bytes()
    with pytest.raises(ContentErrors, match="already exists"):
        record_edition(content, "2022", "2022", {"zh": "again", "mn": MN_TITLE})
    # Staff edit content/: a new target, a new paragraph, a removed one.
    edit(content / "zh" / "07.md", "入园率保持97%以上", "入园率保持98%以上")
    edit(content / "figures.yaml", "kind: target, value: 97,", "kind: target, value: 98,")  # the key figure follows
    for lang in ("zh", "mn"):  # and so do the plain-language notes that quote it
        edit(content / "explainers" / lang / "07.md", "97", "98")
    edit(
        content / "zh" / "05.md",
        "{: #c5s4p4 }\n",
        "{: #c5s4p4 }\n\n**推进数字乡村。**到2025年嘎查村便民服务站全部接入政务服务平台。\n{: #c5s4p5 }\n",
    )
    remove_paragraph(content / "zh" / "04.md", "c4s3p7")
    remove_paragraph(content / "mn" / "04.md", "c4s3p7")
    record_edition(content, "2023", "2023-06-30", {"zh": "2023年调整", "mn": MN_TITLE})
    assert "edition: '2023'" in (content / "zh" / "01.md").read_text(encoding="utf-8")
    plans = load_plans(content)
    editions = load_editions(content, plans)
    assert [e.name for e in editions.all] == ["2022", "2023"] and editions.current == "2023"
    changes = {(c.kind, c.id) for c in compare(editions.get("2022").plans["zh"], editions.get("2023").plans["zh"])}
    assert changes == {("changed", "c7s2p1"), ("added", "c5s4p5"), ("removed", "c4s3p7")}
    # The Chinese change makes the Mongolian stale, and `portal check` says so.
    assert plans["mn"].locate("c7s2p1")[2].status == "stale"
    report = check_content(content, allow_missing=True)  # a warning: published with a notice
    assert any(f.code == "stale" and f.paragraph_id == "c7s2p1" and f.line for f in report.notes)
    assert not any(f.code == "stale" for f in report.findings)
    # The current pages carry "changed in" markers linking to the comparison.
    from portal import create_app

    client = create_app({"CONTENT_DIR": str(content)}).test_client()
    chapter = client.get("/zh/7/").get_data(as_text=True)
    assert 'class="changed-marker" href="/zh/compare/2022/2023/7/#c7s2p1"' in chapter
    compared = client.get("/zh/compare/2022/2023/7/").get_data(as_text=True)
    assert "<del>7</del><ins>8</ins>" in compared
    assert client.get("/zh/compare/2023/2022/7/").status_code == 404


def test_a_deleted_paragraph_id_is_never_reused(content):
    record_edition(content, "2022", "2022", {"zh": "2022年更新", "mn": MN_TITLE})
    remove_paragraph(content / "zh" / "12.md", "c12s2p2")
    remove_paragraph(content / "mn" / "12.md", "c12s2p2")
    record_edition(content, "2023", "2023-06-30", {"zh": "2023年调整", "mn": MN_TITLE})
    # Someone writes a new paragraph and gives it the deleted paragraph's id.
    edit(content / "zh" / "12.md", "{: #c12s2p1 }\n", "{: #c12s2p1 }\n\n**新增内容。**加强规划宣传。\n{: #c12s2p2 }\n")
    result = CliRunner().invoke(main, ["check", "--allow-missing", "--content", str(content)])
    assert result.exit_code == 1
    assert re.search(
        r"12\.md:\d+: edition \[c12s2p2\] id reused: a paragraph with this id was removed in edition 2023",
        result.output,
    ), result.output
    # and freezing it as an edition is refused, leaving the files as they were
    before = (content / "zh" / "12.md").read_text(encoding="utf-8")
    with pytest.raises(ContentErrors, match="id reused"):
        record_edition(content, "2024", "2024-01-01", {"zh": "2024", "mn": MN_TITLE})
    assert (content / "zh" / "12.md").read_text(encoding="utf-8") == before and not (
        content / "editions" / "2024"
    ).exists()


def test_check_catches_a_broken_internal_link_and_build_refuses(content, tmp_path):
    line = edit(content / "zh" / "12.md", "做好宣传，", "做好宣传（见[第五章](#c5s9p1)），")
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 1
    assert f"12.md:{line}: link [c12s2p2] broken link: there is no paragraph or section c5s9p1" in result.output
    out = tmp_path / "site"
    built = CliRunner().invoke(main, ["build", "--out", str(out), "--content", str(content)])
    assert built.exit_code == 1 and "broken link" in built.output and not out.exists()


def test_a_working_internal_link_leads_to_the_other_chapter(content):
    edit(content / "zh" / "12.md", "做好宣传，", "做好宣传（见[第五章](#c5s4p2)），")
    assert CliRunner().invoke(main, ["translation", "stamp", "c12s2p2", "--content", str(content)]).exit_code == 0
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 0, result.output
    from portal import create_app

    page = create_app({"CONTENT_DIR": str(content)}).test_client().get("/zh/12/").get_data(as_text=True)
    assert 'href="/zh/5/#c5s4p2"' in page


def test_check_catches_a_notice_without_a_date(content):
    path = content / "updates" / "2026-11-28-plan-published.zh.md"
    edit(path, "date: 2026-11-28\n", "")
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert (
        result.exit_code == 1 and "2026-11-28-plan-published.zh.md:1: notice front matter lacks 'date'" in result.output
    )


def test_warnings_fail_only_with_strict(content):
    (content / "updates" / "2026-11-28-plan-published.mn.md").unlink()
    relaxed = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert relaxed.exit_code == 0 and "warning:" in relaxed.output and "notice-untranslated" in relaxed.output
    strict = CliRunner().invoke(main, ["check", "--strict", "--content", str(content)])
    assert strict.exit_code == 1 and "notice-untranslated" in strict.output


def test_usage_errors_exit_with_2():
    assert CliRunner().invoke(main, ["check", "--chapter", "five"]).exit_code == 2
    assert CliRunner().invoke(main, ["check", "--no-such-option"]).exit_code == 2


def test_unpublished_changes_are_a_warning(content):
    record_edition(content, "2022", "2022", {"zh": "2022年更新", "mn": MN_TITLE})
    edit(content / "zh" / "12.md", "做好宣传，", "做好宣传工作，")
    report = check_content(content, allow_missing=True)
    assert any(n.code == "unpublished" and "zh/12.md" in n.message for n in report.notes)


def test_the_demonstration_edition_in_the_site(client, built_site):
    """The committed demonstration edition: changes list, comparison, markers and staleness."""
    editions = load_editions(CONTENT, load_plans(CONTENT))
    demo = [e for e in editions.all if e.demonstration]
    assert demo and all(e.name != editions.current for e in demo)
    item = demo[0]
    before = editions.predecessor(item.name)
    changes = compare(before.plans["zh"], item.plans["zh"])
    assert {c.kind for c in changes} == {"added", "removed", "changed"}
    for lang in ("zh", "mn"):
        listing = client.get(f"/{lang}/changes/").get_data(as_text=True)
        assert all(c.id in listing for c in changes)
        assert (built_site / lang / "changes" / "index.html").exists()
        for change in changes:
            page = built_site / lang / "compare" / before.name / item.name / str(change.chapter) / "index.html"
            assert f'id="{change.id}"' in page.read_text(encoding="utf-8")
        changed = next(c for c in changes if c.kind == "changed")
        chapter = (built_site / lang / "editions" / item.name / str(changed.chapter) / "index.html").read_text(
            encoding="utf-8"
        )
        assert "changed-marker" in chapter and "edition-banner" in chapter
    stale = client.get(f"/mn/editions/{item.name}/{changed.chapter}/").get_data(as_text=True)
    assert re.search(rf'id="{changed.id}" class="[^"]*status-stale', stale)


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_updates_page_home_and_atom_feed(client, built_site, lang):
    feed = feedparser.parse((built_site / lang / "updates.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and len(feed.entries) >= 2
    assert all(e.id.startswith("tag:") and e.updated and e.title for e in feed.entries)
    page = client.get(f"/{lang}/updates/").get_data(as_text=True)
    assert all(f'id="notice-{e.id.rsplit(":", 1)[1]}"' in page for e in feed.entries)
    home = client.get(f"/{lang}/").get_data(as_text=True)
    assert "latest-notice" in home and feed.entries[0].title in home


def test_a_demonstration_edition_stays_a_side_branch(tmp_path):
    """A real edition made after the demonstration is compared with the real line, not with it."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    edit(content / "zh" / "12.md", "做好宣传，", "做好宣传工作，")
    record_edition(content, "2023", "2023-06-30", {"zh": "2023年调整", "mn": MN_TITLE})
    assert "based_on: '2022'" in (content / "editions" / "2023" / "edition.yaml").read_text(encoding="utf-8")
    editions = load_editions(content, load_plans(content))
    assert editions.predecessor("2023").name == "2022"
    assert editions.predecessor("2023-demo").name == "2022"
    assert [e.name for e in editions.lineage("2023")] == ["2022", "2023"]
    changes = compare(editions.predecessor("2023").plans["zh"], editions.get("2023").plans["zh"])
    assert [(c.kind, c.id) for c in changes] == [("changed", "c12s2p2")]


def test_the_list_of_changes_shows_the_changed_words_of_each_paragraph(client):
    import re

    from portal.text.diff import diff_excerpt

    for lang in ("zh", "mn"):
        html = client.get(f"/{lang}/changes/").get_data(as_text=True)
        items = re.findall(r'<li><a href="[^"]*/compare/[^"]*">.*?</li>', html, re.S)
        assert len(items) >= 3
        for item in items:
            assert re.search(r'class="change-excerpt diff".*?<(ins|del)>[^<]+</\1>', item, re.S), item[:300]
    # One changed number: only the change and a few characters around it, not the paragraph.
    long = "前文" * 40 + "入园率保持97%以上" + "后文" * 40
    shown = str(diff_excerpt(long, long.replace("97%", "98%"), "zh"))
    assert "<del>7</del><ins>8</ins>" in shown and shown.startswith("…") and shown.endswith("…")
    assert len(re.sub(r"<[^>]+>", "", shown)) < 40
    # A paragraph added as a whole shows its beginning.
    added = str(diff_excerpt("", "新" * 200, "zh"))
    assert added.startswith("<ins>") and added.endswith("…") and len(added) < 80
    # Mongolian is compared word by word.
    words = str(diff_excerpt("ᠨᠢᠭᠡ ᠬᠣᠶᠠᠷ ᠭᠤᠷᠪᠠ", "ᠨᠢᠭᠡ ᠳᠥᠷᠪᠡ ᠭᠤᠷᠪᠠ", "mn"))
    assert "<del>ᠬᠣᠶᠠᠷ</del><ins>ᠳᠥᠷᠪᠡ</ins>" in words
