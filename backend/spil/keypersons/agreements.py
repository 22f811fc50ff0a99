"""Volunteer agreements: a key person's schools, tasks, allowance scheme, supervisor and contact
point, future-perspective plan; the benefit type for the board's administrators and the contact
point only."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.keypersons import allowance as rules
from spil.keypersons.models import (
    AllowancePayment,
    VolunteerAgreement,
    VolunteerAgreementSchool,
)
from spil.keypersons.rulesets import latest_year, rule_set_of
from spil.keypersons.schemas import (
    AgreementCreate,
    AgreementOut,
    AgreementUpdate,
)
from spil.kit import audit, clock, scope
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.errors import ProblemError, conflict, invalid, not_found
from spil.kit.pagination import Page, PageParams, paginate
from spil.kit.policy import Capability, Principal
from spil.organisations.models import School
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment
from spil.people.service import is_active, visible_person

# --- agreements ---------------------------------------------------------------------------------
KEY_ROLES = {
    "supervisor_assignment_id": "key-person-supervisor",
    "contact_point_assignment_id": "key-person-contact-point",
}


def agreements_in_scope(
    principal: Principal, capability: Capability = Capability.READ
) -> sa.ColumnElement[bool]:
    """Agreements with a school the principal may read (``spil.kit.scope``): the board's staff and
    the schools' staff, never a region (these are a volunteer's personal arrangements)."""
    return scope.any_school_of(
        principal,
        VolunteerAgreementSchool.school_id,
        VolunteerAgreementSchool.agreement_id,
        VolunteerAgreement.id,
        capability,
    )


def visible_agreement(session: Session, principal: Principal, agreement_id: int) -> VolunteerAgreement:
    found = (
        session.execute(
            sa.select(VolunteerAgreement).where(
                VolunteerAgreement.id == agreement_id, agreements_in_scope(principal)
            )
        )
        .scalars()
        .first()
    )
    if found is None:
        raise not_found("volunteer agreement")
    return found


def agreement_school_ids(session: Session, agreement_id: int) -> list[int]:
    return list(
        session.execute(
            sa.select(VolunteerAgreementSchool.school_id)
            .where(VolunteerAgreementSchool.agreement_id == agreement_id)
            .order_by(VolunteerAgreementSchool.school_id)
        ).scalars()
    )


def require_agreement_edit(principal: Principal, board_id: int, school_ids: Iterable[int]) -> None:
    for school_id in school_ids:
        principal.require(Capability.EDIT, board_id=board_id, school_id=school_id)


def _email_of_assignment(session: Session, assignment_id: int | None) -> str | None:
    if assignment_id is None:
        return None
    return session.scalar(
        sa.select(Person.email)
        .join(RoleAssignment, RoleAssignment.person_id == Person.id)
        .where(RoleAssignment.id == assignment_id, active_assignment())  # a former contact point no longer
    )


def may_see_benefit(principal: Principal, board_id: int, contact_point_email: str | None) -> bool:
    """The benefit type is for the board's administrators and the key person's current contact
    point only (the person record of the contact point and the login share the e-mail address)."""
    if principal.kind != "user":
        return False
    if principal.can(Capability.READ_BENEFIT, board_id=board_id):
        return True
    return contact_point_email is not None and contact_point_email == principal.label.lower()


BENEFIT_WARNINGS = {
    "participatiewet": [
        (
            "participatiewet-consent",
            "Participatiewet (bijstand): the municipality must agree to the volunteer work beforehand.",
        ),
        (
            "participatiewet-maxima",
            "Since 1 April 2017 an allowance up to the fiscal maxima ({month} a month, {year} a year) "
            "leaves the benefit unchanged. Sources differ on claimants under 27. "
            "This is a warning, not a verdict.",
        ),
    ],
    "ww": [
        ("ww-permission", "WW (UWV): ask UWV for permission before the volunteer work starts."),
        (
            "ww-maxima",
            "The allowance must stay within the maxima ({month} a month, {year} a year) and be reported "
            "to UWV within one week. Sources differ on whether travel costs count.",
        ),
    ],
    "other": [
        ("benefit-check", "Check with the benefit agency what a volunteer allowance means for this benefit."),
    ],
}


def benefit_warnings(
    session: Session, benefit_type: str | None, year: int | None = None
) -> list[dict[str, str]]:
    if benefit_type not in BENEFIT_WARNINGS:
        return []
    rule_set = rule_set_of(session, year or clock.today().year) or (
        rule_set_of(session, latest_year(session) or 0)
    )
    month = rules.euro(rule_set.max_per_month, "en") if rule_set else "the monthly maximum"
    year_max = rules.euro(rule_set.max_per_year, "en") if rule_set else "the yearly maximum"
    return [
        {"code": code, "message": text.format(month=month, year=year_max)}
        for code, text in BENEFIT_WARNINGS[benefit_type]
    ]


def _assignment_refs(session: Session, ids: set[int]) -> dict[int, dict[str, Any]]:
    """The supervisor's and contact point's assignments, by id, with the person's name and e-mail."""
    if not ids:
        return {}
    rows = session.execute(
        sa.select(RoleAssignment, Person.name, Person.email)
        .join(Person, Person.id == RoleAssignment.person_id)
        .where(RoleAssignment.id.in_(ids))
    ).all()
    return {
        assignment.id: {
            "id": assignment.id,
            "person_name": name,
            "hours_per_week": assignment.hours_per_week,
            "hours_per_year": assignment.hours_per_year,
            "active": is_active(assignment),
            "email": email,
        }
        for assignment, name, email in rows
    }


def agreements_out(
    session: Session, principal: Principal, agreements: list[VolunteerAgreement]
) -> list[AgreementOut]:
    """The agreements as the API gives them, in a fixed number of queries however many there are:
    their people, schools and assignments are read for all of them at once."""
    if not agreements:
        return []
    ids = [a.id for a in agreements if a.id is not None]
    people = {
        p.id: p
        for p in session.execute(
            sa.select(Person).where(Person.id.in_({a.person_id for a in agreements}))
        ).scalars()
    }
    schools: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    for agreement_id, school_id, name in session.execute(
        sa.select(VolunteerAgreementSchool.agreement_id, School.id, School.name)
        .join(School, School.id == VolunteerAgreementSchool.school_id)
        .where(VolunteerAgreementSchool.agreement_id.in_(ids))
        .order_by(School.name)
    ).all():
        schools[agreement_id].append({"id": school_id, "name": name})
    refs = _assignment_refs(
        session,
        {i for a in agreements for i in (a.supervisor_assignment_id, a.contact_point_assignment_id) if i},
    )
    today = clock.today()
    warnings: dict[str | None, list[dict[str, str]]] = {}
    out = []
    for agreement in agreements:
        person = people[agreement.person_id]
        contact = refs.get(agreement.contact_point_assignment_id or 0)
        show_benefit = may_see_benefit(
            principal, agreement.board_id, contact["email"] if contact and contact["active"] else None
        )
        if show_benefit and agreement.benefit_type not in warnings:
            warnings[agreement.benefit_type] = benefit_warnings(session, agreement.benefit_type)
        out.append(
            AgreementOut.model_validate(
                {
                    **agreement.model_dump(exclude={"benefit_type"}),
                    "person_name": person.name,
                    "languages": person.languages,
                    "schools": schools[agreement.id or 0],
                    "supervisor": _ref(refs.get(agreement.supervisor_assignment_id or 0)),
                    "contact_point": _ref(contact),
                    "plan": {
                        "goals": agreement.plan_goals,
                        "internship": agreement.plan_internship,
                        "other_tasks": agreement.plan_other_tasks,
                        "review_date": agreement.plan_review_date,
                    },
                    "active": agreement.starts_on <= today
                    and (agreement.ends_on is None or agreement.ends_on >= today),
                    "benefit_type": agreement.benefit_type if show_benefit else None,
                    "benefit_warnings": warnings[agreement.benefit_type] if show_benefit else [],
                }
            )
        )
    return out


def _ref(found: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if found is None else {k: v for k, v in found.items() if k != "email"}


def agreement_out(session: Session, principal: Principal, agreement: VolunteerAgreement) -> AgreementOut:
    return agreements_out(session, principal, [agreement])[0]


def list_agreements(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    board_id: int | None,
    school_id: int | None,
    person_id: int | None,
    active: bool | None,
) -> Page[AgreementOut]:
    stmt = (
        sa.select(VolunteerAgreement, Person.name)
        .join(Person, Person.id == VolunteerAgreement.person_id)
        .where(agreements_in_scope(principal))
    )
    if board_id is not None:
        stmt = stmt.where(VolunteerAgreement.board_id == board_id)
    if person_id is not None:
        stmt = stmt.where(VolunteerAgreement.person_id == person_id)
    if school_id is not None:
        stmt = stmt.where(
            VolunteerAgreement.id.in_(
                sa.select(VolunteerAgreementSchool.agreement_id).where(
                    VolunteerAgreementSchool.school_id == school_id
                )
            )
        )
    today = clock.today()
    current = sa.and_(
        col(VolunteerAgreement.starts_on) <= today,
        sa.or_(col(VolunteerAgreement.ends_on).is_(None), col(VolunteerAgreement.ends_on) >= today),
    )
    if active is True:
        stmt = stmt.where(current)
    elif active is False:
        stmt = stmt.where(sa.not_(current))
    page = paginate(
        session,
        stmt,
        params,
        sortable={
            "person": Person.name,
            "startsOn": VolunteerAgreement.starts_on,
            "endsOn": VolunteerAgreement.ends_on,
        },
        default_sort=[Person.name],
        tiebreak=VolunteerAgreement.id,
        convert=lambda row: row[0],
    )
    return Page[AgreementOut](
        items=agreements_out(session, principal, page.items),
        total=page.total,
        page=page.page,
        page_size=page.page_size,
    )


def get_agreement(session: Session, principal: Principal, agreement_id: int) -> tuple[AgreementOut, int]:
    agreement = visible_agreement(session, principal, agreement_id)
    return agreement_out(session, principal, agreement), agreement.version


def _check_schools(session: Session, principal: Principal, board_id: int, school_ids: list[int]) -> list[int]:
    unique = sorted(set(school_ids))
    visible = set(
        session.execute(
            sa.select(School.id).where(
                School.id.in_(unique), School.board_id == board_id, School.id.in_(scope.schools(principal))
            )
        ).scalars()
    )
    unknown = [
        (
            f"schoolIds.{school_ids.index(s)}",
            "unknown-reference",
            f"There is no school with id {s} in the key person's board and your scope.",
        )
        for s in unique
        if s not in visible
    ]
    if unknown:
        raise invalid(unknown)
    return unique


def _check_assignment(
    session: Session, board_id: int, field: str, assignment_id: int | None
) -> list[tuple[str, str, str]]:
    if assignment_id is None:
        return []
    code = KEY_ROLES[field]
    row = session.execute(
        sa.select(RoleAssignment.board_id, RoleType.code)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .where(RoleAssignment.id == assignment_id)
    ).first()
    camel = "supervisorAssignmentId" if field.startswith("supervisor") else "contactPointAssignmentId"
    if row is None or row[0] != board_id:
        return [
            (
                camel,
                "unknown-reference",
                f"There is no role assignment with id {assignment_id} in this board.",
            )
        ]
    if row[1] != code:
        return [(camel, "wrong-role", f"Role assignment {assignment_id} is a '{row[1]}', not a '{code}'.")]
    return []


def _check_scheme(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    scheme = values.get("allowance_scheme") or "none"
    problems = []
    if scheme == "fixed" and values.get("fixed_amount_per_month") is None:
        problems.append(("fixedAmountPerMonth", "required", "A fixed allowance needs its amount per month."))
    if scheme == "hourly":
        if values.get("hourly_rate") is None:
            problems.append(("hourlyRate", "required", "An hourly allowance needs its rate."))
        if values.get("age_band") is None:
            problems.append(
                ("ageBand", "required", "An hourly allowance needs the age band (21-plus or under-21).")
            )
    if scheme != "fixed" and values.get("fixed_amount_per_month") is not None:
        problems.append(
            ("fixedAmountPerMonth", "not-applicable", f"A '{scheme}' scheme has no fixed amount.")
        )
    if scheme != "hourly" and values.get("hourly_rate") is not None:
        problems.append(("hourlyRate", "not-applicable", f"A '{scheme}' scheme has no hourly rate."))
    return problems


def _require_benefit_right(
    session: Session, principal: Principal, board_id: int, contact_point_id: int | None
) -> None:
    if not may_see_benefit(principal, board_id, _email_of_assignment(session, contact_point_id)):
        raise ProblemError(
            403,
            "Only the board's administrators and the key person's contact point may record a benefit type.",
            code="forbidden",
            invalid_params=[
                {"name": "benefitType", "in": "body", "code": "forbidden", "reason": "Not allowed."}
            ],
        )


def _plan_fields(data: AgreementCreate | AgreementUpdate, partial: bool) -> dict[str, Any]:
    if data.plan is None:
        return {}
    plan = data.plan.model_dump(exclude_unset=partial)
    return {f"plan_{k}": v for k, v in plan.items()}


def add_agreement(session: Session, principal: Principal, data: AgreementCreate) -> int:
    try:
        person = visible_person(session, principal, data.person_id)
    except ProblemError:
        raise invalid(
            [
                (
                    "personId",
                    "unknown-reference",
                    f"There is no person with id {data.person_id} in your scope.",
                )
            ],
            code="unknown-reference",
        ) from None
    school_ids = _check_schools(session, principal, person.board_id, data.school_ids)
    require_agreement_edit(principal, person.board_id, school_ids)
    values = data.model_dump(exclude={"school_ids", "plan", "person_id"}, exclude_none=True)
    problems = _check_scheme(values)
    for field in KEY_ROLES:
        problems += _check_assignment(session, person.board_id, field, values.get(field))
    if problems:
        raise invalid(problems)
    if data.benefit_type is not None:
        _require_benefit_right(session, principal, person.board_id, data.contact_point_assignment_id)
    agreement = VolunteerAgreement(
        **values, **_plan_fields(data, partial=False), board_id=person.board_id, person_id=person.id
    )
    ident = audited_create(
        session, principal, agreement, "volunteer-agreement", board_id=lambda a: a.board_id
    )
    for school_id in school_ids:
        session.add(VolunteerAgreementSchool(agreement_id=ident, school_id=school_id))
    session.flush()
    return ident


def create_agreement(
    session: Session, principal: Principal, data: AgreementCreate
) -> tuple[AgreementOut, int]:
    ident = add_agreement(session, principal, data)
    return get_agreement(session, principal, ident)


def update_agreement(
    session: Session,
    principal: Principal,
    agreement_id: int,
    data: AgreementUpdate,
    check_version: Callable[[int], None],
) -> tuple[AgreementOut, int]:
    agreement = visible_agreement(session, principal, agreement_id)
    current_schools = agreement_school_ids(session, agreement_id)
    require_agreement_edit(principal, agreement.board_id, current_schools)
    check_version(agreement.version)
    changes = data.model_dump(exclude_unset=True, exclude={"school_ids", "plan"})
    changes.update(_plan_fields(data, partial=True))
    if "benefit_type" in changes:
        contact = changes.get("contact_point_assignment_id", agreement.contact_point_assignment_id)
        _require_benefit_right(session, principal, agreement.board_id, contact)
    if (
        "contact_point_assignment_id" in changes
        and changes["contact_point_assignment_id"] != agreement.contact_point_assignment_id
        and agreement.benefit_type is not None
    ):
        # the contact point may read the benefit type: only someone who may read it already
        # (a board admin, the current contact point) hands that on
        _require_benefit_right(session, principal, agreement.board_id, agreement.contact_point_assignment_id)
    for name, field in (("starts_on", "startsOn"), ("allowance_scheme", "allowanceScheme")):
        if name in changes and changes[name] is None:
            raise invalid([(field, "required", "Cannot be emptied.")])
    merged = {**agreement.model_dump(), **changes}
    problems = _check_scheme(merged)
    for field in KEY_ROLES:
        if field in changes:
            problems += _check_assignment(session, agreement.board_id, field, changes[field])
    if merged["ends_on"] is not None and merged["ends_on"] < merged["starts_on"]:
        problems.append(("endsOn", "end-before-start", "The end date is before the start date."))
    if problems:
        raise invalid(problems)
    if "tasks" in changes and changes["tasks"] is None:
        changes["tasks"] = []
    if "facilities" in changes and changes["facilities"] is None:
        changes["facilities"] = []
    changed = audited_update(
        session,
        principal,
        agreement,
        changes,
        "volunteer-agreement",
        required=["starts_on", "allowance_scheme"],
        board_id=agreement.board_id,
    )
    if data.school_ids is not None:
        new_schools = _check_schools(session, principal, agreement.board_id, data.school_ids)
        require_agreement_edit(principal, agreement.board_id, new_schools)
        if new_schools != current_schools:
            session.execute(
                sa.delete(VolunteerAgreementSchool).where(
                    VolunteerAgreementSchool.agreement_id == agreement_id
                )
            )
            for school_id in new_schools:
                session.add(VolunteerAgreementSchool(agreement_id=agreement_id, school_id=school_id))
            if not changed:
                agreement.updated_at = clock.now()  # the row update moves the version (the ETag) too
            session.flush()
            audit.record(
                session,
                principal,
                "update",
                "volunteer-agreement",
                agreement_id,
                before={"schoolIds": current_schools},
                after={"schoolIds": new_schools},
                board_id=agreement.board_id,
            )
    return get_agreement(session, principal, agreement_id)


def delete_agreement(
    session: Session, principal: Principal, agreement_id: int, check_version: Callable[[int], None]
) -> None:
    agreement = visible_agreement(session, principal, agreement_id)
    require_agreement_edit(principal, agreement.board_id, agreement_school_ids(session, agreement_id))
    check_version(agreement.version)
    if session.scalar(sa.select(sa.func.count()).where(AllowancePayment.agreement_id == agreement_id)):
        raise conflict(
            "Payments were recorded on this agreement; end it (endsOn) instead, so the ledger is kept.",
            "in-use",
        )
    audited_delete(session, principal, agreement, "volunteer-agreement", board_id=agreement.board_id)
