"""What Orca says, read from its debug log, and the defects a listener would hear in it.

Orca writes each thing it says to its debug log as ``SPEECH OUTPUT: '...'`` (with the time first and, for
some voices, the voice after); a thing said that holds a line break goes on over the next lines of the log,
each indented by the width of the time. A journey is heard in steps: each step is what was said between one
action and the quiet after it, so "said once on arrival" can be counted per arrival.
"""

import re
from dataclasses import dataclass, field

SPEECH = re.compile(r"SPEECH OUTPUT: '(?P<text>.*?)'(?: voice=[\w-]+)?\s*(?:\[?\{.*\}\]?|ACSS.*)?\s*$", re.DOTALL)
# Orca's debug.println indents the lines after a line break in what it logs by the width of the time.
GOES_ON = " " * 18
# Money or any number read with more than two decimal places ("6.40000000000000").
LONG_DECIMAL = re.compile(r"\d\.\d{3,}")
ERROR_SUMMARY = "There is a problem"
# What Orca 43 says for a field marked aria-invalid (object_properties.STATE_INVALID_SPEECH).
INVALID = "invalid entry"
# Orca's summary of a page that has loaded, said just before it reads the page from the focus (say all on load).
PAGE_SUMMARY = "Page has "


def speech_lines(log: str) -> list[str]:
    """The things said, in order, from (part of) Orca's debug log, each on one line."""
    entries: list[str] = []
    for line in log.splitlines():
        if line.startswith(GOES_ON) and entries:
            entries[-1] += "\n" + line.removeprefix(GOES_ON)
        else:
            entries.append(line)
    found = (SPEECH.search(entry) for entry in entries)
    return [" ".join(said.group("text").split("\n")) for said in found if said]


@dataclass
class Step:
    """One action of the journey and what the screen reader said after it."""

    name: str
    said: list[str]
    # Expectations of the step: the error summary heard once, a field heard as invalid, the error message of
    # the field that took focus read with it (GOV.UK's "Error: ..." it is described by), a text heard once.
    error_summary: bool = False
    invalid_field: bool = False
    error_message: str = ""
    once: list[str] = field(default_factory=list)


def count(said: list[str], text: str) -> int:
    return sum(line.count(text) for line in said)


def announced(said: list[str]) -> list[str]:
    """What was said before Orca began reading the page aloud from the focus (its say all on load), which
    reads the focused error summary once more as part of the page, as it reads everything else."""
    starts = [i for i, line in enumerate(said) if line.startswith(PAGE_SUMMARY)]
    return said[: starts[0]] if starts else said


def defects(step: Step) -> list[str]:
    """What a screen reader user would hear wrong in ``step``, in plain words."""
    found = [
        f"{step.name}: a number read as a long decimal: {line!r}" for line in step.said if LONG_DECIMAL.search(line)
    ]
    if step.error_summary and (heard := count(announced(step.said), ERROR_SUMMARY)) != 1:
        found.append(f"{step.name}: the error summary ({ERROR_SUMMARY!r}) was said {heard} times, not once")
    if step.invalid_field and not any(INVALID in line for line in step.said):
        found.append(f"{step.name}: the field with an error was not said to be invalid ({INVALID!r})")
    if step.error_message and count(step.said, step.error_message) == 0:
        found.append(f"{step.name}: the field's error ({step.error_message!r}) was not read with it")
    for text in step.once:
        if (heard := count(step.said, text)) != 1:
            found.append(f"{step.name}: {text!r} was said {heard} times, not once")
    return found


def transcript(steps: list[Step]) -> str:
    """The journey as heard: each step's name, then each thing said, one a line."""
    parts = []
    for step in steps:
        parts.append(f"## {step.name}")
        parts.extend(f"  {line}" for line in step.said)
    return "\n".join(parts) + "\n"
