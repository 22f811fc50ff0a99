"""HTTP endpoints: a user's reminder settings, and the unsubscribe link of a reminder (no login)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response
from pydantic import Field

from spil.access.models import User
from spil.access.service import person
from spil.kit.deps import SessionDep
from spil.kit.errors import invalid
from spil.kit.openapi import problems
from spil.kit.policy import Principal
from spil.kit.schemas import ApiModel, Email, InputModel
from spil.reminders import service
from spil.reminders.service import Kind

router = APIRouter()
Person = Annotated[Principal, Depends(person)]


class ReminderSetting(ApiModel):
    kind: Kind
    enabled: bool


class ReminderSettings(ApiModel):
    email: str = Field(description="The address the reminders go to (the account's).")
    settings: list[ReminderSetting]


class ReminderSettingsUpdate(InputModel):
    settings: list[ReminderSetting] = Field(max_length=10)


class Unsubscribe(InputModel):
    email: Email
    kind: Kind
    signature: Annotated[str, Field(min_length=32, max_length=32, pattern=r"^[0-9a-f]+$")]


def _settings(session: SessionDep, email: str) -> ReminderSettings:
    off = service.switched_off(session, email)
    return ReminderSettings(
        email=email, settings=[ReminderSetting(kind=k, enabled=k not in off) for k in service.KINDS]
    )


def _email(session: SessionDep, principal: Principal) -> str:
    user = session.get(User, principal.id)
    assert user is not None
    return user.email


@router.get("/reminder-settings", tags=["reminders"], summary="Which reminders you receive")
def get_reminder_settings(session: SessionDep, principal: Person) -> ReminderSettings:
    return _settings(session, _email(session, principal))


@router.put(
    "/reminder-settings",
    tags=["reminders"],
    summary="Switch kinds of reminders on or off",
    description="Kinds left out stay as they are.",
    responses=problems(400),
)
def update_reminder_settings(
    session: SessionDep, principal: Person, data: ReminderSettingsUpdate
) -> ReminderSettings:
    email = _email(session, principal)
    for setting in data.settings:
        if setting.enabled:
            service.opt_in(session, email, setting.kind)
        else:
            service.opt_out(session, email, setting.kind)
    return _settings(session, email)


@router.post(
    "/reminder-unsubscriptions",
    status_code=204,
    tags=["reminders"],
    summary="Switch a kind of reminder off with the link from a reminder",
    description="No login: the link carries a signature made with the app's secret.",
    responses=problems(400),
    openapi_extra={"security": []},
)
def unsubscribe(session: SessionDep, data: Unsubscribe) -> Response:
    if not service.valid_signature(data.email, data.kind, data.signature):
        raise invalid(
            [("signature", "invalid-signature", "This link is not valid.")],
            detail="This unsubscribe link is not valid. Change your reminders in your settings.",
            code="invalid-link",
        )
    service.opt_out(session, data.email, data.kind)
    return Response(status_code=204)
