"""The confidential counsellor's case register: counsellors only, deleted after the retention
period (a metadata log remains), and an annual report with small numbers suppressed."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.complaints.models import (
    AREAS,
    GROUPS,
    ComplaintRoute,
    ComplaintRouteStep,
    ConfidentialCase,
    ConfidentialCaseDeletion,
)
from spil.complaints.schemas import CaseCreate, CaseOut, CaseReport, CaseUpdate
from spil.kit import audit, clock, scope
from spil.kit.audit import AuditEvent
from spil.kit.crud import apply_patch
from spil.kit.errors import invalid, not_found
from spil.kit.pagination import Page, PageParams, paginate
from spil.kit.policy import Capability, Principal
from spil.kit.settings import get_settings
from spil.organisations.models import School

SMALL = 5


def _years() -> int:
    return get_settings().confidential_retention_years


def delete_after(closed_on: dt.date | None) -> dt.date | None:
    if closed_on is None:
        return None
    try:
        return closed_on.replace(year=closed_on.year + _years())
    except ValueError:  # 29 February
        return closed_on.replace(year=closed_on.year + _years(), day=28)


def is_counsellor(principal: Principal) -> bool:
    """A confidential counsellor somewhere: the register's capability (never the platform
    administrator's by being one)."""
    return principal.holds(Capability.CONFIDENTIAL)


def _cases_in_scope(principal: Principal) -> sa.ColumnElement[bool]:
    """Cases of the schools and boards where the principal is a confidential counsellor (a
    board-level counsellor covers the board's schools; a school's counsellor not the board's own
    cases); never anyone else, not even the platform administrator."""
    return scope.school_or_board(
        principal,
        ConfidentialCase.school_id,
        ConfidentialCase.board_id,
        Capability.CONFIDENTIAL,
        board_wide="board",
    )


def _require_counsellor(principal: Principal) -> None:
    if not is_counsellor(principal):
        raise not_found("confidential case register")


def purge_expired(session: Session, today: dt.date | None = None) -> int:
    """Delete closed cases past the retention period, keeping only a metadata log."""
    today = today or clock.today()
    cutoff = (
        today.replace(year=today.year - _years())
        if not (today.month == 2 and today.day == 29)
        else today.replace(year=today.year - _years(), day=28)
    )
    expired = list(
        session.execute(
            sa.select(ConfidentialCase).where(
                col(ConfidentialCase.closed_on).is_not(None), col(ConfidentialCase.closed_on) <= cutoff
            )
        ).scalars()
    )
    if expired:
        session.execute(
            sa.delete(AuditEvent).where(
                AuditEvent.entity_type == "confidential-case",
                AuditEvent.entity_id.in_([c.id for c in expired]),
            )
        )
    for case in expired:
        assert case.id is not None and case.closed_on is not None
        session.add(
            ConfidentialCaseDeletion(
                case_id=case.id, board_id=case.board_id, school_id=case.school_id, closed_on=case.closed_on
            )
        )
        session.delete(case)
    session.flush()
    return len(expired)


def _trail(session: Session, principal: Principal, action: str, case_id: int) -> None:
    """Who touched which case when: no content, and no board, so the board's audit trail (read by
    its administrators) does not hold it."""
    audit.record(session, principal, action, "confidential-case", case_id)


def _out(case: ConfidentialCase, school_name: str | None) -> CaseOut:
    return CaseOut.model_validate(
        {
            **case.model_dump(),
            "group": case.reporter_group,
            "school_name": school_name,
            "delete_after": delete_after(case.closed_on),
        }
    )


def _query(principal: Principal) -> sa.Select[Any]:
    return (
        sa.select(ConfidentialCase, School.name)
        .outerjoin(School, School.id == ConfidentialCase.school_id)
        .where(_cases_in_scope(principal))
    )


def list_cases(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    school_id: int | None,
    status: str | None,
    area: str | None,
    year: int | None,
) -> Page[CaseOut]:
    _require_counsellor(principal)
    purge_expired(session)
    stmt = _query(principal)
    for column, value in (
        (ConfidentialCase.school_id, school_id),
        (ConfidentialCase.status, status),
        (ConfidentialCase.area, area),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if year is not None:
        stmt = stmt.where(
            ConfidentialCase.opened_on >= dt.date(year, 1, 1),
            ConfidentialCase.opened_on <= dt.date(year, 12, 31),
        )
    return paginate(
        session,
        stmt,
        params,
        sortable={"openedOn": ConfidentialCase.opened_on, "status": ConfidentialCase.status},
        default_sort=[ConfidentialCase.opened_on.desc()],
        tiebreak=ConfidentialCase.id,
        convert=lambda row: _out(row[0], row[1]),
    )


def get_case(session: Session, principal: Principal, case_id: int) -> tuple[CaseOut, int]:
    _require_counsellor(principal)
    purge_expired(session)
    row = session.execute(_query(principal).where(ConfidentialCase.id == case_id)).first()
    if row is None:
        raise not_found("confidential case")
    return _out(row[0], row[1]), row[0].version


def _known_actor(session: Session, code: str) -> bool:
    if code in ("board", "complaint-committee"):
        return True
    return bool(
        session.execute(
            sa.select(ComplaintRouteStep.id)
            .join(ComplaintRoute, ComplaintRoute.id == ComplaintRouteStep.route_id)
            .where(ComplaintRoute.school_id.is_(None), ComplaintRouteStep.actor == code)
            .limit(1)
        ).first()
    )


def _check(session: Session, values: dict[str, Any]) -> None:
    problems: list[tuple[str, str, str]] = []
    today = clock.today()
    opened, closed, status = values.get("opened_on"), values.get("closed_on"), values.get("status")
    if opened and opened > today:
        problems.append(("openedOn", "in-future", "The case cannot open in the future."))
    if closed and closed > today:
        problems.append(("closedOn", "in-future", "The case cannot close in the future."))
    if opened and closed and closed < opened:
        problems.append(("closedOn", "before-opened", "The closing date is before the opening date."))
    if status == "closed" and not closed:
        problems.append(("closedOn", "required", "A closed case needs its closing date."))
    if status != "closed" and closed:
        problems.append(("status", "not-closed", "A case with a closing date has status 'closed'."))
    if status == "referred" and not values.get("referred_to"):
        problems.append(
            ("referredTo", "required", "Say to whom the case was referred (a route step's actor).")
        )
    if values.get("referred_to") and not _known_actor(session, values["referred_to"]):
        problems.append(
            ("referredTo", "unknown-actor", f"'{values['referred_to']}' is not an actor of the routes.")
        )
    if problems:
        raise invalid(problems)


def create_case(session: Session, principal: Principal, data: CaseCreate) -> tuple[CaseOut, int]:
    _require_counsellor(principal)
    if (data.school_id is None) == (data.board_id is None):
        raise invalid([("schoolId", "one-of", "Give either schoolId or boardId.")])
    if data.school_id is not None:
        school = session.get(School, data.school_id)
        board_id = school.board_id if school else 0
    else:
        board_id = data.board_id or 0
    if not principal.can(Capability.CONFIDENTIAL, board_id=board_id, school_id=data.school_id) or (
        data.school_id is None and board_id not in principal.board_ids(Capability.CONFIDENTIAL)
    ):
        field = "schoolId" if data.school_id is not None else "boardId"
        raise invalid([(field, "unknown-reference", "You are not the confidential counsellor there.")])
    values = data.model_dump(exclude={"group"})
    values["reporter_group"] = data.group
    _check(session, values)
    case = ConfidentialCase(**{**values, "board_id": board_id})
    session.add(case)
    session.flush()
    assert case.id is not None
    ident = case.id
    _trail(session, principal, "create", ident)
    return get_case(session, principal, ident)


def _visible(session: Session, principal: Principal, case_id: int) -> ConfidentialCase:
    _require_counsellor(principal)
    purge_expired(session)
    case = (
        session.execute(
            sa.select(ConfidentialCase).where(ConfidentialCase.id == case_id, _cases_in_scope(principal))
        )
        .scalars()
        .first()
    )
    if case is None:
        raise not_found("confidential case")
    return case


def update_case(
    session: Session, principal: Principal, case_id: int, data: CaseUpdate, check: Callable[[int], None]
) -> tuple[CaseOut, int]:
    case = _visible(session, principal, case_id)
    check(case.version)
    changes = data.model_dump(exclude_unset=True)
    if "group" in changes:
        changes["reporter_group"] = changes.pop("group")
    _check(session, {**case.model_dump(), **changes})
    if apply_patch(case, changes, required=["area", "reporter_group", "opened_on", "status"]):
        session.flush()
        _trail(session, principal, "update", case_id)
    return get_case(session, principal, case_id)


def delete_case(session: Session, principal: Principal, case_id: int, check: Callable[[int], None]) -> None:
    case = _visible(session, principal, case_id)
    check(case.version)
    _trail(session, principal, "delete", case_id)
    session.delete(case)


# --- the annual report ---------------------------------------------------------------------------------
def _counted_cases(principal: Principal) -> sa.ColumnElement[bool]:
    """Counsellors count their own cases exactly; school and board administrators (and the platform
    administrator) read the counts of theirs with small numbers suppressed; nobody else (404)."""
    if is_counsellor(principal):
        return _cases_in_scope(principal)
    if not principal.holds(Capability.READ_CASE_REPORT):
        raise not_found("confidential case report")
    report = Capability.READ_CASE_REPORT
    return sa.or_(
        ConfidentialCase.board_id.in_(scope.boards(principal, report, board_wide="board")),
        ConfidentialCase.school_id.in_(scope.schools(principal, report)),
    )


def report(
    session: Session, principal: Principal, year: int, *, board_id: int | None, school_id: int | None
) -> CaseReport:
    exact = is_counsellor(principal)
    if not exact and school_id is not None:
        # one granularity per role: a school admin sees the school, a board admin the whole board;
        # per-school figures next to board figures would let a small number be worked out
        raise invalid(
            [("schoolId", "not-available", "Counsellors only.")],
            detail="Counts per school are for the confidential counsellors; you see your scope as a whole.",
            location="query",
            code="not-available",
        )
    purge_expired(session)
    stmt = sa.select(
        ConfidentialCase.area,
        ConfidentialCase.reporter_group,
        ConfidentialCase.outcome,
        ConfidentialCase.status,
    ).where(
        _counted_cases(principal),
        ConfidentialCase.opened_on >= dt.date(year, 1, 1),
        ConfidentialCase.opened_on <= dt.date(year, 12, 31),
    )
    if board_id is not None:
        stmt = stmt.where(ConfidentialCase.board_id == board_id)
    if school_id is not None:
        stmt = stmt.where(ConfidentialCase.school_id == school_id)
    counts: Counter[tuple[str, str, str]] = Counter()
    for area, group, outcome, status in session.execute(stmt).all():
        key = (outcome or "other") if status == "closed" else status  # open and referred cases count as such
        counts[(area, group, key)] += 1
    cells = []
    for area in AREAS:
        for group in GROUPS:
            for (a, g, outcome), n in sorted(counts.items()):
                if (a, g) != (area, group):
                    continue
                shown = exact or n >= SMALL
                cells.append(
                    {
                        "area": a,
                        "group": g,
                        "outcome": outcome,
                        "count": n if shown else None,
                        "display": str(n) if shown else "<5",
                    }
                )
    total = sum(counts.values())
    return CaseReport.model_validate(
        {"year": year, "suppressed": not exact, "cells": cells, "total": total if exact else None}
    )


def report_csv(result: CaseReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["jaar", "gebied", "melder", "uitkomst", "aantal"])
    for cell in result.cells:
        writer.writerow([result.year, cell.area, cell.group, cell.outcome, cell.display])
    return "\ufeff" + out.getvalue()
