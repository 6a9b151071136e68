"""Agreements named again (agreement_mentions): an agreement restated with the same kind,
modality and parties is found among those sharing a party, as a scan of all would find it."""

from graph_helpers import actor

from critmin.graph.base.statements import Agreement
from critmin.graph.base.values import DateValue, Evidence, Span
from critmin.graph.rules.agreement_mentions import AgreementEntry, PartyIndex, remember, restated

_EVIDENCE = Evidence(Span(0, 10), Span(0, 5))
CHILE, JAPAN, PERU = actor("chile"), actor("japan"), actor("peru")


def _agreement(*parties, kind="mou", date=None) -> Agreement:
    return Agreement(key="", kind=kind, label="", evidence=_EVIDENCE, parties=parties, date=date)


def _read(*agreements: Agreement) -> tuple[list[AgreementEntry], PartyIndex]:
    results: list[AgreementEntry] = []
    by_party = PartyIndex()
    for number, agreement in enumerate(agreements):
        remember(results, [], by_party, AgreementEntry(agreement, number, True))
    return results, by_party


def test_the_agreements_sharing_a_party_of_the_same_kind_in_order():
    _, by_party = _read(
        _agreement(CHILE, JAPAN), _agreement(PERU), _agreement(JAPAN, kind="loan"),
        _agreement(), _agreement(JAPAN, PERU),
    )  # fmt: skip
    assert by_party.sharing(_agreement(JAPAN)) == [0, 4]
    assert by_party.sharing(_agreement(PERU, CHILE)) == [0, 1, 4]
    assert by_party.sharing(_agreement()) == [3]
    assert by_party.sharing(_agreement(JAPAN, kind="loan")) == [2]


def test_a_party_an_agreement_gained_later_finds_it():
    results, by_party = _read(_agreement(CHILE))
    results[0].agreement = _agreement(CHILE, PERU)
    by_party.note(0, results[0].agreement)
    assert by_party.sharing(_agreement(PERU)) == [0]


def test_the_first_agreement_with_the_same_parties_and_an_agreeing_date_is_restated():
    results, by_party = _read(
        _agreement(CHILE, JAPAN, date=DateValue("2023")),
        _agreement(CHILE, JAPAN, date=DateValue("2024-05")),
        _agreement(CHILE, JAPAN, PERU, date=DateValue("2024")),
    )
    again = _agreement(JAPAN, CHILE, date=DateValue("2024-05-02"))
    assert restated(results, by_party, again, False, None) == 1
    assert restated(results, by_party, _agreement(PERU, JAPAN), False, None) == 2
    assert restated(results, by_party, _agreement(PERU), False, None) is None
    assert restated(results, by_party, _agreement(CHILE, JAPAN, kind="loan"), False, None) is None


def test_the_first_agreement_read_under_a_name():
    by_party = PartyIndex()
    by_party.name(0, None)
    by_party.name(1, "Lithium Compact")
    by_party.name(2, "Lithium Compact")
    assert (by_party.first_named("Lithium Compact"), by_party.first_named("Tin Pact")) == (1, None)
