"""The projects tests check the project rules; the charter and training rules (learning app) are off
here unless a test asks for them with the ``learning_rules`` fixture (see test_learning_rules.py)."""

import pytest


@pytest.fixture(autouse=True)
def learning_rules_off(settings) -> None:
    settings.COPRODUCE_REQUIRE_SIGNED_CHAMPION = False
    settings.COPRODUCE_CO_LEAD_TRAINING_COURSE = ""


@pytest.fixture
def learning_rules(settings, learning_rules_off) -> None:
    settings.COPRODUCE_REQUIRE_SIGNED_CHAMPION = True
    settings.COPRODUCE_CO_LEAD_TRAINING_COURSE = "What co-production is"
