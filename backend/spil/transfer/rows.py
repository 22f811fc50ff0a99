"""The rows of an import, planned in batches and written at once.

A file of partners, people or role assignments is read in batches of ``BATCH`` rows. For each
batch the records its rows refer to (partners by KvK number or name, people by e-mail or name,
partnerships, current role assignments, sync links) are read with one query per kind of record,
into dictionaries; the board's categories, role types, schools and the municipalities are read
once per import. Each row is then checked and matched without asking the database again: the
same rules as the services' (``spil.partners.service``, ``spil.people.service``), the same
messages. What a valid row does (create, or change these fields of that record) is kept in
order, and the rows that come later in the file see it (a file that names a new partner twice
creates it once).

Nothing is written in a dry run. The real import writes the planned actions at once: the new
records in one flush, then the changes, each with its audit event (so the change feed has
them), exactly what the dry run showed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import ValidationError
from sqlmodel import Session, SQLModel, col

from spil.kit import audit, clock, scope
from spil.kit.crud import apply_patch, refuse_nulls
from spil.kit.errors import ProblemError, conflict, conflict_on, invalid, not_found
from spil.kit.policy import Capability, Principal
from spil.kit.schemas import ApiModel
from spil.organisations.models import Board, Municipality, School
from spil.partners.models import Partner, PartnerCategory, Partnership
from spil.partners.schemas import PartnerCreate, PartnerUpdate
from spil.partners.service import duplicate_kvk_error
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment
from spil.people.schemas import PersonCreate, PersonUpdate, RoleAssignmentCreate, RoleAssignmentUpdate
from spil.sync import ownership
from spil.sync.models import SyncLink
from spil.transfer import labels
from spil.transfer.labels import Lang

BATCH = 500
RowStatus = Literal["create", "update", "unchanged"]


class RowError(ApiModel):
    field: str
    reason: str


class RowProblem(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors


class Lookups:
    """What the rows of one import look up, read once: the board's categories and role types by
    code and by name (Dutch and English), and the language of the answers."""

    def __init__(self, session: Session, board_id: int, lang: Lang) -> None:
        self.lang = lang
        self.categories: dict[str, str] = {}
        self.category_ids: dict[str, int] = {}  # code -> id, the board's own before the built-in
        for ident, code, name_nl, name_en in session.execute(
            sa.select(
                PartnerCategory.id, PartnerCategory.code, PartnerCategory.name_nl, PartnerCategory.name_en
            )
            .where(sa.or_(PartnerCategory.board_id.is_(None), PartnerCategory.board_id == board_id))
            .order_by(PartnerCategory.board_id.is_(None), PartnerCategory.id)
        ).all():
            self.category_ids.setdefault(code, ident)
            for text in (code, name_nl, name_en):
                self.categories.setdefault(labels.normal(text), code)
        self.roles: dict[str, str] = {}
        self.role_types: dict[str, RoleType] = {}  # code -> the board's own before the built-in
        for role_type in session.execute(
            sa.select(RoleType)
            .where(sa.or_(RoleType.board_id.is_(None), RoleType.board_id == board_id))
            .order_by(RoleType.board_id.is_(None), RoleType.id)
        ).scalars():
            self.role_types.setdefault(role_type.code, role_type)
            for text in (role_type.code, role_type.name_nl, role_type.name_en):
                self.roles.setdefault(labels.normal(text), role_type.code)
        # ... and the common Dutch job titles the sync runs know (directeur, intern begeleider, ...)
        from spil.sync.mapping import DEFAULT_ROLE_NAMES

        known = set(self.roles.values())
        for title, code in DEFAULT_ROLE_NAMES.items():
            if code in known:
                self.roles.setdefault(labels.normal(title), code)

    def say(self, dutch: str, english: str) -> str:
        return dutch if self.lang == "nl" else english

    def category(self, text: str) -> str:
        found = self.categories.get(labels.normal(text))
        if found is None:
            raise RowProblem(
                [
                    RowError(
                        field="category",
                        reason=self.say(
                            f"Spil kent de categorie '{text}' niet. Gebruik een naam uit de catalogus, "
                            "zoals Bibliotheek of Jeugdzorg.",
                            f"Spil does not know the category '{text}'. Use a name from the catalogue, "
                            "such as Library or Youth care.",
                        ),
                    )
                ]
            )
        return found

    def role(self, text: str) -> str:
        found = self.roles.get(labels.normal(text))
        if found is None:
            raise RowProblem(
                [
                    RowError(
                        field="role",
                        reason=self.say(
                            f"Spil kent de rol '{text}' niet. Gebruik een rol uit de catalogus, zoals "
                            "Intern begeleider.",
                            f"Spil does not know the role '{text}'. Use a role from the catalogue, such "
                            "as Internal supervisor.",
                        ),
                    )
                ]
            )
        return found

    def kind(self, text: str) -> str:
        found = labels.person_kind(text)
        if found is None:
            raise RowProblem(
                [
                    RowError(
                        field="kind",
                        reason=self.say(
                            f"Onbekende soort '{text}': gebruik Medewerker, Vrijwilliger of Extern.",
                            f"Unknown kind '{text}': use Staff member, Volunteer or External.",
                        ),
                    )
                ]
            )
        return found


def given(row: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in row.items() if v != ""}


def yes(value: str, look: Lookups) -> bool:
    answer = labels.yes_no(value)
    if answer is None:
        raise RowProblem(
            [RowError(field="isPrimary", reason=look.say("Gebruik ja of nee.", "Use yes or no."))]
        )
    return answer


def languages(value: str) -> list[str]:
    return [v.lower() for v in re.split(r"[\s,|/]+", value) if v]


# --- the records rows are matched to ---------------------------------------------------------------
class Rec:
    """A record of the board as the rows so far leave it: one read from the database (``obj``),
    or one this import creates (``obj`` is made when it is written)."""

    __slots__ = ("obj", "state")

    def __init__(self, state: dict[str, Any], obj: SQLModel | None = None) -> None:
        self.state = state
        self.obj = obj

    def __getattr__(self, name: str) -> Any:  # what ``ownership.refuse_owned`` compares with
        if name in Rec.__slots__:  # not set yet (never through ``state`` itself)
            raise AttributeError(name)
        try:
            return self.state[name]
        except KeyError:
            raise AttributeError(name) from None


_COLUMN_NAMES: dict[type, tuple[str, ...]] = {}


def _columns(obj: SQLModel) -> dict[str, Any]:
    names = _COLUMN_NAMES.get(type(obj))
    if names is None:
        names = _COLUMN_NAMES[type(obj)] = tuple(c.name for c in obj.__table__.columns)  # type: ignore[attr-defined]
    return {name: getattr(obj, name) for name in names}


def _defaults(model: type[SQLModel]) -> dict[str, Any]:
    """A new record's columns before its fields are set (what the model would give)."""
    return {
        name: field.get_default(call_default_factory=True)
        for name, field in model.model_fields.items()
        if name in model.__table__.columns  # type: ignore[attr-defined]
    }


def _changed(state: dict[str, Any], changes: dict[str, Any]) -> bool:
    return any(state.get(name) != value for name, value in changes.items())


def _add(index: dict[Any, list[Rec]], key: Any, rec: Rec) -> None:
    if key is not None:
        index.setdefault(key, []).append(rec)


def _drop(index: dict[Any, list[Rec]], key: Any, rec: Rec) -> None:
    found = index.get(key)
    if found and rec in found:
        found.remove(rec)


class Plan:
    """The rows of one kind, matched and checked batch by batch; ``write`` carries them out."""

    entity_type = ""
    model: type[SQLModel]

    def __init__(self, session: Session, principal: Principal, board_id: int, look: Lookups) -> None:
        self.session = session
        self.principal = principal
        self.board_id = board_id
        self.look = look
        self.loaded: dict[int, Rec] = {}
        self.actions: list[tuple[Literal["create", "update"], Rec, dict[str, Any]]] = []
        self.defaults = _defaults(self.model)
        # whether the caller reads the board's records (the services' ``visible_*``), asked once
        self.board_visible = (
            session.execute(
                sa.select(Board.id).where(Board.id == board_id, Board.id.in_(scope.boards(principal)))
            ).first()
            is not None
        )

    def prefetch(self, rows: list[dict[str, str]]) -> None:
        """Read what this batch of rows refers to (one query per kind of record)."""

    def plan(self, row: dict[str, str]) -> tuple[RowStatus, str]:
        raise NotImplementedError

    def _load(self, objs: Iterable[SQLModel]) -> list[Rec]:
        new = []
        for obj in objs:
            ident = obj.id  # type: ignore[attr-defined]
            if ident in self.loaded:
                continue  # the rows so far may have changed it: what is in memory counts
            rec = Rec(_columns(obj), obj)
            self.loaded[ident] = rec
            new.append(rec)
        return new

    def _create(self, fields: dict[str, Any]) -> Rec:
        defaults = {k: list(v) if isinstance(v, list) else v for k, v in self.defaults.items()}
        rec = Rec({**defaults, "id": None, **fields})
        self.actions.append(("create", rec, fields))
        return rec

    def _update(self, rec: Rec, changes: dict[str, Any]) -> RowStatus:
        if not _changed(rec.state, changes):
            return "unchanged"
        before = dict(rec.state)
        rec.state.update(changes)
        self.actions.append(("update", rec, {"changes": changes, "before": before, "after": dict(rec.state)}))
        return "update"

    def _scope(self, rec: Rec) -> tuple[int | None, int | None]:
        return rec.state.get("board_id"), None

    def write(self) -> None:
        """Carry out the planned actions (audited, not committed): the new records in one
        statement, as the rows leave them; the changes of records read from the database on
        their objects, in one flush; an audit event for every create and change in the order of
        the rows (a record created and changed again by a later row has both), in one statement."""
        table: sa.Table = self.model.__table__  # type: ignore[attr-defined]
        creates = [(rec, fields) for action, rec, fields in self.actions if action == "create"]
        writes = {id(rec): 0 for rec, _ in creates}  # a new record's version: 1 + its changes
        for action, rec, _ in self.actions:
            if action == "update" and id(rec) in writes:
                writes[id(rec)] += 1
        if creates:
            rows = [
                {**{k: v for k, v in rec.state.items() if k != "id"}, "version": 1 + writes[id(rec)]}
                for rec, _ in creates
            ]
            ids = self.session.execute(
                table.insert().returning(table.c.id, sort_by_parameter_order=True), rows
            ).scalars()
            for (rec, _), ident in zip(creates, ids, strict=True):
                rec.state["id"] = ident
        events = []
        for rec, fields in creates:
            board_id, school_id = self._scope(rec)
            created = {**self.defaults, **fields, "id": rec.state["id"]}
            events.append(
                audit.event_values(
                    self.principal,
                    "create",
                    self.entity_type,
                    rec.state["id"],
                    after=audit.snapshot_of(table, created),
                    board_id=board_id,
                    school_id=school_id,
                )
            )
        for action, rec, change in self.actions:
            if action != "update":
                continue
            if rec.obj is not None:  # read from the database: changed through its object
                apply_patch(rec.obj, change["changes"])
            board_id, school_id = self._scope(rec)
            events.append(
                audit.event_values(
                    self.principal,
                    "update",
                    self.entity_type,
                    rec.state["id"],
                    before=audit.snapshot_of(table, change["before"]),
                    after=audit.snapshot_of(table, change["after"]),
                    board_id=board_id,
                    school_id=school_id,
                )
            )
        self.session.flush()
        audit.record_many(self.session, events)


def _first(*candidates: Iterable[Rec]) -> Rec | None:
    """The first match, as the database would give it: read records by id, then new ones."""
    found = [rec for group in candidates for rec in group]
    if not found:
        return None
    return min(found, key=lambda r: (r.state.get("id") is None, r.state.get("id") or 0, id(r)))


# --- partners --------------------------------------------------------------------------------------
class PartnerPlan(Plan):
    entity_type = "partner"
    model = Partner

    def __init__(self, session: Session, principal: Principal, board_id: int, look: Lookups) -> None:
        super().__init__(session, principal, board_id, look)
        self.by_kvk: dict[str, list[Rec]] = {}
        self.by_name: dict[str, list[Rec]] = {}
        self.kvks_read: set[str] = set()
        self.names_read: set[str] = set()
        # by code (GM0392) and by name (haarlem), read once
        self.municipality_codes: dict[str, int] = {}
        self.municipality_names: dict[str, int] = {}
        for ident, code, name in session.execute(
            sa.select(Municipality.id, Municipality.code, Municipality.name).order_by(Municipality.id)
        ).all():
            self.municipality_codes.setdefault(code, ident)
            self.municipality_names.setdefault(name.lower(), ident)

    def _index(self, rec: Rec) -> None:
        _add(self.by_kvk, rec.state.get("kvk_number"), rec)
        _add(self.by_name, (rec.state.get("name") or "").lower(), rec)

    def _read(self, kvks: set[str], names: set[str]) -> None:
        kvks, names = kvks - self.kvks_read, names - self.names_read
        if not kvks and not names:
            return
        self.kvks_read |= kvks
        self.names_read |= names
        conditions = []
        if kvks:
            conditions.append(col(Partner.kvk_number).in_(sorted(kvks)))
        if names:
            conditions.append(sa.func.lower(Partner.name).in_(sorted(names)))
        found = self.session.execute(
            sa.select(Partner)
            .where(Partner.board_id == self.board_id, sa.or_(*conditions))
            .order_by(Partner.id)
        ).scalars()
        for rec in self._load(found):
            self._index(rec)

    def prefetch(self, rows: list[dict[str, str]]) -> None:
        self._read(
            {r["kvkNumber"] for r in rows if r.get("kvkNumber")},
            {r["name"].lower() for r in rows if r.get("name") and not r.get("kvkNumber")},
        )

    def _municipality(self, text: str) -> int:
        found = self.municipality_codes.get(text.upper()) or self.municipality_names.get(text.lower())
        if found is None:
            raise RowProblem(
                [
                    RowError(
                        field="municipality",
                        reason=self.look.say(
                            f"Spil kent de gemeente '{text}' niet.", f"Unknown municipality '{text}'."
                        ),
                    )
                ]
            )
        return found

    def _refuse_duplicate_kvk(self, kvk: str | None, rec: Rec | None) -> None:
        if not kvk:
            return
        self._read({kvk}, set())
        other = _first(r for r in self.by_kvk.get(kvk, []) if r is not rec)
        if other is not None:
            raise duplicate_kvk_error(kvk, other.state.get("id"), other.state["name"])

    def plan(self, row: dict[str, str]) -> tuple[RowStatus, str]:
        cells = given(row)
        if "category" in cells:
            cells["category"] = self.look.category(cells["category"])
        municipality_id = self._municipality(cells["municipality"]) if "municipality" in cells else None
        fields: dict[str, Any] = {
            k: v
            for k, v in cells.items()
            if k in ("name", "category", "kvkNumber", "email", "phone", "website", "address", "notes")
        }
        if municipality_id is not None:
            fields["municipalityId"] = municipality_id
        if "kvkNumber" in cells:
            self._read({cells["kvkNumber"]}, set())
            existing = _first(self.by_kvk.get(cells["kvkNumber"], []))
        else:
            name = cells.get("name", "").lower()
            self._read(set(), {name})
            existing = _first(self.by_name.get(name, []))
        key = cells.get("kvkNumber") or cells.get("name", "")
        if existing is None:
            data = PartnerCreate.model_validate({**fields, "boardId": self.board_id})
            self._refuse_duplicate_kvk(data.kvk_number, None)
            values = data.model_dump(exclude={"category"})
            values["category_id"] = self._category_id(data.category)
            self._index(self._create(values))
            return "create", key
        if not self.board_visible:
            raise not_found("partner")
        changes = PartnerUpdate.model_validate(fields).model_dump(exclude_unset=True)
        if changes.get("kvk_number"):
            self._refuse_duplicate_kvk(changes["kvk_number"], existing)
        if "category" in changes:
            code = changes.pop("category")
            if code is None:
                raise invalid([("category", "required", "A partner needs a category.")], code="required")
            changes["category_id"] = self._category_id(code)
        refuse_nulls(changes, ["name"])
        old_kvk, old_name = existing.state.get("kvk_number"), (existing.state.get("name") or "").lower()
        status = self._update(existing, changes)
        if status == "update":
            _drop(self.by_kvk, old_kvk, existing)
            _drop(self.by_name, old_name, existing)
            self._index(existing)
        return status, key

    def _category_id(self, code: str) -> int:
        found = self.look.category_ids.get(code)
        if found is None:  # the services' message (resolve_category)
            raise invalid(
                [("category", "unknown-category", f"Unknown partner category '{code}'.")],
                code="unknown-category",
            )
        return found


# --- people ----------------------------------------------------------------------------------------
def _owned_links(session: Session, entity_type: str, ids: list[int]) -> dict[int, SyncLink]:
    """The first current sync link of each record (``ownership.refuse_owned`` reads one by one)."""
    links: dict[int, SyncLink] = {}
    if not ids:
        return links
    for link in session.execute(
        sa.select(SyncLink)
        .where(
            SyncLink.entity_type == entity_type,
            col(SyncLink.entity_id).in_(ids),
            col(SyncLink.ended_by_run_id).is_(None),
        )
        .order_by(SyncLink.id)
    ).scalars():
        links.setdefault(link.entity_id, link)
    return links


class PersonPlan(Plan):
    entity_type = "person"
    model = Person

    def __init__(self, session: Session, principal: Principal, board_id: int, look: Lookups) -> None:
        super().__init__(session, principal, board_id, look)
        self.by_email: dict[str, list[Rec]] = {}
        self.by_name: dict[str, list[Rec]] = {}
        self.emails_read: set[str] = set()
        self.names_read: set[str] = set()
        self.links: dict[int, SyncLink] = {}

    def _index(self, rec: Rec) -> None:
        email = rec.state.get("email")
        _add(self.by_email, email.lower() if email else None, rec)
        _add(self.by_name, (rec.state.get("name") or "").lower(), rec)

    def _read(self, emails: set[str], names: set[str]) -> None:
        emails, names = emails - self.emails_read, names - self.names_read
        if not emails and not names:
            return
        self.emails_read |= emails
        self.names_read |= names
        conditions = []
        if emails:
            conditions.append(sa.func.lower(Person.email).in_(sorted(emails)))
        if names:
            conditions.append(sa.func.lower(Person.name).in_(sorted(names)))
        found = self.session.execute(
            sa.select(Person).where(Person.board_id == self.board_id, sa.or_(*conditions)).order_by(Person.id)
        ).scalars()
        new = self._load(found)
        for rec in new:
            self._index(rec)
        self.links.update(_owned_links(self.session, "person", [r.state["id"] for r in new]))

    def prefetch(self, rows: list[dict[str, str]]) -> None:
        self._read(
            {r["email"].lower() for r in rows if r.get("email")},
            {r["name"].lower() for r in rows if r.get("name") and not r.get("email")},
        )

    def _check_email(self, email: str | None, rec: Rec | None) -> None:
        """``people.service._check_email``: the same address twice in a board is refused."""
        if email is None:
            return
        self._read({email.lower()}, set())
        if any(r is not rec and r.state.get("email") == email for r in self.by_email.get(email.lower(), [])):
            raise conflict_on(
                "email", f"Someone in this board already has the e-mail address {email}.", "duplicate"
            )

    def plan(self, row: dict[str, str]) -> tuple[RowStatus, str]:
        cells = given(row)
        if "kind" in cells:
            cells["kind"] = self.look.kind(cells["kind"])
        fields: dict[str, Any] = {
            k: v for k, v in cells.items() if k in ("name", "kind", "email", "phone", "notes")
        }
        if "languages" in cells:
            fields["languages"] = languages(cells["languages"])
        if "email" in cells:
            ref = cells["email"].lower()
            self._read({ref}, set())
            existing = _first(self.by_email.get(ref, []))
        else:
            ref = cells.get("name", "").lower()
            self._read(set(), {ref})
            existing = _first(self.by_name.get(ref, []))
        key = cells.get("email") or cells.get("name", "")
        if existing is None:
            data = PersonCreate.model_validate({**fields, "boardId": self.board_id})
            self._check_email(data.email, None)
            values = {k: v for k, v in data.model_dump().items() if v is not None}
            self._index(self._create(values))
            return "create", key
        if not self.board_visible:
            raise not_found("person")
        if existing.state.get("erased_on") is not None:
            raise conflict("This person's data was erased; register them anew if they come back.", "erased")
        changes = PersonUpdate.model_validate(fields).model_dump(exclude_unset=True)
        if changes.get("languages") is None and "languages" in changes:
            changes["languages"] = []
        self._check_email(changes.get("email"), existing)
        link = self.links.get(existing.state["id"]) if existing.state.get("id") else None
        if link is not None:
            ownership.refuse_owned_by(link, "person", changes, existing)
        refuse_nulls(changes, ["name", "kind"])
        old_email, old_name = existing.state.get("email"), (existing.state.get("name") or "").lower()
        status = self._update(existing, changes)
        if status == "update":
            _drop(self.by_email, old_email.lower() if old_email else None, existing)
            _drop(self.by_name, old_name, existing)
            self._index(existing)
        return status, key


# --- role assignments ------------------------------------------------------------------------------
class AssignmentPlan(Plan):
    entity_type = "role-assignment"
    model = RoleAssignment

    def __init__(self, session: Session, principal: Principal, board_id: int, look: Lookups) -> None:
        super().__init__(session, principal, board_id, look)
        self.today = clock.today()
        self.people: dict[int, Person] = {}
        self.person_refs: dict[str, list[Person]] = {}  # lower(e-mail) and lower(name) -> people
        self.refs_read: set[str] = set()
        self.people_read: set[int] = set()
        self.schools: dict[str, int] = {
            code: ident
            for ident, code in session.execute(
                sa.select(School.id, School.location_code)
                .where(School.board_id == board_id)
                .order_by(School.id)
            ).all()
        }
        self.partnerships: dict[tuple[str, int | None], int] = {}
        self.partners_read: set[str] = set()
        self.current: dict[tuple[int, int, int | None, int | None], list[Rec]] = {}
        self.visible: dict[int, bool] = {}
        self.links: dict[int, SyncLink] = {}

    def _scope(self, rec: Rec) -> tuple[int | None, int | None]:
        return rec.state.get("board_id"), rec.state.get("school_id")

    def _read_people(self, refs: set[str]) -> None:
        refs = refs - self.refs_read
        if not refs:
            return
        self.refs_read |= refs
        found = self.session.execute(
            sa.select(Person)
            .where(
                Person.board_id == self.board_id,
                sa.or_(
                    sa.func.lower(Person.email).in_(sorted(refs)),
                    sa.func.lower(Person.name).in_(sorted(refs)),
                ),
            )
            .order_by(Person.id)
        ).scalars()
        new = []
        for person in found:
            if person.id in self.people:
                continue
            self.people[person.id] = person  # type: ignore[index]
            new.append(person)
            for ref in {(person.email or "").lower(), person.name.lower()} - {""}:
                self.person_refs.setdefault(ref, []).append(person)
        self._read_assignments([p.id for p in new if p.id is not None])

    def _read_assignments(self, person_ids: list[int]) -> None:
        """The current assignments of these people, with whether the caller reads each."""
        person_ids = [p for p in person_ids if p not in self.people_read]
        if not person_ids:
            return
        self.people_read |= set(person_ids)
        visible = scope.school_or_board(self.principal, RoleAssignment.school_id, RoleAssignment.board_id)
        rows = self.session.execute(
            sa.select(RoleAssignment, visible)
            .where(col(RoleAssignment.person_id).in_(person_ids), active_assignment(self.today))
            .order_by(RoleAssignment.id)
        ).all()
        by_id = {a.id: bool(v) for a, v in rows}
        new = self._load(a for a, _ in rows)
        for rec in new:
            self.visible[rec.state["id"]] = by_id[rec.state["id"]]
            self._index(rec)
        self.links.update(_owned_links(self.session, "role-assignment", [r.state["id"] for r in new]))

    def _index(self, rec: Rec) -> None:
        s = rec.state
        _add(
            self.current,
            (s["person_id"], s["role_type_id"], s.get("school_id"), s.get("partnership_id")),
            rec,
        )

    def _read_partnerships(self, names: set[str]) -> None:
        names = names - self.partners_read
        if not names:
            return
        self.partners_read |= names
        for ident, name, school_id in self.session.execute(
            sa.select(Partnership.id, Partner.name, Partnership.school_id)
            .join(Partner, Partner.id == Partnership.partner_id)
            .where(Partnership.board_id == self.board_id, sa.func.lower(Partner.name).in_(sorted(names)))
            .order_by(Partnership.id)
        ).all():
            self.partnerships.setdefault((name.lower(), school_id), ident)

    def prefetch(self, rows: list[dict[str, str]]) -> None:
        self._read_people({r["person"].lower() for r in rows if r.get("person")})
        self._read_partnerships({r["partner"].lower() for r in rows if r.get("partner")})

    def _problem(self, field: str, dutch: str, english: str) -> RowProblem:
        return RowProblem([RowError(field=field, reason=self.look.say(dutch, english))])

    def plan(self, row: dict[str, str]) -> tuple[RowStatus, str]:
        cells = given(row)
        if "role" in cells:
            cells["role"] = self.look.role(cells["role"])
        ref = cells.get("person", "")
        self._read_people({ref.lower()})
        candidates = self.person_refs.get(ref.lower(), [])
        person = min(candidates, key=lambda p: p.id or 0) if candidates else None
        if person is None:
            raise self._problem(
                "person",
                f"Bij dit bestuur is er geen persoon '{ref}'. Importeer eerst de personen.",
                f"No person '{ref}' in this board (import people first).",
            )
        school_id = None
        if "school" in cells:
            school_id = self.schools.get(cells["school"].upper())
            if school_id is None:
                raise self._problem(
                    "school",
                    f"Bij dit bestuur is er geen school met vestigingscode '{cells['school']}'.",
                    f"No school with location code '{cells['school']}' in this board.",
                )
        partnership_id = None
        if "partner" in cells:
            self._read_partnerships({cells["partner"].lower()})
            partnership_id = self.partnerships.get((cells["partner"].lower(), school_id))
            if partnership_id is None:
                raise self._problem(
                    "partner",
                    f"Daar is geen samenwerking met '{cells['partner']}'.",
                    f"No partnership with '{cells['partner']}' there.",
                )
        fields: dict[str, Any] = {
            k: cells[k] for k in ("hoursPerWeek", "hoursPerYear", "startsOn", "endsOn", "notes") if k in cells
        }
        for k in ("hoursPerWeek", "hoursPerYear"):
            if k in fields:
                fields[k] = fields[k].replace(",", ".")
        if "isPrimary" in cells:
            fields["isPrimary"] = yes(cells["isPrimary"], self.look)
        key = f"{person.name} / {cells.get('role', '')}" + (
            f" / {cells['school']}" if "school" in cells else ""
        )
        role_type = self.look.role_types.get(cells.get("role", ""))
        if role_type is None:  # the services' message (resolve_role_type)
            code = cells.get("role", "")
            raise invalid(
                [("role", "unknown-role-type", f"Unknown role type '{code}'.")], code="unknown-role-type"
            )
        assert person.id is not None and role_type.id is not None
        self._read_assignments([person.id])
        existing = _first(
            r
            for r in self.current.get((person.id, role_type.id, school_id, partnership_id), [])
            if self._active(r)
        )
        if existing is None:
            data = RoleAssignmentCreate.model_validate(
                {
                    **fields,
                    "personId": person.id,
                    "role": role_type.code,
                    "schoolId": school_id,
                    "partnershipId": partnership_id,
                }
            )
            return self._plan_create(data, person, role_type), key
        if existing.state.get("id") is not None and not self.visible.get(existing.state["id"], False):
            raise not_found("role assignment")
        self.principal.require(
            Capability.EDIT, board_id=existing.state["board_id"], school_id=existing.state.get("school_id")
        )
        changes = RoleAssignmentUpdate.model_validate(fields).model_dump(exclude_unset=True)
        link = self.links.get(existing.state["id"]) if existing.state.get("id") else None
        if link is not None:
            ownership.refuse_owned_by(link, "role-assignment", changes, existing)
        refuse_nulls(changes, ["is_primary"])
        after = {**existing.state, **changes}
        if after.get("starts_on") and after.get("ends_on") and after["ends_on"] < after["starts_on"]:
            raise invalid(
                [("endsOn", "end-before-start", "The end date is before the start date.")],
                code="end-before-start",
            )
        return self._update(existing, changes), key

    def _active(self, rec: Rec) -> bool:
        s = rec.state
        return (s.get("ends_on") is None or s["ends_on"] >= self.today) and (
            s.get("starts_on") is None or s["starts_on"] <= self.today
        )

    def _plan_create(self, data: RoleAssignmentCreate, person: Person, role_type: RoleType) -> RowStatus:
        """``people.service.add_assignment`` for a row: the person's board, the level of the role."""
        if not self.board_visible:
            raise invalid(
                [
                    (
                        "personId",
                        "unknown-reference",
                        f"There is no person with id {data.person_id} in your scope.",
                    )
                ],
                code="unknown-reference",
            )
        if person.erased_on is not None:
            raise invalid([("personId", "erased", "This person's data was erased; register them anew.")])
        school_id = data.school_id
        level = "school" if school_id else "board"
        board_wide_partnership = data.partnership_id is not None and school_id is None
        if role_type.scope_level != level and not (
            board_wide_partnership and role_type.scope_level == "school"
        ):
            field = "schoolId" if role_type.scope_level == "school" else "role"
            reason = (
                f"The role '{role_type.code}' is held at {role_type.scope_level} level; "
                f"this assignment is at {level} level."
            )
            raise invalid([(field, "role-scope-mismatch", reason)], code="role-scope-mismatch")
        self.principal.require(Capability.EDIT, board_id=self.board_id, school_id=school_id)
        values = data.model_dump(exclude={"person_id", "role", "school_id", "region_id", "partnership_id"})
        values = {k: v for k, v in values.items() if v is not None}
        rec = self._create(
            {
                **values,
                "person_id": person.id,
                "role_type_id": role_type.id,
                "board_id": self.board_id,
                "school_id": school_id,
                "region_id": None,
                "partnership_id": data.partnership_id,
            }
        )
        self._index(rec)
        return "create"


PLANS: dict[str, type[Plan]] = {
    "partners": PartnerPlan,
    "people": PersonPlan,
    "role-assignments": AssignmentPlan,
}


def plan_rows(
    plan: Plan, rows: list[tuple[int, dict[str, str]]]
) -> list[tuple[int, dict[str, str], tuple[RowStatus, str] | Exception]]:
    """Each row's outcome (status and key, or the problem), batch by batch."""
    out: list[tuple[int, dict[str, str], tuple[RowStatus, str] | Exception]] = []
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        plan.prefetch([row for _, row in batch])
        for number, row in batch:
            try:
                out.append((number, row, plan.plan(row)))
            except (RowProblem, ValidationError, ProblemError) as exc:
                out.append((number, row, exc))
    return out
