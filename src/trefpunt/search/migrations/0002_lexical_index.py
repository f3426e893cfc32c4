"""The lexical index for the database in use, and the index version row.

SQLite: an FTS5 table over pre-analysed text (rowid = search document id).
PostgreSQL: text search configurations with ``unaccent`` for our languages, and a tsvector
table with a GIN index. No foreign key to ``search_searchdocument``: the index code deletes
its rows itself, and a plain ``TRUNCATE`` of the documents (test flushes) keeps working.

``search_indexstate`` holds one random token that changes with every write to the index, so
each process knows cheaply when to refresh its in-memory vectors (see ``memory.py``).
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_lexical USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2', detail = column)",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS search_lexical"]

PG_LANGUAGES = {"dutch": "dutch", "french": "french", "german": "german", "english": "english"}
POSTGRES = ["CREATE EXTENSION IF NOT EXISTS unaccent"]
for _name, _snowball in PG_LANGUAGES.items():
    POSTGRES += [
        f"CREATE TEXT SEARCH CONFIGURATION trefpunt_{_name} (COPY = pg_catalog.{_name})",
        f"ALTER TEXT SEARCH CONFIGURATION trefpunt_{_name} ALTER MAPPING FOR hword, hword_part, "
        f"word WITH unaccent, {_snowball}_stem",
    ]
POSTGRES += [
    "CREATE TEXT SEARCH CONFIGURATION trefpunt_simple (COPY = pg_catalog.simple)",
    "ALTER TEXT SEARCH CONFIGURATION trefpunt_simple ALTER MAPPING FOR hword, hword_part, word "
    "WITH unaccent, simple",
    "CREATE TABLE search_lexical (document_id bigint PRIMARY KEY, tsv tsvector NOT NULL)",
    "CREATE INDEX search_lexical_tsv ON search_lexical USING gin (tsv)",
]
POSTGRES_REVERSE = ["DROP TABLE IF EXISTS search_lexical"] + [
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS trefpunt_{name}"
    for name in [*PG_LANGUAGES, "simple"]
]

STATE = [
    "CREATE TABLE search_indexstate (id integer PRIMARY KEY, version bigint NOT NULL)",
    "INSERT INTO search_indexstate (id, version) VALUES (1, 0)",
]
STATE_REVERSE = ["DROP TABLE IF EXISTS search_indexstate"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor)
        if statements is None:
            raise RuntimeError(
                f"search: no lexical index for {schema_editor.connection.vendor} "
                "(SQLite and PostgreSQL are supported)"
            )
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE + STATE, "postgresql": POSTGRES + STATE}),
            _run({"sqlite": SQLITE_REVERSE + STATE_REVERSE,
                  "postgresql": POSTGRES_REVERSE + STATE_REVERSE}),
        ),
    ]
