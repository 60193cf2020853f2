"""English sentences about verified fields. Every figure in them is rendered from a value
code parsed out of a German quote (`MoneyFigure.english`), never from model text, so a
German "Billion" can only ever read as a trillion.
"""

from __future__ import annotations

from .models import Deal, DealKind, DealStatus, Direction, MarketMove

# What each kind of deal does: (verb phrase, its past participle). "{T}" is the target,
# "{A}" the amount where the verb carries it ("invest up to $50 billion in OpenAI").
_VERBS: dict[DealKind, tuple[str, str]] = {
    DealKind.acquisition: ("acquire {T}", "acquired {T}"),
    DealKind.merger: ("merge with {T}", "merged with {T}"),
    DealKind.stake_purchase: ("buy {S} stake in {T}", "bought {S} stake in {T}"),
    DealKind.stake_sale: ("sell {S} stake in {T}", "sold {S} stake in {T}"),
    DealKind.investment: ("invest{A} in {T}", "invested{A} in {T}"),
    DealKind.funding_round: ("invest{A} in {T}", "invested{A} in {T}"),
    DealKind.ipo: ("take {T} public", "taken {T} public"),
    DealKind.takeover_offer: ("buy {T}", "bid for {T}"),
    DealKind.asset_sale: ("buy assets of {T}", "bought assets of {T}"),
    DealKind.capital_increase: ("invest{A} in {T}", "invested{A} in {T}"),
    DealKind.loan: ("lend{A} to {T}", "lent{A} to {T}"),
    DealKind.share_buyback: ("buy back its own shares", "bought back its own shares"),
    DealKind.insider_purchase: ("buy shares of {T}", "bought shares of {T}"),
    DealKind.other: ("do a deal with {T}", "done a deal with {T}"),
}
# The same without an object, when the article names nobody in that role.
_INTRANSITIVE: dict[DealKind, tuple[str, str]] = {
    DealKind.acquisition: ("make an acquisition", "made an acquisition"),
    DealKind.merger: ("merge", "merged"),
    DealKind.stake_purchase: ("buy {S} stake", "bought {S} stake"),
    DealKind.stake_sale: ("sell {S} stake", "sold {S} stake"),
    DealKind.investment: ("invest{A}", "invested{A}"),
    DealKind.funding_round: ("invest{A}", "invested{A}"),
    DealKind.ipo: ("go public", "gone public"),
    DealKind.takeover_offer: ("make a takeover bid", "made a takeover bid"),
    DealKind.asset_sale: ("buy assets", "bought assets"),
    DealKind.capital_increase: ("raise capital", "raised capital"),
    DealKind.loan: ("lend{A}", "lent{A}"),
    DealKind.share_buyback: ("buy back its own shares", "bought back its own shares"),
    DealKind.insider_purchase: ("buy shares", "bought shares"),
    DealKind.other: ("do a deal", "done a deal"),
}
# Deals told from the side of the company they are about, when nobody buys.
_ABOUT: dict[DealKind, tuple[str, str]] = {
    DealKind.ipo: ("go public", "gone public"),
    DealKind.funding_round: ("raise{A} in a funding round", "raised{A} in a funding round"),
    DealKind.capital_increase: ("raise{A} in new capital", "raised{A} in new capital"),
    DealKind.loan: ("borrow{A}", "borrowed{A}"),
    DealKind.share_buyback: ("buy back its own shares", "bought back its own shares"),
}
# (one subject, several subjects)
_STATUS: dict[DealStatus, tuple[str, str]] = {
    DealStatus.rumored: ("reportedly plans to", "reportedly plan to"),
    DealStatus.in_talks: ("is in talks to", "are in talks to"),
    DealStatus.planned: ("plans to", "plan to"),
    DealStatus.offered: ("has offered to", "have offered to"),
    DealStatus.agreed: ("has agreed to", "have agreed to"),
    DealStatus.completed: ("has", "have"),
    DealStatus.failed: ("failed to", "failed to"),
}
_UP_FOR_SALE = {
    DealStatus.rumored: "may be sold",
    DealStatus.in_talks: "is in sale talks",
    DealStatus.planned: "is to be sold",
    DealStatus.offered: "is offered for sale",
    DealStatus.agreed: "is being sold",
    DealStatus.completed: "has been sold",
    DealStatus.failed: "found no buyer",
}
_CARRIES_AMOUNT = {
    DealKind.investment,
    DealKind.funding_round,
    DealKind.capital_increase,
    DealKind.loan,
}


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _clause(deal: Deal, *, figures: bool) -> str:
    """Who does what to whom, how far it has got; with `figures`, at what amount."""
    amount = f" {deal.amount.english}" if figures and deal.amount else ""
    stake = f"a {deal.stake.english}" if figures and deal.stake else "a"
    selling = deal.kind in (DealKind.stake_sale, DealKind.asset_sale) and deal.sellers
    if selling:  # told from the seller: "Airbus plans to sell a stake in X to Y"
        subject, target = deal.sellers, _join(deal.targets) if deal.targets else ""
        if deal.kind is DealKind.stake_sale:
            phrases = ("sell {S} stake in {T}", "sold {S} stake in {T}")
        else:
            phrases = ("sell {T}", "sold {T}")
        if not target:
            phrases = (phrases[0].split(" in ")[0], phrases[1].split(" in ")[0])
            phrases = tuple(p.replace(" {T}", " assets") for p in phrases)  # type: ignore[assignment]
    elif deal.buyers:
        subject, target = deal.buyers, _join(deal.targets) if deal.targets else ""
        phrases = _VERBS[deal.kind] if target else _INTRANSITIVE[deal.kind]
    elif deal.kind in _ABOUT and deal.targets:
        subject, phrases, target = deal.targets, _ABOUT[deal.kind], ""
    elif deal.sellers:
        subject, target = deal.sellers, _join(deal.targets) if deal.targets else ""
        phrases = ("sell {T}", "sold {T}") if target else ("sell assets", "sold assets")
    else:  # nobody named on either side: "DFS is to be sold"
        return f"{_join(deal.targets)} {_UP_FOR_SALE[deal.status]}"
    plural = len(subject) > 1
    done = deal.status is DealStatus.completed
    verb = phrases[1] if done else phrases[0]
    verb = verb.format(T=target, A=amount if deal.kind in _CARRIES_AMOUNT else "", S=stake)
    status = _STATUS[deal.status][plural]
    clause = f"{_join(subject)} {status} {verb}"
    if selling and deal.buyers:
        clause += f" to {_join(deal.buyers)}"
    elif deal.sellers and deal.buyers:
        clause += f" from {_join(deal.sellers)}"
    if amount and deal.kind not in _CARRIES_AMOUNT:
        clause += f" for{amount}"
    return clause


def deal_headline(deal: Deal) -> str:
    """A headline that names the parties and the kind of deal, without figures."""
    return _clause(deal, figures=False)


def deal_sentence(deal: Deal) -> str:
    """One English sentence whose every figure comes from a parsed, verified quote:
    "Amazon is in talks to invest up to $50 billion in OpenAI at a valuation of $830
    billion, according to Bloomberg and Wall Street Journal." """
    parts = [_clause(deal, figures=True)]
    if deal.valuation:
        parts.append(f"at a valuation of {deal.valuation.english}")
    if deal.price_per_share:
        parts.append(f"at {deal.price_per_share.english} per share")
    sentence = " ".join(parts)
    if deal.reported_by:
        sentence += f", according to {_join(deal.reported_by)}"
    return sentence + "."


def move_sentence(move: MarketMove) -> str:
    verb = {Direction.up: "rose", Direction.down: "fell", None: "moved"}[move.direction]
    price = f" to {move.price.english}" if move.price else ""
    return f"{move.company} shares {verb} {move.change.english}{price}."
