import pytest

from coproduce.learning.services.charter import ensure_learning_defaults


@pytest.fixture(autouse=True)
def learning_defaults(db) -> None:
    """Charter version 1 and the four courses (made by the data migration; put back after a flush)."""
    ensure_learning_defaults()
