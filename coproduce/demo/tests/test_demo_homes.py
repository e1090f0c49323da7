"""The demo's home pages have something to show each persona on their first visit."""

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User


def home_of(email: str) -> str:
    client = Client()
    client.force_login(User.objects.get(email=email))
    return client.get(reverse("home")).content.decode()


def test_demo_gives_every_home_something_to_show(db):
    call_command("seed_demo")

    dev, grace, amina, priya = (home_of(f"{key}@example.org") for key in ("dev", "grace", "amina", "priya"))

    assert "Late: no answer after 35 days" in dev
    assert "Your activities</a>: <strong>1 coming up</strong>" in dev
    assert "Contributions waiting for an answer</a>: <strong>none</strong>" not in amina
    assert "Start a project" in amina
    assert "Next: <a" in amina  # each of her projects with the next thing the model asks for
    assert "Surveys to answer</a>: <strong>1 to answer</strong>" in grace
    assert "We will respond to co-produced recommendations within 8 weeks." in priya
    assert "2 waiting for your answer, 1 overdue." in priya
