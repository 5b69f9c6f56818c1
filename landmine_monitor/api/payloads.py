"""From the selectors' answers to the API's JSON shapes, for the API and for `--json` alike."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from decimal import Decimal

from landmine_monitor.database.countries.models import Country, Region
from landmine_monitor.database.facts.models import Fact
from landmine_monitor.database.sources.models import Source
from landmine_monitor.database.treaties.models import Treaty
from landmine_monitor.database.treaties.rules import Standing
from landmine_monitor.database.treaties.selectors import Parties, country_standings
from landmine_monitor.database.unga.models import Resolution
from landmine_monitor.database.unga.selectors import CastVote, country_votes, resolution_votes, tally
from landmine_monitor.reports.services import document_of

from . import schemas

REGION_NAMES = dict(Region.choices)


def source(s: Source) -> dict:
    return {
        "id": s.pk,
        "kind": s.kind,
        "title": s.title,
        "person": s.person,
        "organisation": s.organisation,
        "date": s.date,
        "date_text": s.date_text,
        "place": s.place,
        "url": s.url,
        "citation": s.citation,
    }


def sources(items: Iterable[Source | None]) -> list[dict]:
    unique = {s.pk: s for s in items if s is not None}
    return [source(s) for _, s in sorted(unique.items())]


def country_ref(c: Country) -> dict:
    return {"slug": c.slug, "name": c.name, "iso2": c.iso2 or None, "iso3": c.iso3 or None}


def country(c: Country) -> dict:
    return {
        **country_ref(c),
        "kind": c.kind,
        "region": {"slug": c.region, "name": REGION_NAMES[c.region]},
        "numeric": c.numeric or None,
        "independent_from": c.independent_from,
        "un_member_from": c.un_member_from,
        "un_member_until": c.un_member_until,
    }


def country_detail(c: Country) -> schemas.CountryDetailOut:
    names = [
        {"name": n.name, "valid_from": n.valid_from, "valid_until": n.valid_until} for n in c.names.all()
    ]
    return schemas.CountryDetailOut.model_validate({**country(c), "names": names})


def country_list(countries: Iterable[Country], filters: dict[str, str]) -> schemas.CountryListOut:
    results = [country(c) for c in countries]
    return schemas.CountryListOut.model_validate(
        {"count": len(results), "filters": filters, "results": results}
    )


def treaty_ref(t: Treaty) -> dict:
    return {"slug": t.slug, "short_name": t.short_name, "name": t.name}


def treaty(t: Treaty) -> dict:
    return {
        **treaty_ref(t),
        "adopted_on": t.adopted_on,
        "opened_for_signature_on": t.opened_for_signature_on,
        "signature_closes_on": t.signature_closes_on,
        "entry_into_force_on": t.entry_into_force_on,
        "entry_into_force_rule": t.entry_into_force_rule,
        "entry_into_force_threshold": t.entry_into_force_threshold,
        "withdrawal_delay_months": t.withdrawal_delay_months,
        "parent": t.parent.slug if t.parent_id else None,
    }


def _standing_fields(s: Standing) -> dict:
    return {
        "status": s.status.value,
        "signed": s.signature.date if s.signature else None,
        "consented": {"date": s.consent.date, "kind": s.consent.kind} if s.consent else None,
        "in_force": s.in_force,
        "withdrawn": (
            {"notified": s.withdrawal.date, "effective": s.withdrawal_effective} if s.withdrawal else None
        ),
    }


def standing(s: Standing) -> dict:
    return {
        "treaty": treaty_ref(s.treaty),
        **_standing_fields(s),
        "status_label": s.status_label,
        "actions": [
            {
                "kind": a.kind,
                "date": a.date,
                "effective_on": a.effective_on,
                "locator": a.locator,
                "note": a.note,
                "source_id": a.source_id,
            }
            for a in s.actions
        ],
        "sources": sources([*(a.source for a in s.actions), s.treaty.record_source]),
    }


def country_treaties(c: Country, on: datetime.date) -> schemas.CountryTreatiesOut:
    return schemas.CountryTreatiesOut.model_validate(
        {"country": country(c), "on": on, "treaties": [standing(s) for s in country_standings(c, on)]}
    )


def parties(p: Parties) -> schemas.PartiesOut:
    states = [
        {
            "country": country_ref(c),
            **_standing_fields(s),
            "source_ids": sorted({a.source_id for a in s.actions}),
        }
        for c, s in p.standings
    ]
    return schemas.PartiesOut.model_validate(
        {
            "treaty": treaty(p.treaty),
            "on": p.on,
            "counts": p.counts,
            "instruments_deposited": p.instruments_deposited,
            "states": states,
            "sources": sources(
                [p.treaty.record_source, *(a.source for _, s in p.standings for a in s.actions)]
            ),
        }
    )


def _totals_text(t: dict[str, int]) -> str:
    return f"{t['yes']}–{t['no']}–{t['abstain']}"


def resolution(r: Resolution, rows: list[CastVote] | None = None) -> dict:
    rows = resolution_votes(r) if rows is None else rows
    dataset = tally(rows, dataset_only=True)
    recorded = r.recorded_totals
    gap = None
    if recorded and recorded != dataset:
        gap = f"Recorded result {_totals_text(recorded)}; the per-state data holds {_totals_text(dataset)}."
    return {
        "symbol": r.symbol,
        "slug": r.slug,
        "session": r.session,
        "title": r.title,
        "adopted_on": r.adopted_on,
        "adopted_on_source": source(r.adopted_on_source) if r.adopted_on_source else None,
        "dataset_date": r.dataset_date,
        "vote_date": r.vote_date,
        "recorded": recorded,
        "recorded_source": source(r.recorded_source) if r.recorded_source else None,
        "dataset_totals": dataset,
        "gap": gap,
        "note": r.note,
        "votes_source": source(r.votes_source),
        "votes_locator": r.votes_locator,
    }


def resolutions(items: Iterable[Resolution]) -> list[schemas.ResolutionOut]:
    return [schemas.ResolutionOut.model_validate(resolution(r)) for r in items]


def _vote_fields(v: CastVote) -> dict:
    return {
        "vote": v.vote,
        "in_dataset": v.record.in_dataset if v.record else None,
        "note": v.record.note if v.record else "",
        "source_id": v.record.source_id if v.record else None,
    }


def resolution_with_votes(r: Resolution) -> schemas.ResolutionVotesOut:
    rows = resolution_votes(r)
    return schemas.ResolutionVotesOut.model_validate(
        {
            "resolution": resolution(r, rows),
            "counts": tally(rows),
            "votes": [{"country": country_ref(v.country), **_vote_fields(v)} for v in rows],
            "sources": sources(v.record.source for v in rows if v.record),
        }
    )


def votes_of_country(c: Country) -> schemas.CountryVotesOut:
    rows = country_votes(c)
    return schemas.CountryVotesOut.model_validate(
        {
            "country": country(c),
            "votes": [
                {
                    "resolution": {
                        "symbol": v.resolution.symbol,
                        "slug": v.resolution.slug,
                        "title": v.resolution.title,
                        "vote_date": v.resolution.vote_date,
                    },
                    **_vote_fields(v),
                }
                for v in rows
            ],
            "sources": sources(v.record.source for v in rows if v.record),
        }
    )


def _plain(value: object) -> object:
    """Numbers as JSON numbers; a range as [lower, upper]."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    return value


def fact(f: Fact) -> dict:
    i = f.indicator
    return {
        "id": f.pk,
        "indicator": {
            "slug": i.slug,
            "name": i.name,
            "unit": i.unit,
            "value_type": i.value_type,
            "theme": i.theme,
        },
        "value_status": f.value_status,
        "value": _plain(f.value),
        "display_value": f.display_value,
        "point_in_time": f.point_in_time,
        "period_start": f.period_start,
        "period_end": f.period_end,
        "qualifiers": f.qualifiers,
        "edition": f.edition.year if f.edition_id else None,
        "rank": f.rank,
        "references": [
            {
                "source": source(r.source),
                "locator": r.locator,
                "footnote_number": r.footnote_number,
                "quote": r.quote,
            }
            for r in f.references.all()
        ],
    }


def facts_of_country(c: Country, facts: Iterable[Fact]) -> schemas.CountryFactsOut:
    return schemas.CountryFactsOut.model_validate({"country": country(c), "facts": [fact(f) for f in facts]})


def report_ref(page, draft: bool = False) -> dict:
    return {
        "country": country_ref(page.country),
        "edition": page.edition.year,
        "title": page.title,
        "url": f"/api/v1/reports/{page.edition.year}/{page.country.iso3 or page.country.slug}",
        "is_sample": page.is_sample,
        "draft": draft,
    }


def report_list(versions: Iterable[tuple[object, bool]]) -> schemas.ReportListOut:
    """The list of reports, each given as (page or revision, whether it is a draft)."""
    results = [report_ref(page, draft) for page, draft in versions]
    return schemas.ReportListOut.model_validate({"count": len(results), "results": results})


def report(page, draft: bool = False) -> schemas.ReportOut:
    doc = document_of(page)
    citations = {f.number: list(f.citations.all()) for f in page.footnotes.all()}
    return schemas.ReportOut.model_validate(
        {
            "country": country_ref(page.country),
            "edition": page.edition.year,
            "title": doc.title,
            "is_sample": page.is_sample,
            "draft": draft,
            "key_developments": doc.key_developments,
            "summary_table": [list(row) for row in doc.summary_table],
            "sections": [
                {
                    "heading": s.heading,
                    "kinds": [k.value for k in s.kinds],
                    "inferred": s.inferred,
                    "paragraphs": [{"text": p.text, "footnotes": p.footnotes} for p in s.paragraphs],
                }
                for s in doc.sections
            ],
            "footnotes": [
                {
                    "number": f.number,
                    "text": f.text,
                    "ibid_of": f.ibid_of,
                    "sources": [
                        {**source(c.source), "locator": c.locator} for c in citations.get(f.number, [])
                    ],
                }
                for f in doc.footnotes
            ],
            "warnings": [str(w) for w in doc.warnings],
        }
    )


def source_detail(s: Source, citations) -> schemas.SourceDetailOut:
    footnotes = [
        {
            "country": country_ref(c.footnote.report.country),
            "edition": c.footnote.report.edition.year,
            "report_url": report_ref(c.footnote.report)["url"],
            "number": c.footnote.number,
            "text": c.footnote.text,
            "locator": c.locator,
        }
        for c in citations
    ]
    return schemas.SourceDetailOut.model_validate({**source(s), "footnotes": footnotes})


def as_json(payload) -> object:
    """The payload exactly as the API sends it."""
    if isinstance(payload, list):
        return [as_json(p) for p in payload]
    return payload.model_dump(mode="json")


def dump_json(payload) -> str:
    """What a command prints for `--json`: exactly what the API sends."""
    return json.dumps(as_json(payload), indent=2, ensure_ascii=False)
