"""Disclosure control: hidden counts stay hidden, whatever the table."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from coproduce.analytics.disclosure import (
    NOTE,
    SUPPRESSED,
    Cell,
    Mode,
    Table,
    percentage,
    protect_breakdown,
    protect_count,
    protect_table,
    round_to_five,
)


def shown(table: Table) -> list[list[str]]:
    """The table as published: cells with each row's total, then the column totals and the grand total."""
    rows = [[*map(str, row), str(total)] for row, total in zip(table.cells, table.row_totals, strict=True)]
    return [*rows, [*map(str, table.column_totals), str(table.total)]]


def attacker_bounds(table: Table) -> list[tuple[float, float]]:
    """What someone could work out about each hidden number from the published table alone.

    Written independently of the module: unknowns are the published "[c]" entries, the equations are
    "cells add up to their row and column totals", and counts are never negative.
    """
    grid = shown(table)
    unknowns = [(i, j) for i, row in enumerate(grid) for j, value in enumerate(row) if value == SUPPRESSED]
    if not unknowns:
        return []
    lines = [[(i, j) for j in range(len(grid[0]))] for i in range(len(grid))]
    lines += [[(i, j) for i in range(len(grid))] for j in range(len(grid[0]))]
    # A table of one row publishes each cell twice (as the cell and as its column's total), and
    # likewise for one column: those lines say "cell = total", which the equations below include.
    a_eq, b_eq = [], []
    for line in lines:
        coefficients = np.zeros(len(unknowns))
        target = 0.0
        for k, (i, j) in enumerate(line):
            sign = -1.0 if k == len(line) - 1 else 1.0
            if grid[i][j] == SUPPRESSED:
                coefficients[unknowns.index((i, j))] += sign
            else:
                target -= sign * int(grid[i][j].replace(",", ""))
        if coefficients.any():
            a_eq.append(coefficients)
            b_eq.append(target)
    results = []
    for k in range(len(unknowns)):
        c = np.zeros(len(unknowns))
        c[k] = 1
        low = linprog(c, A_eq=np.array(a_eq), b_eq=np.array(b_eq), bounds=(0, None), method="highs")
        high = linprog(-c, A_eq=np.array(a_eq), b_eq=np.array(b_eq), bounds=(0, None), method="highs")
        assert low.status == 0, "the published table must be consistent"
        results.append((low.fun, float("inf") if high.status == 3 else -high.fun))
    return results


tables = st.integers(min_value=1, max_value=4).flatmap(
    lambda rows: st.integers(min_value=1, max_value=4).flatmap(
        lambda columns: st.lists(
            st.lists(
                st.one_of(st.integers(min_value=0, max_value=9), st.integers(min_value=0, max_value=60)),
                min_size=columns,
                max_size=columns,
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(counts=tables, mode=st.sampled_from([Mode.STANDARD, Mode.STRICT]))
def test_no_hidden_count_can_be_worked_out_from_what_is_published(counts, mode):
    table = protect_table(counts, mode)

    for low, high in attacker_bounds(table):
        # Standard mode publishes zeros, so learning that a hidden cell is 0 discloses nothing it would
        # not have shown anyway; any other hidden count must have at least two possible values.
        zero_in_standard_mode = mode == Mode.STANDARD and high < 0.5
        assert high - low >= 1 - 1e-9 or zero_in_standard_mode, f"a hidden count is pinned to {low}: {shown(table)}"


@settings(max_examples=200, deadline=None)
@given(counts=tables, mode=st.sampled_from(list(Mode)))
def test_small_counts_are_never_published(counts, mode):
    table = protect_table(counts, mode)
    smallest_allowed = {Mode.STANDARD: 5, Mode.NHS_DIGITAL: 8, Mode.STRICT: 10}[mode]

    for row in shown(table):
        for value in row:
            assert value == SUPPRESSED or (value == "0" and mode != Mode.STRICT) or int(value) >= smallest_allowed
            assert "*" not in value


@settings(max_examples=200, deadline=None)
@given(counts=tables)
def test_published_counts_are_true_in_standard_mode(counts):
    table = protect_table(counts)
    truth = [[*row, sum(row)] for row in counts]
    truth.append([sum(column) for column in zip(*truth, strict=True)])

    for shown_row, true_row in zip(shown(table), truth, strict=True):
        for value, true in zip(shown_row, true_row, strict=True):
            assert value == SUPPRESSED or int(value.replace(",", "")) == true


def test_two_by_two_with_one_small_cell_hides_all_four_cells_but_keeps_the_totals():
    # With the 3 hidden alone, 23 - 20 would give it away; the row and column totals then force
    # the other three cells to be hidden too.
    table = protect_table([[3, 20], [15, 30]])

    assert shown(table) == [["[c]", "[c]", "23"], ["[c]", "[c]", "45"], ["18", "50", "68"]]


def test_two_small_cells_are_protected_with_as_few_other_cells_as_possible():
    table = protect_table([[3, 20, 7], [15, 30, 8], [12, 2, 40]])

    hidden = sum(cell.suppressed for row in table.cells for cell in row)
    assert hidden == 4  # one rectangle protects both small counts


def test_breakdown_hides_a_small_group_and_one_more():
    table = protect_breakdown([3, 20, 15, 40])

    assert [str(cell) for cell in table.cells[0]] == ["[c]", "20", "[c]", "40"]
    assert str(table.total) == "78"


def test_breakdown_with_a_total_below_ten_shows_only_the_total():
    table = protect_breakdown([3, 3, 2])

    assert table.total_only
    assert [str(cell) for cell in table.cells[0]] == [SUPPRESSED] * 3
    assert str(table.total) == "8"
    assert str(table.row_totals[0]) == "8"


def test_breakdown_total_of_one_to_four_hides_even_the_total():
    assert str(protect_breakdown([1, 2]).total) == SUPPRESSED


def test_zero_is_shown_in_standard_mode_and_hidden_in_strict_mode():
    assert str(protect_count(0)) == "0"
    assert str(protect_count(0, Mode.STRICT)) == SUPPRESSED
    assert str(protect_count(9, Mode.STRICT)) == SUPPRESSED
    assert str(protect_count(10, Mode.STRICT)) == "10"


@pytest.mark.parametrize(("count", "shown_as"), [(0, "0"), (1, "[c]"), (7, "[c]"), (8, "10"), (12, "10"), (13, "15")])
def test_nhs_digital_mode_hides_one_to_seven_and_rounds_to_five(count, shown_as):
    assert str(protect_count(count, Mode.NHS_DIGITAL)) == shown_as


def test_nhs_digital_totals_are_rounded_from_the_true_figures():
    table = protect_table([[8, 9], [12, 14]], Mode.NHS_DIGITAL)

    assert shown(table) == [["10", "10", "15"], ["10", "15", "25"], ["20", "25", "45"]]
    assert round_to_five(42) == 40


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (Cell(5), Cell(20), "25%"),
        (Cell(None), Cell(20), SUPPRESSED),  # a hidden numerator
        (Cell(5), Cell(9), SUPPRESSED),  # a denominator below 10
        (Cell(5), Cell(None), SUPPRESSED),
        (Cell(0), Cell(10), "0%"),
    ],
)
def test_percentages_are_hidden_with_a_hidden_numerator_or_a_small_denominator(numerator, denominator, expected):
    assert percentage(numerator, denominator) == expected


def test_negative_counts_and_ragged_tables_are_refused():
    with pytest.raises(ValueError, match="negative"):
        protect_table([[1, -2]])
    with pytest.raises(ValueError, match="same length"):
        protect_table([[1, 2], [3]])


def test_the_note_explains_the_mark_and_never_uses_a_star():
    assert NOTE.startswith("[c] means")
    assert "*" not in NOTE
