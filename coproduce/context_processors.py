"""Values every page's layout needs: the navigation for this person's role."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from coproduce.people.permissions import can_list_people, can_manage_own_details


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    is_current: bool


def navigation(request: HttpRequest) -> dict[str, list[NavItem]]:
    user = request.user
    links = [("Home", reverse("home")), ("Get involved", reverse("involvement:opportunities"))]
    if user.is_authenticated:
        links.append(("Projects", reverse("projects:list")))
        if can_list_people(user):
            links.append(("People", reverse("people:list")))
        if can_manage_own_details(user):
            links.append(("Your details", reverse("you:details")))
    links.append(("Co-production", reverse("co_production")))
    path = request.path
    home = reverse("home")
    items = [
        NavItem(label, url, is_current=(path == url) if url == home else path.startswith(url)) for label, url in links
    ]
    return {"navigation": items}
