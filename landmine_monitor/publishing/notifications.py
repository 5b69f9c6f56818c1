"""E-mails about publication orders.

- **Order received**: the customer gets the order's reference, what they ordered, where it goes
  and what happens next (the Order Publications page's confirmation text); the staff who handle
  orders (users allowed to change orders, and the addresses in `LM_ORDERS_EMAIL`) get the order
  with a link to it in the admin.
- **Order sent / cancelled**: when staff set the order's status, the customer is told.

Each is sent once the order is committed, and written to Wagtail's audit log on the order
(`publishing.notify`, naming who was written to). A mail server that is down never loses an
order: the order stands, the failure is logged, and nothing is recorded as sent.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from landmine_monitor.foundation.mail import deliver, message

from .models import OrderStatus, PublicationOrder, PublicationsPage

NOTIFY_ACTION = "publishing.notify"


def staff_addresses() -> list[str]:
    """Who handles orders: active users allowed to change them, and `ORDERS_EMAIL`."""
    users = ModelPermissionPolicy(PublicationOrder).users_with_permission("change")
    addresses = [u.email for u in users.filter(is_active=True).exclude(email="").order_by("pk")]
    for address in settings.ORDERS_EMAIL:
        if address not in addresses:
            addresses.append(address)
    return addresses


def _context(order: PublicationOrder) -> dict:
    page = PublicationsPage.objects.live().first()
    return {
        "order": order,
        "lines": list(order.lines.all()),
        "next_steps": " ".join(strip_tags(str(page.confirmation_text)).split()) if page else "",
        "site": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailsnippets_publishing_publicationorder:edit", args=[order.pk]),
    }


def _send(order: PublicationOrder, kind: str, mails: list[tuple[str, str, list[str]]], by=None) -> list[str]:
    """Send (subject, template, addresses) for the order; log and return who was written to."""
    context = _context(order)
    messages = [
        message(subject, render_to_string(f"publishing/emails/{template}.txt", context), to)
        for subject, template, to in mails
        if to
    ]
    if not messages or not deliver(messages):
        return []
    sent = [address for m in messages for address in m.to]
    log(order, NOTIFY_ACTION, user=by, data={"notification": kind, "to": sent})
    return sent


def order_received(order: PublicationOrder) -> list[str]:
    return _send(
        order,
        "order received",
        [
            (f"Your order {order.reference}", "order_received_customer", [order.email]),
            (
                f"New publication order {order.reference} ({order.country.name})",
                "order_received_staff",
                staff_addresses(),
            ),
        ],
    )


def order_status_changed(order: PublicationOrder, previous: str, by=None) -> list[str]:
    """Tell the customer their order was sent or cancelled (nothing for other changes)."""
    if order.status == previous or order.status not in (OrderStatus.SENT, OrderStatus.CANCELLED):
        return []
    template = "order_sent" if order.status == OrderStatus.SENT else "order_cancelled"
    subject = f"Your order {order.reference} has been {order.get_status_display().lower()}"
    return _send(order, f"order {order.status}", [(subject, template, [order.email])], by=by)
