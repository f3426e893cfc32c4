# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run serve test install demo lint messages benchmarks clean

# WeasyPrint (PDF toolkits) needs Pango from the system; install it where we can (Debian, root).
SYSDEPS := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core

$(STAMP): pyproject.toml
	@ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(SYSDEPS) >/dev/null; \
	  else echo "warning: install $(SYSDEPS) for PDF export (WeasyPrint)"; fi; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Run the platform on SQLite with the demo data at http://127.0.0.1:$(PORT)
run: install
	$(BIN)/trefpunt migrate --noinput
	$(BIN)/trefpunt load-demo
	$(BIN)/trefpunt runserver 127.0.0.1:$(PORT)

## Run the production server (gunicorn, DEBUG off) on SQLite with the demo data; PostgreSQL,
## Redis and a reverse proxy in front: docs/deployment.md. SECRET_KEY: a fresh one each run
## unless set.
serve: install
	$(BIN)/trefpunt migrate --noinput
	DEBUG=true $(BIN)/trefpunt load-demo
	DEBUG=false SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')} \
	  $(BIN)/trefpunt collectstatic --noinput --verbosity 0
	DEBUG=false SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')} \
	  SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} $(BIN)/trefpunt serve --bind 127.0.0.1:$(PORT)

## Run the whole test suite (DATABASE_URL picks the database; SQLite by default)
test: install
	$(BIN)/pytest -n 2 --dist loadfile

## Style, and the floors: imports only point down (import-linter, see docs/architecture.md)
lint: install
	$(BIN)/ruff check src benchmarks
	$(BIN)/ruff format --check src benchmarks
	cd src && ../$(BIN)/lint-imports --config ../pyproject.toml

## Extract UI strings into the catalogues, then compile them
messages: install
	cd src/trefpunt && ../../$(BIN)/trefpunt makemessages -l nl -l fr -l de -l en --no-obsolete --add-location file
	cd src/trefpunt && ../../$(BIN)/trefpunt compilemessages

benchmarks: install
	$(BIN)/python benchmarks/matching.py

clean:
	rm -rf $(VENV) var
