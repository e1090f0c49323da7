from django.core.management import call_command

from coproduce.accounts.models import Role, User
from coproduce.demo.personas import DEMO_PASSWORD, PERSONAS
from coproduce.model import Stage
from coproduce.people.models import Person
from coproduce.projects.models import Membership, Project


def test_seed_demo_creates_every_persona_with_a_sign_in(db):
    call_command("seed_demo", stdout=None)

    for persona in PERSONAS:
        user = User.objects.get(email=persona.email)
        assert user.role == persona.role
        assert user.check_password(DEMO_PASSWORD)
        assert user.person.full_name == persona.full_name
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)


def test_seed_demo_creates_projects_at_every_stage(db):
    call_command("seed_demo")

    assert set(Stage.values) <= set(Project.objects.values_list("stage", flat=True))
    assert all(project.memberships.filter(role="co_lead").exists() for project in Project.objects.exclude(stage="idea"))


def test_seed_demo_run_twice_changes_nothing(db):
    call_command("seed_demo")
    counts = (User.objects.count(), Person.objects.count(), Project.objects.count(), Membership.objects.count())

    call_command("seed_demo")

    assert (User.objects.count(), Person.objects.count(), Project.objects.count(), Membership.objects.count()) == counts


def test_seed_demo_prints_the_sign_ins(db, capsys):
    call_command("seed_demo")

    out = capsys.readouterr().out
    for persona in PERSONAS:
        assert persona.email in out
    assert f"Password for every demo account: {DEMO_PASSWORD}" in out


def test_seed_demo_prints_a_reference_that_reads_an_answered_anonymous_concern(db, capsys, client):
    from coproduce.decisions.demo import DEMO_REFERENCE

    call_command("seed_demo")

    assert f"/decisions/concerns/reference/ with the reference {DEMO_REFERENCE}" in capsys.readouterr().out
    response = client.post("/decisions/concerns/reference/", {"reference": DEMO_REFERENCE})
    assert "we pay expenses within 14 days" in response.content.decode()


def test_seed_demo_records_access_needs_with_consent(db):
    from coproduce.people.models import Need, Purpose

    call_command("seed_demo")

    dev = Person.objects.get(email="dev@example.org")
    assert list(dev.access_profile.needs.values_list("need", flat=True)) == sorted(
        [Need.EASY_READ, Need.PAPERS_IN_ADVANCE, Need.SUPPORT_WORKER]
    )
    assert dev.consents.active().for_purpose(Purpose.ACCESS_NEEDS).count() == 1


def test_deleting_a_demo_member_keeps_what_others_need_and_erases_what_is_theirs(db):
    from coproduce.contributions.models import Contribution
    from coproduce.learning.models import Induction
    from coproduce.people.services.rights import DeletionReason, anonymise_person

    call_command("seed_demo")
    dev = Person.objects.get(user__email="dev@example.org")
    amina = User.objects.get(email="amina@example.org")
    contributions = Contribution.objects.filter(person=dev).count()
    assert contributions > 0
    assert Induction.objects.filter(person=dev).exists()

    anonymise_person(dev, by=amina, reason=DeletionReason.PHONE)

    assert Contribution.objects.filter(person=dev).count() == contributions
    assert not Induction.objects.filter(person=dev).exists()
