"""Finding the activity or person a page is about, for the pages of every area."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404

from coproduce.accounts.models import User
from coproduce.http import require
from coproduce.involvement.models import Activity
from coproduce.involvement.permissions import can_manage_activities, can_view_activity
from coproduce.people.models import Person

PAGE_SIZE = 20


def own_person(user: User | AnonymousUser) -> Person | None:
    if not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).first()


def activity_for(user: User | AnonymousUser, pk: int) -> Activity:
    """An activity the person may see. Others get "not found", so private activities stay unknown."""
    activity = get_object_or_404(Activity.objects.select_related("project"), pk=pk)
    if not can_view_activity(user, activity):
        raise Http404
    return activity


def managed_activity(user: User, pk: int) -> Activity:
    require(can_manage_activities(user))
    return get_object_or_404(Activity.objects.select_related("project"), pk=pk)
