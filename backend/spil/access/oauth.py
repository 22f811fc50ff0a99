"""OAuth 2.0 client credentials (RFC 6749 §4.4) for systems: the token endpoint and its tokens.

The registered OAuth client is an API client (``ApiClient``): its ``client_id`` is the key's public
prefix (``keyPrefix``, the twelve hex digits in ``spil_<prefix>_...``), its ``client_secret`` the API
key itself, shown once when it was made and kept as a hash. Nothing new is stored.

- ``POST /oauth/token`` is authlib's ``AuthorizationServer`` with its ``ClientCredentialsGrant``
  (client authentication by HTTP Basic or by ``client_id``/``client_secret`` in the form, the
  RFC 6749 §5.1 answer and the §5.2 errors in OAuth's own JSON format), adapted to FastAPI here.
- The access token is a JWT (RFC 9068, ``typ: at+jwt``) signed with HS256 by joserfc (authlib's
  JOSE library) with a key derived from ``SPIL_SECRET_KEY``. It lives ``SPIL_OAUTH_TOKEN_MINUTES``.
  ``spil.access.service`` reads it on every request and looks its client up (one indexed
  lookup), so a revoked client's tokens stop working at once.

docs/decisions/0014-oauth-client-credentials.md explains the choices.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, get_args
from urllib.parse import parse_qsl

from authlib.oauth2.rfc6749 import AuthorizationServer, ClientMixin, OAuth2Request
from authlib.oauth2.rfc6749.errors import (
    InvalidClientError,
    InvalidRequestError,
    InvalidScopeError,
    OAuth2Error,
)
from authlib.oauth2.rfc6749.grants import ClientCredentialsGrant
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload
from authlib.oauth2.rfc6749.util import extract_basic_authorization, scope_to_list
from fastapi import Request
from joserfc import jwt
from joserfc.errors import ExpiredTokenError, JoseError
from joserfc.jwk import OctKey
from sqlmodel import Session, select
from starlette.responses import JSONResponse, Response

from spil.access.models import ApiClient
from spil.access.schemas import ScopeName
from spil.access.security import derived_key, same, split_api_key, token_hash
from spil.kit import clock, openapi, ratelimit
from spil.kit.settings import get_settings

TOKEN_PATH = "/oauth/token"
TOKEN_URL = "/api/v1" + TOKEN_PATH
GRANT_TYPE = "client_credentials"
AUTH_METHODS = ("client_secret_basic", "client_secret_post")
ISSUER = "urn:spil"
AUDIENCE = "urn:spil:api:v1"
ALGORITHM = "HS256"
JWT_TYPE = "at+jwt"  # RFC 9068 §2.1
# Tokens are checked by every API process; their clocks may differ by a little.
LEEWAY_SECONDS = 30
MAX_BODY_BYTES = 4096
CLIENT_ID = re.compile(r"[0-9a-f]{12}")
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"

# authlib logs issued tokens at debug level; an access token is a credential and never logged.
logging.getLogger("authlib.oauth2.rfc6749.grants.client_credentials").setLevel(logging.INFO)

# --- scopes: the API clients' scopes, documented for the oauth2 security scheme ------------------
_AREAS = {
    "organisations": "regions, municipalities, boards and schools",
    "partners": "partners, partnerships, their contacts and bottlenecks",
    "people": "people, role types and role assignments",
    "key-persons": "key persons' agreements, allowance payments and activities",
    "indicators": "indicators, measurements and targets",
    "inclusion": "inclusion tracks, placements and the employer service points",
    "sync": "sync runs from school administration systems and their role-name mappings",
    "audit": "the audit trail",
}
SCOPES: tuple[str, ...] = get_args(ScopeName)


def _describe(scope: str) -> str:
    area, _, access = scope.partition(":")
    what = _AREAS.get(area, area)
    if access == "write":
        return f"Create, change and delete {what} (implies `{area}:read`)."
    return f"Read {what}."


openapi.document_oauth2_client_credentials(
    token_url=TOKEN_URL,
    scopes={scope: _describe(scope) for scope in SCOPES},
    description="OAuth 2.0 client credentials (RFC 6749 §4.4) for systems. `POST` "
    "`grant_type=client_credentials` (and optionally `scope`, space-separated, a subset of the API "
    "client's scopes; by default all of them), form-encoded, to the token URL, authenticated with "
    "HTTP Basic (preferred) or `client_id` and `client_secret` in the form: the `client_id` is the "
    "API client's `keyPrefix`, the `client_secret` its API key. The answer is RFC 6749's "
    "(`access_token`, `token_type`, `expires_in`, `scope`; errors as `error` and "
    "`error_description`, not problem details); send the token as `Authorization: Bearer <token>` "
    "until it expires, then ask for a new one. Revoking the API client ends its tokens at once.",
)


# --- access tokens ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class AccessToken:
    """What a valid access token says: whose it is, for which scopes, until when."""

    client_id: str
    scopes: frozenset[str]
    token_id: str
    expires_at: dt.datetime


class InvalidAccessToken(Exception):
    """The token is malformed, not ours, or expired; the message says which, for the caller."""


@lru_cache(maxsize=4)
def _key_for(secret_key: str) -> OctKey:
    return OctKey.import_key(derived_key("oauth-access-token", secret_key))


def _signing_key() -> OctKey:
    return _key_for(get_settings().secret_key)


def _now() -> int:
    return int(clock.now().timestamp())


def issue_access_token(client: ApiClient, scopes: Iterable[str]) -> tuple[str, int]:
    """A signed access token for ``client`` with ``scopes``, and its lifetime in seconds."""
    lifetime = get_settings().oauth_token_minutes * 60
    issued_at = _now()
    claims = {
        "iss": ISSUER,
        "sub": client.key_prefix,
        "aud": AUDIENCE,
        "client_id": client.key_prefix,
        "iat": issued_at,
        "exp": issued_at + lifetime,
        "scope": " ".join(scopes),
        "jti": secrets.token_urlsafe(16),
    }
    token = jwt.encode({"alg": ALGORITHM, "typ": JWT_TYPE}, claims, _signing_key(), algorithms=[ALGORITHM])
    return token, lifetime


_CLAIMS = jwt.JWTClaimsRegistry(
    now=_now,
    leeway=LEEWAY_SECONDS,
    iss={"essential": True, "value": ISSUER},
    aud={"essential": True, "value": AUDIENCE},
    sub={"essential": True},
    exp={"essential": True},
    iat={"essential": True},
    jti={"essential": True},
    scope={"essential": True, "allow_blank": True},
)


def read_access_token(token: str) -> AccessToken:
    """The claims of a token this installation issued and that has not expired; otherwise
    ``InvalidAccessToken``. Whether its client still exists and is not revoked is the caller's
    check (``spil.access.service``)."""
    try:
        decoded = jwt.decode(token, _signing_key(), algorithms=[ALGORITHM])
    except (JoseError, ValueError, TypeError) as exc:
        raise InvalidAccessToken("The access token is malformed or was not issued here.") from exc
    if decoded.header.get("typ") != JWT_TYPE:
        raise InvalidAccessToken("This is not an access token of this API.")
    claims = decoded.claims
    try:
        _CLAIMS.validate(claims)
    except ExpiredTokenError as exc:
        raise InvalidAccessToken("The access token has expired. Ask for a new one.") from exc
    except JoseError as exc:
        raise InvalidAccessToken("The access token is not valid for this API.") from exc
    scope, subject = claims["scope"], claims["sub"]
    if not isinstance(scope, str) or not CLIENT_ID.fullmatch(subject):
        raise InvalidAccessToken("The access token is not valid for this API.")
    return AccessToken(
        client_id=subject,
        scopes=frozenset(scope.split()),
        token_id=str(claims["jti"]),
        expires_at=dt.datetime.fromtimestamp(claims["exp"], dt.UTC),
    )


# --- the token endpoint: authlib's authorization server, adapted to FastAPI -------------------
class _Client(ClientMixin):
    """An API client as authlib's OAuth client: confidential, client credentials only."""

    def __init__(self, row: ApiClient) -> None:
        self.row = row

    def get_client_id(self) -> str:
        return self.row.key_prefix

    def get_default_redirect_uri(self) -> None:
        return None

    def get_allowed_scope(self, scope: str) -> str:
        return " ".join(s for s in scope_to_list(scope) or [] if s in self.row.scopes)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return False

    def check_client_secret(self, client_secret: str) -> bool:
        # The secret is the API key; its prefix names this very client (an access token, or
        # another client's key, is no secret of this one).
        return split_api_key(client_secret) == self.row.key_prefix and same(
            self.row.key_hash, token_hash(client_secret)
        )

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return endpoint == "token" and method in AUTH_METHODS

    def check_response_type(self, response_type: str) -> bool:
        return False

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == GRANT_TYPE


class _TokenRequest(OAuth2Request):
    def __init__(self, headers: Any, form: dict[str, str]) -> None:
        # authlib refuses an http:// request URI. Spil sits behind a proxy that ends TLS (nginx,
        # or a load balancer in front of it) and sees plain HTTP even when the client used HTTPS,
        # so the transport is not judged here (as for the login, whose password is as secret).
        super().__init__("POST", "https://spil.invalid" + TOKEN_URL, headers=headers)
        self.payload = BasicOAuth2Payload(form)
        self._form = form

    @property
    def form(self) -> dict[str, str]:
        return self._form


class _ClientCredentials(ClientCredentialsGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = list(AUTH_METHODS)

    def validate_requested_scope(self) -> None:
        """RFC 6749 §3.3: the requested scope must be a subset of the client's scopes."""
        requested = set(scope_to_list(self.request.payload.scope) or [])
        if not requested <= set(self.request.client.row.scopes):
            raise InvalidScopeError(
                "A requested scope is unknown or not one of this client's scopes; "
                "leave scope out to get all of them."
            )


class _Server(AuthorizationServer):
    def __init__(self, session: Session) -> None:
        super().__init__(scopes_supported=list(SCOPES))
        self.session = session
        self.register_grant(_ClientCredentials)
        self.register_token_generator("default", self._generate_token)

    def query_client(self, client_id: str) -> _Client | None:
        if not isinstance(client_id, str) or not CLIENT_ID.fullmatch(client_id):
            return None
        row = self.session.exec(select(ApiClient).where(ApiClient.key_prefix == client_id)).first()
        return _Client(row) if row is not None and row.revoked_at is None else None

    def validate_requested_scope(self, scope: str | None) -> None:
        return None  # the grant checks against the client's own scopes

    def _generate_token(
        self,
        grant_type: str,
        client: _Client,
        user: Any = None,
        scope: str | None = None,
        expires_in: int | None = None,
        include_refresh_token: bool = False,
    ) -> dict[str, Any]:
        requested = list(dict.fromkeys(scope_to_list(scope) or []))
        granted = requested or list(client.row.scopes)
        token, lifetime = issue_access_token(client.row, granted)
        return {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": lifetime,
            "scope": " ".join(granted),
        }

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        # Self-contained tokens: nothing to store. Asking for one is using the client.
        request.client.row.last_used_at = clock.now()

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        return None

    def create_oauth2_request(self, request: Any) -> OAuth2Request:
        assert isinstance(request, OAuth2Request)
        return request

    def handle_response(self, status: int, body: Any, headers: list[tuple[str, str]]) -> Response:
        extra = {k: v for k, v in headers if k.lower() != "content-type"}
        return JSONResponse(body, status_code=status, headers=extra)

    def handle_error_response(self, request: Any, error: OAuth2Error) -> Response:
        if isinstance(error, InvalidClientError):
            # One answer for an unknown, revoked or wrong client, however it authenticated: 401
            # with ``WWW-Authenticate: Basic`` (RFC 6749 §5.2), telling nothing about which.
            error.status_code = 401
            error.description = (
                "Client authentication failed: send the client_id and client_secret of an API "
                "client that is not revoked, with HTTP Basic or in the form."
            )
        return super().handle_error_response(request, error)


def _form(content_type: str, body: bytes) -> dict[str, str]:
    """The parameters of a token request (RFC 6749 §4.4.2 and §3.2), or ``invalid_request``."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type != FORM_MEDIA_TYPE:
        raise InvalidRequestError(f"Send the parameters form-encoded ({FORM_MEDIA_TYPE}).")
    if len(body) > MAX_BODY_BYTES:
        raise InvalidRequestError("The request is too large.")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidRequestError("The form is not valid form-encoded UTF-8.") from exc
    names = [name for name, _ in pairs]
    if len(names) != len(set(names)):
        raise InvalidRequestError("A parameter is sent more than once.")
    for name, value in pairs:
        if any(unicodedata.category(c) == "Cc" for c in name + value):
            raise InvalidRequestError("A parameter contains a control character.")
    form = dict(pairs)
    if not form.get("grant_type"):
        raise InvalidRequestError("The grant_type parameter is missing: send grant_type=client_credentials.")
    return form


def _basic_client_id(request: Request) -> str | None:
    """The client_id of HTTP Basic credentials, if sent; ``invalid_client`` if they do not decode."""
    try:
        client_id, _ = extract_basic_authorization(request.headers)
    except ValueError as exc:  # not UTF-8 (authlib catches only bad base64)
        raise InvalidClientError() from exc
    return client_id or None


def token_response(request: Request, session: Session, body: bytes) -> Response:
    """Answer a token request: an access token for a registered client, or an OAuth error."""
    settings = get_settings()
    detail = "Too many token requests. Wait a minute and try again."
    ratelimit.hit(settings.login_rate_limit, "oauth-ip", ratelimit.client_ip(request), detail=detail)
    server = _Server(session)
    try:
        form = _form(request.headers.get("content-type", ""), body)
        basic_id = _basic_client_id(request)
        if client_id := basic_id or form.get("client_id"):
            ratelimit.hit(settings.login_rate_limit, "oauth-client", client_id[:64], detail=detail)
        if basic_id and ("client_secret" in form or form.get("client_id", basic_id) != basic_id):
            # RFC 6749 §2.3: one way of authenticating per request.
            raise InvalidRequestError("Authenticate with HTTP Basic or with the form parameters, not both.")
    except OAuth2Error as error:
        return server.handle_error_response(None, error)
    return server.create_token_response(_TokenRequest(request.headers, form))
