"""What co-production is, in Easy Read: linked from the top of the standard page, first for Easy Read readers."""

import re

from django.urls import reverse
from django.utils.html import escape

from coproduce import model
from coproduce.communications.choices import MessageFormat
from coproduce.communications.models import ContactPreferences
from coproduce.easyread import co_production
from coproduce.easyread.choices import PICTOGRAM_FOLDER
from coproduce.people.models import AccessNeed, AccessProfile, Need

ALL_LINES = (
    *co_production.INTRODUCTION,
    *(line for part in (*co_production.VALUES, *co_production.STEPS) for line in part.lines),
)


def reads_easy_read(user) -> None:
    profile = AccessProfile.objects.create(person=user.person, person_agreed=True)
    AccessNeed.objects.create(profile=profile, need=Need.EASY_READ)


def test_co_production_page_had_no_easy_read_link_and_now_has_one_at_the_top(client, db):
    html = client.get(reverse("co_production")).content.decode()

    main = html[html.index("<main") :]
    link = '<a class="govuk-link govuk-!-font-weight-bold" href="/co-production/easy-read/">Easy Read version</a>'
    assert link in main
    # At the top: straight after the heading, before the model itself.
    assert main.index("</h1>") < main.index(link) < main.index(escape(model.DEFINITION_PLAIN))


def test_co_production_easy_read_has_every_value_and_step_of_the_model(client, db):
    html = client.get(reverse("co_production_easy_read")).content.decode()

    assert [part.number for part in co_production.VALUES] == [value.number for value in model.VALUES]
    assert [part.number for part in co_production.STEPS] == [step.number for step in model.STEPS]
    assert '<h2 class="govuk-heading-l">Our 5 values</h2>' in html
    assert '<h2 class="govuk-heading-l">Our 6 steps</h2>' in html
    for part in co_production.VALUES:
        assert f"Value {part.number}: {escape(part.title)}</h3>" in html
    for part in co_production.STEPS:
        assert f"Step {part.number}: {escape(part.title)}</h3>" in html
    for line in ALL_LINES:
        assert escape(line.text) in html


def test_co_production_easy_read_puts_one_short_idea_in_each_sentence_with_a_picture(client, db):
    html = client.get(reverse("co_production_easy_read")).content.decode()

    for line in ALL_LINES:
        assert (PICTOGRAM_FOLDER / line.picture.value).is_file()
        assert len(line.text.split()) <= 12, line.text
        # One sentence: a single full stop, at the end.
        assert re.fullmatch(r"[^.?!]+[.?!]", line.text), line.text
    rows = re.findall(r'<div class="govuk-grid-row easy-read-row.*?</p>\s*</div>\s*</div>', html, re.S)
    assert len(rows) == len(ALL_LINES)
    assert all('<img class="easy-read-picture" src="/static/easyread/pictograms/' in row for row in rows)


def test_co_production_easy_read_pictures_have_empty_alt_unless_they_add_to_the_words(client, db):
    html = client.get(reverse("co_production_easy_read")).content.decode()

    alts = re.findall(r'<img class="easy-read-picture" src="[^"]+" alt="([^"]*)"', html)
    assert alts == [escape(line.alt) for line in ALL_LINES]
    assert alts.count("") >= len(ALL_LINES) - 3  # most pictures only show what the sentence says
    assert "Balanced scales: power shared equally" in alts


def test_co_production_showed_plain_english_to_easy_read_readers_and_now_shows_easy_read_first(dev, client_for):
    reads_easy_read(dev)

    html = client_for(dev).get(reverse("co_production")).content.decode()

    assert "<title>What co-production is (Easy Read) – Coproduce</title>" in html
    assert "You asked for Easy Read. So this page is in Easy Read." in html
    assert 'href="/co-production/?version=standard">Read this page in standard English</a>' in html
    assert escape(co_production.VALUES[0].lines[0].text) in html


def test_co_production_is_easy_read_for_someone_who_chose_easy_read_messages(grace, client_for):
    ContactPreferences.objects.create(person=grace.person, message_format=MessageFormat.EASY_READ)

    html = client_for(grace).get(reverse("co_production")).content.decode()

    assert "You asked for Easy Read." in html


def test_co_production_standard_version_stays_open_to_easy_read_readers(dev, client_for):
    reads_easy_read(dev)

    html = client_for(dev).get(reverse("co_production") + "?version=standard").content.decode()

    assert '<h1 class="govuk-heading-l">What co-production means here</h1>' in html
    assert escape(model.VALUES[0].plain) in html


def test_co_production_stays_standard_for_others(tom, client_for):
    html = client_for(tom).get(reverse("co_production")).content.decode()

    assert "What co-production means here</h1>" in html
    assert "You asked for Easy Read" not in html


def test_co_production_easy_read_links_back_to_the_standard_version_without_the_notice(client, db):
    html = client.get(reverse("co_production_easy_read")).content.decode()

    assert "Read this page in standard English" in html
    assert "You asked for Easy Read" not in html
    assert 'href="/easy-read/">More pages in Easy Read</a>' in html
