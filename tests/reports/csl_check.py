"""A checker of CSL-JSON input against the CSL schema's rules, for the citation tests."""

from __future__ import annotations

CSL_TYPES = {
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
    "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
    "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case", "legislation",
    "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
    "performance", "periodical", "personal_communication", "post", "post-weblog", "regulation", "report",
    "review", "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
}  # fmt: skip
CSL_NAME_VARIABLES = {
    "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
    "curator", "director", "editor", "editorial-director", "executive-producer", "interviewer", "illustrator",
    "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author", "translator",
}  # fmt: skip
CSL_NAME_PARTS = {
    "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "comma-suffix",
    "static-ordering", "literal", "parse-names",
}  # fmt: skip
CSL_DATE_VARIABLES = {
    "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
}  # fmt: skip
CSL_TEXT_VARIABLES = {
    "id", "language", "title", "title-short", "container-title", "container-title-short", "collection-title",
    "publisher", "publisher-place", "URL", "DOI", "ISBN", "ISSN", "note", "abstract", "genre", "medium",
    "source", "status", "version", "edition", "volume", "issue", "page", "number", "section", "archive",
    "event-place", "original-title", "part-title", "chapter-number", "collection-number",
}  # fmt: skip


def csl_problems(data) -> list[str]:
    """What makes `data` not valid CSL-JSON input, per the CSL schema's rules."""
    if not isinstance(data, list):
        return ["CSL-JSON is an array of items"]
    problems = []
    for item in data:
        for required in ("id", "type"):
            if required not in item:
                problems.append(f"missing {required}")
        if item.get("type") not in CSL_TYPES:
            problems.append(f"unknown type {item.get('type')!r}")
        for name, value in item.items():
            if name in CSL_NAME_VARIABLES:
                if not isinstance(value, list) or not all(
                    isinstance(n, dict) and n and set(n) <= CSL_NAME_PARTS for n in value
                ):
                    problems.append(f"{name} is not a list of names")
            elif name in CSL_DATE_VARIABLES:
                parts = value.get("date-parts") if isinstance(value, dict) else None
                if not (
                    isinstance(parts, list)
                    and 1 <= len(parts) <= 2
                    and all(isinstance(p, list) and 1 <= len(p) <= 3 for p in parts)
                    and all(isinstance(x, int) for p in parts for x in p)
                ):
                    problems.append(f"{name} is not a CSL date")
            elif name in CSL_TEXT_VARIABLES:
                if not isinstance(value, str | int) or value == "":
                    problems.append(f"{name} is not a string or number")
            elif name != "type":
                problems.append(f"unknown variable {name!r}")
    return problems
