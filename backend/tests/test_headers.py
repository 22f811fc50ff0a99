"""Security headers on every answer of the app, and the request-body timeout under uvicorn."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from spil.kit.settings import get_settings
from spil.main import API_CSP, SPA_CSP, create_app
from tests.conftest import REPO

COMMON = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
}


@pytest.fixture(scope="module")
def plain() -> Iterator[TestClient]:
    """The app without a database: the answers below never reach it."""
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        yield client


def _common(headers: Any) -> None:
    for name, value in COMMON.items():
        assert headers.get(name) == value, name


def test_api_answers_have_the_security_headers(plain):
    for path, status in (("/api/v1/health", 200), ("/api/v1/no-such-thing", 404), ("/api/elsewhere", 404)):
        r = plain.get(path)
        assert r.status_code == status
        _common(r.headers)
        assert r.headers["content-security-policy"] == API_CSP
        assert "strict-transport-security" not in r.headers
    # a header the answer sets itself is not doubled
    assert plain.get("/api/v1/health").headers.get_list("x-content-type-options") == ["nosniff"]


def test_every_api_answer_says_its_version_and_a_nul_in_the_query_is_refused_first(plain):
    """The API's own middleware (pure ASGI since issue 18): API-Version and no-store on every answer,
    the endpoint's own Cache-Control kept, and a NUL character in the query string a 400 that names
    the parameter, before any endpoint sees it."""
    ok = plain.get("/api/v1/health")
    assert ok.headers["api-version"] and ok.headers["cache-control"] == "no-store"
    refused = plain.get("/api/v1/public/schools/12AB00/complaint-routes?group=pa%00rent&x=1")
    assert refused.status_code == 400, refused.text
    assert refused.headers["api-version"] == ok.headers["api-version"]
    assert refused.headers["cache-control"] == "no-store"
    assert refused.headers["content-type"] == "application/problem+json"
    assert [(p["name"], p["code"], p["in"]) for p in refused.json()["invalidParams"]] == [
        ("group", "nul-character", "query")
    ]
    # the security headers of the app around it are there too
    assert refused.headers["x-content-type-options"] == "nosniff"


def test_an_endpoints_own_cache_control_is_kept(client, demo):
    public = client.get("/api/v1/public/schools/12AB00/complaint-routes")
    assert public.status_code == 200, public.text
    assert public.headers.get_list("cache-control") == ["public, max-age=300"]
    assert public.headers["api-version"]


def test_hsts_only_when_the_cookie_is_secure(plain, monkeypatch):
    assert "strict-transport-security" not in plain.get("/api/v1/health").headers
    monkeypatch.setattr(get_settings(), "cookie_secure", True)
    for path in ("/api/v1/health", "/", "/api/v1/docs"):
        hsts = plain.get(path).headers["strict-transport-security"]
        assert hsts == "max-age=31536000; includeSubDomains"


def test_the_openapi_page_may_load_what_it_needs_and_nothing_else(plain):
    r = plain.get("/api/v1/docs")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    _common(r.headers)
    policy = {}
    for part in r.headers["content-security-policy"].split("; "):
        name, _, sources = part.partition(" ")
        policy[name] = sources
    for src in re.findall(r'<script src="([^"]+)"', r.text):
        assert src in policy["script-src"].split()
    inline = re.search(r"<script>(.*?)</script>", r.text, re.S)
    assert inline is not None
    digest = base64.b64encode(hashlib.sha256(inline.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy["script-src"].split()
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    for href in re.findall(r'<link type="text/css" rel="stylesheet" href="([^"]+)"', r.text):
        assert href in policy["style-src"].split()
    assert policy["default-src"] == "'none'" and policy["connect-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    # the document itself is data
    assert plain.get("/api/v1/openapi.json").headers["content-security-policy"] == API_CSP


def test_the_embedded_spa_has_the_csp_of_nginx(tmp_path: Path, monkeypatch):
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text('<!doctype html><script type="module" src="/assets/app.js"></script>')
    (dist / "assets" / "app.js").write_text("console.log('spil')")
    (dist / "favicon.svg").write_text("<svg/>")
    monkeypatch.setattr(get_settings(), "spa_dist", dist)
    with TestClient(create_app()) as client:
        for path in ("/", "/schools/12", "/assets/app.js", "/favicon.svg"):
            r = client.get(path)
            assert r.status_code == 200, path
            _common(r.headers)
            assert r.headers["content-security-policy"] == SPA_CSP
            assert r.headers["cross-origin-opener-policy"] == "same-origin"
            assert "camera=()" in r.headers["permissions-policy"]
        assert client.get("/assets/missing.js").headers["content-security-policy"] == SPA_CSP
        assert client.get("/api/v1/health").headers["content-security-policy"] == API_CSP


def test_the_embedded_spa_serves_its_assets_compressed_cached_and_without_source_maps(tmp_path, monkeypatch):
    """As nginx does in production (issue 16): gzip, a year's cache for the hashed files, no map."""
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(
        '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script>'
    )
    script = "console.log('spil');\n" * 400
    (dist / "assets" / "app-1a2b.js").write_text(script)
    (dist / "assets" / "app-1a2b.js.map").write_text('{"version":3}')
    (dist / "assets" / "logo.png").write_bytes(b"\x89PNG" + b"\0" * 2000)
    monkeypatch.setattr(get_settings(), "spa_dist", dist)
    with TestClient(create_app()) as client:
        r = client.get("/assets/app-1a2b.js", headers={"Accept-Encoding": "gzip"})
        assert r.status_code == 200 and r.text == script  # the client decompressed it
        assert r.headers["content-encoding"] == "gzip" and r.headers["vary"] == "Accept-Encoding"
        assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert r.headers["content-type"].startswith("text/javascript")
        assert int(r.headers["content-length"]) < len(script) / 5
        assert r.headers["content-security-policy"] == SPA_CSP
        raw = client.get("/assets/app-1a2b.js", headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in raw.headers and raw.text == script
        png = client.get("/assets/logo.png", headers={"Accept-Encoding": "gzip"})
        assert png.status_code == 200 and "content-encoding" not in png.headers  # compressed already
        head = client.head("/assets/app-1a2b.js", headers={"Accept-Encoding": "gzip"})
        assert head.status_code == 200 and head.content == b""
        for path in ("/assets/app-1a2b.js.map", "/assets/", "/assets/nothing.js"):
            assert client.get(path).status_code == 404, path
        # a path that climbs out of the assets is no asset (clients normalise it; the server checks)
        from spil.static import CompressedAssets

        assets = CompressedAssets(dist / "assets")
        assert assets._file("../index.html") is None and assets._file("app-1a2b.js") is not None
        assert client.post("/assets/app-1a2b.js").status_code == 405
        # the shell is revalidated every time, so that a deploy is picked up at once
        assert client.get("/").headers["cache-control"] == "no-cache"


def test_nginx_does_not_publish_source_maps():
    conf = (Path(__file__).resolve().parents[2] / "frontend" / "nginx.conf").read_text()
    assert "location ~ \\.map$ {\n        return 404;" in conf
    vite = (Path(__file__).resolve().parents[2] / "frontend" / "vite.config.ts").read_text()
    assert "sourcemap: 'hidden'" in vite


def test_nginx_and_the_embedded_app_send_one_spa_policy():
    conf = (REPO / "frontend" / "nginx.conf").read_text()
    policies = set(re.findall(r"\"(default-src 'self';[^\"]*)\"", conf))
    assert policies == {SPA_CSP}


# --- the body timeout, against uvicorn itself ----------------------------------------------------
def _exchange(
    port: int, request: bytes, *parts: tuple[float, bytes], wait: float = 10
) -> tuple[bytes, float]:
    """Send ``request``, then each ``(pause, bytes)``; read the answer until the server closes
    the connection or ``wait`` seconds pass. The answer and the seconds it took."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        began = time.monotonic()
        sock.sendall(request)
        for pause, data in parts:
            time.sleep(pause)
            sock.sendall(data)
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
                if b"\r\n\r\n" in answer and b"connection: close" not in answer.lower():
                    head, _, body = answer.partition(b"\r\n\r\n")
                    length = re.search(rb"content-length: *(\d+)", head, re.I)
                    if length and len(body) >= int(length.group(1)):
                        break
        except TimeoutError:
            pass
        return answer, time.monotonic() - began


def _login_head(length: int) -> bytes:
    return (
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()


def test_a_body_that_never_arrives_gets_408_and_the_connection_closed(live, monkeypatch):
    monkeypatch.setattr(get_settings(), "body_timeout_seconds", 1.0)
    answer, took = _exchange(live.port, _login_head(1000) + b'{"email": ')
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408"), answer
    assert took < 8  # closed by the server well before the client gave up
    headers = head.decode().lower()
    assert "content-type: application/problem+json" in headers and "connection: close" in headers
    assert "x-content-type-options: nosniff" in headers and "api-version: " in headers
    problem = json.loads(body)
    assert problem["type"] == "urn:spil:problem:request-timeout" and problem["status"] == 408
    assert problem["instance"] == "/api/v1/auth/login"


def test_a_body_that_comes_in_parts_in_time_is_read(live, monkeypatch):
    monkeypatch.setattr(get_settings(), "body_timeout_seconds", 1.0)
    body = json.dumps({"email": "nobody@demo.spil.nl", "password": "wrong-password"}).encode()
    answer, _ = _exchange(live.port, _login_head(len(body)) + body[:10], (0.4, body[10:20]), (0.4, body[20:]))
    assert answer.startswith(b"HTTP/1.1 401"), answer
    # and the server goes on serving
    answer, _ = _exchange(live.port, b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200"), answer
