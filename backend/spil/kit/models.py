"""Column mixins shared by the feature tables."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from spil.kit import clock
from spil.kit.db import UTCDateTime


class Timestamped(SQLModel):
    created_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)


class Versioned(Timestamped):
    """Optimistic concurrency: the ETag is the version; updates check it in the UPDATE itself."""

    version: int = Field(default=1, nullable=False)

    # SQLAlchemy's declared_attr is typed for its own declarative base, not for SQLModel classes.
    @declared_attr  # type: ignore[misc]
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}
