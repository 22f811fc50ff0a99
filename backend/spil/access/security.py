"""Passwords (argon2), session tokens, API keys and the keys derived from SPIL_SECRET_KEY."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.profiles import RFC_9106_LOW_MEMORY, Parameters

# Passwords are hashed with argon2id at the RFC 9106 "low memory" profile (the library's
# default: 3 passes over 64 MiB). Only the test suite, which logs in thousands of times, uses
# the cheapest parameters argon2 allows; ``SPIL_ENV=test`` is never production (the settings
# refuse a weak secret outside development, and tests/test_units.py proves the production
# parameters).
PRODUCTION_PARAMETERS = RFC_9106_LOW_MEMORY
TEST_PARAMETERS = Parameters(
    type=Type.ID, version=19, salt_len=16, hash_len=32, time_cost=1, memory_cost=8, parallelism=1
)


def parameters_for(env: str) -> Parameters:
    return TEST_PARAMETERS if env == "test" else PRODUCTION_PARAMETERS


@lru_cache
def _hasher_for(env: str) -> tuple[PasswordHasher, str]:
    """The hasher of an environment and a hash of a random password, verified when the e-mail
    is unknown so that timing does not reveal which accounts exist."""
    hasher = PasswordHasher.from_parameters(parameters_for(env))
    return hasher, hasher.hash(secrets.token_urlsafe(16))


def _hasher() -> tuple[PasswordHasher, str]:
    from spil.kit.settings import get_settings

    return _hasher_for(get_settings().env)


API_KEY_PREFIX = "spil"


def hash_password(password: str) -> str:
    return _hasher()[0].hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    hasher, dummy = _hasher()
    try:
        return hasher.verify(password_hash or dummy, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher()[0].check_needs_rehash(password_hash)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """How API keys are stored: a SHA-256 of a 256-bit random key (no rainbow table reaches it)."""
    return hashlib.sha256(token.encode()).hexdigest()


def session_hash(token: str) -> str:
    """How session tokens are stored: keyed with SPIL_SECRET_KEY, so rotating the secret ends
    every session at once, and a copy of the database alone cannot be matched to cookies."""
    from spil.kit.settings import get_settings

    return hmac.new(get_settings().secret_key.encode(), token.encode(), hashlib.sha256).hexdigest()


def new_api_key() -> tuple[str, str, str]:
    """Return ``(key, prefix, hash)``: the key is shown once; we keep the prefix and the hash."""
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    key = f"{API_KEY_PREFIX}_{prefix}_{secret}"
    return key, prefix, token_hash(key)


def is_api_key(credential: str) -> bool:
    """Whether a bearer credential is an API key (``spil_...``) rather than an OAuth access token
    (a JWT, which starts with ``eyJ``)."""
    return credential.startswith(f"{API_KEY_PREFIX}_")


def derived_key(purpose: str, secret_key: str | None = None) -> bytes:
    """A 256-bit key for one purpose (``oauth-access-token``), derived from SPIL_SECRET_KEY with
    HMAC-SHA256: each purpose has a key of its own, and rotating the secret changes them all."""
    if secret_key is None:
        from spil.kit.settings import get_settings

        secret_key = get_settings().secret_key
    return hmac.new(secret_key.encode(), f"spil:{purpose}".encode(), hashlib.sha256).digest()


def split_api_key(key: str) -> str | None:
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != API_KEY_PREFIX or len(parts[1]) != 12:
        return None
    return parts[1]


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
