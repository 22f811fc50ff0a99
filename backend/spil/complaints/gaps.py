"""Gap rule of the complaint routes: a role on a school's routes that nobody holds."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session

from spil.complaints.models import ComplaintRoute, ComplaintRouteStep
from spil.kit.gaps import Gap, GapScope, rule
from spil.organisations.models import School
from spil.people.models import RoleAssignment, RoleType, active_assignment


@rule
def route_roles(session: Session, scope: GapScope) -> Iterable[Gap]:
    """Each role a school's routes send people to must be held at the school or its board. Roles
    every school must have anyway (anti-bullying, internal counsellor) are reported by the
    statutory-role rule already and are left out here."""
    schools = session.execute(
        sa.select(School.id, School.name, School.board_id).where(School.id.in_(scope.school_ids))
    ).all()
    if not schools:
        return
    rows = session.execute(
        sa.select(
            ComplaintRoute.school_id,
            ComplaintRoute.area,
            ComplaintRoute.reporter_group,
            ComplaintRoute.published,
            ComplaintRouteStep.actor,
            ComplaintRouteStep.statutory,
        )
        .join(ComplaintRouteStep, ComplaintRouteStep.route_id == ComplaintRoute.id)
        .where(
            ComplaintRouteStep.actor_type == "role",
            sa.or_(ComplaintRoute.school_id.is_(None), ComplaintRoute.school_id.in_(scope.school_ids)),
        )
    ).all()
    defaults: dict[tuple[str, str], list[tuple[str, bool]]] = defaultdict(list)
    own: dict[int, dict[tuple[str, str], list[tuple[str, bool]]]] = defaultdict(lambda: defaultdict(list))
    for school_id, area, group, published, actor, statutory in rows:
        if school_id is None:
            defaults[(area, group)].append((actor, statutory))
        elif published:
            own[school_id][(area, group)].append((actor, statutory))
    covered = set(
        session.execute(sa.select(RoleType.code).where(RoleType.required_per_school.is_(True))).scalars()
    )
    held = session.execute(
        sa.select(RoleAssignment.school_id, RoleAssignment.board_id, RoleType.code)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .where(
            RoleAssignment.board_id.in_({s.board_id for s in schools}),
            RoleAssignment.partnership_id.is_(None),
            active_assignment(scope.today),
        )
    ).all()
    at_school = {(s, c) for s, _, c in held if s is not None}
    at_board = {(b, c) for s, b, c in held if s is None}
    names: dict[str, str] = dict(
        session.execute(sa.select(RoleType.code, RoleType.name_en).where(RoleType.board_id.is_(None))).all()
    )
    for school_id, school_name, board_id in schools:
        needed: dict[str, tuple[bool, set[str]]] = {}
        for key, steps in defaults.items():
            for actor, statutory in own[school_id].get(key, steps):
                was_statutory, areas = needed.get(actor, (False, set()))
                needed[actor] = (was_statutory or statutory, areas | {key[0]})
        for code, (statutory, areas) in sorted(needed.items()):
            if code in covered or (school_id, code) in at_school or (board_id, code) in at_board:
                continue
            yield Gap(
                kind="route-role-unfilled",
                severity="error" if statutory else "warning",
                subject_type="school",
                subject_id=school_id,
                subject_name=school_name,
                message=f"Nobody at {school_name} or its board is {names.get(code, code).lower()}, "
                f"a step on the complaint and report routes ({len(areas)} areas).",
                board_id=board_id,
                school_id=school_id,
                school_name=school_name,
                details={"role": code, "areas": ",".join(sorted(areas))},
            )
