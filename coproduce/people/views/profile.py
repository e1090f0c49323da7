"""The person's own details ("tell us once"), and a coordinator recording them on someone's behalf."""

from dataclasses import dataclass
from operator import attrgetter

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from coproduce.forms import submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.people.forms.profile import (
    DETAIL_FIELDS,
    GIVE,
    AccessNeedsForm,
    AccessNeedsForPersonForm,
    ConsentForPersonForm,
    ContactDetailsForm,
    OwnAccessNeedsForm,
    OwnConsentForm,
    RecognitionForm,
)
from coproduce.people.models import (
    NEED_CATEGORY,
    AccessNeed,
    AccessProfile,
    Consent,
    ConsentMethod,
    CreditPreference,
    Need,
    NeedCategory,
    Notice,
    PaymentPreference,
    Person,
    Purpose,
)
from coproduce.people.permissions import can_act_for_person, can_manage_own_details, can_view_access_needs
from coproduce.people.services.profile import (
    CONTACT_FIELDS,
    AccessDetails,
    give_consent,
    has_active_consent,
    record_access_needs_view,
    save_access_needs,
    set_recognition,
    update_contact_details,
    withdraw_consent,
)

# The order purposes are shown in; equality monitoring is shown but handled by the equality app.
PURPOSE_ORDER = (Purpose.PRIVACY_NOTICE, Purpose.ACCESS_NEEDS, Purpose.CONTACT, Purpose.EQUALITY_MONITORING)
HOW_GIVEN = {ConsentMethod.ONLINE: "online", ConsentMethod.PHONE: "by phone", ConsentMethod.PAPER: "on paper"}


def _path_of(url_name: str, path: str) -> str:
    """The page's path, while the app that serves it is still being built elsewhere."""
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return path


def _elsewhere() -> dict[str, str]:
    return {
        "equality_url": _path_of("equality:mine", "/you/equality/"),
        "data_url": _path_of("you:data", "/you/data/"),
        "delete_url": _path_of("you:delete", "/you/delete/"),
    }


@dataclass(frozen=True)
class ConsentStatus:
    """Where a person stands on one purpose: the current notice, and their latest agreement or withdrawal."""

    purpose: Purpose
    notice: Notice
    active: Consent | None
    withdrawn: Consent | None

    @property
    def is_handled_here(self) -> bool:
        return self.purpose != Purpose.EQUALITY_MONITORING

    @property
    def is_access_needs(self) -> bool:
        return self.purpose == Purpose.ACCESS_NEEDS

    @property
    def agreed_to_current(self) -> bool:
        return self.active is not None and self.active.notice_id == self.notice.pk

    @property
    def how_given(self) -> str:
        return HOW_GIVEN[ConsentMethod(self.active.method)] if self.active else ""

    @property
    def how_withdrawn(self) -> str:
        if self.withdrawn is None or not self.withdrawn.withdrawn_method:
            return ""
        return HOW_GIVEN[ConsentMethod(self.withdrawn.withdrawn_method)]


def consent_statuses(person: Person) -> list[ConsentStatus]:
    """Each purpose's current notice and the person's standing on it, in two queries."""
    current: dict[str, Notice] = {}
    for notice in Notice.objects.order_by("purpose", "-version"):
        current.setdefault(notice.purpose, notice)
    consents = list(person.consents.select_related("notice"))
    statuses = []
    for purpose in PURPOSE_ORDER:
        if purpose not in current:
            continue
        mine = [consent for consent in consents if consent.notice.purpose == purpose]
        active = next((consent for consent in mine if consent.withdrawn_at is None), None)
        withdrawals = sorted((consent for consent in mine if consent.withdrawn_at), key=attrgetter("withdrawn_at"))
        statuses.append(ConsentStatus(purpose, current[purpose], active, withdrawals[-1] if withdrawals else None))
    return statuses


@dataclass(frozen=True)
class NeedGroup:
    category: NeedCategory
    needs: list[str]


def _need_words(need: Need, profile: AccessProfile) -> str:
    """A need in words, with its follow-up detail when there is one."""
    detail = {
        Need.LARGE_PRINT: f"{profile.large_print_size} point" if profile.large_print_size else "",
        Need.OTHER_LANGUAGE: profile.language,
        Need.OTHER_INTERPRETER: profile.language,
        Need.DIETARY: profile.dietary_details,
        Need.PAPERS_IN_ADVANCE: f"{profile.papers_days_before} days before" if profile.papers_days_before else "",
        Need.TIME_OF_DAY: profile.time_of_day,
    }.get(need, "")
    return f"{need.label} ({detail})" if detail else str(need.label)


def need_groups(profile: AccessProfile | None) -> list[NeedGroup]:
    """The person's needs in words, grouped by category; categories with no needs are left out."""
    if profile is None:
        return []
    chosen = [Need(row.need) for row in profile.needs.all()]
    groups = []
    for category in NeedCategory:
        words = [_need_words(need, profile) for need in Need if need in chosen and NEED_CATEGORY[need] == category]
        if words:
            groups.append(NeedGroup(category, words))
    return groups


def _access_profile(person: Person) -> AccessProfile | None:
    return (
        AccessProfile.objects.select_related("recorded_by")
        .prefetch_related(Prefetch("needs", queryset=AccessNeed.objects.order_by("need")))
        .filter(person=person)
        .first()
    )


def _access_details(form: AccessNeedsForm) -> AccessDetails:
    return AccessDetails(**{name: form.cleaned_data[name] for name in DETAIL_FIELDS})


def _return_to(request: AuthenticatedHttpRequest) -> str:
    """The page the person came from (``?next=``, such as an activity's page), if it is on this site; else blank."""
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return ""


def _own_person(request: AuthenticatedHttpRequest) -> Person:
    require(can_manage_own_details(request.user))
    return Person.objects.get(user=request.user)


def _person_to_act_for(request: AuthenticatedHttpRequest, pk: int) -> Person:
    # Refuse before looking the person up, so that a refusal does not reveal who exists.
    require(can_act_for_person(request.user))
    return get_object_or_404(Person.objects.current(), pk=pk)


# --- The person's own details ------------------------------------------------------------------


def profile_details(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request)
    profile = _access_profile(person) if can_view_access_needs(request.user, person) else None
    return render(
        request,
        "people/profile_details.html",
        {
            "person": person,
            "profile": profile,
            "need_groups": need_groups(profile),
            "consents": consent_statuses(person),
            "credit_choice": CreditPreference(person.credit_preference).label if person.credit_preference else "",
            "payment_choice": PaymentPreference(person.payment_preference).label if person.payment_preference else "",
            **_elsewhere(),
        },
    )


def profile_contact(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request)
    form = ContactDetailsForm(submitted(request), person=person)
    if form.is_valid():
        update_contact_details(
            person, details={name: form.cleaned_data[name] for name in CONTACT_FIELDS}, by=request.user
        )
        messages.success(request, "Your contact details have been saved")
        return redirect("you:details")
    return render(request, "people/profile_contact.html", {"form": form})


def profile_access_needs(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request)
    require(can_view_access_needs(request.user, person))
    profile = _access_profile(person)
    needs_agreement = not has_active_consent(person, Purpose.ACCESS_NEEDS)
    return_to = _return_to(request)
    form = OwnAccessNeedsForm(submitted(request), profile=profile, needs_agreement=needs_agreement)
    if form.is_valid():
        save_access_needs(
            person,
            needs=form.needs(),
            details=_access_details(form),
            by=request.user,
            method=ConsentMethod.ONLINE,
            agreed=form.cleaned_data.get("agree", False),
        )
        messages.success(request, "Your access needs have been saved")
        # Back to the activity they came from, where they were about to take part; else to their details.
        return redirect(return_to or "you:details")
    notice = Notice.objects.current(Purpose.ACCESS_NEEDS) if needs_agreement else None
    return render(request, "people/profile_access_needs.html", {"form": form, "notice": notice, "return_to": return_to})


def profile_recognition(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request)
    form = RecognitionForm(submitted(request), person=person)
    if form.is_valid():
        set_recognition(
            person,
            credit=CreditPreference(form.cleaned_data["credit_preference"]),
            payment=PaymentPreference(form.cleaned_data["payment_preference"]),
            by=request.user,
        )
        messages.success(request, "Your choices about being thanked and paid have been saved")
        return redirect("you:details")
    return render(request, "people/profile_recognition.html", {"form": form})


def profile_consents(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request)
    if request.method == "POST":
        form = OwnConsentForm(submitted(request))
        # The form is only hidden fields and buttons, so invalid data was not typed by anyone.
        if not form.is_valid():
            raise BadRequest("Unknown consent purpose or action.")
        purpose = Purpose(form.cleaned_data["purpose"])
        if form.cleaned_data["action"] == GIVE:
            give_consent(person, purpose=purpose, by=request.user, method=ConsentMethod.ONLINE)
            messages.success(request, f"You have agreed to: {purpose.label}")
        else:
            withdraw_consent(person, purpose=purpose, by=request.user, method=ConsentMethod.ONLINE)
            deleted = " We have deleted your access needs." if purpose == Purpose.ACCESS_NEEDS else ""
            messages.success(request, f"You have withdrawn your agreement to: {purpose.label}.{deleted}")
        return redirect("you:consents")
    return render(request, "people/profile_consents.html", {"consents": consent_statuses(person), **_elsewhere()})


# --- A coordinator acting for someone ----------------------------------------------------------


def person_access_needs(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _person_to_act_for(request, pk)
    profile = _access_profile(person)
    form = AccessNeedsForPersonForm(submitted(request), profile=profile, person=person)
    if form.is_valid():
        save_access_needs(
            person,
            needs=form.needs(),
            details=_access_details(form),
            by=request.user,
            method=ConsentMethod(form.cleaned_data["method"]),
            agreed=form.cleaned_data["agreed"],
        )
        messages.success(request, f"{person.name}’s access needs have been saved")
        return redirect("people:detail", pk=person.pk)
    # The form shows the needs kept, so this is a view of them.
    record_access_needs_view(person, by=request.user)
    return render(
        request,
        "people/profile_person_access_needs.html",
        {
            "person": person,
            "profile": profile,
            "form": form,
            "notice": Notice.objects.current(Purpose.ACCESS_NEEDS),
            "has_agreed": has_active_consent(person, Purpose.ACCESS_NEEDS),
        },
    )


def person_consents(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _person_to_act_for(request, pk)
    form = ConsentForPersonForm(submitted(request))
    if form.is_valid():
        purpose = Purpose(form.cleaned_data["purpose"])
        method = ConsentMethod(form.cleaned_data["method"])
        if form.cleaned_data["action"] == GIVE:
            give_consent(person, purpose=purpose, by=request.user, method=method)
            messages.success(request, f"Recorded that {person.name} agreed to: {purpose.label}")
        else:
            withdraw_consent(person, purpose=purpose, by=request.user, method=method)
            deleted = " We have deleted their access needs." if purpose == Purpose.ACCESS_NEEDS else ""
            messages.success(
                request, f"Recorded that {person.name} withdrew their agreement to: {purpose.label}.{deleted}"
            )
        return redirect("people:consents", pk=person.pk)
    return render(
        request,
        "people/profile_person_consents.html",
        {"person": person, "form": form, "consents": consent_statuses(person)},
    )
