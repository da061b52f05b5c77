"""Tests: fast hashing, in-memory mail, temporary media and search index."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, env

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
_TMP = Path(tempfile.mkdtemp(prefix="gongkai-test-"))
MEDIA_ROOT = _TMP / "media"
GONGKAI_SEARCH_INDEX_DIR = _TMP / "search-index"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CELERY_TASK_ALWAYS_EAGER = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Named per checkout when several run on one server, so their test databases never collide.
    DATABASES["default"]["TEST"] = {"NAME": env.str("GONGKAI_TEST_DB_NAME", default="gongkai_test")}
