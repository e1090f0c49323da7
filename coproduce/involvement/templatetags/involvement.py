"""Template filters for activities: times written the way people say them ("10am", "2:30pm", "midday")
and when an activity happens, in words."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date

from coproduce.involvement.fields import format_time
from coproduce.involvement.models import Activity

register = template.Library()


@register.filter
def plain_time(moment: datetime | None) -> str:
    """The local time of ``moment`` as GOV.UK style writes it: "10am", "2:30pm", "midday", "midnight"."""
    if moment is None:
        return ""
    local = timezone.localtime(moment).time()
    if (local.hour, local.minute) == (12, 0):
        return "midday"
    if (local.hour, local.minute) == (0, 0):
        return "midnight"
    return format_time(local)


@register.filter
def when(activity: Activity) -> str:
    """When an activity happens, in words: "Tuesday 3 March 2026, 10am to midday", or "From …, to …"
    when it runs over more than one day. A filter rather than an included template: lists show many."""
    starts, ends = timezone.localtime(activity.starts_at), timezone.localtime(activity.ends_at)
    if starts.date() == ends.date():
        return f"{_day(starts)}, {plain_time(starts)} to {plain_time(ends)}"
    return f"From {_day(starts)}, {plain_time(starts)}, to {_day(ends)}, {plain_time(ends)}"


def _day(moment: datetime) -> str:
    return format_date(moment, "l j F Y")
