"""The project's personas, used in demo data and tests."""

from dataclasses import dataclass

from coproduce.accounts.models import Role
from coproduce.people.models import PersonKind

# Known to everyone who reads the README: the demo is for trying Coproduce, never for real data.
DEMO_PASSWORD = "demo-coproduce-2026"  # noqa: S105


@dataclass(frozen=True)
class Persona:
    key: str
    full_name: str
    preferred_name: str
    email: str
    role: Role
    kind: PersonKind
    organisation: str
    about: str


PERSONAS = (
    Persona(
        "amina",
        "Amina Haddad",
        "Amina",
        "amina@example.org",
        Role.COORDINATOR,
        PersonKind.STAFF,
        "",
        "co-production coordinator",
    ),
    Persona(
        "dev",
        "Devendra Patel",
        "Dev",
        "dev@example.org",
        Role.MEMBER,
        PersonKind.MEMBER,
        "",
        "member with a learning disability who uses Easy Read",
    ),
    Persona(
        "grace",
        "Grace Okafor",
        "Grace",
        "grace@example.org",
        Role.MEMBER,
        PersonKind.CARER,
        "",
        "carer who uses a screen reader",
    ),
    Persona("tom", "Tom Hughes", "Tom", "tom@example.org", Role.ALLY, PersonKind.ALLY, "", "ally"),
    Persona(
        "priya",
        "Priya Sharma",
        "Priya",
        "priya@example.org",
        Role.PARTNER,
        PersonKind.PARTNER_REPRESENTATIVE,
        "Riverside Council",
        "partner organisation representative",
    ),
    Persona("sam", "Sam Taylor", "Sam", "sam@example.org", Role.DATA_LEAD, PersonKind.STAFF, "", "data lead"),
    Persona(
        "morgan", "Morgan Reid", "Morgan", "morgan@example.org", Role.ADMIN, PersonKind.STAFF, "", "trustee and admin"
    ),
)
