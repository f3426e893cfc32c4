# Trefpunt, production image: gunicorn behind your reverse proxy, static files by WhiteNoise.
# Build and run with PostgreSQL and Redis: `docker compose up` (compose.yaml, docs/deployment.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    OPENBLAS_NUM_THREADS=1 \
    DEBUG=false \
    STATIC_ROOT=/srv/trefpunt/static \
    MEDIA_ROOT=/srv/trefpunt/media \
    TREFPUNT_BIND=0.0.0.0:8000

# Pango and fonts for WeasyPrint's PDFs; the PostgreSQL client for `trefpunt backup`.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --create-home --home-dir /srv/trefpunt trefpunt
WORKDIR /srv/trefpunt/app

COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install . && rm -rf src/trefpunt/*.egg-info build

# Static files are collected at build time (no secrets needed for that).
RUN SECRET_KEY=collectstatic-only trefpunt collectstatic --noinput --verbosity 0 \
    && mkdir -p /srv/trefpunt/media && chown -R trefpunt /srv/trefpunt/media

COPY --chmod=755 docker/entrypoint.sh /usr/local/bin/trefpunt-entrypoint
USER trefpunt
EXPOSE 8000
VOLUME ["/srv/trefpunt/media"]
ENTRYPOINT ["trefpunt-entrypoint"]
CMD ["trefpunt", "serve"]
