"""Reading reference figures from a CSV with the columns of the shipped Census 2021 file."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coproduce.refusals import Refused

CENSUS_FILE = Path(__file__).parent / "data" / "census2021_england_wales.csv"
CENSUS_NAME = "Census 2021"
CENSUS_AREA = "England and Wales"
CENSUS_SOURCE = (
    "Office for National Statistics, Census 2021 Topic Summary tables (TS007, TS007A, TS008, TS021, TS030, "
    "TS038, TS039, TS077, TS078), usual residents on Census Day, 21 March 2021. Open Government Licence v3.0. "
    "Each figure's table and cell are listed in the Census figures file that comes with Coproduce."
)
REQUIRED_COLUMNS = ("dimension", "category", "count", "universe")
MAX_ROWS = 2000
TEXT_LENGTH = 200


@dataclass(frozen=True)
class Figure:
    dimension: str
    category: str
    count: int
    universe: str


class FiguresRefused(Refused):
    """The CSV cannot be loaded: one message for each problem, keyed ``"row 7"`` for a row's problems
    (in the order of the rows), or for the whole file."""


def parse_figures(text: str) -> list[Figure]:
    """Check every row; return the figures, or raise FiguresRefused listing every problem found."""
    reader = csv.DictReader(io.StringIO(text))
    headers = [header.strip().lower() for header in reader.fieldnames or []]
    missing = [column for column in REQUIRED_COLUMNS if column not in headers]
    if missing:
        raise FiguresRefused(f"The first row must name the columns. Missing: {', '.join(missing)}")
    reader.fieldnames = headers
    figures: list[Figure] = []
    problems: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            raise FiguresRefused(f"The file has more than {MAX_ROWS} rows of figures")
        values = {column: (row.get(column) or "").strip() for column in REQUIRED_COLUMNS}
        row_problems = []
        if not values["dimension"]:
            row_problems.append("the dimension is empty")
        if not values["category"]:
            row_problems.append("the category is empty")
        if any(len(value) > TEXT_LENGTH for value in values.values()):
            row_problems.append(f"a value is longer than {TEXT_LENGTH} characters")
        count_text = values["count"].replace(",", "")
        if not count_text.isdigit():
            row_problems.append("the count must be a whole number of 0 or more")
        key = (values["dimension"], values["category"])
        if key in seen and values["dimension"] and values["category"]:
            row_problems.append("the same dimension and category appear on an earlier row")
        seen.add(key)
        if row_problems:
            problems[f"row {number}"] = f"Row {number}: {', '.join(row_problems)}"
            continue
        figures.append(Figure(values["dimension"], values["category"], int(count_text), values["universe"]))
    if problems:
        raise FiguresRefused(problems)
    if not figures:
        raise FiguresRefused("The file has no figures in it")
    return figures


def census_figures() -> list[Figure]:
    return parse_figures(CENSUS_FILE.read_text(encoding="utf-8"))


def load_census(population_model: Any, figure_model: Any) -> Any:
    """Create the Census 2021 population as the default, unless a default exists (models may be historical)."""
    existing = population_model.objects.filter(is_default=True).first()
    if existing is not None:
        return existing
    population = population_model.objects.create(
        name=CENSUS_NAME, area=CENSUS_AREA, source=CENSUS_SOURCE, is_default=True
    )
    figure_model.objects.bulk_create(
        figure_model(
            population=population,
            dimension=figure.dimension,
            category=figure.category,
            count=figure.count,
            universe=figure.universe,
        )
        for figure in census_figures()
    )
    return population
