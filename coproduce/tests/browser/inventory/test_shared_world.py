"""The shared world keeps each visit on its own: what one test writes or sets is gone before the next."""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.tests.browser.inventory.shared import Site


def test_starting_afresh_undoes_what_a_visit_wrote_and_keeps_the_world_as_built(site: Site, db):
    Person.objects.create(full_name="Written by a visit", kind="member")
    Project.objects.filter(pk=site.world.project.pk).update(title="Changed by a visit")
    site.sign_in("dev")

    site.start_afresh()

    assert not Person.objects.filter(full_name="Written by a visit").exists()
    assert Project.objects.get(pk=site.world.project.pk).title == "Step-free bus stops"
    assert site.page.context.cookies() == []
    # The personas' sessions are part of the world as built, so signing in still works.
    assert Session.objects.filter(session_key=site.sessions["dev"]).exists()


def test_a_signed_in_visit_is_the_persona_and_a_signed_out_one_is_nobody(site: Site, db):
    details, sign_in = reverse("you:details"), reverse("accounts:sign_in")
    site.sign_in("grace")
    site.page.goto(details)
    assert site.page.url.endswith(details)
    assert site.page.get_by_text("Grace", exact=False).first.is_visible()

    site.start_afresh()
    site.page.goto(details)
    assert sign_in in site.page.url
    assert settings.SESSION_COOKIE_NAME not in {cookie["name"] for cookie in site.page.context.cookies()}
