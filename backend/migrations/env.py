"""Alembic environment: the URL is the application's (``SPIL_DATABASE_URL``) unless a caller
(the tests) passes a connection or a URL in the config's attributes."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from spil.kit.db import advisory_lock, make_engine
from spil.kit.settings import get_settings
from spil.models import metadata

config = context.config


def _configure(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )


def run_migrations_offline() -> None:
    url = config.attributes.get("url") or get_settings().database_url
    context.configure(url=url, target_metadata=metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def _run(conn: Connection) -> None:
    """SQLite alters a table by copying it (batch mode), and dropping the old copy of a table that
    others refer to fails while foreign keys are enforced: they are switched off around the
    migration (outside its transaction, where SQLite allows that) and checked before it commits."""
    sqlite = conn.dialect.name == "sqlite"
    raw = conn.connection.dbapi_connection if sqlite else None
    if raw is not None:
        raw.execute("PRAGMA foreign_keys=OFF")
    try:
        _configure(conn)
        with context.begin_transaction():
            advisory_lock(conn)
            context.run_migrations()
            if sqlite and (broken := conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()):
                raise RuntimeError(f"the migration left rows whose foreign key points nowhere: {broken[:5]}")
    finally:
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=ON")


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.attributes.get("url") or get_settings().database_url)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
