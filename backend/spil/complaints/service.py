"""Business rules: external bodies, complaint settings, routes (statutory steps protected), their
resolution to the people and partners of a school, and the public route finder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.complaints.defaults import AREA_TEXTS
from spil.complaints.models import (
    GROUPS,
    ComplaintRoute,
    ComplaintRouteStep,
    ComplaintSettings,
    ExternalBody,
)
from spil.complaints.schemas import (
    BodyOut,
    BodyUpdate,
    PublicAreas,
    ResolvedRoute,
    RouteCreate,
    RouteOut,
    RouteUpdate,
    SettingsOut,
    SettingsUpdate,
    StepIn,
)
from spil.keypersons.models import KeyPersonListing
from spil.kit import audit, clock, scope
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.errors import ProblemError, invalid, not_found
from spil.kit.policy import Capability, Principal
from spil.organisations.models import Board, School
from spil.organisations.service import visible_board
from spil.partners.models import Partner, PartnerCategory, Partnership
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment

OPEN_PARTNERSHIP = ("exploring", "active")


# --- external bodies ------------------------------------------------------------------------------
def list_bodies(session: Session) -> list[BodyOut]:
    rows = session.execute(sa.select(ExternalBody).order_by(ExternalBody.id)).scalars()
    return [BodyOut.model_validate(b) for b in rows]


def _body(session: Session, code: str) -> ExternalBody | None:
    return session.execute(sa.select(ExternalBody).where(ExternalBody.code == code)).scalars().first()


def get_body(session: Session, code: str) -> tuple[BodyOut, int]:
    body = _body(session, code)
    if body is None:
        raise not_found("external body")
    return BodyOut.model_validate(body), body.version


def update_body(
    session: Session, principal: Principal, code: str, data: BodyUpdate, check: Callable[[int], None]
) -> tuple[BodyOut, int]:
    principal.require_platform_admin()
    body = _body(session, code)
    if body is None:
        raise not_found("external body")
    check(body.version)
    audited_update(
        session,
        principal,
        body,
        data.model_dump(exclude_unset=True),
        "external-body",
        required=["name_nl", "name_en"],
    )
    return BodyOut.model_validate(body), body.version


# --- a board's settings -----------------------------------------------------------------------------
def _external_counsellors(session: Session, board_id: int) -> list[str]:
    return list(
        session.execute(
            sa.select(Person.name)
            .join(RoleAssignment, RoleAssignment.person_id == Person.id)
            .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
            .where(
                RoleType.code == "external-confidential-counsellor",
                RoleAssignment.board_id == board_id,
                active_assignment(),
            )
            .order_by(Person.name)
        ).scalars()
    )


def _settings(session: Session, board_id: int) -> ComplaintSettings | None:
    return (
        session.execute(sa.select(ComplaintSettings).where(ComplaintSettings.board_id == board_id))
        .scalars()
        .first()
    )


def get_settings(session: Session, principal: Principal, board_id: int) -> tuple[SettingsOut, int]:
    visible_board(session, principal, board_id, regional=True)
    found = _settings(session, board_id)
    out = SettingsOut.model_validate(
        {
            "board_id": board_id,
            "committee": found.committee if found else "lkc",
            "procedure_url": found.procedure_url if found else None,
            "notes": found.notes if found else None,
            # names are for the board's own people, not for a region's contacts
            "external_counsellors": _external_counsellors(session, board_id)
            if principal.is_platform_admin or principal.can_in_board(Capability.READ, board_id)
            else [],
        }
    )
    return out, found.version if found else 0


def update_settings(
    session: Session, principal: Principal, board_id: int, data: SettingsUpdate, check: Callable[[int], None]
) -> tuple[SettingsOut, int]:
    visible_board(session, principal, board_id, regional=True)
    principal.require(Capability.MANAGE_BOARD, board_id=board_id)
    found = _settings(session, board_id)
    check(found.version if found else 0)
    changes = data.model_dump(exclude_unset=True)
    if found is None:
        audited_create(
            session,
            principal,
            ComplaintSettings(board_id=board_id, **changes),
            "complaint-settings",
            board_id=lambda s: s.board_id,
        )
    else:
        audited_update(
            session,
            principal,
            found,
            changes,
            "complaint-settings",
            required=["committee"],
            board_id=board_id,
        )
    return get_settings(session, principal, board_id)


# --- routes ---------------------------------------------------------------------------------------------
def _steps(session: Session, route_ids: list[int]) -> dict[int, list[ComplaintRouteStep]]:
    out: dict[int, list[ComplaintRouteStep]] = {i: [] for i in route_ids}
    rows = session.execute(
        sa.select(ComplaintRouteStep)
        .where(ComplaintRouteStep.route_id.in_(route_ids))
        .order_by(ComplaintRouteStep.route_id, ComplaintRouteStep.position)
    ).scalars()
    for step in rows:
        out[step.route_id].append(step)
    return out


def route_out(route: ComplaintRoute, steps: list[ComplaintRouteStep]) -> RouteOut:
    return RouteOut.model_validate(
        {
            **route.model_dump(),
            "group": route.reporter_group,
            "steps": [s.model_dump() for s in steps],
        }
    )


def list_routes(
    session: Session, principal: Principal, *, school_id: int | None, area: str | None, group: str | None
) -> list[RouteOut]:
    # the default routes are everyone's; a school's own versions its staff's
    stmt = sa.select(ComplaintRoute).where(
        sa.or_(ComplaintRoute.school_id.is_(None), ComplaintRoute.school_id.in_(scope.schools(principal)))
    )
    if school_id is not None:
        stmt = stmt.where(ComplaintRoute.school_id == school_id)
    if area is not None:
        stmt = stmt.where(ComplaintRoute.area == area)
    if group is not None:
        stmt = stmt.where(ComplaintRoute.reporter_group == group)
    routes = list(
        session.execute(stmt.order_by(ComplaintRoute.school_id.is_not(None), ComplaintRoute.id)).scalars()
    )
    steps = _steps(session, [r.id for r in routes if r.id is not None])
    return [route_out(r, steps[r.id or 0]) for r in routes]


def _visible_route(session: Session, principal: Principal, route_id: int) -> ComplaintRoute:
    route = (
        session.execute(
            sa.select(ComplaintRoute).where(
                ComplaintRoute.id == route_id,
                sa.or_(
                    ComplaintRoute.school_id.is_(None), ComplaintRoute.school_id.in_(scope.schools(principal))
                ),
            )
        )
        .scalars()
        .first()
    )
    if route is None:
        raise not_found("complaint route")
    return route


def get_route(session: Session, principal: Principal, route_id: int) -> tuple[RouteOut, int]:
    route = _visible_route(session, principal, route_id)
    return route_out(route, _steps(session, [route_id])[route_id]), route.version


def default_route(session: Session, area: str, group: str) -> ComplaintRoute:
    route = (
        session.execute(
            sa.select(ComplaintRoute).where(
                ComplaintRoute.school_id.is_(None),
                ComplaintRoute.area == area,
                ComplaintRoute.reporter_group == group,
            )
        )
        .scalars()
        .first()
    )
    if route is None:  # shipped by the migration for every area × group
        raise not_found("default route")
    return route


def _require_route_edit(principal: Principal, route: ComplaintRoute) -> None:
    if route.school_id is None:
        principal.require_platform_admin()
    else:
        principal.require(Capability.MANAGE_SCHOOL, board_id=route.board_id, school_id=route.school_id)


def create_route(session: Session, principal: Principal, data: RouteCreate) -> tuple[RouteOut, int]:
    school = (
        session.execute(
            sa.select(School).where(School.id == data.school_id, School.id.in_(scope.schools(principal)))
        )
        .scalars()
        .first()
    )
    if school is None:
        raise invalid(
            [
                (
                    "schoolId",
                    "unknown-reference",
                    f"There is no school with id {data.school_id} in your scope.",
                )
            ],
            code="unknown-reference",
        )
    principal.require(Capability.MANAGE_SCHOOL, board_id=school.board_id, school_id=school.id)
    exists = session.execute(
        sa.select(ComplaintRoute.id).where(
            ComplaintRoute.school_id == school.id,
            ComplaintRoute.area == data.area,
            ComplaintRoute.reporter_group == data.group,
        )
    ).first()
    if exists:
        raise ProblemError(
            409, "This school already has its own version of this route; change that one.", code="duplicate"
        )
    default = default_route(session, data.area, data.group)
    assert default.id is not None
    route = ComplaintRoute(
        school_id=school.id, board_id=school.board_id, area=data.area, reporter_group=data.group
    )
    ident = audited_create(
        session,
        principal,
        route,
        "complaint-route",
        board_id=lambda r: r.board_id,
        school_id=lambda r: r.school_id,
    )
    for step in _steps(session, [default.id])[default.id]:
        session.add(ComplaintRouteStep(**step.model_dump(exclude={"id", "route_id"}), route_id=ident))
    return get_route(session, principal, ident)


def _actor_problems(
    session: Session, board_id: int | None, i: int, step: StepIn
) -> list[tuple[str, str, str]]:
    field = f"steps.{i}.actor"
    if step.actor_type in ("none", "board", "complaint-committee"):
        return [(field, "not-applicable", "This kind of actor takes no code.")] if step.actor else []
    if not step.actor:
        return [(field, "required", f"A '{step.actor_type}' step needs the code of its actor.")]
    if step.actor_type == "role":
        found = session.execute(
            sa.select(RoleType.id).where(
                RoleType.code == step.actor,
                sa.or_(RoleType.board_id.is_(None), RoleType.board_id == board_id),
            )
        ).first()
        return [] if found else [(field, "unknown-role-type", f"There is no role type '{step.actor}'.")]
    if step.actor_type == "body":
        return (
            []
            if _body(session, step.actor)
            else [(field, "unknown-body", f"There is no external body '{step.actor}'.")]
        )
    found = session.execute(
        sa.select(PartnerCategory.id).where(
            PartnerCategory.code == step.actor,
            sa.or_(PartnerCategory.board_id.is_(None), PartnerCategory.board_id == board_id),
        )
    ).first()
    return [] if found else [(field, "unknown-category", f"There is no partner category '{step.actor}'.")]


def _validated_steps(
    session: Session, route: ComplaintRoute, steps: list[StepIn]
) -> list[ComplaintRouteStep]:
    """The new step list, or a 400 naming every problem: unknown actors, duplicate keys, and a
    statutory step of the default route that was removed or changed."""
    assert route.id is not None
    default = default_route(session, route.area, route.reporter_group)
    assert default.id is not None
    statutory = {s.key: s for s in _steps(session, [default.id])[default.id] if s.statutory}
    problems: list[tuple[str, str, str]] = []
    keys: dict[str, int] = {}
    result: list[ComplaintRouteStep] = []
    for i, step in enumerate(steps):
        problems += _actor_problems(session, route.board_id, i, step)
        key = step.key or f"own-{i + 1}"
        while key in keys and not step.key:
            key += "-b"
        if key in keys:
            problems.append((f"steps.{i}.key", "duplicate", f"The key '{key}' is used twice."))
        keys[key] = i
        locked = statutory.get(key)
        if locked is not None and (
            step.kind != locked.kind or step.actor_type != locked.actor_type or step.actor != locked.actor
        ):
            problems.append(
                (
                    f"steps.{i}",
                    "statutory-step-changed",
                    f"'{locked.text_en}' is statutory ({locked.rule}); "
                    "its kind and actor cannot change, only its wording.",
                )
            )
        result.append(
            ComplaintRouteStep(
                route_id=route.id,
                position=i + 1,
                key=key,
                kind=step.kind,
                actor_type=step.actor_type,
                actor=step.actor,
                statutory=locked is not None,
                rule=locked.rule if locked is not None else None,
                text_nl=step.text_nl,
                text_en=step.text_en,
                expect_nl=step.expect_nl,
                expect_en=step.expect_en,
            )
        )
    for key, locked in statutory.items():
        if key not in keys:
            problems.append(
                (
                    "steps",
                    "statutory-step-removed",
                    f"The step '{locked.text_en}' is statutory and cannot be removed: {locked.rule}",
                )
            )
    if problems:
        raise invalid(problems)
    return result


def update_route(
    session: Session, principal: Principal, route_id: int, data: RouteUpdate, check: Callable[[int], None]
) -> tuple[RouteOut, int]:
    route = _visible_route(session, principal, route_id)
    _require_route_edit(principal, route)
    check(route.version)
    before = [s.model_dump(exclude={"id", "route_id"}) for s in _steps(session, [route_id])[route_id]]
    changes: dict[str, Any] = {}
    if data.published is not None:
        changes["published"] = data.published
    if data.steps is not None:
        new_steps = _validated_steps(session, route, data.steps)
        session.execute(sa.delete(ComplaintRouteStep).where(ComplaintRouteStep.route_id == route_id))
        session.flush()
        session.add_all(new_steps)
        changes["updated_at"] = clock.now()
    audited_update(
        session,
        principal,
        route,
        changes,
        "complaint-route",
        board_id=route.board_id,
        school_id=route.school_id,
    )
    if data.steps is not None:
        session.flush()
        audit.record(
            session,
            principal,
            "update",
            "complaint-route-steps",
            route_id,
            before={"steps": before},
            after={
                "steps": [
                    s.model_dump(exclude={"id", "route_id"}) for s in _steps(session, [route_id])[route_id]
                ]
            },
            board_id=route.board_id,
            school_id=route.school_id,
        )
    return get_route(session, principal, route_id)


def delete_route(session: Session, principal: Principal, route_id: int, check: Callable[[int], None]) -> None:
    route = _visible_route(session, principal, route_id)
    if route.school_id is None:
        raise ProblemError(403, "The shipped default routes cannot be removed.", code="built-in")
    _require_route_edit(principal, route)
    check(route.version)
    audited_delete(
        session, principal, route, "complaint-route", board_id=route.board_id, school_id=route.school_id
    )


# --- resolution -----------------------------------------------------------------------------------------
def effective_route(
    session: Session, school_id: int, area: str, group: str, *, draft: bool
) -> tuple[ComplaintRoute, str]:
    """The school's own version (published, or any with ``draft``), else the default."""
    own = (
        session.execute(
            sa.select(ComplaintRoute).where(
                ComplaintRoute.school_id == school_id,
                ComplaintRoute.area == area,
                ComplaintRoute.reporter_group == group,
            )
        )
        .scalars()
        .first()
    )
    if own is not None and (own.published or draft):
        return own, "school"
    return default_route(session, area, group), "default"


def role_holders(
    session: Session, school: School, codes: set[str]
) -> dict[str, list[tuple[RoleAssignment, Person]]]:
    """Per role code: who holds it at the school, or else at the board (the fallback)."""
    rows = session.execute(
        sa.select(RoleAssignment, Person, RoleType.code)
        .join(Person, Person.id == RoleAssignment.person_id)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .where(
            RoleType.code.in_(codes),
            RoleAssignment.board_id == school.board_id,
            sa.or_(RoleAssignment.school_id == school.id, RoleAssignment.school_id.is_(None)),
            RoleAssignment.partnership_id.is_(None),
            active_assignment(),
        )
        .order_by(RoleAssignment.is_primary.desc(), Person.name)
    ).all()
    out: dict[str, list[tuple[RoleAssignment, Person]]] = {}
    for code in codes:
        at_school = [(a, p) for a, p, c in rows if c == code and a.school_id == school.id]
        out[code] = at_school or [(a, p) for a, p, c in rows if c == code and a.school_id is None]
    return out


def _school_ref(school: School) -> dict[str, Any]:
    return {
        "name": school.name,
        "city": school.city,
        "location_code": school.location_code,
        "phone": school.phone,
        "email": school.email,
    }


def resolve(
    session: Session, school: School, area: str, group: str, *, draft: bool, public: bool
) -> ResolvedRoute:
    route, source = effective_route(session, school.id or 0, area, group, draft=draft)
    steps = _steps(session, [route.id or 0])[route.id or 0]
    role_codes = {s.actor for s in steps if s.actor_type == "role" and s.actor}
    holders = role_holders(session, school, role_codes)
    role_names = dict(
        (code, (nl, en))
        for code, nl, en in session.execute(
            sa.select(RoleType.code, RoleType.name_nl, RoleType.name_en).where(
                RoleType.code.in_(role_codes),
                sa.or_(RoleType.board_id.is_(None), RoleType.board_id == school.board_id),
            )
        ).all()
    )
    listings = {
        listing.role_assignment_id: listing
        for listing in session.execute(
            sa.select(KeyPersonListing).where(
                KeyPersonListing.school_id == school.id, KeyPersonListing.published.is_(True)
            )
        ).scalars()
    }
    board = session.get(Board, school.board_id)
    assert board is not None
    settings = _settings(session, school.board_id)
    out = []
    for step in steps:
        contacts: list[dict[str, Any]] = []
        unfilled, via_school = False, False
        name_nl = name_en = None
        if step.actor_type == "role" and step.actor:
            name_nl, name_en = role_names.get(step.actor, (step.actor, step.actor))
            held = holders.get(step.actor, [])
            unfilled = not held
            if public:
                shown = [listings[a.id] for a, _ in held if a.id in listings]
                contacts = [{"name": li.display_name, "how_to_reach": li.how_to_reach} for li in shown]
                via_school = bool(held) and not shown
            else:
                contacts = [{"name": p.name, "email": p.email, "phone": p.phone} for _, p in held]
        elif step.actor_type in ("body", "complaint-committee"):
            code = step.actor if step.actor_type == "body" else (settings.committee if settings else "lkc")
            body = _body(session, code or "")
            if body is not None:
                name_nl, name_en = body.name_nl, body.name_en
                contacts = [
                    {
                        "name": body.name_nl,
                        "phone": body.phone,
                        "website": body.website,
                        "hours": body.hours_nl,
                    }
                ]
            if step.actor_type == "complaint-committee" and settings and settings.procedure_url:
                contacts.append(
                    {"name": "Klachtenregeling van het bestuur", "website": settings.procedure_url}
                )
        elif step.actor_type == "board":
            name_nl = name_en = board.name
            contacts = [
                {"name": board.name, "phone": board.phone, "email": board.email, "website": board.website}
            ]
        elif step.actor_type == "partner-category" and step.actor:
            rows = session.execute(
                sa.select(Partner)
                .join(Partnership, Partnership.partner_id == Partner.id)
                .join(PartnerCategory, PartnerCategory.id == Partner.category_id)
                .where(
                    PartnerCategory.code == step.actor,
                    Partnership.status.in_(OPEN_PARTNERSHIP),
                    sa.or_(
                        Partnership.school_id == school.id,
                        sa.and_(Partnership.school_id.is_(None), Partnership.board_id == school.board_id),
                    ),
                )
                .order_by(Partner.name)
            ).scalars()
            contacts = [
                {"name": p.name, "phone": p.phone, "email": p.email, "website": p.website} for p in rows
            ]
            unfilled = not contacts
        out.append(
            {
                **step.model_dump(),
                "actor_name_nl": name_nl,
                "actor_name_en": name_en,
                "contacts": contacts,
                "unfilled": unfilled and not public,  # an internal gap, not for the public
                "via_school": via_school,
            }
        )
    return ResolvedRoute.model_validate(
        {
            "school": _school_ref(school),
            "area": area,
            "group": group,
            "source": source,
            "published": route.published if source == "school" else True,
            "steps": out,
        }
    )


def resolve_for(
    session: Session, principal: Principal, school_id: int, area: str, group: str, draft: bool
) -> ResolvedRoute:
    school = (
        session.execute(
            sa.select(School).where(School.id == school_id, School.id.in_(scope.schools(principal)))
        )
        .scalars()
        .first()
    )
    if school is None:
        raise not_found("school")
    return resolve(session, school, area, group, draft=draft, public=False)


def _public_school(session: Session, location_code: str) -> School:
    school = (
        session.execute(sa.select(School).where(School.location_code == location_code.upper()))
        .scalars()
        .first()
    )
    if school is None:
        raise ProblemError(404, "There is no school with this code.", code="not-found")
    return school


def public_areas(session: Session, location_code: str) -> PublicAreas:
    school = _public_school(session, location_code)
    return PublicAreas.model_validate(
        {
            "school": _school_ref(school),
            "areas": [
                {"code": code, "name_nl": nl, "name_en": en, "description_nl": dnl, "description_en": den}
                for code, (nl, en, dnl, den) in AREA_TEXTS.items()
            ],
            "groups": list(GROUPS),
        }
    )


def public_route(session: Session, location_code: str, area: str, group: str) -> ResolvedRoute:
    return resolve(session, _public_school(session, location_code), area, group, draft=False, public=True)
