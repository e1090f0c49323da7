"""The report's tables as one GOV.UK component: ``{% count_table caption rows "label:Heading" "#value:Count" %}``."""

from dataclasses import dataclass
from typing import Any

from django import template

register = template.Library()


@dataclass(frozen=True)
class Column:
    heading: str
    attribute: str  # what each row shows in this column: an attribute or key, as in a template
    numeric: bool  # counts are right-aligned (GOV.UK numeric cells)

    @classmethod
    def parse(cls, spec: str) -> "Column":
        """``"label:Kind of activity"``, or ``"#value:Activities"`` for a column of counts."""
        attribute, _, heading = spec.partition(":")
        return cls(heading=heading, attribute=attribute.lstrip("#"), numeric=attribute.startswith("#"))


@dataclass(frozen=True)
class Cell:
    value: Any
    numeric: bool


@register.inclusion_tag("reports/components/count_table.html")
def count_table(caption: str, rows: Any, *columns: str, in_all: Any = None, total: Any = None) -> dict[str, Any]:
    """A table with its caption and one column per spec in ``columns``, a row for each of ``rows``.

    ``in_all`` adds "(N in all)" to the caption; ``total`` adds a last row, "Total", for a table of one
    column of counts. Counts come as they are (``[c]`` where disclosure control hid one).
    """
    parsed = [Column.parse(spec) for spec in columns]
    return {
        "caption": caption,
        "in_all": in_all,
        "columns": parsed,
        "rows": [
            [
                Cell(template.Variable(f"row.{column.attribute}").resolve({"row": row}), column.numeric)
                for column in parsed
            ]
            for row in rows
        ],
        "total": total,
    }
