"""A 1 000-request subset of bench/hostile.py's corpus: no answer may be a server error."""

from __future__ import annotations

import importlib.util

from portal import PROJECT_ROOT


def test_hostile_queries_never_cause_a_server_error(client):
    spec = importlib.util.spec_from_file_location("hostile", PROJECT_ROOT / "bench" / "hostile.py")
    hostile = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hostile)
    corpus = hostile.generate(10_000)[::10]
    assert len(corpus) == 1000
    result = hostile.run(client, corpus)
    assert not any(status >= 500 for status in result["statuses"]), result["statuses"]
    assert result["statuses"].get(200, 0) > 900
