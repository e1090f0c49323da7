"""The "How are we doing?" dashboard: stored indicator figures, through disclosure control, by value and step.

The page never counts records itself: it reads ``IndicatorValue`` rows (one query) and whether a
refresh is waiting (one query). Every figure goes through ``disclosure`` before it reaches the page.
"""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from coproduce.analytics.disclosure import HIDDEN_IN_WORDS, NOTE, SUPPRESSED, Cell, percentage, protect_breakdown
from coproduce.analytics.indicators.definitions import (
    INDICATORS,
    NOT_WORKED_OUT,
    VERDICTS,
    Direction,
    Indicator,
    Status,
)
from coproduce.analytics.indicators.quarters import Quarter, last_quarters
from coproduce.analytics.models import IndicatorRefresh, IndicatorValue
from coproduce.model import STEPS, VALUES
from coproduce.projects.models import Project

NOTHING_TO_COUNT = "Nothing to count"

# The chart's size, in SVG units.
CHART_WIDTH = 360
CHART_HEIGHT = 180
CHART_TOP = 20
CHART_BOTTOM = 140
CHART_LEFT = 40


@dataclass(frozen=True)
class Point:
    """One quarter of one indicator, safe to publish."""

    quarter: Quarter
    computed: bool
    numerator: Cell | None
    denominator: Cell | None
    percent: str  # "75%", "[c]", "Not worked out yet" or "Nothing to count"
    share: float | None  # for the chart: None when it may not be shown

    @property
    def has_suppressed(self) -> bool:
        return SUPPRESSED in (str(self.numerator), str(self.denominator), self.percent)


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    label: str
    label_x: int
    label_y: int
    quarter_label: str


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    target_y: int
    target_label: str
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    left: int = CHART_LEFT
    right: int = CHART_WIDTH - 10
    top: int = CHART_TOP
    bottom: int = CHART_BOTTOM


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    points: tuple[Point, ...]
    target: str
    status: Status
    summary: str
    chart: Chart
    evidence_url: str
    home: str  # the section that shows it in full

    @property
    def latest(self) -> Point:
        return self.points[-1]

    @property
    def verdict(self) -> str:
        return VERDICTS[self.status]

    @property
    def figure(self) -> str:
        """This quarter's figure against its target; "" when there is none (``status`` says why in words)."""
        if self.status not in (Status.MET, Status.NOT_MET):
            return ""
        better = "more" if self.indicator.direction == Direction.HIGHER else "less"
        return f"{self.latest.percent} (target {self.target} or {better})"

    @property
    def svg(self) -> SafeString:
        return chart_svg(self)

    @property
    def has_suppressed(self) -> bool:
        return any(point.has_suppressed for point in self.points)


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    plain: str
    shown: tuple[IndicatorView, ...]  # shown in full here
    also: tuple[IndicatorView, ...]  # shown in full in another section


@dataclass(frozen=True)
class Dashboard:
    quarter: Quarter
    quarters: tuple[Quarter, ...]
    project: Project | None
    indicators: tuple[IndicatorView, ...]
    values: tuple[Section, ...]
    steps: tuple[Section, ...]
    as_of: datetime | None
    refresh_waiting: bool
    note: str

    @property
    def has_suppressed(self) -> bool:
        return any(view.has_suppressed for view in self.indicators)

    @property
    def overview(self) -> str:
        """How we are doing in one sentence, such as "3 of 11 targets met; 1 not met; not enough
        answers yet for 7", from the same figures the page shows."""
        counts = {status: sum(view.status == status for view in self.indicators) for status in Status}
        parts = [f"{counts[Status.MET]} of {len(self.indicators)} targets met"]
        if counts[Status.NOT_MET]:
            parts.append(f"{counts[Status.NOT_MET]} not met")
        parts += [
            f"{status.words.lower()} for {counts[status]}"
            for status in (Status.TOO_FEW, Status.NOTHING, Status.NOT_WORKED_OUT)
            if counts[status]
        ]
        return "; ".join(parts)


def _percent_of(share: float) -> str:
    return f"{100 * share:.0f}%"


def point(quarter: Quarter, stored: IndicatorValue | None) -> Point:
    if stored is None:
        return Point(quarter, False, None, None, NOT_WORKED_OUT, None)
    table = protect_breakdown([stored.numerator, stored.denominator - stored.numerator])
    numerator, denominator = table.cells[0][0], table.total
    if stored.denominator == 0:
        return Point(quarter, True, numerator, denominator, NOTHING_TO_COUNT, None)
    shown = percentage(numerator, denominator)
    share = None if shown == SUPPRESSED else stored.numerator / stored.denominator
    return Point(quarter, True, numerator, denominator, shown, share)


def status(indicator: Indicator, latest: Point) -> Status:
    if not latest.computed:
        return Status.NOT_WORKED_OUT
    if latest.denominator is not None and latest.denominator.count == 0:
        return Status.NOTHING
    if latest.share is None:
        return Status.TOO_FEW
    met = latest.share >= indicator.target if indicator.direction == "higher" else latest.share <= indicator.target
    return Status.MET if met else Status.NOT_MET


def summary(indicator: Indicator, points: tuple[Point, ...]) -> str:
    latest = points[-1]
    parts = [f"{point.quarter.short_label}: {point.percent}" for point in points]
    shown = [(point.quarter, point.share) for point in points if point.share is not None]
    trend = ""
    if len(shown) >= 2:
        (first_quarter, first), (_, last) = shown[0], shown[-1]
        change = round(100 * last) - round(100 * first)
        if change > 0:
            trend = f" Up {change} points since {first_quarter.short_label}."
        elif change < 0:
            trend = f" Down {-change} points since {first_quarter.short_label}."
        else:
            trend = f" The same as in {first_quarter.short_label}."
    return (
        f"{indicator.name}, {latest.quarter.label}: {latest.percent}. Target {_percent_of(indicator.target)}."
        f"{trend} By quarter: {'; '.join(parts)}."
    )


def chart(indicator: Indicator, points: tuple[Point, ...]) -> Chart:
    """Bars for each quarter's share, each labelled with its figure, and a dashed, labelled target line."""
    span = CHART_BOTTOM - CHART_TOP
    slot = (CHART_WIDTH - 10 - CHART_LEFT) // max(len(points), 1)
    bars = []
    for index, item in enumerate(points):
        height = round(span * item.share) if item.share is not None else 0
        x = CHART_LEFT + index * slot + slot // 4
        width = slot // 2
        if item.share is not None or item.percent == SUPPRESSED:
            label = item.percent
        else:
            label = "Not yet" if not item.computed else "Nothing"
        bars.append(
            Bar(
                x=x,
                y=CHART_BOTTOM - height,
                width=width,
                height=height,
                label=label,
                label_x=x + width // 2,
                label_y=CHART_BOTTOM - height - 4,
                quarter_label=item.quarter.short_label,
            )
        )
    return Chart(
        bars=tuple(bars),
        target_y=CHART_BOTTOM - round(span * indicator.target),
        target_label=f"Target {_percent_of(indicator.target)}",
    )


INK = "#0b0c0c"
BLUE = "#1d70b8"
CHART_TEMPLATE = (
    '<svg role="img" aria-labelledby="chart-{key}-title" aria-describedby="chart-{key}-desc" '
    'viewBox="0 0 {width} {height}" width="100%" height="{height}" focusable="false">'
    '<title id="chart-{key}-title">{name}: chart of the last {count} quarters</title>'
    '<desc id="chart-{key}-desc">{summary}</desc>'
    '<defs><pattern id="hatch-{key}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="6" height="6" fill="#ffffff" /><line x1="0" y1="0" x2="0" y2="6" stroke="{blue}" stroke-width="4" />'
    "</pattern></defs>"
    '<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{ink}" stroke-width="2" />'
    '<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="{ink}" stroke-width="2" />'
    '<text x="{axis_x}" y="{top_label_y}" text-anchor="end" font-size="11" fill="{ink}">100%</text>'
    '<text x="{axis_x}" y="{bottom_label_y}" text-anchor="end" font-size="11" fill="{ink}">0%</text>'
    "{bars}"
    '<line x1="{left}" y1="{target_y}" x2="{right}" y2="{target_y}" stroke="{ink}" stroke-width="2" '
    'stroke-dasharray="6 4" />'
    '<text x="{right}" y="{target_label_y}" text-anchor="end" font-size="11" fill="{ink}">{target_label} (dashed line)'
    "</text></svg>"
)
BAR_TEMPLATE = (
    '<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="url(#hatch-{key})" stroke="{blue}" '
    'stroke-width="2" />'
    '<text x="{label_x}" y="{label_y}" text-anchor="middle" font-size="12" font-weight="bold" fill="{ink}">{label}'
    "</text>"
    '<text x="{label_x}" y="{quarter_y}" text-anchor="middle" font-size="11" fill="{ink}">{quarter}</text>'
)


def chart_svg(view: IndicatorView) -> SafeString:
    """The chart as server-rendered SVG: a title and a description (the text summary) for screen
    readers, hatched bars each labelled with its figure (never colour alone), and the dashed target.
    Built here rather than in a template: the page draws one for every indicator."""
    chart, key = view.chart, view.indicator.key
    bars = format_html_join(
        "",
        BAR_TEMPLATE,
        (
            {
                "x": bar.x,
                "y": bar.y,
                "width": bar.width,
                "height": bar.height,
                "key": key,
                "blue": BLUE,
                "ink": INK,
                "label_x": bar.label_x,
                "label_y": bar.label_y,
                "label": bar.label,
                "quarter_y": chart.bottom + 16,
                "quarter": bar.quarter_label,
            }
            for bar in chart.bars
        ),
    )
    return format_html(
        CHART_TEMPLATE,
        key=key,
        width=chart.width,
        height=chart.height,
        name=view.indicator.name,
        count=len(view.points),
        # Read out in place of the chart: each [c] says what it means, as it does on the page.
        summary=view.summary.replace(SUPPRESSED, f"{SUPPRESSED} ({HIDDEN_IN_WORDS})"),
        blue=BLUE,
        ink=INK,
        left=chart.left,
        right=chart.right,
        top=chart.top,
        bottom=chart.bottom,
        axis_x=chart.left - 4,
        top_label_y=chart.top + 4,
        bottom_label_y=chart.bottom + 4,
        bars=bars,
        target_y=chart.target_y,
        target_label_y=chart.target_y - 4,
        target_label=chart.target_label,
    )


def _home(indicator: Indicator) -> str:
    return f"step-{indicator.steps[0]}" if indicator.steps else f"value-{indicator.values[0]}"


def stored_values(quarters: list[Quarter], project: Project | None) -> dict[tuple[str, Quarter], IndicatorValue]:
    """The stored figures for these quarters: one query."""
    by_start = {quarter.start: quarter for quarter in quarters}
    values = IndicatorValue.objects.filter(period_start__in=list(by_start), project=project)
    return {
        (value.key, by_start[value.period_start]): value
        for value in values
        if value.period_end == by_start[value.period_start].end
    }


def is_refresh_waiting() -> bool:
    return IndicatorRefresh.objects.filter(finished_at__isnull=True).exists()


def dashboard(quarter: Quarter, project: Project | None = None) -> Dashboard:
    """Everything the dashboard shows, in two queries whatever the number of records."""
    quarters = last_quarters(ending=quarter)
    stored = stored_values(quarters, project)
    views = []
    for indicator in INDICATORS:
        points = tuple(point(item, stored.get((indicator.key, item))) for item in quarters)
        views.append(
            IndicatorView(
                indicator=indicator,
                points=points,
                target=_percent_of(indicator.target),
                status=status(indicator, points[-1]),
                summary=summary(indicator, points),
                chart=chart(indicator, points),
                evidence_url=reverse(indicator.evidence_url_name),
                home=_home(indicator),
            )
        )
    computed = [value.computed_at for value in stored.values()]

    def section(anchor: str, heading: str, plain: str, members: list[IndicatorView]) -> Section:
        return Section(
            anchor=anchor,
            heading=heading,
            plain=plain,
            shown=tuple(view for view in members if view.home == anchor),
            also=tuple(view for view in members if view.home != anchor),
        )

    values = tuple(
        section(
            f"value-{item.number}",
            f"Value {item.number}: {item.title}",
            item.plain,
            [view for view in views if item.number in view.indicator.values],
        )
        for item in VALUES
    )
    steps = tuple(
        section(
            f"step-{item.number}",
            f"Step {item.number}: {item.title}",
            item.plain,
            [view for view in views if item.number in view.indicator.steps],
        )
        for item in STEPS
    )
    return Dashboard(
        quarter=quarter,
        quarters=tuple(quarters),
        project=project,
        indicators=tuple(views),
        values=values,
        steps=steps,
        as_of=min(computed) if computed else None,
        refresh_waiting=is_refresh_waiting(),
        note=NOTE,
    )
