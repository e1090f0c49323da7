"""The tallies: unit tests for each method, and properties that must hold for any ballots."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from coproduce.decisions.tallies import Ballot, consent, instant_runoff, score, sense_check, simple_vote

A, B, C, D = 1, 2, 3, 4


def stances(*names: str) -> list[Ballot]:
    return [Ballot(stance=name) for name in names]


def ranked(*rankings: tuple[int, ...]) -> list[Ballot]:
    return [Ballot(ranking=ranking) for ranking in rankings]


# --- Consent and sense checks -------------------------------------------------------------------


def test_consent_agreed_with_concerns_and_abstentions():
    result = consent(stances("agree", "concerns", "abstain"))

    assert result.outcome == "agreed"
    assert result.counts == {"agree": 1, "concerns": 1, "abstain": 1, "block": 0}
    assert result.responses == 3


def test_consent_one_block_stops_it():
    assert consent(stances("agree", "agree", "agree", "block")).outcome == "blocked"


def test_consent_only_abstentions_is_not_agreed():
    assert consent(stances("abstain", "abstain")).outcome == "not_agreed"


def test_consent_quorum_not_met_counts_no_result():
    result = consent(stances("agree", "agree"), quorum=3)

    assert result.outcome == "quorum_not_met"
    assert result.quorum_met is False


def test_consent_withdrawn_block_no_longer_counts():
    ballots = [*stances("agree", "agree"), Ballot(stance="block", withdrawn=True)]

    result = consent(ballots, quorum=2)

    assert result.outcome == "agreed"
    assert result.responses == 2
    assert result.counts["block"] == 0


def test_consent_without_responses():
    assert consent([]).outcome == "no_responses"


def test_sense_check_needs_majority_agreement_and_no_disagreement():
    assert sense_check(stances("agree", "agree", "unsure")).outcome == "agreed"
    assert sense_check(stances("agree", "unsure")).outcome == "not_agreed"  # half is not more than half
    assert sense_check(stances("agree", "agree", "agree", "disagree")).outcome == "not_agreed"


# --- Vote and score ---------------------------------------------------------------------------------


def test_simple_vote_winner_and_abstentions():
    result = simple_vote([Ballot(option=A), Ballot(option=A), Ballot(option=B), Ballot()], [A, B, C])

    assert result.totals == {A: 2, B: 1, C: 0}
    assert result.winner == A
    assert result.abstentions == 1


def test_simple_vote_tie_is_reported_not_broken():
    result = simple_vote([Ballot(option=A), Ballot(option=B)], [A, B])

    assert result.is_tie
    assert set(result.winners) == {A, B}
    assert result.winner is None


def test_simple_vote_quorum_not_met_has_no_winner():
    result = simple_vote([Ballot(option=A)], [A, B], quorum=2)

    assert result.winners == (A,)
    assert result.winner is None


def test_score_adds_scores_and_finds_ties():
    ballots = [Ballot(scores=((A, 5), (B, 3))), Ballot(scores=((A, 1), (B, 3)))]

    result = score(ballots, [A, B])

    assert result.totals == {A: 6, B: 6}
    assert result.is_tie


def test_score_winner_ignores_withdrawn():
    ballots = [
        Ballot(scores=((A, 5), (B, 0))),
        Ballot(scores=((A, 0), (B, 5))),
        Ballot(scores=((B, 5),), withdrawn=True),
    ]

    result = score(ballots, [A, B])

    assert result.totals == {A: 5, B: 5}


# --- Instant runoff -------------------------------------------------------------------------------------


def test_irv_majority_in_first_round():
    result = instant_runoff(ranked((A,), (A, B), (B,)), [A, B])

    assert result.winner == A
    assert len(result.rounds) == 1


def test_irv_transfers_votes_from_the_eliminated_option():
    # First choices: A 2, B 2, C 1. C is removed; its ballot goes to B, who then has 3 of 5.
    result = instant_runoff(ranked((A,), (A,), (B,), (B,), (C, B)), [A, B, C])

    assert result.rounds[0] == {A: 2, B: 2, C: 1}
    assert result.rounds[1] == {A: 2, B: 3}
    assert result.winner == B


def test_irv_exhausted_ballots_stop_counting():
    # A has 3 of 6, not more than half. C is removed; its ballot ranks nothing else, so it is
    # exhausted; A then has 3 of the 5 still counting.
    result = instant_runoff(ranked((A,), (A,), (A,), (B,), (B,), (C,)), [A, B, C])

    assert result.rounds[-1] == {A: 3, B: 2}
    assert result.exhausted == (0, 1)
    assert result.winner == A


def test_irv_lowest_tie_broken_by_earlier_round():
    # Round 1: A 3, B 2, C 2, D 1. D goes to C: round 2 A 3, B 2, C 3. B is lowest alone. Then A vs C.
    # Make a tie for lowest in round 2 that round 1 breaks: B and C both 2 in round 2, B had fewer in round 1.
    ballots = ranked((A,), (A,), (A,), (A,), (B,), (C,), (C,), (D, B))
    # Round 1: A 4, B 1, C 2, D 1 -> B and D tie lowest with no earlier round: both removed together.
    result = instant_runoff(ballots, [A, B, C, D])

    assert result.rounds[0] == {A: 4, B: 1, C: 2, D: 1}
    assert result.rounds[1] == {A: 4, C: 2}
    assert result.winner == A


def test_irv_tie_for_lowest_uses_previous_round():
    # Round 1: A 3, B 2, C 2, D 2. B, C and D tie: removed together? No earlier round, so yes.
    # Build a case where round 2 ties and round 1 differs instead:
    # Round 1: A 4, B 3, C 2, D 1 -> D removed, its ballot goes to C: A 4, B 3, C 3.
    # B and C tie lowest in round 2; in round 1 C had fewer (2 < 3), so C is removed; two of its
    # ballots go to B and the one from D (ranking only D and C) is exhausted.
    ballots = ranked((A,), (A,), (A,), (A,), (B,), (B,), (B,), (C, B), (C, B), (D, C))
    result = instant_runoff(ballots, [A, B, C, D])

    assert result.rounds[1] == {A: 4, B: 3, C: 3}
    assert result.rounds[2] == {A: 4, B: 5}
    assert result.exhausted == (0, 0, 1)
    assert result.winner == B


def test_irv_even_split_in_the_last_round_is_a_tie():
    result = instant_runoff(ranked((A, B), (B, A)), [A, B])

    assert set(result.winners) == {A, B}
    assert result.winner is None


def test_irv_no_rankings_no_winner():
    assert instant_runoff(ranked((), ()), [A, B]).winners == ()


# --- Properties -----------------------------------------------------------------------------------------

OPTIONS = [A, B, C, D]
rankings = st.lists(st.sampled_from(OPTIONS), unique=True, max_size=4).map(tuple)
ballots_st = st.lists(st.builds(Ballot, ranking=rankings, withdrawn=st.booleans()), max_size=30)
stance_ballots = st.lists(
    st.builds(Ballot, stance=st.sampled_from(["agree", "abstain", "concerns", "block"]), withdrawn=st.booleans()),
    max_size=30,
)


@settings(deadline=None)  # pure and quick, but the test machine may be busy
@given(ballots_st)
def test_irv_winner_has_a_majority_of_continuing_ballots_in_the_last_round(ballots):
    result = instant_runoff(ballots, OPTIONS)
    if len(result.winners) == 1:
        last = result.rounds[-1]
        assert last[result.winners[0]] * 2 > sum(last.values())


@settings(deadline=None)  # pure and quick, but the test machine may be busy
@given(ballots_st)
def test_irv_every_round_conserves_ballots(ballots):
    result = instant_runoff(ballots, OPTIONS)
    live = sum(1 for ballot in ballots if not ballot.withdrawn)
    for counted, exhausted in zip(result.rounds, result.exhausted, strict=True):
        assert sum(counted.values()) + exhausted == live


@settings(deadline=None)  # pure and quick, but the test machine may be busy
@given(ballots_st)
def test_irv_with_two_options_equals_simple_majority(ballots):
    two = [Ballot(ranking=tuple(o for o in b.ranking if o in (A, B)), withdrawn=b.withdrawn) for b in ballots]
    irv = instant_runoff(two, [A, B])
    firsts = [Ballot(option=b.ranking[0] if b.ranking else None, withdrawn=b.withdrawn) for b in two]
    vote = simple_vote(firsts, [A, B])
    assert set(irv.winners) == set(vote.winners)


@settings(deadline=None)  # pure and quick, but the test machine may be busy
@given(ballots_st)
def test_removing_withdrawn_ballots_equals_never_having_them(ballots):
    kept = [ballot for ballot in ballots if not ballot.withdrawn]
    assert instant_runoff(ballots, OPTIONS) == instant_runoff(kept, OPTIONS)


@settings(deadline=None)  # pure and quick, but the test machine may be busy
@given(stance_ballots, st.none() | st.integers(min_value=1, max_value=10))
def test_consent_totals_conserve_responses_and_withdrawn_do_not_count(ballots, quorum):
    result = consent(ballots, quorum=quorum)
    kept = [ballot for ballot in ballots if not ballot.withdrawn]
    assert sum(result.counts.values()) == result.responses == len(kept)
    assert result == consent(kept, quorum=quorum)
    if result.counts["block"] and result.quorum_met:
        assert result.outcome == "blocked"


@settings(deadline=None)  # pure and quick, but the test machine may be busy
@given(st.lists(st.builds(Ballot, option=st.none() | st.sampled_from(OPTIONS), withdrawn=st.booleans()), max_size=30))
def test_simple_vote_totals_plus_abstentions_conserve_ballots(ballots):
    result = simple_vote(ballots, OPTIONS)
    live = [ballot for ballot in ballots if not ballot.withdrawn]
    assert sum(result.totals.values()) + result.abstentions == len(live)
    counts = Counter(ballot.option for ballot in live if ballot.option is not None)
    if counts:
        assert set(result.winners) == {o for o, n in counts.items() if n == max(counts.values())}
