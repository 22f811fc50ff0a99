"""The ASGI application: the API at ``/api/v1`` and, when built, the SPA at ``/``."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from spil.api import API_PREFIX, create_api
from spil.kit.errors import install_handlers, problem_response
from spil.kit.settings import get_settings


def create_app() -> FastAPI:
    settings = get_settings()
    logging.basicConfig(level=settings.log_level.upper())
    app = FastAPI(title="Spil", docs_url=None, redoc_url=None, openapi_url=None)
    install_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["ETag", "Location", "API-Version"],
        )
    api = create_api()
    app.state.api = api
    app.mount(API_PREFIX, api)
    _mount_spa(app, settings.spa_dist)
    return app


def _mount_spa(app: FastAPI, dist: Path) -> None:
    index = dist / "index.html"
    if (dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")

    @app.get("/{path:path}", include_in_schema=False)
    def spa(path: str, request: Request) -> object:
        if path == "api" or path.startswith("api/"):
            return problem_response(request, 404, "There is no resource at this path.")
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and dist.resolve() in candidate.parents:
            return FileResponse(candidate)
        if index.is_file():
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
        return JSONResponse(
            {"detail": "The SPA is not built. Run `make run` (or `npm --prefix frontend run build`)."},
            status_code=404,
        )


app = create_app()
