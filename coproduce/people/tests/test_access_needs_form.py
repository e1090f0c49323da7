"""The access needs form: the screen reader and papers-by-email needs, follow-up questions shown under the
need they are about, and a safe way back to the activity the person came from (issue 17)."""

import re

from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.people.models import AccessProfile, Need
from coproduce.people.tests.profile_pages import ClientFor, keep_needs, needs_data

ACTIVITY = "/get-involved/7/"


def conditional_of(html: str, need: str) -> str:
    """The opening tag of the conditional reveal under the checkbox for ``need``."""
    checkbox = re.search(rf'<input[^>]* value="{need}"[^>]*data-aria-controls="(?P<id>[^"]+)"', html)
    assert checkbox is not None, f"no conditional reveal for {need}"
    tag = re.search(rf'<div class="[^"]*" id="{checkbox["id"]}">', html)
    assert tag is not None
    return tag[0]


def test_access_needs_had_no_screen_reader_need_and_now_offer_one(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/access-needs/")

    assertContains(response, 'name="needs_format" type="checkbox" value="screen_reader"')
    assertContains(response, "I use a screen reader: send me documents that work with it")


def test_access_needs_had_no_papers_by_email_need_and_now_offer_one(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/access-needs/")

    assertContains(response, 'name="needs_timing" type="checkbox" value="papers_by_email"')
    assertContains(response, "Send me papers by email before the meeting")


def test_access_needs_keep_the_screen_reader_and_papers_by_email_needs(grace: User, client_for: ClientFor) -> None:
    data = needs_data(needs_format=["screen_reader"], needs_timing=["papers_by_email"], agree="on")

    response = client_for(grace).post("/you/access-needs/", data, follow=True)

    assertRedirects(response, "/you/")
    needs = AccessProfile.objects.get(person=grace.person).needs.values_list("need", flat=True)
    assert sorted(needs) == ["papers_by_email", "screen_reader"]
    assertContains(response, "I use a screen reader: send me documents that work with it")


def test_access_needs_follow_up_questions_showed_always_and_now_sit_under_their_need(
    dev: User, client_for: ClientFor
) -> None:
    html = client_for(dev).get("/you/access-needs/").content.decode()

    for need, follow_up in (
        ("large_print", "large_print_size"),
        ("other_language", "language"),
        ("other_interpreter", "interpreter_language"),
        ("dietary", "dietary_details"),
        ("papers_in_advance", "papers_days_before"),
        ("time_of_day", "time_of_day"),
    ):
        tag = conditional_of(html, need)
        assert 'class="govuk-checkboxes__conditional govuk-checkboxes__conditional--hidden"' in tag
        inside = html[html.index(tag) :]
        assert inside.index(f'name="{follow_up}"') < inside.index("</fieldset>")
    # Needs without a follow-up question reveal nothing.
    assert not re.search(r'value="step_free"[^>]*data-aria-controls', html)


def test_access_needs_follow_up_is_shown_under_a_need_already_ticked(dev: User, client_for: ClientFor) -> None:
    keep_needs(dev.person, dev, Need.LARGE_PRINT, large_print_size=18)

    html = client_for(dev).get("/you/access-needs/").content.decode()

    assert 'class="govuk-checkboxes__conditional"' in conditional_of(html, "large_print")
    assert "--hidden" in conditional_of(html, "dietary")


def test_access_needs_follow_up_stays_shown_with_its_error(dev: User, client_for: ClientFor) -> None:
    data = needs_data(needs_practical=["dietary"], agree="on")

    html = client_for(dev).post("/you/access-needs/", data).content.decode()

    assert 'class="govuk-checkboxes__conditional"' in conditional_of(html, "dietary")
    assert "Tell us about your dietary needs" in html
    assert AccessProfile.objects.count() == 0


def test_access_needs_keep_the_interpreter_language_as_the_persons_language(dev: User, client_for: ClientFor) -> None:
    data = needs_data(needs_communication=["other_interpreter"], interpreter_language="Urdu", agree="on")

    client_for(dev).post("/you/access-needs/", data)

    assert AccessProfile.objects.get(person=dev.person).language == "Urdu"
    html = client_for(dev).get("/you/access-needs/").content.decode()
    assert 'name="interpreter_language" value="Urdu"' in html


def test_access_needs_ask_for_the_interpreter_language_when_it_is_missing(dev: User, client_for: ClientFor) -> None:
    data = needs_data(needs_communication=["other_interpreter"], language="Urdu", agree="on")

    response = client_for(dev).post("/you/access-needs/", data)

    assertContains(response, "Enter the language you need an interpreter for")


def test_access_needs_refuse_two_different_languages_for_one_kept_language(dev: User, client_for: ClientFor) -> None:
    data = needs_data(
        needs_format=["other_language"],
        language="Polish",
        needs_communication=["other_interpreter"],
        interpreter_language="Urdu",
        agree="on",
    )

    response = client_for(dev).post("/you/access-needs/", data)

    assertContains(response, "Enter the same language as for your papers")
    assert AccessProfile.objects.count() == 0


def test_access_needs_did_not_return_to_the_workshop_and_now_do(dev: User, client_for: ClientFor) -> None:
    data = needs_data(needs_practical=["step_free"], agree="on")

    response = client_for(dev).post(f"/you/access-needs/?next={ACTIVITY}", data)

    assertRedirects(response, ACTIVITY, fetch_redirect_response=False)
    assert AccessProfile.objects.get(person=dev.person).needs.get().need == "step_free"


def test_access_needs_say_they_were_saved_on_the_workshop_page(dev: User, client_for: ClientFor, bus_stops) -> None:
    client = client_for(dev)
    data = needs_data(needs_practical=["step_free"], agree="on")

    response = client.post("/you/access-needs/?next=/co-production/", data, follow=True)

    assertRedirects(response, "/co-production/")
    assertContains(response, "Your access needs have been saved")


def test_access_needs_page_offers_the_way_back_to_where_the_person_came_from(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get(f"/you/access-needs/?next={ACTIVITY}")

    assertContains(response, f'<a class="govuk-link" href="{ACTIVITY}">Go back without saving</a>', html=True)
    assertNotContains(response, "Back to your details")


def test_access_needs_ignore_an_off_site_next(dev: User, client_for: ClientFor) -> None:
    data = needs_data(needs_practical=["step_free"], agree="on")

    for next_url in ("https://evil.example/", "//evil.example/", "javascript:alert(1)", "http://testserver.evil/"):
        response = client_for(dev).post(f"/you/access-needs/?next={next_url}", data)

        assertRedirects(response, "/you/", fetch_redirect_response=False)
        page = client_for(dev).get(f"/you/access-needs/?next={next_url}")
        assertContains(page, "Back to your details")
        main = page.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
        assert "evil.example" not in main
        assert "javascript:" not in main
