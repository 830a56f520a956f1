"""Settings shared by every environment.

Everything that differs between a laptop, CI and production is read from the
environment through one reader (django-environ). With nothing set, the platform
runs on SQLite with Celery tasks executed in-process, so `make run` works on a
fresh machine.
"""

from pathlib import Path
from urllib.parse import unquote

import environ

BASE_DIR = Path(__file__).resolve().parents[2]

env = environ.Env()

# Local state (SQLite database, uploaded media) lives in one git-ignored folder.
VAR_DIR = Path(env("LMS_VAR_DIR", default=str(BASE_DIR / "var")))
# The embedded database, uploads and certificates live here; a fresh clone has no such folder.
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# The address learners see on certificates and in e-mails (no trailing slash).
SITE_URL = env("LMS_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Seals the credentials' private signing keys in the database (SECRET_KEY when empty). Set it
# apart from SECRET_KEY so that rotating SECRET_KEY leaves the signing keys readable.
CREDENTIALS_KEY_SECRET = env("LMS_CREDENTIALS_KEY_SECRET", default="")

INSTALLED_APPS = [
    # Our apps come first so that their templates win over the defaults.
    "lms.core",
    "lms.users",
    "lms.centres",
    "lms.learning",
    "lms.classes",
    "lms.early_childhood",
    # Before certificates: its receivers run first, so a course's "completed" statement
    # comes before the "earned" one of the certificate that completion issues.
    "lms.xapi",
    "lms.certificates",
    "lms.credentials",
    "lms.assignments",
    "lms.packages",
    "lms.h5p",
    "lms.reports",
    "lms.dashboards",
    "lms.offline",
    "lms.lti",
    "lms.setup",
    "lms.api",
    "curricula",
    "assessments",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "laces",  # Wagtail's components: the panels other apps add to a page
    "django_filters",
    "ninja",  # the API's docs page (Swagger UI) from its own static files, no CDN
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "lms.core.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Pages are compressed on their way out (everything below writes the body first). Safe
    # against BREACH-style guessing: Django masks the CSRF token anew in every response and
    # pads the compressed stream at random. Static files come precompressed from WhiteNoise.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lms.core.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Names the signed-in user's page cache on the phone (service worker, lms/offline).
    "lms.offline.middleware.UserCacheKeyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lms.core.middleware.LmsCSPMiddleware",
    "lms.users.middleware.PasswordChangeRequiredMiddleware",
    # Old page addresses (a slug that was repaired or changed) answer with a redirect.
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # django-axes must be last: it turns lockouts raised by authentication into responses.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # The app-directories loader, except that a few English words Wagtail writes
            # straight into its admin templates are made translatable (see the module).
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "lms.core.template_loaders.Loader",
                    ],
                ),
            ],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.core.context_processors.site",
                "lms.offline.context_processors.offline",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
# libpq's way to name a unix socket in a URL (postgres://user@%2Fvar%2Frun%2Fpostgresql/db):
# django-environ keeps the host percent-encoded.
if DATABASES["default"].get("HOST", "").startswith("%2F"):
    DATABASES["default"]["HOST"] = unquote(DATABASES["default"]["HOST"])
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while an in-process task writes; IMMEDIATE
    # transactions make SQLite take the write lock up front instead of failing
    # half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# A read replica for reports, exports and other heavy staff reads (lms/core/db_routing.py).
# Unset: there is none and everything reads from DATABASE_URL. Reads fall back to the primary
# while the replica is unreachable or more than DATABASE_REPLICA_MAX_LAG seconds behind.
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL", default="")
DATABASE_REPLICA_MAX_LAG = env.float("DATABASE_REPLICA_MAX_LAG", default=30.0)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = env.db_url_config(DATABASE_REPLICA_URL)
    DATABASES["replica"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    # An unreachable replica must cost seconds, not minutes, before the primary answers.
    DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
    # Tests never create a database on it: it mirrors the primary's test database.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["lms.core.db_routing.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "users.User"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# --- Accounts -----------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    # Throttling first, so a locked-out login never reaches the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    # Random temporary passwords of bulk enrolment, re-hashed at the first login
    # (see lms.centres.passwords).
    "lms.centres.passwords.InitialPasswordHasher",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "learning:dashboard"
LOGOUT_REDIRECT_URL = "/"

# A centre's learners share one public address, so lock out a username only
# together with the address it is tried from, never an address on its own.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "lms.users.axes.username_for_throttling"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours (15 minutes)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)
AXES_VERBOSE = False

# --- Language and time ---------------------------------------------------------

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Every centre is in Thailand: one time zone, so the account page offers no list of 600
# English zone names.
WAGTAIL_USER_TIME_ZONES = ["Asia/Bangkok"]
# Django's unicode slugs drop Thai vowel and tone marks, so page URLs are
# transliterated to ASCII instead (they also survive being pasted into chats).
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Static and media -----------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The Sarabun font comes from the npm registry (package.json), never a CDN.
    ("vendor/sarabun", BASE_DIR / "node_modules" / "@fontsource" / "sarabun" / "files"),
    # Workbox, which the service worker loads (lms/offline), from the npm registry too.
    *(
        ("vendor/workbox", BASE_DIR / "node_modules" / module / "build")
        for module in (
            "workbox-sw",
            "workbox-core",
            "workbox-routing",
            "workbox-strategies",
            "workbox-precaching",
        )
    ),
    # The SCORM runtime (lms.packages), from the npm registry too.
    ("vendor/scorm-again", BASE_DIR / "node_modules" / "scorm-again" / "dist"),
    # The H5P player (h5p-standalone), served as it is published: no build step.
    ("vendor/h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Certificate PDFs: private, never under MEDIA_URL; served by the download view only.
    "certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env("LMS_CERTIFICATES_ROOT", default=str(VAR_DIR / "certificates"))
        },
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Wagtail's page editor posts many fields for long lessons.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail ----------------------------------------------------------------------

WAGTAIL_SITE_NAME = "ศูนย์ดิจิทัลชุมชน"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "txt",
    "csv",
    "zip",
    "mp4",
    "webm",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = False  # responsive wrappers use inline styles (CSP)
# Nothing is fetched from the internet at run time: no Gravatar avatars.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's own background work (reference index, search index, file clean-up)
# goes through django-tasks. It is light and runs in the request; our own long
# work (certificates, imports) uses Celery below.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Celery -------------------------------------------------------------------------

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
# No broker configured: tasks run in-process, right after the transaction that
# queued them commits.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must not hang a learner's request when the broker is down: give up
# quickly, the periodic sweep re-queues whatever was not sent.
#
# A task taken by a worker that then dies without a word (SIGKILL, power lost) stays
# unacknowledged in Redis; after the visibility timeout another worker takes it again. Set
# it above the longest task; certificates also come back through the sweep below.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    # Look for such tasks every 10 s (kombu's default looks every tenth time, 100 s).
    "unacked_restore_throttle": 1,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    "max_retries": 1,
}
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BEAT_SCHEDULE: dict = {
    # Grade quiz attempts whose time ran out, also of learners who never came back.
    "assessments-close-overdue-attempts": {
        "task": "assessments.tasks.close_overdue_attempts",
        "schedule": 60.0,
    },
    # Certificates whose render task was lost (broker down, worker killed) are sent again.
    "certificates-sweep": {"task": "lms.certificates.sweep", "schedule": 120.0},
    # Report summaries: drain what a lost drain task left in the outbox.
    "reports-summaries-drain": {
        "task": "lms.reports.tasks.summaries_drain_task",
        "schedule": 60.0,
    },
    # Classes: re-queue learner imports lost with a worker or the broker; erase the
    # initial passwords kept for import reports after a week.
    "centres-import-sweep": {
        "task": "lms.classes.tasks.import_batches_sweep_task",
        "schedule": 300.0,
    },
    # xAPI: send what a lost drain task, or an LRS that was down, left in the outbox.
    "xapi-drain": {"task": "lms.xapi.drain", "schedule": 60.0},
    # LTI: scores for school gradebooks that a lost task or a platform that was down left.
    "lti-scores-sweep": {"task": "lms.lti.sweep_scores", "schedule": 120.0},
    "centres-import-passwords-purge": {
        "task": "lms.classes.tasks.import_passwords_purge_task",
        "schedule": 3600.0,
    },
}

# --- Learning records (xAPI) --------------------------------------------------------

# The Learning Record Store that learning statements are sent to (its base URL, without
# /xAPI), and the basic-auth credentials it gave us. Empty: nothing is recorded or sent.
LMS_XAPI_LRS_URL = env("LMS_XAPI_LRS_URL", default="")
LMS_XAPI_LRS_USERNAME = env("LMS_XAPI_LRS_USERNAME", default="")
LMS_XAPI_LRS_PASSWORD = env("LMS_XAPI_LRS_PASSWORD", default="")

# --- Security ------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
# Sessions are read from the shared cache and written through to the database: a signed-in
# request reads no session row, and emptying the cache (or losing Redis) signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30  # learners come back tomorrow still signed in
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Learner and public pages carry no inline script. The Wagtail admin needs inline
# scripts and styles, so its own policy is relaxed in lms.core.middleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "media-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# --- API ------------------------------------------------------------------------------

# Requests per token (or signed-in person, or address for the anonymous) in each window:
# "600/min", "10/s", "5000/hour". 429 with Retry-After beyond.
LMS_API_RATE_LIMITS = {
    "token": env("LMS_API_RATE_TOKEN", default="600/min"),
    "user": env("LMS_API_RATE_USER", default="600/min"),
    "anon": env("LMS_API_RATE_ANON", default="60/min"),
}

# --- E-mail -----------------------------------------------------------------------------

EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="no-reply@localhost")

# One line per request and per task (lms/core/logs.py), as JSON when LMS_LOG_FORMAT is
# "json" (production's default). Libraries that narrate their work are kept to warnings:
# WeasyPrint prints each rendering step at INFO. With the operation logs on (production),
# Celery's own task lines and Django's 404 lines go too: ours say the same once.
LMS_OPERATION_LOGS = env.bool("LMS_OPERATION_LOGS", default=False)
LMS_LOG_FORMAT = env("LMS_LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LMS_LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="WARNING")},
    "loggers": {
        "lms": {"level": "INFO"},
        "curricula": {"level": "INFO"},
        "assessments": {"level": "INFO"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Mark Thai text on learner pages so lines break only between words (lms/core/linebreaks.py).
LMS_THAI_LINE_BREAKS = env.bool("LMS_THAI_LINE_BREAKS", default=True)

# Uploaded archives (SCORM packages, H5P content): what lms.core.archives accepts at most.
LMS_ARCHIVE_MAX_FILES = env.int("LMS_ARCHIVE_MAX_FILES", default=5_000)
LMS_ARCHIVE_MAX_BYTES = env.int("LMS_ARCHIVE_MAX_BYTES", default=500 * 1024 * 1024)
LMS_ARCHIVE_MAX_RATIO = env.int("LMS_ARCHIVE_MAX_RATIO", default=100)

# SCORM packages' files are served from this origin when set (e.g. https://packages.example,
# a host that reaches the same application, on another registrable domain); see
# docs/scorm.md. Empty: from the site's own origin, in an opaque-origin sandbox.
LMS_PACKAGE_ORIGIN = env("LMS_PACKAGE_ORIGIN", default="").rstrip("/")
if LMS_PACKAGE_ORIGIN:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"].append(LMS_PACKAGE_ORIGIN)
