"""Events recorded before every action was declared as "<app>.<verb>" take their declared names.

Only the name of the action changes: who, what, when and the payload stay as recorded.
"""

from django.db import migrations

RENAMED = {
    "access_needs.changed": "people.access_needs_changed",
    "access_needs.viewed": "people.access_needs_viewed",
    "activity.closed": "involvement.activity_closed",
    "activity.created": "involvement.activity_created",
    "activity.no_longer_ready": "involvement.activity_no_longer_ready",
    "activity.opened": "involvement.activity_opened",
    "activity.ready": "involvement.activity_ready",
    "activity.roster_viewed": "involvement.roster_viewed",
    "activity.updated": "involvement.activity_updated",
    "attendance.recorded": "involvement.attendance_recorded",
    "attendance.thanked": "contributions.thanked",
    "charter.published": "learning.charter_published",
    "charter.signature_withdrawn": "learning.charter_signature_withdrawn",
    "charter.signed": "learning.charter_signed",
    "charter.signed_for_organisation": "learning.charter_signed_for_organisation",
    "consent.given": "people.consent_given",
    "consent.withdrawn": "people.consent_withdrawn",
    "contact_details.changed": "people.contact_details_changed",
    "contribution.recorded": "contributions.recorded",
    "contribution.responded": "contributions.responded",
    "format_request.received": "communications.format_request_received",
    "format_request.status_changed": "communications.format_request_status_changed",
    "induction.recorded": "learning.induction_recorded",
    "person.added": "people.person_added",
    "person.anonymised": "people.person_anonymised",
    "person.confirmed": "people.person_confirmed",
    "person.data_downloaded": "people.data_downloaded",
    "project.assessment_recorded": "projects.assessment_recorded",
    "project.created": "projects.created",
    "project.design_approved": "projects.design_approved",
    "project.group_member_added": "projects.group_member_added",
    "project.intake_accepted": "projects.intake_accepted",
    "project.intake_declined": "projects.intake_declined",
    "project.proposed": "projects.proposed",
    "project.stage_advanced": "projects.stage_advanced",
    "recognition.changed": "people.recognition_changed",
    "recommendation.answered": "learning.recommendation_answered",
    "recommendation.sent": "learning.recommendation_sent",
    "registration.arrangements_updated": "involvement.arrangements_updated",
    "registration.created": "involvement.registered",
    "registration.interest_registered": "involvement.interest_registered",
    "registration.moved_up": "involvement.moved_up_from_waiting_list",
    "registration.withdrawn": "involvement.registration_withdrawn",
    "sign_in_link.sent": "accounts.sign_in_link_sent",
    "training.completed": "learning.training_completed",
    "training.session_planned": "learning.training_session_planned",
    "user.signed_in": "accounts.signed_in",
    "user.signed_out": "accounts.signed_out",
}


def rename(apps, schema_editor, names):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    for old, new in names.items():
        AuditEvent.objects.filter(action=old).update(action=new)


def forwards(apps, schema_editor):
    rename(apps, schema_editor, RENAMED)


def backwards(apps, schema_editor):
    rename(apps, schema_editor, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
