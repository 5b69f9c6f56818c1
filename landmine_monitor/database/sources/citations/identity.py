"""A citation's identity (`fingerprint`): one source cited in several footnotes or reports is
recognised as one `Source`."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .citation import Citation
from .dates import DATE_NOISE
from .text import unemph

FINGERPRINT_MAX = 300


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
        when = " ".join(w for w in words if w not in DATE_NOISE)
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


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", unemph(text or ""))
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
