#!/bin/sh
# Migrate on start (idempotent; concurrent starts wait on PostgreSQL's locks), then run CMD.
set -e
if [ "${TREFPUNT_MIGRATE:-true}" = "true" ]; then
  trefpunt migrate --noinput
fi
exec "$@"
