"""`trefpunt backup` then `trefpunt restore` into an empty database: every table identical."""

import tarfile

import pytest
from django.core.management import call_command
from django.db import connections
from django.db.utils import load_backend

from trefpunt.lib.backup import BackupError, restore_backup

# Transactional (the backup reads committed rows); like the browser tests, it leaves a flushed
# database behind, which the conftest reseeds for the tests that need the migrations' data.
pytestmark = pytest.mark.django_db(transaction=True)


def table_contents(connection) -> dict[str, list[tuple]]:
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        contents = {}
        for name in names:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(name)}")  # noqa: S608
            contents[name] = sorted(cursor.fetchall(), key=repr)
    return contents


@pytest.fixture
def empty_database(tmp_path, transactional_db):
    """A connection to a second, empty database of the same engine (not a configured alias,
    so Django's test isolation lets it through)."""
    default = connections["default"]
    settings_dict = dict(default.settings_dict)
    if default.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
        settings_dict["OPTIONS"] = {}
    else:
        settings_dict["NAME"] = f"{default.settings_dict['NAME']}_restored"
        with default.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}"')
            cursor.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')
    connection = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "restored")
    yield connection
    connection.close()
    if default.vendor != "sqlite":
        with default.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}"')


def test_restore_into_an_empty_database_gives_identical_tables_and_files(
    tmp_path, settings, empty_database, curator
):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "news" / "2025").mkdir(parents=True)
    (settings.MEDIA_ROOT / "news" / "2025" / "photo.png").write_bytes(b"\x89PNG fake")
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", str(archive), stdout=open(tmp_path / "out.txt", "w"))  # noqa: SIM115

    with tarfile.open(archive) as opened:
        names = set(opened.getnames())
    assert "manifest.json" in names
    assert "media/news/2025/photo.png" in names
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    manifest = restore_backup(archive, connection=empty_database)
    assert manifest["media_files"] == 1
    assert (tmp_path / "restored-media" / "news" / "2025" / "photo.png").read_bytes() == (
        b"\x89PNG fake"
    )
    original = table_contents(connections["default"])
    restored = table_contents(empty_database)
    assert sorted(restored) == sorted(original)
    for table, rows in original.items():
        assert restored[table] == rows, table
    assert any("curator" in row for row in restored["auth_user"])


def test_restore_refuses_a_database_that_has_tables(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=open(tmp_path / "out.txt", "w"))  # noqa: SIM115

    with pytest.raises(BackupError, match="not empty"):
        restore_backup(archive)
