"""Every action the audit trail records, declared once, named ``<app>.<verb>``.

``record_event`` refuses an action that is not declared here, so a new kind of event is added here
first, under the app that records it, with the plain words a person reads about it (in their own data,
for example); ``audit/tests/test_actions.py`` checks the names and that each
one is still recorded somewhere. Migration ``0002_actions_named_by_app`` renamed the events recorded
before the names were declared.
"""

ACTIONS: dict[str, str] = {
    # accounts
    "accounts.sign_in_link_sent": "Sign-in link emailed",
    "accounts.signed_in": "Signed in",
    "accounts.signed_out": "Signed out",
    # analytics
    "analytics.indicators_refresh_requested": "Dashboard figures worked out again",
    "analytics.outreach_action_recorded": "Outreach action recorded",
    "analytics.reference_figures_loaded": "Census figures loaded",
    # communications
    "communications.call_made": "Phone call recorded",
    "communications.contact_preferences_changed": "How we contact you changed",
    "communications.format_request_received": "Request for another format received",
    "communications.format_request_status_changed": "Request for another format updated",
    "communications.letters_downloaded": "Letters to post printed",
    "communications.letters_posted": "Letters posted",
    "communications.message_retried": "Message sent again",
    # contributions
    "contributions.recorded": "Contribution recorded",
    "contributions.responded": "Contribution answered",
    "contributions.thanked": "Thanks given for taking part",
    # decisions
    "decisions.agenda_item_proposed": "Meeting item suggested",
    "decisions.agenda_item_updated": "Meeting item updated",
    "decisions.concern_answered": "Concern answered",
    "decisions.concern_raised": "Concern raised",
    "decisions.concern_read_by_reference": "Answer to a concern read by its reference",
    "decisions.decision_changed": "Decision changed",
    "decisions.decision_drafted": "Decision written",
    "decisions.decision_published": "Decision published",
    "decisions.ground_rules_changed": "Group ground rules changed",
    "decisions.group_created": "Group set up",
    "decisions.group_member_added": "Added to a group",
    "decisions.proposal_extended": "Time for answers on a proposal made longer",
    "decisions.proposal_put": "Proposal put to a group",
    "decisions.response_changed": "Answer to a proposal changed",
    "decisions.response_given": "Answer to a proposal given",
    "decisions.response_withdrawn": "Answer to a proposal taken back",
    # easyread
    "easyread.document_created": "Easy Read document written",
    "easyread.document_published": "Easy Read document published",
    "easyread.published_document_changed": "Published Easy Read document changed",
    # equality
    "equality.answers_saved": "Equality answers saved",
    "equality.consent_given": "Agreed to give equality answers",
    "equality.consent_withdrawn": "Stopped giving equality answers",
    # involvement
    "involvement.activity_closed": "Activity closed to new people",
    "involvement.activity_created": "Activity planned",
    "involvement.activity_no_longer_ready": "Activity no longer ready",
    "involvement.activity_opened": "Activity opened to people",
    "involvement.activity_ready": "Activity ready",
    "involvement.activity_updated": "Activity changed",
    "involvement.arrangements_updated": "Support for an activity updated",
    "involvement.attendance_recorded": "Who took part recorded",
    "involvement.interest_registered": "Interest in an activity given",
    "involvement.moved_up_from_waiting_list": "Given a place from the waiting list",
    "involvement.registered": "Place booked on an activity",
    "involvement.registration_withdrawn": "Place on an activity given up",
    "involvement.roster_viewed": "List of people booked looked at",
    # learning
    "learning.charter_published": "Charter published",
    "learning.charter_signature_withdrawn": "Charter signature taken back",
    "learning.charter_signed": "Charter signed",
    "learning.charter_signed_for_organisation": "Charter signed for an organisation",
    "learning.induction_recorded": "Welcome session recorded",
    "learning.recommendation_answered": "Recommendation answered",
    "learning.recommendation_sent": "Recommendation sent",
    "learning.training_completed": "Training finished",
    "learning.training_session_planned": "Training session planned",
    # newsletters
    "newsletters.newsletter_sent": "Newsletter sent",
    # payments
    "payments.bank_details_received": "Bank details received",
    "payments.claim_approved": "Claim approved",
    "payments.claim_paid": "Claim paid",
    "payments.claim_rejected": "Claim turned down",
    "payments.claim_submitted": "Claim sent",
    "payments.expense_added": "Expense added to a claim",
    "payments.expense_removed": "Expense taken off a claim",
    "payments.offer_accepted": "Payment offer accepted",
    "payments.offer_declined": "Payment offer turned down",
    "payments.offer_made": "Payment offered",
    "payments.rate_card_created": "Payment rates set",
    # people
    "people.access_needs_changed": "Access needs changed",
    "people.access_needs_viewed": "Access needs looked at",
    "people.consent_given": "Consent given",
    "people.consent_withdrawn": "Consent withdrawn",
    "people.contact_details_changed": "Contact details changed",
    "people.data_downloaded": "Data looked at or downloaded",
    "people.exported": "Details of people exported",
    "people.imported": "Details of people imported",
    "people.person_added": "Record made",
    "people.person_anonymised": "Account deleted",
    "people.person_confirmed": "Record confirmed",
    "people.recognition_changed": "How you are named changed",
    # projects
    "projects.assessment_recorded": "Opportunity assessment recorded",
    "projects.created": "Project started",
    "projects.design_approved": "Design approved",
    "projects.group_member_added": "Added to a project group",
    "projects.intake_accepted": "Project idea accepted",
    "projects.intake_declined": "Project idea turned down",
    "projects.proposed": "Project idea put forward",
    "projects.stage_advanced": "Project moved to its next stage",
    # reports
    "reports.digests_requested": "Digests asked for",
    "reports.narrative_saved": "Report text saved",
    "reports.you_said_we_did_published": '"You said, we did" published',
    "reports.you_said_we_did_saved": '"You said, we did" saved',
    "reports.you_said_we_did_unpublished": '"You said, we did" taken down',
    # reviews
    "reviews.review_closed": "Review closed",
    "reviews.review_scheduled": "Review planned",
    "reviews.self_assessment_recorded": "Self-assessment recorded",
    "reviews.standards_rated": "Standards rated",
    # surveys
    "surveys.phone_answer_recorded": "Survey answer taken by phone",
    "surveys.round_opened": "Survey opened",
}


def described(action: str) -> str:
    """The plain words for an action, as a person reads it in the record of what was done with their data."""
    return ACTIONS.get(action, action)
