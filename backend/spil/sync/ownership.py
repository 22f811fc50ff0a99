"""Fields a source owns: shown as "from ParnasSys" and refused when edited by hand.

A record a source sends (a link that is not ended) is kept by that source for the fields it
sends; the school keeps everything else (notes, languages, a partnership of a contact). A
change by hand of an owned field would be overwritten by the next run, so it is refused with
the source named, and the fix is made where the data is kept."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.kit.errors import ProblemError
from spil.sync.engine import ASSIGNMENT_FIELDS, PERSON_FIELDS, SCHOOL_FIELDS
from spil.sync.models import SyncLink
from spil.sync.schemas import source_label
from spil.sync.synced import SyncedFrom

API_FIELDS = {"person": PERSON_FIELDS, "role-assignment": ASSIGNMENT_FIELDS, "school": SCHOOL_FIELDS}
# What a manual change calls the owned column (``role`` is sent as a code, ``schoolId`` as an id).
PATCH_FIELDS = {
    "role-assignment": {"role_type_id": "role", "school_id": "schoolId"},
    "school": {"municipality_id": "municipalityId"},
}


def columns(entity_type: str, entity_id: Any) -> tuple[Any, Any]:
    """Two scalar subqueries for a read query: the owning source and the fields it owns."""
    where = sa.and_(
        SyncLink.entity_type == entity_type,
        SyncLink.entity_id == entity_id,
        col(SyncLink.ended_by_run_id).is_(None),
    )

    def first(column: Any) -> Any:
        return (
            sa.select(column)
            .where(where)
            .order_by(SyncLink.id)
            .limit(1)
            .correlate_except(SyncLink)
            .scalar_subquery()
        )

    source, owned = first(SyncLink.source), first(SyncLink.owned_fields)
    return source, owned


def synced_from(entity_type: str, source: str | None, owned: Any) -> SyncedFrom | None:
    if source is None:
        return None
    names = API_FIELDS[entity_type]
    return SyncedFrom(
        source=source,
        source_label=source_label(source),
        fields=sorted(names.get(f, f) for f in (owned or [])),
    )


def refuse_owned(
    session: Session, entity_type: str, entity_id: int, changes: dict[str, Any], current: Any
) -> None:
    """409 when ``changes`` (column → value) would change a field a source owns."""
    link = session.execute(
        sa.select(SyncLink)
        .where(
            SyncLink.entity_type == entity_type,
            SyncLink.entity_id == entity_id,
            col(SyncLink.ended_by_run_id).is_(None),
        )
        .order_by(SyncLink.id)
        .limit(1)
    ).scalar_one_or_none()
    if link is None:
        return
    refuse_owned_by(link, entity_type, changes, current)


def refuse_owned_by(link: SyncLink, entity_type: str, changes: dict[str, Any], current: Any) -> None:
    """``refuse_owned`` with the record's current link read already (an import reads them per batch)."""
    owned = set(link.owned_fields)
    touched = [name for name, value in changes.items() if name in owned and getattr(current, name) != value]
    if not touched:
        return
    label = source_label(link.source)
    names = PATCH_FIELDS.get(entity_type, {})

    def api(name: str) -> str:
        head, *rest = name.split("_")
        return names.get(name, head + "".join(p[:1].upper() + p[1:] for p in rest))

    listed = ", ".join(api(n) for n in touched)
    raise ProblemError(
        409,
        f"{listed} come(s) from {label}: change it there; Spil takes it over at the next sync.",
        code="owned-by-source",
        invalid_params=[
            {"name": api(n), "in": "body", "code": "owned-by-source", "reason": f"Kept in {label}."}
            for n in touched
        ],
        extra={"source": link.source, "sourceLabel": label},
    )
