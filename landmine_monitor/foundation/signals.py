"""Move the content version on whenever something a reader sees changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from .content_version import content_changed

# The apps whose records the public pages show (reports, countries, treaties, votes, facts, ...).
CONTENT_APP_PREFIX = "landmine_monitor."
# Records no public page shows: saving them must not empty the cache.
NOT_SHOWN = {("instance", "contentversion"), ("publishing", "publicationorder")}


def record_changed(sender, **kwargs) -> None:
    if sender.__module__ == "__fake__":
        return  # a historical model, in a migration
    meta = sender._meta
    if (meta.app_label, meta.model_name) in NOT_SHOWN:
        return
    if sender.__module__.startswith(CONTENT_APP_PREFIX) or meta.app_label in ("wagtailcore", "wagtailimages"):
        content_changed()


page_published.connect(content_changed, dispatch_uid="pages-stale-on-publish")
page_unpublished.connect(content_changed, dispatch_uid="pages-stale-on-unpublish")
post_save.connect(record_changed, dispatch_uid="pages-stale-on-save")
post_delete.connect(record_changed, dispatch_uid="pages-stale-on-delete")
