"""Sync runs: take the board's lock for the source, run, keep the run, answer.

The run itself happens in a savepoint: a dry run, a run refused for its problems and a snapshot
stopped before a large removal roll it back, so nothing of it is written; the run's own record
is kept in every case (``GET /sync-runs``)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col

from spil.kit import clock, messages, scope
from spil.kit.errors import ProblemError, invalid, not_found
from spil.kit.pagination import Page, PageParams, paginate
from spil.kit.policy import Capability, Principal
from spil.kit.settings import get_settings
from spil.organisations.models import Board
from spil.organisations.service import visible_board_id
from spil.people.models import RoleType
from spil.sync import mapping
from spil.sync.engine import Run
from spil.sync.models import SyncRoleMapping, SyncRun
from spil.sync.schemas import RoleMappingCreate, RoleMappingOut, SyncRunHead, SyncRunOut, source_label

# The advisory-lock class of sync runs (two-key form: apart from the other locks' key space).
LOCK_CLASS = 0x53594E43  # "SYNC"
LOCK_WAIT_MS = 30_000


def _lock(session: Session, board_id: int, source: str) -> None:
    """One run per board and source at a time: a second waits for the first (up to 30 s, then
    409). SQLite's writers hold the database's write lock from their start already."""
    if session.get_bind().dialect.name != "postgresql":
        return
    try:
        with session.begin_nested():
            session.execute(sa.text(f"SET LOCAL lock_timeout = {LOCK_WAIT_MS}"))
            session.execute(
                sa.text("SELECT pg_advisory_xact_lock(:cls, hashtext(:key))"),
                {"cls": LOCK_CLASS, "key": f"{board_id}:{source}"},
            )
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) == "55P03":
            raise ProblemError(
                409,
                "Another run of this source for this board is still busy. Try again in a minute.",
                code="sync-run-in-progress",
                headers={"Retry-After": "30"},
            ) from None
        raise
    finally:
        session.execute(sa.text("SET LOCAL lock_timeout TO DEFAULT"))


def _board_of(session: Session, principal: Principal, board_id: int | None) -> int:
    if board_id is None:
        bound = principal.board_ids(Capability.MANAGE_BOARD)
        if principal.kind == "api-client" and len(bound) == 1:
            return next(iter(bound))
        raise invalid(
            [("boardId", "required", "Say which board this run is for.")], location="query", code="required"
        )
    try:
        visible_board_id(session, principal, board_id, location="query")
    except ProblemError:
        raise not_found("board") from None
    return board_id


def _head(raw: Any) -> SyncRunHead:
    if not isinstance(raw, dict):
        raise invalid([("body", "type", "Send a JSON object.")], code="invalid-input")
    try:
        return SyncRunHead.model_validate(raw)
    except ValidationError as exc:
        params = []
        for error in exc.errors():
            loc = ".".join(str(p) for p in error["loc"]) or "body"
            # a sentence for people, in English like every service's text: the answer gives it
            # its Dutch (spil.kit.problem_texts)
            params.append((loc, "invalid", messages.validation_reason(error, "en")))
        raise invalid(params) from None


def run_sync(
    session: Session,
    principal: Principal,
    raw: Any,
    *,
    board_id: int | None,
    dry_run: bool,
    valid_only: bool,
    confirm_large_removal: bool,
) -> SyncRun:
    """Run, and keep the run (not committed). Its ``status`` says what happened."""
    board = _board_of(session, principal, board_id)
    principal.require(Capability.MANAGE_BOARD, board_id=board)
    head = _head(raw)
    _lock(session, board, head.source)
    run = SyncRun(
        board_id=board,
        source=head.source,
        mode=head.mode,
        dry_run=dry_run,
        valid_only=valid_only,
        status="running",
        actor_type=principal.kind,
        actor_id=principal.id,
        actor_label=principal.label[:320],
    )
    session.add(run)
    session.flush()
    savepoint = session.begin_nested()
    work = Run(session, principal, board, head.source, head.mode, run.id or 0)
    work._load_links()
    work.schools(head.schools)
    work.flush_created()
    work.people(head.people)
    work.flush_created()
    work.assignments(head.role_assignments)
    work.flush_created()
    outcome = work.outcome
    too_much: list[dict[str, Any]] = []
    if head.mode == "snapshot":
        work.protect(head.people, head.role_assignments)
        work.end_missing()
        too_much = work.would_remove_too_much(get_settings().sync_max_removal_share)
    session.flush()
    stop: list[dict[str, Any]] = []
    if outcome.has_problems and not valid_only:
        status = "rejected"
    elif too_much and not confirm_large_removal:
        status = "stopped"
        stop = [
            {
                "collection": t["collection"],
                "index": -1,
                "field": None,
                "code": "large-removal",
                "detail": f"This snapshot would end {t['ended']} of the {t['of']} {t['collection']} "
                f"{source_label(head.source)} made. Send confirmLargeRemoval=true if that is right.",
            }
            for t in too_much
        ]
    elif dry_run:
        status = "dry-run"
    else:
        status = "applied"
    if status == "applied":
        savepoint.commit()
    else:
        savepoint.rollback()
        # nothing was written: a creation has no id, what would have changed is the diff
        for change in outcome.changes:
            if change["action"] == "created":
                change["id"] = None
    session.add(run)
    run.status = status
    run.counts = outcome.counts
    run.problems = [*outcome.problems, *stop]
    run.changes = outcome.changes
    run.finished_at = clock.now()
    session.flush()
    return run


def run_out(run: SyncRun, *, with_changes: bool = True) -> SyncRunOut:
    return SyncRunOut.model_validate(
        {
            **run.model_dump(exclude={"changes"}),
            "source_label": source_label(run.source),
            "changes": run.changes if with_changes else None,
        }
    )


def _run_query(principal: Principal) -> sa.Select[Any]:
    boards = [b for b in principal.board_ids(Capability.MANAGE_BOARD)]
    stmt = sa.select(SyncRun)
    if not principal.is_platform_admin:
        stmt = stmt.where(col(SyncRun.board_id).in_(boards))
    return stmt.where(SyncRun.board_id.in_(scope.boards(principal)))


def list_runs(
    session: Session, principal: Principal, params: PageParams, *, board_id: int | None, source: str | None
) -> Page[SyncRunOut]:
    stmt = _run_query(principal)
    if board_id is not None:
        stmt = stmt.where(SyncRun.board_id == board_id)
    if source is not None:
        stmt = stmt.where(SyncRun.source == source)
    return paginate(
        session,
        stmt,
        params,
        sortable={"startedAt": SyncRun.started_at},
        default_sort=[SyncRun.started_at.desc()],  # type: ignore[attr-defined]
        tiebreak=SyncRun.id,
        convert=lambda found: run_out(found, with_changes=False),
    )


def get_run(session: Session, principal: Principal, run_id: int) -> SyncRunOut:
    run = session.execute(_run_query(principal).where(SyncRun.id == run_id)).scalars().first()
    if run is None:
        raise not_found("sync run")
    return run_out(run)


# --- role-name mappings ----------------------------------------------------------------------
def list_mappings(session: Session, principal: Principal, board_id: int) -> list[RoleMappingOut]:
    try:
        visible_board_id(session, principal, board_id, location="query")
    except ProblemError:
        raise not_found("board") from None
    own = session.execute(
        sa.select(SyncRoleMapping, RoleType.code)
        .join(RoleType, RoleType.id == SyncRoleMapping.role_type_id)
        .where(SyncRoleMapping.board_id == board_id)
        .order_by(SyncRoleMapping.source_name, SyncRoleMapping.id)
    ).all()
    out = [
        RoleMappingOut(
            id=m.id,
            board_id=m.board_id,
            source=m.source,
            source_name=m.source_name,
            role_type=code,
            built_in=False,
        )
        for m, code in own
    ]
    out += [
        RoleMappingOut(id=None, board_id=None, source=None, source_name=name, role_type=code, built_in=True)
        for name, code in sorted(mapping.DEFAULT_ROLE_NAMES.items())
    ]
    return out


def add_mapping(session: Session, principal: Principal, data: RoleMappingCreate) -> RoleMappingOut:
    from spil.kit.crud import audited_create
    from spil.kit.errors import conflict_on
    from spil.people.service import resolve_role_type

    visible_board_id(session, principal, data.board_id)
    principal.require(Capability.MANAGE_BOARD, board_id=data.board_id)
    role_type = resolve_role_type(session, data.board_id, data.role_type, field="roleType")
    name = mapping.normalise(data.source_name)
    clash = session.execute(
        sa.select(SyncRoleMapping.id).where(
            SyncRoleMapping.board_id == data.board_id,
            SyncRoleMapping.source_name == name,
            SyncRoleMapping.source.is_(None)
            if data.source is None
            else SyncRoleMapping.source == data.source,  # type: ignore[union-attr]
        )
    ).first()
    if clash:
        raise conflict_on(
            "sourceName", f"'{name}' is mapped already; remove that mapping first.", "duplicate"
        )
    m = SyncRoleMapping(
        board_id=data.board_id, source=data.source, source_name=name, role_type_id=role_type.id or 0
    )
    audited_create(session, principal, m, "sync-role-mapping", board_id=lambda x: x.board_id)
    return RoleMappingOut(
        id=m.id,
        board_id=m.board_id,
        source=m.source,
        source_name=name,
        role_type=role_type.code,
        built_in=False,
    )


def delete_mapping(session: Session, principal: Principal, mapping_id: int) -> None:
    from spil.kit.crud import audited_delete

    m = session.get(SyncRoleMapping, mapping_id)
    if (
        m is None
        or not session.execute(
            sa.select(Board.id).where(Board.id == m.board_id, Board.id.in_(scope.boards(principal)))
        ).first()
    ):
        raise not_found("role mapping")
    principal.require(Capability.MANAGE_BOARD, board_id=m.board_id)
    audited_delete(session, principal, m, "sync-role-mapping", board_id=m.board_id)
