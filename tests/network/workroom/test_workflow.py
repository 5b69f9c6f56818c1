"""The review workflow: researcher submits, a coordinator of the country's region requests
changes or approves, the editors approve, and the report goes public at its edition's release
time; each step derives the report's state, writes Wagtail's audit log and e-mails the people
concerned."""

from __future__ import annotations

import datetime
import json
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState

from landmine_monitor.network.workroom.models import CoordinatorReviewTask
from landmine_monitor.network.workroom.selectors import ReportState, ReviewFacts, derive_state, progress_of
from landmine_monitor.network.workroom.workflow import (
    COORDINATOR_TASK,
    EDITOR_TASK,
    WORKFLOW_NAME,
    ensure_review_workflow,
)
from landmine_monitor.reports.models import ReportsIndexPage

pytestmark = pytest.mark.django_db

PUBLISHED_TEXT = "has not signed the 1997 Mine Ban Treaty"  # in the published sample report
NEW_TEXT = "A revised paragraph on North Korea"  # the network fixture's new draft


def public_texts(client, report) -> tuple[int, str, str]:
    """What anyone reads of the report: the page's status and text, and the API's text."""
    client.logout()
    page = client.get(report.url)
    api = client.get(f"/api/v1/reports/{report.edition.year}/{report.country.slug}")
    return page.status_code, page.content.decode(), api.content.decode()


def test_the_workflow_is_created_once_on_the_reports_tree(network):
    again = ensure_review_workflow()
    assert again.created == []
    workflow = again.workflow
    assert workflow.name == WORKFLOW_NAME and workflow.active
    assert [task.name for task in workflow.tasks] == [COORDINATOR_TASK, EDITOR_TASK]
    assert isinstance(workflow.tasks.first().specific, CoordinatorReviewTask)
    editor_task = workflow.tasks.last().specific
    assert sorted(editor_task.groups.values_list("name", flat=True)) == ["Administrators", "Editors"]
    assert ReportsIndexPage.objects.get().get_workflow() == workflow
    assert network.report("PRK").get_workflow() == workflow


def test_the_command_reports_what_it_made(network, capsys):
    call_command("review_workflow")
    out = capsys.readouterr().out
    assert "already there" in out
    assert "Coordinator review → Editor approval" in out


@pytest.mark.parametrize(
    ("facts", "state"),
    [
        (ReviewFacts(has_report=False), ReportState.NOT_STARTED),
        (ReviewFacts(has_report=True), ReportState.DRAFTING),
        (ReviewFacts(has_report=True, live=True, unpublished_changes=True), ReportState.DRAFTING),
        (ReviewFacts(has_report=True, workflow_status="in_progress", task_position=0), ReportState.SUBMITTED),
        (ReviewFacts(has_report=True, workflow_status="in_progress", task_position=1), ReportState.IN_REVIEW),
        (
            ReviewFacts(has_report=True, workflow_status="needs_changes", task_position=0),
            ReportState.CHANGES_REQUESTED,
        ),
        (
            ReviewFacts(has_report=True, live=True, unpublished_changes=True, scheduled=True),
            ReportState.APPROVED,
        ),
        (ReviewFacts(has_report=True, scheduled=True), ReportState.APPROVED),
        (ReviewFacts(has_report=True, live=True), ReportState.PUBLISHED),
    ],
)
def test_state_derivation(facts, state):
    assert derive_state(facts) == state


def test_the_whole_review_until_the_embargo_lifts(network, workflow_steps, client):
    submit, act = workflow_steps
    researcher, coordinator, editor = (network.user(n) for n in ("researcher", "coordinator", "editor"))
    report = network.report("PRK")
    assert progress_of(report).state == ReportState.DRAFTING

    submit(report, researcher)
    assert progress_of(network.report("PRK")).state == ReportState.SUBMITTED
    assert progress_of(network.report("PRK")).task == COORDINATOR_TASK

    act(report, coordinator, "reject", comment="Paragraph 2: cite the mission's letter.")
    progress = progress_of(network.report("PRK"))
    assert progress.state == ReportState.CHANGES_REQUESTED and progress.ever_submitted

    submit(report, researcher)  # revised and resubmitted: back at the coordinator
    assert progress_of(network.report("PRK")).state == ReportState.SUBMITTED
    act(report, coordinator, "approve")
    progress = progress_of(network.report("PRK"))
    assert (progress.state, progress.task) == (ReportState.IN_REVIEW, EDITOR_TASK)

    act(report, editor, "approve")
    report = network.report("PRK")
    progress = progress_of(report)
    assert progress.state == ReportState.APPROVED
    assert progress.go_live_at == network.release_at
    assert report.scheduled_revision.approved_go_live_at == network.release_at
    assert report.scheduled_revision == report.latest_revision
    assert PageLogEntry.objects.filter(page=report, action="wagtail.publish.schedule").exists()

    # Before the release, the public site and the API still show the published version only.
    status, html, api = public_texts(client, report)
    assert status == 200 and PUBLISHED_TEXT in html and NEW_TEXT not in html
    assert NEW_TEXT not in api and PUBLISHED_TEXT in api
    call_command("publish_scheduled")
    assert NEW_TEXT not in public_texts(client, report)[1]

    after = network.release_at + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=after):
        call_command("publish_scheduled")
    report = network.report("PRK")
    assert progress_of(report).state == ReportState.PUBLISHED
    status, html, api = public_texts(client, report)
    assert status == 200 and NEW_TEXT in html and NEW_TEXT in api
    actions = list(
        PageLogEntry.objects.filter(page=report).order_by("timestamp", "pk").values_list("action", flat=True)
    )
    for expected in (
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish.schedule",
        "wagtail.publish.scheduled",
    ):
        assert expected in actions, expected


def test_a_report_never_published_stays_invisible_until_the_release(network, workflow_steps, client):
    submit, act = workflow_steps
    report = network.report("MNG")
    submit(report, network.user("coordinator"))
    act(report, network.user("coordinator"), "approve")
    act(report, network.user("editor"), "approve")
    report = network.report("MNG")
    assert not report.live and progress_of(report).state == ReportState.APPROVED
    assert public_texts(client, report)[0] == 404
    listed = json.loads(client.get("/api/v1/reports?edition=1999").content)
    assert "Mongolia" not in json.dumps(listed)
    with mock.patch(
        "django.utils.timezone.now", return_value=network.release_at + datetime.timedelta(seconds=5)
    ):
        call_command("publish_scheduled")
    assert public_texts(client, network.report("MNG"))[0] == 200


def test_the_embargo_holds_until_the_release_time(network):
    edition = network.edition
    assert edition.release_pending()
    assert edition.release_pending(network.release_at - datetime.timedelta(seconds=1))
    assert not edition.release_pending(network.release_at)
    with mock.patch("django.utils.timezone.now", return_value=network.release_at):
        assert not edition.release_pending()
    edition.release_at = None
    assert not edition.release_pending()  # no release time: nothing held back


def test_with_the_release_past_approval_publishes_at_once(network, workflow_steps, client):
    submit, act = workflow_steps
    network.edition.release_at = None
    network.edition.save()
    report = network.report("PRK")
    submit(report, network.user("researcher"))
    act(report, network.user("coordinator"), "approve")
    act(report, network.user("editor"), "approve")
    report = network.report("PRK")
    assert progress_of(report).state == ReportState.PUBLISHED
    assert NEW_TEXT in public_texts(client, report)[1]


def test_a_coordinator_of_another_region_cannot_act_on_the_task(
    network, workflow_steps, login, client, refused
):
    submit, act = workflow_steps
    report = network.report("PRK")
    submit(report, network.user("researcher"))
    outsider = network.user("africa-coordinator")
    with pytest.raises(PermissionError):
        act(report, outsider, "approve")
    for name in ("researcher", "theme-coordinator", "africa-coordinator"):
        assert (
            network.report("PRK").current_workflow_task.get_actions(network.report("PRK"), network.user(name))
            == []
        )
    assert not TaskState.objects.reviewable_by(outsider).exists()
    assert TaskState.objects.reviewable_by(network.user("coordinator")).count() == 1

    # Through the admin: the workflow action is refused, and nothing moves.
    task_state = network.report("PRK").current_workflow_task_state
    login(outsider)
    url = reverse("wagtailadmin_pages:workflow_action", args=[report.pk, "approve", task_state.pk])
    assert refused(client.post(url))
    assert progress_of(network.report("PRK")).state == ReportState.SUBMITTED

    # The region's coordinator, through the same view, approves.
    login(network.user("coordinator"))
    response = client.post(url)
    assert response.status_code == 302
    assert progress_of(network.report("PRK")).state == ReportState.IN_REVIEW


def test_researchers_never_publish_and_theme_coordinators_do_not_submit(network, login, client, refused):
    report = network.report("PRK")
    edit = reverse("wagtailadmin_pages:edit", args=[report.pk])
    login(network.user("researcher"))
    html = client.get(edit).content.decode()
    assert "Submit to Report review" in html
    assert 'name="action-publish"' not in html
    login(network.user("theme-coordinator"))
    response = client.post(edit, {"action-submit": "1"})
    assert refused(response)
    assert network.report("PRK").current_workflow_state is None


def test_the_notifications_reach_the_people_concerned_once(network, workflow_steps):
    submit, act = workflow_steps
    report = network.report("PRK")
    mail.outbox.clear()

    submit(report, network.user("researcher"))
    assert [m.to for m in mail.outbox] == [["coordinator@example.org"]]
    assert "To review: North Korea (1999), Coordinator review" == mail.outbox[0].subject
    assert f"/admin/pages/{report.pk}/edit/" in mail.outbox[0].body

    mail.outbox.clear()
    act(report, network.user("coordinator"), "reject", comment="Cite the mission's letter in note 2.")
    assert [m.to for m in mail.outbox] == [["researcher@example.org"]]
    assert "Cite the mission's letter in note 2." in mail.outbox[0].body

    mail.outbox.clear()
    submit(report, network.user("researcher"))
    act(report, network.user("coordinator"), "approve")
    assert sorted(m.to[0] for m in mail.outbox) == ["coordinator@example.org", "editor@example.org"]

    mail.outbox.clear()
    act(report, network.user("editor"), "approve")
    assert sorted(m.to[0] for m in mail.outbox) == ["coordinator@example.org", "researcher@example.org"]
    assert all("will be published at the edition's release" in m.body for m in mail.outbox)

    logged = PageLogEntry.objects.filter(page=report, action="workroom.notify")
    assert logged.count() == 5
    assert {tuple(e.data["to"]) for e in logged if e.data["notification"] == "approved"} == {
        ("researcher", "coordinator")
    }


def test_an_editor_cannot_publish_directly_before_the_embargo(network, login, client):
    report = network.report("PRK")
    live_revision = report.live_revision_id
    login(network.user("editor"))
    edit = reverse("wagtailadmin_pages:edit", args=[report.pk])
    response = client.post(edit, {"action-publish": "1"}, follow=True)
    assert "is embargoed until" in response.content.decode()
    assert network.report("PRK").live_revision_id == live_revision
    assert NEW_TEXT not in client.get(report.url).content.decode()


def test_bulk_publishing_from_the_explorer_keeps_the_embargo(network, login, client):
    report = network.report("PRK")
    live_revision = report.live_revision_id
    login(network.user("editor"))
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={report.pk}"
    response = client.post(url, {}, follow=True)
    assert "are under their edition&#x27;s embargo" in response.content.decode()
    assert network.report("PRK").live_revision_id == live_revision
    assert NEW_TEXT not in client.get(report.url).content.decode()


def test_revisions_compare_in_the_admin(network, login, client):
    report = network.report("PRK")
    previous, latest = report.revisions.order_by("created_at", "pk")[:2]
    login(network.user("researcher"))
    url = reverse("wagtailadmin_pages:revisions_compare", args=[report.pk, previous.pk, latest.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    # The paragraph keeps its block id across versions, so the change shows as a word diff.
    assert '<span class="addition">A revised paragraph on </span>North Korea' in html
    assert '<span class="deletion">' in html
    assert "Mine Ban Policy" in html
    history = client.get(reverse("wagtailadmin_pages:history", args=[report.pk])).content.decode()
    assert f"/admin/pages/{report.pk}/revisions/compare/" in history


def test_comments_can_sit_on_a_paragraph_of_a_section(network):
    from wagtail.models import Comment

    page = network.report("PRK").get_latest_revision_as_object()
    section = page.sections[0]
    paragraph = section.value["paragraphs"].bound_blocks[0]
    comment = Comment(
        page=page, contentpath=f"sections.{section.id}.paragraphs.{paragraph.id}", text="Source?"
    )
    assert comment.has_valid_contentpath(page)
    assert not Comment(page=page, contentpath="sections.no-such-block", text="x").has_valid_contentpath(page)
