"""Publishing an approved report at its edition's release time.

Wagtail calls `publish_at_release` when the last task of a workflow is approved (the
`WAGTAIL_FINISH_WORKFLOW_ACTION` setting). Wagtail imports this module while its own models load,
so everything else is imported inside the function.
"""

from __future__ import annotations


def publish_at_release(workflow_state, user=None) -> None:
    """Publish the latest revision of the object the workflow approved; a country report whose
    edition is released later is scheduled for that moment instead, and stays invisible (its
    published version, if any, stays as it was) until `publish_scheduled` runs after it."""
    from wagtail.actions.publish_page_revision import PublishPageRevisionAction
    from wagtail.models import Page

    from landmine_monitor.reports.models import CountryReportPage

    obj = workflow_state.content_object
    revision = obj.get_latest_revision()
    report = None
    if isinstance(obj, Page):
        report = CountryReportPage.objects.select_related("edition").filter(pk=obj.pk).first()
    if report is None or not report.edition.release_pending():
        revision.publish(user=user)
        return
    release = report.edition.release_at
    action = PublishPageRevisionAction(revision, user=user)
    scheduled = action.object.go_live_at
    # A later go-live time an editor chose stands; an earlier one would break the embargo.
    action.object.go_live_at = max(scheduled, release) if scheduled else release
    action.execute()
