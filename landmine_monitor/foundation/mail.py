"""Sending e-mail: one place that knows a mail server can be down.

Notifications follow work that is already committed (an order placed, a report submitted): a
mail server that refuses or is unreachable must not undo it or show the user an error, so a
failure is logged and reported to the caller, which then does not record the e-mail as sent.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

logger = logging.getLogger(__name__)


def message(subject: str, body: str, to: Sequence[str], **headers) -> EmailMessage:
    """A plain-text message from the site's sender, marked as automatic (no out-of-office replies)."""
    return EmailMessage(
        subject,
        body.strip() + "\n",
        settings.DEFAULT_FROM_EMAIL,
        list(to),
        headers={"Auto-Submitted": "auto-generated", **headers},
    )


def deliver(messages: Sequence[EmailMessage]) -> bool:
    """Send the messages over one connection; False (and a logged error) when the server fails."""
    if not messages:
        return True
    try:
        get_connection().send_messages(list(messages))
    except (OSError, smtplib.SMTPException):
        logger.exception(
            "Could not send %r to %s",
            messages[0].subject,
            ", ".join(address for m in messages for address in m.to),
        )
        return False
    return True
