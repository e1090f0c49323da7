"""Is a group of people involved as often as its share of the reference population would lead us to expect?

For one group (for example disabled people) we know how many of the people involved belong to it
(``observed``) out of all those who answered (``answered``), and the group's share of a reference
population (for example Census 2021). Small networks give small numbers, and small numbers swing by
chance, so a group is only called "fewer than expected" when the reference share lies above the 95%
exact (Clopper-Pearson) interval of the observed share — and only when the counts themselves may be
published under disclosure control. The exact binomial test's p-value is reported beside it.
"""

from dataclasses import dataclass
from enum import StrEnum

from scipy.stats import binomtest

from coproduce.analytics.disclosure import Mode, is_primary

ALPHA = 0.05


class Verdict(StrEnum):
    FEWER = "fewer"
    MORE = "more"
    AS_EXPECTED = "as_expected"
    NOT_ENOUGH = "not_enough"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS = {
    Verdict.FEWER: "Fewer than expected",
    Verdict.MORE: "More than expected",
    Verdict.AS_EXPECTED: "About as expected",
    Verdict.NOT_ENOUGH: "Too few answers to tell",
}


@dataclass(frozen=True)
class Comparison:
    observed: int
    answered: int
    reference_share: float
    # The group's share among those involved, and its 95% exact (Clopper-Pearson) interval.
    share: float
    low: float
    high: float
    # Observed share ÷ reference share: 1 means "as in the population", 0.5 "half as many".
    ratio: float
    p_value: float
    verdict: Verdict


def compare(observed: int, answered: int, reference_share: float, *, mode: Mode | None = None) -> Comparison:
    """Compare ``observed`` of ``answered`` people with a reference share between 0 and 1."""
    if not 0 < reference_share < 1:
        raise ValueError("The reference share must be between 0 and 1.")
    if answered < 0 or not 0 <= observed <= answered:
        raise ValueError("The group cannot be larger than the number of people who answered.")
    if answered == 0:
        return Comparison(observed, 0, reference_share, 0.0, 0.0, 1.0, 0.0, 1.0, Verdict.NOT_ENOUGH)
    test = binomtest(observed, answered, reference_share)
    interval = test.proportion_ci(confidence_level=1 - ALPHA, method="exact")
    share = observed / answered
    # A verdict names a group's size: only give one when the counts could be published.
    publishable = not is_primary(observed, mode) and not is_primary(answered - observed, mode)
    # The verdict follows the interval people see: the reference share lies outside it. (The test's
    # two-sided p-value can disagree with the exact interval right at the edge; the interval wins.)
    if interval.low <= reference_share <= interval.high:
        verdict = Verdict.AS_EXPECTED
    elif not publishable:
        verdict = Verdict.NOT_ENOUGH
    else:
        verdict = Verdict.FEWER if share < reference_share else Verdict.MORE
    return Comparison(
        observed=observed,
        answered=answered,
        reference_share=reference_share,
        share=share,
        low=float(interval.low),
        high=float(interval.high),
        ratio=share / reference_share,
        p_value=float(test.pvalue),
        verdict=verdict,
    )
