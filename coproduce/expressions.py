"""Database expressions shared by the apps."""

from datetime import timedelta
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import DateTimeField, Func
from django.db.models.sql.compiler import SQLCompiler


class PlusDays(Func):
    """A date and time ``days`` whole days later, worked out in the database.

    Django's general ``F("moment") + timedelta(...)`` calls back into Python once a row on SQLite,
    which is slow over a period's records (a second for a quarter of a national network's
    contributions). Here SQLite uses its own date arithmetic, keeping the text form Django stores
    (microseconds and all, so comparisons stay exact), and other databases add an interval.
    """

    output_field = DateTimeField()
    arity = 1

    def __init__(self, expression: Any, days: int) -> None:
        super().__init__(expression)
        self.days = days

    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} + %s)", [*params, timedelta(days=self.days)]

    def as_sqlite(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.source_expressions[0])
        # "YYYY-MM-DD HH:MM:SS" moved on, then the original fraction of a second (if any) kept.
        shifted = f"strftime('%%Y-%%m-%%d %%H:%%M:%%S', {sql}, %s) || substr({sql}, 20)"
        return shifted, [*params, f"+{self.days} days", *params]
