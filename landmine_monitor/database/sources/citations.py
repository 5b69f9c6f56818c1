"""Reading the sources a footnote cites.

A footnote body is free text written by hundreds of researchers over many years, so this module
reads it with a few clear rules rather than a grammar. It is pure Python (no database, no Django
setup needed) so it can be tested on text alone.

- `parse_footnote(text)` splits a footnote into the sources it cites and reads each one's kind,
  person, organisation, title, date, place, URL and locator. "Ibid." gives `[]`: the caller
  follows `Footnote.ibid_of` (and `ibid_locator(text)` gives the "p. 12" of "Ibid., p. 12").
- `fingerprint(citation)` is a normalised identity, so that one source cited in several footnotes
  or reports is recognised as one `Source`.

How a footnote is read:

1. Markdown is reduced to text (`*Title*` is remembered as an emphasised title).
2. It is cut into parts: sentences, then "; ", then " and " / ", and " where what follows starts a
   new citation ("… 22 January 1999 and Landmine Monitor/Tokyo telephone interviews …", "… Mine
   Database 96, and Mine Web, …"). A sentence that cites nothing (no kind recognised, no date, no
   URL) is commentary and is dropped.
3. From each part come, in this order: URLs, access dates (dropped), a quoted title “…”, an
   emphasised title, "Landmine Monitor/<place>", locators (p. / pp. / para. / Annex / Table /
   section; Article 7 "Form B"), dates (ranges, days, months, then a bare year), a publisher in
   parentheses "(New York: Human Rights Watch, 1993)". What remains is split at commas.
4. The kind is the first rule that matches (see `_classify`): telephone interview, interview,
   letter, Article 7 report, UN document, database, press, government document, book, report,
   website.
5. Components are then read by position for that kind: who was interviewed ("with …"), who wrote
   ("from …" / "by …"), author(s) before a title, a place just before the date or just after a
   newspaper's name.

Dates: a single day gives `date` and an empty `date_text`; a range gives its first day as `date`
and the range as written in `date_text` ("from 19 to 24 February 1999"); a month or a year alone
gives `date=None` and `date_text` ("July 1997", "1997"). When several dates stand in one part, the
last one is the citation's. Honorifics and ranks (Mr., Dr., Sgt, Ambassador, Lt. Col. …) are not
part of `person`; a role ("the Counselor") is dropped and "Counselor of the Permanent Mission of X"
gives the organisation "Permanent Mission of X". Text keeps its typography (’ stays ’): only
`fingerprint` folds it.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass

# The kinds, as `sources.models.SourceKind` values (kept here so this module needs no Django).
INTERVIEW = "interview"
TELEPHONE_INTERVIEW = "telephone-interview"
LETTER = "letter"
PRESS = "press"
GOVERNMENT_DOCUMENT = "government-document"
ARTICLE_7_REPORT = "article-7-report"
UN_DOCUMENT = "un-document"
DATABASE = "database"
BOOK = "book"
REPORT = "report"
WEBSITE = "website"
KINDS = (
    INTERVIEW,
    TELEPHONE_INTERVIEW,
    LETTER,
    PRESS,
    GOVERNMENT_DOCUMENT,
    ARTICLE_7_REPORT,
    UN_DOCUMENT,
    DATABASE,
    BOOK,
    REPORT,
    WEBSITE,
)

FINGERPRINT_MAX = 300
# What a component is (`_party_kind`, `_is_outlet`) depends on its text alone, and the same
# components (a ministry, an agency, a person) recur across footnotes: the last ones are kept.
COMPONENTS_KEPT = 4096


@dataclass
class Citation:
    """One source cited by a footnote, as the footnote gives it."""

    kind: str  # a SourceKind value
    title: str = ""
    person: str = ""
    organisation: str = ""
    date: datetime.date | None = None
    date_text: str = ""  # as written, when not a single day: "July 1997", "from 19 to 24 February 1999"
    place: str = ""
    url: str = ""
    locator: str = ""  # where in the source: "p. 470", "Form B"; not part of the source's identity
    raw: str = ""  # the part of the footnote it was read from


# --------------------------------------------------------------------------------------------
# Public API


def parse_footnote(text: str) -> list[Citation]:
    """The sources one footnote cites, in the order it cites them; [] for "Ibid." (and for a
    footnote that is commentary only)."""
    plain = _plain(text)
    if not plain or IBID.match(_unemph(plain)):
        return []
    citations = []
    for part in _parts(plain):
        if IBID.match(_unemph(part)):
            continue
        citation = _parse_part(part)
        if citation is not None:
            citations.append(citation)
    return citations


def is_ibid(text: str) -> bool:
    """Whether the footnote repeats the one before it ("Ibid.", "Ibid., p. 12")."""
    return bool(IBID.match(_unemph(_plain(text))))


def ibid_locator(text: str) -> str:
    """The locator an "Ibid." footnote adds ("Ibid., p. 12" → "p. 12"); "" when none."""
    match = IBID.match(_unemph(_plain(text)))
    if not match:
        return ""
    return match.group("rest").strip(" .,;:")


def fingerprint(citation: Citation) -> str:
    """A normalised identity: kind | who | title | when [| place], folded.

    - who is the person, or the organisation when there is no person (an interview with Pom
      Nyung is the same whether or not his organisation is named);
    - when is the day (ISO) or the digits and month names of `date_text`;
    - place counts only when who or title is missing ("Reuters, Maputo, 3 May 2001" differs from
      "Reuters, Luanda, 3 May 2001");
    - the URL counts only when there is neither who nor title (a bare website);
    - the locator never counts. Over 300 characters, the end is replaced by a hash.
    """
    who = _fold(citation.person) or _fold(citation.organisation)
    title = _fold(citation.title)
    if citation.date_text:
        words = re.findall(r"\d+|[a-z]+", _fold(citation.date_text))
        when = " ".join(w for w in words if w not in _DATE_NOISE)
    elif citation.date:
        when = citation.date.isoformat()
    else:
        when = ""
    parts = [citation.kind, who, title, when]
    if not (who and title):
        parts.append(_fold(citation.place))
    if not (who or title):
        parts.append(_fold_url(citation.url))
        if not (when or citation.place or citation.url):
            parts.append(_fold(citation.raw))
    value = "|".join(parts)
    if len(value) > FINGERPRINT_MAX:
        digest = hashlib.sha1(value.encode()).hexdigest()[:16]
        value = f"{value[: FINGERPRINT_MAX - 17]}#{digest}"
    return value


# --------------------------------------------------------------------------------------------
# Vocabulary

IBID = re.compile(r"^\s*ibid(?:em)?\b\.?(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)

_EMPH_OPEN, _EMPH_CLOSE = "\x01", "\x02"

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_DATE_NOISE = {"from", "to", "and", "between", "until", "through", "for", "the", "period", "covering"}


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _m(group: str) -> str:
    return (
        rf"(?P<{group}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        rf"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
    )


_Y = r"(?:1[89]\d\d|20\d\d)"
_ORD = r"(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|–|—|to|and|until|through|till)\s*"
_FROM = r"(?:(?:from|between|for the period(?: from)?|covering(?: the period)?|during)\s+)?"
_DATE_PATTERNS = [
    # 30 January to 2 February 1999; 3 May 2001 to 4 June 2002
    (
        "range",
        re.compile(
            rf"{_FROM}(?P<d1>\d{{1,2}}){_ORD}\s+{_m('m1')}(?:,?\s+(?P<y1>{_Y}))?{_TO}"
            rf"(?P<d2>\d{{1,2}}){_ORD}\s+{_m('m2')},?\s+(?P<y2>{_Y})\b"
        ),
    ),
    # from 19 to 24 February 1999; 19-24 February 1999
    (
        "range",
        re.compile(
            rf"{_FROM}(?P<d1>\d{{1,2}}){_ORD}{_TO}(?P<d2>\d{{1,2}}){_ORD}\s+{_m('m2')},?\s+(?P<y2>{_Y})\b"
        ),
    ),
    # February 19-24, 1999
    (
        "range",
        re.compile(rf"{_FROM}{_m('m2')}\s+(?P<d1>\d{{1,2}}){_TO}(?P<d2>\d{{1,2}}),\s*(?P<y2>{_Y})\b"),
    ),
    # January–March 1999; January 1999 to March 2000
    ("months", re.compile(rf"{_FROM}{_m('m1')}(?:,?\s+(?P<y1>{_Y}))?{_TO}{_m('m2')},?\s+(?P<y2>{_Y})\b")),
    # 24 February 1999; 24th Feb. 1999
    ("day", re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+{_m('m')},?\s+(?P<y>{_Y})\b")),
    # February 24, 1999
    ("day", re.compile(rf"{_m('m')}\s+(?P<d>\d{{1,2}}){_ORD},\s*(?P<y>{_Y})\b")),
    # 1999-02-24
    ("iso", re.compile(rf"\b(?P<y>{_Y})-(?P<mo>\d\d)-(?P<d>\d\d)\b")),
    # February 1999
    ("month", re.compile(rf"{_m('m')},?\s+(?P<y>{_Y})\b")),
]
_ANY_YEAR = re.compile(_Y)


def _blank_out(m: re.Match) -> str:
    """A date found, masked so that the patterns after it do not find it again."""
    return "\x00" * len(m.group(0))


# A bare year only as a whole component: ", 1997" / "(1997)" / "1998–1999" / "mid-1998".
_YEAR_COMPONENT = re.compile(
    rf"^\(?(?:(?:early|mid|late|end of|end)[- ]?)?{_Y}(?:\s*(?:-|–|/|to)\s*(?:{_Y}|\d\d))?\)?$", re.I
)
_DATE_LEAD = re.compile(
    r"(?:,\s*)?\b(?:dated|on|of|as of|as at|submitted(?: on)?|received(?: on)?|issued(?: on)?"
    r"|published(?: on)?|updated(?: on)?|sent(?: on)?)\s*$",
    re.I,
)
_ACCESS = re.compile(
    r"\(?\s*(?:last\s+)?(?:accessed|viewed|visited|retrieved|consulted|downloaded)(?:\s+on)?\s+"
    rf"(?:\d{{1,2}}\s+{_m('am')},?\s+{_Y}|{_m('bm')}\s+\d{{1,2}},\s*{_Y}|{_m('cm')},?\s+{_Y})\s*\)?",
    re.I,
)

_ACCESS_WORD = re.compile(r"accessed|viewed|visited|retrieved|consulted|downloaded", re.I)  # in every _ACCESS

_URL = re.compile(r"(?:https?://|www\.)[^\s,;()<>“”\"]+", re.I)
_URL_LEAD = re.compile(
    r"(?:,?\s*\b(?:available|accessible|posted|published|online)?\s*(?:at|on|from|via|see)\s*:?)?\s*$", re.I
)

_LOCATORS = [
    re.compile(r"\bpp?\.\s*[0-9ivxlc]+[a-z]?(?:\s*(?:-|–|,|and)\s*[0-9ivxlc]+[a-z]?)*(?![\w/])", re.I),
    re.compile(r"\bpages?\s+\d+(?:\s*(?:-|–|and)\s*\d+)?\b", re.I),
    re.compile(r"\bparas?\.\s*\d+(?:\.\d+)*(?:\s*(?:-|–|and)\s*\d+)?\b", re.I),
    re.compile(r"\bparagraphs?\s+\d+(?:\.\d+)*(?:\s*(?:-|–|and)\s*\d+)?\b", re.I),
    re.compile(r"\bAnnex(?:es)?\s+(?:[IVXLC]+|\d+|[A-Z])\b"),
    re.compile(r"\bTables?\s+\d+(?:\.\d+)*[a-z]?\b"),
    re.compile(r"\b[Ss]ections?\s+\d+(?:\.\d+)*\b"),
    re.compile(r"\bChapter\s+(?:[IVXLC]+|\d+)\b"),
]
_FORM = re.compile(r"\bForms?\s+[A-J](?:\.\d+)?(?:\s*(?:,|and|&|-|–|to)\s*[A-J](?:\.\d+)?)*\b")
_PUBLISHER = re.compile(rf"\((?P<place>[^():]+?):\s*(?P<publisher>[^()]+?)(?:,\s*(?P<year>{_Y}))?\)")
_LM_PLACE = re.compile(
    r"\b(?:Landmine Monitor|LM)(?:\s*\([^)]*\))?\s*/\s*"
    r"(?P<place>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|del|da|es|al|el))*)"
)
_LM_PREFIX = re.compile(
    r"^\s*(?:the\s+)?(?:Landmine Monitor|LM)(?:\s*\([^)]*\))?(?:\s*/\s*[A-Z][\w'’.-]*"
    r"(?:\s+(?:[A-Z][\w'’.-]*|de|del|da|es|al|el))*)?(?:\s+(?:researcher|research team|staff|team))?\s*",
)

_UN_SYMBOL = re.compile(
    r"(?<![\w/])(?:A|S|E|GA|SC|SG|DC|CD|CCW|APLC|CCM|ST|UNGA|UNEP|UNDP|DPI|TD)(?:/[A-Za-z0-9.()\-]+)+"
    r"(?:\s[A-Z](?=[\s,.;)]|$))?"
)
_UN_BODY = re.compile(
    r"^(?:the\s+)?(?P<body>(?:UN|United Nations)\s+(?:General Assembly(?:\s+First Committee)?"
    r"|Security Council|Secretary-General|Secretariat|Economic and Social Council"
    r"|Department of [A-Z][\w ]*?|Office for Disarmament Affairs|Mine Action Service)"
    r"|General Assembly|Security Council|Secretary-General|First Committee)\b[,:]?\s*(?P<rest>.*)$"
)

_AGENCIES = (
    r"Reuters|Agence France[- ]Presse|AFP|Associated Press|AP|Xinhua|ITAR-TASS|Itar-Tass|TASS|Interfax"
    r"|RIA Novosti|Kyodo|Jiji|Yonhap|KCNA|BBC|IRIN|UPI|United Press International|DPA|Deutsche Presse-Agentur"
    r"|ANSA|EFE|Inter Press Service|IPS|PANA|Panapress|Lusa|ANGOP|RFE/RL|Radio Free Europe|Voice of America"
    r"|VOA|CNN|Al[- ]Jazeera|Bernama|Antara|PTI|Press Trust of India|Anadolu|SAPA|Notimex|Prensa Latina"
    r"|MENA|IRNA|Tanjug|HINA|Xinhua News Agency|Kyodo News|Agence Cambodge Presse|AKP"
)
_AGENCY = re.compile(rf"(?<![\w-])(?:{_AGENCIES})(?![\w-])")
_OUTLET_ANYWHERE = re.compile(
    r"\b(?:Radio|Television|TV|Broadcasting|Newspaper|News\s?Paper|News Agency|Press Agency|Newswire|Daily"
    r"|Gazette|Presse)\b"
)
_OUTLET_END = re.compile(
    r"\b(?:News|Press|Times|Post|Herald|Tribune|Journal|Gazette|Observer|Guardian|Telegraph|Chronicle|Mail"
    r"|Express|Star|Nation|Independent|Monitor|Courier|Courrier|Weekly|Magazine|Week|Today|Globe|Sun|Mirror"
    r"|Bulletin|Dispatch|Reporter|Inquirer|Standard)$"
)
_NOT_OUTLET = re.compile(
    r"\b(?:Landmine Monitor|Cluster Munition Monitor|Human Rights Watch|Official Gazette)\b"
)

_ORG_WORDS = (
    r"Ministry|Ministries|Mission|Department|Dept|Agency|Office|Embassy|Consulate|Centre|Center|Committee"
    r"|Commission|Council|Institute|Foundation|Association|Society|Movement|Organi[sz]ation|Campaign|Army"
    r"|Forces|Force|Navy|Command|Headquarters|HQ|Base|Government|Govt|University|Programme|Program"
    r"|Service|Services|Bureau|Cross|Crescent|Watch|Bank|Fund|Corps|Union|Federation|Network|Trust|Group"
    r"|Authority|Unit|Division|Secretariat|Parliament|Assembly|Court|Police|Hospital|Clinic|Church"
    r"|Coalition|Alliance|Board|Company|Corporation|Ltd|Inc|Conference|Delegation|League|Academy|School"
    r"|Party|Front|Nations|International|Aid|Relief|Action|Cooperation|Co-operation|Partnership"
    r"|Directorate|Administration|Chamber|Inspectorate|Brigade|Battalion|Regiment|Club|Congress"
    r"|Diocese|Monitor|Initiative|Project|Team|Presidency|Gazette|Cabinet|Senate|Ministère"
)
_ORG = re.compile(rf"\b(?:{_ORG_WORDS})\b")
_ACRONYM = re.compile(r"^(?:the\s+)?[A-Z][A-Z0-9&/-]{1,9}$")
_DOC_START = re.compile(
    r"^(?:Final|Report|Resolution|Decision|Document|Declaration|Statement|Letter|Note|Annual|Draft|Summary"
    r"|Record|Minutes|Proceedings|Article|Protocol|Convention|Treaty|Law|Decree|Act)\b"
)
_KNOWN_NGOS = re.compile(
    r"\b(?:ICBL|International Campaign to Ban Landmines|Human Rights Watch|HRW|Landmine Monitor|ICRC"
    r"|International Committee of the Red Cross|Handicap International|Mines Advisory Group|MAG|HALO Trust"
    r"|Norwegian People['’]s Aid|NPA|Mines Action Canada|Vietnam Veterans of America Foundation|VVAF"
    r"|Geneva Call|Landmine Survivors Network|GICHD)\b"
)

_HONORIFIC = re.compile(
    r"^(?:(?:(?:Mrs|Mr|Ms|Miss|Dr|Prof|H\.\s?E|Amb|Lt|Col|Gen|Maj|Capt|Sgt|Cpl|Pvt|Brig|Cmdr|Cdr|Adm|Rev|Fr"
    r"|Hon|Sen|Rep|St)\b\.?\s*)|(?:(?:Ambassador|Colonel|Lieutenant|General|Major|Captain|Sergeant|Brigadier"
    r"|Commander|Admiral|Professor|Doctor|Sir|Dame|Senator|Minister|Deputy Minister|Sheikh|Excellency"
    r"|His Excellency|Her Excellency|Father|Brother|Sister|Venerable)\s+))+(?=[A-Z])"
)
_POSTNOMINAL = re.compile(r"^(?:CD|OBE|MBE|CBE|KBE|PhD|Ph\.D\.?|MD|QC|MP|Jr\.?|Sr\.?|Esq\.?|MSc|MA)$")
_ROLE_WORDS = (
    r"counsel+ors?|directors?(?:-general)?|ministers?|ambassadors?|officers?|secretar(?:y|ies)(?:-general)?"
    r"|chiefs?|heads?|deputy|deputies|president|vice-president|advis[eo]rs?|attach[ée]s?|co-?ordinators?"
    r"|managers?|chairman|chairperson|chair|spokes(?:person|man|woman)|commanders?|executives?"
    r"|representatives?|officials?|staff|members?|delegates?|delegation|monks?|priests?|experts?"
    r"|researchers?|doctors?|physicians?|nurses?|surgeons?|journalists?|editors?|reporters?"
    r"|consultants?|specialists?|analysts?|employees?|workers?|volunteers?|survivors?|victims?|refugees?"
    r"|villagers?|farmers?|soldiers?|colonel|general|major|captain|lieutenant|sergeant|deminers?|teachers?"
    r"|leaders?|founder|governor|mayor|attorney|lawyers?|professor|personnel|source|sources|spokesperson"
    r"|advocate|activists?|coordinator|facilitator|focal point|commissioner|envoy"
)
_ROLE_OF = re.compile(
    rf"^(?P<role>(?:[\w'’-]+\s+){{0,4}}?(?:{_ROLE_WORDS}))\s+(?:of|at|in|for|with|from|to)\s+(?:the\s+)?(?P<org>.+)$",
    re.I,
)
_ROLE_ONLY = re.compile(rf"^(?:[\w'’-]+\s+){{0,4}}?(?:{_ROLE_WORDS})$", re.I)
_NAME_TOKEN = (
    r"(?:[A-Z][\w'’-]*\.?|(?:[A-Z]\.)+[A-Z]?\.?"
    r"|de|da|dos|das|do|van|von|der|den|le|la|bin|binti|al|el|ibn|y|ben|du)"
)
_NAME = re.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,4}}$")
_PLACE = re.compile(
    r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|del|da|do|es|al|el|la|le|sur|on|upon|of)){0,3}"
    r"(?:\s+(?:village|town|city|province|district|region|area|camp|commune|county|state))?$"
)

_ABBREVIATIONS = set(
    """
    mr mrs ms dr st sgt lt col gen maj capt amb prof rev jr sr no nos vol vols p pp para paras art
    doc dept govt corp inc ltd co etc cf ed eds jan feb mar apr jun jul aug sep sept oct nov dec rep
    res fig sec ch op cit al hon brig cmdr cdr adm fr approx est vs ref tel
    """.split()
)

# Kinds, first match wins (tested on the part with quoted titles masked).
_TELEPHONE = re.compile(
    r"\b(?:tele)?phone[ds]?\s+(?:interview|conversation|call|discussion)s?\b|\binterview(?:s|ed)?\s+by\s+"
    r"(?:tele)?phone\b|\btelephone\b.*\binterview",
    re.I,
)
_INTERVIEW = re.compile(
    r"\binterview(?:s|ed)?\b|\b(?:meeting|discussion|conversation|consultation)s?\s+with\b", re.I
)
_LETTER = re.compile(
    r"\b(?:letters?|fax(?:es)?|e-?mails?|note verbale|notes verbales|correspondence|questionnaire|memo"
    r"|memorandum)\b|\b(?:response|reply|replies|answer|responses)\s+(?:to|from)\b"
    r"|\b(?:information|data|statistics|figures)\s+(?:provided|supplied|received|sent|given)\s+(?:by|from|to)\b"
    r"|\bcommunication\s+(?:from|to)\b"
    r"|\brequests?\s+for\s+information\s+(?:(?:from|by)\s+(?:the\s+)?(?:Landmine Monitor|LM)\S*\s+)?"
    r"(?:sent\s+)?to\b",
    re.I,
)
_ARTICLE_7 = re.compile(
    r"\bArt(?:icle|\.)\s*7\s+(?:transparency\s+|annual\s+)?(?:reports?|updates?|submissions?|forms?)\b"
    r"|\btransparency\s+(?:measures\s+)?reports?\b",
    re.I,
)
_UN = re.compile(
    r"\b(?:UN|United Nations)\s+(?:General Assembly|Security Council|Doc(?:ument)?\b|Secretary-General"
    r"|Press Release)|\bGeneral Assembly\b|\bSecurity Council\b|\bSecretary-General\b|\bUNGA\b"
)
_DATABASE = re.compile(
    r"\b(?:data\s?bases?|datasets?|data sets?|Mine\s?Web|Mine\s?Facts|ORDATA|IMSMA)\b", re.I
)
_GOVERNMENT = re.compile(
    r"\b(?:[Ss]tatements?|[Pp]resentations?|[Ii]nterventions?|[Rr]emarks|[Ss]peech|[Dd]ecree|[Ll]aw\s+No"
    r"|[Aa]ct\s+No|[Oo]fficial\s+[Gg]azette|[Nn]ational\s+[Rr]eports?|Article\s+13\s+[Rr]eports?"
    r"|Protocol\s+V?I*\s+[Rr]eports?|Ministry|Ministère|Government\s+of|Permanent\s+Mission|Embassy"
    r"|Cabinet|Parliament|Prime\s+Minister|President\s+of)\b"
)
_PRESS_WORDS = re.compile(
    r"\b(?:press\s+release|news\s+release|press\s+statement|press\s+conference)\b", re.I
)
_BOOK = re.compile(r"\bISBN\b|\b(?:ed\.|eds\.|edited by)\s", re.I)
_REPORT_WORDS = re.compile(
    r"\b(?:[Rr]eports?|[Ss]tudy|[Ss]urvey|[Aa]ssessment|[Bb]riefing|[Pp]aper|[Ff]act\s?[Ss]heet|[Pp]rofile"
    r"|[Bb]ulletin|[Nn]ewsletter|[Uu]pdate|[Pp]roceedings|[Mm]inutes|[Pp]lan|[Ss]trategy|[Gg]uidelines"
    r"|[Hh]andbook|[Mm]anual|[Yy]earbook|[Rr]eview|[Ee]valuation|[Aa]nalysis)\b"
)
_LEAD = re.compile(
    r"^(?:the\s+)?(?:Landmine Monitor|LM\b|(?:(?:tele)?phone\s+|personal\s+|e-?mail\s+)?interviews?\b"
    r"|[Ll]etters?\b|[Ee]-?mails?\b|[Ff]ax\b|[Rr]esponses?\b|[Rr]epl(?:y|ies)\b|[Ss]tatements?\b"
    r"|[Pp]resentations?\b|Article 7\b|Mine\s?Web|Mine\s?Facts|ORDATA|IMSMA|https?://|www\.)"
)
_SEE = re.compile(
    r"^(?:see(?: also)?|also|cf\.?|cited in|quoted in|as (?:cited|quoted|reported) in|according to"
    r"|reported in|source:?|sources:?|and)\s+",
    re.I,
)


# --------------------------------------------------------------------------------------------
# Text preparation


_MARKER = re.compile(r"\[\^\d+\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
_ESCAPED = re.compile(r"\\([*_\[\]()\\])")
_SPACES = re.compile(r"\s+")


def _link_text(m: re.Match) -> str:
    label, url = m.group(1).strip(), m.group(2).strip()
    return (
        url
        if label in (url, url.removeprefix("http://"), url.removeprefix("https://"))
        else f"{label}, {url}"
    )


def _plain(text: str) -> str:
    """Inline Markdown to text; *emphasis* kept as sentinels, links to "text, url"."""
    text = text.replace("\u00a0", " ")
    # Each rule runs only on text holding the character it starts with.
    if "[" in text:
        text = _MARKER.sub("", text)
        text = _MD_LINK.sub(_link_text, text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _STRONG.sub(r"\1", text)
        text = _EMPHASIS.sub(rf"{_EMPH_OPEN}\1{_EMPH_CLOSE}", text)
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


def _unplain(text: str) -> str:
    return text.replace(_EMPH_OPEN, "*").replace(_EMPH_CLOSE, "*")


def _unemph(text: str) -> str:
    return text.replace(_EMPH_OPEN, "").replace(_EMPH_CLOSE, "")


# The characters that open or close a nesting: quotes, parentheses, emphasis.
_NESTING = re.compile(f'[()“”"{_EMPH_OPEN}{_EMPH_CLOSE}]')


def _top_level(text: str, positions: list[int]) -> list[bool]:
    """For each of `positions` (ascending), whether the character there stands outside quotes,
    parentheses and emphasis (as they are once that character is read): a "(" opens a level and
    a ")" closes one (a ")" with none open is ignored), “ and ” likewise, a straight quote opens
    or closes, and the emphasis sentinels switch emphasis on and off. Only the nesting
    characters are visited, not every character of the text."""
    paren = curly = 0
    straight = emph = False
    marks = _NESTING.finditer(text)
    mark = next(marks, None)
    found = []
    for position in positions:
        while mark is not None and mark.start() <= position:
            ch = mark.group()
            if ch == "(":
                paren += 1
            elif ch == ")":
                paren = max(0, paren - 1)
            elif ch == "“":
                curly += 1
            elif ch == "”":
                curly = max(0, curly - 1)
            elif ch == '"':
                straight = not straight
            elif ch == _EMPH_OPEN:
                emph = True
            else:
                emph = False
            mark = next(marks, None)
        found.append(not (paren or curly or straight or emph))
    return found


def _split_top(text: str, separator: str) -> list[str]:
    """`text` cut at each `separator` that stands outside quotes, parentheses and emphasis."""
    if separator not in text:
        return [text]
    at = [i for i, ch in enumerate(text) if ch == separator]
    pieces, start = [], 0
    for i, top in zip(at, _top_level(text, at), strict=True):
        if top:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return pieces


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"(\x01])")
_LAST_TOKEN = re.compile(r"(\S*)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")


def _sentences(text: str) -> list[str]:
    pieces, start = [], 0
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    for end, top in zip(ends, _top_level(text, ends), strict=True):
        if not top:
            continue
        token = _LAST_TOKEN.search(text[start:end]).group(1).lstrip('(“"\x01')
        bare = token.rstrip(".")
        if (
            len(bare) <= 1
            or bare.lower() in _ABBREVIATIONS
            or _INITIALS.fullmatch(bare)
            or _URL.search(token)
        ):
            continue
        pieces.append(text[start : end + 1])
        start = end + 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _parts(text: str) -> list[str]:
    parts = []
    for sentence in _sentences(text):
        for chunk in _split_top(sentence, ";"):
            chunk = _tidy(chunk)
            if chunk:
                parts.extend(_split_and(chunk))
    return [p for p in (_tidy(p) for p in parts) if p]


# A full stop that ends an initial or an abbreviation ("Mr.", "p."), not a citation.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]|\b(?:" + "|".join(sorted(_ABBREVIATIONS)) + r"))\.$")


def _tidy(text: str) -> str:
    text = text.strip(" ,;:")
    while True:
        stripped = _SEE.sub("", text)
        if stripped == text:
            break
        text = stripped
    text = text.strip(" ,;:")
    if text.endswith(".") and not _ABBREVIATION_END.search(text):
        text = text[:-1]
    return text.strip(" ,;:")


_AND = re.compile(r",?\s+and\s+")


def _split_and(chunk: str) -> list[str]:
    """Cut "A, and B" / "A and B" where B starts a new citation and A is one on its own."""
    matches = list(_AND.finditer(chunk))
    for m, top in zip(matches, _top_level(chunk, [m.start() for m in matches]), strict=True):
        if not top:
            continue
        left, right = chunk[: m.start()], chunk[m.end() :]
        if not _LEAD.match(right) and not _AGENCY.match(right) and not _DATABASE.match(right):
            continue
        left_kind = _classify_text(left)
        if left_kind is None:
            continue
        if left_kind in (INTERVIEW, TELEPHONE_INTERVIEW, LETTER) and not _LEAD.match(right):
            continue  # "interviews with Kyodo, and Reuters": one list of people interviewed
        return [left, *_split_and(right)]
    return [chunk]


_CURLY_QUOTED = re.compile(r"“[^”]*”?")
_STRAIGHT_QUOTED = re.compile(r'"[^"]*"')


def _mask_quotes(text: str) -> str:
    text = _CURLY_QUOTED.sub("“”", text)
    return _STRAIGHT_QUOTED.sub('""', text)


def _classify_text(text: str) -> str | None:
    return _classify(_Part.read(text))


# --------------------------------------------------------------------------------------------
# One part


_EMPTY_BRACKETS = re.compile(r"\(\s*[,;:\s]*\)")


@dataclass
class _Part:
    raw: str
    masked: str  # the text with quoted titles masked, for keyword rules
    rest: str  # what is left once title, url, locator, dates … are taken out
    quoted: str = ""
    emphasised: str = ""
    url: str = ""
    locator: str = ""
    date: datetime.date | None = None
    date_text: str = ""
    has_day: bool = False
    lm_place: str = ""
    publisher: str = ""
    publisher_place: str = ""

    @classmethod
    def read(cls, text: str) -> _Part:
        part = cls(raw=text, masked=_unemph(_mask_quotes(text)), rest=text)
        part._take_urls()
        if _ACCESS_WORD.search(part.rest):
            part.rest = _ACCESS.sub(" ", part.rest)
        part._take_titles()
        match = _LM_PLACE.search(part.rest)
        if match:
            part.lm_place = match.group("place")
        part._take_locators()
        part._take_dates()
        part._take_publisher()
        part.rest = _EMPTY_BRACKETS.sub(" ", part.rest)
        part.rest = _SPACES.sub(" ", part.rest).strip(" ,;:.")
        return part

    def _take_urls(self) -> None:
        urls = []

        def take(m: re.Match) -> str:
            urls.append(m.group(0).rstrip(".”\"'’"))
            return "\x00"

        rest = _URL.sub(take, self.rest)
        if urls:
            # drop "at" / "available at" in front of each URL
            pieces = rest.split("\x00")
            rest = " ".join(_URL_LEAD.sub("", p) if i < len(pieces) - 1 else p for i, p in enumerate(pieces))
            url = urls[0]
            self.url = url if re.match(r"https?://", url, re.I) else f"http://{url}"
        self.rest = rest

    def _take_titles(self) -> None:
        match = re.search(r"“([^”]+)”?", self.rest) or re.search(r'"([^"]+)"', self.rest)
        if match:
            self.quoted = match.group(1).strip().rstrip(",.;:").strip()
            self.rest = self.rest[: match.start()] + ", " + self.rest[match.end() :]
        match = re.search(f"{_EMPH_OPEN}([^{_EMPH_CLOSE}]*){_EMPH_CLOSE}", self.rest)
        if match:
            inner = match.group(1).strip().rstrip(",.;:").strip()
            if _is_outlet(inner):
                self.rest = self.rest.replace(match.group(0), inner)
            else:
                self.emphasised = inner
                self.rest = self.rest[: match.start()] + ", " + self.rest[match.end() :]
        self.rest = _unemph(self.rest)

    def _take_locators(self) -> None:
        found: list[tuple[int, str]] = []
        patterns = list(_LOCATORS)
        if _ARTICLE_7.search(self.masked):
            patterns.insert(0, _FORM)
        for pattern in patterns:
            matches = list(pattern.finditer(self.rest))
            if matches:
                found.extend((m.start(), m.group(0).strip()) for m in matches)
                self.rest = pattern.sub(" ", self.rest)
        self.locator = ", ".join(text for _, text in sorted(found))

    def _take_dates(self) -> None:
        hits: list[tuple[int, str, re.Match]] = []
        rest = self.rest
        # Every date pattern has a year: text without one has no date (but may have a bare year).
        for kind, pattern in _DATE_PATTERNS if _ANY_YEAR.search(rest) else ():
            matches = list(pattern.finditer(rest))
            if matches:
                hits.extend((m.start(), kind, m) for m in matches)
                rest = pattern.sub(_blank_out, rest)
        # take each date out, with "dated" / "submitted on" … in front of it
        spans = sorted((m.start(), m.end()) for _, _, m in hits)
        text = self.rest
        for start, end in reversed(spans):
            lead = _DATE_LEAD.search(text[:start])
            cut = lead.start() if lead else start
            text = text[:cut] + ", " + text[end:]
        self.rest = text
        for _, kind, m in sorted(hits, key=lambda h: h[0], reverse=True):
            if self._use_date(kind, m):
                return
        # a bare year, only as a whole component
        for component in reversed(_components(self.rest)):
            if _YEAR_COMPONENT.match(component):
                self.date_text = component.strip("()")
                self.rest = _remove_component(self.rest, component)
                return

    def _use_date(self, kind: str, m: re.Match) -> bool:
        g = m.groupdict()
        written = m.group(0).strip()
        try:
            if kind == "day":
                self.date = datetime.date(int(g["y"]), _month(g["m"]), int(g["d"]))
                self.has_day = True
            elif kind == "iso":
                self.date = datetime.date(int(g["y"]), int(g["mo"]), int(g["d"]))
                self.has_day = True
            elif kind == "month":
                self.date_text = written
            elif kind == "months":
                self.date_text = written
            else:  # a range of days: the first day, and the range as written
                year = int(g.get("y1") or g["y2"])
                month = _month(g.get("m1") or g["m2"])
                self.date = datetime.date(year, month, int(g["d1"]))
                self.date_text = written
                self.has_day = True
        except ValueError:  # "31 February": keep it as written
            self.date, self.date_text = None, written
        return True

    def _take_publisher(self) -> None:
        match = _PUBLISHER.search(self.rest)
        if match and not _UN_SYMBOL.search(match.group(0)):
            self.publisher = match.group("publisher").strip(" ,;:")
            self.publisher_place = match.group("place").strip(" ,;:")
            if match.group("year") and not (self.date or self.date_text):
                self.date_text = match.group("year")
            self.rest = self.rest[: match.start()] + ", " + self.rest[match.end() :]


_MEDIUM = re.compile(r"^(?:CD-?ROM|DVD|online|on-?line|mimeo|unpublished|draft|in [A-Z]\w+)$", re.I)


_LEADING_AND = re.compile(r"^\s*(?:and|&)\s+")
_INITIAL_END = re.compile(r"(?:\b[A-Z]|\b(?:Inc|Ltd|Co|Jr|Sr))\.$")
_WORD = re.compile(r"\w")
_DIGIT = re.compile(r"\d")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_SOURCE_LABEL = re.compile(r"^source:\s*", re.I)
_TRAILING_BRACKETS = re.compile(r"\s*\([^)]*\)$")


def _components(text: str) -> list[str]:
    """The comma-separated pieces of `text`, tidied; media notes ("CD-ROM", "in Portuguese") left out."""
    out = []
    for piece in _split_top(text, ","):
        piece = _LEADING_AND.sub("", piece.strip())
        piece = piece.strip(" ,;:")
        if piece.endswith(".") and not _INITIAL_END.search(piece):
            piece = piece[:-1].strip()
        if piece and _WORD.search(piece) and not _MEDIUM.match(piece):
            out.append(piece)
    return out


def _remove_component(text: str, component: str) -> str:
    index = text.rfind(component)
    return (text[:index] + text[index + len(component) :]) if index >= 0 else text


def _capitalised(text: str) -> bool:
    """Whether a component starts with a capital or a digit once "the" / "a" is set aside."""
    bare = _LEADING_ARTICLE.sub("", text)
    return bool(bare) and not bare[0].islower()


def _strip_the(text: str) -> str:
    return _LEADING_THE.sub("", text.strip()).strip()


@functools.lru_cache(maxsize=COMPONENTS_KEPT)
def _is_outlet(text: str) -> bool:
    text = _unemph(text).strip()
    text = _SOURCE_LABEL.sub("", text)
    bare = _TRAILING_BRACKETS.sub("", text).strip()
    if not bare or _NOT_OUTLET.search(bare):
        return False
    if _AGENCY.search(bare) or _OUTLET_ANYWHERE.search(bare):
        return True
    words = bare.split()
    if _OUTLET_END.search(bare) and len(words) <= 5 and not _ORG.search(" ".join(words[:-1])):
        return len(words) > 1 or bare in ("Reuters",)
    return False


def _titled_name(text: str) -> str:
    """The name after an honorific or rank ("Mr.Ri Thae Gun" → "Ri Thae Gun"), else ""."""
    match = _HONORIFIC.match(text)
    if not match:
        return ""
    name = text[match.end() :].strip()
    if re.fullmatch(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}", name) and not _ORG.search(name):
        return name
    return ""


def _name_like(text: str) -> bool:
    return bool(_NAME.match(text)) and not (
        _ORG.search(text)
        or _is_outlet(text)
        or _ROLE_ONLY.match(text)
        or _REPORT_WORDS.search(text)
        or _DOC_START.match(text)
        or _DIGIT.search(text)
    )


def _place_like(text: str) -> bool:
    return bool(_PLACE.match(text)) and not (
        _ORG.search(text)
        or _REPORT_WORDS.search(text)
        or _MEDIUM.match(text)
        or _is_outlet(text)
        or _ACRONYM.match(text)
        or _ROLE_ONLY.match(text)
        or _DIGIT.search(text)
    )


def _org_like(text: str) -> bool:
    if _DOC_START.match(text) or _UN_SYMBOL.search(text):
        return False
    document = _REPORT_WORDS.search(text)
    if document and not _ORG.search(text[document.end() :]):
        return False  # "Landmine Monitor Report 2000" is a title; "Survey Action Center" is not
    return bool(_ORG.search(text) or _ACRONYM.match(text) or _KNOWN_NGOS.search(text))


# --------------------------------------------------------------------------------------------
# Kinds


def _classify(part: _Part) -> str | None:
    text = part.masked
    if _TELEPHONE.search(text):
        return TELEPHONE_INTERVIEW
    if _INTERVIEW.search(text):
        return INTERVIEW
    if _LETTER.search(text):
        return LETTER
    if _ARTICLE_7.search(text):
        return ARTICLE_7_REPORT
    if _UN_SYMBOL.search(text) or _UN.search(text):
        return UN_DOCUMENT
    if _DATABASE.search(text):
        return DATABASE
    components = _components(part.rest)
    if _PRESS_WORDS.search(text) or any(_is_outlet(c) for c in components):
        return PRESS
    if _GOVERNMENT.search(text) and not _KNOWN_NGOS.search(text):
        return GOVERNMENT_DOCUMENT
    if part.emphasised or part.publisher or _BOOK.search(text):
        return BOOK
    if part.quoted:
        return REPORT
    if any(_REPORT_WORDS.search(c) for c in components):
        return REPORT
    if part.locator and not part.has_day and len(components) >= 2:
        return BOOK  # "Author, Title, p. 470"
    if part.url:
        return WEBSITE
    if part.date or part.date_text:
        return REPORT  # something dated that names no kind: a document
    return None


def _parse_part(text: str) -> Citation | None:
    part = _Part.read(text)
    kind = _classify(part)
    if kind is None:
        return None
    citation = Citation(
        kind=kind,
        url=part.url,
        locator=part.locator,
        date=part.date,
        date_text=part.date_text,
        raw=_unplain(text),
    )
    if kind in (INTERVIEW, TELEPHONE_INTERVIEW):
        _read_interview(part, citation)
    elif kind == LETTER:
        _read_letter(part, citation)
    elif kind == PRESS:
        _read_press(part, citation)
    elif kind == DATABASE:
        _read_database(part, citation)
    else:
        _read_document(part, citation)
    for name in ("title", "person", "organisation", "place"):
        setattr(citation, name, _strip_the(getattr(citation, name)).strip(" ,;:"))
    named = (citation.title, citation.person, citation.organisation, citation.place, citation.url)
    if not any(named) and not (citation.date or citation.date_text):
        return None  # "The refugees interviewed had left …": a remark, not a source
    return citation


def _read_parties(text: str, citation: Citation, lm_place: str) -> None:
    """Who was interviewed or wrote: a person, their organisation and the place."""
    components = [c for c in _components(text) if _capitalised(c) or _ROLE_ONLY.match(c) or _ROLE_OF.match(c)]
    kinds = [_party_kind(c) for c in components]
    organisations = [c for c, k in zip(components, kinds, strict=True) if k in ("org", "role-of")]
    named = [c for c, k in zip(components, kinds, strict=True) if k in ("titled", "name")]
    if len(organisations) >= 2 and not named:
        # "with A, Seoul, B, Seoul, and C": several parties, kept as written
        citation.organisation = re.sub(r"(?:,\s*)+", ", ", text).strip(" ,;:.")
        citation.place = lm_place
        return
    place = ""
    if len(components) >= 2 and kinds[-1] in ("place", "name") and _place_like(components[-1]):
        place = components.pop()
        kinds.pop()
    person, orgs, descriptions = "", [], []
    for component, kind in zip(components, kinds, strict=True):
        if kind == "postnominal" and person:
            continue
        if kind == "titled" and not person:
            person = _titled_name(component)
        elif kind == "role-of":
            match = _ROLE_OF.match(component)
            org = match.group("org")
            if len(org.split()) >= 2 or _ACRONYM.match(org) or _ORG.search(org):
                orgs.append(org)
            else:
                descriptions.append(component)
        elif kind == "role":
            descriptions.append(component)
        elif kind == "name" and not person:
            person = component
        elif kind == "place" and not place:
            place = component
        else:
            orgs.append(component)
    if not person and descriptions and not orgs:
        person = descriptions[0]
    citation.person = person
    citation.organisation = ", ".join(_strip_the(o) for o in orgs)
    citation.place = place or lm_place


@functools.lru_cache(maxsize=COMPONENTS_KEPT)
def _party_kind(component: str) -> str:
    if _POSTNOMINAL.match(component):
        return "postnominal"
    if _titled_name(component):
        return "titled"
    if _ROLE_OF.match(component) and not _ORG.search(component.split()[0]):
        return "role-of"
    if _ROLE_ONLY.match(component):
        return "role"
    if _org_like(component) or _is_outlet(component):
        return "org"
    if _name_like(component):
        return "name"
    if _place_like(component):
        return "place"
    return "other"


def _read_interview(part: _Part, citation: Citation) -> None:
    rest = _LM_PREFIX.sub("", part.rest)
    pattern = _TELEPHONE if citation.kind == TELEPHONE_INTERVIEW else _INTERVIEW
    match = pattern.search(rest)
    after = rest[match.end() :] if match else rest
    with_match = re.search(r"\bwith\b", rest[match.start() :]) if match else None
    if with_match:
        after = rest[match.start() + with_match.end() :]
    elif not match:
        after = rest
    _read_parties(after, citation, part.lm_place)
    where = re.search(r"^\s*(?:in|at)\s+([^,]+)", after) if not with_match else None
    if where and _place_like(_strip_the(where.group(1))) and citation.place == part.lm_place:
        citation.place = _strip_the(where.group(1))  # "interviews in Example Camp"
    if part.quoted and not citation.title:
        citation.title = part.quoted


_RECIPIENT = re.compile(
    r"\bto\s+(?:the\s+)?(?:Landmine Monitor|LM|ICBL|HRW|Human Rights Watch|Mines Action Canada)"
    r"(?:\s*\([^)]*\))?(?:\s*/\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?"
    r"(?:\s+(?:researchers?|questionnaire|request(?:s)?\s+for\s+information|research team))?",
)


_LETTER_WORD = re.compile(
    r"^(?:letters?|fax(?:es)?|e-?mails?|notes? verbales?|correspondence|questionnaire|memo|memorandum"
    r"|response|responses|reply|replies|answer|information|data|statistics|figures|communication)\b",
    re.I,
)


# A letter or request the Monitor sent: "Request for information from Landmine Monitor to X",
# "Landmine Monitor/Tokyo letter to X", "Letter from LM to X". The party is the addressee.
_MONITOR = (
    r"(?:the\s+)?(?:Landmine Monitor|LM)(?:\s*\([^)]*\))?(?:\s*/\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?"
)
_REQUEST = re.compile(r"\brequests?\s+for\s+information\b", re.I)
_SENT_WORD = r"requests?\s+for\s+information|letters?|fax(?:es)?|e-?mails?"
_OUTGOING = re.compile(
    rf"^\s*(?:(?:{_SENT_WORD})\s+(?:from|by)\s+{_MONITOR}|{_MONITOR},?\s+(?:{_SENT_WORD})"
    rf"|requests?\s+for\s+information)\s+(?:sent\s+)?to\s+(?P<to>.+)$",
    re.I,
)
# "sent through the General Association of …", "via the embassy": who passed it on, not the addressee.
_PASSED_ON = re.compile(r",?\s*(?:sent\s+)?(?:through|via|care of|c/o)\s+[^,;]+", re.I)


def _read_letter(part: _Part, citation: Citation) -> None:
    outgoing = _OUTGOING.match(part.rest)
    if outgoing:
        _read_parties(_PASSED_ON.sub("", outgoing.group("to")), citation, part.lm_place)
        if _REQUEST.search(part.rest, 0, outgoing.start("to")):
            citation.title = "Request for information"
        return
    rest = _RECIPIENT.sub(" ", part.rest)
    rest = _LM_PREFIX.sub("", rest)
    match = re.search(r"\b(?:from|by)\b", rest)
    if match:
        after = rest[match.end() :]
        stop = re.search(r"\s+to\s+(?!the\s+(?:UN|United Nations|Conference|CD|OSCE|EU)\b)", after)
        if stop:
            after = after[: stop.start()]
    else:
        after = ", ".join(c for c in _components(rest) if not _LETTER.search(c) and not _LETTER_WORD.match(c))
    _read_parties(after, citation, part.lm_place)
    if part.quoted:
        citation.title = part.quoted


def _read_press(part: _Part, citation: Citation) -> None:
    components = _components(part.rest)
    outlets, others, place = [], [], ""
    previous_outlet = False
    for index, component in enumerate(components):
        component = _SOURCE_LABEL.sub("", component)
        if _is_outlet(component):
            paren = re.search(r"\s*\(([^)]*)\)$", component)
            if paren and _place_like(paren.group(1)):
                place = place or paren.group(1)
                component = component[: paren.start()]
            outlets.append(_strip_the(component) if not component.startswith("The ") else component)
            previous_outlet = True
            continue
        if previous_outlet and not place and _place_like(component):
            place = component
        elif index == 0 and not citation.person and (_titled_name(component) or _name_like(component)):
            citation.person = _titled_name(component) or component
        elif _capitalised(component):
            others.append(component)
        previous_outlet = False
    title = part.quoted or part.emphasised
    orgs = [o for o in others if _org_like(o)]
    if not title:
        rest = [o for o in others if o not in orgs and not _place_like(o)]
        if rest:
            title = rest[0]
        elif _PRESS_WORDS.search(part.masked):
            title = _PRESS_WORDS.search(part.masked).group(0)
    citation.title = title
    citation.organisation = ", ".join(outlets + orgs)
    citation.place = place or (others[-1] if others and _place_like(others[-1]) and orgs else "")


def _read_database(part: _Part, citation: Citation) -> None:
    components = _components(part.rest)
    title = next((c for c in components if _DATABASE.search(c)), "")
    person, orgs, place = "", [], ""
    for component in components:
        if component == title:
            continue
        kind = _party_kind(component)
        if kind == "postnominal":
            continue
        if kind == "titled" and not person:
            person = _titled_name(component)
        elif kind == "name" and not person and components.index(component) < components.index(title):
            person = component
        elif kind == "place" and not place:
            place = component
        elif _capitalised(component):
            orgs.append(_strip_the(component))
    citation.title = part.quoted or part.emphasised or _strip_the(title)
    citation.person = person
    citation.organisation = ", ".join(orgs)
    citation.place = place


def _read_document(part: _Part, citation: Citation) -> None:
    """Books, reports, government and UN documents, Article 7 reports, websites:
    author(s), then the title, then publisher, place."""
    components = [c for c in _components(part.rest) if _capitalised(c)]
    symbol = ""
    if citation.kind == UN_DOCUMENT:
        match = _UN_SYMBOL.search(part.rest)
        symbol = match.group(0).strip() if match else ""
    # "UN General Assembly Resolution 53/77": the body is the author
    orgs: list[str] = []
    if components and citation.kind == UN_DOCUMENT:
        match = _UN_BODY.match(components[0])
        if match:
            orgs.append(match.group("body"))
            components[0] = match.group("rest")
            components = [c for c in components if c]
    # "Statement by H.E. Ambassador X": the document, then who made it
    if components:
        match = re.match(
            r"^(?P<doc>(?:[\w'’-]+\s+){0,3}?(?:[Ss]tatement|[Pp]resentation|[Rr]emarks|[Ii]ntervention|[Ss]peech"
            r"|[Aa]ddress|[Ss]ubmission|[Dd]eclaration))\s+(?:by|of|from)\s+(?P<party>.+)$",
            components[0],
        )
        if match and not part.quoted:
            part.quoted = match.group("doc")
            components[0] = match.group("party")
    title = part.quoted or part.emphasised
    person = ""
    index = 0
    while index < len(components):
        component = components[index]
        if title and component == title:
            index += 1
            continue
        kind = _party_kind(component)
        if _UN_SYMBOL.search(component) or _DOC_START.match(component) or _ARTICLE_7.search(component):
            break
        if kind == "postnominal" and person:
            pass
        elif kind == "titled" and not person:
            person = _titled_name(component)
        elif kind == "role-of":
            orgs.append(_ROLE_OF.match(component).group("org"))
        elif kind == "role" and person:
            pass
        elif kind == "org":
            orgs.append(_strip_the(component))
        elif kind == "name" and not person and (title or index + 1 < len(components)):
            person = component
        elif (
            kind == "place" and index == 0 and citation.kind in (ARTICLE_7_REPORT, GOVERNMENT_DOCUMENT)
        ):  # "Afghanistan, Article 7 Report": the state reporting
            orgs.append(component)
        else:
            break
        index += 1
    rest = components[index:]
    if not title and rest:
        title = rest.pop(0)
    if citation.kind == ARTICLE_7_REPORT:
        match = re.search(r"\bArt(?:icle|\.)\s*7\b", title)
        if match and match.start() > 0:
            orgs.append(title[: match.start()].strip(" ,"))
            title = title[match.start() :]
    if symbol and symbol not in title:
        title = f"{title}, {symbol}" if title else symbol
        rest = [c for c in rest if symbol not in c]
    place = part.publisher_place
    for component in rest:
        if not place and _place_like(component):
            place = component
        elif _org_like(component) and not _DOC_START.match(component):
            orgs.append(_strip_the(component))
    if part.publisher and not orgs:
        orgs.append(part.publisher)
    citation.title = title
    citation.person = person
    citation.organisation = ", ".join(o for o in orgs if o)
    citation.place = place or part.lm_place


# --------------------------------------------------------------------------------------------
# Folding for fingerprints


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", _unemph(text or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’‘`]", "", text)
    text = re.sub(r"[^\w/]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^(?:the|a|an) ", "", text)


def _fold_url(url: str) -> str:
    url = (url or "").strip().casefold()
    url = re.sub(r"^https?://", "", url)
    url = re.sub(r"^www\.", "", url)
    return url.rstrip("/")
