"""Migrations build the schema from nothing on both databases and agree with the models."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from spil.models import metadata
from tests.conftest import alembic_config


def test_models_and_migrations_agree(engine):
    """`alembic check`: autogenerate finds nothing to do on the migrated database."""
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == []


def test_downgrade_and_upgrade_again(database_url, engine):
    cfg = alembic_config(database_url)
    command.check(cfg)
    # On a second database/schema the full cycle runs: here we go down to nothing and back up.
    if database_url.startswith("sqlite"):
        scratch = database_url.replace("spil.sqlite3", "cycle.sqlite3")
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("DROP DATABASE IF EXISTS spil_cycle"))
            conn.execute(sa.text("CREATE DATABASE spil_cycle"))
        scratch = database_url.rsplit("/", 1)[0] + "/spil_cycle"
    cfg = alembic_config(scratch)
    command.upgrade(cfg, "head")
    command.downgrade(cfg, "base")
    scratch_engine = sa.create_engine(scratch)
    tables = set(sa.inspect(scratch_engine).get_table_names()) - {"alembic_version"}
    assert tables == set()
    command.upgrade(cfg, "head")
    with scratch_engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM labour_market_region")).scalar() == 35
    scratch_engine.dispose()
