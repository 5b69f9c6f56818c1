"""`send-reminders`: milestones a week and a day ahead, overdue drafts, unanswered requests for
information; sent once, however often the command runs."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from landmine_monitor.network.workroom.models import SentReminder

pytestmark = pytest.mark.django_db


def sent(outbox) -> list[tuple[str, str]]:
    return sorted((m.to[0].split("@")[0], m.subject) for m in outbox)


@pytest.fixture
def overdue_request(network):
    from landmine_monitor.network.services import record_request

    return record_request(
        by=network.user("researcher"),
        country=network.countries["PRK"],
        edition=network.edition,
        addressee_organisation="Ministry of Foreign Affairs",
        subject="Stockpile and production of antipersonnel mines",
        channel="intermediary",
        intermediary="An organisation of Korean residents abroad",
        sent_on=timezone.localdate() - datetime.timedelta(days=40),
        response_due=timezone.localdate() - datetime.timedelta(days=10),
    )


def test_the_days_reminders_are_sent_once(network, overdue_request, capsys):
    today = timezone.localdate()
    mail.outbox.clear()
    call_command("send_reminders", "--on", today.isoformat())
    assert sent(mail.outbox) == [
        ("angola-researcher", "Overdue: the Angola report (First drafts due)"),
        (
            "angola-researcher",
            "Researchers' meeting in 7 days: Landmine Monitor Report 1999: Toward a Mine-Free World",
        ),
        ("researcher", "No answer yet: your request for information to Ministry of Foreign Affairs"),
        ("researcher", "Overdue: the North Korea report (First drafts due)"),
        (
            "researcher",
            "Researchers' meeting in 7 days: Landmine Monitor Report 1999: Toward a Mine-Free World",
        ),
    ]
    overdue = next(m for m in mail.outbox if m.subject.startswith("Overdue: the North Korea"))
    assert "is 5 days overdue" in overdue.body and "/admin/workroom/" in overdue.body
    request_mail = next(m for m in mail.outbox if m.subject.startswith("No answer yet"))
    assert "10 days ago" in request_mail.body
    assert f"/admin/snippets/network/requestforinformation/edit/{overdue_request.pk}/" in request_mail.body
    assert "Sent 5 reminders" in capsys.readouterr().out
    assert SentReminder.objects.count() == 5
    assert ModelLogEntry.objects.filter(action="workroom.notify").count() >= 5

    # Again the same day, and the next day: nothing new (the overdue ones come back in a week).
    mail.outbox.clear()
    call_command("send_reminders", "--on", today.isoformat())
    call_command("send_reminders", "--on", (today + datetime.timedelta(days=1)).isoformat())
    assert mail.outbox == []
    assert "Sent 0 reminders" in capsys.readouterr().out

    # Six days on: the meeting is tomorrow; a week on, the overdue reminders come back.
    call_command("send_reminders", "--on", (today + datetime.timedelta(days=6)).isoformat())
    assert sent(mail.outbox) == [
        (
            "angola-researcher",
            "Researchers' meeting tomorrow: Landmine Monitor Report 1999: Toward a Mine-Free World",
        ),
        (
            "researcher",
            "Researchers' meeting tomorrow: Landmine Monitor Report 1999: Toward a Mine-Free World",
        ),
    ]
    mail.outbox.clear()
    call_command("send_reminders", "--on", (today + datetime.timedelta(days=7)).isoformat())
    assert len([m for m in mail.outbox if m.subject.startswith(("Overdue", "No answer"))]) == 3


def test_a_dry_run_sends_and_records_nothing(network, overdue_request, capsys):
    mail.outbox.clear()
    call_command("send_reminders", "--dry-run")
    out = capsys.readouterr().out
    assert "Would send to researcher: Overdue: the North Korea report" in out
    assert "Would send 5 reminders" in out
    assert mail.outbox == [] and not SentReminder.objects.exists()


def test_a_draft_delivered_is_not_reminded_of(network, workflow_steps):
    submit, act = workflow_steps
    submit(network.report("PRK"), network.user("researcher"))  # the first draft is in
    mail.outbox.clear()
    call_command("send_reminders")
    subjects = [m.subject for m in mail.outbox if m.to == ["researcher@example.org"]]
    assert not any("North Korea" in subject for subject in subjects)
    # Final drafts are due in 20 days: a week before, the researcher is reminded of them.
    on = network.edition.milestones.get(kind="final-drafts-due").due_on - datetime.timedelta(days=7)
    mail.outbox.clear()
    call_command("send_reminders", "--on", on.isoformat())
    assert ("researcher", "Final drafts due in 7 days: the North Korea report") in sent(mail.outbox)


def test_a_bad_date_is_named(network):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=r"--on: '1999-02-30' is not a date"):
        call_command("send_reminders", "--on", "1999-02-30")


def test_a_new_assignment_is_announced_by_email(network, django_capture_on_commit_callbacks):
    from landmine_monitor.network.services import assign_researcher

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assign_researcher(network.user("angola-researcher"), network.countries["MNG"], network.edition)
    [message] = mail.outbox
    assert message.to == ["angola-researcher@example.org"]
    assert (
        message.subject
        == "Your assignment: Mongolia in Landmine Monitor Report 1999: Toward a Mine-Free World"
    )
    assert "Researchers' meeting" in message.body and "/admin/workroom/" in message.body
    assert ModelLogEntry.objects.filter(action="workroom.notify", data__notification="assignment").exists()
