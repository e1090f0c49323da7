"""The representation page, the outreach action form and loading reference figures."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.analytics.models import OutreachAction, ReferenceFigure, ReferencePopulation
from coproduce.analytics.queries import default_period, representation
from coproduce.analytics.tests.factories import involve_people, past_activity
from coproduce.audit.models import AuditEvent
from coproduce.involvement.models import Activity
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["amina", "dev", "grace", "tom", "priya", "sam", "morgan"]
REPRESENTATION = reverse("analytics:representation")
FIGURES = reverse("analytics:reference_figures")
ACTION = reverse("analytics:outreach_action", kwargs={"dimension": "sex", "category": "female"})


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_data_lead_sees_representation_and_records_actions(request, client_for, census, persona) -> None:
    client = client_for(request.getfixturevalue(persona))
    expected = 200 if persona == "sam" else 403
    assert client.get(REPRESENTATION).status_code == expected
    assert client.get(ACTION).status_code == expected
    assert client.post(ACTION, {}).status_code == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_data_lead_and_admins_load_reference_figures(request, client_for, census, persona) -> None:
    client = client_for(request.getfixturevalue(persona))
    assert client.get(FIGURES).status_code == (200 if persona in {"sam", "morgan"} else 403)


def test_signed_out_people_are_sent_to_sign_in(client, census) -> None:
    for url in (REPRESENTATION, FIGURES, ACTION):
        response = client.get(url)
        assert response.status_code == 302
        assert "sign-in" in response.url or "login" in response.url


def test_the_page_shows_fewer_than_expected_and_the_gap(client_for, sam: User, walkabout: Activity) -> None:
    response = client_for(sam).get(REPRESENTATION)
    html = response.content.decode()
    assert "Fewer than expected</strong>" in html
    assert "Sex: Female (fewer than expected)" in html
    assert ACTION in html
    assert "*" not in html.split("<main", 1)[1].split("</main>", 1)[0].replace("**", "")


def test_hidden_counts_show_c_and_the_note(client_for, sam: User, bus_stops: Project, amina: User, census) -> None:
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    involve_people(activity, 12, amina, sex="male")
    involve_people(activity, 2, amina, sex="female")
    html = client_for(sam).get(REPRESENTATION).content.decode()
    assert "[c]" in html
    assert "[c] means a number is hidden" in html


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        ({}, "Nobody has given equality answers yet, so we cannot compare who takes part with the population."),
        ({"male": 3, "female": 3}, "Too few people have answered to compare safely."),
    ],
    ids=["nobody", "too-few"],
)
def test_representation_with_no_or_too_few_equality_answers_does_not_say_no_group_is_fewer_than_expected(
    client_for, sam: User, bus_stops: Project, amina: User, census, answers: dict[str, int], said: str
) -> None:
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    for sex, count in answers.items():
        involve_people(activity, count, amina, sex=sex)

    html = client_for(sam).get(REPRESENTATION).content.decode()

    assert "No group is fewer than expected." not in html
    assert said in html


def test_representation_with_enough_answers_and_no_gap_says_no_group_is_fewer(
    client_for, sam: User, bus_stops: Project, amina: User, census
) -> None:
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    involve_people(activity, 20, amina, sex="male")
    involve_people(activity, 20, amina, sex="female")

    html = client_for(sam).get(REPRESENTATION).content.decode()

    assert "No group is fewer than expected." in html
    assert "cannot compare" not in html


def test_the_page_filters_by_project(client_for, sam: User, walkabout: Activity, amina: User) -> None:
    other = Project.objects.create(title="Accessible libraries", summary="Libraries.", created_by=amina)
    html = client_for(sam).get(REPRESENTATION, {"project": other.pk}).content.decode()
    assert "Accessible libraries" in html
    assert "Sex: Female" not in html


def test_the_project_list_offers_only_their_own_projects_and_the_chosen_one(
    client_for, sam: User, amina: User, census
) -> None:
    """A national network has thousands of projects: the list stays short; others come from their page."""
    others = ProjectFactory.create_batch(30)
    client = client_for(sam)

    html = client.get(REPRESENTATION).content.decode()
    assert not any(f'value="{other.pk}"' in html for other in others)
    assert "All projects</option>" in html

    chosen = client.get(REPRESENTATION, {"project": others[0].pk}).content.decode()
    assert f'value="{others[0].pk}" selected' in chosen
    assert not any(f'value="{other.pk}"' in chosen for other in others[1:])


@pytest.mark.parametrize("junk", ["²", "99999999999999999999999", "-1", "abc"])
@pytest.mark.parametrize("url", [REPRESENTATION, reverse("analytics:dashboard")])
def test_a_project_that_is_not_a_project_id_gets_an_answer_not_an_error(
    client_for, sam: User, census, url, junk
) -> None:
    # The representation page shows its filter again; the dashboard refuses a project it cannot show.
    expected = 200 if url == REPRESENTATION else 403
    assert client_for(sam).get(url, {"project": junk}).status_code == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_project_page_links_to_its_representation_for_the_data_lead_only(
    request, client_for, bus_stops: Project, persona
) -> None:
    user = request.getfixturevalue(persona)
    html = client_for(user).get(reverse("projects:detail", kwargs={"pk": bus_stops.pk})).content.decode()
    assert (f"{REPRESENTATION}?project={bus_stops.pk}" in html) == (persona == "sam")


def test_the_query_count_does_not_grow_with_people(
    client_for, sam: User, bus_stops: Project, amina: User, census, django_assert_max_num_queries
) -> None:
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    involve_people(activity, 2, amina, sex="male")
    client = client_for(sam)
    with django_assert_max_num_queries(12) as few:
        client.get(REPRESENTATION)
    involve_people(activity, 30, amina, sex="female", religion="christian", long_term_condition="no")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(REPRESENTATION)


def test_recording_an_outreach_action(client_for, sam: User, walkabout: Activity) -> None:
    due = timezone.localdate() + timedelta(days=60)
    response = client_for(sam).post(
        ACTION,
        {
            "action": "Meet the women's disability forum.",
            "due_on_day": due.day,
            "due_on_month": due.month,
            "due_on_year": due.year,
        },
    )
    assert response.status_code == 302
    action = OutreachAction.objects.get()
    assert (action.dimension, action.category, action.due_on, action.recorded_by) == ("sex", "female", due, sam)
    assert action.project is None
    assert AuditEvent.objects.filter(action="analytics.outreach_action_recorded").count() == 1
    html = client_for(sam).get(response.url).content.decode()
    assert "Meet the women&#x27;s disability forum." in html


def test_an_empty_outreach_action_shows_errors_and_saves_nothing(client_for, sam: User, census) -> None:
    response = client_for(sam).post(ACTION, {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "Say what will be done" in html
    assert "Enter the date it will be done by" in html
    assert not OutreachAction.objects.exists()


def test_an_unknown_group_is_not_found(client_for, sam: User) -> None:
    url = reverse("analytics:outreach_action", kwargs={"dimension": "sex", "category": "nonsense"})
    assert client_for(sam).get(url).status_code == 404


GOOD_CSV = (
    "dimension,category,count,percent,universe,source\n"
    "sex,Female,5200,52.00,all usual residents,Local\n"
    "sex,Male,4800,48.00,all usual residents,Local\n"
)


def upload(client, text: str, **extra):
    data = {
        "name": "Census 2021 for Riverside",
        "area": "Riverside",
        "source": "ONS Census 2021 TS008 for Riverside",
        "figures": SimpleUploadedFile("riverside.csv", text.encode(), content_type="text/csv"),
        **extra,
    }
    return client.post(FIGURES, data)


def test_loading_local_figures_all_rows_checked(client_for, morgan: User, census) -> None:
    response = upload(client_for(morgan), GOOD_CSV, make_default="on")
    assert response.status_code == 302
    population = ReferencePopulation.objects.get(is_default=True)
    assert population.name == "Census 2021 for Riverside"
    assert population.loaded_by == morgan
    assert dict(population.figures.values_list("category", "count")) == {"Female": 5200, "Male": 4800}
    assert not ReferencePopulation.objects.get(pk=census.pk).is_default
    event = AuditEvent.objects.get(action="analytics.reference_figures_loaded")
    assert event.payload == {"figures": 2, "is_default": True}


def test_a_bad_row_loads_nothing_and_says_which_row(client_for, sam: User, census) -> None:
    bad = GOOD_CSV + "sex,Other,lots,1,all usual residents,Local\n,Unknown,3,1,,\nsex,Female,1,1,,\n"
    before = ReferenceFigure.objects.count()
    response = upload(client_for(sam), bad)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "Nothing was loaded" in html
    assert "Row 4: the count must be a whole number of 0 or more" in html
    assert "Row 5: the dimension is empty" in html
    assert "Row 6: the same dimension and category appear on an earlier row" in html
    assert ReferenceFigure.objects.count() == before
    assert ReferencePopulation.objects.count() == 1


def test_missing_columns_and_too_big_files_are_refused(client_for, sam: User, census, settings) -> None:
    html = upload(client_for(sam), "area,people\nRiverside,3\n").content.decode()
    assert "Missing: dimension, category, count, universe" in html
    settings.COPRODUCE_REFERENCE_UPLOAD_MAX_BYTES = 50
    html = upload(client_for(sam), GOOD_CSV).content.decode()
    assert "The file must be smaller than" in html
    assert ReferencePopulation.objects.count() == 1


def test_an_empty_upload_form_shows_errors(client_for, sam: User, census) -> None:
    html = client_for(sam).post(FIGURES, {}).content.decode()
    assert "Enter a name for these figures" in html
    assert "Choose a CSV file" in html


def test_the_page_reuses_its_counts_for_a_while_and_says_when_they_were_worked_out(
    client_for, sam: User, bus_stops: Project, amina: User, census, settings
) -> None:
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    involve_people(activity, 12, amina, sex="male")
    client = client_for(sam)
    first = client.get(REPRESENTATION).content.decode()
    assert "Figures as of" in first
    assert "worked out again every 60 minutes" in first

    involve_people(activity, 12, amina, name="Newcomer", sex="female")
    assert _people_involved(client.get(REPRESENTATION).content.decode()) == "12"

    settings.COPRODUCE_REPRESENTATION_CACHE_SECONDS = 0
    cache.clear()
    assert _people_involved(client.get(REPRESENTATION).content.decode()) == "24"


def test_a_decision_counts_afresh_not_from_the_cache(sam: User, bus_stops: Project, amina: User, census) -> None:
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    involve_people(activity, 12, amina, sex="male")
    period = default_period()
    assert representation(period, cached=True).people.count == 12
    involve_people(activity, 12, amina, name="Newcomer", sex="female")
    assert representation(period, cached=True).people.count == 12
    assert representation(period).people.count == 24


def _people_involved(html: str) -> str:
    after = html.split("People involved</dt>", 1)[1]
    return after.split(">", 1)[1].split("</dd>", 1)[0].strip()


def test_the_source_of_the_census_figures_names_no_file_path(client_for, sam: User, census) -> None:
    page = client_for(sam).get(reverse("analytics:representation")).content.decode()
    content = page[page.index("<main") : page.index("</main>")]

    assert "Office for National Statistics, Census 2021" in content
    assert "coproduce/" not in content
    assert ".csv" not in content


def test_a_census_source_stored_with_the_file_path_is_put_in_words(census) -> None:
    migration = importlib.import_module("coproduce.analytics.migrations.0004_census_source_in_words")
    ReferencePopulation.objects.filter(pk=census.pk).update(source=f"ONS. {migration.OLD_ENDING}")

    migration.forwards(django_apps, None)

    census.refresh_from_db()
    assert census.source == f"ONS. {migration.NEW_ENDING}"
