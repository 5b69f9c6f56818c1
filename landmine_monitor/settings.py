"""Settings, all from the environment.

| variable | meaning | default |
|---|---|---|
| DATABASE_URL | database, e.g. postgres://user@host:5432/name | SQLite file in LM_DATA_DIR |
| LM_DATA_DIR | folder for the SQLite database, the secret key, uploads | var/ beside the package |
| LM_SECRET_KEY | secret key | generated once, kept in LM_DATA_DIR/secret_key |
| LM_DEBUG | "1" turns Django's debug mode on | off |
| LM_ALLOWED_HOSTS | comma-separated host names | localhost, 127.0.0.1, [::1] |
| LM_BASE_URL | public address, used in admin e-mails | http://localhost:8000 |
| LM_PAGE_CACHE_SECONDS | how long a rendered public page is kept; 0 turns the page cache off | 3600 |
| LM_PAGE_CACHE_CHECK_SECONDS | how often a process looks whether content changed | 1 |
| LM_PAGE_CACHE_ENTRIES | pages kept per process | 2000 |
| LM_EMAIL_HOST | SMTP server for notifications; unset, e-mails are printed to the console | unset |
| LM_EMAIL_PORT, LM_EMAIL_USER, LM_EMAIL_PASSWORD | SMTP port and login | 587, none |
| LM_EMAIL_USE_TLS | "0" turns STARTTLS off | on |
| LM_EMAIL_FROM | the sender of notifications | Landmine Monitor <monitor@localhost> |
| LM_ORDERS_EMAIL | comma-separated addresses told of each publication order (besides order staff) | none |
| LM_ORDERS_PER_ADDRESS_PER_DAY | orders one e-mail address may place in 24 hours | 5 |
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("LM_DATA_DIR") or PACKAGE_DIR.parent / "var").resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """The configured key, or one generated on first use and kept for this installation."""
    if os.environ.get("LM_SECRET_KEY"):
        return os.environ["LM_SECRET_KEY"]
    path = DATA_DIR / "secret_key"
    if not path.exists():
        # Written with O_EXCL so that two processes starting at once cannot keep different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("LM_DEBUG", "") == "1"
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("LM_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    # In the order of the elements, from the foundation up (see ARCHITECTURE.md).
    "landmine_monitor.foundation",  # app label "instance"
    "landmine_monitor.database.countries",
    "landmine_monitor.database.sources",
    "landmine_monitor.database.treaties",
    "landmine_monitor.database.unga",
    "landmine_monitor.database.editions",
    "landmine_monitor.database.facts",
    "landmine_monitor.database.reference",
    "landmine_monitor.reports",
    "landmine_monitor.reports.search",  # app label "site_search"
    "landmine_monitor.network",
    "landmine_monitor.network.workroom",
    "landmine_monitor.publishing",
    "landmine_monitor.site.pages",
    "landmine_monitor.site.countries",
    "landmine_monitor.site.maps",
    "landmine_monitor.site.search",
    "landmine_monitor.api",
    "landmine_monitor.installation",
    "ninja",  # serves its own Swagger UI files instead of fetching them from a CDN
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Repeat visits: a 304 when the page's ETag still matches; whole pages from memory for visitors
    # who are not signed in (landmine_monitor/site/cache.py), before sessions are touched.
    "django.middleware.http.ConditionalGetMiddleware",
    "landmine_monitor.site.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "landmine_monitor.urls"
WSGI_APPLICATION = "landmine_monitor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "landmine_monitor.site.pages.menu.site_menu",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'landmine-monitor.sqlite3'}",
        conn_max_age=int(os.environ.get("LM_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while an editor writes; a busy timeout rather than "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

CACHES = {
    # Per process; what makes an entry stale is kept in the database (instance.cache), so several
    # processes stay consistent. "pages" holds whole rendered pages, "default" everything else.
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("LM_PAGE_CACHE_ENTRIES", "2000"))},
    },
}
PAGE_CACHE_SECONDS = int(os.environ.get("LM_PAGE_CACHE_SECONDS", "3600"))
PAGE_CACHE_CHECK_SECONDS = float(os.environ.get("LM_PAGE_CACHE_CHECK_SECONDS", "1"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"  # dates as the Monitor writes them: 3 December 1997
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # `setup` collects into it; WhiteNoise wants it to exist
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Without collected static files (tests, a first `serve` before collectstatic) WhiteNoise looks in
# the apps themselves.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Landmine Monitor"
WAGTAILADMIN_BASE_URL = os.environ.get("LM_BASE_URL", "http://localhost:8000")
# Wagtail's database backend, ranking by relevance in one pass on SQLite (reports/search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "landmine_monitor.reports.search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx", "zip"]

# The review workflow (landmine_monitor/network/workroom): an approved report is published at its
# edition's release time, and its notifications go to the report's own reviewers and researchers
# (workroom.notifications) rather than to every superuser.
WAGTAIL_FINISH_WORKFLOW_ACTION = "landmine_monitor.network.workroom.release.publish_at_release"
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# E-mail: printed to the console unless an SMTP server is configured.
if os.environ.get("LM_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["LM_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("LM_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("LM_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("LM_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("LM_EMAIL_USE_TLS", "1") != "0"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("LM_EMAIL_FROM", "Landmine Monitor <monitor@localhost>")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Told of each publication order, besides the staff allowed to handle orders (publishing.notifications).
ORDERS_EMAIL = [a.strip() for a in os.environ.get("LM_ORDERS_EMAIL", "").split(",") if a.strip()]
# Each order e-mails the address given: at most this many orders per address in 24 hours.
ORDERS_PER_ADDRESS_PER_DAY = int(os.environ.get("LM_ORDERS_PER_ADDRESS_PER_DAY", "5"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LM_LOG_LEVEL", "WARNING")},
}
