"""What the public pages' cache rests on: one counter that moves whenever content changes."""

from __future__ import annotations

from django.db import models


class ContentVersion(models.Model):
    """A single row whose value goes up on every committed change to what the public site shows.

    It lives in the database, not in the cache, so that every process — each web server worker,
    and the `publish_scheduled` command releasing an embargoed page — sees the same value, and a
    page cached by one process is known to be stale by all of them.
    """

    value = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "content version"

    def __str__(self) -> str:
        return f"content version {self.value}"
