"""Pages for progress reports, the public "You said, we did" page and personal digests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.analytics.disclosure import NOTE
from coproduce.communications.readability import ReadabilityCheck
from coproduce.contributions.queries import you_said_we_did
from coproduce.forms import submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.pdf import pdf_response, render_pdf
from coproduce.projects.models import Project
from coproduce.reports import easy_read, exports, permissions, queries
from coproduce.reports.forms import (
    NARRATIVE_READABLE,
    PAGE_READABLE,
    DigestForm,
    NarrativeForm,
    PageForm,
    PeriodForm,
)
from coproduce.reports.models import Digest
from coproduce.reports.periods import Period, current_quarter
from coproduce.reports.queries import Report, build_report
from coproduce.reports.services import request_digests, save_narrative, save_page, unpublish_page

FILE_FORMATS = ("pdf", "easy-read-pdf", "csv", "xlsx")


def _period(request: HttpRequest) -> tuple[PeriodForm, Period]:
    form = PeriodForm(request.GET if "period" in request.GET else None, initial={"period": current_quarter().key})
    return form, form.chosen(current_quarter())


def _report_context(report: Report, period_form: PeriodForm, *, can_write: bool, base: str, kwargs: dict) -> dict:
    query = f"?period={report.period.key}"
    return {
        "report": report,
        "period_form": period_form,
        "can_write": can_write,
        "links": {
            "easy_read": reverse(f"reports:{base}_easy_read", kwargs=kwargs) + query,
            "narrative": reverse(f"reports:{base}_narrative", kwargs=kwargs) + query,
            **{
                fmt.replace("-", "_"): reverse(f"reports:{base}_file", kwargs={**kwargs, "fmt": fmt}) + query
                for fmt in FILE_FORMATS
            },
        },
    }


def _file(report: Report, fmt: str, name: str) -> HttpResponse:
    filename = f"{name}-{report.period.key}"
    if fmt == "pdf":
        pdf = render_pdf("reports/pdf/report.html", {"report": report})
        return pdf_response(pdf, f"{filename}.pdf")
    if fmt == "easy-read-pdf":
        pdf = render_pdf(
            "reports/pdf/easy_read.html", {"report": report, "easy_read_rows": easy_read.rows(report)}, points=18
        )
        return pdf_response(pdf, f"{filename}-easy-read.pdf")
    if fmt == "csv":
        response = HttpResponse(exports.report_csv(report), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(
            exports.report_xlsx(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    raise Http404


# --- The organisation report -------------------------------------------------


def organisation(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_organisation_report(request.user))
    period_form, period = _period(request)
    report = build_report(period)
    context = _report_context(
        report,
        period_form,
        can_write=permissions.can_write_organisation_narrative(request.user),
        base="organisation",
        kwargs={},
    )
    return render(request, "reports/report.html", context)


def organisation_easy_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_organisation_report(request.user))
    _, period = _period(request)
    report = build_report(period)
    context = _report_context(report, PeriodForm(), can_write=False, base="organisation", kwargs={})
    return render(request, "reports/easy_read.html", {**context, "easy_read_rows": easy_read.rows(report)})


def organisation_file(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    require(permissions.can_view_organisation_report(request.user))
    if fmt not in FILE_FORMATS:
        raise Http404
    _, period = _period(request)
    return _file(build_report(period), fmt, "organisation-report")


def organisation_narrative(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_write_organisation_narrative(request.user))
    return _narrative(request, None)


# --- A project's report ----------------------------------------------------------


def _project(pk: int) -> Project:
    return get_object_or_404(Project, pk=pk)


def project(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = _project(pk)
    require(permissions.can_view_project_report(request.user, found))
    period_form, period = _period(request)
    report = build_report(period, found)
    context = _report_context(
        report,
        period_form,
        can_write=permissions.can_write_project_narrative(request.user, found),
        base="project",
        kwargs={"pk": found.pk},
    )
    context["can_publish"] = permissions.can_publish_you_said_we_did(request.user, found)
    context["page"] = queries.page_for(found)
    return render(request, "reports/report.html", context)


def project_easy_read(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = _project(pk)
    require(permissions.can_view_project_report(request.user, found))
    _, period = _period(request)
    report = build_report(period, found)
    context = _report_context(report, PeriodForm(), can_write=False, base="project", kwargs={"pk": found.pk})
    return render(request, "reports/easy_read.html", {**context, "easy_read_rows": easy_read.rows(report)})


def project_file(request: AuthenticatedHttpRequest, pk: int, fmt: str) -> HttpResponse:
    found = _project(pk)
    require(permissions.can_view_project_report(request.user, found))
    if fmt not in FILE_FORMATS:
        raise Http404
    _, period = _period(request)
    return _file(build_report(period, found), fmt, f"project-{found.pk}-report")


def project_narrative(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = _project(pk)
    require(permissions.can_write_project_narrative(request.user, found))
    return _narrative(request, found)


def _narrative(request: AuthenticatedHttpRequest, found: Project | None) -> HttpResponse:
    _, period = _period(request)
    existing = queries.narrative_for(period, found)
    initial = (
        {"aim": existing.aim, "influence": existing.influence, "reflections": existing.reflections} if existing else {}
    )
    form = NarrativeForm(submitted(request), initial=initial, organisation=found is None)
    check = ReadabilityCheck(request, form, NARRATIVE_READABLE)
    if not check.pressed and form.is_valid():
        save_narrative(project=found, period=period, by=request.user, **form.cleaned_data)
        messages.success(request, "The report's words are saved.")
        if found is None:
            return redirect(reverse("reports:organisation") + f"?period={period.key}")
        return redirect(reverse("reports:project", kwargs={"pk": found.pk}) + f"?period={period.key}")
    back = (
        reverse("reports:organisation") if found is None else reverse("reports:project", kwargs={"pk": found.pk})
    ) + f"?period={period.key}"
    context = {"form": form, "project": found, "period": period, "back": back, **check.context()}
    return render(request, "reports/narrative_form.html", context)


# --- "We asked, you said, we did" --------------------------------------------


def you_said_we_did_manage(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = _project(pk)
    require(permissions.can_publish_you_said_we_did(request.user, found))
    page = queries.page_for(found)
    if request.method == "POST" and "unpublish" in request.POST:
        if page is not None and page.is_published:
            unpublish_page(page, by=request.user)
            messages.success(request, "The page is no longer public.")
        return redirect("reports:you_said_we_did_manage", pk=found.pk)
    form = PageForm(submitted(request), initial={"intro": page.intro if page else ""})
    check = ReadabilityCheck(request, form, PAGE_READABLE)
    if not check.pressed and form.is_valid():
        publish = "publish" in request.POST
        page = save_page(
            found,
            intro=form.cleaned_data["intro"],
            publish=publish or bool(page and page.is_published),
            by=request.user,
        )
        messages.success(
            request, "The page is published." if page.is_published else "The page is saved. It is not public yet."
        )
        return redirect("reports:you_said_we_did_manage", pk=found.pk)
    context = {
        "form": form,
        "project": found,
        "page": page,
        "lines": you_said_we_did(found),
        **check.context(),
    }
    return render(request, "reports/you_said_we_did_manage.html", context)


@login_not_required
def you_said_we_did_page(request: HttpRequest, pk: int) -> HttpResponse:
    found = _project(pk)
    page = queries.page_for(found)
    is_preview = False
    if page is None or not page.is_published:
        user = request.user
        if not (isinstance(user, User) and permissions.can_publish_you_said_we_did(user, found)):
            raise Http404
        is_preview = True
    lines = you_said_we_did(found)
    context = {"project": found, "page": page, "lines": lines, "is_preview": is_preview}
    return render(request, "reports/you_said_we_did.html", context)


# --- Digests ---------------------------------------------------------------


def digests(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_send_digests(request.user))
    form = DigestForm(submitted(request))
    if form.is_valid():
        period = form.period_chosen()
        request_digests(period, by=request.user)
        messages.success(
            request,
            f"Digests for {period.label} are being sent. Each person who contributed gets theirs once.",
        )
        return redirect("reports:digests")
    sent = list(
        Digest.objects.values("period_start", "period_end").annotate(people=Count("pk")).order_by("-period_start")[:8]
    )
    hidden = any(row["people"] == "[c]" for row in sent)
    return render(request, "reports/digests.html", {"form": form, "sent": sent, "note": NOTE if hidden else ""})
