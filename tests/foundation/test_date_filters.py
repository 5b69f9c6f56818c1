"""The Monitor's dates, written by `foundation.dates` in Python and in templates alike."""

from __future__ import annotations

import datetime

from django.template import Context, Template
from django.utils import timezone

from landmine_monitor.foundation.dates import long_date, long_datetime, month_year, short_date

D = datetime.date


def render(text: str, **context) -> str:
    return Template("{% load dates %}" + text).render(Context(context))


def test_the_functions_write_the_monitor_s_dates():
    assert long_date(D(1999, 2, 4)) == "4 February 1999"
    assert month_year(D(1999, 1, 24)) == "January 1999"
    assert short_date(D(1999, 2, 4)) == "4 Feb 1999"
    assert (long_date(None), month_year(None), short_date(None)) == ("", "", "—")
    assert long_date(None, empty="not stated") == "not stated"


def test_the_filters_write_what_the_functions_write():
    day = D(1997, 12, 3)
    assert render("{{ day|long_date }}", day=day) == long_date(day) == "3 December 1997"
    assert render("{{ day|month_year }}", day=day) == "December 1997"
    assert render("{{ day|short_date }}", day=day) == "3 Dec 1997"
    # No date writes nothing, so a default can follow.
    assert render('{{ day|long_date|default:"…" }}', day=None) == "…"
    assert render("{{ missing|long_date }}") == ""


def test_a_moment_is_written_on_its_day_in_the_installation_s_time_zone():
    moment = datetime.datetime(1999, 2, 28, 23, 30, tzinfo=datetime.UTC)
    with timezone.override(datetime.timezone(datetime.timedelta(hours=1), "CET")):
        assert long_date(moment) == "1 March 1999"
        assert render("{{ moment|long_date }}", moment=moment) == "1 March 1999"
        assert long_datetime(moment) == "1 March 1999, 00:30 CET"
        assert render("{{ moment|long_datetime }}", moment=moment) == "1 March 1999, 00:30 CET"
    assert long_datetime(None) == ""
