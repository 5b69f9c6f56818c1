"""What an import would change, summarised from the one comparison of report versions
(`reports.compare`, Wagtail's own comparison of two versions of a page)."""

from __future__ import annotations

import copy

import pytest

from landmine_monitor.reports.document import Footnote, Paragraph, ReportDocument, Section, SectionKind
from landmine_monitor.reports.services import diff_documents

pytestmark = pytest.mark.django_db


def report() -> ReportDocument:
    return ReportDocument(
        title="North Korea",
        key_developments="No change of policy.",
        sections=[
            Section(
                "Mine Ban Policy",
                [SectionKind.MINE_BAN_POLICY],
                [Paragraph("One."), Paragraph("It abstained on resolution 51/45 S.[^1]")],
            ),
            Section("", [SectionKind.PRODUCTION], [Paragraph("Stake mines are made.[^2]")]),
        ],
        footnotes=[Footnote(1, "A letter of 4 December 1998."), Footnote(2, "A US database.")],
    )


def test_an_import_is_summarised_part_by_part():
    old = report()
    new = copy.deepcopy(old)
    new.title = "North Korea (DPRK)"
    new.key_developments = "A statement to the General Assembly."
    new.sections[0].paragraphs[1] = Paragraph("It abstained on resolution 51/45 S, and again in 2000.[^1]")
    new.sections[1] = Section("Use", [SectionKind.USE], [Paragraph("No use is reported.")])
    new.footnotes = [Footnote(2, "A US government database."), Footnote(3, "A press report.")]
    assert diff_documents(old, new) == [
        "title: 'North Korea' → 'North Korea (DPRK)'",
        "key developments changed",
        "sections: ['Mine Ban Policy', '(production)'] → ['Mine Ban Policy', 'Use']",
        "paragraphs: 3 → 3, 1 changed, 1 added, 1 removed",
        "footnotes added: 3",
        "footnotes removed: 1",
        "footnotes changed: 2",
    ]


def test_the_same_report_again_changes_nothing():
    assert diff_documents(report(), report()) == ["no change"]
