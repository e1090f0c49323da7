"""The analytics part of the demo data (for `seed_demo`; running it again changes nothing).

Makes sure the Census 2021 England and Wales figures are there as the default reference population
(a flushed database loses the ones the migration loaded), and works out the dashboard's indicators
for the last four quarters, for the organisation and each project, so the demo dashboard has
figures. They are worked out once: a second run finds this quarter's figures and leaves them (and
their "as of" time) alone.
"""

from coproduce.accounts.models import User
from coproduce.analytics.indicators.quarters import current_quarter
from coproduce.analytics.models import IndicatorValue
from coproduce.analytics.services import ensure_reference_data, refresh_indicators
from coproduce.people.models import Person


def seed(people: dict[str, Person], coordinator: User) -> None:
    ensure_reference_data()
    quarter = current_quarter()
    if not IndicatorValue.objects.filter(period_start=quarter.start, project__isnull=True).exists():
        refresh_indicators(projects=True)
