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
    """The main menu. Each item is (label, where it goes, the part of the site it is "current" for)."""
    user = request.user
    home = reverse("home")
    links = [(home, "Home", home), (reverse("involvement:opportunities"), "Get involved", None)]
    if user.is_authenticated:
        links.append((reverse("projects:list"), "Projects", None))
        links.append((reverse("decisions:register"), "Decisions", None))
        # The charter, champions, courses and training records all sit under /learning/.
        links.append(
            (reverse("learning:charter"), "Charter and training", reverse("learning:courses").rsplit("/", 2)[0])
        )
        links.append((reverse("analytics:dashboard"), "How are we doing?", None))
        if can_list_people(user):
            links.append((reverse("people:list"), "People", None))
        if can_manage_own_details(user):
            links.append((reverse("you:details"), "Your details", None))
    links.append((reverse("co_production"), "Co-production", None))
    path = request.path
    items = [
        NavItem(label, url, is_current=path == home if url == home else path.startswith(section or url))
        for url, label, section in links
    ]
    return {"navigation": items}
