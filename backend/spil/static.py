"""The built SPA's hashed assets in the embedded mode (``make run``: one port, no nginx), served
as nginx serves them in production: gzip-compressed for clients that accept it, cached for a
year (a file's name changes with its content), and never a source map.

Each file is compressed once, on its first request, and kept in memory with its modification
time; the SPA's assets are a few hundred kilobytes.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from pathlib import Path

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send

LONG_CACHE = "public, max-age=31536000, immutable"
# Worth compressing: text; images and fonts are compressed already.
COMPRESSIBLE = (".js", ".mjs", ".css", ".html", ".svg", ".json", ".txt", ".webmanifest")
MIN_SIZE = 1024


class CompressedAssets:
    """An ASGI app for ``/assets``: ``GET``/``HEAD`` of the files in ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory.resolve()
        self._cache: dict[Path, tuple[float, bytes]] = {}
        self._lock = threading.Lock()

    def _file(self, path: str) -> Path | None:
        name = path.lstrip("/")
        if not name or name.endswith(".map"):
            return None  # source maps are not published
        candidate = (self.directory / name).resolve()
        if self.directory not in candidate.parents or not candidate.is_file():
            return None
        return candidate

    def _compressed(self, file: Path) -> bytes:
        mtime = file.stat().st_mtime
        with self._lock:
            cached = self._cache.get(file)
            if cached and cached[0] == mtime:
                return cached[1]
        body = gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)
        with self._lock:
            self._cache[file] = (mtime, body)
        return body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert scope["type"] == "http"
        method = scope["method"]
        if method not in ("GET", "HEAD"):
            await PlainTextResponse("Method Not Allowed", 405, headers={"Allow": "GET, HEAD"})(
                scope, receive, send
            )
            return
        # mounted: the path still starts with the mount point, which ``root_path`` holds
        path, root = scope.get("path", ""), scope.get("root_path", "")
        file = self._file(path[len(root) :] if root and path.startswith(root) else path)
        if file is None:
            await PlainTextResponse("Not Found", 404)(scope, receive, send)
            return
        media_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        headers = {"Cache-Control": LONG_CACHE, "Vary": "Accept-Encoding"}
        accepts = Headers(scope=scope).get("accept-encoding", "")
        if file.suffix in COMPRESSIBLE and file.stat().st_size >= MIN_SIZE and "gzip" in accepts.lower():
            body = self._compressed(file)
            headers["Content-Encoding"] = "gzip"
        else:
            body = file.read_bytes()
        response = Response(b"" if method == "HEAD" else body, media_type=media_type, headers=headers)
        if method == "HEAD":
            response.headers["Content-Length"] = str(len(body))
        await response(scope, receive, send)
