"""Views across people, roles and partners: the organogram of a school and the induction overview."""

from __future__ import annotations

from typing import Any, Literal

import sqlalchemy as sa
from pydantic import Field
from sqlmodel import Session

from spil.kit.policy import Principal
from spil.kit.schemas import ApiModel
from spil.organisations.models import School
from spil.organisations.service import visible_school
from spil.partners.models import Partner, PartnerCategory, Partnership
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment


class OrganogramNode(ApiModel):
    id: str = Field(description="Unique within the graph: `school-1`, `person-4`, `partner-7`.")
    type: Literal["school", "person", "partner"]
    label: str
    roles: list[str] = Field(default_factory=list, description="For a person: the roles held at this school.")
    category: str | None = Field(default=None, description="For a partner: its category code.")


class OrganogramEdge(ApiModel):
    source: str
    target: str
    type: Literal["holds-role", "contact-for"]
    label: str


class Organogram(ApiModel):
    school_id: int
    school_name: str
    nodes: list[OrganogramNode]
    edges: list[OrganogramEdge]


def _school_assignments(session: Session, school: School) -> list[Any]:
    """Active roles at the school, plus board-level roles of the school's board (e.g. the external
    confidential counsellor), so the organogram shows where a school can turn."""
    return list(
        session.execute(
            sa.select(RoleAssignment, Person, RoleType)
            .join(Person, Person.id == RoleAssignment.person_id)
            .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
            .where(
                sa.or_(
                    RoleAssignment.school_id == school.id,
                    sa.and_(
                        RoleAssignment.school_id.is_(None),
                        RoleAssignment.board_id == school.board_id,
                        RoleAssignment.region_id.is_(None),
                    ),
                ),
                active_assignment(),
            )
            .order_by(RoleType.id, Person.name)
        ).all()
    )


def organogram(session: Session, principal: Principal, school_id: int) -> Organogram:
    school = visible_school(session, principal, school_id)
    root = f"school-{school.id}"
    nodes: dict[str, OrganogramNode] = {root: OrganogramNode(id=root, type="school", label=school.name)}
    edges: list[OrganogramEdge] = []
    partner_of: dict[int, tuple[int, str, str]] = {}
    rows = _school_assignments(session, school)
    partnership_ids = [a.partnership_id for a, _, _ in rows if a.partnership_id]
    if partnership_ids:
        partner_of = {
            pid: (partner_id, name, code)
            for pid, partner_id, name, code in session.execute(
                sa.select(Partnership.id, Partner.id, Partner.name, PartnerCategory.code)
                .join(Partner, Partner.id == Partnership.partner_id)
                .join(PartnerCategory, PartnerCategory.id == Partner.category_id)
                .where(Partnership.id.in_(partnership_ids), Partnership.status != "ended")
            ).all()
        }
    for assignment, person, role_type in rows:
        node_id = f"person-{person.id}"
        node = nodes.setdefault(node_id, OrganogramNode(id=node_id, type="person", label=person.name))
        if assignment.partnership_id:
            partner = partner_of.get(assignment.partnership_id)
            if partner is None:
                continue
            partner_node = f"partner-{partner[0]}"
            nodes.setdefault(
                partner_node,
                OrganogramNode(id=partner_node, type="partner", label=partner[1], category=partner[2]),
            )
            edges.append(
                OrganogramEdge(
                    source=node_id, target=partner_node, type="contact-for", label=role_type.name_nl
                )
            )
            if not any(e.source == root and e.target == node_id for e in edges):
                edges.append(
                    OrganogramEdge(source=root, target=node_id, type="holds-role", label=role_type.name_nl)
                )
        else:
            if role_type.name_nl not in node.roles:
                node.roles.append(role_type.name_nl)
            edges.append(
                OrganogramEdge(source=root, target=node_id, type="holds-role", label=role_type.name_nl)
            )
    return Organogram(school_id=school.id, school_name=school.name, nodes=list(nodes.values()), edges=edges)


class InductionContact(ApiModel):
    person_id: int
    name: str
    email: str | None
    phone: str | None
    is_primary: bool


class InductionPartner(ApiModel):
    partnership_id: int
    partner_name: str
    category_code: str
    category_name: str
    title: str | None
    purposes: list[str]
    co_located: bool
    contacts: list[InductionContact]


class InductionLevel(ApiModel):
    level: Literal["pupil", "group", "school", "unspecified"]
    partners: list[InductionPartner]


class Induction(ApiModel):
    school_id: int
    school_name: str
    levels: list[InductionLevel]


def induction(session: Session, principal: Principal, school_id: int) -> Induction:
    """For new staff: the school's open partnerships by level, each with the colleague to go to."""
    school = visible_school(session, principal, school_id)
    partnerships = session.execute(
        sa.select(Partnership, Partner.name, PartnerCategory.code, PartnerCategory.name_nl)
        .join(Partner, Partner.id == Partnership.partner_id)
        .join(PartnerCategory, PartnerCategory.id == Partner.category_id)
        .where(
            sa.or_(
                Partnership.school_id == school.id,
                sa.and_(Partnership.school_id.is_(None), Partnership.board_id == school.board_id),
            ),
            Partnership.status.in_(("exploring", "active")),
        )
        .order_by(Partner.name)
    ).all()
    ids = [p.id for p, *_ in partnerships]
    contacts: dict[int, list[InductionContact]] = {i: [] for i in ids}
    if ids:
        for assignment, person in session.execute(
            sa.select(RoleAssignment, Person)
            .join(Person, Person.id == RoleAssignment.person_id)
            .where(RoleAssignment.partnership_id.in_(ids), active_assignment())
            .order_by(RoleAssignment.is_primary.desc(), Person.name)
        ).all():
            contacts[assignment.partnership_id].append(
                InductionContact(
                    person_id=person.id,
                    name=person.name,
                    email=person.email,
                    phone=person.phone,
                    is_primary=assignment.is_primary,
                )
            )
    levels: dict[Literal["pupil", "group", "school", "unspecified"], list[InductionPartner]] = {
        "pupil": [],
        "group": [],
        "school": [],
        "unspecified": [],
    }
    for partnership, partner_name, code, category_name in partnerships:
        entry = InductionPartner(
            partnership_id=partnership.id,
            partner_name=partner_name,
            category_code=code,
            category_name=category_name,
            title=partnership.title,
            purposes=partnership.purposes,
            co_located=partnership.co_located,
            contacts=contacts[partnership.id],
        )
        for level in partnership.levels or ["unspecified"]:
            levels[level].append(entry)
    return Induction(
        school_id=school.id,
        school_name=school.name,
        levels=[InductionLevel(level=k, partners=v) for k, v in levels.items() if v],
    )
