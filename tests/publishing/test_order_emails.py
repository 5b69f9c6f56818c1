"""E-mails about publication orders: the customer's confirmation and the staff's notice when an
order is placed, the customer told when it is sent or cancelled, each in the order's history;
a mail server that is down loses no order."""

from __future__ import annotations

import socket

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from order_form import catalogue, order_data
from wagtail.models import ModelLogEntry

from landmine_monitor.publishing.models import PublicationOrder
from landmine_monitor.publishing.services import REPORT_1999_TITLE

pytestmark = pytest.mark.django_db

ORDER_URL = "/order-publications/"


@pytest.fixture
def order_staff(db):
    """One user in a group allowed to handle orders, one without that permission."""
    group = Group.objects.create(name="Order desk")
    group.permissions.add(Permission.objects.get(codename="change_publicationorder"))
    User = get_user_model()
    desk = User.objects.create_user("desk", email="desk@example.org", password="x-long-password-1")
    desk.groups.add(group)
    User.objects.create_user("reader", email="reader@example.org", password="x-long-password-1")
    return desk


def place(client, captured, **changes):
    data = order_data(**{"name": "Aoife O'Brien", "organisation": "Example & Partners", **changes})
    book, pdf = catalogue()
    data[f"quantity_{pdf.pk}"] = "0"
    with captured(execute=True):
        response = client.post(ORDER_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return PublicationOrder.objects.get(name=data["name"])


def test_placing_an_order_mails_the_customer_and_the_staff(
    client, publishing, order_staff, settings, django_capture_on_commit_callbacks
):
    settings.ORDERS_EMAIL = ["orders@example.org"]
    order = place(client, django_capture_on_commit_callbacks)

    customer, staff = mail.outbox
    assert customer.to == ["ana@example.org"]
    assert customer.subject == f"Your order {order.reference}"
    body = customer.body
    assert "Dear Aoife O'Brien," in body  # plain text: nothing escaped
    assert f"2 × {REPORT_1999_TITLE} (Print)" in body
    assert "Example & Partners\n1 Example Street\n1200 Geneva\nSwitzerland" in body
    assert "staff will handle it" in body  # the page's own "what happens next", as plain text
    assert "<p>" not in body

    assert staff.to == ["desk@example.org", "orders@example.org"]  # not the reader
    assert staff.subject == f"New publication order {order.reference} (Switzerland)"
    edit = reverse("wagtailsnippets_publishing_publicationorder:edit", args=[order.pk])
    assert edit in staff.body and "<ana@example.org>" in staff.body
    assert "Their notes: For our library." in staff.body

    [entry] = ModelLogEntry.objects.for_instance(order).filter(action="publishing.notify")
    assert entry.data == {
        "notification": "order received",
        "to": ["ana@example.org", "desk@example.org", "orders@example.org"],
    }


def test_the_customer_is_told_when_the_order_is_sent_or_cancelled_once(
    client, admin_client, publishing, django_capture_on_commit_callbacks
):
    order = place(client, django_capture_on_commit_callbacks)
    edit = reverse("wagtailsnippets_publishing_publicationorder:edit", args=[order.pk])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(edit, {"status": "received", "staff_note": "Waiting for stock"})
    assert mail.outbox == []  # no change of status, no e-mail

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(edit, {"status": "sent", "staff_note": "Posted on Monday"})
    [sent] = mail.outbox
    assert sent.to == ["ana@example.org"]
    assert sent.subject == f"Your order {order.reference} has been sent"
    assert "Posted on Monday" not in sent.body  # the staff note stays with the staff

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(edit, {"status": "sent", "staff_note": "Posted on Monday, tracked"})
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(edit, {"status": "cancelled", "staff_note": "Returned"})
    assert mail.outbox[-1].subject == f"Your order {order.reference} has been cancelled"
    kinds = [
        e.data["notification"]
        for e in ModelLogEntry.objects.for_instance(order).filter(action="publishing.notify").order_by("pk")
    ]
    assert kinds == ["order received", "order sent", "order cancelled"]
    history = admin_client.get(
        reverse("wagtailsnippets_publishing_publicationorder:history", args=[order.pk])
    )
    assert "E-mailed ana@example.org (order sent)" in history.content.decode()


def test_a_mail_server_that_is_down_loses_no_order(
    client, publishing, settings, django_capture_on_commit_callbacks
):
    # A real SMTP connection to a port nobody listens on: refused.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", closed_port, False
    order = place(client, django_capture_on_commit_callbacks)
    assert order.reference and order.lines.count() == 1
    assert mail.outbox == []
    assert not ModelLogEntry.objects.for_instance(order).filter(action="publishing.notify").exists()


def test_one_address_cannot_be_flooded_with_confirmations(
    client, publishing, settings, django_capture_on_commit_callbacks
):
    settings.ORDERS_PER_ADDRESS_PER_DAY = 2
    place(client, django_capture_on_commit_callbacks, name="First")
    place(client, django_capture_on_commit_callbacks, name="Second")
    sent = len(mail.outbox)
    response = client.post(ORDER_URL, order_data(name="Third", email="ANA@example.org"))
    assert response.status_code == 200
    assert "2 orders were placed with this address in the last 24 hours" in response.content.decode()
    assert not PublicationOrder.objects.filter(name="Third").exists() and len(mail.outbox) == sent
    # Another address is taken as ever.
    place(client, django_capture_on_commit_callbacks, name="Fourth", email="someone@example.org")


def test_the_limit_holds_for_orders_placed_without_the_form(publishing, settings):
    """The rule lives in the service: an order placed from code (an import of phone orders, the
    API later) is held to it as the form is."""
    from django.core.exceptions import ValidationError

    from landmine_monitor.publishing.forms import OrderForm
    from landmine_monitor.publishing.services import place_order

    settings.ORDERS_PER_ADDRESS_PER_DAY = 1
    form = OrderForm(order_data(), publications=list(catalogue()))
    assert form.is_valid(), form.errors
    place_order(form.customer(), form.lines())
    with pytest.raises(ValidationError, match="1 orders were placed with this address"):
        place_order(form.customer() | {"email": "Ana@Example.org"}, form.lines())
    assert PublicationOrder.objects.count() == 1
