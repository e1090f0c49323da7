"""Personal placeholders: known ones are filled in, anything else is a clear mistake."""

from hypothesis import given
from hypothesis import strategies as st

from coproduce.newsletters.placeholders import PLACEHOLDERS, SAMPLE_VALUES, fill, problems, values_for
from coproduce.people.models import Person, PersonKind

VALUES = {"first_name": "Dev", "name": "Dev P", "full_name": "Dev Patel"}


def test_known_placeholders_are_filled_in() -> None:
    text = "Hello {first_name}. You are {name}, or {full_name} in full."
    assert problems(text) == []
    assert fill(text, VALUES) == "Hello Dev. You are Dev P, or Dev Patel in full."


def test_doubled_braces_write_a_brace_itself() -> None:
    assert problems("Use {{first_name}} to say {first_name}") == []
    assert fill("Use {{first_name}} to say {first_name}", VALUES) == "Use {first_name} to say Dev"


def test_an_unknown_placeholder_is_named_with_a_suggestion() -> None:
    found = problems("Hello {frist_name}")
    assert len(found) == 1
    assert found[0].startswith("“{frist_name}” is not a placeholder we know. Did you mean {first_name}?")
    assert "{first_name}, {name}, {full_name}" in found[0]


def test_an_unknown_placeholder_with_no_close_match_lists_the_known_ones() -> None:
    (found,) = problems("Your {postcode}")
    assert "Did you mean" not in found
    assert found.endswith("You can use {first_name}, {name}, {full_name}")


def test_broken_and_empty_braces_are_mistakes() -> None:
    assert problems("Hello {first_name") == [
        "There is a “{” with no “}” to close it. To show a brace itself, type it twice: {{"
    ]
    assert problems("Hello first_name}") == [
        "There is a “}” with no “{” before it. To show a brace itself, type it twice: }}"
    ]
    assert problems("Hello {}") == [
        "There are empty braces “{}”. Put a placeholder in them, like {first_name}, or remove them"
    ]


def test_template_syntax_is_not_run() -> None:
    # Text that looks like Django's template language is a mistake here, never code.
    assert problems("{{ settings.SECRET_KEY }}") == []
    assert fill("{{ settings.SECRET_KEY }}", VALUES) == "{ settings.SECRET_KEY }"
    assert problems("{% load static %}") != []
    assert problems("{first_name.__class__}") != []


def test_values_for_a_person_and_for_no_one() -> None:
    person = Person(full_name="Grace Okafor", preferred_name="Grace O", kind=PersonKind.CARER)
    assert values_for(person) == {"first_name": "Grace", "name": "Grace O", "full_name": "Grace Okafor"}
    assert values_for(None) == SAMPLE_VALUES


@given(st.text(alphabet=st.characters(blacklist_characters="{}")))
def test_text_without_braces_is_left_exactly_as_it_is(text: str) -> None:
    assert problems(text) == []
    assert fill(text, VALUES) == text


@given(st.lists(st.one_of(st.sampled_from(sorted(PLACEHOLDERS)), st.text(alphabet="abc {}", max_size=5))))
def test_fill_never_fails_on_text_without_problems(parts: list[str]) -> None:
    text = "".join(f"{{{part}}}" if part in PLACEHOLDERS else part for part in parts)
    if not problems(text):
        filled = fill(text, VALUES)
        # Only doubled braces ("{{first_name}}" is how to write the words themselves) leave one behind.
        if "{{" not in text and "}}" not in text:
            assert "{first_name}" not in filled
