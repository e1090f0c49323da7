from datetime import datetime, timedelta

from django.utils import timezone

from coproduce.analytics.disclosure import NOTE
from coproduce.contributions.models import Contribution, ContributionResponse, Outcome
from coproduce.involvement.models import Attendance
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.people.models import PersonKind
from coproduce.people.tests.factories import PersonFactory
from coproduce.reports.models import ReportNarrative
from coproduce.reports.periods import parse, quarter, recent_quarters
from coproduce.reports.queries import build_report
from coproduce.reports.tests.conftest import answer, say


def rows(breakdown):
    return {row.label: row.value for row in breakdown.rows}


def test_quarters_are_named_and_parsed():
    q4 = quarter(2026, 4)

    assert (q4.start.isoformat(), q4.end.isoformat(), q4.key) == ("2026-10-01", "2026-12-31", "2026-Q4")
    assert parse("2026-Q1") == quarter(2026, 1)
    assert parse("2026-Q5") is None
    assert parse("nonsense") is None
    assert [p.key for p in recent_quarters(3, today=q4.start)] == ["2026-Q4", "2026-Q3", "2026-Q2"]


def test_small_counts_of_people_are_hidden_with_the_note(said, period):
    report = build_report(period)

    # Two people took part: too few to break down, and too few to publish even the total.
    assert report.people_by_kind.total == "[c]"
    assert set(rows(report.people_by_kind).values()) == {"[c]"}
    assert report.contributions_by_outcome.total == "[c]"
    assert report.has_suppressed
    assert report.note == NOTE
    assert report.activities_total == 1
    assert rows_of(report.rungs)["Co-design"] == "1"


def rows_of(items):
    return {row.label: row.value for row in items}


def test_counts_big_enough_are_published_by_kind(workshop, period, amina):
    for n in range(12):
        person = PersonFactory.create(kind=PersonKind.MEMBER if n < 7 else PersonKind.CARER)
        Attendance.objects.create(activity=workshop, person=person, minutes=60, recorded_by=amina)
        contribution = say(person, workshop.project, f"Idea {n}", by=amina)
        answer(contribution, Outcome.ADOPTED if n < 6 else Outcome.NOT_ADOPTED, "Because.", by=amina)

    report = build_report(period)

    # 7 members and 5 carers: both publishable, no secondary suppression needed.
    assert rows(report.people_by_kind)["Member (lived experience)"] == "7"
    assert rows(report.people_by_kind)["Carer"] == "5"
    assert report.people_by_kind.total == "12"
    assert rows(report.contributions_by_outcome)["Adopted"] == "6"
    assert rows(report.contributions_by_outcome)["Not adopted"] == "6"
    assert report.changed_things == "50%"
    assert not any("*" in row.value for row in report.people_by_kind.rows)


def test_answered_in_time_counts_contributions_whose_answer_was_due_in_the_period(bus_stops, amina):
    """The dashboard's rule: a contribution counts in the quarter its 28 days end, and is in time if
    any answer came within them. Recorded on 10 April 2025, all were due on 8 May."""
    recorded = timezone.make_aware(datetime(2025, 4, 10, 10))
    for n in range(12):
        contribution = say(PersonFactory.create(), bus_stops, f"Idea {n}", by=amina)
        Contribution.objects.filter(pk=contribution.pk).update(recorded_at=recorded)
        if n < 11:
            late = n >= 9
            ContributionResponse.objects.create(
                contribution=contribution,
                outcome=Outcome.ADOPTED,
                explanation="Because.",
                responded_by=amina,
                responded_at=recorded + timedelta(days=40 if late else 10),
            )

    # 9 in time; 2 answered late and 1 never answered count against it.
    assert build_report(quarter(2025, 2), bus_stops).answered_in_time == "75%"
    # Nothing was due in the quarter before.
    assert build_report(quarter(2025, 1), bus_stops).answered_in_time == "[c]"


def test_project_report_lists_what_was_said_with_no_names_and_what_was_not_adopted(said, period, bus_stops):
    report = build_report(period, bus_stops)

    assert [(line.summary, line.outcome, line.explanation) for line in report.answered] == [
        ("Put a bench at every stop.", "Adopted", "Benches are ordered for all 12 stops."),
        ("=Gold taps at every stop", "Not adopted", "The budget cannot pay for taps."),
    ]
    assert [line.explanation for line in report.not_adopted] == ["The budget cannot pay for taps."]
    assert report.aim == bus_stops.summary
    assert report.power_sharing is not None


def test_narrative_aim_replaces_the_project_summary(said, period, bus_stops, amina):
    ReportNarrative.objects.create(
        project=bus_stops,
        period_start=period.start,
        period_end=period.end,
        aim="Make every stop step-free.",
        reflections="We started too late.",
        written_by=amina,
    )

    report = build_report(period, bus_stops)

    assert (report.aim, report.reflections) == ("Make every stop step-free.", "We started too late.")


def test_records_outside_the_period_or_project_are_not_counted(said, period, bus_stops, amina):
    ActivityFactory.create(starts_at=timezone.now() - timedelta(days=400), created_by=amina)
    ActivityFactory.create(starts_at=timezone.now() - timedelta(minutes=30), created_by=amina)  # another project

    assert build_report(period, bus_stops).activities_total == 1
    assert build_report(period).activities_total == 2


def test_organisation_report_query_count_does_not_grow_with_records(
    said, period, amina, django_assert_num_queries, workshop
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        build_report(period)
    for n in range(15):
        person = PersonFactory.create()
        Attendance.objects.create(activity=workshop, person=person, minutes=60, recorded_by=amina)
        answer(say(person, workshop.project, f"Idea {n}", by=amina), Outcome.ADOPTED, "Done.", by=amina)
        ActivityFactory.create(
            project=workshop.project, starts_at=timezone.now() - timedelta(minutes=5), created_by=amina
        )

    with django_assert_num_queries(len(few.captured_queries)):
        build_report(period)
