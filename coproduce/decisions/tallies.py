"""Counting the responses to a proposal: one pure function per decision method.

Every function takes the ballots (one per person; withdrawn ballots are ignored, exactly as if they
had never been given) and the quorum (the least number of responses for the result to count, or
``None``). None of them touch the database.

How each method decides
-----------------------

Consent (agree / abstain / agree with concerns / block)
    The proposal goes ahead when the quorum is met, nobody blocks and at least one person agrees
    (with or without concerns). Abstentions count towards the quorum but neither for nor against.
    One block stops the proposal: the group talks again.

Sense check (agree / unsure / disagree)
    Not a vote: it shows how much the group agrees. "Broad agreement" means the quorum is met, more
    than half of the responses agree and nobody disagrees.

Simple vote (one option each)
    The option with the most votes wins. When two or more options share the most votes, the result
    is a tie and the group decides what to do next: nothing is picked by chance.

Ranked choice, by instant runoff
    Each ballot ranks some or all of the options. In each round every ballot counts for its
    highest-ranked option still in the race. A ballot with no option left in the race is
    *exhausted* and stops counting. If an option has more than half of the ballots still counting,
    it wins. Otherwise the option with the fewest votes is removed and the next round begins.

    Tie-break rule for removal: when several options share the fewest votes, we look back through
    the earlier rounds, most recent first, and remove the option that had fewer votes in the latest
    round where they differed. If they had the same votes in every round, all of them are removed
    together. When every option still in the race has the same votes (for example 50% each in the
    last round), the result is a tie between them: it is never broken by chance or by earlier rounds.

Score (0 to 5 for each option)
    Each option's scores are added up; the highest total wins. Options a ballot left unscored count
    as 0. Equal highest totals are a tie.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from coproduce.decisions.choices import Stance

AGREEING = (Stance.AGREE, Stance.CONCERNS)


@dataclass(frozen=True)
class Ballot:
    """One person's response, in a form the tallies can count.

    ``stance`` for consent and sense checks; ``option`` for a vote (``None`` for no choice);
    ``ranking`` the options in order of preference for ranked choice; ``scores`` option -> 0..5.
    """

    stance: str = ""
    option: int | None = None
    ranking: tuple[int, ...] = ()
    scores: tuple[tuple[int, int], ...] = ()
    withdrawn: bool = False


def counting(ballots: Iterable[Ballot]) -> list[Ballot]:
    """The ballots that count: withdrawn ones are left out entirely."""
    return [ballot for ballot in ballots if not ballot.withdrawn]


def quorum_met(responses: int, quorum: int | None) -> bool:
    return quorum is None or responses >= quorum


@dataclass(frozen=True)
class StanceResult:
    responses: int
    counts: dict[str, int]
    quorum: int | None
    quorum_met: bool
    outcome: str  # "agreed", "blocked", "not_agreed", "quorum_not_met", "no_responses"


def consent(ballots: Iterable[Ballot], *, quorum: int | None = None) -> StanceResult:
    live = counting(ballots)
    counts = Counter(ballot.stance for ballot in live)
    met = quorum_met(len(live), quorum)
    if not live:
        outcome = "no_responses"
    elif not met:
        outcome = "quorum_not_met"
    elif counts[Stance.BLOCK]:
        outcome = "blocked"
    elif sum(counts[stance] for stance in AGREEING):
        outcome = "agreed"
    else:
        outcome = "not_agreed"
    stances = (Stance.AGREE, Stance.CONCERNS, Stance.ABSTAIN, Stance.BLOCK)
    return StanceResult(len(live), {s.value: counts[s] for s in stances}, quorum, met, outcome)


def sense_check(ballots: Iterable[Ballot], *, quorum: int | None = None) -> StanceResult:
    live = counting(ballots)
    counts = Counter(ballot.stance for ballot in live)
    met = quorum_met(len(live), quorum)
    if not live:
        outcome = "no_responses"
    elif not met:
        outcome = "quorum_not_met"
    elif counts[Stance.AGREE] * 2 > len(live) and not counts[Stance.DISAGREE]:
        outcome = "agreed"
    else:
        outcome = "not_agreed"
    stances = (Stance.AGREE, Stance.UNSURE, Stance.DISAGREE)
    return StanceResult(len(live), {s.value: counts[s] for s in stances}, quorum, met, outcome)


@dataclass(frozen=True)
class OptionResult:
    """The result of a vote, ranked choice or score. ``winners`` has one option, several (a tie) or none."""

    responses: int
    totals: dict[int, int]
    winners: tuple[int, ...]
    quorum: int | None
    quorum_met: bool
    rounds: tuple[dict[int, int], ...] = field(default=())
    exhausted: tuple[int, ...] = field(default=())  # ranked choice: exhausted ballots after each round
    abstentions: int = 0

    @property
    def is_tie(self) -> bool:
        return len(self.winners) > 1

    @property
    def winner(self) -> int | None:
        return self.winners[0] if len(self.winners) == 1 and self.quorum_met else None


def _top(totals: dict[int, int]) -> tuple[int, ...]:
    if not totals or max(totals.values()) == 0:
        return ()
    best = max(totals.values())
    return tuple(option for option, total in totals.items() if total == best)


def simple_vote(ballots: Iterable[Ballot], options: Sequence[int], *, quorum: int | None = None) -> OptionResult:
    live = counting(ballots)
    totals = dict.fromkeys(options, 0)
    abstentions = 0
    for ballot in live:
        if ballot.option in totals:
            totals[ballot.option] += 1
        else:
            abstentions += 1
    return OptionResult(len(live), totals, _top(totals), quorum, quorum_met(len(live), quorum), abstentions=abstentions)


def score(ballots: Iterable[Ballot], options: Sequence[int], *, quorum: int | None = None) -> OptionResult:
    live = counting(ballots)
    totals = dict.fromkeys(options, 0)
    for ballot in live:
        for option, value in ballot.scores:
            if option in totals:
                totals[option] += min(max(value, 0), 5)
    return OptionResult(len(live), totals, _top(totals), quorum, quorum_met(len(live), quorum))


def instant_runoff(ballots: Iterable[Ballot], options: Sequence[int], *, quorum: int | None = None) -> OptionResult:
    """Ranked choice by instant runoff; see the module docstring for the tie-break rule."""
    live = counting(ballots)
    rankings = [tuple(dict.fromkeys(o for o in ballot.ranking if o in options)) for ballot in live]
    continuing = list(dict.fromkeys(options))
    rounds: list[dict[int, int]] = []
    exhausted: list[int] = []
    winners: tuple[int, ...] = ()
    while continuing:
        totals = dict.fromkeys(continuing, 0)
        spent = 0
        for ranking in rankings:
            choice = next((option for option in ranking if option in totals), None)
            if choice is None:
                spent += 1
            else:
                totals[choice] += 1
        rounds.append(totals)
        exhausted.append(spent)
        counted = sum(totals.values())
        if counted == 0:
            break
        leader = max(totals, key=lambda option: totals[option])
        if totals[leader] * 2 > counted:
            winners = (leader,)
            break
        fewest = min(totals.values())
        lowest = [option for option in continuing if totals[option] == fewest]
        if len(lowest) == len(continuing):
            winners = tuple(lowest)  # every option left has the same votes: report the tie
            break
        for earlier in reversed(rounds[:-1]):
            least = min(earlier[option] for option in lowest)
            lowest = [option for option in lowest if earlier[option] == least]
            if len(lowest) == 1:
                break
        continuing = [option for option in continuing if option not in lowest]
    first_round = rounds[0] if rounds else dict.fromkeys(options, 0)
    return OptionResult(
        len(live),
        first_round,
        winners,
        quorum,
        quorum_met(len(live), quorum),
        rounds=tuple(rounds),
        exhausted=tuple(exhausted),
    )
