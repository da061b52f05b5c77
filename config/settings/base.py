"""Settings shared by every environment. Values come from the environment (see .env.example)."""

from __future__ import annotations

import secrets
from pathlib import Path

import django_stubs_ext
import environ

# Lets model/admin/queryset classes be subscripted at run time, as the type hints do.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env file (see .env.example) is read if present; real environment variables win.
environ.Env.read_env(BASE_DIR / ".env")
VAR_DIR = Path(env.str("GONGKAI_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _local_secret_key() -> str:
    # Generated once per checkout so local installs never share a key; production sets SECRET_KEY.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="") or _local_secret_key()
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
]
LOCAL_APPS = [
    "gongkai.core",
    "gongkai.accounts",
    "gongkai.organisations",
    "gongkai.workdays",
    "gongkai.catalogue",
    "gongkai.search",
    "gongkai.portal",
    "gongkai.backoffice",
    "gongkai.api",
    "gongkai.demo",
    "gongkai.disclosure_requests",
    "gongkai.reports",
    "gongkai.reception",
    "gongkai.engagement",
    "gongkai.complaints",
    "gongkai.service_guides",
    "gongkai.service_desk",
    "gongkai.consultations",
    "gongkai.appeals",
    "gongkai.reading_room",
    "gongkai.web_analytics",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gongkai.core.middleware.ChineseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gongkai.web_analytics.middleware.PageViewCounterMiddleware",
    # Last, so that it sees authentication failures from every backend.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "gongkai" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'gongkai.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the portal read while a publish is writing; IMMEDIATE avoids lock upgrades.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORMS_URLFIELD_ASSUME_HTTPS = True

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "backoffice:login"
LOGIN_REDIRECT_URL = "backoffice:dashboard"

# Staff lockout: five failures lock the username for 30 minutes.
AXES_FAILURE_LIMIT = env.int("GONGKAI_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "backoffice/locked_out.html"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "gongkai" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("GONGKAI_MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Email goes through Django's mail layer; EMAIL_URL picks the backend (smtp://, consolemail://).
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="gongkai@localhost")

# Celery runs tasks inline when no broker is configured.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
# Periodic work for `celery -A config beat`; the same jobs are management commands for cron.
CELERY_BEAT_SCHEDULE = {
    "disclosure-deadline-reminders": {
        "task": "disclosure_requests.send_deadline_reminders",
        "schedule": 60 * 60 * 24,
    },
    "annual-report-reminders": {
        "task": "reports.send_report_reminders",
        "schedule": 60 * 60 * 24,
    },
}

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# Search engine: "tantivy" (embedded, default) or "postgres" (shared database full-text).
GONGKAI_SEARCH_BACKEND = env.str("GONGKAI_SEARCH_BACKEND", default="tantivy")
GONGKAI_SEARCH_INDEX_DIR = Path(
    env.str("GONGKAI_SEARCH_INDEX_DIR", default=str(VAR_DIR / "search-index"))
)

# Uploads: attachments are checked by content and capped in size.
GONGKAI_ATTACHMENT_MAX_BYTES = env.int("GONGKAI_ATTACHMENT_MAX_BYTES", default=50 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# PDF font: a path to a CJK font file; empty means Debian fonts-noto-cjk, then the bundled package.
GONGKAI_CJK_FONT = env.str("GONGKAI_CJK_FONT", default="")

# Self-service terminals return to the kiosk home after this many idle seconds.
GONGKAI_KIOSK_IDLE_SECONDS = env.int("GONGKAI_KIOSK_IDLE_SECONDS", default=120)

GONGKAI_SITE_NAME = env.str("GONGKAI_SITE_NAME", default="政府信息公开平台")
GONGKAI_PUBLIC_BASE_URL = env.str("GONGKAI_PUBLIC_BASE_URL", default="http://127.0.0.1:8000")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "gongkai.api.pagination.StandardPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "gongkai.api.exceptions.json_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "gongkai API",
    "DESCRIPTION": "政府信息公开 — public catalogue, search and calendar; staff write endpoints.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and ReDoc assets are served locally: the API docs must work on an intranet.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several registers have their own "channel", "kind" and "status" choices: name each set.
    "ENUM_NAME_OVERRIDES": {
        "ConsultationChannelEnum": "gongkai.consultations.models.Channel",
        "RequestChannelEnum": "gongkai.disclosure_requests.models.Channel",
        "FaultReportChannelEnum": "gongkai.service_desk.models.FaultReport.Channel",
        "CaseKindEnum": "gongkai.appeals.models.CaseKind",
        "ComplaintKindEnum": "gongkai.complaints.models.Complaint.Kind",
        "PrintRunKindEnum": "gongkai.service_guides.models.GuidePrintRun.Kind",
        "RequestStatusEnum": "gongkai.disclosure_requests.models.DisclosureRequest.Status",
        "ComplaintStatusEnum": "gongkai.complaints.models.Complaint.Status",
        "BookingStatusEnum": "gongkai.reception.models.ReceptionBooking.Status",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
