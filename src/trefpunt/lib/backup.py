"""Backup and restore: the database (a consistent SQLite copy or ``pg_dump``) and the uploaded
files, in one ``.tar.gz`` archive with a manifest.

Archive layout::

    manifest.json          {"format": 1, "engine": "sqlite"|"postgresql", "created": …}
    database.sqlite3       (SQLite: a copy made with SQLite's online backup API)
    database.pgdump        (PostgreSQL: ``pg_dump --format=custom``)
    media/…                every file under MEDIA_ROOT

Restore goes into an empty database (it refuses one that has tables) and an empty or missing
MEDIA_ROOT directory is filled from the archive.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

FORMAT = 1


class BackupError(Exception):
    pass


def _engine(connection) -> str:
    vendor = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _pg_env(connection) -> tuple[list[str], dict]:
    """Connection arguments for pg_dump/pg_restore, the password only in the environment."""
    db = connection.settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = [f"--dbname={db['NAME']}"]
    if db.get("HOST"):
        args.append(f"--host={db['HOST']}")
    if db.get("PORT"):
        args.append(f"--port={db['PORT']}")
    if db.get("USER"):
        args.append(f"--username={db['USER']}")
    return args, env


def _dump_database(connection, engine: str, directory: Path) -> str:
    if engine == "sqlite":
        target = directory / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target.name
    target = directory / "database.pgdump"
    args, env = _pg_env(connection)
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}", *args],
        env=env,
        check=True,
    )
    return target.name


def create_backup(path: Path, *, connection=None) -> dict:
    """Write the archive to ``path``; returns its manifest."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    engine = _engine(connection)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="trefpunt-backup-") as work:
        directory = Path(work)
        database = _dump_database(connection, engine, directory)
        files = (
            sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        )
        manifest = {
            "format": FORMAT,
            "engine": engine,
            "created": timezone.now().isoformat(),
            "database": database,
            "media_files": len(files),
        }
        (directory / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(directory / "manifest.json", arcname="manifest.json")
            archive.add(directory / database, arcname=database)
            for file in files:
                archive.add(file, arcname=f"media/{file.relative_to(media_root).as_posix()}")
        partial.replace(path)  # a backup is either complete or absent
    return manifest


def _has_tables(connection) -> bool:
    with connection.cursor() as cursor:
        return bool(connection.introspection.table_names(cursor))


def _safe_members(archive: tarfile.TarFile, prefix: str):
    for member in archive.getmembers():
        name = member.name
        if name.startswith(prefix) and member.isfile() and ".." not in Path(name).parts:
            yield member


def restore_backup(path: Path, *, connection=None) -> dict:
    """Restore the archive at ``path`` into the (empty) database and MEDIA_ROOT."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    engine = _engine(connection)
    if _has_tables(connection):
        raise BackupError("The database is not empty: restore only into an empty database.")
    with tarfile.open(path, "r:gz") as archive, tempfile.TemporaryDirectory() as work:
        manifest = json.load(archive.extractfile("manifest.json"))
        if manifest.get("format") != FORMAT or manifest.get("engine") != engine:
            raise BackupError(
                f"This archive holds a {manifest.get('engine')} database; the target is {engine}."
            )
        database = Path(work) / manifest["database"]
        with archive.extractfile(manifest["database"]) as source, open(database, "wb") as out:
            shutil.copyfileobj(source, out)
        _restore_database(connection, engine, database)
        media_root = Path(settings.MEDIA_ROOT)
        for member in _safe_members(archive, "media/"):
            target = media_root / Path(member.name).relative_to("media")
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out)
    return manifest


def _restore_database(connection, engine: str, database: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(database) as source:
            source.backup(connection.connection)
        source.close()
        return
    connection.close()
    args, env = _pg_env(connection)
    subprocess.run(
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", *args, str(database)],
        env=env,
        check=True,
    )
