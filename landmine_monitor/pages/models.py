"""The public site's pages, edited in Wagtail."""

from __future__ import annotations

import datetime

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The front page: what the Monitor is, and where states stand today, computed live."""

    intro = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from landmine_monitor.treaties.models import Treaty
        from landmine_monitor.treaties.selectors import treaty_parties

        context = super().get_context(request, *args, **kwargs)
        today = datetime.date.today()
        context["today"] = today
        tables = [
            {"treaty": p.treaty, **{k.replace("-", "_"): n for k, n in p.counts.items()}}
            for p in (treaty_parties(t, today) for t in Treaty.objects.select_related("record_source"))
        ]
        context["treaty_tables"] = tables
        context["record"] = tables[0]["treaty"].record_source if tables else None
        return context
