"""Interface catalogs: every string in the code and templates is in each catalog, translated."""

from __future__ import annotations

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from portal import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "translations"


def interface_strings() -> set[str]:
    method_map = [("portal/**.py", "python"), ("portal/templates/**.html", "jinja2")]
    found = extract_from_dir(PROJECT_ROOT, method_map=method_map, options_map={"portal/templates/**.html": {}})
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def catalog(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def test_interface_strings_were_found():
    strings = interface_strings()
    assert "Plan home" in strings and "Link to paragraph %(id)s" in strings


@pytest.mark.parametrize("lang", ["zh"])
def test_catalog_translates_every_interface_string(lang):
    messages = {m.id: m for m in catalog(lang) if m.id}
    missing = interface_strings() - set(messages)
    assert not missing, f"not in translations/{lang}: {sorted(missing)}"
    untranslated = [m.id for m in messages.values() if not m.string or m.fuzzy]
    assert not untranslated, f"untranslated or fuzzy in translations/{lang}: {untranslated}"


def test_mongolian_catalog_exists():
    assert {m.id for m in catalog("mn") if m.id} >= interface_strings()


def test_locale_follows_the_url_prefix(client):
    assert "跳到正文" in client.get("/zh/").get_data(as_text=True)
