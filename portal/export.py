"""Open data: the plan as JSON, in the format promised in README (keep it stable).

Built from the Plan model, so the JSON holds exactly what the pages show.
"""

from __future__ import annotations

from .model import Paragraph, Plan


def _paragraph(paragraph: Paragraph) -> dict:
    if paragraph.status is None:  # the Chinese source text
        return {"id": paragraph.id, "text": paragraph.text}
    # An untranslated paragraph has no text in this language: null, never the Chinese.
    text = None if paragraph.status == "missing" else paragraph.text
    return {"id": paragraph.id, "text": text, "status": paragraph.status}


def plan_document(plan: Plan) -> dict:
    return {
        "lang": plan.lang,
        "edition": plan.edition,
        "title": plan.title if plan.title_lang == plan.lang else None,
        "chapters": [
            {
                "number": chapter.number,
                "title": chapter.title if chapter.title_lang == plan.lang else None,
                "sections": [
                    {
                        "number": section.number,
                        "title": section.title if section.title_lang == plan.lang else None,
                        "paragraphs": [_paragraph(p) for p in section.paragraphs],
                    }
                    for section in chapter.sections
                ],
            }
            for chapter in plan.chapters
        ],
    }
