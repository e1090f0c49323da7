"""Each indicator defined once, with a value or step it evidences and a target from settings."""

from coproduce.analytics.indicators.definitions import INDICATORS, indicator


def test_every_indicator_is_defined_once_with_a_value_or_step():
    keys = [item.key for item in INDICATORS]
    assert len(keys) == len(set(keys)) >= 10
    for item in INDICATORS:
        assert item.values or item.steps
        assert all(1 <= number <= 5 for number in item.values)
        assert all(1 <= number <= 6 for number in item.steps)
        assert 0 < item.target <= 1


def test_targets_come_from_settings(settings):
    settings.COPRODUCE_INDICATOR_TARGETS = {"felt_listened_to": 0.5}
    assert indicator("felt_listened_to").target == 0.5
    assert indicator("charter_signed").target == 0.8
