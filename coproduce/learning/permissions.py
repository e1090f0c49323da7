"""Who may sign the charter, publish it, and run training, inductions and partner recommendations."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_admin, is_coordinator, is_partner, is_signed_in
from coproduce.learning.models import Recommendation, TrainingRecord
from coproduce.people.models import Person
from coproduce.people.permissions import has_own_record


@rules.predicate
def owns_training_record(user: User, record: TrainingRecord | None) -> bool:
    return record is not None and record.person.user_id is not None and record.person.user_id == user.pk


@rules.predicate
def represents_recommended_organisation(user: User, recommendation: Recommendation | None) -> bool:
    return (
        recommendation is not None
        and Person.objects.filter(user=user, organisation_id=recommendation.organisation_id).exists()
    )


# Everyone signed in with a record of their own signs for themselves.
can_sign_charter = is_signed_in & has_own_record
# Partner representatives sign for their organisation; the service checks it is theirs.
can_sign_for_organisation = is_partner & has_own_record
# Admins (trustees) publish a new wording of the charter.
can_publish_charter = is_admin
# Coordinators run training sessions, record completion and inductions, and track recommendations.
can_manage_learning = is_coordinator
# Partner representatives see the recommendations made to their own organisation, and answer them.
can_view_recommendations = is_coordinator | (is_partner & has_own_record)
can_answer_recommendation = is_coordinator | (is_partner & represents_recommended_organisation)
can_view_training_record = (is_signed_in & owns_training_record) | is_coordinator
can_answer_confidence = is_signed_in & owns_training_record

rules.add_perm("learning.sign_charter", can_sign_charter)
rules.add_perm("learning.sign_for_organisation", can_sign_for_organisation)
rules.add_perm("learning.publish_charter", can_publish_charter)
rules.add_perm("learning.manage_learning", can_manage_learning)
rules.add_perm("learning.view_recommendations", can_view_recommendations)
rules.add_perm("learning.answer_recommendation", can_answer_recommendation)
rules.add_perm("learning.view_training_record", can_view_training_record)
rules.add_perm("learning.answer_confidence", can_answer_confidence)
