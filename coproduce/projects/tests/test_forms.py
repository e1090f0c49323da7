"""The project forms: what they accept, and how the assessment's stages are kept."""

from coproduce.accounts.models import User
from coproduce.model import LadderRung
from coproduce.projects.forms import AssessmentForm, IntakeDecisionForm, ProjectForm
from coproduce.projects.models import Lifecycle, OpportunityAssessment
from coproduce.projects.tests.factories import OpportunityAssessmentFactory

ANSWERS = {
    "who_is_affected": "Carers.",
    "coproducible_stages": ["development", "implementation"],
    "what_is_fixed": "Nothing is fixed.",
    "planned_rung_design": "consultation",
    "planned_rung_development": "co_design",
    "planned_rung_implementation": "co_production",
    "planned_rung_evaluation": "educating",
    "people_to_involve": "Carers who work.",
}


def test_assessment_form_keeps_each_ticked_stage_as_its_own_yes_or_no(db: None) -> None:
    form = AssessmentForm(ANSWERS)

    assert form.is_valid(), form.errors
    assessment = form.save(commit=False)

    assert (
        assessment.can_coproduce_design,
        assessment.can_coproduce_development,
        assessment.can_coproduce_implementation,
        assessment.can_coproduce_evaluation,
    ) == (False, True, True, False)
    assert assessment.planned_rung_evaluation == LadderRung.EDUCATING


def test_assessment_form_starts_from_the_stages_already_ticked(db: None) -> None:
    assessment: OpportunityAssessment = OpportunityAssessmentFactory.create()

    form = AssessmentForm(instance=assessment)

    assert form.initial["coproducible_stages"] == ["design", "development", "evaluation"]


def test_intake_decision_form_accepts_without_a_reason() -> None:
    form = IntakeDecisionForm({"decision": "accept", "reason": ""})

    assert form.is_valid()


def test_intake_decision_form_needs_a_reason_to_decline() -> None:
    form = IntakeDecisionForm({"decision": "decline", "reason": " "})

    assert form.is_valid() is False
    assert form.errors["reason"] == [
        "Say why the idea is not being taken forward. The person who suggested it will see this."
    ]


def test_project_form_gives_the_start_stage_as_a_lifecycle_step(amina: User) -> None:
    form = ProjectForm({"title": "Easy Read letters", "summary": "Letters.", "start_at": "idea"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["start_at"] is Lifecycle.IDEA


def test_project_form_offers_only_idea_or_design_as_a_start(db: None) -> None:
    form = ProjectForm({"title": "Easy Read letters", "summary": "Letters.", "start_at": "development"})

    assert form.errors["start_at"] == ["Select where the project starts"]


def test_project_form_does_not_mention_the_co_lead_rule_when_it_is_off(db: None, settings) -> None:
    settings.COPRODUCE_REQUIRE_CO_LEAD = False

    form = ProjectForm()

    assert form.fields["start_at"].help_text == ""
    assert form.fields["co_lead"].help_text == "A member or carer who leads the project alongside staff."
