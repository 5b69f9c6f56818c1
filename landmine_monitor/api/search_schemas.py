"""The JSON shapes of `GET /api/v1/search`. Its parameters and its answer's facets are one per
facet of `reports.search.facets.FACETS`, typed as each facet says."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema
from pydantic import create_model

from landmine_monitor.api.schemas import CountryRef
from landmine_monitor.reports.search.facets import FACETS
from landmine_monitor.reports.search.query import MAX_PAGE, MAX_QUERY_LENGTH

SearchParams = create_model(
    "SearchParams",
    __base__=Schema,
    q=(
        str,
        Field(
            "",
            max_length=MAX_QUERY_LENGTH,
            description="Words, all of which must be in a passage; a country's name in any spelling finds "
            "its reports first.",
        ),
    ),
    **{
        facet.name: (
            facet.api_type | None,
            Field(None, description=facet.description, **facet.api_constraints),
        )
        for facet in FACETS
    },
    page=(int, Field(1, ge=1, le=MAX_PAGE)),
)


class SearchHitOut(Schema):
    country: CountryRef
    edition: int
    edition_title: str
    sample: bool = Field(description="The report is sample content written for the software.")
    report_url: str
    url: str = Field(description="The report page at the passage (its paragraph or note) where it has an id.")
    anchor: str | None
    passage: Literal["text", "footnote"]
    footnote: int | None = Field(description="The note's number, for a footnote.")
    section_heading: str | None
    section_kinds: list[str]
    text: str = Field(description="The whole passage as plain text.")
    highlights: list[tuple[int, int]] = Field(
        description="[start, end) offsets in `text` of the words matched."
    )
    snippet_html: str = Field(
        description="The passage, or its part around the first match, as escaped HTML "
        "with the matches in <mark>."
    )


class FacetValueOut(Schema):
    value: str
    label: str
    count: int = Field(description="Matching passages with this value and the other facets chosen.")
    selected: bool


SearchFacetsOut = create_model(
    "SearchFacetsOut", __base__=Schema, **{facet.name: (list[FacetValueOut], ...) for facet in FACETS}
)


class SearchQueryOut(Schema):
    q: str
    words: list[str] = Field(description="What is searched for as words (hyphenated words joined by spaces).")
    countries: list[CountryRef] = Field(description="The countries the query names.")
    filters: dict[str, str]


class SearchOut(Schema):
    query: SearchQueryOut
    total: int = Field(description="Matching passages.")
    reports: int = Field(description="Reports with a matching passage.")
    page: int
    pages: int
    per_page: int
    results: list[SearchHitOut]
    facets: SearchFacetsOut
