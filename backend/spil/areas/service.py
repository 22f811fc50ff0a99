"""The overview of a municipality or a region, across every board with schools there.

For the municipality's local education agenda (LEA), youth-care arrangements and disadvantage
policy: which schools work with which kinds of partners, whether every school has its statutory
contact points, how far key persons reach parents, whether routes are published. Aggregates
only: a school is named, a person never; small numbers that could identify someone are shown as
``<5`` (as the confidential report does). The counts are the boards' own: role coverage follows
the gap rule ``statutory-role-missing`` (``spil.people.gaps``), partnerships are those the
partnership screens list as active.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Session

from spil.areas.schemas import (
    AreaOverview,
    AreaRef,
    AreaSchool,
    CaseFigure,
    CaseFigures,
    CategoryCount,
    KeyPersonFigures,
    PartnershipFigures,
    QuarterFigure,
    RoleCoverage,
    SchoolRef,
)
from spil.complaints.cases import SMALL
from spil.complaints.models import AREAS, ComplaintRoute, ConfidentialCase
from spil.inclusion.service import area_inclusion
from spil.keypersons.models import KeyPersonActivity
from spil.kit import clock, scope
from spil.kit.errors import not_found
from spil.kit.pagination import Page, PageParams
from spil.kit.policy import Principal
from spil.organisations.models import Board, Municipality, Region, School
from spil.partners.models import Partner, PartnerCategory, Partnership
from spil.people.gaps import held_roles, required_role_types
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment

AreaType = Literal["municipality", "region"]
ROUTE_FINDER = "/openbaar/scholen/{code}/klachtenroutes"


def area_of(session: Session, principal: Principal, kind: AreaType, ident: int) -> tuple[AreaRef, Any]:
    """The area (404 outside the principal's: a contact reads its own municipality or region, the
    platform administrator every one) and the subquery of its municipality ids."""
    if kind == "municipality":
        m = session.execute(
            sa.select(Municipality).where(
                Municipality.id == ident, scope.municipality_visible(principal, Municipality.id)
            )
        ).scalar()
        if m is None:
            raise not_found("municipality")
        return (
            AreaRef(type="municipality", id=ident, code=m.code, name=m.name, kind="municipality"),
            sa.select(Municipality.id).where(Municipality.id == ident),
        )
    r = session.execute(
        sa.select(Region).where(Region.id == ident, scope.region_visible(principal, Region.id))
    ).scalar()
    if r is None:
        raise not_found("region")
    return AreaRef(
        type="region", id=ident, code=r.code, name=r.name, kind=r.kind
    ), scope.region_municipalities({ident})


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _last_quarters(today: dt.date, n: int = 4) -> tuple[dt.date, list[str]]:
    """The first day of the quarter ``n - 1`` quarters back, and the ``n`` quarter names."""
    year, q = today.year, (today.month - 1) // 3
    names = []
    for _ in range(n):
        names.append(f"{year}-Q{q + 1}")
        q -= 1
        if q < 0:
            year, q = year - 1, 3
    first_year, first_q = int(names[-1][:4]), int(names[-1][-1]) - 1
    return dt.date(first_year, first_q * 3 + 1, 1), list(reversed(names))


def _display(n: int) -> str:
    return str(n) if n >= SMALL or n == 0 else f"<{SMALL}"


def overview(
    session: Session,
    principal: Principal,
    kind: AreaType,
    ident: int,
    params: PageParams,
    *,
    board_id: int | None = None,
    sector: str | None = None,
) -> AreaOverview:
    area, municipalities = area_of(session, principal, kind, ident)
    today = clock.today()
    schools = session.execute(
        sa.select(School, Board.name, Municipality.name)
        .join(Board, Board.id == School.board_id)
        .join(Municipality, Municipality.id == School.municipality_id)
        .where(School.municipality_id.in_(municipalities))
        .order_by(School.name, School.id)
    ).all()
    ids = [s.id for s, _, _ in schools]
    roles = [r for r in required_role_types(session) if r.required_by in ("law", "guideline")]
    held = held_roles(session, ids, today)

    def role_applies(role: RoleType, board: int) -> bool:
        return role.board_id in (None, board)

    # partnerships of the schools (active, as the screens count them)
    rows = session.execute(
        sa.select(Partnership.school_id, Partnership.levels, Partnership.status, PartnerCategory)
        .join(Partner, Partner.id == Partnership.partner_id)
        .join(PartnerCategory, PartnerCategory.id == Partner.category_id)
        .where(Partnership.school_id.in_(ids))
    ).all()
    by_category: dict[str, list[Any]] = defaultdict(list)
    levels: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    active_per_school: Counter[int] = Counter()
    for school_id, lv, status, category in rows:
        statuses[status] += 1
        if status != "active":
            continue
        active_per_school[school_id] += 1
        by_category[category.code].append((school_id, category))
        levels.update(lv or [])
    categories = sorted(
        (
            CategoryCount(
                category_code=code,
                category_name_nl=items[0][1].name_nl,
                category_name_en=items[0][1].name_en,
                partnerships=len(items),
                schools=len({s for s, _ in items}),
            )
            for code, items in by_category.items()
        ),
        key=lambda c: (-c.partnerships, c.category_code),
    )
    routes = Counter(
        session.execute(
            sa.select(ComplaintRoute.school_id).where(
                ComplaintRoute.school_id.in_(ids), ComplaintRoute.published.is_(True)
            )
        ).scalars()
    )
    # the schools list, filtered and paged
    listed = [
        (s, board_name, muni)
        for s, board_name, muni in schools
        if (board_id is None or s.board_id == board_id) and (sector is None or s.sector == sector)
    ]
    page_rows = listed[(params.page - 1) * params.page_size : params.page * params.page_size]
    items = [
        AreaSchool(
            id=s.id,
            name=s.name,
            location_code=s.location_code,
            sector=s.sector,
            board_id=s.board_id,
            board_name=board_name,
            municipality_name=muni,
            street=s.street,
            house_number=s.house_number,
            postal_code=s.postal_code,
            city=s.city,
            roles={r.code: (s.id, r.id) in held for r in roles if role_applies(r, s.board_id)},
            partnerships=active_per_school[s.id],
            own_routes_published=routes[s.id],
            route_finder_url=ROUTE_FINDER.format(code=s.location_code),
        )
        for s, board_name, muni in page_rows
    ]
    coverage = []
    for r in roles:
        applicable = [s for s, _, _ in schools if role_applies(r, s.board_id)]
        missing = [s for s in applicable if (s.id, r.id) not in held]
        coverage.append(
            RoleCoverage(
                role_code=r.code,
                role_name_nl=r.name_nl,
                role_name_en=r.name_en,
                required_by="law" if r.required_by == "law" else "guideline",
                schools_filled=len(applicable) - len(missing),
                schools_total=len(applicable),
                schools_missing=[
                    SchoolRef(id=s.id, name=s.name, location_code=s.location_code) for s in missing
                ],
            )
        )
    first, quarters = _last_quarters(today)
    return AreaOverview(
        area=area,
        computed_at=clock.now(),
        period_from=first,
        period_to=today,
        boards=len({s.board_id for s, _, _ in schools}),
        schools_total=len(schools),
        schools_by_sector=dict(sorted(Counter(s.sector for s, _, _ in schools).items())),
        schools=Page[AreaSchool](
            items=items, total=len(listed), page=params.page, page_size=params.page_size
        ),
        roles=coverage,
        partnerships=PartnershipFigures(
            total=sum(len(v) for v in by_category.values()),
            by_category=categories,
            by_level=dict(sorted(levels.items())),
            by_status=dict(sorted(statuses.items())),
        ),
        key_persons=_key_persons(session, ids, today, first, quarters),
        confidential_cases=_cases(session, ids, today.year),
        inclusion=area_inclusion(
            session,
            ids,
            [(s.board_id, s.id) for s, _, _ in schools],
            set(
                session.execute(
                    sa.select(Municipality.region_id).where(Municipality.id.in_(municipalities)).distinct()
                ).scalars()
            ),
        ),
    )


def _key_persons(
    session: Session, ids: list[int], today: dt.date, first: dt.date, quarters: list[str]
) -> KeyPersonFigures:
    people = session.execute(
        sa.select(RoleAssignment.person_id, RoleAssignment.school_id, Person.languages)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .join(Person, Person.id == RoleAssignment.person_id)
        .where(RoleType.code == "key-person", RoleAssignment.school_id.in_(ids), active_assignment(today))
    ).all()
    persons = {p for p, _, _ in people}
    shown = len(persons) >= SMALL
    languages = sorted({lang for _, _, langs in people for lang in (langs or [])}) if shown else []
    activity: dict[str, list[int]] = {q: [0, 0] for q in quarters}
    for occurred_on, parents in session.execute(
        sa.select(KeyPersonActivity.occurred_on, KeyPersonActivity.parents_reached).where(
            KeyPersonActivity.school_id.in_(ids),
            KeyPersonActivity.occurred_on >= first,
            KeyPersonActivity.occurred_on <= today,
        )
    ).all():
        cell = activity[_quarter(occurred_on)]
        cell[0] += 1
        cell[1] += parents or 0
    return KeyPersonFigures(
        count=len(persons) if shown else None,
        count_display=_display(len(persons)),
        languages=languages,
        schools_with_key_persons=len({s for _, s, _ in people}),
        per_quarter=[
            QuarterFigure(quarter=q, activities=a, parents_reached=p) for q, (a, p) in activity.items()
        ],
    )


def _cases(session: Session, ids: list[int], year: int) -> CaseFigures:
    counts = Counter(
        session.execute(
            sa.select(ConfidentialCase.area).where(
                ConfidentialCase.school_id.in_(ids),
                ConfidentialCase.opened_on >= dt.date(year, 1, 1),
                ConfidentialCase.opened_on <= dt.date(year, 12, 31),
            )
        ).scalars()
    )
    per_area = [CaseFigure(area=a, display=_display(counts[a])) for a in AREAS]
    total = sum(counts.values())
    # as the annual report shows a board: no total when a suppressed cell could be worked out from it
    suppressed = any(0 < n < SMALL for n in counts.values())
    return CaseFigures(year=year, per_area=per_area, total_display="-" if suppressed else _display(total))


EXPORT_HEADERS = ["vestiging", "school", "sector", "bestuur", "gemeente", "samenwerkingen", "eigen routes"]


def export_rows(overview: AreaOverview) -> tuple[list[str], list[list[Any]]]:
    codes = [r.role_code for r in overview.roles]
    headers = EXPORT_HEADERS + [f"rol: {r.role_name_nl}" for r in overview.roles]
    rows = [
        [
            s.location_code,
            s.name,
            s.sector,
            s.board_name,
            s.municipality_name,
            s.partnerships,
            s.own_routes_published,
            *(("ja" if s.roles[c] else "nee") if c in s.roles else "" for c in codes),
        ]
        for s in overview.schools.items
    ]
    return headers, rows
