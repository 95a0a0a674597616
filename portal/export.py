"""Open data: the plan as JSON, in the format promised in README (keep it stable).

Built from the Plan model, so the JSON holds exactly what the pages show.
"""

from __future__ import annotations

from .model import Plan


def plan_document(plan: Plan) -> dict:
    return {
        "lang": plan.lang,
        "edition": plan.edition,
        "title": plan.title,
        "chapters": [
            {
                "number": chapter.number,
                "title": chapter.title,
                "sections": [
                    {
                        "number": section.number,
                        "title": section.title,
                        "paragraphs": [{"id": p.id, "text": p.text} for p in section.paragraphs],
                    }
                    for section in chapter.sections
                ],
            }
            for chapter in plan.chapters
        ],
    }
