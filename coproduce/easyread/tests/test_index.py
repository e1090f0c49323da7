"""/easy-read/: everything there is in Easy Read (it used to be "Page not found")."""

from django.urls import reverse

from coproduce.easyread.services import publish_document


def test_easy_read_index_was_not_found_and_now_lists_the_co_production_page(client, db):
    response = client.get("/easy-read/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Easy Read</h1>' in html
    assert 'href="/co-production/easy-read/">What co-production is</a>' in html
    assert "There are no Easy Read documents yet." in html


def test_easy_read_index_lists_published_documents_but_not_drafts(client, draft, amina):
    other = type(draft).objects.create(title="A draft nobody may read yet", created_by=amina)
    publish_document(draft, by=amina)

    html = client.get(reverse("easyread:index")).content.decode()

    assert f'href="/easy-read/{draft.pk}/">Going to a workshop</a>' in html
    assert f'href="/easy-read/{draft.pk}/easy-read.pdf">Download Going to a workshop as a PDF</a>' in html
    assert other.title not in html


def test_easy_read_index_gives_a_co_lead_the_easy_read_report_of_their_project(dev, bus_stops, client_for):
    html = client_for(dev).get(reverse("easyread:index")).content.decode()

    assert f'href="/reports/projects/{bus_stops.pk}/easy-read/">The report about Step-free bus stops</a>' in html
    assert "The report about all our work" not in html
    assert 'href="/learning/charter/">The co-production charter</a>' in html


def test_easy_read_index_gives_a_coordinator_the_organisation_report(amina, client_for):
    html = client_for(amina).get(reverse("easyread:index")).content.decode()

    assert 'href="/reports/organisation/easy-read/">The report about all our work</a>' in html


def test_easy_read_index_shows_no_reports_or_charter_to_someone_signed_out(client, bus_stops):
    html = client.get(reverse("easyread:index")).content.decode()

    assert "Reports in Easy Read" not in html
    assert "charter" not in html.split("<main", 1)[1]


def test_easy_read_index_reads_a_bounded_number_of_rows(dev, bus_stops, client_for, django_assert_max_num_queries):
    client = client_for(dev)

    with django_assert_max_num_queries(12):
        client.get(reverse("easyread:index"))


def test_footer_links_to_easy_read_on_every_page(client, db):
    for path in ("/", "/help/", "/easy-read/"):
        html = client.get(path).content.decode()

        assert '<a class="govuk-link" href="/easy-read/">Easy Read</a>' in html[html.index("<footer") :]
