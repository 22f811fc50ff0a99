"""Settings, read from the environment with the ``SPIL_`` prefix (and an optional ``.env``).

.env.example describes every setting for a deployment. The process settings of uvicorn in the
containers (``SPIL_WORKERS``, ``SPIL_FORWARDED_ALLOW_IPS``: the proxies whose ``X-Forwarded-For``
is believed, by default only 127.0.0.1) are read by backend/docker-entrypoint.sh, not here.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SECRET = "change-me-development-only"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="SPIL_", env_file=".env", extra="ignore", env_ignore_empty=True
    )

    env: Literal["development", "test", "production"] = "development"
    database_url: str = f"sqlite:///{REPO_ROOT / 'var' / 'spil.sqlite3'}"
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key: str = DEFAULT_SECRET
    cookie_secure: bool = False
    session_hours: int = 12
    # How long an OAuth access token (``POST /api/v1/oauth/token``, client credentials) is valid.
    oauth_token_minutes: int = Field(10, ge=1, le=60)
    demo_password: str = "spil-demo"
    # Where the rate limiter counts (spil.kit.ratelimit): ``database`` keeps the counters in
    # PostgreSQL, shared by every worker and container (on SQLite, one process, in memory); or a
    # ``limits`` storage URI: ``memory://`` (per process), ``redis://host:6379``.
    rate_limit_storage: str = "database"
    login_rate_limit: str = "10/minute"
    public_rate_limit: str = "120/minute"
    log_level: str = "info"
    cors_origins: list[str] = []
    spa_dist: Path = REPO_ROOT / "frontend" / "dist"
    # How long the API waits for the next piece of a request's body (read per request) before it
    # answers 408 and closes the connection: a client that announces a body and never sends it
    # does not hold a connection. Behind nginx, nginx's own client_body_timeout comes first.
    body_timeout_seconds: float = Field(10.0, gt=0)
    confidential_retention_years: int = 5
    # SQLite: how long a writing request waits for the write lock before it answers 503.
    sqlite_lock_timeout: float = 15.0
    # A snapshot sync that would end more than this share of a source's people or assignments
    # stops and asks for confirmLargeRemoval=true (an empty export is the classic accident).
    sync_max_removal_share: float = Field(default=0.2, ge=0, le=1)
    # Pins the product's clock (``spil.kit.clock``): a date (``2027-02-28``) or a local time
    # (``2026-12-31T23:40``, Europe/Amsterdam). Development and tests only.
    today: dt.datetime | None = None
    # Where the links in mails point: the address people open Spil at (no trailing slash).
    public_url: str = "http://127.0.0.1:8000"
    # Outgoing mail (spil.kit.mail). Without a host, mails are written to the log instead of sent
    # (development); the outbox keeps them either way. ``smtp_tls``: ``starttls`` (port 587),
    # ``ssl`` (implicit TLS, port 465) or ``none`` (a local relay or mail catcher only).
    smtp_host: str | None = None
    smtp_port: int = Field(587, ge=1, le=65535)
    smtp_tls: Literal["starttls", "ssl", "none"] = "starttls"
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_timeout_seconds: float = Field(15.0, gt=0)
    mail_from: str = "Spil <noreply@spil.example>"
    # How often a mail is tried before it is given up (the wait doubles after each failure,
    # from one minute up to six hours).
    mail_max_attempts: int = Field(12, ge=1, le=100)
    password_reset_rate_limit: str = "5/hour"
    # Two-factor login (TOTP) for platform and board administrators: ``required`` (they are asked
    # to set it up at their next login, and can do nothing else until then) or ``optional``. The
    # demo stack and the test suite run ``optional``: demo accounts share a known password and
    # guard nothing (docs/decisions/0022-two-factor-login.md).
    two_factor_for_admins: Literal["required", "optional"] = "required"

    @field_validator("database_url")
    @classmethod
    def _normalise_url(cls, value: str) -> str:
        # Accept the plain URLs that hosting platforms hand out; we always talk psycopg 3.
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @field_validator("today", mode="before")
    @classmethod
    def _parse_today(cls, value: object) -> object:
        if value is None or value == "":
            return None
        from spil.kit.clock import parse_instant

        if isinstance(value, str | dt.date):
            try:
                return parse_instant(value)
            except ValueError as exc:
                raise ValueError(
                    "SPIL_TODAY must be a date (2027-02-28) or a local time (2026-12-31T23:40)"
                ) from exc
        return value

    @model_validator(mode="after")
    def _refuse_pinned_clock_in_production(self) -> Settings:
        if self.env == "production" and self.today is not None:
            raise ValueError(
                "SPIL_TODAY pins the clock for development and tests; it is refused in production"
            )
        return self

    @model_validator(mode="after")
    def _refuse_default_secrets(self) -> Settings:
        weak = self.secret_key == DEFAULT_SECRET or len(self.secret_key) < 32
        if self.env != "development" and weak:
            raise ValueError(
                "SPIL_SECRET_KEY must be set to a random value of at least 32 characters "
                f"when SPIL_ENV={self.env}"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
