"""Gap rules of inclusive employment: placements without a mentor or a mentor without hours,
register checks missing, overdue actions and stalled tracks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.inclusion.models import InclusionAction, InclusionPlacement, InclusionTrack
from spil.kit.gaps import Gap, GapScope, rule
from spil.organisations.models import Board, School
from spil.people.models import RoleAssignment

REGISTER_CHECK_VALID_DAYS = 365
STALLED_DAYS = 183  # six months


def _running(scope: GapScope) -> list[sa.ColumnElement[bool]]:
    return [
        InclusionPlacement.school_id.in_(scope.school_ids),
        col(InclusionPlacement.starts_on) <= scope.today,
        sa.or_(col(InclusionPlacement.ends_on).is_(None), col(InclusionPlacement.ends_on) >= scope.today),
    ]


def _placement_gap(kind: str, p: InclusionPlacement, school: str, message: str, **details: str) -> Gap:
    return Gap(
        kind=kind,
        severity="warning",
        subject_type="inclusion-placement",
        subject_id=p.id or 0,
        subject_name=f"Placement {p.number}: {p.job_title}",
        message=message,
        board_id=p.board_id,
        school_id=p.school_id,
        school_name=school,
        details={"trackId": str(p.track_id), "number": str(p.number), "jobTitle": p.job_title, **details},
    )


@rule
def placement_mentors(session: Session, scope: GapScope) -> Iterable[Gap]:
    """Every running placement has a current workplace mentor (seed 003: guidance on the work floor,
    for the employee and the mentor), and the mentor has hours for it."""
    if not scope.school_ids:
        return
    rows = session.execute(
        sa.select(InclusionPlacement, School.name, RoleAssignment)
        .join(School, School.id == InclusionPlacement.school_id)
        .outerjoin(RoleAssignment, RoleAssignment.id == InclusionPlacement.mentor_assignment_id)
        .where(*_running(scope))
    ).all()
    for p, school, mentor in rows:
        ended = mentor is not None and mentor.ends_on is not None and mentor.ends_on < scope.today
        later = mentor is not None and mentor.starts_on is not None and mentor.starts_on > scope.today
        if mentor is None or ended or later:
            yield _placement_gap(
                "placement-without-mentor",
                p,
                school,
                f"Placement {p.number} ({p.job_title}) has no current workplace mentor: guidance on the work "
                "floor keeps a placement going.",
            )
        elif not mentor.hours_per_week and not mentor.hours_per_year:
            yield _placement_gap(
                "mentor-without-hours",
                p,
                school,
                f"The workplace mentor of placement {p.number} ({p.job_title}) has no hours for it, so the "
                "guidance lands on top of their other work.",
            )


@rule
def register_checks(session: Session, scope: GapScope) -> Iterable[Gap]:
    """A placement that counts needs a check of UWV's register, at most a year old."""
    if not scope.school_ids:
        return
    stale = scope.today - dt.timedelta(days=REGISTER_CHECK_VALID_DAYS)
    rows = session.execute(
        sa.select(InclusionPlacement, School.name)
        .join(School, School.id == InclusionPlacement.school_id)
        .where(
            *_running(scope),
            InclusionPlacement.counts_towards_job_agreement.is_(True),
            sa.or_(
                col(InclusionPlacement.register_checked_on).is_(None),
                col(InclusionPlacement.register_checked_on) < stale,
            ),
        )
    ).all()
    for p, school in rows:
        when = (
            f"was last checked on {p.register_checked_on.isoformat()}"
            if p.register_checked_on
            else "has no recorded check"
        )
        yield _placement_gap(
            "inclusion-register-check-missing",
            p,
            school,
            f"Placement {p.number} counts towards the job agreement but {when} of UWV's target-group "
            "register; check it (at least once a year).",
            checkedOn=p.register_checked_on.isoformat() if p.register_checked_on else "",
        )


@rule
def overdue_actions(session: Session, scope: GapScope) -> Iterable[Gap]:
    """An action of the plan past its due date that is neither done nor dropped (a board matter)."""
    if not scope.board_ids:
        return
    rows = session.execute(
        sa.select(InclusionAction, InclusionTrack.board_id)
        .join(InclusionTrack, InclusionTrack.id == InclusionAction.track_id)
        .where(
            InclusionTrack.board_id.in_(scope.board_ids),
            InclusionAction.status.in_(("open", "in-progress")),
            col(InclusionAction.due_on) < scope.today,
        )
    ).all()
    for action, board_id in rows:
        assert action.due_on is not None
        yield Gap(
            kind="inclusion-action-overdue",
            severity="warning",
            subject_type="inclusion-action",
            subject_id=action.id or 0,
            subject_name=action.title,
            message=f"The action '{action.title}' of the inclusion plan was due on "
            f"{action.due_on.isoformat()}.",
            board_id=board_id,
            details={"trackId": str(action.track_id), "dueOn": action.due_on.isoformat()},
        )


@rule
def stalled_tracks(session: Session, scope: GapScope) -> Iterable[Gap]:
    """A track that has not moved for six months: no phase change and no action done."""
    if not scope.board_ids:
        return
    since = scope.today - dt.timedelta(days=STALLED_DAYS)
    recent_action = (
        sa.select(InclusionAction.id)
        .where(InclusionAction.track_id == InclusionTrack.id, col(InclusionAction.done_on) >= since)
        .correlate(InclusionTrack)
        .exists()
    )
    rows = session.execute(
        sa.select(InclusionTrack, Board.name)
        .join(Board, Board.id == InclusionTrack.board_id)
        .where(
            InclusionTrack.board_id.in_(scope.board_ids),
            InclusionTrack.phase != "completed",
            col(InclusionTrack.phase_since) < since,
            sa.not_(recent_action),
        )
    ).all()
    for track, board in rows:
        yield Gap(
            kind="inclusion-track-stalled",
            severity="info",
            subject_type="inclusion-track",
            subject_id=track.id or 0,
            subject_name=board,
            message=f"The inclusion track has been in the phase '{track.phase}' since "
            f"{track.phase_since.isoformat()} with no action done in six months.",
            board_id=track.board_id,
            details={"trackId": str(track.id), "phase": track.phase, "since": track.phase_since.isoformat()},
        )
