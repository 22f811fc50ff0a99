"""HTTP endpoints for a person's rights: ``GET /people/{personId}/personal-data`` (access) and
``POST /people/{personId}/erasure`` (erasure). For the managers of the person's board."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from pydantic import Field

from spil.access.service import scoped
from spil.kit.deps import IF_MATCH_DOC, SessionDep, VersionCheck, id_path
from spil.kit.etag import set_etag
from spil.kit.openapi import problems
from spil.kit.policy import Principal
from spil.kit.schemas import ApiModel
from spil.people import service as people
from spil.people.schemas import PersonOut
from spil.privacy import service

router = APIRouter(tags=["people"])
Writer = Annotated[Principal, Depends(scoped("people:write"))]
PersonId = Annotated[int, id_path("personId", "The person's id.")]


class PersonalDataOut(ApiModel):
    generated_at: dt.datetime = Field(description="When the export was made.")
    controller: str | None = Field(
        description="The board responsible for the data (verwerkingsverantwoordelijke)."
    )
    person: dict[str, Any] = Field(description="The person record.")
    records: dict[str, list[dict[str, Any]]] = Field(
        description="Every record about the person, per kind: role assignments, volunteer agreements "
        "with their payments, activities, public listings, and the changes to the person record."
    )


@router.get(
    "/people/{personId}/personal-data",
    summary="Everything Spil holds about one person (right of access)",
    description="For the managers of the person's board, to hand to the person who asks (AVG/GDPR "
    "article 15). The export is written to the audit trail.",
    responses=problems(403, 404),
)
def export_personal_data(session: SessionDep, principal: Writer, person_id: PersonId) -> PersonalDataOut:
    return PersonalDataOut.model_validate(service.export(session, principal, person_id))


@router.post(
    "/people/{personId}/erasure",
    summary="Erase a person (right to erasure)",
    description="Anonymises the person and what Spil holds about them: name, e-mail, phone, notes "
    "and languages go, and so do the free texts of their roles and agreements and their public "
    "listings; the history (roles, the allowance ledger, activities) is kept without the name. "
    "Refused with 409 `holds-statutory-role` while the person holds a role the law requires.",
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def erase_person(
    session: SessionDep, principal: Writer, person_id: PersonId, check: VersionCheck, response: Response
) -> PersonOut:
    service.erase(session, principal, person_id, check)
    out, version = people.get_person(session, principal, person_id)
    set_etag(response, version)
    return out
