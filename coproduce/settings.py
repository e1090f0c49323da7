"""Settings for Coproduce: one module, configured by environment variables.

Every variable is documented in `.env.example`. Defaults are safe for production: DEBUG is off,
there is no default secret key outside DEBUG, and cookies are secure unless DEBUG is on.
"""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, *, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name: str, *, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("COPRODUCE_DATA_DIR", BASE_DIR / "data"))

DEBUG = env_bool("DJANGO_DEBUG", default=False)

# No default outside DEBUG: Django refuses to sign sessions, tokens or forms with an empty key.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "development-only-key-never-used-when-debug-is-off"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default="127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The address people use to reach the app; sign-in links in emails start with it.
SITE_URL = os.environ.get("COPRODUCE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "rules.apps.AutodiscoverRulesConfig",
    "coproduce.audit",
    "coproduce.accounts",
    "coproduce.people",
    "coproduce.equality",
    "coproduce.projects",
    "coproduce.involvement",
    "coproduce.contributions",
    "coproduce.payments",
    "coproduce.decisions",
    "coproduce.learning",
    "coproduce.analytics",
    "coproduce.communications",
    "coproduce.easyread",
    "coproduce.surveys",
    "coproduce.newsletters",
    "coproduce.reviews",
    "coproduce.reports",
    "coproduce.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Axes goes last so that it sees the outcome of every sign-in attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coproduce.urls"
WSGI_APPLICATION = "coproduce.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "coproduce" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coproduce.context_processors.navigation",
                "coproduce.communications.context_processors.display_preferences",
            ],
            "builtins": [
                "coproduce.templatetags.govuk",
                "coproduce.templatetags.regions",
                "coproduce.payments.templatetags.money",
                "coproduce.analytics.templatetags.suppressed",
            ],
        },
    },
]
# Form fields render as GOV.UK Frontend markup (label, hint, error message, fieldset/legend).
FORM_RENDERER = "coproduce.forms.GovUKFormRenderer"

# Database: SQLite in the data folder unless DATABASE_URL is set (for example to PostgreSQL).
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "coproduce.sqlite3"),
            "OPTIONS": {
                # WAL lets the web server read while the background worker writes;
                # IMMEDIATE transactions avoid "database is locked" on upgrade from read to write.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions and the cache live in the database, so any number of app servers can share them.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Shared by every app server process on the machine: figures that are slow to work out at scale
# (the data lead's representation counts) are kept here for a while, with when they were worked out.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
    }
}
SESSION_COOKIE_AGE = int(timedelta(hours=12).total_seconds())

# Accounts: email is the identifier; sign in by emailed link or by password.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:signed_out"

SIGN_IN_LINK_LIFETIME = timedelta(minutes=15)
# How many sign-in links may be asked for in SIGN_IN_LINK_WINDOW, per email address and per IP address.
SIGN_IN_LINK_LIMIT_PER_EMAIL = int(os.environ.get("COPRODUCE_SIGN_IN_LINK_LIMIT_PER_EMAIL", "3"))
SIGN_IN_LINK_LIMIT_PER_IP = int(os.environ.get("COPRODUCE_SIGN_IN_LINK_LIMIT_PER_IP", "20"))
SIGN_IN_LINK_WINDOW = timedelta(minutes=15)

# Lock out password sign-in after repeated failures for the same email from the same address.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Django's sign-in form sends the email address in a field called "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "coproduce.accounts.network.client_ip"

# Email: to the console and a folder in development; SMTP when EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Coproduce <no-reply@coproduce.invalid>")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "coproduce.mail.DevelopmentEmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "sent-emails"

# Background work: django-tasks with the database backend; run `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Internationalisation: UK English, London time.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["coproduce.formats"]

# Static files: built GOV.UK Frontend assets and our own, served by WhiteNoise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "coproduce" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# A project cannot enter design without a co-lead with lived experience (an organisation may turn this off).
COPRODUCE_REQUIRE_CO_LEAD = env_bool("COPRODUCE_REQUIRE_CO_LEAD", default=True)

# Activities: a warning when fewer than this many ways of telling people (outreach channels) are chosen;
# people registered are reminded this many days before; people who are not signed in may register
# interest this many times an hour from one address; a warning when papers go out fewer than this many
# days before and someone needs them in another format.
COPRODUCE_MIN_OUTREACH_CHANNELS = int(os.environ.get("COPRODUCE_MIN_OUTREACH_CHANNELS", "2"))
COPRODUCE_REMINDER_DAYS_BEFORE = int(os.environ.get("COPRODUCE_REMINDER_DAYS_BEFORE", "2"))
COPRODUCE_INTEREST_LIMIT_PER_IP = int(os.environ.get("COPRODUCE_INTEREST_LIMIT_PER_IP", "5"))
COPRODUCE_PAPERS_NOTICE_DAYS = int(os.environ.get("COPRODUCE_PAPERS_NOTICE_DAYS", "7"))

# Contributions: each gets an answer within this many days, or it is listed as overdue; each
# participant is thanked within this many days of an activity.
COPRODUCE_CONTRIBUTION_RESPONSE_DAYS = int(os.environ.get("COPRODUCE_CONTRIBUTION_RESPONSE_DAYS", "28"))
COPRODUCE_THANKS_WITHIN_DAYS = int(os.environ.get("COPRODUCE_THANKS_WITHIN_DAYS", "14"))

# Payments: claims not paid this many days after they were made are flagged; receipts and expense items
# have upper limits.
COPRODUCE_PAYMENT_DAYS = int(os.environ.get("COPRODUCE_PAYMENT_DAYS", "28"))
COPRODUCE_RECEIPT_MAX_BYTES = int(os.environ.get("COPRODUCE_RECEIPT_MAX_BYTES", str(10 * 1024 * 1024)))
# The most one expense item, and one hourly rate or fixed fee, may be (in pounds): larger is a typing slip.
COPRODUCE_MAX_EXPENSE_AMOUNT = os.environ.get("COPRODUCE_MAX_EXPENSE_AMOUNT", "1000.00")
COPRODUCE_MAX_RATE_AMOUNT = os.environ.get("COPRODUCE_MAX_RATE_AMOUNT", "1000.00")

# The organisation running Coproduce, named on letters (such as the letter for the Jobcentre).
COPRODUCE_ORGANISATION_NAME = os.environ.get("COPRODUCE_ORGANISATION_NAME", "Riverside Co-production Network")
COPRODUCE_ORGANISATION_ADDRESS = os.environ.get(
    "COPRODUCE_ORGANISATION_ADDRESS", "Riverside Community Centre, 12 Mill Lane, Riverside RV1 2AB"
)
COPRODUCE_ORGANISATION_EMAIL = os.environ.get("COPRODUCE_ORGANISATION_EMAIL", "hello@coproduce.invalid")
COPRODUCE_ORGANISATION_PHONE = os.environ.get("COPRODUCE_ORGANISATION_PHONE", "01632 960999")

# Decisions: the smallest share of a group's seats held by people with lived experience (0 = no
# minimum); whether any group member (not only leads) may put a proposal; the share of a stage's
# decisions made by staff alone above which the stage is flagged (any stage: the name is historical).
COPRODUCE_MIN_MEMBER_SHARE = float(os.environ.get("COPRODUCE_MIN_MEMBER_SHARE", "0"))
COPRODUCE_MEMBERS_CAN_PROPOSE = env_bool("COPRODUCE_MEMBERS_CAN_PROPOSE", default=True)
COPRODUCE_STAFF_ONLY_DESIGN_LIMIT = float(os.environ.get("COPRODUCE_STAFF_ONLY_DESIGN_LIMIT", "0.5"))
# Leads are reminded this many days before a decision is due for review.
COPRODUCE_DECISION_REVIEW_NOTICE_DAYS = int(os.environ.get("COPRODUCE_DECISION_REVIEW_NOTICE_DAYS", "14"))
# How many references that match no concern one IP address may try in an hour on the public "Read the
# answer to a concern" page. The codes cannot be guessed anyway; this stops anyone trying.
COPRODUCE_CONCERN_REFERENCE_MISSES_PER_IP_PER_HOUR = int(
    os.environ.get("COPRODUCE_CONCERN_REFERENCE_MISSES_PER_IP_PER_HOUR", "10")
)

# Charter and training: signatures fall due for renewal after this many months; a champion must have
# signed the current charter; staff and partners must complete this course before co-leading (empty:
# no course needed); new members' inductions are revisited after this many months.
COPRODUCE_CHARTER_RENEWAL_MONTHS = int(os.environ.get("COPRODUCE_CHARTER_RENEWAL_MONTHS", "12"))
COPRODUCE_REQUIRE_SIGNED_CHAMPION = env_bool("COPRODUCE_REQUIRE_SIGNED_CHAMPION", default=True)
COPRODUCE_CO_LEAD_TRAINING_COURSE = os.environ.get("COPRODUCE_CO_LEAD_TRAINING_COURSE", "What co-production is")
COPRODUCE_INDUCTION_REVIEW_MONTHS = int(os.environ.get("COPRODUCE_INDUCTION_REVIEW_MONTHS", "3"))
# Days a partner organisation has to answer a co-produced recommendation, unless it committed to its own.
COPRODUCE_RECOMMENDATION_RESPONSE_DAYS = int(os.environ.get("COPRODUCE_RECOMMENDATION_RESPONSE_DAYS", "56"))

# Plain language: texts with a Flesch reading ease below this, or sentences longer than this many
# words, get a warning when they are saved (a warning only: nothing is refused).
COPRODUCE_READING_EASE_TARGET = float(os.environ.get("COPRODUCE_READING_EASE_TARGET", "60"))
COPRODUCE_LONG_SENTENCE_WORDS = int(os.environ.get("COPRODUCE_LONG_SENTENCE_WORDS", "25"))
# Requests for a page in another format are due this many days after they arrive; people who are not
# signed in may send this many an hour from one address.
COPRODUCE_FORMAT_REQUEST_DAYS = int(os.environ.get("COPRODUCE_FORMAT_REQUEST_DAYS", "10"))
COPRODUCE_FORMAT_REQUESTS_PER_IP_PER_HOUR = int(os.environ.get("COPRODUCE_FORMAT_REQUESTS_PER_IP_PER_HOUR", "5"))

# Experience surveys: standing groups are asked every this many months; a round stays open this many
# days; the project's leads are told when agreement with "I felt listened to" falls below this share,
# once at least this many people have answered.
COPRODUCE_GROUP_SURVEY_MONTHS = int(os.environ.get("COPRODUCE_GROUP_SURVEY_MONTHS", "4"))
COPRODUCE_SURVEY_OPEN_DAYS = int(os.environ.get("COPRODUCE_SURVEY_OPEN_DAYS", "14"))
COPRODUCE_LISTENED_TO_ALERT_SHARE = float(os.environ.get("COPRODUCE_LISTENED_TO_ALERT_SHARE", "0.7"))
COPRODUCE_SURVEY_ALERT_MINIMUM = int(os.environ.get("COPRODUCE_SURVEY_ALERT_MINIMUM", "5"))

# Representation: the period the data lead's view covers by default; whether age is compared for
# adults (16 and over) only; the smallest share of the reference population for which nobody
# involved counts as a gap; the largest reference-figures file that may be uploaded.
COPRODUCE_REPRESENTATION_PERIOD_DAYS = int(os.environ.get("COPRODUCE_REPRESENTATION_PERIOD_DAYS", "365"))
COPRODUCE_REPRESENTATION_ADULTS_ONLY = env_bool("COPRODUCE_REPRESENTATION_ADULTS_ONLY", default=True)
COPRODUCE_REPRESENTATION_GAP_MIN_SHARE = float(os.environ.get("COPRODUCE_REPRESENTATION_GAP_MIN_SHARE", "0.01"))
COPRODUCE_REPRESENTATION_CACHE_SECONDS = int(os.environ.get("COPRODUCE_REPRESENTATION_CACHE_SECONDS", "3600"))
COPRODUCE_REFERENCE_UPLOAD_MAX_BYTES = int(os.environ.get("COPRODUCE_REFERENCE_UPLOAD_MAX_BYTES", "1048576"))

# Numbers about people that leave the system go through disclosure control in this mode: standard
# (1-4 hidden, with secondary suppression), nhs (1-7 hidden, others rounded to 5) or strict (under 10).
COPRODUCE_DISCLOSURE_MODE = os.environ.get("COPRODUCE_DISCLOSURE_MODE", "standard")
# The dashboard's indicators: targets that override the defaults, as JSON (for example
# {"felt_listened_to": 0.8}); how many quarters of trend each shows.
COPRODUCE_INDICATOR_TARGETS = json.loads(os.environ.get("COPRODUCE_INDICATOR_TARGETS") or "{}")
COPRODUCE_INDICATOR_QUARTERS = int(os.environ.get("COPRODUCE_INDICATOR_QUARTERS", "4"))

# Messages to people (communications.messaging): text messages go through this provider (the default
# writes each text to a file in COPRODUCE_SMS_FOLDER); a failed message is retried this many times,
# first after this many seconds, doubling each time, then shown to coordinators.
COPRODUCE_SMS_BACKEND = os.environ.get("COPRODUCE_SMS_BACKEND", "coproduce.communications.sms.FolderSmsBackend")
COPRODUCE_SMS_FOLDER = Path(os.environ.get("COPRODUCE_SMS_FOLDER") or DATA_DIR / "sent-texts")
COPRODUCE_MESSAGE_RETRIES = int(os.environ.get("COPRODUCE_MESSAGE_RETRIES", "3"))
COPRODUCE_MESSAGE_RETRY_SECONDS = int(os.environ.get("COPRODUCE_MESSAGE_RETRY_SECONDS", "60"))

# Reviews: each project is reviewed every this many months (and at the end of each stage); the annual
# organisation review looks back over the 12 months before this month (4 = April); a review is due this
# many days after its period ends; the member and staff sides' ladder answers this many rungs apart are flagged.
COPRODUCE_REVIEW_MONTHS = int(os.environ.get("COPRODUCE_REVIEW_MONTHS", "3"))
COPRODUCE_ANNUAL_REVIEW_MONTH = int(os.environ.get("COPRODUCE_ANNUAL_REVIEW_MONTH", "4"))
COPRODUCE_REVIEW_DUE_DAYS = int(os.environ.get("COPRODUCE_REVIEW_DUE_DAYS", "28"))
COPRODUCE_REVIEW_GAP_RUNGS = int(os.environ.get("COPRODUCE_REVIEW_GAP_RUNGS", "2"))

# Easy Read: the largest picture that may be uploaded; warnings for sentences longer than this many
# words and documents longer than this many pages (counting this many rows to an A4 page).
COPRODUCE_EASY_READ_IMAGE_MAX_BYTES = int(os.environ.get("COPRODUCE_EASY_READ_IMAGE_MAX_BYTES", "2097152"))
COPRODUCE_EASY_READ_MAX_SENTENCE_WORDS = int(os.environ.get("COPRODUCE_EASY_READ_MAX_SENTENCE_WORDS", "15"))
COPRODUCE_EASY_READ_MAX_PAGES = int(os.environ.get("COPRODUCE_EASY_READ_MAX_PAGES", "20"))
COPRODUCE_EASY_READ_ROWS_PER_PAGE = int(os.environ.get("COPRODUCE_EASY_READ_ROWS_PER_PAGE", "5"))

# Equality answers and access needs of people with no involvement for this long are flagged for review.
COPRODUCE_RETENTION_MONTHS = int(os.environ.get("COPRODUCE_RETENTION_MONTHS", "24"))

# Uploaded files (such as Easy Read pictures), served through views that check who may see them.
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Security. HTTPS settings switch on with DJANGO_SECURE (the default outside DEBUG).
SECURE = env_bool("DJANGO_SECURE", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
# "preload" only allows the domain to be submitted to browsers' HSTS preload list; it submits nothing.
SECURE_HSTS_PRELOAD = SECURE
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# How many reverse proxies stand in front of the app; client addresses come from X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(os.environ.get("COPRODUCE_TRUSTED_PROXY_COUNT", "1" if BEHIND_PROXY else "0"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# A strict Content-Security-Policy: no inline scripts or styles, nothing from other sites.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Axes logs every sign-in at INFO, and WeasyPrint each step of every PDF: warnings are enough.
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
