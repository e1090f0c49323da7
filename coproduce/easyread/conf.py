"""Easy Read settings, each read from Django settings with a default (the lead sets them from the environment)."""

from django.conf import settings


def image_max_bytes() -> int:
    """The largest picture people may upload: 2 MB unless COPRODUCE_EASY_READ_IMAGE_MAX_BYTES says otherwise."""
    return int(settings.COPRODUCE_EASY_READ_IMAGE_MAX_BYTES)


def max_sentence_words() -> int:
    """Sentences longer than this get a warning (Easy Read guidance: 15 words or fewer)."""
    return int(settings.COPRODUCE_EASY_READ_MAX_SENTENCE_WORDS)


def max_pages() -> int:
    """Documents estimated longer than this many A4 pages get a warning."""
    return int(settings.COPRODUCE_EASY_READ_MAX_PAGES)


def rows_per_page() -> int:
    """How many rows fit on one A4 page, for the length estimate."""
    return int(settings.COPRODUCE_EASY_READ_ROWS_PER_PAGE)
