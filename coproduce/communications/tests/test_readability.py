"""The plain-language figures: hand-checked passages, thresholds, and no network needed."""

import socket
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduce.communications import readability
from coproduce.communications.readability import measure, sentences_in, word_syllables, words_in

# Passage 1, plain. Hand count:
#   "We will meet at the library."   6 words; syllables 1+1+1+1+1+3 (li-brar-y) = 8
#   "Bring a friend if you like."    6 words; 6 syllables
#   "There will be tea and cake."    6 words; 6 syllables
#   18 words, 3 sentences, 20 syllables: 6 words a sentence, 20/18 = 1.1111 syllables a word.
#   Reading ease = 206.835 - 1.015 x 6 - 84.6 x 1.1111 = 206.835 - 6.09 - 94.0 = 106.745 -> 106.7
#   Grade = 0.39 x 6 + 11.8 x 1.1111 - 15.59 = 2.34 + 13.1111 - 15.59 = -0.1389 -> -0.1
#   Reading age = grade + 5 = 4.86, raised to the floor of 5.0.
PLAIN = "We will meet at the library. Bring a friend if you like. There will be tea and cake."

# Passage 2, hard: one sentence of 26 words, then one of 3. Hand count of syllables:
#   The 1, or-gan-i-sa-tion's 5, com-mis-sion-ing 4, part-ners 2, will 1, joint-ly 2, e-val-u-ate 4,
#   the 1, ac-ces-si-bil-i-ty 6, of 1, trans-por-ta-tion 4, in-fra-struc-ture 4, con-sid-er-ing 4,
#   rep-re-sen-ta-tions 5, from 1, lo-cal 2, dis-a-bled 3, res-i-dents 3, car-ers 2, and 1,
#   com-mu-ni-ty 4, or-gan-i-sa-tions 5, through-out 2, the 1, con-sul-ta-tion 4, pe-ri-od 3  = 75
#   Ev-ery-one 3, may 1, com-ment 2 = 6
#   29 words, 2 sentences, 81 syllables: 14.5 words a sentence, 81/29 = 2.7931 syllables a word.
#   Reading ease = 206.835 - 1.015 x 14.5 - 84.6 x 2.7931 = 206.835 - 14.7175 - 236.2966 = -44.179 -> -44.2
#   Grade = 0.39 x 14.5 + 11.8 x 2.7931 - 15.59 = 5.655 + 32.9586 - 15.59 = 23.0236 -> 23.0
#   Reading age = 28.0
LONG_SENTENCE = (
    "The organisation's commissioning partners will jointly evaluate the accessibility of transportation "
    "infrastructure, considering representations from local disabled residents, carers and community "
    "organisations throughout the consultation period."
)
HARD = f"{LONG_SENTENCE} Everyone may comment."


def test_plain_passage_matches_the_hand_count() -> None:
    result = measure(PLAIN)

    assert result is not None
    assert (result.words, result.sentences, result.syllables) == (18, 3, 20)
    assert round(result.reading_ease, 1) == 106.7
    assert round(result.grade, 1) == -0.1
    assert round(result.reading_age, 1) == 5.0
    assert round(result.average_sentence_length, 1) == 6.0
    assert result.long_sentences == ()
    assert result.warnings == ()
    assert result.is_plain


def test_hard_passage_matches_the_hand_count_and_warns() -> None:
    result = measure(HARD)

    assert result is not None
    assert (result.words, result.sentences, result.syllables) == (29, 2, 81)
    assert round(result.reading_ease, 1) == -44.2
    assert round(result.grade, 1) == 23.0
    assert round(result.reading_age, 1) == 28.0
    assert round(result.average_sentence_length, 1) == 14.5
    assert [(s.text, s.words) for s in result.long_sentences] == [(LONG_SENTENCE, 26)]
    assert result.warnings == (
        "This text may be hard to read. Its reading ease is -44: aim for 60 or more. "
        "Use shorter sentences and everyday words.",
        "1 sentence is longer than 25 words. Split long sentences into shorter ones.",
    )


def test_works_with_the_network_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> None:
        raise OSError("The network is blocked in this test.")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    readability._pronunciations.cache_clear()  # load the dictionary again, offline

    result = measure(PLAIN)

    assert result is not None
    assert round(result.reading_ease, 1) == 106.7
    assert round(result.grade, 1) == -0.1


def test_thresholds_come_from_settings(settings: Any) -> None:
    settings.COPRODUCE_READING_EASE_TARGET = 110
    settings.COPRODUCE_LONG_SENTENCE_WORDS = 5

    result = measure(PLAIN)

    assert result is not None
    assert result.warnings[0].startswith("This text may be hard to read. Its reading ease is 107: aim for 110 or more.")
    assert result.warnings[1] == "3 sentences are longer than 5 words. Split long sentences into shorter ones."
    assert len(result.long_sentences) == 3


def test_text_without_words_has_no_figures() -> None:
    assert measure("") is None
    assert measure("  ... \n !? ") is None


def test_each_line_is_a_sentence_even_without_a_full_stop() -> None:
    assert sentences_in("We will talk about bus stops\nYou can say what you think") == [
        "We will talk about bus stops",
        "You can say what you think",
    ]
    assert sentences_in('She said "yes." Then we left! Did we? Yes.') == [
        'She said "yes."',
        "Then we left!",
        "Did we?",
        "Yes.",
    ]


def test_words_keep_apostrophes_and_hyphens() -> None:
    assert words_in("Don't miss the step-free route, 12 stops.") == [
        "Don't",
        "miss",
        "the",
        "step-free",
        "route",
        "12",
        "stops",
    ]


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("library", 3),
        ("Everyone", 3),
        ("step-free", 2),  # not in the dictionary: its parts are
        ("Coproduce", 3),  # not in the dictionary: groups of vowels, less the silent "e"
        ("table", 2),
        ("12", 1),
    ],
)
def test_syllables(word: str, syllables: int) -> None:
    assert word_syllables(word) == syllables


@given(st.text(max_size=300))
def test_any_text_gives_figures_or_none_and_never_fails(text: str) -> None:
    result = measure(text)
    if result is not None:
        assert result.words >= result.sentences >= 1
        assert result.syllables >= result.words
        assert result.reading_age >= 5
