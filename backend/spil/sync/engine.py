"""A sync run: compare what a source sends with what Spil holds, and create, update or end.

Everything the run needs is read in a handful of queries up front (the board's schools, people,
assignments, the source's links, the role types and mappings) and compared in memory, so that a
board of 3,000 people and 6,000 assignments sent again unchanged costs a few reads and no
write. Decision record 0018 explains the keys, which fields a source owns and how a snapshot
ends what is missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, ValidationError
from sqlmodel import Session, col

from spil.kit import audit, clock, messages
from spil.kit.policy import Principal
from spil.organisations.models import Municipality, School
from spil.people.models import Person, RoleAssignment, RoleType
from spil.sync import mapping
from spil.sync.models import SyncLink, SyncRoleMapping
from spil.sync.schemas import SyncPerson, SyncRoleAssignment, SyncSchool, source_label

COLLECTIONS = {"schools": "school", "people": "person", "roleAssignments": "role-assignment"}
# What of a record a source sends (and so owns): column name → API field name.
SCHOOL_FIELDS = {
    "name": "name",
    "sector": "sector",
    "municipality_id": "municipalityCode",
    "street": "street",
    "house_number": "houseNumber",
    "postal_code": "postalCode",
    "city": "city",
    "email": "email",
    "phone": "phone",
    "website": "website",
}
PERSON_FIELDS = {"name": "name", "email": "email", "phone": "phone", "kind": "kind"}
ASSIGNMENT_FIELDS = {
    "role_type_id": "role",
    "school_id": "locationCode",
    "hours_per_week": "hoursPerWeek",
    "starts_on": "startsOn",
    "ends_on": "endsOn",
}


@dataclass
class Outcome:
    """What a run found: counts, problems and changes per collection (JSON-ready)."""

    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: {
            c: {"created": 0, "updated": 0, "unchanged": 0, "ended": 0, "failed": 0} for c in COLLECTIONS
        }
    )
    problems: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    # per collection: how many of the source's own records there were, and how many it would end
    owned_before: dict[str, int] = field(default_factory=dict)
    failed_items: set[tuple[str, int]] = field(default_factory=set)

    def problem(self, collection: str, index: int, fld: str | None, code: str, detail: str) -> None:
        self.problems.append(
            {"collection": collection, "index": index, "field": fld, "code": code, "detail": detail}
        )
        if (collection, index) not in self.failed_items:
            self.failed_items.add((collection, index))
            self.counts[collection]["failed"] += 1

    def change(
        self,
        collection: str,
        index: int | None,
        key: str,
        action: str,
        ident: int | None,
        label: str,
        fields: dict[str, tuple[Any, Any]] | None = None,
    ) -> None:
        self.counts[collection][action] += 1
        self.changes.append(
            {
                "collection": collection,
                "index": index,
                "key": key,
                "action": action,
                "id": ident,
                "label": label,
                "fields": {k: {"old": _json(o), "new": _json(n)} for k, (o, n) in (fields or {}).items()},
            }
        )

    @property
    def has_problems(self) -> bool:
        return bool(self.problems)


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    return value


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def _validate(
    outcome: Outcome, collection: str, model: type[BaseModel], raw: list[Any]
) -> list[tuple[int, Any]]:
    """Each item on its own: the valid ones with their index; a bad one is a problem of its index."""
    valid: list[tuple[int, Any]] = []
    for index, item in enumerate(raw):
        try:
            valid.append((index, model.model_validate(item)))
        except ValidationError as exc:
            for error in exc.errors():
                loc = [str(p) for p in error["loc"] if not isinstance(p, int)]
                fld = ".".join(loc) or None
                outcome.problem(collection, index, fld, "invalid", messages.validation_reason(error, "en"))
    return valid


def _norm_hours(value: Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


class Run:
    """One run's work on one session (the caller owns the transaction and the savepoint)."""

    def __init__(
        self, session: Session, principal: Principal, board_id: int, source: str, mode: str, run_id: int
    ) -> None:
        self.session = session
        self.principal = principal
        self.board_id = board_id
        self.source = source
        self.label = source_label(source)
        self.mode = mode
        self.run_id = run_id
        self.today = clock.today()
        self.outcome = Outcome()
        self.links: dict[tuple[str, str], SyncLink] = {}
        self.seen: set[tuple[str, str]] = set()  # (entity type, key) of the links met in this run
        # keys a failed item may have stood for (validOnly): a snapshot does not end those
        self.protected_people: set[str] = set()
        self.protected_assignments: set[str] = set()
        self.school_by_code: dict[str, School] = {}
        self.pending: list[tuple[str, int, str, Any, SyncLink | None, list[str], str]] = []
        self.person_by_key: dict[str, Person] = {}

    # --- loading ---------------------------------------------------------------------------
    def _load_links(self) -> None:
        rows = self.session.exec(
            sa.select(SyncLink).where(SyncLink.board_id == self.board_id, SyncLink.source == self.source)
        ).scalars()
        self.links = {(link.entity_type, link.external_key): link for link in rows}
        for collection, entity_type in COLLECTIONS.items():
            self.outcome.owned_before[collection] = sum(
                1
                for (etype, _), link in self.links.items()
                if etype == entity_type and link.created_by_source and link.ended_by_run_id is None
            )

    def _link(
        self, entity_type: str, key: str, entity_id: int, *, created: bool, owned: list[str]
    ) -> SyncLink:
        link = SyncLink(
            board_id=self.board_id,
            source=self.source,
            entity_type=entity_type,
            external_key=key,
            entity_id=entity_id,
            created_by_source=created,
            owned_fields=sorted(owned),
            last_run_id=self.run_id,
        )
        self.session.add(link)
        self.links[(entity_type, key)] = link
        self.seen.add((entity_type, key))
        return link

    def _touch(self, link: SyncLink, owned: list[str]) -> None:
        """The link was met again (so a snapshot keeps it); written only when the fields the source
        sends changed or it comes back after a snapshot ended it: an unchanged run writes nothing."""
        self.seen.add((link.entity_type, link.external_key))
        owned_sorted = sorted(set(owned))
        if link.owned_fields != owned_sorted or link.ended_by_run_id is not None:
            link.owned_fields = owned_sorted
            link.ended_by_run_id = None
            link.last_run_id = self.run_id

    def _audit(
        self, action: str, entity_type: str, obj: Any, before: dict[str, Any] | None, school_id: int | None
    ) -> None:
        audit.record(
            self.session,
            self.principal,
            action,
            entity_type,
            obj.id,
            before=before,
            after=audit.snapshot(obj),
            board_id=self.board_id,
            school_id=school_id,
        )

    # --- creations, in one batch per list (one multi-row INSERT instead of one per item) -------
    def _create(
        self,
        collection: str,
        index: int,
        key: str,
        obj: Any,
        link: SyncLink | None,
        owned: list[str],
        label: str,
    ) -> None:
        self.session.add(obj)
        self.pending.append((collection, index, key, obj, link, owned, label))

    def flush_created(self) -> None:
        """Insert what this list created, then audit and link it (their ids are known now)."""
        if not self.pending:
            return
        self.session.flush()
        for collection, index, key, obj, link, owned, label in self.pending:
            entity_type = COLLECTIONS[collection]
            school_id = obj.id if entity_type == "school" else getattr(obj, "school_id", None)
            self._audit("create", entity_type, obj, None, school_id)
            if link is None:
                self._link(entity_type, key, obj.id or 0, created=True, owned=owned)
            else:  # the linked record was removed by hand: the source makes it anew
                link.entity_id = obj.id or 0
                self._touch(link, owned)
            self.outcome.change(collection, index, key, "created", obj.id, label)
        self.pending.clear()
        self.session.flush()

    # --- schools ---------------------------------------------------------------------------
    def schools(self, raw: list[Any]) -> None:
        items = _validate(self.outcome, "schools", SyncSchool, raw)
        codes = {item.location_code for _, item in items}
        for school in self.session.exec(
            sa.select(School).where(
                sa.or_(School.board_id == self.board_id, col(School.location_code).in_(codes))
            )
        ).scalars():
            self.school_by_code[school.location_code] = school
        gm_codes = {item.municipality_code for _, item in items if item.municipality_code}
        municipalities = {
            m.code: m
            for m in self.session.exec(
                sa.select(Municipality).where(col(Municipality.code).in_(gm_codes))
            ).scalars()
        }
        seen_codes: set[str] = set()
        for index, item in items:
            code = item.location_code
            if code in seen_codes:
                self.outcome.problem("schools", index, "locationCode", "duplicate", f"{code} is sent twice.")
                continue
            seen_codes.add(code)
            values: dict[str, Any] = {}
            for name in item.model_fields_set - {"location_code", "municipality_code"}:
                values[name] = getattr(item, name)
            if "municipality_code" in item.model_fields_set:
                m = municipalities.get(item.municipality_code or "")
                if item.municipality_code is not None and (m is None or m.ended_on is not None):
                    why = "is not a current municipality" if m else "is not a municipality code (CBS)"
                    self.outcome.problem(
                        "schools",
                        index,
                        "municipalityCode",
                        "unknown-reference",
                        f"{item.municipality_code} {why}.",
                    )
                    continue
                values["municipality_id"] = m.id if m else None
            school = self.school_by_code.get(code)
            if school is not None and school.board_id != self.board_id:
                self.outcome.problem(
                    "schools",
                    index,
                    "locationCode",
                    "other-board",
                    f"{code} is registered to another board in Spil; it cannot be taken over by a sync.",
                )
                continue
            owned = [n for n in values if n in SCHOOL_FIELDS]
            if school is None:
                missing = [n for n in ("name", "sector", "municipality_id") if values.get(n) is None]
                if missing:
                    for n in missing:
                        self.outcome.problem(
                            "schools",
                            index,
                            SCHOOL_FIELDS[n],
                            "required",
                            "Needed for a school Spil does not know yet.",
                        )
                    continue
                school = School(board_id=self.board_id, location_code=code, **values)
                self._create("schools", index, code, school, None, owned, values["name"])
                self.school_by_code[code] = school
                continue
            link = self.links.get(("school", code))
            if link is None:
                link = self._link("school", code, school.id or 0, created=False, owned=owned)
            else:
                self._touch(link, owned)
            self._update(
                school, values, SCHOOL_FIELDS, "school", "schools", index, code, school.name, school.id
            )

    def _update(
        self,
        obj: Any,
        values: dict[str, Any],
        names: dict[str, str],
        entity_type: str,
        collection: str,
        index: int,
        key: str,
        label: str,
        school_id: int | None,
        required: tuple[str, ...] = ("name", "sector", "municipality_id"),
    ) -> bool:
        diff = {n: (getattr(obj, n), v) for n, v in values.items() if getattr(obj, n) != v}
        nulls = [n for n, (_, v) in diff.items() if v is None and n in required]
        if nulls:
            for n in nulls:
                self.outcome.problem(
                    collection, index, names.get(n, _camel(n)), "required", "Cannot be emptied."
                )
            return False
        if not diff:
            self.outcome.counts[collection]["unchanged"] += 1
            return False
        before = audit.snapshot(obj)
        for n, (_, v) in diff.items():
            setattr(obj, n, v)
        if hasattr(obj, "updated_at"):
            obj.updated_at = clock.now()
        self._audit("update", entity_type, obj, before, school_id)
        self.outcome.change(
            collection,
            index,
            key,
            "updated",
            obj.id,
            label,
            {names.get(n, _camel(n)): d for n, d in diff.items()},
        )
        return True

    # --- people ----------------------------------------------------------------------------
    def people(self, raw: list[Any]) -> None:
        items = _validate(self.outcome, "people", SyncPerson, raw)
        board_people = {
            p.id: p
            for p in self.session.exec(sa.select(Person).where(Person.board_id == self.board_id)).scalars()
        }
        by_email = {p.email.lower(): p for p in board_people.values() if p.email}
        linked_ids = {link.entity_id for (etype, _), link in self.links.items() if etype == "person"}
        sent_ids: set[str] = set()
        for index, item in items:
            key = item.source_id
            if key in sent_ids:
                self.outcome.problem("people", index, "sourceId", "duplicate", f"{key} is sent twice.")
                continue
            sent_ids.add(key)
            values = {n: getattr(item, n) for n in ("name", "email", "phone", "kind")}
            if "email" not in item.model_fields_set:
                values.pop("email")
            if "phone" not in item.model_fields_set:
                values.pop("phone")
            link = self.links.get(("person", key))
            person = board_people.get(link.entity_id) if link else None
            matched = False
            if person is None and item.email:
                candidate = by_email.get(item.email)
                if candidate is not None and candidate.id not in linked_ids:
                    person, matched = candidate, True
            email = values.get("email")
            if email:
                holder = by_email.get(email)
                if holder is not None and holder is not person:
                    self.outcome.problem(
                        "people",
                        index,
                        "email",
                        "duplicate",
                        f"Someone else in this board already has the e-mail address {email}.",
                    )
                    continue
            if person is not None and person.erased_on is not None:
                self.outcome.problem(
                    "people",
                    index,
                    None,
                    "erased",
                    "This person's data was erased in Spil; it is not synced again.",
                )
                continue
            owned = list(values)
            if person is None:
                person = Person(board_id=self.board_id, **values)
                self._create("people", index, key, person, link, owned, person.name)
                if person.email:
                    by_email[person.email] = person
            else:
                if person.inactive_since is not None and link is not None and link.created_by_source:
                    values["inactive_since"] = None  # listed again: current again
                if link is None:
                    link = self._link("person", key, person.id or 0, created=not matched, owned=owned)
                    linked_ids.add(person.id or 0)
                else:
                    self._touch(link, owned)
                old_email = person.email
                self._update(
                    person,
                    values,
                    PERSON_FIELDS,
                    "person",
                    "people",
                    index,
                    key,
                    item.name,
                    None,
                    ("name", "kind"),
                )
                if person.email != old_email:
                    by_email.pop(old_email or "", None)
                    if person.email:
                        by_email[person.email] = person
            self.person_by_key[key] = person

    # --- role assignments ------------------------------------------------------------------
    def assignments(self, raw: list[Any]) -> None:
        items = _validate(self.outcome, "roleAssignments", SyncRoleAssignment, raw)
        role_types = list(
            self.session.exec(
                sa.select(RoleType).where(
                    sa.or_(col(RoleType.board_id).is_(None), RoleType.board_id == self.board_id)
                )
            ).scalars()
        )
        by_code: dict[str, RoleType] = {}
        for rt in sorted(role_types, key=lambda r: r.board_id is not None):
            by_code[rt.code] = rt  # a board's own type of the same code wins
        by_id = {rt.id: rt for rt in role_types}
        titles: dict[str, RoleType] = {}
        for title, code in mapping.DEFAULT_ROLE_NAMES.items():
            if code in by_code:
                titles[title] = by_code[code]
        own = self.session.exec(
            sa.select(SyncRoleMapping).where(SyncRoleMapping.board_id == self.board_id)
        ).scalars()
        for m in sorted(own, key=lambda m: m.source is not None):  # source-specific ones win
            if m.source in (None, self.source) and m.role_type_id in by_id:
                titles[m.source_name] = by_id[m.role_type_id]
        # persons of earlier runs (upsert: an assignment may refer to a person sent before)
        person_links = {key: link for (etype, key), link in self.links.items() if etype == "person"}
        wanted_people = {
            person_links[item.person_source_id].entity_id
            for _, item in items
            if item.person_source_id not in self.person_by_key and item.person_source_id in person_links
        }
        earlier = {
            p.id: p
            for p in self.session.exec(sa.select(Person).where(col(Person.id).in_(wanted_people))).scalars()
        }
        assignment_ids = {
            link.entity_id for (etype, _), link in self.links.items() if etype == "role-assignment"
        }
        person_ids = {p.id for p in self.person_by_key.values()} | set(earlier)
        existing = {
            a.id: a
            for a in self.session.exec(
                sa.select(RoleAssignment).where(
                    RoleAssignment.board_id == self.board_id,
                    sa.or_(
                        col(RoleAssignment.id).in_(assignment_ids),
                        col(RoleAssignment.person_id).in_(person_ids),
                    ),
                )
            ).scalars()
        }
        linked = assignment_ids
        sent: set[str] = set()
        for index, item in items:
            person = self.person_by_key.get(item.person_source_id)
            if person is None and item.person_source_id in person_links:
                if self.mode == "snapshot":
                    self.outcome.problem(
                        "roleAssignments",
                        index,
                        "personSourceId",
                        "person-not-sent",
                        f"{item.person_source_id} is not among this snapshot's people.",
                    )
                    continue
                person = earlier.get(person_links[item.person_source_id].entity_id)
            if person is None:
                self.outcome.problem(
                    "roleAssignments",
                    index,
                    "personSourceId",
                    "unknown-reference",
                    f"No person with source id {item.person_source_id} from {self.label}.",
                )
                continue
            if item.role_type is not None:
                role_type = by_code.get(item.role_type)
                if role_type is None:
                    self.outcome.problem(
                        "roleAssignments",
                        index,
                        "roleType",
                        "unknown-role-type",
                        f"Unknown role type '{item.role_type}'.",
                    )
                    continue
            else:
                role_type = titles.get(mapping.normalise(item.role or ""))
                if role_type is None:
                    self.outcome.problem(
                        "roleAssignments",
                        index,
                        "role",
                        "unmapped-role",
                        f"'{item.role}' is not mapped to a role type; add a mapping for it "
                        "(POST /sync-role-mappings) or send roleType.",
                    )
                    continue
            school: School | None = None
            if role_type.scope_level == "school":
                if item.location_code is None:
                    self.outcome.problem(
                        "roleAssignments",
                        index,
                        "locationCode",
                        "required",
                        f"'{role_type.code}' is held at a school: give its location code.",
                    )
                    continue
                school = self.school_by_code.get(item.location_code)
                if school is None or school.board_id != self.board_id:
                    self.outcome.problem(
                        "roleAssignments",
                        index,
                        "locationCode",
                        "unknown-reference",
                        f"{item.location_code} is not a school of this board.",
                    )
                    continue
            elif role_type.scope_level == "board":
                if item.location_code is not None:
                    self.outcome.problem(
                        "roleAssignments",
                        index,
                        "locationCode",
                        "role-scope-mismatch",
                        f"'{role_type.code}' is held at board level: leave locationCode empty.",
                    )
                    continue
            else:
                self.outcome.problem(
                    "roleAssignments",
                    index,
                    "roleType",
                    "role-scope-mismatch",
                    "Regional roles are assigned in Spil, not by a sync.",
                )
                continue
            scope_key = item.location_code or "board"
            key = (
                f"id:{item.source_id}"
                if item.source_id is not None
                else f"person:{item.person_source_id}|{role_type.code}|{scope_key}"
            )
            if key in sent:
                self.outcome.problem(
                    "roleAssignments", index, None, "duplicate", "This assignment is sent twice."
                )
                continue
            sent.add(key)
            values: dict[str, Any] = {
                "role_type_id": role_type.id,
                "school_id": school.id if school else None,
            }
            for n in ("hours_per_week", "starts_on", "ends_on"):
                if n in item.model_fields_set:
                    values[n] = (
                        _norm_hours(item.hours_per_week) if n == "hours_per_week" else getattr(item, n)
                    )
            label = f"{person.name}: {role_type.name_nl}" + (f" ({school.name})" if school else "")
            # whether it runs is the source's to say, sent or not: being listed means it does
            owned = [*values, "starts_on", "ends_on"]
            link = self.links.get(("role-assignment", key))
            assignment = existing.get(link.entity_id) if link else None
            matched = False
            if assignment is None and link is None:
                # first sight: an assignment of this person, role and place made by hand is taken over
                for candidate in existing.values():
                    if (
                        candidate.id not in linked
                        and candidate.person_id == person.id
                        and candidate.role_type_id == role_type.id
                        and candidate.school_id == values["school_id"]
                        and candidate.partnership_id is None
                        and candidate.region_id is None
                        and (candidate.ends_on is None or candidate.ends_on >= self.today)
                    ):
                        assignment, matched = candidate, True
                        break
            if assignment is not None and assignment.person_id != person.id:
                self.outcome.problem(
                    "roleAssignments",
                    index,
                    "personSourceId",
                    "person-changed",
                    "This assignment belongs to another person in Spil; send it with a new sourceId.",
                )
                continue
            if assignment is None:
                start, end = values.get("starts_on"), values.get("ends_on")
                assignment = RoleAssignment(
                    person_id=person.id or 0,
                    board_id=self.board_id,
                    is_primary=True,
                    **{**values, "starts_on": start, "ends_on": end},
                )
                self._create("roleAssignments", index, key, assignment, link, owned, label)
                continue
            if link is None:
                self._link("role-assignment", key, assignment.id or 0, created=not matched, owned=owned)
                linked.add(assignment.id or 0)
            else:
                if link.ended_by_run_id is not None and "ends_on" not in values:
                    values["ends_on"] = None  # listed again after a snapshot ended it: current again
                self._touch(link, owned)
            self._update(
                assignment,
                values,
                ASSIGNMENT_FIELDS,
                "role-assignment",
                "roleAssignments",
                index,
                key,
                label,
                values["school_id"],
                (),
            )

    # --- snapshot: end what the source made and no longer sends ------------------------------
    def end_missing(self) -> None:
        yesterday = self.today - dt.timedelta(days=1)
        gone = {
            etype: [
                link
                for (t, key), link in self.links.items()
                if t == etype
                and (t, key) not in self.seen
                and link.created_by_source
                and link.ended_by_run_id is None
                and not self._protected(t, key)
            ]
            for etype in ("role-assignment", "person")
        }
        ended_ids = [link.entity_id for link in gone["role-assignment"]]
        assignments = {
            a.id: a
            for a in self.session.exec(
                sa.select(RoleAssignment).where(col(RoleAssignment.id).in_(ended_ids))
            ).scalars()
        }
        # What each ended assignment is, in words, as a created one is labelled: person, role, school.
        labels = {
            row.id: f"{row.person}: {row.role}" + (f" ({row.school})" if row.school else "")
            for row in self.session.execute(
                sa.select(
                    col(RoleAssignment.id).label("id"),
                    col(Person.name).label("person"),
                    col(RoleType.name_nl).label("role"),
                    col(School.name).label("school"),
                )
                .join(Person, col(Person.id) == col(RoleAssignment.person_id))
                .join(RoleType, col(RoleType.id) == col(RoleAssignment.role_type_id))
                .outerjoin(School, col(School.id) == col(RoleAssignment.school_id))
                .where(col(RoleAssignment.id).in_(ended_ids))
            )
        }
        for link in gone["role-assignment"]:
            assignment = assignments.get(link.entity_id)
            link.ended_by_run_id = self.run_id
            if assignment is None:
                continue
            if assignment.ends_on is not None and assignment.ends_on <= yesterday:
                continue  # over already
            end = max(yesterday, assignment.starts_on) if assignment.starts_on else yesterday
            before = audit.snapshot(assignment)
            old = assignment.ends_on
            assignment.ends_on = end
            assignment.updated_at = clock.now()
            self._audit("update", "role-assignment", assignment, before, assignment.school_id)
            self.outcome.change(
                "roleAssignments",
                None,
                link.external_key,
                "ended",
                assignment.id,
                labels.get(assignment.id, f"#{assignment.id}"),
                {"endsOn": (old, end)},
            )
        people = {
            p.id: p
            for p in self.session.exec(
                sa.select(Person).where(col(Person.id).in_([link.entity_id for link in gone["person"]]))
            ).scalars()
        }
        for link in gone["person"]:
            person = people.get(link.entity_id)
            link.ended_by_run_id = self.run_id
            if person is None or person.inactive_since is not None:
                continue
            before = audit.snapshot(person)
            person.inactive_since = self.today
            person.updated_at = clock.now()
            self._audit("update", "person", person, before, None)
            self.outcome.change(
                "people",
                None,
                link.external_key,
                "ended",
                person.id,
                person.name,
                {"inactiveSince": (None, self.today)},
            )

    def protect(self, raw_people: list[Any], raw_assignments: list[Any]) -> None:
        """A failed item still says the record exists at the source: keep what it may stand for
        (an assignment without its own id: all of that person's)."""
        for collection, index in self.outcome.failed_items:
            raw = (
                raw_people
                if collection == "people"
                else raw_assignments
                if collection == "roleAssignments"
                else []
            )
            item = raw[index] if index < len(raw) else None
            if not isinstance(item, dict):
                continue
            if collection == "people" and isinstance(item.get("sourceId"), str):
                self.protected_people.add(item["sourceId"].strip())
            elif collection == "roleAssignments":
                if isinstance(item.get("sourceId"), str):
                    self.protected_assignments.add(f"id:{item['sourceId'].strip()}")
                if isinstance(item.get("personSourceId"), str):
                    self.protected_assignments.add(f"person:{item['personSourceId'].strip()}|")

    def _protected(self, entity_type: str, key: str) -> bool:
        if entity_type == "person":
            return key in self.protected_people
        return key in self.protected_assignments or any(
            key.startswith(p) for p in self.protected_assignments if p.endswith("|")
        )

    def would_remove_too_much(self, share: float) -> list[dict[str, Any]]:
        """Per collection where the snapshot ends more than ``share`` of the source's records."""
        too_much = []
        for collection in ("people", "roleAssignments"):
            before = self.outcome.owned_before.get(collection, 0)
            ended = self.outcome.counts[collection]["ended"]
            if before and ended / before > share:
                too_much.append({"collection": collection, "ended": ended, "of": before})
        return too_much
