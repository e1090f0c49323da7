"""The link shapes the home page lists."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    """A link with an optional count (said in words, such as "3, 1 late") and hint."""

    label: str
    url: str
    hint: str = ""
    count: str = ""


@dataclass(frozen=True)
class Group:
    """Work lists under one heading."""

    heading: str
    links: list[Link] = field(default_factory=list)


def how_many(number: int, what: str, *, none: str = "none") -> str:
    """ "3 coming up", or ``none`` when there are none."""
    return f"{number} {what}" if number else none
