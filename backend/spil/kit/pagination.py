"""Paginated, sortable list responses: ``{items, total, page, pageSize}``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

import sqlalchemy as sa
from fastapi import Query
from pydantic import Field
from sqlmodel import Session

from spil.kit.errors import invalid
from spil.kit.schemas import ApiModel

T = TypeVar("T")


class Page(ApiModel, Generic[T]):
    items: list[T]
    total: int = Field(description="How many records match the filters, over all pages.")
    page: int
    page_size: int


@dataclass
class PageParams:
    page: int
    page_size: int
    sort: str | None

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


def page_params(
    page: Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")] = 1,
    page_size: Annotated[
        int, Query(alias="pageSize", ge=1, le=100, description="Records per page (at most 100).")
    ] = 20,
    sort: Annotated[
        str | None,
        Query(
            max_length=40,
            pattern=r"^-?[a-zA-Z]+$",
            description="Field to sort on; prefix with `-` for descending, e.g. `-updatedAt`.",
        ),
    ] = None,
) -> PageParams:
    return PageParams(page=page, page_size=page_size, sort=sort)


def paginate(
    session: Session,
    stmt: sa.Select[Any],
    params: PageParams,
    *,
    sortable: dict[str, Any],
    default_sort: Sequence[Any],
    convert: Callable[[Any], T],
    tiebreak: Any,
) -> Page[T]:
    """Count and fetch one page of ``stmt``; ``sortable`` maps API field names to columns."""
    order: list[Any]
    if params.sort:
        desc = params.sort.startswith("-")
        key = params.sort.lstrip("-")
        if key not in sortable:
            reason = f"Cannot sort on '{key}'. Sortable fields: {', '.join(sorted(sortable))}."
            raise invalid(
                [("sort", "unknown-sort-field", reason)], location="query", code="unknown-sort-field"
            )
        column = sortable[key]
        order = [column.desc() if desc else column.asc(), tiebreak]
    else:
        order = [*default_sort, tiebreak]
    total = session.scalar(sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery())) or 0
    rows = session.execute(stmt.order_by(*order).offset(params.offset).limit(params.page_size)).all()
    items = [convert(row[0] if len(row) == 1 else row) for row in rows]
    return Page[T](items=items, total=total, page=params.page, page_size=params.page_size)


def like_pattern(q: str) -> str:
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"
