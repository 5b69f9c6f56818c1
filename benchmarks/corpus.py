"""A synthetic corpus of country reports for the import benchmark.

`generate(root, reports=1000)` writes `reports` country reports, about 20 KB each on average
(8 to 32 KB), into one folder per edition under `root` (`root/1999/`, `root/2000/`, …), because
`landmine-monitor import --edition YEAR` takes one edition per command. Each report is a
different (country, edition) pair: real country names from the bundled reference data
(`database/reference/data/countries.csv`) × editions 1999, 2000, … (five editions for 1,000 reports over
200 countries; more editions when more reports are asked for).

The files have the structures of real ones, but their text is generated: random words from a
small vocabulary around facts (dates, numbers, mine models, names made up from short lists). No
sentence is copied from a published report. The same arguments always give the same files,
byte for byte (a seeded `random.Random`, no clock, no hashing of str).

* Nine reports in ten are plain text in the layout of the scraped web archive (see
  `reports/importers/text.py`): the site menu and a decoration line, a title line
  "COUNTRY, Landmine Monitor Report YEAR", a "Key developments since …" paragraph, the headings
  Mine Ban Policy, Production, Transfer and Stockpiling, Landmine Problem, Mine Action, Mine Risk
  Education, Landmine Casualties and Survivor Assistance (each but the first lost one time in
  four, its paragraphs set off by two blank lines instead, as in the archive), paragraphs with `[n]`
  markers (one line each, or hard-wrapped at 72 columns in one file in six), and the note list
  "[n] …" at the end.
* One in ten is Markdown in the authoring format (`docs/authoring-format.md`): `# Country —
  Landmine Monitor Report YEAR`, `<!-- country: NAME -->`, `**Key developments since …:**`,
  `## Heading` (or `## (kind)` for a lost one), `[^n]` markers and `[^n]: …` definitions.

Notes cite in the archive's styles: telephone and personal interviews with a person, a role,
an organisation and a date; letters; press items; Article 7 reports with their Form letter;
UN documents; databases; books and reports with "p. 12"; web sites; "Ibid." and "Ibid., p. 12";
and now and then two sources in one note ("…; and …"). Books, databases and agencies come from
short lists, so some sources recur across reports (as real ones do) while interviews and
letters are nearly all new sources.

Run `python -m benchmarks.corpus OUT [--reports N]` to write a corpus and look at it.
"""

from __future__ import annotations

import argparse
import csv
import random
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from . import REPO_ROOT

COUNTRIES_CSV = REPO_ROOT / "landmine_monitor" / "database" / "reference" / "data" / "countries.csv"
FIRST_EDITION = 1999
EDITIONS = 5  # at least this many, so that a small corpus still exercises several commands
AVERAGE_BYTES = 20_000
DEFAULT_REPORTS = 1000
DEFAULT_SEED = 1999

MONTHS = ("January February March April May June July August September October November December").split()

# The archive's headings, in report order, with words that make a paragraph read like that
# section (so that a lost heading's kind is inferred as the archive's would be).
SECTIONS: list[tuple[str, str, list[str]]] = [
    # heading, the kind written for a lost heading in Markdown, topic words
    ("Mine Ban Policy", "mine-ban-policy", ["signed", "ratified", "accession", "resolution", "treaty"]),
    (
        "Production, Transfer and Stockpiling",
        "production",
        ["produced", "exported", "imported", "stockpile", "stored", "manufacturing"],
    ),
    ("Landmine Problem", "landmine-problem", ["minefields", "contaminated", "mine-affected", "suspected"]),
    ("Mine Action", "mine-action", ["clearance", "demining", "survey", "deminers", "cleared"]),
    ("Mine Risk Education", "mine-awareness", ["awareness", "risk education", "posters", "schools"]),
    ("Landmine Casualties", "casualties", ["casualties", "killed", "injured", "victims"]),
    ("Survivor Assistance", "survivor-assistance", ["survivors", "rehabilitation", "prosthetic", "clinic"]),
]

NOUNS = (
    "government ministry army province district village road border committee authority "
    "delegation official programme donor fund team office agency commission report statement "
    "meeting workshop area field bridge river hospital school farmer family region capital "
    "military police unit survey plan budget strategy policy law decree parliament council"
).split()
ADJECTIVES = (
    "national regional local provincial international former new several many few northern "
    "southern eastern western central main military civilian humanitarian technical formal "
    "official public limited large small recent previous annual additional"
).split()
VERBS = (
    "stated reported confirmed announced noted indicated explained estimated recorded described "
    "acknowledged said claimed expected planned requested received proposed"
).split()
CONNECTORS = (
    "according to the same source|in addition|at the same time|however|by the end of the year|"
    "in practice|as a result|in the meantime|so far|since then"
).split("|")
MINE_MODELS = "PMN|PMN-2|POMZ-2M|PFM-1|OZM-4|MON-50|M14|M16|VS-50|Type 72|PROM-1|TS-50|VAL-69".split("|")

FIRST_NAMES = (
    "Ana Ahmed Boris Chen Daniel Elena Farid Grace Hassan Ivan Jamal Karin Leila Marco Nadia "
    "Omar Pavel Rosa Samir Tanya Umar Vera Walid Yusuf Zara Kofi Lina Mateo Noor Sven"
).split()
LAST_NAMES = (
    "Abdi Bakker Costa Dimitrov Emeka Fischer Garcia Haddad Ibrahim Jensen Kamara Lopez Mensah "
    "Novak Okafor Petrov Qureshi Rahman Santos Tanaka Usman Varga Wolde Xavier Yilmaz Zulu "
    "Andersen Barros Celik Duarte"
).split()
HONORIFICS = ["Mr.", "Ms.", "Dr.", "Col.", "Maj.", ""]
ROLES = [
    "Counselor",
    "First Secretary",
    "Director",
    "Deputy Director",
    "Programme Manager",
    "Head of Operations",
    "Spokesperson",
    "Legal Adviser",
    "Chief of Staff",
    "Coordinator",
]
ORGANISATIONS = [
    "Permanent Mission of {country} to the UN in Geneva",
    "Permanent Mission of {country} to the UN in New York",
    "Ministry of Foreign Affairs",
    "Ministry of Defence",
    "Ministry of Health",
    "National Demining Office",
    "Mine Action Centre",
    "Red Cross Society of {country}",
    "Embassy of {country}",
    "Department of Social Welfare",
]
CITIES = "Geneva|New York|Ottawa|Brussels|Nairobi|Bangkok|London|Washington|Tokyo|Oslo".split("|")
AGENCIES = [
    "Reuters",
    "Agence France-Presse",
    "Associated Press",
    "Xinhua",
    "Deutsche Presse-Agentur",
    "IRIN",
]
NEWSPAPERS = ["The Daily Star", "The Herald", "The Morning Post", "The Observer", "The Tribune", "The Nation"]
BOOKS = [
    ("Human Rights Watch", "Landmines: A Deadly Legacy", "New York", 1993),
    ("Human Rights Watch Arms Project", "Hidden Killers", "New York", 1994),
    ("International Committee of the Red Cross", "Anti-personnel Mines: Friend or Foe?", "Geneva", 1996),
    ("UN Department of Humanitarian Affairs", "Landmine Survey of the Region", "New York", 1997),
    ("Mines Advisory Group", "Field Assessment of Mined Areas", "Manchester", 1998),
    ("Jane's Information Group", "Jane's Mines and Mine Clearance", "Coulsdon", 1998),
    ("Vietnam Veterans of America Foundation", "After the Guns Fall Silent", "Washington", 1995),
    ("Norwegian People's Aid", "Demining Manual", "Oslo", 1997),
]
DATABASES = [
    "Sgt R.A. MacDougall, CD, the CFSME Mine Database 96",
    "Mine Web, U.S. Department of State, at http://www.mineweb.org/mfacts",
    "ORDATA II, U.S. Department of Defense database",
    "UNMAS Landmine Database",
]
WEBSITE_HOSTS = ["mineaction", "demining", "landmineinfo", "survivors", "ordnance", "clearance"]
HEADLINE_WORDS = (
    "mines clearance border villagers killed blast field team army aid survivors funding "
    "treaty ban stockpile destroyed road reopened farmers return"
).split()


@dataclass
class Report:
    country: str
    edition: int
    path: Path
    markdown: bool
    size: int
    footnotes: int


@dataclass
class Corpus:
    root: Path
    reports: list[Report] = field(default_factory=list)

    @property
    def editions(self) -> dict[int, Path]:
        """Edition year → its folder, in year order."""
        return {year: self.root / str(year) for year in sorted({r.edition for r in self.reports})}

    @property
    def total_bytes(self) -> int:
        return sum(r.size for r in self.reports)

    @property
    def total_footnotes(self) -> int:
        return sum(r.footnotes for r in self.reports)

    def in_edition(self, year: int) -> list[Report]:
        return [r for r in self.reports if r.edition == year]


def country_names() -> list[str]:
    """Real country names from the bundled reference data: states first (UN members,
    observers, non-members), then other areas and former states, each group in file order."""
    order = {"member": 0, "observer": 1, "non-member-state": 2, "other-area": 3, "former-state": 4}
    with open(COUNTRIES_CSV, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.sort(key=lambda r: order.get(r["kind"], 9))  # stable: keeps file order within a group
    return [r["name"] for r in rows]


def pairs(reports: int, countries: list[str]) -> list[tuple[str, int]]:
    """`reports` different (country, edition) pairs: report i is country i // editions in
    edition i % editions, so every edition gets a share even of a small corpus."""
    editions = max(EDITIONS, -(-reports // len(countries)))
    return [(countries[i // editions], FIRST_EDITION + i % editions) for i in range(reports)]


class _Writer:
    """Generates one report's text."""

    def __init__(self, rng: random.Random, country: str, edition: int, markdown: bool) -> None:
        self.rng = rng
        self.country = country
        self.edition = edition
        self.markdown = markdown
        self.notes: list[str] = []

    # facts

    def date(self) -> str:
        rng = self.rng
        year = rng.choice([self.edition - 2, self.edition - 1, self.edition - 1, self.edition])
        month = rng.randrange(12) if year < self.edition else rng.randrange(3)
        return f"{rng.randint(1, 28)} {MONTHS[month]} {year}"

    def person(self) -> str:
        rng = self.rng
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        honorific = rng.choice(HONORIFICS)
        return f"{honorific} {name}" if honorific else name

    def organisation(self) -> str:
        return self.rng.choice(ORGANISATIONS).format(country=self.country)

    def number(self) -> str:
        value = self.rng.choice(
            [self.rng.randint(2, 99), self.rng.randint(100, 9999), self.rng.randint(10_000, 900_000)]
        )
        return f"{value:,}"

    def title(self, words: int) -> str:
        return " ".join(self.rng.choice(HEADLINE_WORDS) for _ in range(words)).capitalize()

    def emph(self, text: str) -> str:
        return f"*{text}*" if self.markdown else text

    # notes

    def citation(self) -> str:
        rng = self.rng
        style = rng.choices(
            [
                "phone",
                "interview",
                "letter",
                "press",
                "newspaper",
                "article7",
                "un",
                "database",
                "book",
                "web",
            ],
            weights=[20, 10, 8, 12, 6, 10, 6, 5, 15, 8],
        )[0]
        if style == "phone":
            city = rng.choice(CITIES)
            return (
                f"Landmine Monitor/{city} telephone interview with {self.person()}, {rng.choice(ROLES)}, "
                f"{self.organisation()}, {self.date()}"
            )
        if style == "interview":
            return (
                f"Landmine Monitor interview with {self.person()}, {rng.choice(ROLES)}, "
                f"{self.organisation()}, "
                f"{rng.choice(CITIES)}, {self.date()}"
            )
        if style == "letter":
            return (
                f"Letter to Landmine Monitor from {self.person()}, {rng.choice(ROLES)}, "
                f"{self.organisation()}, {self.date()}"
            )
        if style == "press":
            agency, headline = rng.choice(AGENCIES), self.title(rng.randint(3, 7))
            return f"{agency}, “{headline},” {rng.choice(CITIES)}, {self.date()}"
        if style == "newspaper":
            return f"{rng.choice(NEWSPAPERS)}, {rng.choice(CITIES)}, {self.date()}"
        if style == "article7":
            form = rng.choice("ABCDEFGHIJ")
            year = self.edition - rng.randint(0, 1)
            return f"Article 7 Report, Form {form}, submitted {rng.randint(1, 28)} April {year}"
        if style == "un":
            session = rng.randint(50, 56)
            return (
                f"UN General Assembly, Resolution {session}/{rng.randint(1, 99)}, "
                f"A/RES/{session}/{rng.randint(1, 99)}, {self.date()}"
            )
        if style == "database":
            return rng.choice(DATABASES)
        if style == "book":
            author, title, city, year = rng.choice(BOOKS)
            if rng.random() < 0.5:
                return f"{author}, {self.emph(title)} ({city}: {author}, {year}), p. {rng.randint(1, 480)}"
            return f"{author}, {self.emph(title)}, p. {rng.randint(1, 480)}"
        host = rng.choice(WEBSITE_HOSTS)
        return f"{self.organisation()}, at http://www.{host}.org/{rng.choice(HEADLINE_WORDS)}.html"

    def note(self) -> str:
        """The next footnote's text: "Ibid." now and then after a note that cites something."""
        rng = self.rng
        if self.notes and rng.random() < 0.15:
            return "Ibid." if rng.random() < 0.6 else f"Ibid., p. {rng.randint(1, 300)}."
        text = self.citation()
        if rng.random() < 0.12:
            text += f"; and {self.citation()}"
        return text + "."

    def marker(self) -> str:
        self.notes.append(self.note())
        number = len(self.notes)
        return f"[^{number}]" if self.markdown else f"[{number}]"

    # text

    def sentence(self, topic: list[str]) -> str:
        rng = self.rng
        words = [rng.choice(ADJECTIVES), rng.choice(NOUNS)]
        shape = rng.randrange(6)
        if shape == 0:
            text = (
                f"On {self.date()} the {' '.join(words)} of {self.country} {rng.choice(VERBS)} that "
                f"{self.number()} {rng.choice(topic)} {_plural(rng.choice(NOUNS))} were {rng.choice(topic)}"
            )
        elif shape == 1:
            text = (
                f"{rng.choice(CONNECTORS).capitalize()}, the {rng.choice(NOUNS)} {rng.choice(VERBS)} "
                f"{rng.choice(ADJECTIVES)} {rng.choice(topic)} "
                f"in the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
            )
        elif shape == 2:
            text = (
                f"The {' '.join(words)} {rng.choice(VERBS)} {self.number()} {rng.choice(MINE_MODELS)} mines "
                f"and {self.number()} {rng.choice(topic)} {_plural(rng.choice(NOUNS))} in {self.edition - 1}"
            )
        elif shape == 3:
            text = (
                f"{self.person()}, {rng.choice(ROLES)} of the {self.organisation()}, "
                f"{rng.choice(VERBS)} that the "
                f"{rng.choice(topic)} {rng.choice(NOUNS)} had been {rng.choice(topic)} since {self.date()}"
            )
        elif shape == 4:
            text = (
                f"There is no {rng.choice(ADJECTIVES)} information on {rng.choice(topic)} in the "
                f"{_plural(rng.choice(NOUNS))} of {self.country}, although the {rng.choice(NOUNS)} "
                f"{rng.choice(VERBS)} {_a(rng.choice(ADJECTIVES)).lower()} "
                f"{rng.choice(topic)} {rng.choice(NOUNS)}"
            )
        else:
            text = (
                f"{_a(rng.choice(ADJECTIVES))} {rng.choice(NOUNS)} of {self.number()} "
                f"{rng.choice(topic)} was {rng.choice(VERBS)} by the {' '.join(words)}, "
                f"with {self.number()} {_plural(rng.choice(NOUNS))} "
                f"in {rng.randint(2, 40)} {_plural(rng.choice(NOUNS))}"
            )
        return text[0].upper() + text[1:] + "."

    def paragraph(self, topic: list[str], length: int) -> str:
        """Sentences up to about `length` characters; a marker after one sentence in three."""
        parts: list[str] = []
        size = 0
        while size < length:
            sentence = self.sentence(topic)
            if self.rng.random() < 0.33:
                sentence += self.marker()
            parts.append(sentence)
            size += len(sentence) + 1
        if not any("[" in p for p in parts):
            parts[-1] += self.marker()  # every paragraph cites something
        return " ".join(parts)

    def key_developments(self) -> str:
        since = f"March {self.edition - 1}" if self.edition > FIRST_EDITION else "December 1997"
        label = f"Key developments since {since}:"
        text = self.paragraph(["signed", "ratified", "cleared", "destroyed"], 350)
        return f"**{label}** {text}" if self.markdown else f"{label} {text}"


def _report_text(
    rng: random.Random, country: str, edition: int, markdown: bool, target: int
) -> tuple[str, int]:
    """One report's text and its number of footnotes."""
    writer = _Writer(rng, country, edition, markdown)
    wrap = not markdown and rng.random() < 1 / 6
    key = writer.key_developments()
    # About 1,150 bytes of body and notes per paragraph of ~850 characters.
    paragraphs = max(len(SECTIONS), round((target - 1_200) / 1_150))
    per_section = [1] * len(SECTIONS)
    for _ in range(paragraphs - len(SECTIONS)):
        per_section[rng.randrange(len(SECTIONS))] += 1
    body: list[tuple[str | None, bool, list[str]]] = []  # (heading, lost, paragraphs)
    for (heading, kind, topic), count in zip(SECTIONS, per_section, strict=True):
        lost = rng.random() < 0.25 and heading != "Mine Ban Policy"
        texts = [writer.paragraph(topic, rng.randint(550, 1150)) for _ in range(count)]
        body.append((kind if (lost and markdown) else heading, lost, texts))

    out: list[str] = []
    if markdown:
        out += [
            f"# {country} — Landmine Monitor Report {edition}",
            f"<!-- country: {country} -->",
            "",
            key,
            "",
        ]
        for heading, lost, texts in body:
            out += [f"## ({heading})" if lost else f"## {heading}", ""]
            for text in texts:
                out += [text, ""]
        for number, note in enumerate(writer.notes, start=1):
            out.append(f"[^{number}]: {note}")
        return "\n".join(out) + "\n", len(writer.notes)

    def para(text: str) -> list[str]:
        return textwrap.wrap(text, 72, break_on_hyphens=False) if wrap else [text]

    out += [
        "+   *    +     +     ",
        "About Us ",
        "The Issues ",
        "Our Research Products ",
        "Order Publications ",
    ]
    out += [
        "Press Room ",
        "Resources for Monitor Researchers ",
        "Table of Contents",
        "Country Reports",
        "",
        "",
    ]
    out += [f"{country}, Landmine Monitor Report {edition}", "", *para(key), "", ""]
    for heading, lost, texts in body:
        if lost:
            out.append("")  # a lost heading leaves a wider gap: two blank lines, no heading
        else:
            out += [heading, ""]
        for text in texts:
            out += [*para(text), ""]
    out.append("")
    for number, note in enumerate(writer.notes, start=1):
        out += [f"[{number}] {note}", ""]
    return "\n".join(out), len(writer.notes)


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "ch", "sh", "x")) else "s")


def _a(word: str) -> str:
    return f"{'An' if word[0] in 'aeiou' else 'A'} {word}"


def _slug(name: str) -> str:
    keep = "".join(c.lower() if c.isalnum() else "-" for c in name)
    return "-".join(filter(None, keep.split("-")))


def generate(
    root: Path,
    reports: int = DEFAULT_REPORTS,
    *,
    seed: int = DEFAULT_SEED,
    average_bytes: int = AVERAGE_BYTES,
) -> Corpus:
    """Write `reports` reports under `root` (one folder per edition) and describe them."""
    rng = random.Random(seed)
    corpus = Corpus(root=root)
    for index, (country, edition) in enumerate(pairs(reports, country_names())):
        block = index // 10  # one in ten is Markdown, its place in each ten rotating over editions
        markdown = index % 10 == block % 5 + 5 * (block // 5 % 2)
        target = int(average_bytes * rng.uniform(0.4, 1.6))
        text, notes = _report_text(rng, country, edition, markdown, target)
        folder = root / str(edition)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{index:04d}-{_slug(country)}.{'md' if markdown else 'txt'}"
        data = text.encode("utf-8")
        path.write_bytes(data)
        corpus.reports.append(Report(country, edition, path, markdown, len(data), notes))
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into (one subfolder per edition)")
    parser.add_argument("--reports", type=int, default=DEFAULT_REPORTS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    corpus = generate(args.out, args.reports, seed=args.seed)
    markdown = sum(r.markdown for r in corpus.reports)
    print(
        f"{len(corpus.reports)} reports ({markdown} Markdown), {corpus.total_bytes / 1e6:.1f} MB, "
        f"{corpus.total_footnotes} footnotes, editions "
        + ", ".join(f"{y}: {len(corpus.in_edition(y))}" for y in corpus.editions)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
