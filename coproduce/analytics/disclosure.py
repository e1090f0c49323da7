"""Disclosure control: the one place that decides which counts about people may be published.

Every page, report, export and API that publishes numbers about people passes them through here.
Small counts could identify someone in a small network, so they are hidden and shown as ``[c]``
(the Government Analysis Function's mark for "confidential"), never ``*``, which screen readers
read badly. Three modes:

The mode used when a caller chooses none is the ``COPRODUCE_DISCLOSURE_MODE`` setting (``standard``,
``nhs_digital`` -- or ``nhs`` -- or ``strict``; default ``standard``): see ``default_mode()``.

- ``standard`` (the default): counts of 1 to 4 are hidden. Then more cells are hidden
  ("secondary suppression") until no hidden count can be worked out from the other counts and the
  row, column and grand totals. A breakdown whose total is below 10 shows only its total.
- ``nhs_digital``: counts of 1 to 7 are hidden; every other count is rounded to the nearest 5
  (totals are rounded from the true figures). Rounding, not secondary suppression, protects the
  hidden counts, as in NHS Digital's method since 2018.
- ``strict``: every count below 10, including 0, is hidden, with secondary suppression.

"Cannot be worked out" is checked, not assumed: for each hidden count, linear programming finds the
smallest and largest value it could take given everything published and that counts are never
negative. If those are the same, the count could be derived, and one more cell in its row or column
is hidden (the smallest non-zero one, so that as little as possible is lost). Percentages are never
shown with a hidden numerator or a denominator below 10.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

import numpy as np
from scipy.optimize import linprog

SUPPRESSED = "[c]"
# What a screen reader says after each [c] (see analytics/templatetags/suppressed.py).
HIDDEN_IN_WORDS = "hidden to protect privacy"
NOTE = (
    "[c] means a number is hidden to protect people's privacy. It is small enough that someone could be "
    "recognised, or it could be worked out from the other numbers in the table."
)
SMALLEST_DENOMINATOR = 10
SMALLEST_BREAKDOWN_TOTAL = 10


class Mode(StrEnum):
    STANDARD = "standard"
    NHS_DIGITAL = "nhs_digital"
    STRICT = "strict"


@dataclass(frozen=True)
class Cell:
    """One published count: ``count`` is None when it is hidden (and is rounded in NHS Digital mode)."""

    count: int | None

    @property
    def suppressed(self) -> bool:
        return self.count is None

    def __str__(self) -> str:
        return SUPPRESSED if self.count is None else f"{self.count:,}"


@dataclass(frozen=True)
class Table:
    """A published table: the cells, each row's and column's total, and the grand total."""

    mode: Mode
    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...]
    column_totals: tuple[Cell, ...]
    total: Cell
    # True when the breakdown's total was too small to publish anything but the total.
    total_only: bool

    @property
    def has_suppressed(self) -> bool:
        return any(cell.suppressed for cell in self._all_cells())

    def _all_cells(self) -> list[Cell]:
        return [cell for row in self.cells for cell in row] + [*self.row_totals, *self.column_totals, self.total]


Grid: TypeAlias = list[list[int]]


def default_mode() -> Mode:
    """The mode chosen in settings (``COPRODUCE_DISCLOSURE_MODE``), used when a caller passes none."""
    from coproduce.analytics.conf import disclosure_mode

    try:
        return Mode(disclosure_mode())
    except ValueError:
        # An unknown setting must never publish more: fall back to the strictest mode.
        return Mode.STRICT


def is_primary(count: int, mode: Mode | None = None) -> bool:
    """Whether ``count`` is too small to publish on its own in ``mode``."""
    mode = mode or default_mode()
    if count < 0:
        raise ValueError("A count of people cannot be negative.")
    if mode == Mode.STRICT:
        return count < SMALLEST_BREAKDOWN_TOTAL
    if mode == Mode.NHS_DIGITAL:
        return 1 <= count <= 7
    return 1 <= count <= 4


def round_to_five(count: int) -> int:
    """Round half up to the nearest 5 (NHS Digital: 12 -> 10, 13 -> 15)."""
    return ((count + 2) // 5) * 5


def protect_count(count: int, mode: Mode | None = None) -> Cell:
    """One figure on its own, such as "people involved this year"."""
    mode = mode or default_mode()
    if is_primary(count, mode):
        return Cell(None)
    return Cell(round_to_five(count) if mode == Mode.NHS_DIGITAL else count)


def protect_breakdown(counts: Sequence[int], mode: Mode | None = None) -> Table:
    """A one-way breakdown (for example people by age group), with its total."""
    mode = mode or default_mode()
    return protect_table([list(counts)], mode)


def protect_table(counts: Sequence[Sequence[int]], mode: Mode | None = None) -> Table:
    """A two-way table of counts (rows by columns), with row, column and grand totals."""
    mode = mode or default_mode()
    grid = [list(row) for row in counts]
    if not grid or not grid[0] or any(len(row) != len(grid[0]) for row in grid):
        raise ValueError("A table needs at least one row and column, and every row the same length.")
    for row in grid:
        for count in row:
            is_primary(count, mode)  # refuses negative counts
    augmented = _augment(grid)
    if mode == Mode.NHS_DIGITAL:
        return _rounded_table(augmented, mode)
    hidden = {(i, j) for i, row in enumerate(augmented) for j, count in enumerate(row) if is_primary(count, mode)}
    grand = augmented[-1][-1]
    # Nobody at all: in standard mode there is nothing to protect, and zeros are published.
    total_only = grand < SMALLEST_BREAKDOWN_TOTAL and not (grand == 0 and mode == Mode.STANDARD)
    if total_only:
        # Too few people to break down at all: only the grand total (if it may be shown on its own).
        hidden |= {(i, j) for i in range(len(augmented)) for j in range(len(augmented[0]))}
        if not is_primary(grand, mode):
            hidden -= _with_mirrors(augmented, {(len(augmented) - 1, len(augmented[0]) - 1)})
    else:
        hidden = _secondary_suppression(augmented, _with_mirrors(augmented, hidden))
    return _table(augmented, hidden, mode, total_only=total_only)


def percentage(numerator: Cell, denominator: Cell, *, places: int = 0) -> str:
    """A percentage that is safe to publish, or ``[c]``."""
    if numerator.count is None or denominator.count is None or denominator.count < SMALLEST_DENOMINATOR:
        return SUPPRESSED
    value = 100 * numerator.count / denominator.count
    return f"{value:.{places}f}%"


def derivable_bounds(augmented: Grid, hidden: set[tuple[int, int]]) -> dict[tuple[int, int], tuple[float, float]]:
    """The smallest and largest value each hidden entry could take, given everything published.

    ``augmented`` is the table with each row's total as its last column and each column's total as
    its last row (the grand total in the corner).
    """
    variables = sorted(hidden)
    if not variables:
        return {}
    index = {position: k for k, position in enumerate(variables)}
    equations, targets = [], []
    rows, columns = len(augmented), len(augmented[0])
    lines = [[(i, j) for j in range(columns)] for i in range(rows)] + [
        [(i, j) for i in range(rows)] for j in range(columns)
    ]
    for line in lines:
        *parts, total = line
        coefficients = np.zeros(len(variables))
        target = 0.0
        for position, sign in [*((part, 1.0) for part in parts), (total, -1.0)]:
            if position in index:
                coefficients[index[position]] += sign
            else:
                target -= sign * augmented[position[0]][position[1]]
        if coefficients.any():
            equations.append(coefficients)
            targets.append(target)
    bounds: dict[tuple[int, int], tuple[float, float]] = {}
    a_eq = np.array(equations) if equations else None
    b_eq = np.array(targets) if targets else None
    for position, k in index.items():
        objective = np.zeros(len(variables))
        objective[k] = 1.0
        low = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        high = linprog(-objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        upper = float("inf") if high.status == 3 else -high.fun  # status 3: unbounded
        bounds[position] = (low.fun, upper)
    return bounds


def _with_mirrors(augmented: Grid, positions: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """In a table of one row, each column's total is the cell itself (and likewise for one column):
    hiding one means hiding both, or the total would give the cell away."""
    mirrored = set(positions)
    if len(augmented) == 2:
        mirrored |= {(1 - i, j) for i, j in positions}
    if len(augmented[0]) == 2:
        mirrored |= {(i, 1 - j) for i, j in mirrored}
    return mirrored


def _augment(grid: Grid) -> Grid:
    augmented = [[*row, sum(row)] for row in grid]
    augmented.append([sum(column) for column in zip(*augmented, strict=True)])
    return augmented


def _secondary_suppression(augmented: Grid, hidden: set[tuple[int, int]]) -> set[tuple[int, int]]:
    hidden = set(hidden)
    while True:
        exposed = [
            position for position, (low, high) in derivable_bounds(augmented, hidden).items() if high - low < 1 - 1e-9
        ]
        if not exposed:
            return hidden
        extra = _next_to_hide(augmented, hidden, exposed)
        if extra is None:
            # Nothing left in their rows or columns to hide: hide the whole table but the grand total.
            corner = (len(augmented) - 1, len(augmented[0]) - 1)
            everything = {(i, j) for i in range(len(augmented)) for j in range(len(augmented[0]))}
            return everything if corner in hidden else everything - _with_mirrors(augmented, {corner})
        hidden |= _with_mirrors(augmented, {extra})


def _next_to_hide(
    augmented: Grid, hidden: set[tuple[int, int]], exposed: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The best cell to hide to protect the ``exposed`` ones: in the row or column of one of them,
    inner cells before totals, non-zero before zero (hiding a known zero protects little), smallest first."""
    rows, columns = len(augmented), len(augmented[0])
    candidates: set[tuple[int, int]] = set()
    for i, j in exposed:
        candidates |= {(i, k) for k in range(columns)} | {(k, j) for k in range(rows)}
    candidates -= hidden

    inner_hidden = {(r, c) for r, c in hidden if r < rows - 1 and c < columns - 1}
    hidden_rows = {r for r, _ in inner_hidden}
    hidden_columns = {c for _, c in inner_hidden}

    def cost(position: tuple[int, int]) -> tuple[bool, bool, int, int, tuple[int, int]]:
        r, c = position
        is_total = r == rows - 1 or c == columns - 1
        value = augmented[r][c]
        # A cell whose row and column both hold hidden cells closes a rectangle: one cell protecting two.
        links = (r in hidden_rows) + (c in hidden_columns)
        return (is_total, value == 0, -links, value, position)

    return min(candidates, key=cost) if candidates else None


def _table(augmented: Grid, hidden: set[tuple[int, int]], mode: Mode, *, total_only: bool) -> Table:
    def cell(i: int, j: int) -> Cell:
        return Cell(None if (i, j) in hidden else augmented[i][j])

    rows, columns = len(augmented) - 1, len(augmented[0]) - 1
    return Table(
        mode=mode,
        cells=tuple(tuple(cell(i, j) for j in range(columns)) for i in range(rows)),
        row_totals=tuple(cell(i, columns) for i in range(rows)),
        column_totals=tuple(cell(rows, j) for j in range(columns)),
        total=cell(rows, columns),
        total_only=total_only,
    )


def _rounded_table(augmented: Grid, mode: Mode) -> Table:
    rows, columns = len(augmented) - 1, len(augmented[0]) - 1

    def cell(i: int, j: int) -> Cell:
        return protect_count(augmented[i][j], mode)

    return Table(
        mode=mode,
        cells=tuple(tuple(cell(i, j) for j in range(columns)) for i in range(rows)),
        row_totals=tuple(cell(i, columns) for i in range(rows)),
        column_totals=tuple(cell(rows, j) for j in range(columns)),
        total=cell(rows, columns),
        total_only=False,
    )
