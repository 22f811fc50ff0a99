"""Gaps are first-class: each rule looks at the registry and yields what is missing or at risk.

A rule is a function ``(session, scope) -> Iterable[Gap]`` registered with ``@rule`` in the
module of the capability it belongs to (``<feature>/gaps.py``, decision record 0006); the
registry lives in the kit so that a feature registers its rules without importing the gaps
list, which imports them all (``spil.gaps.service.RULE_MODULES``) to serve ``GET /gaps``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from sqlmodel import Session

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
EXPIRY_WINDOW_DAYS = 60


@dataclass(frozen=True)
class Gap:
    kind: str
    severity: Severity
    subject_type: str
    subject_id: int
    subject_name: str
    message: str
    board_id: int
    school_id: int | None = None
    school_name: str | None = None
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class GapScope:
    """Which schools and boards to look at (already limited to the caller's scope). The ids are
    resolved once, so that every rule filters on a plain list instead of repeating the scope's
    subqueries (which PostgreSQL planned badly at national scale; docs/performance.md)."""

    school_ids: tuple[int, ...]
    board_ids: tuple[int, ...]
    today: dt.date

    @classmethod
    def of(cls, school_ids: Iterable[int], board_ids: Iterable[int], today: dt.date) -> GapScope:
        return cls(tuple(sorted(set(school_ids))), tuple(sorted(set(board_ids))), today)


GapRule = Callable[[Session, GapScope], Iterable[Gap]]
RULES: list[GapRule] = []


def rule(fn: GapRule) -> GapRule:
    RULES.append(fn)
    return fn


def collect(session: Session, scope: GapScope) -> list[Gap]:
    gaps = [gap for fn in RULES for gap in fn(session, scope)]
    gaps.sort(
        key=lambda g: (
            SEVERITY_ORDER[g.severity],
            g.school_name or "",
            g.kind,
            g.subject_name,
            g.subject_type,
            g.subject_id,
        )
    )
    return gaps
