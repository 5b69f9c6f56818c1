"""The vocabulary shared by the kinds: URLs, locators, publishers, "Landmine Monitor/<place>", UN
symbols, news agencies and outlets, organisations, honorifics, roles, names, places, and the
words that name an Article 7 report, a database or a report."""

from __future__ import annotations

import re

from .dates import YEAR

URL = re.compile(r"(?:https?://|www\.)[^\s,;()<>“”\"]+", re.I)
URL_LEAD = re.compile(
    r"(?:,?\s*\b(?:available|accessible|posted|published|online)?\s*(?:at|on|from|via|see)\s*:?)?\s*$", re.I
)

LOCATORS = [
    re.compile(r"\bpp?\.\s*[0-9ivxlc]+[a-z]?(?:\s*(?:-|–|,|and)\s*[0-9ivxlc]+[a-z]?)*(?![\w/])", re.I),
    re.compile(r"\bpages?\s+\d+(?:\s*(?:-|–|and)\s*\d+)?\b", re.I),
    re.compile(r"\bparas?\.\s*\d+(?:\.\d+)*(?:\s*(?:-|–|and)\s*\d+)?\b", re.I),
    re.compile(r"\bparagraphs?\s+\d+(?:\.\d+)*(?:\s*(?:-|–|and)\s*\d+)?\b", re.I),
    re.compile(r"\bAnnex(?:es)?\s+(?:[IVXLC]+|\d+|[A-Z])\b"),
    re.compile(r"\bTables?\s+\d+(?:\.\d+)*[a-z]?\b"),
    re.compile(r"\b[Ss]ections?\s+\d+(?:\.\d+)*\b"),
    re.compile(r"\bChapter\s+(?:[IVXLC]+|\d+)\b"),
]
FORM = re.compile(r"\bForms?\s+[A-J](?:\.\d+)?(?:\s*(?:,|and|&|-|–|to)\s*[A-J](?:\.\d+)?)*\b")
PUBLISHER = re.compile(rf"\((?P<place>[^():]+?):\s*(?P<publisher>[^()]+?)(?:,\s*(?P<year>{YEAR}))?\)")
LM_PLACE = re.compile(
    r"\b(?:Landmine Monitor|LM)(?:\s*\([^)]*\))?\s*/\s*"
    r"(?P<place>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|del|da|es|al|el))*)"
)
LM_PREFIX = re.compile(
    r"^\s*(?:the\s+)?(?:Landmine Monitor|LM)(?:\s*\([^)]*\))?(?:\s*/\s*[A-Z][\w'’.-]*"
    r"(?:\s+(?:[A-Z][\w'’.-]*|de|del|da|es|al|el))*)?(?:\s+(?:researcher|research team|staff|team))?\s*",
)

UN_SYMBOL = re.compile(
    r"(?<![\w/])(?:A|S|E|GA|SC|SG|DC|CD|CCW|APLC|CCM|ST|UNGA|UNEP|UNDP|DPI|TD)(?:/[A-Za-z0-9.()\-]+)+"
    r"(?:\s[A-Z](?=[\s,.;)]|$))?"
)

_AGENCIES = (
    r"Reuters|Agence France[- ]Presse|AFP|Associated Press|AP|Xinhua|ITAR-TASS|Itar-Tass|TASS|Interfax"
    r"|RIA Novosti|Kyodo|Jiji|Yonhap|KCNA|BBC|IRIN|UPI|United Press International|DPA|Deutsche Presse-Agentur"
    r"|ANSA|EFE|Inter Press Service|IPS|PANA|Panapress|Lusa|ANGOP|RFE/RL|Radio Free Europe|Voice of America"
    r"|VOA|CNN|Al[- ]Jazeera|Bernama|Antara|PTI|Press Trust of India|Anadolu|SAPA|Notimex|Prensa Latina"
    r"|MENA|IRNA|Tanjug|HINA|Xinhua News Agency|Kyodo News|Agence Cambodge Presse|AKP"
)
AGENCY = re.compile(rf"(?<![\w-])(?:{_AGENCIES})(?![\w-])")
OUTLET_ANYWHERE = re.compile(
    r"\b(?:Radio|Television|TV|Broadcasting|Newspaper|News\s?Paper|News Agency|Press Agency|Newswire|Daily"
    r"|Gazette|Presse)\b"
)
OUTLET_END = re.compile(
    r"\b(?:News|Press|Times|Post|Herald|Tribune|Journal|Gazette|Observer|Guardian|Telegraph|Chronicle|Mail"
    r"|Express|Star|Nation|Independent|Monitor|Courier|Courrier|Weekly|Magazine|Week|Today|Globe|Sun|Mirror"
    r"|Bulletin|Dispatch|Reporter|Inquirer|Standard)$"
)
NOT_OUTLET = re.compile(
    r"\b(?:Landmine Monitor|Cluster Munition Monitor|Human Rights Watch|Official Gazette)\b"
)
SOURCE_LABEL = re.compile(r"^source:\s*", re.I)

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
ORG = re.compile(rf"\b(?:{_ORG_WORDS})\b")
ACRONYM = re.compile(r"^(?:the\s+)?[A-Z][A-Z0-9&/-]{1,9}$")
DOC_START = re.compile(
    r"^(?:Final|Report|Resolution|Decision|Document|Declaration|Statement|Letter|Note|Annual|Draft|Summary"
    r"|Record|Minutes|Proceedings|Article|Protocol|Convention|Treaty|Law|Decree|Act)\b"
)
KNOWN_NGOS = re.compile(
    r"\b(?:ICBL|International Campaign to Ban Landmines|Human Rights Watch|HRW|Landmine Monitor|ICRC"
    r"|International Committee of the Red Cross|Handicap International|Mines Advisory Group|MAG|HALO Trust"
    r"|Norwegian People['’]s Aid|NPA|Mines Action Canada|Vietnam Veterans of America Foundation|VVAF"
    r"|Geneva Call|Landmine Survivors Network|GICHD)\b"
)

HONORIFIC = re.compile(
    r"^(?:(?:(?:Mrs|Mr|Ms|Miss|Dr|Prof|H\.\s?E|Amb|Lt|Col|Gen|Maj|Capt|Sgt|Cpl|Pvt|Brig|Cmdr|Cdr|Adm|Rev|Fr"
    r"|Hon|Sen|Rep|St)\b\.?\s*)|(?:(?:Ambassador|Colonel|Lieutenant|General|Major|Captain|Sergeant|Brigadier"
    r"|Commander|Admiral|Professor|Doctor|Sir|Dame|Senator|Minister|Deputy Minister|Sheikh|Excellency"
    r"|His Excellency|Her Excellency|Father|Brother|Sister|Venerable)\s+))+(?=[A-Z])"
)
POSTNOMINAL = re.compile(r"^(?:CD|OBE|MBE|CBE|KBE|PhD|Ph\.D\.?|MD|QC|MP|Jr\.?|Sr\.?|Esq\.?|MSc|MA)$")
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
ROLE_OF = re.compile(
    rf"^(?P<role>(?:[\w'’-]+\s+){{0,4}}?(?:{_ROLE_WORDS}))\s+(?:of|at|in|for|with|from|to)\s+(?:the\s+)?(?P<org>.+)$",
    re.I,
)
ROLE_ONLY = re.compile(rf"^(?:[\w'’-]+\s+){{0,4}}?(?:{_ROLE_WORDS})$", re.I)
NAME_TOKEN = (
    r"(?:[A-Z][\w'’-]*\.?|(?:[A-Z]\.)+[A-Z]?\.?"
    r"|de|da|dos|das|do|van|von|der|den|le|la|bin|binti|al|el|ibn|y|ben|du)"
)
NAME = re.compile(rf"^{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,4}}$")
PLACE = re.compile(
    r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|del|da|do|es|al|el|la|le|sur|on|upon|of)){0,3}"
    r"(?:\s+(?:village|town|city|province|district|region|area|camp|commune|county|state))?$"
)

ABBREVIATIONS = set(
    """
    mr mrs ms dr st sgt lt col gen maj capt amb prof rev jr sr no nos vol vols p pp para paras art
    doc dept govt corp inc ltd co etc cf ed eds jan feb mar apr jun jul aug sep sept oct nov dec rep
    res fig sec ch op cit al hon brig cmdr cdr adm fr approx est vs ref tel
    """.split()
)

ARTICLE_7_WORDS = re.compile(
    r"\bArt(?:icle|\.)\s*7\s+(?:transparency\s+|annual\s+)?(?:reports?|updates?|submissions?|forms?)\b"
    r"|\btransparency\s+(?:measures\s+)?reports?\b",
    re.I,
)
DATABASE_WORDS = re.compile(
    r"\b(?:data\s?bases?|datasets?|data sets?|Mine\s?Web|Mine\s?Facts|ORDATA|IMSMA)\b", re.I
)
REPORT_WORDS = re.compile(
    r"\b(?:[Rr]eports?|[Ss]tudy|[Ss]urvey|[Aa]ssessment|[Bb]riefing|[Pp]aper|[Ff]act\s?[Ss]heet|[Pp]rofile"
    r"|[Bb]ulletin|[Nn]ewsletter|[Uu]pdate|[Pp]roceedings|[Mm]inutes|[Pp]lan|[Ss]trategy|[Gg]uidelines"
    r"|[Hh]andbook|[Mm]anual|[Yy]earbook|[Rr]eview|[Ee]valuation|[Aa]nalysis)\b"
)
