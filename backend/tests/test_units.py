"""Unit tests of the shared kit: policy, settings, OpenAPI shaping, ETags."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from spil.kit.errors import ProblemError
from spil.kit.etag import etag_for
from spil.kit.openapi import _collapse_nullable
from spil.kit.policy import Capability, Grant, Principal, Role
from spil.kit.settings import DEFAULT_SECRET, Settings


def principal(*grants: Grant, admin: bool = False, scopes: frozenset[str] | None = None) -> Principal:
    return Principal(kind="user", id=1, label="t", is_platform_admin=admin, grants=grants, api_scopes=scopes)


def test_board_grant_covers_its_schools_but_not_others():
    p = principal(Grant(Role.BOARD_ADMIN, board_id=1))
    assert p.can(Capability.MANAGE_SCHOOL, board_id=1, school_id=10)
    assert not p.can(Capability.MANAGE_SCHOOL, board_id=2, school_id=20)


def test_school_grant_is_limited_to_the_school():
    p = principal(Grant(Role.SCHOOL_ADMIN, school_id=10, school_board_id=1))
    assert p.can(Capability.MANAGE_SCHOOL, board_id=1, school_id=10)
    assert not p.can(Capability.MANAGE_SCHOOL, board_id=1, school_id=11)
    assert not p.can(Capability.MANAGE_BOARD, board_id=1)


@pytest.mark.parametrize(
    "role,capability,allowed",
    [
        (Role.VIEWER, Capability.READ, True),
        (Role.VIEWER, Capability.EDIT, False),
        (Role.COORDINATOR, Capability.EDIT, True),
        (Role.COORDINATOR, Capability.MANAGE_SCHOOL, False),
        (Role.CONFIDENTIAL_COUNSELLOR, Capability.CONFIDENTIAL, True),
        (Role.BOARD_ADMIN, Capability.CONFIDENTIAL, False),
        (Role.REGION_CONTACT, Capability.READ, False),
    ],
)
def test_role_capabilities(role, capability, allowed):
    assert principal(Grant(role, board_id=1)).can(capability, board_id=1) is allowed


def test_platform_admin_can_everything_but_the_confidential_register():
    p = principal(admin=True)
    assert p.can(Capability.MANAGE_BOARD, board_id=99)
    assert not p.can(Capability.CONFIDENTIAL, board_id=99)


def test_api_scopes_write_implies_read():
    p = principal(Grant(Role.BOARD_ADMIN, board_id=1), scopes=frozenset({"organisations:write"}))
    p.require_scope("organisations:read")
    with pytest.raises(ProblemError) as exc:
        p.require_scope("audit:read")
    assert exc.value.status == 403


def test_settings_refuse_default_secret_outside_development():
    assert Settings(env="development", secret_key=DEFAULT_SECRET).secret_key == DEFAULT_SECRET
    with pytest.raises(ValidationError, match="SPIL_SECRET_KEY"):
        Settings(env="production", secret_key=DEFAULT_SECRET, today=None)
    with pytest.raises(ValidationError):
        Settings(env="production", secret_key="short", today=None)
    ok = Settings(env="production", secret_key="x" * 40, database_url="postgres://u:p@db/spil", today=None)
    assert ok.database_url == "postgresql+psycopg://u:p@db/spil"


def test_nullable_scalars_keep_their_format():
    node = {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}], "title": "Start"}
    assert _collapse_nullable(node) == {"type": ["string", "null"], "format": "date", "title": "Start"}
    ref = {"anyOf": [{"$ref": "#/x"}, {"type": "null"}]}
    assert _collapse_nullable(ref) == ref


def test_etag_format():
    assert etag_for(3) == '"v3"'


def test_generic_schema_names_become_upper_camel_case():
    from spil.kit.openapi import _rename_generic_schemas

    doc = {
        "components": {"schemas": {"Page_BoardOut_": {"type": "object"}, "BoardOut": {}}},
        "paths": {"/boards": {"get": {"schema": {"$ref": "#/components/schemas/Page_BoardOut_"}}}},
    }
    out = _rename_generic_schemas(doc)
    assert set(out["components"]["schemas"]) == {"BoardPage", "BoardOut"}
    assert out["paths"]["/boards"]["get"]["schema"]["$ref"] == "#/components/schemas/BoardPage"


def test_passwords_are_hashed_at_production_strength_outside_the_tests():
    """The tests' cheap argon2 parameters are for SPIL_ENV=test only."""
    from argon2 import PasswordHasher

    from spil.access import security

    library_default = PasswordHasher()
    for env in ("development", "production"):
        params = security.parameters_for(env)
        assert params == security.RFC_9106_LOW_MEMORY
        assert (
            (params.time_cost, params.memory_cost, params.parallelism)
            == (
                library_default.time_cost,
                library_default.memory_cost,
                library_default.parallelism,
            )
            == (3, 65536, 4)
        )
    hasher, _ = security._hasher_for("production")
    assert hasher.hash("x").startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert security.parameters_for("test").memory_cost < 65536


def test_every_restricting_reference_between_features_is_registered():
    """A record another feature refers to (ON DELETE RESTRICT) is deleted only after
    ``spil.kit.deletion`` asked that feature: each such foreign key must be registered, so that
    the owner answers a 409 that names what is in the way, without importing the feature."""
    from sqlmodel import SQLModel

    import spil.models  # noqa: F401  (every table, as the app loads them)
    from spil.kit import deletion

    feature = {m.local_table.name: m.class_.__module__.split(".")[1] for m in SQLModel._sa_registry.mappers}
    missing = []
    for table in SQLModel.metadata.sorted_tables:
        for fk in table.foreign_keys:
            target = fk.column.table.name
            if fk.ondelete != "RESTRICT" or feature.get(target) == feature.get(table.name):
                continue
            registered = {
                f"{r.column.expression.table.name}.{r.column.expression.name}"
                for r in deletion.references(target)
            }
            if f"{table.name}.{fk.parent.name}" not in registered:
                missing.append(f"{target} <- {table.name}.{fk.parent.name}")
    assert missing == []


def test_money_goes_on_the_wire_as_an_exact_decimal_string():
    """Decision record 0011: written from the Decimal, never through a float."""
    from decimal import Decimal

    from pydantic import TypeAdapter

    from spil.kit.schemas import MoneyOut, money_json

    assert money_json(Decimal("190")) == "190.00"
    assert money_json(Decimal("0.1") + Decimal("0.2")) == "0.30"
    # beyond what a float carries exactly: 17 significant digits
    assert money_json(Decimal("123456789012345.67")) == "123456789012345.67"
    adapter = TypeAdapter(MoneyOut)
    assert adapter.dump_json(Decimal("2100.5")) == b'"2100.50"'
    schema = adapter.json_schema(mode="serialization")
    assert schema["type"] == "string" and schema["format"] == "decimal"
