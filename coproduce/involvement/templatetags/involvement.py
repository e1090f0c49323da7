"""Template filters for activities: times written the way people say them ("10am", "2:30pm", "midday")."""

from datetime import datetime

from django import template
from django.utils import timezone

from coproduce.involvement.fields import format_time

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
