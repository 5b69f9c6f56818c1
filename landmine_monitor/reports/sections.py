"""Which part of a report a section is: from its heading as written, or from its content when
the heading was lost (then marked inferred, for an editor to confirm)."""

from __future__ import annotations

import re

from .document import SectionKind

K = SectionKind

# Words of a heading and the kinds they name; a merged heading ("Production, Transfer and
# Stockpiling", "Use and Landmine Problem") names several. Order is the report's own order.
HEADING_WORDS: list[tuple[str, SectionKind]] = [
    (r"\bbackground\b", K.BACKGROUND),
    (r"\bkey (developments|data)\b|\bten-year summary\b", K.KEY_DEVELOPMENTS),
    (r"(?<!disability )\bpolicy\b", K.MINE_BAN_POLICY),
    (r"\bproduction\b", K.PRODUCTION),
    (r"\btransfers?\b|\bexports?\b|\btrade\b", K.TRANSFER),
    (r"\bstockpil(e|es|ing)\b|\bdestruction\b", K.STOCKPILING),
    (r"\buse\b", K.USE),
    (r"\b(landmine|mine|mine/erw|erw)\s+problem\b|\bcontamination\b", K.LANDMINE_PROBLEM),
    (r"\bmine action\b|\bclearance\b|\bdemining\b|\bsurvey\b|\bfunding\b|\bcoordination\b", K.MINE_ACTION),
    (r"\b(mine|landmine) awareness\b|\brisk education\b|\bmre\b", K.MINE_AWARENESS),
    (r"\bcasualt(y|ies)\b|\bvictims?\b", K.CASUALTIES),
    (r"\bsurvivor\b|\bvictim assistance\b|\bdisability\b|\brehabilitation\b", K.SURVIVOR_ASSISTANCE),
]

# Words of a paragraph that tell its subject when its heading is lost. The first kind with the
# most hits wins; none means `other`.
CONTENT_WORDS: dict[SectionKind, str] = {
    K.PRODUCTION: r"\bproduc(es|ed|er|ers|tion|ing)\b|\bmanufactur",
    K.TRANSFER: r"\bexport(s|ed|ing)?\b|\bimport(s|ed|ing)?\b|\btransfer(s|red)?\b",
    K.STOCKPILING: r"\bstockpiles?\b|\bstocks? of\b|\bstored\b",
    K.USE: r"\b(planted|laid|emplaced|used|use of)\b",
    K.LANDMINE_PROBLEM: r"\bminefields?\b|\bcontaminat|\bmine[- ]affected\b",
    K.MINE_ACTION: r"\bclearance\b|\bdemining\b|\bsurvey\b",
    K.MINE_AWARENESS: r"\bawareness\b|\brisk education\b",
    K.CASUALTIES: r"\bcasualt|\bkilled\b|\binjured\b",
    K.SURVIVOR_ASSISTANCE: r"\bsurvivors?\b|\brehabilitation\b|\bprosthe",
    K.MINE_BAN_POLICY: r"\bsigned\b|\bratif|\bacce(ded|ssion)\b|\bresolution\b",
}


# The start of a footnote marker, as stored or as published ("[^5]", "[5]"): a line with one is
# text, not a heading.
NOTE_NUMBER = re.compile(r"\[\^?\d")


def kinds_for_heading(heading: str) -> list[SectionKind]:
    """The kinds a heading names, in report order; [OTHER] when it names none."""
    text = heading.casefold()
    found = [kind for pattern, kind in HEADING_WORDS if re.search(pattern, text)]
    return list(dict.fromkeys(found)) or [K.OTHER]


def infer_kind(text: str) -> SectionKind:
    """The likeliest kind of a paragraph that came without a heading: the subject with the most
    hits; a tie goes to the subject the paragraph names first ("…its stockpile … domestically
    produced mines, mines imported…" is about stockpiling)."""
    lowered = text.casefold()
    found = {kind: list(re.finditer(pattern, lowered)) for kind, pattern in CONTENT_WORDS.items()}
    best = max(len(hits) for hits in found.values())
    if best == 0:
        return K.OTHER
    tied = [kind for kind, hits in found.items() if len(hits) == best]
    return min(tied, key=lambda kind: found[kind][0].start())


def looks_like_heading(line: str) -> bool:
    """A short line without closing punctuation that names a known section."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80 or stripped[-1] in '.;:,"”)' or NOTE_NUMBER.search(stripped):
        return False
    return kinds_for_heading(stripped) != [K.OTHER]
