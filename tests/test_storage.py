"""Storage: PRAGMAs, transactions, migrations, and the identity every record carries."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from desktop.db.base import Base
from desktop.db.engine import Database
from desktop.db.migrate import (
    SchemaTooNew,
    current_revision,
    head_revision,
    include_name,
    migrate,
)
from desktop.db.models import Deputy, FeedbackCase, FeedbackCategory
from desktop.db.sqlite import pragma_report
from desktop.domain import refdata
from desktop.domain.records import CaseDraft, DeputyDraft, DutyDayDraft
from desktop.services import open_services


def test_every_connection_is_configured_for_durability(services) -> None:
    # reliability #2: what was confirmed is on disk
    for _ in range(3):  # several pooled connections, each configured on connect
        report = pragma_report(services.db.engine)
        assert report == {
            "journal_mode": "wal",
            "synchronous": 2,  # FULL
            "foreign_keys": 1,
            "busy_timeout": 5000,
        }


def test_failed_transaction_rolls_back_ddl_too(tmp_path: Path) -> None:
    """Without the BEGIN recipe pysqlite commits DDL at once; with it, all or nothing."""
    db = Database(tmp_path / "t.sqlite")
    with pytest.raises(RuntimeError), db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
        raise RuntimeError("fail after DDL")
    assert "scratch" not in inspect(db.engine).get_table_names()
    db.dispose()


@pytest.mark.backends  # SQLite and PostgreSQL (tests/conftest.py)
def test_migrated_schema_equals_the_models(new_db) -> None:
    db = Database(new_db("m", blank=True))
    migrate(db)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert current_revision(db) == head_revision()
    db.dispose()


@pytest.mark.backends
def test_migration_from_first_revision_matches_fresh_schema(new_db) -> None:
    """Upgrading step by step from the first revision gives the schema create_all gives."""
    from alembic import command

    from desktop.db.migrate import alembic_config

    stepped = Database(new_db("stepped", blank=True))
    config = alembic_config()
    with stepped.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "+1")  # the first revision only
    migrate(stepped)  # then the rest, as a program update would
    fresh = Database(new_db("fresh", blank=True)).engine
    Base.metadata.create_all(fresh)

    def schema(engine) -> dict:
        insp = inspect(engine)
        return {
            t: (
                sorted((c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(t)),
                sorted((i["name"], tuple(i["column_names"])) for i in insp.get_indexes(t)),
                sorted(tuple(f["constrained_columns"]) for f in insp.get_foreign_keys(t)),
            )
            for t in insp.get_table_names()
            if t != "alembic_version" and include_name(t, "table", None)
        }

    assert schema(stepped.engine) == schema(fresh)
    stepped.dispose()
    fresh.dispose()


def test_the_head_constant_names_the_newest_script() -> None:
    """Opening an up-to-date database trusts HEAD instead of importing Alembic."""
    from desktop.db.migrate import HEAD

    assert head_revision() == HEAD


def test_a_database_newer_than_the_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    db = Database(path)
    migrate(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew):
        migrate(db, backup_dir=tmp_path / "backups")
    db.dispose()
    assert not (tmp_path / "backups").exists()
    assert current_revision(Database(path)) == "9999_future"
    assert len(before) > 0


def test_migration_takes_a_backup_first(tmp_path: Path) -> None:
    """A program update with a new revision backs the old database up before touching it."""
    import shutil

    from desktop.db.migrate import MIGRATIONS, alembic_config

    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_next.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '9001'\ndown_revision = {head_revision()!r}\n"
        "branch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('townships') as b:\n"
        "        b.add_column(sa.Column('note', sa.Text(), nullable=True))\n"
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrate(db)
    done = migrate(db, backup_dir=tmp_path / "backups", config=alembic_config(scripts))
    assert done.upgraded and done.backup is not None and done.backup.exists()
    assert current_revision(db) == "9001"
    db.dispose()
    old = Database(done.backup, read_only=True)
    assert current_revision(old) == head_revision()
    old.dispose()


def test_change_sequence_is_one_per_transaction_and_grows(services) -> None:
    first = services.deputies.create(DeputyDraft("王芳", phone="13812348000"))
    second = services.deputies.create(DeputyDraft("李明"))
    with services.db.read() as s:
        seqs = {name: seq for name, seq in s.execute(select(Deputy.name, Deputy.change_seq))}
        links = s.execute(text("SELECT value FROM change_counter")).scalar_one()
    assert seqs["李明"] > seqs["王芳"]
    assert links == max(seqs.values())
    assert first.version == 1 and second.version == 1


def test_version_grows_once_per_edit_and_stale_edits_are_refused(services) -> None:
    from desktop.services.common import ServiceError

    row = services.deputies.create(DeputyDraft("王芳"))
    edited = services.deputies.update(row.id, DeputyDraft("王芳", occupation="教师"), row.version)
    assert edited.version == 2
    with pytest.raises(ServiceError):
        services.deputies.update(row.id, DeputyDraft("王芳", occupation="农民"), row.version)


def test_tombstone_clears_personal_fields_and_hides_the_record(services, today) -> None:
    station = services.site.current().station_id
    case = services.feedback.register(
        CaseDraft(station, today, person_name="赵大山", phone="13912345678", content="路灯坏了")
    )
    services.feedback.delete(case.id, case.version)
    with services.db.read() as s:
        stored = s.get(FeedbackCase, case.id)
        assert stored.deleted
        assert (stored.person_name, stored.phone, stored.id_number) == ("", "", "")
        assert stored.content == "路灯坏了"  # the fact stays; the person goes
    assert services.feedback.count() == 0


def test_every_record_carries_travelling_identity(services, today) -> None:
    site = services.site.current()
    deputy = services.deputies.create(DeputyDraft("王芳", station_ids=(site.station_id,)))
    services.duty_days.create(DutyDayDraft(site.station_id, today, deputy_ids=(deputy.id,)))
    with services.db.read() as s:
        for table in ("deputies", "duty_days", "duty_day_deputies", "deputy_stations"):
            row = s.execute(
                text(f"SELECT id, created_site_id, owner_site_id, version, change_seq FROM {table}")
            ).first()
            assert uuid.UUID(row.id) and uuid.UUID(row.created_site_id) == site.id
            assert uuid.UUID(row.owner_site_id) == site.id and row.version == 1
            assert row.change_seq > 0


def test_shipped_reference_data_has_the_same_ids_everywhere(services, tmp_path: Path) -> None:
    other = open_services(tmp_path / "other.sqlite")
    from desktop.domain.enums import SiteRole
    from desktop.domain.records import SiteDraft

    other.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "县人大常委会代表工委"))
    ids = {c.id for c in services.reference.categories()}
    assert ids == {c.id for c in other.reference.categories()}
    assert refdata.shipped_id(refdata.CATEGORY, "other") in ids
    with services.db.read() as s:
        assert s.get(FeedbackCategory, refdata.shipped_id(refdata.CATEGORY, "health"))
    other.close()


def test_timestamps_are_utc(services) -> None:
    services.deputies.create(DeputyDraft("王芳"))
    with services.db.read() as s:
        created = s.scalar(select(Deputy.created_at))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert abs((now - created.replace(tzinfo=None)).total_seconds()) < 120


@pytest.mark.backends
def test_cases_older_than_the_search_index_are_found_after_the_upgrade(new_db) -> None:
    """Migration 0002 fills the index for cases already there, keyed as the triggers key."""
    import uuid as uuid_

    from alembic import command

    from desktop.db.migrate import alembic_config
    from desktop.domain.records import ListFilter

    path = new_db("old", blank=True)
    db = Database(path)
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    site, station = uuid_.uuid4().hex, uuid_.uuid4().hex
    track = {"site": site, "stamp": "2026-01-01 00:00:00.000000", "no": False}
    columns = "created_site_id, owner_site_id, version, created_at, updated_at, deleted, change_seq"
    values = ":site, :site, 1, :stamp, :stamp, :no, 1"
    with db.engine.begin() as conn:
        conn.execute(
            text(
                f"INSERT INTO stations (id, code, name, address, {columns}) "
                f"VALUES (:id, 'S1', '站', '', {values})"
            ),
            {"id": station, **track},
        )
        conn.execute(
            text(
                "INSERT INTO feedback_cases (id, station_id, received_date, channel, anonymous, "
                f"person_name, person_keys, phone, id_number, village, content, state, {columns}) "
                "VALUES (:id, :station, :day, 'phone', :no, '赵大山', 'zds zhaodashan', '', '', "
                f"'大田村', '村口路灯不亮', 'registered', {values})"
            ),
            {"id": uuid_.uuid4().hex, "station": station, "day": dt.date(2025, 5, 6), **track},
        )
    db.dispose()
    services = open_services(path)
    found = services.feedback.page(ListFilter(text="路灯", date_from=dt.date(2025, 5, 1)))
    assert [c.content for c in found.rows] == ["村口路灯不亮"]
    assert services.feedback.state_counts() and services.feedback.count(ListFilter(text="zds"))
    services.close()


def test_stroke_keys_left_empty_by_an_interrupted_upgrade_are_filled_at_the_next_start(
    services,
) -> None:
    """The keys a migration cannot compute are filled right after it, in a transaction of
    their own: a program killed in between must finish the job at its next start."""
    services.deputies.create(DeputyDraft(name="覃大山"))
    path = services.db.path
    with services.db.write() as s:
        s.execute(text("UPDATE deputies SET name_sort = ''"))
    services.close()
    reopened = open_services(path)
    try:
        with reopened.db.read() as s:
            keys = list(s.scalars(select(Deputy.name_sort)))
        assert keys and all(keys)
    finally:
        reopened.close()
