"""Interface catalogs: every string in the code and templates is in each catalog, translated."""

from __future__ import annotations

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from portal import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "translations"


def interface_strings() -> set[str]:
    method_map = [("portal/**.py", "python"), ("portal/templates/**.html", "jinja2")]
    keywords = {**DEFAULT_KEYWORDS, "translate_in": (2,)}  # as in `make catalogs`
    found = extract_from_dir(
        PROJECT_ROOT, method_map=method_map, keywords=keywords, options_map={"portal/templates/**.html": {}}
    )
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def catalog(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def test_interface_strings_were_found():
    strings = interface_strings()
    assert "Plan home" in strings and "Link to paragraph %(id)s" in strings


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_catalog_translates_every_interface_string(lang):
    messages = {m.id: m for m in catalog(lang) if m.id}
    missing = interface_strings() - set(messages)
    assert not missing, f"not in translations/{lang}: {sorted(missing)}"
    untranslated = [m.id for m in messages.values() if not m.string or m.fuzzy]
    assert not untranslated, f"untranslated or fuzzy in translations/{lang}: {untranslated}"


def test_mongolian_catalog_is_in_traditional_script():
    from portal.text.mongolian import MONGOLIAN_LETTERS

    for message in catalog("mn"):
        if message.id:
            assert MONGOLIAN_LETTERS.search(message.string), message.id
            assert not any("\u0400" <= ch <= "\u04ff" for ch in message.string), message.id
            assert "\u183a" not in message.string, f"KA (a loanword letter) in {message.id!r}: native k is QA"


def test_locale_follows_the_url_prefix(client):
    assert "跳到正文" in client.get("/zh/").get_data(as_text=True)
