"""Signing in and out."""

from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.accounts.forms import PasswordSignInForm, SignInLinkForm
from coproduce.accounts.network import client_ip
from coproduce.accounts.services import (
    SignInLinkProblem,
    SignInLinkRequest,
    find_sign_in_link,
    request_sign_in_link,
    sign_in_with_link,
)
from coproduce.audit.services import record_event
from coproduce.forms import submitted
from coproduce.http import AuthenticatedHttpRequest

SIGN_IN_EMAIL_SESSION_KEY = "sign_in_email"
TOO_MANY_LINKS = (
    "You have asked for too many sign-in links. Wait 15 minutes, then try again, or ask a coordinator for help"
)


@login_not_required
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignInLinkForm(submitted(request))
    if form.is_valid():
        email = form.cleaned_data["email"]
        outcome = request_sign_in_link(email=email, ip_address=client_ip(request))
        if outcome is SignInLinkRequest.TOO_MANY:
            form.add_error("email", TOO_MANY_LINKS)
        else:
            request.session[SIGN_IN_EMAIL_SESSION_KEY] = email
            return redirect("accounts:link_sent")
    return render(request, "accounts/sign_in.html", {"form": form})


@login_not_required
def link_sent(request: HttpRequest) -> HttpResponse:
    email = request.session.get(SIGN_IN_EMAIL_SESSION_KEY)
    if email is None:
        return redirect("accounts:sign_in")
    return render(request, "accounts/link_sent.html", {"email": email})


@login_not_required
@require_http_methods(["GET", "POST"])
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    # Opening the link shows a button rather than signing in at once: email scanners that open
    # links must not use up a single-use link before the person does.
    try:
        if request.method == "POST":
            sign_in_with_link(request, token=token)
            return redirect("home")
        link = find_sign_in_link(token)
    except SignInLinkProblem as problem:
        return render(request, "accounts/sign_in_link_problem.html", {"problem": problem.message}, status=400)
    return render(request, "accounts/sign_in_link.html", {"email": link.user.email})


@login_not_required
@require_http_methods(["GET", "POST"])
def password_sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = PasswordSignInForm(request, data=submitted(request))
    if form.is_valid():
        user = form.get_user()
        login(request, user)
        record_event(actor=user, action="accounts.signed_in", target=user, payload={"method": "password"})
        return redirect("home")
    return render(request, "accounts/password_sign_in.html", {"form": form})


@require_POST
def sign_out(request: AuthenticatedHttpRequest) -> HttpResponse:
    record_event(actor=request.user, action="accounts.signed_out", target=request.user)
    logout(request)
    return redirect("accounts:signed_out")


@login_not_required
def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signed_out.html")
