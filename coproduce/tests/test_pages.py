"""The home page, the navigation for each role, and the information pages."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from coproduce.model import STEPS, VALUES


def nav_labels(html: str) -> list[str]:

    nav = html[html.index('id="main-navigation"') : html.index("</ul>", html.index('id="main-navigation"'))]
    return [
        re.sub(r"<[^>]+>", "", label).strip()
        for label in re.findall(r'class="govuk-service-navigation__link"[^>]*>(.*?)</a>', nav, re.S)
    ]


SIGNED_IN = ["Home", "Get involved", "Projects", "Decisions", "Charter and training", "How are we doing?"]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("amina", [*SIGNED_IN, "People", "Your details", "Co-production"]),
        ("morgan", [*SIGNED_IN, "People", "Your details", "Co-production"]),
        ("dev", [*SIGNED_IN, "Your details", "Co-production"]),
        ("sam", [*SIGNED_IN, "Your details", "Co-production"]),
        ("priya", [*SIGNED_IN, "People", "Your details", "Co-production"]),
    ],
)
def test_navigation_depends_on_the_role(persona, expected, everyone, client_for):
    html = client_for(everyone[persona]).get(reverse("home")).content.decode()

    assert nav_labels(html) == expected


def test_navigation_for_signed_out_people(client, db):
    html = client.get(reverse("home")).content.decode()

    assert nav_labels(html) == ["Home", "Get involved", "Co-production"]
    assert "Sign out" not in html


def test_navigation_marks_the_current_section(amina, client_for):
    html = client_for(amina).get(reverse("projects:list")).content.decode()

    assert 'href="/projects/" aria-current="page"' in html
    assert html.count('aria-current="page"') == 1


def test_footer_links_are_on_every_page(client, amina, client_for):
    pages = [client.get("/").content.decode(), client_for(amina).get("/projects/").content.decode()]

    for html in pages:
        footer = html[html.index("<footer") :]
        assert (
            footer.index("Get help")
            < footer.index("What co-production means here")
            < footer.index("Accessibility statement")
        )


def test_home_for_a_member_lists_their_projects(dev, bus_stops, client_for):
    html = client_for(dev).get(reverse("home")).content.decode()

    assert "Hello, Dev" in html
    assert f'href="/projects/{bus_stops.pk}/">Step-free bus stops</a>' in html


def test_home_for_someone_signed_out_invites_them_to_sign_in(client, db):
    html = client.get(reverse("home")).content.decode()

    assert 'href="/accounts/sign-in/"' in html
    assert "equal partners" in html


def test_co_production_page_shows_the_model_in_plain_and_original_words(client, db):
    html = client.get(reverse("co_production")).content.decode()

    for value in VALUES:
        assert escape(value.plain) in html
        assert escape(value.seed_text) in html
    for step in STEPS:
        assert escape(step.plain) in html
    assert "Only the top two steps are co-production" in html


def test_accessibility_statement_names_the_standard(client, db):
    html = client.get(reverse("accessibility")).content.decode()

    assert "WCAG" in html
    assert "2.2" in html
    assert "level AA" in html


def test_navigation_marks_charter_and_training_on_every_learning_page(dev, client_for):
    client = client_for(dev)

    for name in ("learning:charter", "learning:courses", "learning:records"):
        html = client.get(reverse(name)).content.decode()
        assert f'href="{reverse("learning:charter")}" aria-current="page"' in html, name


def test_home_gives_a_member_their_own_part_but_no_coordinator_lists(dev, client_for):
    html = client_for(dev).get(reverse("home")).content.decode()

    for name in (
        "contributions:yours",
        "payments:yours",
        "learning:records",
        "decisions:your_concerns",
        "surveys:yours",
    ):
        assert f'href="{reverse(name)}"' in html, name
    assert "Lists to work through" not in html
    assert reverse("payments:claims") not in html


@pytest.mark.parametrize(("persona", "sees_rate_cards"), [("amina", False), ("morgan", True)])
def test_home_gives_coordinators_their_lists(persona, sees_rate_cards, everyone, client_for):
    html = client_for(everyone[persona]).get(reverse("home")).content.decode()

    assert "Lists to work through" in html
    for name in (
        "contributions:overdue",
        "payments:claims",
        "decisions:concerns",
        "learning:coverage",
        "surveys:manage",
    ):
        assert f'href="{reverse(name)}"' in html, name
    assert (f'href="{reverse("payments:rate_cards")}"' in html) is sees_rate_cards


def test_home_for_signed_out_people_links_to_the_champions(client, db):
    assert f'href="{reverse("learning:champions")}"' in client.get(reverse("home")).content.decode()


def test_home_gives_the_data_lead_the_representation_view(sam, client_for):
    html = client_for(sam).get(reverse("home")).content.decode()

    assert f'href="{reverse("analytics:representation")}"' in html
    assert f'href="{reverse("payments:claims")}"' not in html


@pytest.mark.parametrize(("persona", "hint"), [("amina", "Quarterly, end-of-stage"), ("dev", "Say how well")])
def test_home_links_to_reviews_once(persona, hint, everyone, client_for):
    html = client_for(everyone[persona]).get(reverse("home")).content.decode()

    assert html.count(f'href="{reverse("reviews:list")}"') == 1
    assert hint in html
