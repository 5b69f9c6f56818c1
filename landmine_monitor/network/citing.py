"""How the research log is cited in a footnote.

A researcher cites an interview, a request for information or its reply by writing a footnote,
as the Monitor always has. `footnote_text` gives that footnote in the house style, from the
record; the record's `Source` carries the fingerprint of that text as the footnote parser reads
it (`database.sources.citations`), so any footnote that cites the record the same way — pasted as
suggested, with a page added, or among other sources in one note, in a report imported, uploaded
or edited in the browser — is linked to the same Source, and through it to the record.

Pure functions of the record: no database access here (`services.cite_request` and
`services.cite_interview` write the Source).
"""

from __future__ import annotations

import re

from landmine_monitor.database.sources.citations import LETTER, Citation, fingerprint, parse_footnote
from landmine_monitor.foundation.dates import long_date

from .models import DatePrecision, Interview, InterviewMode, RequestForInformation, RequestState

# Names read with "the" before them: "to the Ministry of Foreign Affairs", "through the Central
# Headquarters of …" (the footnote parser drops it again: it is not part of the name).
_NEEDS_THE = re.compile(
    r"^(?:Ministry|Ministries|Government|Permanent|Embassy|Office|Department|Mission|Central|National"
    r"|Directorate|Council|Committee|Secretariat|Presidency|Delegation|General|Headquarters|Army)\b"
)


def _the(name: str) -> str:
    name = name.strip()
    return f"the {name}" if _NEEDS_THE.match(name) else name


def _parties(*parts: str) -> str:
    """ "Ri Thae Gun, Counsellor, the Permanent Mission …"; an organisation alone: "the Ministry …"."""
    named = [p.strip() for p in parts if p and p.strip()]
    if named:
        named[0] = _the(named[0])
    return ", ".join(named)


def interview_footnote(interview: Interview) -> str:
    """ "Landmine Monitor telephone interview with Kim Sam Jong, Counsellor, Permanent Mission …,
    24 February 1999." """
    how = "telephone interview" if interview.mode == InterviewMode.TELEPHONE else "interview"
    who = _parties(interview.person, interview.role, interview.organisation, interview.place)
    return f"Landmine Monitor {how} with {who}, {long_date(interview.held_on)}."


def request_footnote(request: RequestForInformation) -> str:
    """ "Request for information from Landmine Monitor to the Government of …, sent through …,
    January 1999." (The date as precisely as it is known.)"""
    to = _parties(request.addressee_person, request.addressee_title, request.addressee_organisation)
    through = f", sent through {_the(request.intermediary)}" if request.intermediary.strip() else ""
    return f"Request for information from Landmine Monitor to {to}{through}, {request.sent_on_display}."


def reply_footnote(request: RequestForInformation) -> str:
    """ "Reply from A. Official, Director, Ministry of Defence, to a Landmine Monitor request for
    information, 5 March 1999." """
    frm = _parties(request.addressee_person, request.addressee_title, request.addressee_organisation)
    when = long_date(request.response_on)
    return f"Reply from {frm}, to a Landmine Monitor request for information, {when}."


def has_reply(request: RequestForInformation) -> bool:
    return request.state in (RequestState.ANSWERED, RequestState.DECLINED) and request.response_on is not None


def footnote_text(record: Interview | RequestForInformation, *, reply: bool = False) -> str:
    """The footnote that cites the record (with `reply`, a request's reply)."""
    if isinstance(record, Interview):
        return interview_footnote(record)
    return reply_footnote(record) if reply else request_footnote(record)


def _expected(record: Interview | RequestForInformation, reply: bool) -> Citation:
    """The citation the record is, read from its fields (used when its footnote text, with
    unusual names in it, does not read back as one citation of the right kind)."""
    if isinstance(record, Interview):
        telephone = record.mode == InterviewMode.TELEPHONE
        return Citation(
            kind="telephone-interview" if telephone else "interview",
            person=record.person,
            organisation=record.organisation,
            date=record.held_on,
            place=record.place,
        )
    if reply:
        return Citation(
            kind=LETTER,
            person=record.addressee_person,
            organisation=record.addressee_organisation,
            date=record.response_on,
        )
    exact = record.sent_on_precision == DatePrecision.DAY
    return Citation(
        kind=LETTER,
        title="Request for information",
        person=record.addressee_person,
        organisation=record.addressee_organisation,
        date=record.sent_on if exact else None,
        date_text="" if exact else record.sent_on_display,
    )


def citation_of(record: Interview | RequestForInformation, *, reply: bool = False) -> Citation:
    """What the footnote parser reads from the record's footnote: the identity its Source has."""
    expected = _expected(record, reply)
    read = parse_footnote(footnote_text(record, reply=reply))
    if len(read) == 1 and read[0].kind == expected.kind:
        return read[0]
    return expected


def fingerprint_of(record: Interview | RequestForInformation, *, reply: bool = False) -> str:
    return fingerprint(citation_of(record, reply=reply))
