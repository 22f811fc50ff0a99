"""The "from ParnasSys" mark of a record's read model (no imports of the features: their
schemas use it)."""

from __future__ import annotations

from pydantic import Field

from spil.kit.schemas import ApiModel


class SyncedFrom(ApiModel):
    source: str = Field(description="The school administration system that keeps this record.")
    source_label: str
    fields: list[str] = Field(description="The fields it keeps: change them there, not in Spil.")
