"""Data files for the browser (search index, term definitions, filter words) are scripts that
call a function with their data, not JSON: a page opened from file:// may load a script but
not fetch a file."""

from __future__ import annotations

import json

from flask import Response


def as_script(data, callback: str = "portalSearchData") -> str:
    return callback + "(" + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ");\n"


def script_response(data, callback: str = "portalSearchData") -> Response:
    return Response(as_script(data, callback), mimetype="text/javascript")


def json_response(data, indent: int | None = 1) -> Response:
    return Response(json.dumps(data, ensure_ascii=False, indent=indent), mimetype="application/json")
