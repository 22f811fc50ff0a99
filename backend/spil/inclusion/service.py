"""Inclusion tracks: the phase and its history, the ambition, bottlenecks, the action plan, the
annual staff hours and the quota view, progress in jobs, and the employer service points.

Who may do what (issue 14): a board's administrators keep its track; everyone who reads the
board (its staff and its schools' staff) reads the track; region and municipality contacts
read only the aggregate of ``area_inclusion``. Placements are in ``placements``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.inclusion import counting
from spil.inclusion.models import (
    EmployerServicePoint,
    InclusionAction,
    InclusionBottleneck,
    InclusionPhaseChange,
    InclusionPlacement,
    InclusionStaffHours,
    InclusionTrack,
    JobAgreementQuota,
)
from spil.inclusion.schemas import (
    ActionCreate,
    ActionOut,
    ActionUpdate,
    AreaInclusion,
    AreaTrack,
    BottleneckCount,
    EmployerServicePointOut,
    EmployerServicePointUpdate,
    InclusionBottleneckCreate,
    InclusionBottleneckOut,
    InclusionBottleneckUpdate,
    MonthJobs,
    PhaseChangeOut,
    ProgressOut,
    QuotaCreate,
    QuotaOut,
    QuotaUpdate,
    QuotaYear,
    TrackCreate,
    TrackOut,
    TrackUpdate,
)
from spil.kit import audit, clock, scope
from spil.kit.crud import audited_create, audited_delete, audited_update, ensure_unique
from spil.kit.errors import ProblemError, conflict, conflict_on, invalid, not_found
from spil.kit.policy import Capability, Principal, Role
from spil.organisations.models import LABOUR_MARKET, Board, Municipality, Region
from spil.people.models import Person, RoleAssignment, RoleType

STALLED_AFTER_DAYS = 183  # "no phase change and no action done in six months"


def _display_name(session: Session, principal: Principal) -> str:
    """Who changed the phase, as the track's readers see it: a person's name, not their login."""
    if principal.kind == "user":
        from spil.access.models import User

        user = session.get(User, principal.id)
        if user is not None:
            return user.name
    return principal.label


# --- reading ------------------------------------------------------------------------------------
def tracks_in_scope(principal: Principal) -> sa.ColumnElement[bool]:
    """Tracks of the boards the principal reads as their staff (never a region: ``area_inclusion``)."""
    return InclusionTrack.board_id.in_(scope.boards(principal))


def visible_track(session: Session, principal: Principal, track_id: int) -> InclusionTrack:
    track = session.execute(
        sa.select(InclusionTrack).where(InclusionTrack.id == track_id, tracks_in_scope(principal))
    ).scalar()
    if track is None:
        raise not_found("inclusion track")
    return track


def require_manage(principal: Principal, track: InclusionTrack) -> None:
    if not principal.can(Capability.MANAGE_BOARD, board_id=track.board_id):
        raise ProblemError(403, "Only the board's administrators keep its inclusion track.", code="forbidden")


def _placements(session: Session, track_ids: list[int]) -> dict[int, list[InclusionPlacement]]:
    out: dict[int, list[InclusionPlacement]] = defaultdict(list)
    if track_ids:
        for p in session.execute(
            sa.select(InclusionPlacement).where(InclusionPlacement.track_id.in_(track_ids))
        ).scalars():
            out[p.track_id].append(p)
    return out


def span_of(p: InclusionPlacement) -> counting.Span:
    return counting.Span(p.hours_per_week, p.starts_on, p.ends_on, p.counts_towards_job_agreement)


def seat_regions(session: Session, board_ids: set[int]) -> dict[int, Region]:
    """The labour-market region of the municipality where each board has its seat."""
    return {
        board_id: region
        for board_id, region in session.execute(
            sa.select(Board.id, Region)
            .join(Municipality, Municipality.region_id == Region.id)
            .join(Board, Board.municipality_id == Municipality.id)
            .where(Board.id.in_(board_ids), Region.kind == LABOUR_MARKET)
        ).all()
    }


def service_points_out(session: Session, regions: list[Region]) -> dict[int, EmployerServicePointOut]:
    """The contact point of each region, in one query (a region without a row has an empty one)."""
    rows = {
        p.region_id: p
        for p in session.execute(
            sa.select(EmployerServicePoint).where(EmployerServicePoint.region_id.in_([r.id for r in regions]))
        ).scalars()
    }
    return {r.id or 0: _service_point(r, rows.get(r.id or 0)) for r in regions}


def service_point_out(session: Session, region: Region) -> EmployerServicePointOut:
    return service_points_out(session, [region])[region.id or 0]


def _service_point(region: Region, point: EmployerServicePoint | None) -> EmployerServicePointOut:
    fields = (
        {
            k: getattr(point, k)
            for k in ("organisation", "contact_name", "email", "phone", "opening_hours", "website", "notes")
        }
        if point
        else dict.fromkeys(
            ("organisation", "contact_name", "email", "phone", "opening_hours", "website", "notes")
        )
    )
    return EmployerServicePointOut(
        region_id=region.id or 0,
        region_code=region.code,
        region_name=region.name,
        filled_in=any(v for v in fields.values()),
        **fields,
    )


def _quota_years(session: Session) -> dict[int, JobAgreementQuota]:
    return {q.year: q for q in session.execute(sa.select(JobAgreementQuota)).scalars()}


def _year_average(spans: list[counting.Span], year: int, today: dt.date) -> Decimal:
    """The average of the year's monthly jobs, over the months so far (all twelve once it is over)."""
    months = [(year, m) for m in range(1, 13) if dt.date(year, m, 1) <= today]
    if not months:
        return counting.ZERO
    total = sum((counting.jobs_in_month(spans, y, m, until=today) for y, m in months), counting.ZERO)
    return total / len(months)


def tracks_out(session: Session, tracks: list[InclusionTrack]) -> list[TrackOut]:
    if not tracks:
        return []
    today = clock.today()
    ids = [t.id for t in tracks if t.id is not None]
    boards: dict[int, str] = dict(
        session.execute(
            sa.select(Board.id, Board.name).where(Board.id.in_({t.board_id for t in tracks}))
        ).all()
    )
    history: dict[int, list[PhaseChangeOut]] = defaultdict(list)
    for change in session.execute(
        sa.select(InclusionPhaseChange)
        .where(InclusionPhaseChange.track_id.in_(ids))
        .order_by(InclusionPhaseChange.changed_on, InclusionPhaseChange.changed_at, InclusionPhaseChange.id)
    ).scalars():
        history[change.track_id].append(PhaseChangeOut.model_validate(change))
    placements = _placements(session, ids)
    actions: dict[int, list[InclusionAction]] = defaultdict(list)
    for action in session.execute(
        sa.select(InclusionAction).where(InclusionAction.track_id.in_(ids))
    ).scalars():
        actions[action.track_id].append(action)
    hours: dict[int, list[InclusionStaffHours]] = defaultdict(list)
    for row in session.execute(
        sa.select(InclusionStaffHours)
        .where(InclusionStaffHours.track_id.in_(ids))
        .order_by(InclusionStaffHours.year)
    ).scalars():
        hours[row.track_id].append(row)
    quotas = _quota_years(session)
    seats = seat_regions(session, {t.board_id for t in tracks})
    points = service_points_out(session, list({r.id: r for r in seats.values()}.values()))
    out = []
    for track in tracks:
        spans = [span_of(p) for p in placements[track.id or 0]]
        open_actions = [a for a in actions[track.id or 0] if a.status in ("open", "in-progress")]
        region = seats.get(track.board_id)
        staff = []
        for row in hours[track.id or 0]:
            quota = quotas.get(row.year)
            staff.append(
                QuotaYear(
                    year=row.year,
                    paid_hours=row.paid_hours,
                    quota_percentage=quota.percentage if quota else None,
                    quota_source=quota.source if quota else None,
                    levy_imposed=quota.levy_imposed if quota else None,
                    jobs_asked=counting.shown(counting.quota_jobs(row.paid_hours, quota.percentage))
                    if quota
                    else None,
                    jobs_realised=counting.shown(_year_average(spans, row.year, today)) or counting.ZERO,
                )
            )
        out.append(
            TrackOut(
                id=track.id or 0,
                board_id=track.board_id,
                board_name=boards.get(track.board_id, ""),
                phase=track.phase,  # type: ignore[arg-type]
                phase_since=track.phase_since,
                started_on=track.started_on,
                history=history[track.id or 0],
                ambition_jobs=track.ambition_jobs,
                ambition_hours_per_week=track.ambition_hours_per_week,
                ambition_in_jobs=counting.shown(
                    counting.ambition_in_jobs(track.ambition_jobs, track.ambition_hours_per_week)
                ),
                target_date=track.target_date,
                ambition_notes=track.ambition_notes,
                jobs_realised=counting.shown(counting.jobs_on(spans, today)) or counting.ZERO,
                placements_total=len(spans),
                placements_counting=sum(
                    1
                    for s in spans
                    if s.counts and s.starts_on <= today and (s.ends_on is None or s.ends_on >= today)
                ),
                actions_open=len(open_actions),
                actions_overdue=sum(1 for a in open_actions if a.due_on is not None and a.due_on < today),
                first_contact_on=track.first_contact_on,
                evaluation_worked=track.evaluation_worked,
                evaluation_did_not_work=track.evaluation_did_not_work,
                evaluation_lessons=track.evaluation_lessons,
                shares_evaluation=track.shares_evaluation,
                staff_hours=staff,
                employer_service_point=points.get(region.id or 0) if region else None,
                created_at=track.created_at,
                updated_at=track.updated_at,
            )
        )
    return out


def list_tracks(
    session: Session, principal: Principal, *, board_id: int | None, phase: str | None
) -> list[TrackOut]:
    stmt = (
        sa.select(InclusionTrack)
        .join(Board, Board.id == InclusionTrack.board_id)
        .where(tracks_in_scope(principal))
    )
    if board_id is not None:
        stmt = stmt.where(InclusionTrack.board_id == board_id)
    if phase is not None:
        stmt = stmt.where(InclusionTrack.phase == phase)
    tracks = list(session.execute(stmt.order_by(Board.name, InclusionTrack.id)).scalars())
    return tracks_out(session, tracks)


def get_track(session: Session, principal: Principal, track_id: int) -> tuple[TrackOut, int]:
    track = visible_track(session, principal, track_id)
    return tracks_out(session, [track])[0], track.version


def _check_ambition(values: dict[str, Any], started_on: dt.date) -> None:
    target = values.get("target_date")
    if target is not None and target < started_on:
        raise invalid([("targetDate", "before-start", "The target date lies before the track started.")])
    first_contact = values.get("first_contact_on")
    if first_contact is not None and first_contact > clock.today():
        raise invalid([("firstContactOn", "in-the-future", "The first contact cannot lie in the future.")])


def create_track(session: Session, principal: Principal, data: TrackCreate) -> tuple[TrackOut, int]:
    board_ok = session.execute(
        sa.select(Board.id).where(Board.id == data.board_id, Board.id.in_(scope.boards(principal)))
    ).first()
    if board_ok is None:
        raise invalid(
            [("boardId", "unknown-reference", f"There is no board with id {data.board_id} in your scope.")],
            code="unknown-reference",
        )
    principal.require(Capability.MANAGE_BOARD, board_id=data.board_id)
    ensure_unique(session, InclusionTrack.board_id, data.board_id, field="boardId", what="an inclusion track")
    today = clock.today()
    started_on = data.started_on or today
    if started_on > today:
        raise invalid([("startedOn", "in-the-future", "A track starts today or earlier.")])
    values = data.model_dump(exclude={"board_id", "started_on"}, exclude_none=True)
    _check_ambition(values, started_on)
    track = InclusionTrack(
        board_id=data.board_id, phase="intake", phase_since=started_on, started_on=started_on, **values
    )
    ident = audited_create(session, principal, track, "inclusion-track", board_id=lambda t: t.board_id)
    session.add(
        InclusionPhaseChange(
            track_id=ident,
            phase="intake",
            changed_on=started_on,
            changed_by=_display_name(session, principal),
            note=None,
        )
    )
    session.flush()
    return get_track(session, principal, ident)


def update_track(
    session: Session,
    principal: Principal,
    track_id: int,
    data: TrackUpdate,
    check_version: Callable[[int], None],
) -> tuple[TrackOut, int]:
    track = visible_track(session, principal, track_id)
    require_manage(principal, track)
    check_version(track.version)
    changes = data.model_dump(exclude_unset=True, exclude={"phase", "phase_note", "staff_hours"})
    if "shares_evaluation" in changes and changes["shares_evaluation"] is None:
        raise invalid([("sharesEvaluation", "required", "Cannot be null: true or false.")])
    _check_ambition({**track.model_dump(), **changes}, track.started_on)
    today = clock.today()
    if data.phase is not None and data.phase != track.phase:
        session.add(
            InclusionPhaseChange(
                track_id=track_id,
                phase=data.phase,
                from_phase=track.phase,
                changed_on=today,
                changed_by=_display_name(session, principal),
                note=data.phase_note,
            )
        )
        changes["phase"] = data.phase
        changes["phase_since"] = today
    elif data.phase_note is not None and data.phase is None:
        raise invalid([("phaseNote", "without-phase", "A note goes with a change of phase.")])
    changed = audited_update(
        session, principal, track, changes, "inclusion-track", required=["phase"], board_id=track.board_id
    )
    if data.staff_hours is not None:
        before = {
            h.year: h.paid_hours
            for h in session.execute(
                sa.select(InclusionStaffHours).where(InclusionStaffHours.track_id == track_id)
            ).scalars()
        }
        after = {h.year: h.paid_hours for h in data.staff_hours}
        if before != after:
            session.execute(sa.delete(InclusionStaffHours).where(InclusionStaffHours.track_id == track_id))
            session.add_all(
                InclusionStaffHours(track_id=track_id, year=year, paid_hours=paid)
                for year, paid in sorted(after.items())
            )
            if not changed:
                track.updated_at = clock.now()  # the row update moves the version (the ETag) too
            session.flush()
            audit.record(
                session,
                principal,
                "update",
                "inclusion-track",
                track_id,
                before={"staffHours": {str(k): str(v) for k, v in sorted(before.items())}},
                after={"staffHours": {str(k): str(v) for k, v in sorted(after.items())}},
                board_id=track.board_id,
            )
    return get_track(session, principal, track_id)


def delete_track(
    session: Session, principal: Principal, track_id: int, check_version: Callable[[int], None]
) -> None:
    track = visible_track(session, principal, track_id)
    require_manage(principal, track)
    check_version(track.version)
    if session.execute(
        sa.select(InclusionPlacement.id).where(InclusionPlacement.track_id == track_id)
    ).first():
        raise conflict(
            "Placements were recorded on this track; complete it (phase `completed`) instead, so the "
            "jobs realised stay counted.",
            "in-use",
        )
    for model in (InclusionPhaseChange, InclusionBottleneck, InclusionAction, InclusionStaffHours):
        session.execute(sa.delete(model).where(model.track_id == track_id))  # type: ignore[attr-defined]
    audited_delete(session, principal, track, "inclusion-track", board_id=track.board_id)


# --- progress -----------------------------------------------------------------------------------
def month_label(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def progress(session: Session, principal: Principal, track_id: int) -> ProgressOut:
    """Jobs realised per month, from the month the track started to today's month (at most five
    years back), against the ambition from the month it applies."""
    track = visible_track(session, principal, track_id)
    today = clock.today()
    spans = [span_of(p) for p in _placements(session, [track_id])[track_id]]
    first = min([track.started_on, *(s.starts_on for s in spans if s.counts)])
    first = max(first, dt.date(today.year - 5, today.month, 1))
    ambition = counting.ambition_in_jobs(track.ambition_jobs, track.ambition_hours_per_week)
    months = [
        MonthJobs(
            month=month_label(y, m),
            jobs=counting.shown(counting.jobs_in_month(spans, y, m, until=today)) or counting.ZERO,
            ambition=counting.shown(ambition),
        )
        for y, m in counting.months_between(first, today)
    ]
    return ProgressOut(
        track_id=track_id,
        ambition_in_jobs=counting.shown(ambition),
        target_date=track.target_date,
        jobs_now=counting.shown(counting.jobs_on(spans, today)) or counting.ZERO,
        months=months,
    )


# --- bottlenecks --------------------------------------------------------------------------------
def _bottleneck_of(
    session: Session, principal: Principal, track_id: int, bottleneck_id: int
) -> tuple[InclusionTrack, InclusionBottleneck]:
    track = visible_track(session, principal, track_id)
    found = session.get(InclusionBottleneck, bottleneck_id)
    if found is None or found.track_id != track_id:
        raise not_found("bottleneck")
    return track, found


def get_bottleneck(
    session: Session, principal: Principal, track_id: int, bottleneck_id: int
) -> tuple[InclusionBottleneckOut, int]:
    _, bottleneck = _bottleneck_of(session, principal, track_id, bottleneck_id)
    return InclusionBottleneckOut.model_validate(bottleneck), bottleneck.version


def list_bottlenecks(session: Session, principal: Principal, track_id: int) -> list[InclusionBottleneckOut]:
    visible_track(session, principal, track_id)
    rows = session.execute(
        sa.select(InclusionBottleneck)
        .where(InclusionBottleneck.track_id == track_id)
        .order_by(InclusionBottleneck.id)
    ).scalars()
    return [InclusionBottleneckOut.model_validate(b) for b in rows]


def create_bottleneck(
    session: Session, principal: Principal, track_id: int, data: InclusionBottleneckCreate
) -> tuple[InclusionBottleneckOut, int]:
    track = visible_track(session, principal, track_id)
    require_manage(principal, track)
    if (
        data.kind != "other"
        and session.execute(
            sa.select(InclusionBottleneck.id).where(
                InclusionBottleneck.track_id == track_id, InclusionBottleneck.kind == data.kind
            )
        ).first()
    ):
        raise conflict_on(
            "kind", f"The bottleneck '{data.kind}' is named already; edit its notes.", "duplicate"
        )
    bottleneck = InclusionBottleneck(track_id=track_id, **data.model_dump())
    audited_create(session, principal, bottleneck, "inclusion-bottleneck", board_id=lambda _: track.board_id)
    return InclusionBottleneckOut.model_validate(bottleneck), bottleneck.version


def update_bottleneck(
    session: Session,
    principal: Principal,
    track_id: int,
    bottleneck_id: int,
    data: InclusionBottleneckUpdate,
    check_version: Callable[[int], None],
) -> tuple[InclusionBottleneckOut, int]:
    track, bottleneck = _bottleneck_of(session, principal, track_id, bottleneck_id)
    require_manage(principal, track)
    check_version(bottleneck.version)
    changes = data.model_dump(exclude_unset=True)
    if bottleneck.kind == "other" and "label" in changes and changes["label"] is None:
        raise invalid([("label", "required", "A bottleneck of its own needs its name.")])
    audited_update(
        session,
        principal,
        bottleneck,
        changes,
        "inclusion-bottleneck",
        required=["resolved"],
        board_id=track.board_id,
    )
    return InclusionBottleneckOut.model_validate(bottleneck), bottleneck.version


def delete_bottleneck(
    session: Session,
    principal: Principal,
    track_id: int,
    bottleneck_id: int,
    check_version: Callable[[int], None],
) -> None:
    track, bottleneck = _bottleneck_of(session, principal, track_id, bottleneck_id)
    require_manage(principal, track)
    check_version(bottleneck.version)
    audited_delete(session, principal, bottleneck, "inclusion-bottleneck", board_id=track.board_id)


# --- actions ------------------------------------------------------------------------------------
def _who(session: Session, actions: list[InclusionAction]) -> dict[int, str]:
    people = {a.person_id for a in actions if a.person_id}
    assignments = {a.assignment_id for a in actions if a.assignment_id}
    names: dict[int, str] = dict(
        session.execute(sa.select(Person.id, Person.name).where(Person.id.in_(people))).all()
        if people
        else []
    )
    roles: dict[int, str] = {}
    if assignments:
        for ident, role_name, person_name in session.execute(
            sa.select(RoleAssignment.id, RoleType.name_nl, Person.name)
            .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
            .join(Person, Person.id == RoleAssignment.person_id)
            .where(RoleAssignment.id.in_(assignments))
        ).all():
            roles[ident] = f"{role_name} ({person_name})"
    out = {}
    for a in actions:
        if a.assignment_id and a.assignment_id in roles:
            out[a.id or 0] = roles[a.assignment_id]
        elif a.person_id and a.person_id in names:
            out[a.id or 0] = names[a.person_id]
    return out


def actions_out(session: Session, actions: list[InclusionAction]) -> list[ActionOut]:
    today = clock.today()
    who = _who(session, actions)
    return [
        ActionOut.model_validate(
            {
                **a.model_dump(),
                "who": who.get(a.id or 0),
                "overdue": a.status in ("open", "in-progress") and a.due_on is not None and a.due_on < today,
            }
        )
        for a in actions
    ]


def _action_of(
    session: Session, principal: Principal, track_id: int, action_id: int
) -> tuple[InclusionTrack, InclusionAction]:
    track = visible_track(session, principal, track_id)
    found = session.get(InclusionAction, action_id)
    if found is None or found.track_id != track_id:
        raise not_found("action")
    return track, found


def get_action(
    session: Session, principal: Principal, track_id: int, action_id: int
) -> tuple[ActionOut, int]:
    _, action = _action_of(session, principal, track_id, action_id)
    return actions_out(session, [action])[0], action.version


def list_actions(session: Session, principal: Principal, track_id: int) -> list[ActionOut]:
    visible_track(session, principal, track_id)
    rows = list(
        session.execute(
            sa.select(InclusionAction)
            .where(InclusionAction.track_id == track_id)
            .order_by(col(InclusionAction.due_on).is_(None), InclusionAction.due_on, InclusionAction.id)
        ).scalars()
    )
    return actions_out(session, rows)


def _check_who(session: Session, board_id: int, values: dict[str, Any]) -> list[tuple[str, str, str]]:
    problems = []
    person_id, assignment_id = values.get("person_id"), values.get("assignment_id")
    if person_id is not None and assignment_id is not None:
        problems.append(("assignmentId", "one-of", "Name a person or a role assignment, not both."))
    if person_id is not None:
        board = session.scalar(sa.select(Person.board_id).where(Person.id == person_id))
        if board != board_id:
            problems.append(
                ("personId", "unknown-reference", f"There is no person with id {person_id} in this board.")
            )
    if assignment_id is not None:
        board = session.scalar(sa.select(RoleAssignment.board_id).where(RoleAssignment.id == assignment_id))
        if board != board_id:
            problems.append(
                (
                    "assignmentId",
                    "unknown-reference",
                    f"There is no role assignment with id {assignment_id} in this board.",
                )
            )
    return problems


def _status_dates(values: dict[str, Any], current: InclusionAction | None) -> None:
    """Ticking an action off dates it today; re-opening it clears the date."""
    status = values.get("status")
    if status is None:
        return
    if status == "done" and (current is None or current.status != "done"):
        values["done_on"] = clock.today()
    elif status != "done":
        values["done_on"] = None


def create_action(
    session: Session, principal: Principal, track_id: int, data: ActionCreate
) -> tuple[ActionOut, int]:
    track = visible_track(session, principal, track_id)
    require_manage(principal, track)
    values = data.model_dump(exclude_none=True)
    if problems := _check_who(session, track.board_id, values):
        raise invalid(problems)
    _status_dates(values, None)
    action = InclusionAction(track_id=track_id, **values)
    audited_create(session, principal, action, "inclusion-action", board_id=lambda _: track.board_id)
    return actions_out(session, [action])[0], action.version


def update_action(
    session: Session,
    principal: Principal,
    track_id: int,
    action_id: int,
    data: ActionUpdate,
    check_version: Callable[[int], None],
) -> tuple[ActionOut, int]:
    track, action = _action_of(session, principal, track_id, action_id)
    require_manage(principal, track)
    check_version(action.version)
    changes = data.model_dump(exclude_unset=True)
    merged = {**action.model_dump(), **changes}
    if problems := _check_who(
        session, track.board_id, {k: merged.get(k) for k in ("person_id", "assignment_id")}
    ):
        raise invalid(problems)
    _status_dates(changes, action)
    audited_update(
        session,
        principal,
        action,
        changes,
        "inclusion-action",
        required=["title", "theme", "status"],
        board_id=track.board_id,
    )
    return actions_out(session, [action])[0], action.version


def delete_action(
    session: Session,
    principal: Principal,
    track_id: int,
    action_id: int,
    check_version: Callable[[int], None],
) -> None:
    track, action = _action_of(session, principal, track_id, action_id)
    require_manage(principal, track)
    check_version(action.version)
    audited_delete(session, principal, action, "inclusion-action", board_id=track.board_id)


# --- the quota per year ----------------------------------------------------------------------------
def list_quotas(session: Session) -> list[QuotaOut]:
    rows = session.execute(sa.select(JobAgreementQuota).order_by(JobAgreementQuota.year)).scalars()
    return [QuotaOut.model_validate(q) for q in rows]


def _quota(session: Session, year: int) -> JobAgreementQuota:
    found = session.execute(sa.select(JobAgreementQuota).where(JobAgreementQuota.year == year)).scalar()
    if found is None:
        raise not_found("quota of that year")
    return found


def get_quota(session: Session, year: int) -> tuple[QuotaOut, int]:
    quota = _quota(session, year)
    return QuotaOut.model_validate(quota), quota.version


def create_quota(session: Session, principal: Principal, data: QuotaCreate) -> tuple[QuotaOut, int]:
    principal.require_platform_admin()
    ensure_unique(session, JobAgreementQuota.year, data.year, field="year", what="a quota")
    quota = JobAgreementQuota(**data.model_dump())
    audited_create(session, principal, quota, "job-agreement-quota")
    return QuotaOut.model_validate(quota), quota.version


def update_quota(
    session: Session, principal: Principal, year: int, data: QuotaUpdate, check_version: Callable[[int], None]
) -> tuple[QuotaOut, int]:
    principal.require_platform_admin()
    quota = _quota(session, year)
    check_version(quota.version)
    audited_update(
        session,
        principal,
        quota,
        data.model_dump(exclude_unset=True),
        "job-agreement-quota",
        required=["percentage", "source"],
    )
    return QuotaOut.model_validate(quota), quota.version


# --- employer service points ---------------------------------------------------------------------
def _labour_market_region(session: Session, region_id: int) -> Region:
    region = session.execute(
        sa.select(Region).where(Region.id == region_id, Region.kind == LABOUR_MARKET)
    ).scalar()
    if region is None:
        raise not_found("labour-market region")
    return region


def get_service_point(session: Session, region_id: int) -> tuple[EmployerServicePointOut, int]:
    """Every labour-market region has one: empty (version 0) until someone fills it in."""
    region = _labour_market_region(session, region_id)
    version = session.scalar(
        sa.select(EmployerServicePoint.version).where(EmployerServicePoint.region_id == region_id)
    )
    return service_point_out(session, region), version or 0


def may_edit_service_point(principal: Principal, region_id: int) -> bool:
    return principal.is_platform_admin or any(
        g.role is Role.REGION_CONTACT and g.region_id == region_id for g in principal.grants
    )


def update_service_point(
    session: Session,
    principal: Principal,
    region_id: int,
    data: EmployerServicePointUpdate,
    check_version: Callable[[int], None],
) -> tuple[EmployerServicePointOut, int]:
    region = _labour_market_region(session, region_id)
    if not may_edit_service_point(principal, region_id):
        raise ProblemError(
            403,
            "Only the platform administrator and the region's contacts keep its employer service point.",
            code="forbidden",
        )
    point = session.execute(
        sa.select(EmployerServicePoint).where(EmployerServicePoint.region_id == region_id)
    ).scalar()
    check_version(point.version if point else 0)
    changes = data.model_dump(exclude_unset=True)
    if point is None:
        point = EmployerServicePoint(region_id=region_id, **changes)
        audited_create(session, principal, point, "employer-service-point")
    else:
        audited_update(session, principal, point, changes, "employer-service-point")
    return service_point_out(session, region), point.version


# --- the area's view (aggregates, never a person) -------------------------------------------------------
def area_inclusion(
    session: Session, school_ids: list[int], board_rows: list[tuple[int, int]], region_ids: set[int]
) -> AreaInclusion:
    """What a region or municipality contact reads of inclusive employment in its area: which
    boards (with schools in the area) have a track, in which phase, ambition against jobs
    realised, the most named bottlenecks, and the labour-market regions' contact points.
    ``board_rows`` is (board id, school id) of the area's schools."""
    today = clock.today()
    board_ids = sorted({b for b, _ in board_rows})
    in_area = set(school_ids)
    tracks = list(
        session.execute(
            sa.select(InclusionTrack, Board.name)
            .join(Board, Board.id == InclusionTrack.board_id)
            .where(InclusionTrack.board_id.in_(board_ids))
            .order_by(Board.name)
        ).all()
    )
    ids = [t.id for t, _ in tracks if t.id is not None]
    placements = _placements(session, ids)
    named: Counter[str] = Counter()
    for _track, kind in session.execute(
        sa.select(InclusionBottleneck.track_id, InclusionBottleneck.kind)
        .where(InclusionBottleneck.track_id.in_(ids))
        .distinct()
    ).all():
        named[kind] += 1
    rows = []
    ambition_total = counting.ZERO
    realised_total = counting.ZERO
    for track, board_name in tracks:
        mine = placements[track.id or 0]
        ambition = counting.ambition_in_jobs(track.ambition_jobs, track.ambition_hours_per_week)
        realised = counting.jobs_on([span_of(p) for p in mine], today)
        here = counting.jobs_on([span_of(p) for p in mine if p.school_id in in_area], today)
        ambition_total += ambition or counting.ZERO
        realised_total += here
        rows.append(
            AreaTrack(
                board_id=track.board_id,
                board_name=board_name,
                phase=track.phase,  # type: ignore[arg-type]
                phase_since=track.phase_since,
                ambition_in_jobs=counting.shown(ambition),
                target_date=track.target_date,
                jobs_realised=counting.shown(realised) or counting.ZERO,
                jobs_in_area=counting.shown(here) or counting.ZERO,
                first_contact_on=track.first_contact_on,
                shares_evaluation=track.shares_evaluation,
            )
        )
    regions = list(
        session.execute(
            sa.select(Region)
            .where(Region.id.in_(region_ids), Region.kind == LABOUR_MARKET)
            .order_by(Region.code)
        ).scalars()
    )
    return AreaInclusion(
        boards_total=len(board_ids),
        boards_with_track=len(tracks),
        by_phase=dict(sorted(Counter(t.phase for t, _ in tracks).items())),
        tracks=rows,
        ambition_in_jobs=counting.shown(ambition_total) or counting.ZERO,
        jobs_realised=counting.shown(realised_total) or counting.ZERO,
        bottlenecks=[
            BottleneckCount(kind=kind, boards=n)  # type: ignore[arg-type]
            for kind, n in sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        employer_service_points=list(service_points_out(session, regions).values()),
    )
