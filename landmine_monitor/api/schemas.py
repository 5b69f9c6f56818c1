"""The shapes of the API's JSON. The CLI's `--json` prints these same shapes."""

from __future__ import annotations

import datetime

from ninja import Schema


class SourceOut(Schema):
    id: int
    kind: str
    title: str
    person: str
    organisation: str
    date: datetime.date | None
    date_text: str
    place: str
    url: str
    citation: str


class RegionOut(Schema):
    slug: str
    name: str


class CountryRef(Schema):
    slug: str
    name: str
    iso2: str | None
    iso3: str | None


class CountryOut(CountryRef):
    kind: str
    region: RegionOut
    numeric: str | None
    independent_from: datetime.date | None
    un_member_from: datetime.date | None
    un_member_until: datetime.date | None


class NameOut(Schema):
    name: str
    valid_from: datetime.date | None
    valid_until: datetime.date | None


class CountryDetailOut(CountryOut):
    names: list[NameOut]


class CountryListOut(Schema):
    count: int
    filters: dict[str, str]
    results: list[CountryOut]


class TreatyRef(Schema):
    slug: str
    short_name: str
    name: str


class TreatyOut(TreatyRef):
    adopted_on: datetime.date | None
    opened_for_signature_on: datetime.date | None
    signature_closes_on: datetime.date | None
    entry_into_force_on: datetime.date | None
    entry_into_force_rule: str
    entry_into_force_threshold: int
    withdrawal_delay_months: int
    parent: str | None


class ConsentOut(Schema):
    date: datetime.date
    kind: str


class WithdrawalOut(Schema):
    notified: datetime.date
    effective: datetime.date


class ActionOut(Schema):
    kind: str
    date: datetime.date
    effective_on: datetime.date | None
    locator: str
    note: str
    source_id: int


class StandingOut(Schema):
    treaty: TreatyRef
    status: str
    status_label: str
    signed: datetime.date | None
    consented: ConsentOut | None
    in_force: datetime.date | None
    withdrawn: WithdrawalOut | None
    actions: list[ActionOut]
    sources: list[SourceOut]


class CountryTreatiesOut(Schema):
    country: CountryOut
    on: datetime.date
    treaties: list[StandingOut]


class PartyOut(Schema):
    country: CountryRef
    status: str
    signed: datetime.date | None
    consented: ConsentOut | None
    in_force: datetime.date | None
    withdrawn: WithdrawalOut | None
    source_ids: list[int]


class PartiesOut(Schema):
    treaty: TreatyOut
    on: datetime.date
    counts: dict[str, int]
    instruments_deposited: int
    states: list[PartyOut]
    sources: list[SourceOut]


class TotalsOut(Schema):
    yes: int
    no: int
    abstain: int


class ResolutionOut(Schema):
    symbol: str
    slug: str
    session: int
    title: str
    adopted_on: datetime.date | None
    adopted_on_source: SourceOut | None
    dataset_date: datetime.date
    vote_date: datetime.date
    recorded: TotalsOut | None
    recorded_source: SourceOut | None
    dataset_totals: TotalsOut
    gap: str | None
    note: str
    votes_source: SourceOut
    votes_locator: str


class VoteOut(Schema):
    country: CountryRef
    vote: str
    in_dataset: bool | None
    note: str
    source_id: int | None


class ResolutionVotesOut(Schema):
    resolution: ResolutionOut
    counts: dict[str, int]
    votes: list[VoteOut]
    sources: list[SourceOut]


class ResolutionRef(Schema):
    symbol: str
    slug: str
    title: str
    vote_date: datetime.date


class CountryVoteOut(Schema):
    resolution: ResolutionRef
    vote: str
    in_dataset: bool | None
    note: str
    source_id: int | None


class CountryVotesOut(Schema):
    country: CountryOut
    votes: list[CountryVoteOut]
    sources: list[SourceOut]


class IndicatorOut(Schema):
    slug: str
    name: str
    unit: str
    value_type: str
    theme: str


class ReferenceOut(Schema):
    source: SourceOut
    locator: str
    footnote_number: int | None
    quote: str


class FactOut(Schema):
    id: int
    indicator: IndicatorOut
    value_status: str
    value: str | float | bool | list[float | None] | datetime.date | None
    display_value: str
    point_in_time: datetime.date | None
    period_start: datetime.date | None
    period_end: datetime.date | None
    qualifiers: list[str]
    edition: int | None
    rank: str
    references: list[ReferenceOut]


class CountryFactsOut(Schema):
    country: CountryOut
    facts: list[FactOut]


class ReportRef(Schema):
    country: CountryRef
    edition: int
    title: str
    url: str
    is_sample: bool
    draft: bool = False  # True: an unpublished revision, listed only for a token whose user may see it


class ReportListOut(Schema):
    count: int
    results: list[ReportRef]


class ParagraphOut(Schema):
    text: str
    footnotes: list[int]


class SectionOut(Schema):
    heading: str
    kinds: list[str]
    inferred: bool
    paragraphs: list[ParagraphOut]


class CitedSourceOut(SourceOut):
    locator: str


class FootnoteOut(Schema):
    number: int
    text: str
    ibid_of: int | None
    sources: list[CitedSourceOut]


class ReportOut(Schema):
    country: CountryRef
    edition: int
    title: str
    is_sample: bool
    draft: bool = False  # True: the latest revision, not yet published, shown to a user who may see it
    key_developments: str
    summary_table: list[list[str]]
    sections: list[SectionOut]
    footnotes: list[FootnoteOut]
    warnings: list[str]


class CitingFootnoteOut(Schema):
    country: CountryRef
    edition: int
    report_url: str
    number: int
    text: str
    locator: str


class SourceDetailOut(SourceOut):
    footnotes: list[CitingFootnoteOut]


class ErrorOut(Schema):
    detail: str
