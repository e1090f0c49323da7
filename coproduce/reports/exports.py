"""The report as open data: one row a figure, every count already through disclosure control.

No names and no free text from people: only the measures. Cells are neutralised against formula
injection by the people app's writers.
"""

from coproduce.people.spreadsheets import write_csv, write_xlsx
from coproduce.reports.queries import Report

HEADERS = ("Period start", "Period end", "Project", "GRIPP2 section", "Measure", "Category", "Value")


def rows(report: Report) -> list[tuple[str, ...]]:
    start, end = report.period.start.isoformat(), report.period.end.isoformat()
    project = report.project.title if report.project is not None else "Whole organisation"

    def row(section: str, measure: str, category: str, value: str) -> tuple[str, ...]:
        return (start, end, project, section, measure, category, value)

    lines = [row("2 Methods", "Activities by kind", item.label, item.value) for item in report.activities_by_kind]
    lines.append(row("2 Methods", "Activities by kind", "Total", str(report.activities_total)))
    lines += [row("2 Methods", "Activities by planned ladder rung", item.label, item.value) for item in report.rungs]
    lines += [
        row("2 Methods", "People involved by kind", item.label, item.value) for item in report.people_by_kind.rows
    ]
    lines.append(row("2 Methods", "People involved by kind", "Total", report.people_by_kind.total))
    lines += [
        row("3 Results", "Contributions by answer", item.label, item.value)
        for item in report.contributions_by_outcome.rows
    ]
    lines.append(row("3 Results", "Contributions by answer", "Total", report.contributions_by_outcome.total))
    lines.append(row("3 Results", "Contributions answered in time", "Share", report.answered_in_time))
    lines += [row("3 Results", "Survey: agreeing", line.wording, line.agreeing) for line in report.surveys] + [
        row("3 Results", "Survey: people who answered", line.wording, line.answered) for line in report.surveys
    ]
    lines.append(row("3 Results", "Claims that should be paid by now", "Total", report.claims_due))
    lines.append(row("3 Results", "Claims paid in time", "Share", report.claims_paid_in_time))
    lines.append(row("4 Influence", "Decided contributions adopted or partly adopted", "Share", report.changed_things))
    lines.append(row("4 Influence", "Decisions published", "Made jointly", report.decisions_joint))
    lines.append(row("4 Influence", "Decisions published", "Made by staff only", report.decisions_staff_only))
    lines.append(row("4 Influence", "Decisions made jointly", "Share", report.decisions_joint_share))
    return lines


def report_csv(report: Report) -> bytes:
    return write_csv(HEADERS, rows(report))


def report_xlsx(report: Report) -> bytes:
    return write_xlsx(HEADERS, rows(report), title="Progress report")
