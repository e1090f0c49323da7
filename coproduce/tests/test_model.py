"""Tests for the co-production model as data (no database needed)."""

from __future__ import annotations

import dataclasses

import pytest

from coproduce import model
from coproduce.model import (
    DEFINITION_PLAIN,
    DEFINITION_SEED,
    LADDER,
    STAGE_ORDER,
    STAGES,
    STEPS,
    VALUES,
    LadderRung,
    Stage,
    next_stage,
    step,
    value,
)

# The relevant parts of the seed document ("A Co-production Model", July 2023),
# copied here so the project can test without the shared seed file. As in the
# model, the organisation's name is replaced with "the organisation"; trailing
# spaces and list numbers are left out.
SEED_DEFINITION = (
    "Co-production is a way of working that empowers people to participate in "
    "the differing stages of design, development, implementation and evaluation "
    "of a project or service. Traditionally, decisions have been made by people "
    "deemed to have professional expertise and power, rather than those who need "
    "a service or should be involved in things that impact upon them."
)

SEED_VALUES = (
    "Ownership, understanding, and support of co-production by all.",
    "Development of a culture of openness and honesty.",
    "A commitment to sharing power and decisions with others.",
    "Clear and accessible communication.",
    "Working within a culture where people are valued, listened to, and respected.",
)

SEED_STEPS = (
    "Get agreement from members, allies, and partners to champion co-production.",
    (
        "Ensure a range of people are encouraged, supported, and are actively "
        "involved in all aspects of co-production. Take positive steps to include "
        "underrepresented groups."
    ),
    "Always acknowledge the contributions people make.",
    (
        "Identify where co-production can be most effective in taking the "
        "organisation forward and involve people at the very earliest stages of "
        "project design."
    ),
    (
        "Train and develop members, allies, and partners so that everyone "
        "understands what co-production is and how to make it happen."
    ),
    "Regularly review and report back on progress.",
)

SEED_TEXT = "\n\n".join(
    [
        SEED_DEFINITION,
        *(f"{n}. {text}" for n, text in enumerate(SEED_VALUES, start=1)),
        *(f"{n}. {text}" for n, text in enumerate(SEED_STEPS, start=1)),
    ]
)

MAX_AVERAGE_WORDS = 15


def _average_sentence_words(text: str) -> float:
    sentences = [s.split() for s in text.split(".") if s.strip()]
    return sum(len(words) for words in sentences) / len(sentences)


def _all_plain_texts() -> list[tuple[str, str]]:
    texts = [("DEFINITION_PLAIN", DEFINITION_PLAIN)]
    texts += [(f"value {v.number}", v.plain) for v in VALUES]
    texts += [(f"step {s.number}", s.plain) for s in STEPS]
    texts += [(f"stage {s.stage}", s.plain) for s in STAGES]
    texts += [(f"rung {r.rung}", r.plain) for r in LADDER]
    return texts


# --- Values -------------------------------------------------------------------


def test_values_are_five_numbered_one_to_five() -> None:
    assert len(VALUES) == 5
    assert [v.number for v in VALUES] == [1, 2, 3, 4, 5]


def test_values_seed_text_matches_seed_verbatim() -> None:
    assert tuple(v.seed_text for v in VALUES) == SEED_VALUES
    for v in VALUES:
        assert v.seed_text in SEED_TEXT


def test_value_lookup_returns_matching_value() -> None:
    for v in VALUES:
        assert value(v.number) is v


@pytest.mark.parametrize("number", [0, 6, -1])
def test_value_lookup_raises_lookup_error_for_unknown_number(number: int) -> None:
    with pytest.raises(LookupError):
        value(number)


# --- Steps --------------------------------------------------------------------


def test_steps_are_six_numbered_one_to_six() -> None:
    assert len(STEPS) == 6
    assert [s.number for s in STEPS] == [1, 2, 3, 4, 5, 6]


def test_steps_seed_text_matches_seed_verbatim() -> None:
    assert tuple(s.seed_text for s in STEPS) == SEED_STEPS
    for s in STEPS:
        assert s.seed_text in SEED_TEXT


def test_step_seed_text_refers_to_the_organisation() -> None:
    assert "taking the organisation forward" in step(4).seed_text


def test_step_lookup_returns_matching_step() -> None:
    for s in STEPS:
        assert step(s.number) is s


@pytest.mark.parametrize("number", [0, 7, -1])
def test_step_lookup_raises_lookup_error_for_unknown_number(number: int) -> None:
    with pytest.raises(LookupError):
        step(number)


# --- Definition ---------------------------------------------------------------


def test_definition_seed_matches_seed_verbatim() -> None:
    assert DEFINITION_SEED == SEED_DEFINITION
    assert DEFINITION_SEED in SEED_TEXT


def test_definition_plain_has_two_or_three_sentences() -> None:
    sentences = [s for s in DEFINITION_PLAIN.split(".") if s.strip()]
    assert 2 <= len(sentences) <= 3


# --- Stages -------------------------------------------------------------------


def test_stage_order_is_design_development_implementation_evaluation() -> None:
    assert STAGE_ORDER == (
        Stage.DESIGN,
        Stage.DEVELOPMENT,
        Stage.IMPLEMENTATION,
        Stage.EVALUATION,
    )
    assert tuple(Stage) == STAGE_ORDER


def test_next_stage_follows_stage_order() -> None:
    assert next_stage(Stage.DESIGN) is Stage.DEVELOPMENT
    assert next_stage(Stage.DEVELOPMENT) is Stage.IMPLEMENTATION
    assert next_stage(Stage.IMPLEMENTATION) is Stage.EVALUATION


def test_next_stage_returns_none_after_evaluation() -> None:
    assert next_stage(Stage.EVALUATION) is None


def test_stages_info_covers_each_stage_in_order() -> None:
    assert tuple(s.stage for s in STAGES) == STAGE_ORDER


def test_stages_plain_is_one_sentence() -> None:
    for info in STAGES:
        assert len([s for s in info.plain.split(".") if s.strip()]) == 1, info.stage


# --- Ladder -------------------------------------------------------------------


def test_ladder_order_is_lowest_first() -> None:
    assert tuple(r.rung for r in LADDER) == (
        LadderRung.COERCION,
        LadderRung.EDUCATING,
        LadderRung.INFORMING,
        LadderRung.CONSULTATION,
        LadderRung.ENGAGEMENT,
        LadderRung.CO_DESIGN,
        LadderRung.CO_PRODUCTION,
    )
    assert tuple(r.rung for r in LADDER) == tuple(LadderRung)


def test_ladder_rung_values_and_labels() -> None:
    assert LadderRung.CO_DESIGN.value == "co_design"
    assert LadderRung.CO_DESIGN.label == "Co-design"
    assert LadderRung.CO_PRODUCTION.value == "co_production"
    assert LadderRung.CO_PRODUCTION.label == "Co-production"


def test_ladder_only_co_design_and_co_production_are_co_production() -> None:
    co_production = {r.rung for r in LADDER if r.is_co_production}
    assert co_production == {LadderRung.CO_DESIGN, LadderRung.CO_PRODUCTION}


# --- Shared rules -------------------------------------------------------------


def test_slugs_are_unique() -> None:
    slugs = [v.slug for v in VALUES] + [s.slug for s in STEPS]
    assert len(slugs) == len(set(slugs))


def test_slugs_are_lowercase_hyphenated() -> None:
    for slug in [v.slug for v in VALUES] + [s.slug for s in STEPS]:
        assert slug == slug.lower()
        assert all(part.isalpha() for part in slug.split("-")), slug


def test_plain_sentences_average_under_fifteen_words() -> None:
    for name, text in _all_plain_texts():
        assert _average_sentence_words(text) < MAX_AVERAGE_WORDS, name


def test_model_objects_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        VALUES[0].title = "Changed"  # type: ignore[misc]


def test_model_exports_public_names() -> None:
    for name in model.__all__:
        assert hasattr(model, name), name
