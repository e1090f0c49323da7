"""Display preferences: how pages (and PDFs made for a person) look for them.

Each preference has a fixed key. Keys travel in a cookie and in the session, and become CSS classes on
``<html>``; only keys in ``CHOICES`` are ever read back, so nothing a browser sends reaches the HTML.
"""

from collections.abc import Iterable
from dataclasses import dataclass

# key -> the label a person chooses it by
CHOICES: dict[str, str] = {
    "large-text": "Larger text",
    "high-contrast": "Higher contrast: black text on a white background",
    "more-spacing": "More space between lines, words and letters",
    "dyslexia-font": "A plainer, wider font that many people with dyslexia find easier to read",
    "reduce-motion": "Less movement: turn off animations",
}
COOKIE_NAME = "coproduce_display"
SESSION_KEY = "coproduce_display"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
SEPARATOR = "."
# Larger text in a PDF means large print: 18 point, the size RNIB suggests as a starting point (one of
# coproduce.pdf.LARGE_PRINT_POINTS); standard print is 12 point.
STANDARD_PRINT_SIZE = 12
LARGE_PRINT_SIZE = 18


@dataclass(frozen=True)
class Preferences:
    large_text: bool = False
    high_contrast: bool = False
    more_spacing: bool = False
    dyslexia_font: bool = False
    reduce_motion: bool = False

    @classmethod
    def from_keys(cls, keys: Iterable[str]) -> "Preferences":
        chosen = {key for key in keys if key in CHOICES}
        return cls(**{key.replace("-", "_"): True for key in chosen})

    @classmethod
    def from_cookie(cls, value: str | None) -> "Preferences":
        return cls.from_keys((value or "").split(SEPARATOR))

    @property
    def keys(self) -> list[str]:
        return [key for key in CHOICES if getattr(self, key.replace("-", "_"))]

    @property
    def cookie_value(self) -> str:
        return SEPARATOR.join(self.keys)

    @property
    def html_classes(self) -> str:
        """Classes for ``<html>``, for example "app-display--large-text app-display--high-contrast"."""
        return " ".join(f"app-display--{key}" for key in self.keys)

    @property
    def pdf_points(self) -> int:
        return LARGE_PRINT_SIZE if self.large_text else STANDARD_PRINT_SIZE

    def __bool__(self) -> bool:
        return bool(self.keys)


STANDARD = Preferences()
