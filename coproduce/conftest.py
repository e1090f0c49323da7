"""Fixtures shared by every app's tests: the personas, each with a sign-in, and a project they share."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.communications import sms
from coproduce.demo.personas import PERSONAS, Persona
from coproduce.involvement.models import Attendance
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.model import Stage
from coproduce.people.models import Organisation, Person
from coproduce.projects.models import Lifecycle, Membership, Project, ProjectRole

PERSONA_BY_KEY = {persona.key: persona for persona in PERSONAS}


def make_persona(persona: Persona) -> User:
    user = User.objects.create_user(persona.email, "correct-horse-battery-staple", role=persona.role)
    Person.objects.create(
        user=user,
        full_name=persona.full_name,
        preferred_name=persona.preferred_name,
        kind=persona.kind,
        email=persona.email,
        organisation=(
            Organisation.objects.get_or_create(name=persona.organisation)[0] if persona.organisation else None
        ),
    )
    return user


@pytest.fixture
def amina(db) -> User:
    """Co-production coordinator."""
    return make_persona(PERSONA_BY_KEY["amina"])


@pytest.fixture
def dev(db) -> User:
    """Member with a learning disability who uses Easy Read."""
    return make_persona(PERSONA_BY_KEY["dev"])


@pytest.fixture
def grace(db) -> User:
    """Carer who uses a screen reader."""
    return make_persona(PERSONA_BY_KEY["grace"])


@pytest.fixture
def tom(db) -> User:
    """Ally."""
    return make_persona(PERSONA_BY_KEY["tom"])


@pytest.fixture
def priya(db) -> User:
    """Partner organisation representative."""
    return make_persona(PERSONA_BY_KEY["priya"])


@pytest.fixture
def sam(db) -> User:
    """Data lead."""
    return make_persona(PERSONA_BY_KEY["sam"])


@pytest.fixture
def morgan(db) -> User:
    """Trustee and admin."""
    return make_persona(PERSONA_BY_KEY["morgan"])


@pytest.fixture
def everyone(amina, dev, grace, tom, priya, sam, morgan) -> dict[str, User]:
    return {"amina": amina, "dev": dev, "grace": grace, "tom": tom, "priya": priya, "sam": sam, "morgan": morgan}


@pytest.fixture
def bus_stops(amina, dev, grace) -> Project:
    """A project at the design stage: Dev is its co-lead, Grace a member, Amina its staff lead."""
    project = Project.objects.create(
        title="Step-free bus stops",
        summary="Making bus stops work for wheelchair users.",
        stage=Stage.DESIGN,
        created_by=amina,
    )
    Membership.objects.create(project=project, person=dev.person, role=ProjectRole.CO_LEAD)
    Membership.objects.create(project=project, person=grace.person, role=ProjectRole.MEMBER)
    Membership.objects.create(project=project, person=amina.person, role=ProjectRole.STAFF_LEAD)
    return project


@pytest.fixture
def people_took_part(bus_stops: Project, amina: User, dev: User) -> Project:
    """Step-free bus stops as the model would have it: Dev took part at every stage, and the design is approved.

    For tests of what happens when the project moves on, rather than of the rules for moving
    (``coproduce.projects.readiness``).
    """
    starts = timezone.now() - timedelta(days=1)
    for stage in Lifecycle:
        if stage == Lifecycle.CLOSED:
            continue
        activity = ActivityFactory.create(
            project=bus_stops, stage=stage.value, starts_at=starts, created_by=amina, is_open=False
        )
        Attendance.objects.create(activity=activity, person=dev.person, minutes=120, recorded_by=amina)
    Project.objects.filter(pk=bus_stops.pk).update(design_approved_at=starts, design_approved_by=amina)
    bus_stops.refresh_from_db()
    return bus_stops


@pytest.fixture
def client_for(db):
    """Return a test client signed in as the given user: ``client_for(amina).get(...)``."""

    def signed_in(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return signed_in


# The settings every test runs with (the autouse fixtures below apply them one test at a time; fixtures
# wider than one test, such as the page inventory's world, apply them with override_settings).
TEST_SETTINGS = {
    # Each test starts with an empty cache of its own (the file cache would be shared between workers).
    "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    # Text messages go to ``sms.outbox``, not to files in the data folder.
    "COPRODUCE_SMS_BACKEND": "coproduce.communications.sms.MemorySmsBackend",
    # Argon2 is slow on purpose. Only test_settings checks the real hasher; other tests use a fast one.
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
}


@pytest.fixture(autouse=True)
def cache_kept_in_memory(settings) -> Iterator[None]:
    """Each test starts with an empty cache of its own (the file cache would be shared between workers)."""
    settings.CACHES = TEST_SETTINGS["CACHES"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def texts_kept_in_memory(settings) -> Iterator[None]:
    """Text messages go to ``sms.outbox`` in tests, not to files in the data folder."""
    settings.COPRODUCE_SMS_BACKEND = TEST_SETTINGS["COPRODUCE_SMS_BACKEND"]
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    settings.PASSWORD_HASHERS = TEST_SETTINGS["PASSWORD_HASHERS"]


# The page inventory's axe-core scans that passed, counted where the run is reported (under xdist, the
# controller), so that a shrinking set of (page, role, state, display) scans shows at the end of every run.
_axe_scans: set[str] = set()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and report.passed:
        _axe_scans.update(str(value) for name, value in report.user_properties if name == "axe_scan")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _axe_scans:
        terminalreporter.write_line(
            f"axe-core: {len(_axe_scans)} (page, role, state, display) scans of the page inventory, "
            "each with zero violations"
        )
