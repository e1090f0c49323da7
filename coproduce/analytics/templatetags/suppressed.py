"""``{{ figure|disclosed }}``: a published figure, with every ``[c]`` in it explained where it appears.

A bare "[c]" means nothing to someone who has not read the note at the foot of the page, and a
screen reader reads it as "left bracket c right bracket". Each one is followed by words that only
screen readers read ("hidden to protect privacy"); the page's visible note says what [c] means.
A title attribute would not do: keyboard and touch users never see it.

Loaded as a template builtin (see TEMPLATES in settings), so no ``{% load %}`` is needed. Works on a
``Cell``, a string such as "[c]" or "75%", or a sentence with several [c] in it.
"""

from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from coproduce.analytics.disclosure import HIDDEN_IN_WORDS, SUPPRESSED

register = template.Library()

EXPLAINED = format_html('{}<span class="govuk-visually-hidden"> ({})</span>', SUPPRESSED, HIDDEN_IN_WORDS)


@register.filter
def disclosed(figure: Any) -> SafeString:
    """The figure, escaped, with each [c] followed by its explanation for screen readers."""
    text = conditional_escape(figure)
    # Escaping leaves "[c]" as it is, and the explanation is our own markup: safe to join.
    return mark_safe(text.replace(SUPPRESSED, EXPLAINED))  # noqa: S308
