"""Base schemas: lowerCamelCase on the wire, strict input, safe strings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    WithJsonSchema,
    computed_field,
    field_validator,
)
from pydantic.alias_generators import to_camel

MAX_ID = 2_147_483_647

# Dates a school's records can have: anything else is a typing error (and would overflow the date
# arithmetic of a ledger or a roll-up).
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)


def _not_a_boolean(value: Any) -> Any:
    if isinstance(value, bool):  # JSON true is not the id 1
        raise ValueError("must be a number, not true or false")
    return value


# Identifiers are 32-bit on every database; anything larger cannot exist (and must not reach SQL).
Id = Annotated[int, BeforeValidator(_not_a_boolean), Field(ge=1, le=MAX_ID)]


def _no_control_chars(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


SafeStr = Annotated[str, AfterValidator(_no_control_chars)]


class ApiModel(BaseModel):
    """Response model: camelCase aliases, built from ORM objects."""

    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, from_attributes=True, serialize_by_alias=True
    )


class VersionedOut(ApiModel):
    """A record in a list that can be changed or deleted from the list: it carries its ETag, so
    that the change is sent with If-Match (decision record 0012) without reading it again."""

    version: int = Field(exclude=True)

    @computed_field(  # type: ignore[prop-decorator]
        description="The record's ETag: send it as If-Match to change or delete this record."
    )
    @property
    def etag(self) -> str:
        return f'"v{self.version}"'


_BOOLEAN = (bool, bool | None)
_BOOLEAN_FIELDS: dict[type, frozenset[str]] = {}


def _boolean_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of a model that hold a boolean, worked out once per model (this runs for every
    field of every request body, and an import validates thousands)."""
    found = _BOOLEAN_FIELDS.get(model)
    if found is None:
        found = frozenset(name for name, f in model.model_fields.items() if f.annotation in _BOOLEAN)
        _BOOLEAN_FIELDS[model] = found
    return found


class InputModel(BaseModel):
    """Request model: camelCase, unknown fields refused, whitespace trimmed, no NUL bytes."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        str_strip_whitespace=True,
    )

    @field_validator("*", mode="before")
    @classmethod
    def _booleans_are_true_or_false(cls, value: Any, info: ValidationInfo) -> Any:
        """JSON true/false only: pydantic would take 0, 1, "yes" and "off" for a boolean too."""
        if value is None or isinstance(value, bool):
            return value
        if (info.field_name or "") in _boolean_fields(cls):
            raise ValueError("must be true or false")
        return value

    @field_validator("*", mode="after")
    @classmethod
    def _reject_nul_and_impossible_dates(cls, value: Any) -> Any:
        if isinstance(value, str):
            _no_control_chars(value)
        days = value if isinstance(value, list) else [value]
        for day in days:
            if isinstance(day, dt.date) and not FIRST_DAY <= day <= LAST_DAY:
                raise ValueError(f"must lie between {FIRST_DAY.year} and {LAST_DAY.year}")
        return value


def blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _normalise_email(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise ValueError(f"not a valid e-mail address ({exc})") from exc


def _check_url(value: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise ValueError("must be a web address starting with https:// or http://")
    return value


def _check_phone(value: str) -> str:
    import re

    if not re.fullmatch(r"\+?[0-9][0-9 ()\-]{5,30}", value):
        raise ValueError("must be a phone number: digits, spaces, dashes, optionally starting with +")
    return value


Email = Annotated[str, Field(max_length=320), AfterValidator(_normalise_email)]
Url = Annotated[str, Field(max_length=500), AfterValidator(_check_url)]
Phone = Annotated[str, Field(max_length=40), AfterValidator(_check_phone)]


def money_json(value: Decimal) -> str:
    """An amount in euro as it goes on the wire: a string with exactly two decimals ("190.00"),
    written from the exact value (decision record 0011); never through a float."""
    return f"{Decimal(value).quantize(Decimal('0.01')):f}"


MONEY_SCHEMA = {
    "type": "string",
    "format": "decimal",
    "pattern": r"^-?[0-9]+\.[0-9]{2}$",
    "description": "An amount in euro with two decimals, exact (a string, never a binary float).",
    "examples": ["190.00"],
}


def _number_json(value: Decimal) -> float:
    return float(value)


# A quantity that is not money (hours, an indicator's value): exact in the database, a JSON number
# on the wire (a few decimals at most, which a float carries faithfully).
NumberOut = Annotated[Decimal, PlainSerializer(_number_json, return_type=float, when_used="json")]

# Money is stored exactly (NUMERIC; whole cents on SQLite) and validated to cents; it is answered as
# a decimal string and accepted as a string or a JSON number (decision record 0011).
MoneyOut = Annotated[
    Decimal,
    PlainSerializer(money_json, return_type=str, when_used="json"),
    WithJsonSchema(MONEY_SCHEMA, mode="serialization"),
]
