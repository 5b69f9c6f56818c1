"""The Monitor's dates in templates, written by `foundation.dates` as in Python:

{% load dates %}
{{ day|long_date }}        24 February 1999
{{ day|month_year }}       February 1999
{{ day|short_date }}       24 Feb 1999
{{ moment|long_datetime }} 1 March 2000, 00:00 CET
"""

from __future__ import annotations

from django import template

from landmine_monitor.foundation import dates

register = template.Library()

register.filter("long_date", dates.long_date)
register.filter("month_year", dates.month_year)
register.filter("short_date", dates.short_date)
register.filter("long_datetime", dates.long_datetime)
