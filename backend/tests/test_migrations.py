"""Migrations build the schema from nothing on both databases and agree with the models."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from spil.models import metadata
from tests.conftest import alembic_config, scratch_database


def test_models_and_migrations_agree(engine):
    """`alembic check`: autogenerate finds nothing to do on the migrated database."""
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == []


def test_downgrade_and_upgrade_again(database_url, engine):
    cfg = alembic_config(database_url)
    command.check(cfg)
    # On a second database/schema the full cycle runs: here we go down to nothing and back up.
    scratch = scratch_database(database_url, engine, "cycle")
    cfg = alembic_config(scratch)
    command.upgrade(cfg, "head")
    command.downgrade(cfg, "base")
    scratch_engine = sa.create_engine(scratch)
    tables = set(sa.inspect(scratch_engine).get_table_names()) - {"alembic_version"}
    assert tables == set()
    command.upgrade(cfg, "head")
    with scratch_engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM region")).scalar() == 35
    scratch_engine.dispose()


def test_the_derived_indicators_revision_goes_down_with_a_target_set(database_url, engine):
    """b2e5dc1d38e9 ships indicators that may get targets: going down removes those too."""
    from spil.demo import seed_demo
    from spil.kit.db import unit_of_work
    from tests.conftest import DEMO_PASSWORD

    scratch = scratch_database(database_url, engine, "down")
    cfg = alembic_config(scratch)
    # The demo is written by today's models, so at head; then down to the revision under test.
    command.upgrade(cfg, "head")
    scratch_engine = sa.create_engine(scratch)
    with unit_of_work(engine=scratch_engine) as session:
        seed_demo(session, DEMO_PASSWORD)
    command.downgrade(cfg, "b2e5dc1d38e9")
    with scratch_engine.begin() as conn:
        board = conn.execute(sa.text("SELECT min(id) FROM board")).scalar()
        indicator = conn.execute(sa.text("SELECT id FROM indicator WHERE code = 'open-gaps-error'")).scalar()
        conn.execute(
            sa.text(
                "INSERT INTO indicator_target (indicator_id, board_id, scope_key, period, period_start, value,"
                " version, created_at, updated_at) VALUES (:i, :b, :k, '2026-11', '2026-11-01', 3, 1,"
                " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"i": indicator, "b": board, "k": f"board:{board}"},
        )
        conn.execute(
            sa.text("UPDATE indicator SET description_nl = 'Eigen tekst' WHERE code = 'parent-contacts'")
        )
    command.downgrade(cfg, "62cf49a9112f")
    with scratch_engine.connect() as conn:
        codes = set(conn.execute(sa.text("SELECT code FROM indicator")).scalars())
        assert "open-gaps-error" not in codes and "allowance-headroom" not in codes and len(codes) == 15
        left = sa.text("SELECT count(*) FROM indicator_target WHERE indicator_id = :i")
        assert conn.execute(left, {"i": indicator}).scalar() == 0
        descriptions = dict(conn.execute(sa.text("SELECT code, description_nl FROM indicator")).all())
    # what this revision wrote is taken back; what someone wrote since stays
    assert descriptions["parent-contacts"] == "Eigen tekst" and descriptions["mutual-respect"] is None
    command.upgrade(cfg, "head")
    scratch_engine.dispose()


def test_a_partnerships_budget_becomes_exact_money(database_url, engine):
    """5a1d0e7c3b21: SQLite stored the budget as a binary float; it becomes whole cents, read back
    as the exact amount (PostgreSQL kept NUMERIC(12, 2) all along)."""
    from decimal import Decimal

    from spil.demo import seed_demo
    from spil.kit.db import unit_of_work
    from spil.partners.models import Partnership
    from tests.conftest import DEMO_PASSWORD

    scratch = scratch_database(database_url, engine, "budget")
    cfg = alembic_config(scratch)
    command.upgrade(cfg, "head")
    scratch_engine = sa.create_engine(scratch)
    with unit_of_work(engine=scratch_engine) as session:
        seed_demo(session, DEMO_PASSWORD)
    command.downgrade(cfg, "b2e5dc1d38e9")
    with scratch_engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE partnership SET annual_budget = 1234.56 WHERE annual_budget IS NOT NULL")
        )
    command.upgrade(cfg, "head")
    with unit_of_work(engine=scratch_engine, write=False) as session:
        budgets = [
            p.annual_budget for p in session.execute(sa.select(Partnership)).scalars() if p.annual_budget
        ]
    assert budgets == [Decimal("1234.56")]
    scratch_engine.dispose()


def test_the_adults_route_texts_leave_a_schools_own_text_alone(database_url, engine):
    """b8d4f0e2a6c1 gives parents' and staff's steps the u form; a text a school wrote stays."""
    scratch = scratch_database(database_url, engine, "reader")
    cfg = alembic_config(scratch)
    command.upgrade(cfg, "a7c3e9d1f4b2")
    scratch_engine = sa.create_engine(scratch)
    steps = sa.text(
        "SELECT r.reporter_group, s.text_nl FROM complaint_route_step s JOIN complaint_route r"
        " ON r.id = s.route_id WHERE r.area = 'personal-problems' AND s.key = 'counsellor'"
    )
    with scratch_engine.begin() as conn:
        # A school's own edit of the staff route's counsellor step, made before this revision.
        conn.execute(
            sa.text(
                "UPDATE complaint_route_step SET text_nl = 'Bel Vera, onze vertrouwenspersoon.' WHERE key ="
                " 'counsellor' AND route_id IN (SELECT id FROM complaint_route WHERE area ="
                " 'personal-problems' AND reporter_group = 'staff')"
            )
        )
    command.upgrade(cfg, "b8d4f0e2a6c1")
    with scratch_engine.connect() as conn:
        after = dict(conn.execute(steps).all())
        police = conn.execute(
            sa.text(
                "SELECT DISTINCT r.reporter_group, s.text_nl FROM complaint_route_step s JOIN complaint_route r"
                " ON r.id = s.route_id WHERE s.key = 'police'"
            )
        ).all()
    assert after["pupil"].endswith("helpt je verder.")
    assert after["staff"] == "Bel Vera, onze vertrouwenspersoon."
    assert sorted(police) == [
        ("parent", "U kunt aangifte doen bij de politie."),
        ("pupil", "Je kunt aangifte doen bij de politie."),
    ]
    command.downgrade(cfg, "a7c3e9d1f4b2")
    with scratch_engine.connect() as conn:
        assert (
            conn.execute(
                sa.text("SELECT count(*) FROM complaint_route_step WHERE text_nl LIKE 'U kunt aangifte%'")
            ).scalar()
            == 0
        )
    scratch_engine.dispose()
