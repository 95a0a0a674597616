"""Progress on the plan's targets: the latest known value of an indicator, where it was
published, and whether the target is met, on track or behind.

Staff record values in content/progress/<year>.yaml, each with its source. A value is never
made up here: an indicator with no recorded value is "no data yet". The rule that turns a value
into a status is `status()`, and the figures page states it in words (keep the two together).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from .figures import Indicator, Value

#: The statuses, best first. "not-met-yet": the target is not reached and the plan gives no
#: starting value to measure the pace against, so neither "on track" nor "behind" can be said.
STATUSES = ("met", "on-track", "behind", "not-met-yet", "no-data")
BETTER = ("higher", "lower")


@dataclass(frozen=True)
class Source:
    name: str  # "阿拉善左旗2023年国民经济和社会发展统计公报"
    url: str
    locator: str  # the page or table: "第5页", "表3"


@dataclass(frozen=True)
class Reading:
    """One recorded value of an indicator."""

    indicator: str
    value: Decimal
    written: str  # as staff wrote it: "96.8"
    on: date  # the date the value describes
    source: Source
    demonstration: bool = False  # made up to show the feature; never shown as real
    path: Path | None = None
    line: int = 0


@dataclass(frozen=True)
class Progress:
    readings: tuple[Reading, ...] = ()

    def latest(self, indicator: str) -> Reading | None:
        """The newest real value of an indicator; a demonstration value only where no real
        one exists, so that a demonstration file never hides a real figure."""
        mine = [r for r in self.readings if r.indicator == indicator]
        real = [r for r in mine if not r.demonstration]
        chosen = real or mine
        return max(chosen, key=lambda r: r.on) if chosen else None

    @property
    def has_demonstration(self) -> bool:
        return any(r.demonstration for r in self.readings)


@dataclass(frozen=True)
class Course:
    """What a target's status is measured against: where the plan starts and where it aims."""

    target: Value
    threshold: Decimal  # the number to reach: the value, or the near end of a range
    better: str  # higher | lower
    deadline: date
    start: date | None = None  # None: the plan gives no starting value
    start_value: Decimal | None = None
    baseline: Value | None = None  # the plan's result the course starts from, if any

    def expected(self, on: date) -> Decimal | None:
        """Where a straight line from the start to the target is on a date."""
        if self.start is None or self.start_value is None:
            return None
        span = (self.deadline - self.start).days
        done = min(max((on - self.start).days / span, 0.0), 1.0) if span > 0 else 1.0
        return self.start_value + (self.threshold - self.start_value) * Decimal(str(round(done, 6)))

    def reached(self, value: Decimal, mark: Decimal) -> bool:
        return value >= mark if self.better == "higher" else value <= mark


def target_of(indicator: Indicator) -> Value | None:
    """The indicator's last target with a number (a target in words has none to measure)."""
    targets = [v for v in indicator.values if v.kind == "target" and v.numbers and not v.is_shares]
    return targets[-1] if targets else None


def _years(period: str) -> tuple[int, int]:
    first, _, last = period.replace("—", "–").partition("–")
    return int(first[:4]), int((last or first)[:4])


def course_of(indicator: Indicator) -> Course | None:
    """The course a target sets, or None for an indicator without a numeric target.

    * A target for a period (2021–2025: "2 new kindergartens") counts from zero on the period's
      first day.
    * A target for a year (2025: "≥ 97 %") starts from the plan's last result for an earlier
      single year (the baseline, usually 2020), at the end of that year.
    """
    target = target_of(indicator)
    if target is None:
        return None
    first, last = _years(target.period)
    better = "lower" if target.qualifier == "at-most" else indicator.better
    threshold = min(target.numbers) if better == "higher" else max(target.numbers)
    deadline = date(last, 12, 31)
    if first < last:
        return Course(target, threshold, better, deadline, date(first, 1, 1), Decimal(0))
    earlier = [
        v
        for v in indicator.values
        if v.kind == "result" and v.form == "number" and v.period.isdigit() and int(v.period) < last
    ]
    if not earlier:
        return Course(target, threshold, better, deadline)
    baseline = max(earlier, key=lambda v: int(v.period))
    start = date(int(baseline.period), 12, 31)
    return Course(target, threshold, better, deadline, start, baseline.numbers[0], baseline)


def status(course: Course, reading: Reading | None) -> str:
    """The rule, in the order the figures page states it:

    1. no recorded value: "no-data";
    2. the value reaches the target (at or above it, or at or below it for a target to stay
       under; the near end of a range): "met";
    3. the value is at least where a straight line from the start to the target would be on the
       value's date: "on-track"; otherwise, or when the deadline has passed: "behind";
    4. with no start to draw that line from: "not-met-yet" before the deadline, "behind" after.
    """
    if reading is None:
        return "no-data"
    if course.reached(reading.value, course.threshold):
        return "met"
    if reading.on > course.deadline:
        return "behind"
    expected = course.expected(reading.on)
    if expected is None:
        return "not-met-yet"
    return "on-track" if course.reached(reading.value, expected) else "behind"


@dataclass(frozen=True)
class Tracked:
    """A target with its course, its latest recorded value and its status."""

    indicator: Indicator
    course: Course
    latest: Reading | None
    status: str


def tracked(figures, progress: Progress) -> list[Tracked]:
    """Every indicator with a numeric target, in the order of figures.yaml."""
    found = []
    for indicator in figures.indicators:
        course = course_of(indicator)
        if course is not None:
            latest = progress.latest(indicator.id)
            found.append(Tracked(indicator, course, latest, status(course, latest)))
    return found
