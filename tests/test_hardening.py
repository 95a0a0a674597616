"""Hostile clients and concurrency: the production server and the live search under load."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import FIXTURES

from portal import PROJECT_ROOT, create_app

PORTAL = Path(sys.executable).parent / "portal"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float) -> int:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        response.read()
        return response.status


@pytest.fixture(scope="module")
def production_server():
    port = _free_port()
    server = subprocess.Popen(
        [str(PORTAL), "serve", "--production", "--port", str(port), "--workers", "2"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            _get(base + "/zh/", 1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.kill()
        pytest.fail("portal serve --production did not start: " + server.stderr.read().decode()[-2000:])
    yield base
    server.terminate()
    server.wait(timeout=30)


def test_idle_and_half_sent_requests_do_not_stall_the_production_server(production_server):
    """50 clients that open a connection and send part of a request, then nothing: the other
    readers still get their pages. (With one request per worker process, as before, every
    request here waited until gunicorn killed the stalled workers 30 s later.)"""
    port = int(production_server.rsplit(":", 1)[1])
    idle = []
    try:
        for i in range(50):
            sock = socket.create_connection(("127.0.0.1", port))
            if i % 2:
                sock.sendall(b"GET /zh/ HTTP/1.1\r\n")  # a request line, no headers
            idle.append(sock)
        time.sleep(0.5)
        paths = ["/zh/", "/mn/4/", "/api/search?q=%E7%A6%81%E7%89%A7", "/mn/search/?q=temege", "/zh/glossary/"]
        # The timeout bounds a stalled answer; it is not a speed target (bench/load.py has those).
        assert [_get(production_server + path, timeout=10) for path in paths] == [200] * len(paths)
    finally:
        for sock in idle:
            sock.close()


def test_the_production_server_answers_one_request_per_connection(production_server):
    """Each answer closes its connection, so the next request goes to whichever worker is free
    rather than to the worker that happens to hold the connection."""
    answer = _raw(production_server, b"GET /zh/ HTTP/1.1\r\nHost: x\r\n\r\nGET /mn/ HTTP/1.1\r\nHost: x\r\n\r\n")
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    assert head.startswith("HTTP/1.1 200") and "Connection: close" in head, head
    assert answer.count(b"HTTP/1.1 200") == 1


@pytest.mark.slow  # hundreds of searches from many threads
def test_concurrent_searches_give_the_same_answers_as_one_at_a_time():
    """The dev server answers from threads: eight at once must not share a searcher."""
    app = create_app({"CONTENT_DIR": str(PROJECT_ROOT / "content"), "WATCH_CONTENT": False})
    lines = (FIXTURES / "search-queries.txt").read_text(encoding="utf-8").splitlines()
    queries = [q for q in lines if q and not q.startswith("#")] * 25

    def answer(query):
        with app.test_client() as client:
            response = client.get("/api/search", query_string={"q": query, "limit": 100})
            return response.status_code, [r["id"] + r["lang"] for r in response.get_json()["results"]]

    alone = {q: answer(q) for q in set(queries)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(answer, queries))
    assert together == [alone[q] for q in queries]
    assert all(status == 200 for status, _ in together)


def test_index_spill_files_go_to_a_folder_of_their_own():
    from portal.search.index import _PrivateRamStorage

    first, second = _PrivateRamStorage().temp_storage("MAIN.tmp"), _PrivateRamStorage().temp_storage("MAIN.tmp")
    try:
        assert first.folder != second.folder
    finally:
        first.destroy()
        second.destroy()


def _raw(base: str, request: bytes) -> bytes:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        # Just over gunicorn's limits, and all read at once: a longer request is cut off unread,
        # and the kernel's reset can then drop the answer before the client reads it.
        (b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", b"414"),
        (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(120)) + b"\r\n", b"431"),
        (b"\x16\x03\x01 not http at all\r\n\r\n", b"400"),
    ],
    ids=["uri-too-long", "header-too-large", "not-http"],
)
def test_answers_the_server_makes_itself_carry_the_security_headers(production_server, request_bytes, status):
    answer = _raw(production_server, request_bytes)
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    assert head.split(" ")[1] == status.decode(), head
    for name in ("Content-Security-Policy", "X-Content-Type-Options: nosniff", "X-Frame-Options: DENY"):
        assert name in head, head


@pytest.fixture(scope="module")
def https_client():
    app = create_app({"CONTENT_DIR": str(FIXTURES / "small"), "SITE_URL": "https://plan.example.org"})
    return app.test_client()


def test_redirects_never_use_the_clients_host(https_client):
    response = https_client.get("/zh", headers={"Host": "evil.example"})
    assert response.status_code == 308 and response.headers["Location"] == "/zh/"
    response = https_client.get("/zh/1", query_string={"a": "b"}, headers={"Host": "evil.example"})
    assert response.headers["Location"] == "/zh/1/?a=b"


def test_a_wrong_method_gets_allow_and_a_polite_page_with_headers(https_client):
    response = https_client.post("/zh/1/")
    assert response.status_code == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "HEAD"}
    page = response.get_data(as_text=True)
    assert "只接受阅读网页的请求" in page and "404" not in page.split("<main", 1)[-1][:200]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_hsts_only_when_the_site_address_is_https(https_client):
    assert https_client.get("/zh/").headers["Strict-Transport-Security"] == "max-age=31536000"
    plain = create_app({"CONTENT_DIR": str(FIXTURES / "small")}).test_client()
    assert "Strict-Transport-Security" not in plain.get("/zh/").headers
