"""The password rules (NIST SP 800-63B §5.1.1.2): long enough, long passwords and passphrases
welcome, no composition rules, and none of the passwords everyone uses (a list shipped as data,
``data/common-passwords.txt``), nor one that is a single character repeated."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MIN_LENGTH = 10
MAX_LENGTH = 200  # NIST: allow at least 64

COMMON_MESSAGE = "This password is one of the most used ones; choose another."


@lru_cache
def common_passwords() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "common-passwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def check_new_password(value: str) -> str:
    """Pydantic after-validator of every new password."""
    if value.lower() in common_passwords() or len(set(value)) == 1:
        raise ValueError(COMMON_MESSAGE)
    return value
