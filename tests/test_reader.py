"""The German deal reader on the sentence shapes German news uses for deals. Each case is
a rule of the reader stated as an example; the gold set scores the rules as a whole."""

from __future__ import annotations

import pytest

from summarizer.draft import MoveDraft
from summarizer.ingest import article_from_text
from summarizer.models import DealKind, DealStatus
from summarizer.names import candidate_names, name_mentions
from summarizer.pipeline import summarize_by_reader
from summarizer.reader import read_deals, read_moves, split_sentences

from .conftest import read_example


def _main(text: str):
    frames = read_deals(text)
    assert frames, "no deal read"
    return frames[0]


@pytest.mark.parametrize(
    ("text", "kind", "buyers", "targets", "sellers"),
    [
        (
            "Die Kalvion AG übernimmt die Fibrotex GmbH.",
            "acquisition",
            ["Kalvion AG"],
            ["Fibrotex GmbH"],
            [],
        ),
        (
            "Die Zaikio GmbH wird von der Heidelberger Druckmaschinen AG übernommen.",
            "acquisition",
            ["Heidelberger Druckmaschinen AG"],
            ["Zaikio GmbH"],
            [],
        ),
        (
            "Der Konzern kündigte die Übernahme der Fibrotex GmbH durch die Kalvion AG an.",
            "acquisition",
            ["Kalvion AG"],
            ["Fibrotex GmbH"],
            [],
        ),
        (
            "Amazon prüft einen Einstieg beim KI-Unternehmen OpenAI. Die Amazon-Aktie stieg.",
            "stake_purchase",
            ["Amazon"],
            ["OpenAI"],
            [],
        ),
        (
            "Siemens verkauft seine Tochter Valeo Sensorik GmbH an die Bosch AG. "
            "Die Siemens-Aktie fiel.",
            "asset_sale",
            ["Bosch AG"],
            ["Valeo Sensorik GmbH"],
            ["Siemens"],
        ),
        (
            "Die Norrland AB und die Saale AG fusionieren.",
            "merger",
            ["Norrland AB", "Saale AG"],
            [],
            [],
        ),
        (
            "Die Tessaro Labs GmbH plant einen Börsengang im Herbst.",
            "ipo",
            [],
            ["Tessaro Labs GmbH"],
            [],
        ),
    ],
)
def test_roles_come_from_the_clause(
    text: str, kind: str, buyers: list[str], targets: list[str], sellers: list[str]
) -> None:
    frame = _main(text)
    assert (frame.kind.value, frame.buyers, frame.targets, frame.sellers) == (
        kind,
        buyers,
        targets,
        sellers,
    )


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Amazon verhandelt Medienberichten zufolge über eine Investition in OpenAI.", "rumored"),
        ("Amazon verhandelt über eine Investition in OpenAI.", "in_talks"),
        ("Die Kalvion AG will die Fibrotex GmbH übernehmen.", "planned"),
        ("Die Kalvion AG hat die Fibrotex GmbH übernommen.", "completed"),
        ("Die Übernahme der Fibrotex GmbH durch die Kalvion AG ist gescheitert.", "failed"),
        ("Die Kalvion AG übernimmt die Fibrotex GmbH.", "agreed"),
        ("Der Zusammenschluss von Karstadt und Kaufhof ist offiziell.", "agreed"),
        ("Die Delivery Hero SE ist am Freitag an der Börse gestartet.", "completed"),
        ("Die Bayer AG verkauft Tiermedizin an Elanco, angekündigt im Mai.", "agreed"),
        ("Die Kalvion AG kauft Fibrotex; der Kauf soll im Mai abgeschlossen werden.", "agreed"),
        ("Die CBR AG sagte ihren Börsengang am Donnerstag ab.", "failed"),
        (
            "Die Kalvion AG stockt ihre Beteiligung an der Fibrotex GmbH auf 75 Prozent auf.",
            "completed",
        ),
        (
            "Die Voltwerk GmbH sammelt in einer Finanzierungsrunde 45 Millionen Euro ein.",
            "completed",
        ),
    ],
)
def test_status_comes_from_modality_tense_and_attribution(text: str, status: str) -> None:
    assert _main(text).status is DealStatus(status)


def test_a_figure_about_another_party_is_not_the_deals() -> None:
    """The seeds: Microsoft's 27 % holding is not Amazon's stake; the valuation and the
    amount stated in the next sentence are the deal's."""
    frame = _main(read_example("amazon-openai-500bn-valuation.txt"))
    assert (frame.buyers, frame.targets) == (["Amazon.com"], ["OpenAI"])
    assert frame.stake is None
    assert frame.valuation == "mehr als 500 Milliarden US-Dollar"
    assert frame.amount == "rund 10 Milliarden US-Dollar"


def test_the_other_seed_reads_as_a_rumored_investment_with_its_figures() -> None:
    frame = _main(read_example("amazon-openai-50bn-talks.txt"))
    assert frame.kind is DealKind.investment and frame.status is DealStatus.rumored
    assert (frame.buyers, frame.targets) == (["Amazon"], ["OpenAI"])
    assert frame.amount == "bis zu 50 Milliarden US-Dollar"
    assert frame.valuation == "830 Milliarden Dollar"
    assert {"Bloomberg", "Wall Street Journal", "CNBC"} <= set(frame.reported_by)


def test_a_share_price_is_the_price_per_share_not_the_amount() -> None:
    frame = _main(
        "Die Carrington Health AG bietet den Aktionären der Zuger Medizintechnik AG "
        "84,00 Franken je Aktie in bar."
    )
    assert frame.kind is DealKind.takeover_offer
    assert frame.price_per_share == "84,00 Franken" and frame.amount is None


def test_a_figure_without_millions_is_never_a_deals_amount() -> None:
    frame = _main("Die Elbflorenz Halbleiter AG geht zu 18,75 Euro an die Börse.")
    assert frame.kind is DealKind.ipo and frame.amount is None


def test_a_later_sentence_with_the_volume_gives_the_deal_its_amount() -> None:
    frame = _main(
        "Der Anlagenbauer Gea will ein Aktienrückkaufprogramm starten. Das Volumen liege "
        "bei 300 Millionen Euro, teilte das Unternehmen mit."
    )
    assert frame.kind is DealKind.share_buyback and frame.amount == "300 Millionen Euro"


def test_the_company_described_is_the_deal_just_told() -> None:
    frames = read_deals(
        "Die Weser Logistik soll von der Reederei Skagerrak Shipping übernommen werden. "
        "Das Unternehmen wird für 1,4 Milliarden Euro an Skagerrak Shipping verkauft."
    )
    assert frames[0].targets == ["Weser Logistik"] and frames[0].amount == "1,4 Milliarden Euro"


def test_a_reported_takeover_may_name_no_bidder_yet() -> None:
    frame = _main("Bloomberg berichtete über eine mögliche Übernahme der Aareal Bank.")
    assert frame.targets == ["Aareal Bank"] and frame.buyers == []
    assert read_deals("Die Übernahme der Aareal Bank ist abgeschlossen.") == []


def test_a_status_read_in_the_deals_words_is_not_overridden_by_a_report_elsewhere() -> None:
    text = (
        "Der Zusammenschluss von Karstadt und Kaufhof ist offiziell. Medienberichten zufolge "
        "sollen die Marken erhalten bleiben."
    )
    summary = summarize_by_reader(article_from_text(text))
    assert summary.deals[0].status is DealStatus.agreed


def test_a_listing_reads_its_proceeds_from_the_company_described() -> None:
    frame = _main(
        "Die Delivery Hero SE ist an der Börse gestartet. Das erst sechs Jahre junge "
        "Unternehmen sammelte bei seinem Sprung aufs Parkett eine Milliarde Euro ein."
    )
    assert frame.kind is DealKind.ipo and frame.amount == "eine Milliarde Euro"


def test_a_deal_told_only_as_the_past_behind_the_news_is_no_deal() -> None:
    text = (
        "Die Klagen betreffen Monsanto, das die Bayer AG für 63 Milliarden Dollar übernommen hatte."
    )
    assert read_deals(text) == []


def test_an_offer_is_for_its_target_and_a_later_offer_figure_is_its_amount() -> None:
    frame = _main(
        "Adnoc kann Anleger mit einer höheren Übernahmeofferte für Covestro nicht überzeugen. "
        "Der Ölkonzern wolle mit der erhöhten Offerte von rund 11 Mrd. € verhandeln."
    )
    assert (frame.buyers, frame.targets, frame.amount) == (
        ["Adnoc"],
        ["Covestro"],
        "rund 11 Mrd. €",
    )


def test_an_outlet_quoted_for_the_price_is_no_other_party() -> None:
    frame = _main(
        "Der Oetker-Konzern übernimmt den Lieferdienst Flaschenpost. Nach Informationen von "
        "„Deutsche Startups.de“ beträgt der Kaufpreis eine Milliarde Euro."
    )
    assert frame.amount == "eine Milliarde Euro"


def test_an_index_or_a_trading_venue_is_never_a_party() -> None:
    frames = read_deals(
        "Delivery Hero steigt bei Getir ein. Wie der DAX-Konzern mitteilt, investiert er "
        "235 Mio US-Dollar in das Start-up."
    )
    assert all("DAX" not in frame.parties() for frame in frames)


def test_a_person_who_buys_is_a_party_one_who_speaks_is_not() -> None:
    frame = _main("Klaus-Michael Kühne erwirbt weitere Anteile an der Lufthansa AG.")
    assert frame.buyers == ["Klaus-Michael Kühne"]
    frame = _main("Die Kalvion AG übernimmt die Fibrotex GmbH, sagte Vorstandschef Frank Wendler.")
    assert frame.buyers == ["Kalvion AG"]


def test_a_rounds_investors_are_read_from_the_sentences_that_list_them() -> None:
    frame = _main(
        "Die Voltwerk GmbH sammelt 45 Millionen Euro ein. Angeführt wurde die Runde von "
        "Greenoaks. Die Altgesellschafter Earlybird und HV Capital haben ebenfalls nachgelegt."
    )
    assert frame.buyers == ["Greenoaks", "Earlybird", "HV Capital"]


def test_a_target_described_first_is_named_later() -> None:
    frame = _main(
        "BioNTech übernimmt chinesischen Wettbewerber. Für das Unternehmen Biotheus werden "
        "die Mainzer bis zu 950 Millionen US-Dollar zahlen, teilte BioNTech mit."
    )
    assert (frame.buyers, frame.targets) == (["BioNTech"], ["Biotheus"])
    assert frame.amount == "bis zu 950 Millionen US-Dollar"


def test_the_parents_sale_in_a_listing_is_the_listings_and_the_company_described_is_valued() -> (
    None
):
    frame = _main(
        "Die Schott Pharma AG hat ein gutes Börsendebüt verbucht. Zum Ausgabepreis wird das "
        "Unternehmen mit gut vier Milliarden Euro bewertet. Die Mutter, der Glaskonzern "
        "Schott, nimmt mit dem Verkauf von 23 Prozent der Anteile 935 Millionen Euro ein."
    )
    assert frame.kind is DealKind.ipo and frame.sellers == ["Schott"]
    assert (frame.amount, frame.valuation, frame.stake) == (
        "935 Millionen Euro",
        "gut vier Milliarden Euro",
        "23 Prozent",
    )


def test_a_managers_purchase_is_done_and_of_the_companys_shares() -> None:
    text = (
        "Ein meldepflichtiger Insider hat Anteile erworben. Konkret hat Vorständin Heike Prinz "
        "Aktien von Bayer erworben, für 107.986,00 Euro."
    )
    summary = summarize_by_reader(article_from_text(text))
    deal = summary.deals[0]
    assert (deal.kind, deal.status) == (DealKind.insider_purchase, DealStatus.completed)
    assert (deal.buyers, deal.targets, deal.sellers) == (["Heike Prinz"], ["Bayer"], [])


def test_investors_who_put_money_in_are_a_round_of_the_company_the_article_is_about() -> None:
    frames = read_deals(
        "Investoren vertrauen auf das Geschäftsmodell von Gropyus. Rund 100 Millionen Euro "
        "schießen Investoren wie die Holding Semapa und der Fonds Practical Venture Capital zu."
    )
    frame = frames[0]
    assert (frame.kind, frame.targets) == (DealKind.funding_round, ["Gropyus"])
    assert frame.buyers == ["Semapa", "Practical Venture Capital"]
    assert frame.amount == "Rund 100 Millionen Euro"


def test_a_takeover_that_comes_with_an_offer_per_share_is_an_offer() -> None:
    frame = _main(
        "Der chinesische Konzern Midea will den Roboterbauer Kuka übernehmen. Midea bietet für "
        "Kuka 115 Euro je Aktie."
    )
    assert (frame.kind, frame.status) == (DealKind.takeover_offer, DealStatus.offered)


def test_a_company_sold_to_buyers_not_yet_named_is_a_deal() -> None:
    frame = _main(
        "Der Fernsehgeräte-Hersteller Loewe wird an eine deutsche Investorengruppe verkauft."
    )
    assert (frame.kind, frame.targets, frame.buyers) == (DealKind.acquisition, ["Loewe"], [])


def test_who_joins_a_capital_increase_of_another_subscribes() -> None:
    frame = _main("Cevian Capital hat sich an der Kapitalerhöhung von ThyssenKrupp beteiligt.")
    assert (frame.buyers, frame.targets) == (["Cevian Capital"], ["ThyssenKrupp"])


def test_a_company_that_now_belongs_to_another_was_bought_by_it() -> None:
    frame = _main(
        "Der Modellbahnhersteller Märklin gehört jetzt zum Spielwarenhersteller Simba Dickie."
    )
    assert (frame.kind, frame.status) == (DealKind.acquisition, DealStatus.completed)
    assert (frame.buyers, frame.targets) == (["Simba Dickie"], ["Märklin"])


def test_the_companys_own_announcement_is_no_rumour() -> None:
    frame = _main(
        "Die Deutsche Telekom AG hat einer Mitteilung zufolge ihren Aktienrückkauf begonnen."
    )
    assert frame.status is not DealStatus.rumored


def test_an_earlier_failure_is_history_and_sie_is_the_company_named_before() -> None:
    frames = read_deals(
        "Die Stadtsparkasse Bad Sachsa will es nochmal wissen. Nach einem gescheiterten "
        "ersten Fusionsversuch will sie mit der Sparkasse Osterode zusammengehen."
    )
    assert frames[0].status is DealStatus.planned
    assert frames[0].buyers == ["Sparkasse Osterode", "Stadtsparkasse Bad Sachsa"]


def test_the_federal_state_is_a_party() -> None:
    frame = _main("Der Bund steigt mit 300 Millionen Euro bei CureVac ein.")
    assert (frame.buyers, frame.targets) == (["Bund"], ["CureVac"])


def test_a_buyback_offer_is_a_buyback() -> None:
    frame = _main(
        "Die Meier Tobler AG hat in der zweiten Tranche des Rückkaufangebots Aktien erworben."
    )
    assert frame.kind is DealKind.share_buyback


def test_who_confirms_before_a_colon_is_no_party() -> None:
    frame = _main(
        "Die IG Metall Heilbronn hat bestätigt: Die Nordhaus GmbH wird an den Konzern "
        "Veltro verkauft."
    )
    assert (frame.buyers, frame.targets) == (["Veltro"], ["Nordhaus GmbH"])


@pytest.mark.parametrize(
    ("follow_up", "buyers", "amount"),
    [
        (
            "Diese geht für 1,2 Milliarden Euro an den Finanzinvestor Kestrel, wie Hartwig "
            "mitteilte.",
            ["Kestrel"],
            "1,2 Milliarden Euro",
        ),
        ("Der Käufer Okamura übernehme zunächst 80 Prozent an dem Bereich.", ["Okamura"], None),
    ],
)
def test_a_later_sentence_names_who_buys_what_was_sold(
    follow_up: str, buyers: list[str], amount: str | None
) -> None:
    frame = _main("Der Mischkonzern Hartwig trennt sich von seiner Kältesparte. " + follow_up)
    assert (frame.kind, frame.sellers, frame.buyers) == (DealKind.asset_sale, ["Hartwig"], buyers)
    assert frame.amount == amount


@pytest.mark.parametrize(
    "follow_up",
    [
        "Die Firma platzierte 5 Millionen neue Aktien und erlöste damit 82,3 Millionen Euro.",
        "Brutto wird ein Emissionserlös von 82,3 Millionen Euro erwartet.",
        "Dem Hafenbetreiber fließen damit vor Kosten 82,3 Millionen Euro zu.",
    ],
)
def test_what_a_capital_increase_brings_in_is_its_amount(follow_up: str) -> None:
    text = "Die Rheinhafen AG hat eine Kapitalerhöhung platziert. " + follow_up
    summary = summarize_by_reader(article_from_text(text))
    deal = summary.deals[0]
    assert (deal.kind, deal.status) == (DealKind.capital_increase, DealStatus.completed)
    assert deal.amount is not None and deal.amount.quote == "82,3 Millionen Euro"
    assert "Brutto" not in candidate_names(text)


def test_a_revenue_is_no_amount_even_when_said_after_the_figure() -> None:
    summary = summarize_by_reader(
        article_from_text(
            "Der Konzern Hartwig verkauft seine Kältesparte an Kestrel. Die Sparte schreibt "
            "mit etwas mehr als einer Milliarde Euro Umsatz schwarze Zahlen."
        )
    )
    assert summary.deals[0].amount is None


def test_the_price_word_beats_nearness_and_a_stake_then_the_rest_is_one_deal() -> None:
    frames = read_deals(
        "Die Volt AG erwirbt zunächst 24,9 Prozent der Kessler GmbH. Die Parteien haben "
        "für die Übernahme der Kessler GmbH durch die Volt AG einen Kaufpreis von insgesamt "
        "25 Millionen Euro einschließlich 6,8 Millionen Euro Verbindlichkeiten vereinbart."
    )
    assert len(frames) == 1
    assert (frames[0].buyers, frames[0].targets) == (["Volt AG"], ["Kessler GmbH"])
    assert frames[0].amount == "25 Millionen Euro"


def test_a_manager_who_buys_shares_of_the_own_company_is_the_buyer() -> None:
    frame = _main(
        "Der Vorstandsvorsitzende der Korvin AG, Axel Brandt, hat am Freitag 200.000 Aktien "
        "des Unternehmens und damit weitere rund 1,7 Prozent des Grundkapitals erworben."
    )
    assert (frame.kind, frame.buyers, frame.targets) == (
        DealKind.insider_purchase,
        ["Axel Brandt"],
        ["Korvin AG"],
    )


def test_sentences_that_list_a_rounds_investors_add_them_to_the_round() -> None:
    frames = read_deals(
        "Das Start-up Solvane hat in einer Finanzierungsrunde 45 Millionen Euro eingesammelt. "
        "Federführend investiert hätten die finnische Evli Growth Partners und die "
        "kalifornische Almaz Capital. Die Altgesellschafter Earlybird und Lombard Odier "
        "Investment Managers haben ebenfalls nachgelegt."
    )
    assert len(frames) == 1
    assert frames[0].kind is DealKind.funding_round
    assert frames[0].targets == ["Solvane"]
    assert frames[0].buyers == [
        "Evli Growth Partners",
        "Almaz Capital",
        "Earlybird",
        "Lombard Odier Investment Managers",
    ]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Die Kalvion AG darf die Fibrotex GmbH nicht übernehmen.", DealStatus.failed),
        (
            "CBR sagte seinen für Donnerstag geplanten Börsengang mit Verweis auf die "
            "Unsicherheiten an den Märkten ab.",
            DealStatus.failed,
        ),
        ("Die Firma WKW wurde von RTL interactive vollständig übernommen.", DealStatus.completed),
        (
            "Unicredit hat ihre Beteiligung an der Commerzbank weiter ausgebaut.",
            DealStatus.completed,
        ),
    ],
)
def test_statuses_said_by_separable_verbs_and_perfects(text: str, status: DealStatus) -> None:
    assert _main(text).status is status


def test_the_management_buying_shares_is_an_insider_purchase() -> None:
    frame = _main("Die Führung der Korvin AG kauft Aktien des Unternehmens für 2,2 Millionen Euro.")
    assert (frame.kind, frame.status) == (DealKind.insider_purchase, DealStatus.completed)
    assert (frame.buyers, frame.targets) == ([], ["Korvin AG"])


@pytest.mark.parametrize(
    ("text", "kind", "buyers", "targets"),
    [
        (
            "Auch Disney soll an einer Twitter-Übernahme interessiert sein.",
            DealKind.acquisition,
            ["Disney"],
            ["Twitter"],
        ),
        ("Der Porsche-Börsengang ist für Herbst geplant.", DealKind.ipo, [], ["Porsche"]),
    ],
)
def test_a_deal_noun_names_its_company_in_a_compound(
    text: str, kind: DealKind, buyers: list[str], targets: list[str]
) -> None:
    frame = _main(text)
    assert (frame.kind, frame.buyers, frame.targets) == (kind, buyers, targets)


def test_a_heavy_offer_states_its_amount_and_a_person_is_never_the_target() -> None:
    frame = _main(
        "Der Vorstand um Unternehmenschef Wolfgang Pföhler empfiehlt die Übernahme durch "
        "Fresenius. Fresenius hatte sein 3,1 Milliarden Euro schweres Übernahmeangebot vorgelegt."
    )
    assert (frame.buyers, frame.targets) == (["Fresenius"], [])
    assert frame.amount == "3,1 Milliarden Euro"


def test_the_deal_named_again_gets_the_figure_however_far_on() -> None:
    frame = _main(
        "Die Korvin AG will eigene Aktien zurückkaufen. Geplant ist der Kauf von bis zu "
        "700.000 Aktien. Das entspricht 2 Prozent des Grundkapitals. Der Rückkauf endet im "
        "Juli. Die Obergrenze liegt bei 12,00 Euro je Aktie. Die Aktien gewinnen 0,9 "
        "Prozent. Das Programm hat insgesamt ein Volumen von 5,8 Millionen Euro."
    )
    assert (frame.kind, frame.amount) == (DealKind.share_buyback, "5,8 Millionen Euro")


@pytest.mark.parametrize(
    ("text", "kind", "amount"),
    [
        (  # a compound of "Volumen"
            "Die Alpina Pay AG plant den Börsengang in Zürich. Das Emissionsvolumen beläuft "
            "sich auf bis zu 300 Millionen Franken.",
            DealKind.ipo,
            "bis zu 300 Millionen Franken",
        ),
        (  # "zahlte", the past of "zahlt"
            "Der Softwarekonzern Kestrel übernimmt das Start-up Tagwerk. Zwischen 50 und 80 "
            "Millionen Dollar zahlte Kestrel US-Medien zufolge dafür.",
            DealKind.acquisition,
            "Zwischen 50 und 80 Millionen Dollar",
        ),
        (  # the deal named again goes to the deal of its kind, not to the last one told
            "Kabelwerk Borsig darf Tele Columba nicht übernehmen. Kabelwerk Borsig hatte die "
            "Veräußerung von Netzen in Berlin und Dresden an die Firma Glasnetz angeboten. "
            "Die Übernahme mit einem Volumen von 600 Millionen Euro war im Mai angekündigt.",
            DealKind.acquisition,
            "600 Millionen Euro",
        ),
    ],
)
def test_a_later_sentence_gives_its_figure_to_the_deal_it_is_about(
    text: str, kind: DealKind, amount: str
) -> None:
    [frame] = [f for f in read_deals(text) if f.kind is kind]
    assert frame.amount == amount


@pytest.mark.parametrize(
    ("text", "buyers", "targets"),
    [
        (  # who places a promissory note borrows; a firm may bear a person's name
            "Das Medizintechnikunternehmen Otto Bock hat ein Schuldscheindarlehen über 200 "
            "Millionen Euro platziert.",
            [],
            ["Otto Bock"],
        ),
        (
            "Der Sportwagenbauer Porsche hat sich mit den Banken auf einen neuen Kredit über "
            "10 Milliarden Euro geeinigt.",
            [],
            ["Porsche"],
        ),
        (  # who grants it lends
            "Die Bundesregierung hat der Fluggesellschaft Air Berlin einen Übergangskredit von "
            "150 Millionen Euro zugesagt.",
            ["Bundesregierung"],
            ["Air Berlin"],
        ),
    ],
)
def test_the_verb_says_who_lends_and_who_borrows(
    text: str, buyers: list[str], targets: list[str]
) -> None:
    frame = _main(text)
    assert (frame.kind, frame.buyers, frame.targets) == (DealKind.loan, buyers, targets)


def test_an_offer_per_share_named_by_its_company_is_an_offer_for_it() -> None:
    frame = _main("Die Private-Equity-Gesellschaft Carlyle bietet 53,50 Euro je Schaltbau-Aktie.")
    assert (frame.kind, frame.buyers, frame.targets, frame.price_per_share) == (
        DealKind.takeover_offer,
        ["Carlyle"],
        ["Schaltbau"],
        "53,50 Euro",
    )


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Der Lackieranlagenhersteller Dürr hat die geplante Mehrheitsübernahme der Homag "
            "AG erfolgreich abgeschlossen.",
            DealStatus.completed,
        ),
        (  # "Planted" is no "plant"
            "Das Start-up Planted hat eine Finanzierungsrunde der Serie B erfolgreich "
            "abgeschlossen.",
            DealStatus.completed,
        ),
        (  # reported speech of a perfect
            "Die Großaktionärin Rocket Internet hätte 18 Millionen Zalando-Aktien verkauft, "
            "teilte Morgan Stanley mit.",
            DealStatus.completed,
        ),
        ("Im Februar 2013 war die LEG Immobilien AG an die Börse gegangen.", DealStatus.completed),
        ("Der Börsengang der Asmallworld AG ist gelungen.", DealStatus.completed),
        (
            "Die Übernahme von Stada durch Bain Capital ist noch nicht abgeschlossen.",
            DealStatus.agreed,
        ),
        ("Fresenius lässt die Übernahme von Akorn platzen.", DealStatus.failed),
        (
            "Der Gesundheitskonzern Fresenius will den Generika-Hersteller Akorn nun doch "
            "nicht mehr übernehmen.",
            DealStatus.failed,
        ),
        (
            "Die Mitglieder der HUK-Coburg legen ihr Veto gegen die Fusion mit der HDI ein.",
            DealStatus.failed,
        ),
        ("Der Investor Stiassny tritt vom Kauf der UIAG zurück.", DealStatus.failed),
        (  # a manager stepping down is no deal withdrawn
            "Nach der Übernahme von Stada durch Bain Capital tritt der Chef zurück.",
            DealStatus.agreed,
        ),
    ],
)
def test_the_status_a_deal_has_reached(text: str, status: DealStatus) -> None:
    assert _main(text).status is status


def test_an_infinitive_is_a_verb_not_a_deal_noun() -> None:
    frame = _main(
        "Continental hat von den Kartellbehörden das Plazet erhalten, für 1,4 Milliarden Euro "
        "das US-Unternehmen Veyance Technologies von der Carlyle Group zu erwerben."
    )
    assert (frame.kind, frame.buyers, frame.targets, frame.amount) == (
        DealKind.acquisition,
        ["Continental"],
        ["Veyance Technologies"],
        "1,4 Milliarden Euro",
    )


def test_papers_sold_are_a_stake() -> None:
    frame = _main(
        "Der Gründer Carsten Maschmeyer hat 4,6 Millionen AWD-Papiere an Swiss Life verkauft."
    )
    assert (frame.kind, frame.buyers, frame.targets) == (
        DealKind.stake_sale,
        ["Swiss Life"],
        ["AWD"],
    )


def test_a_datelines_source_is_no_party() -> None:
    frame = _main(
        "München (Boersenblick.de) - Kabelwerk Borsig darf Tele Columba nicht übernehmen."
    )
    assert (frame.buyers, frame.targets) == (["Kabelwerk Borsig"], ["Tele Columba"])


@pytest.mark.parametrize(
    ("text", "kind", "status", "buyers", "targets"),
    [
        (
            "Der aufgrund der Corona-Krise unter Druck geratene Windkraftanlagen-Hersteller "
            "Nordex bekommt eine Kreditbürgschaft über 104 Millionen Euro vom Land Brandenburg.",
            DealKind.loan,
            DealStatus.agreed,
            ["Land Brandenburg"],
            ["Nordex"],
        ),
        (
            "Mit der Addiko Bank geht heuer das dritte Unternehmen an die Wiener Börse.",
            DealKind.ipo,
            DealStatus.agreed,
            [],
            ["Addiko Bank"],
        ),
        (
            "Der Verkauf des Münchner Chip-Zulieferers Siltronic nach Taiwan ist geplatzt.",
            DealKind.acquisition,
            DealStatus.failed,
            [],
            ["Siltronic"],
        ),
    ],
)
def test_phrases_that_used_to_read_no_deal(
    text: str, kind: DealKind, status: DealStatus, buyers: list[str], targets: list[str]
) -> None:
    frame = _main(text)
    assert (frame.kind, frame.status, frame.buyers, frame.targets) == (
        kind,
        status,
        buyers,
        targets,
    )


def test_a_deal_word_in_another_sense_is_no_deal() -> None:
    assert read_deals("Die IG Metall fordert die Übernahme des Tarifvertrages.") == []
    assert read_deals("Das VW-Gesetz soll feindliche Übernahmen verhindern.") == []


def test_price_moves_are_read_with_their_company() -> None:
    text = "Die an der NASDAQ gelistete Amazon-Aktie verlor 1,01 Prozent auf 239,30 US-Dollar."
    assert read_moves(text) == [
        MoveDraft(company="Amazon", change="1,01 Prozent", price="239,30 US-Dollar")
    ]
    assert read_moves("Der DAX legte um 1,3 Prozent zu.") == []
    assert read_moves("An der Pariser Börse stiegen die Aktien um 3,5 Prozent.") == []
    # A compound names the company; an index or a venue is where its shares trade.
    assert read_moves("Die Linde-Titel fielen um 0,6 Prozent auf 42,67 Euro.")[0].company == (
        "Linde"
    )
    moved = read_moves("Ströer legte zu. Die Aktien gewinnen via XETRA 5,17 Prozent.")
    assert [m.company for m in moved] == ["Ströer"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("DieDHLGroup kauft. DerDAXhat zugelegt.", ["DHL Group", "DAX"]),
        ("Siemens Healthineersübernimmt Varian.", ["Siemens Healthineers", "Varian"]),
        (
            "Daily Mail & General Trust verkauft an Springer Nature.",
            ["Daily Mail & General Trust", "Springer Nature"],
        ),
        (
            "Die Deutsche Flugsicherung GmbH (DFS) wird privatisiert.",
            ["Deutsche Flugsicherung GmbH", "DFS"],
        ),
        ("Der Chipzulieferer Elbflorenz Halbleiter AG wächst.", ["Elbflorenz Halbleiter AG"]),
        ("Banken fürchten einen Notverkauf. Die Notverkauf-Pläne ruhen.", []),
        ("KIEL (dpa-AFX) - Die Reederei Skagerrak Shipping wächst.", ["Skagerrak Shipping"]),
        # A word the lexicon does not know, or an adjective, begins the name after it.
        ("Velox übernimmt den Spezialisten Quellwerk Data.", ["Velox", "Quellwerk Data"]),
        ("Es führt die Mitteldeutsche Handelsbank an.", ["Mitteldeutsche Handelsbank"]),
        # A compound cut short is no name; a genitive is the name; first words are words.
        ("Der Pharma- und Chemiekonzern Merck bietet.", ["Merck"]),
        ("Signa kauft HBC. Die Anteile HBCs gehen an Signa.", ["Signa", "HBC", "HBC", "Signa"]),
        ("Entsprechend schlossen die Papiere. Zunächst erwirbt VW Aktien.", ["VW"]),
        ("Vage Übernahmegerüchte: Ströer-Aktie springt an.", ["Ströer"]),
        ("Der Kurs stieg über den Ausgabekurs. Die Aktie liegt mit einem Jahresplus vorn.", []),
        ("Der Werbevermarkter wächst. Der Finanzinvestor Blackstone kauft.", ["Blackstone"]),
        ("Der Weltbild-Konzern kauft den Händler buecher.de.", ["Weltbild", "buecher.de"]),
        ("Abgesichert wird der Kredit durch die KfW.", ["KfW"]),
        ("Condor erhält erneut Hilfe. Die staatliche Hilfe hilft.", ["Condor"]),
        ("Die Investoren sind mit an Bord, so Refurbed.", ["Refurbed"]),
        (
            "Der Konzern Siemens verkauft Flender, teilte Siemens mit.",
            ["Siemens", "Flender", "Siemens"],
        ),
        ("Klaus-Michael Kühne stockt bei Lufthansa auf.", ["Klaus-Michael Kühne", "Lufthansa"]),
        ("Die Dortmunder Elmos verkauft ihr Werk. Elmos wächst.", ["Elmos", "Elmos"]),
        ("Schwerzenbach (awp) - Meier Tobler kauft Aktien zurück.", ["Meier Tobler"]),
        ("Hinzu kommt ein Kredit. Wenige wissen es.", []),
        (
            "Der Pharma-Konzern Roche dementiert. Die Übernahme-Spekulationen halten an.",
            ["Roche"],
        ),
        (
            "Die Deutsche Börse kauft Aktien. Infineon kauft den Konkurrenten Cypress.",
            ["Deutsche Börse", "Infineon", "Cypress"],
        ),
        ("Die Aktien des Handelskonzerns Metro stiegen.", ["Metro"]),
        ("Das hat der langjährige Inhaber Axel Kochinki mitgeteilt.", ["Axel Kochinki"]),
        (
            "Töchter des Halbleiterausrüsters ASML gehen an die Jenoptik AG.",
            ["ASML", "Jenoptik AG"],
        ),
    ],
)
def test_names_are_names_on_messy_text_too(text: str, names: list[str]) -> None:
    assert [m.text for m in name_mentions(text)] == names


def test_a_noun_that_is_also_a_company_is_a_name_where_used_as_one() -> None:
    assert "Tesla" in candidate_names("Die Firma Tesla hat Grohmann übernommen. Tesla wächst.")
    assert "Fokus" not in candidate_names("Aktie im Fokus: Amazon vor Milliarden-Investment.")


def test_currency_codes_prepositions_and_pronouns_are_no_names() -> None:
    text = (
        "Swiss Re zahlt 1 Mrd. GBP für Phoenix. Keiner bietet mehr. Gemäss "
        "Swiss Re ist der Deal fix. Milliardenschwerer Rückkauf bei Siemens. Hinter Siemens "
        "steht Bosch."
    )
    assert [m.text for m in name_mentions(text)] == [
        "Swiss Re",
        "Phoenix",
        "Swiss Re",
        "Siemens",
        "Siemens",
        "Bosch",
    ]


def test_deal_nouns_adverbs_and_austrian_legal_forms() -> None:
    text = (
        "Übrigens hat die Red Bull GesmbH ihre Anteile verkauft. Übernahme perfekt, sagt Siemens."
    )
    assert [m.text for m in name_mentions(text)] == ["Red Bull GesmbH", "Siemens"]


def test_a_noun_in_a_list_or_after_a_number_is_no_name() -> None:
    text = (
        "Die Firma ist auf Papier, Karton und Wellpappe spezialisiert. Der Kredit läuft fünf "
        "Jahre und kann zwei Mal verlängert werden. Kunden sind Drogerieketten und Karton "
        "wird knapp."
    )
    assert not {"Karton", "Mal"} & {m.text for m in name_mentions(text)}


def test_sentences_do_not_end_at_abbreviations_or_dates() -> None:
    text = "Der Preis liegt bei 3,5 Mio. Euro. Am 7. April wird gezahlt. Es sind 2 Mill. Euro."
    assert [s.text for s in split_sentences(text)] == [
        "Der Preis liegt bei 3,5 Mio. Euro.",
        "Am 7. April wird gezahlt.",
        "Es sind 2 Mill. Euro.",
    ]
