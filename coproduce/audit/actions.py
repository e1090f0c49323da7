"""Every action the audit trail records, declared once, named ``<app>.<verb>``.

``record_event`` refuses an action that is not declared here, so a new kind of event is added here
first, under the app that records it; ``audit/tests/test_actions.py`` checks the names and that each
one is still recorded somewhere. Migration ``0002_actions_named_by_app`` renamed the events recorded
before the names were declared.
"""

ACTIONS: frozenset[str] = frozenset(
    {
        # accounts
        "accounts.sign_in_link_sent",
        "accounts.signed_in",
        "accounts.signed_out",
        # analytics
        "analytics.indicators_refresh_requested",
        "analytics.outreach_action_recorded",
        "analytics.reference_figures_loaded",
        # communications
        "communications.call_made",
        "communications.contact_preferences_changed",
        "communications.format_request_received",
        "communications.format_request_status_changed",
        "communications.letters_downloaded",
        "communications.letters_posted",
        "communications.message_retried",
        # contributions
        "contributions.recorded",
        "contributions.responded",
        "contributions.thanked",
        # decisions
        "decisions.agenda_item_proposed",
        "decisions.agenda_item_updated",
        "decisions.concern_answered",
        "decisions.concern_raised",
        "decisions.concern_read_by_reference",
        "decisions.decision_changed",
        "decisions.decision_drafted",
        "decisions.decision_published",
        "decisions.ground_rules_changed",
        "decisions.group_created",
        "decisions.group_member_added",
        "decisions.proposal_extended",
        "decisions.proposal_put",
        "decisions.response_changed",
        "decisions.response_given",
        "decisions.response_withdrawn",
        # easyread
        "easyread.document_created",
        "easyread.document_published",
        "easyread.published_document_changed",
        # equality
        "equality.answers_saved",
        "equality.consent_given",
        "equality.consent_withdrawn",
        # involvement
        "involvement.activity_closed",
        "involvement.activity_created",
        "involvement.activity_no_longer_ready",
        "involvement.activity_opened",
        "involvement.activity_ready",
        "involvement.activity_updated",
        "involvement.arrangements_updated",
        "involvement.attendance_recorded",
        "involvement.interest_registered",
        "involvement.moved_up_from_waiting_list",
        "involvement.registered",
        "involvement.registration_withdrawn",
        "involvement.roster_viewed",
        # learning
        "learning.charter_published",
        "learning.charter_signature_withdrawn",
        "learning.charter_signed",
        "learning.charter_signed_for_organisation",
        "learning.induction_recorded",
        "learning.recommendation_answered",
        "learning.recommendation_sent",
        "learning.training_completed",
        "learning.training_session_planned",
        # newsletters
        "newsletters.newsletter_sent",
        # payments
        "payments.bank_details_received",
        "payments.claim_approved",
        "payments.claim_paid",
        "payments.claim_rejected",
        "payments.claim_submitted",
        "payments.expense_added",
        "payments.expense_removed",
        "payments.offer_accepted",
        "payments.offer_declined",
        "payments.offer_made",
        "payments.rate_card_created",
        # people
        "people.access_needs_changed",
        "people.access_needs_viewed",
        "people.consent_given",
        "people.consent_withdrawn",
        "people.contact_details_changed",
        "people.data_downloaded",
        "people.exported",
        "people.imported",
        "people.person_added",
        "people.person_anonymised",
        "people.person_confirmed",
        "people.recognition_changed",
        # projects
        "projects.assessment_recorded",
        "projects.created",
        "projects.design_approved",
        "projects.group_member_added",
        "projects.intake_accepted",
        "projects.intake_declined",
        "projects.proposed",
        "projects.stage_advanced",
        # reports
        "reports.digests_requested",
        "reports.narrative_saved",
        "reports.you_said_we_did_published",
        "reports.you_said_we_did_saved",
        "reports.you_said_we_did_unpublished",
        # reviews
        "reviews.review_closed",
        "reviews.review_scheduled",
        "reviews.self_assessment_recorded",
        "reviews.standards_rated",
        # surveys
        "surveys.phone_answer_recorded",
        "surveys.round_opened",
    }
)
