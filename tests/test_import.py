"""Import of the seed text: fidelity, counts, lead phrases and stable ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from portal import PROJECT_ROOT
from portal.readers import load_plan
from portal.staff.importer import import_text
from portal.text.cleanup import comparable
from portal.text.numerals import to_chinese


def plan_in_reading_order(plan):
    """Headings and paragraphs as the seed prints them, one string per seed line."""
    for chapter in plan.chapters:
        if chapter.number:
            yield f"第{to_chinese(chapter.number)}章{chapter.title}"
        for section in chapter.sections:
            if section.number:
                yield f"第{to_chinese(section.number)}节{section.title}"
            for paragraph in section.paragraphs:
                yield paragraph.text


def test_cleaned_text_equals_source_character_for_character(seed_path, imported):
    source = [line for line in seed_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    cleaned = list(plan_in_reading_order(load_plan(imported, "zh")))
    assert len(cleaned) == len(source)
    for number, (original, result) in enumerate(zip(source, cleaned, strict=True), start=1):
        assert comparable(result) == comparable(original), f"seed line {number} changed"


@pytest.mark.parametrize("content", ["imported", "committed"])
def test_counts_chapters_sections_paragraphs(content, imported, seed_path):
    folder = imported if content == "imported" else PROJECT_ROOT / "content"
    plan = load_plan(folder, "zh")
    numbered = [c for c in plan.chapters if c.number > 0]
    assert [c.number for c in plan.chapters] == list(range(13))
    assert len(numbered) == 12
    assert sum(len(c.titled_sections) for c in plan.chapters) == 46
    texts = [comparable(p.text) for p in plan.paragraphs]
    headings = sum(
        1
        for line in seed_path.read_text(encoding="utf-8").splitlines()
        if line.startswith("第") and line.split()[0][-1] in "章节"
    )
    seed_paragraphs = [comparable(line) for line in seed_path.read_text(encoding="utf-8").splitlines() if line.strip()][
        :None
    ]
    assert len(texts) == len(seed_paragraphs) - headings == 222
    assert len(set(texts)) == len(texts), "a seed paragraph appears twice"
    assert set(texts) <= set(seed_paragraphs)


def test_no_pdf_damage_left_in_committed_content():
    plan = load_plan(PROJECT_ROOT / "content", "zh")
    for paragraph in plan.paragraphs:
        for damage in ("“ ", " ”", "纲 要", "明 昇", " ,", "( ", " %"):
            assert damage not in paragraph.text, (paragraph.id, damage)
    assert "纲要" in plan.title and " " not in plan.title


def test_ids_are_derived_from_position_on_first_import(imported):
    plan = load_plan(imported, "zh")
    for chapter in plan.chapters:
        for section in chapter.sections:
            assert [p.id for p in section.paragraphs] == [
                f"c{chapter.number}s{section.number}p{n}" for n in range(1, len(section.paragraphs) + 1)
            ]
    intro = plan.chapter(1).sections[0]
    assert intro.number == 0 and intro.title is None and intro.paragraphs[0].id == "c1s0p1"


def test_lead_phrases_and_items_are_marked(imported):
    plan = load_plan(imported, "zh")
    _, _, lab = plan.locate("c3s1p1")
    assert lab.lead == "建设产业技术工程实验室。"
    assert lab.html.startswith("<strong>建设产业技术工程实验室。</strong>")
    _, _, item = plan.locate("c1s1p1")
    assert item.is_item and item.lead == "经济保持平稳增长。"
    assert item.html.startswith("——<strong>")
    _, _, intro = plan.locate("c1s0p1")
    assert intro.lead is None and not intro.is_item


def copy_seed(seed_path: Path, tmp_path: Path, edit=lambda lines: lines) -> Path:
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    target = tmp_path / "seed.txt"
    target.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")
    return target


def test_reimport_keeps_existing_ids(seed_path, imported, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(imported, content)
    before = {p: p.read_text(encoding="utf-8") for p in (content / "zh").glob("*.md")}
    import_text(seed_path, content)
    after = {p: p.read_text(encoding="utf-8") for p in (content / "zh").glob("*.md")}
    assert after == before


def test_added_paragraph_gets_fresh_id_and_nothing_is_renumbered(seed_path, imported, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(imported, content)
    old = load_plan(content, "zh")
    lab_line = "建设产业技术工程实验室。聚焦防沙治沙"

    def insert_before_lab(lines):
        index = next(i for i, line in enumerate(lines) if line.startswith(lab_line))
        return lines[:index] + ["新增一段关于草原奖补的内容。"] + lines[index:]

    import_text(copy_seed(seed_path, tmp_path, insert_before_lab), content)
    new = load_plan(content, "zh")
    old_ids = {p.id: p.text for p in old.paragraphs}
    new_ids = {p.id: p.text for p in new.paragraphs}
    added = set(new_ids) - set(old_ids)
    assert len(added) == 1
    (fresh,) = added
    assert new_ids[fresh] == "新增一段关于草原奖补的内容。"
    assert fresh.startswith("c3s1p") and fresh not in old_ids
    assert all(new_ids[i] == text for i, text in old_ids.items())
    section = new.chapter(3).sections[1]
    assert [p.id for p in section.paragraphs][:2] == [fresh, "c3s1p1"]


def test_edited_paragraph_keeps_its_id_and_deleted_ids_are_not_reused(seed_path, imported, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(imported, content)

    def edit(lines):
        lines = [line.replace("5.4%", "5.6%") for line in lines]
        # delete the last paragraph of chapter 3, section 1, then add one at the same place
        index = next(i for i, line in enumerate(lines) if line.startswith("推动形成技术转移服务体系。"))
        return lines[:index] + ["推动形成新的成果转化平台。"] + lines[index + 1 :]

    import_text(copy_seed(seed_path, tmp_path, edit), content)
    plan = load_plan(content, "zh")
    _, _, summary = plan.locate("c1s1p1")
    assert "5.6%" in summary.text
    ids = [p.id for p in plan.chapter(3).sections[1].paragraphs]
    assert ids[:2] == ["c3s1p1", "c3s1p2"]
    assert ids[2] == "c3s1p4", "the deleted paragraph's id c3s1p3 must not be reused"


def test_import_refuses_to_overwrite_a_broken_content_file(seed_path, imported, tmp_path):
    from portal.errors import ContentErrors

    content = tmp_path / "content"
    shutil.copytree(imported, content)
    broken = content / "zh" / "05.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("{: #c5s1p1 }", "{: #c5s0p1 }"), encoding="utf-8")
    snapshot = {p: p.read_bytes() for p in (content / "zh").glob("*.md")}
    with pytest.raises(ContentErrors) as caught:
        import_text(seed_path, content)
    assert "05.md" in str(caught.value)
    assert {p: p.read_bytes() for p in (content / "zh").glob("*.md")} == snapshot
