"""Personal placeholders in a newsletter's text, such as ``{first_name}``, filled in for each person.

Our own small substitution, never Django's template language: a coordinator's text is data, not code.

- ``{name}`` and the other names in ``PLACEHOLDERS`` are replaced by the person's details;
- ``{{`` and ``}}`` write a brace itself;
- anything else in braces (an unknown name such as ``{frist_name}``), or a brace left open or
  closed on its own, is a mistake that ``problems`` finds before anything is saved or sent.
"""

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from coproduce.people.models import Person

# name -> what it becomes (shown to the person writing)
PLACEHOLDERS: dict[str, str] = {
    "first_name": "the first word of the name the person likes to be called, like “Dev”",
    "name": "the name the person likes to be called, like “Dev Patel”",
    "full_name": "the person's full name",
}
# What a preview for no one in particular shows.
SAMPLE_VALUES: dict[str, str] = {"first_name": "Alex", "name": "Alex", "full_name": "Alex Sample"}

OPEN, CLOSE, LITERAL_OPEN, LITERAL_CLOSE = "{", "}", "{{", "}}"
TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
NAME = re.compile(r"[a-z_]+")


@dataclass(frozen=True)
class Problem:
    message: str


def _describe(token: str, inner: str | None) -> str:
    if inner is None:
        if token == OPEN:
            return "There is a “{” with no “}” to close it. To show a brace itself, type it twice: {{"
        return "There is a “}” with no “{” before it. To show a brace itself, type it twice: }}"
    name = inner.strip()
    if not name:
        return "There are empty braces “{}”. Put a placeholder in them, like {first_name}, or remove them"
    close = difflib.get_close_matches(name.lower(), PLACEHOLDERS, n=1)
    hint = f" Did you mean {{{close[0]}}}?" if close else ""
    known = ", ".join(f"{{{known}}}" for known in PLACEHOLDERS)
    return f"“{{{inner}}}” is not a placeholder we know.{hint} You can use {known}"


def problems(text: str) -> list[str]:
    """The mistakes in the placeholders of ``text``, in the order they appear (none: it is fine)."""
    found: list[str] = []
    for match in TOKEN.finditer(text or ""):
        token, inner = match.group(0), match.group(1)
        if token in (LITERAL_OPEN, LITERAL_CLOSE):
            continue
        if inner is not None and NAME.fullmatch(inner) and inner in PLACEHOLDERS:
            continue
        message = _describe(token, inner)
        if message not in found:
            found.append(message)
    return found


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each placeholder replaced by its value. Call only on text without ``problems``."""

    def replace(match: re.Match[str]) -> str:
        token, inner = match.group(0), match.group(1)
        if token == LITERAL_OPEN:
            return OPEN
        if token == LITERAL_CLOSE:
            return CLOSE
        if inner is not None and inner in PLACEHOLDERS:
            return values.get(inner, "")
        raise ValueError(f"Unexpected placeholder {token!r}")

    return TOKEN.sub(replace, text)


def values_for(person: Person | None) -> dict[str, str]:
    """The placeholder values for ``person`` (for no one in particular: ``SAMPLE_VALUES``)."""
    if person is None:
        return dict(SAMPLE_VALUES)
    name = person.name.strip()
    return {"first_name": name.split()[0] if name else "", "name": name, "full_name": person.full_name}
