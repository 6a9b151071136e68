"""Obligations named with agreements and acts on controls."""

from graph_helpers import iri

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Obligation
from critmin.graph.base.values import Entity
from critmin.graph.rules.obligations import exchanged_obligations, find_obligations
from critmin.graph.text.mentions import Clause, make_clauses, mention_finder
from critmin.graph.text.nlp import split_sentences


def clause_of(text: str, nlp, index) -> Clause:
    mentions = mention_finder(nlp, index).find(text)
    (clause,) = make_clauses(text, split_sentences(text, nlp), mentions, [], [])
    return clause


def test_obligations_in_text_order_with_the_committed_party(nlp, index):
    text = (
        "The accord sets price floors and committed Canada to investments in mining and "
        "refining and to pledges against export bans."
    )
    clause = clause_of(text, nlp, index)
    assert find_obligations(clause, clause.span, index) == (
        Obligation(CM.PriceFloor, "price floors"),
        Obligation(
            CM.InvestmentCommitment,
            "investments in mining and refining",
            Entity(iri("actor", "canada")),
        ),
        Obligation(
            CM.ObligationAgainstExportRestrictions,
            "pledges against export bans",
            Entity(iri("actor", "canada")),
        ),
    )


def test_obligations_exchanged_stop_at_the_next_comma(nlp, index):
    text = (
        "Jakarta eased the ban in return for lower tariffs and nickel purchases, "
        "though price floors were left aside."
    )
    assert exchanged_obligations(clause_of(text, nlp, index)) == (
        Obligation(CM.TariffReduction, "lower tariffs"),
        Obligation(CM.PurchaseCommitment, "nickel purchases"),
    )


def test_nothing_exchanged_without_the_words(nlp, index):
    assert exchanged_obligations(clause_of("Chile agreed to price floors.", nlp, index)) == ()
