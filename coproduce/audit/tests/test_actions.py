"""Every audit action is declared once, named after the app that records it, and still recorded."""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps

from coproduce.audit.actions import ACTIONS
from coproduce.audit.models import AuditEvent
from coproduce.audit.services import record_event

ROOT = Path(__file__).resolve().parents[2]
# The expression given as action= up to the end of the argument, and the quoted names in it.
ACTION_ARGUMENT = re.compile(r"\baction=([^,)\n]+)")
QUOTED = re.compile(r'"([^"]+)"')


def recorded_actions() -> dict[str, str]:
    """Each action name the code passes to record_event, with the first module that passes it."""
    found: dict[str, str] = {}
    for module in sorted((ROOT).rglob("*.py")):
        if {"tests", "migrations"} & set(module.parts):
            continue
        text = module.read_text()
        if "record_event(" not in text:
            continue
        for argument in ACTION_ARGUMENT.findall(text):
            for name in QUOTED.findall(argument):
                found.setdefault(name, str(module.relative_to(ROOT)))
    return found


def test_each_action_is_named_after_an_app_and_a_verb():
    labels = {config.label for config in apps.get_app_configs() if config.name.startswith("coproduce.")}
    badly_named = [action for action in ACTIONS if not re.fullmatch(r"[a-z]+\.[a-z_]+", action)]
    unknown_app = [action for action in ACTIONS if action.split(".")[0] not in labels]

    assert badly_named == []
    assert unknown_app == []


def test_every_action_the_code_records_is_declared_and_every_declared_action_is_recorded():
    recorded = recorded_actions()

    assert len(recorded) > 90, "the scan no longer finds the calls to record_event"
    assert {name: where for name, where in recorded.items() if name not in ACTIONS} == {}
    assert sorted(ACTIONS.keys() - set(recorded)) == []


def test_an_undeclared_action_is_refused_and_nothing_is_recorded(db, amina):
    with pytest.raises(ValueError, match="not declared"):
        record_event(actor=amina, action="project.archived", target=amina)

    assert not AuditEvent.objects.exists()


def test_the_events_recorded_before_are_renamed_to_declared_names():
    migration = importlib.import_module("coproduce.audit.migrations.0002_actions_named_by_app")

    assert set(migration.RENAMED.values()) <= ACTIONS.keys()
    assert not set(migration.RENAMED) & ACTIONS.keys()


def test_every_action_has_plain_words_a_person_can_read_not_its_code_name():
    """A person's own data listed "payments.offer_declined" for what was done with it (issue 17)."""
    unreadable = {
        action: words
        for action, words in ACTIONS.items()
        if not words.lstrip('"')[:1].isupper() or "_" in words or "." in words
    }
    assert unreadable == {}
