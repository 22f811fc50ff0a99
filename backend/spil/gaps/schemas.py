"""Shapes of the gaps list."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from spil.kit.schemas import ApiModel


class GapSubject(ApiModel):
    type: str = Field(description="school, partnership, role-assignment, ...")
    id: int
    name: str


class GapOut(ApiModel):
    kind: str = Field(
        description="statutory-role-missing, recommended-role-missing, no-internal-contact, "
        "single-internal-contact, supervisor-without-hours, role-without-hours, expiring, expired, "
        "review-overdue, allowance-rules-missing, allowance-near-limit, allowance-limit-exceeded, "
        "key-person-without-supervisor, route-role-unfilled, placement-without-mentor, "
        "mentor-without-hours, inclusion-action-overdue, inclusion-register-check-missing, "
        "inclusion-track-stalled; later capabilities add more."
    )
    severity: Literal["error", "warning", "info"]
    subject: GapSubject
    message: str
    board_id: int
    school_id: int | None
    school_name: str | None
    details: dict[str, str]


class GapCounts(ApiModel):
    error: int
    warning: int
    info: int


class GapPage(ApiModel):
    items: list[GapOut]
    total: int
    page: int
    page_size: int
    counts: GapCounts = Field(description="All gaps in scope by severity, before the kind/severity filters.")
