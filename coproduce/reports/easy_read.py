"""The Easy Read summary of a report: short sentences, one idea a row."""

from coproduce.reports.queries import Report


def rows(report: Report) -> list[str]:
    name = report.project.title if report.project is not None else "our network"
    lines = [f"This is about {name}.", f"It is about {report.period.label}."]
    if report.aim:
        lines.append(f"What we wanted: {report.aim}")
    if report.activities_total == 1:
        lines.append("We held 1 meeting or other activity.")
    else:
        lines.append(f"We held {report.activities_total} meetings and other activities.")
    people = report.people_by_kind.total
    if people == "[c]":
        lines.append("A small number of people took part. We do not say how many, to keep them private.")
    else:
        lines.append(f"{people} people took part.")
    total = report.contributions_by_outcome.total
    if total == "[c]":
        lines.append("A few people told us their ideas.")
    else:
        lines.append(f"People told us {total} ideas and views.")
    if report.changed_things not in ("[c]",):
        lines.append(f"We used {report.changed_things} of the ideas we made a choice about.")
    not_adopted = report.not_adopted
    if not_adopted:
        lines.append("We did not use some ideas. We said why.")
    lines.append(f"Decisions made together with members: {report.decisions_joint}.")
    lines.append(f"Decisions made by staff only: {report.decisions_staff_only}.")
    listened = next((line for line in report.surveys if line.wording == "I felt listened to"), None)
    if listened is not None and listened.agreeing != "[c]":
        lines.append(f"{listened.agreeing} of people said they felt listened to.")
    if report.has_suppressed:
        lines.append("Some numbers are hidden. This keeps people private.")
    return lines
