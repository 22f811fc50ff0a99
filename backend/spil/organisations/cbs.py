"""A later year's CBS list of municipalities (``spil update-municipalities FILE``).

The file has the columns of the shipped ``data/municipalities-2026.csv`` (``cbs_code``, ``name``,
``labour_market_region``, ``province``) and may have a ``predecessor_codes`` column: the codes of
the municipalities that merged into this one, separated by ``;``. New municipalities are added,
existing ones brought in line, and one of CBS's municipalities that is missing from the new list
is ended on the day given, with its successor (from the column, or asked for). Nothing is
deleted: schools, boards and partners keep pointing at the municipality they were in.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit import audit
from spil.organisations.models import LABOUR_MARKET, Municipality, Region

COLUMNS = ("cbs_code", "name", "labour_market_region", "province")


class ListError(ValueError):
    """The file cannot be applied; the message says what to fix."""


@dataclass
class Row:
    code: str
    name: str
    region: str
    province: str
    predecessors: list[str] = field(default_factory=list)


@dataclass
class Report:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    ended: list[tuple[str, str]] = field(default_factory=list)  # (ended, successor)
    unchanged: int = 0


def read_list(path: Path) -> list[Row]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ListError(f"{path.name} lacks the column(s) {', '.join(missing)}.")
        rows = []
        for n, raw in enumerate(reader, start=2):
            code = (raw["cbs_code"] or "").strip().upper()
            if not (len(code) == 6 and code.startswith("GM") and code[2:].isdigit()):
                raise ListError(f"Line {n}: '{code}' is not a CBS municipality code (GM and 4 digits).")
            predecessors = [
                p.strip().upper() for p in (raw.get("predecessor_codes") or "").split(";") if p.strip()
            ]
            rows.append(
                Row(
                    code,
                    raw["name"].strip(),
                    raw["labour_market_region"].strip().upper(),
                    raw["province"].strip(),
                    predecessors,
                )
            )
    codes = [r.code for r in rows]
    if len(set(codes)) != len(codes):
        raise ListError("A municipality code appears twice in the file.")
    return rows


def missing_successors(session: Session, rows: Iterable[Row]) -> list[Municipality]:
    """CBS's municipalities of today that the new list lacks and names no successor for."""
    rows = list(rows)
    listed = {r.code for r in rows}
    merged = {p for r in rows for p in r.predecessors}
    return [m for m in _current_cbs(session) if m.code not in listed and m.code not in merged]


def _current_cbs(session: Session) -> list[Municipality]:
    # Municipalities of a CBS list have a province; one added by hand has none and is left alone.
    return list(
        session.execute(
            sa.select(Municipality)
            .where(Municipality.ended_on.is_(None), Municipality.province.is_not(None))
            .order_by(Municipality.code)
        ).scalars()
    )


def apply_list(session: Session, rows: list[Row], ended_on: dt.date, successors: dict[str, str]) -> Report:
    """Apply the list (in the caller's transaction). ``successors`` maps an ended code to its
    successor's code, for the ones the file's ``predecessor_codes`` do not name."""
    regions: dict[str, int] = dict(
        session.execute(sa.select(Region.code, Region.id).where(Region.kind == LABOUR_MARKET)).all()
    )
    unknown = sorted({r.region for r in rows if r.region not in regions})
    if unknown:
        raise ListError(f"Unknown labour-market region(s): {', '.join(unknown)}.")
    report = Report()
    by_code = {m.code: m for m in session.execute(sa.select(Municipality)).scalars()}
    for row in rows:
        values = {"name": row.name, "region_id": regions[row.region], "province": row.province}
        found = by_code.get(row.code)
        if found is None:
            found = Municipality(code=row.code, **values)
            session.add(found)
            by_code[row.code] = found
            report.added.append(row.code)
            continue
        changed = {k: v for k, v in values.items() if getattr(found, k) != v}
        if found.ended_on is not None:  # back on the list
            changed |= {"ended_on": None, "successor_id": None}
        if changed:
            before = audit.snapshot(found)
            for k, v in changed.items():
                setattr(found, k, v)
            session.flush()
            audit.record(
                session,
                None,
                "update",
                "municipality",
                found.id or 0,
                before=before,
                after=audit.snapshot(found),
            )
            report.updated.append(row.code)
        else:
            report.unchanged += 1
    session.flush()
    successor_of = {p: r.code for r in rows for p in r.predecessors} | {
        k.upper(): v.upper() for k, v in successors.items()
    }
    listed = {r.code for r in rows}
    for m in _current_cbs(session):
        if m.code in listed:
            continue
        successor_code = successor_of.get(m.code)
        successor = by_code.get(successor_code) if successor_code else None
        if successor is None or successor.code not in listed:
            raise ListError(
                f"{m.name} ({m.code}) is not on the new list: give its successor, a municipality on the list "
                f"(--successor {m.code}=GM....)."
            )
        before = audit.snapshot(m)
        m.ended_on = ended_on
        m.successor_id = successor.id
        session.flush()
        audit.record(
            session, None, "update", "municipality", m.id or 0, before=before, after=audit.snapshot(m)
        )
        report.ended.append((m.code, successor.code))
    return report
