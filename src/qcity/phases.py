"""The plan's four phases (section 四) with their dates, and which milestone comes next: pure.

The one place these dates live. A later catalogue `phases` section (issue 9) can replace PHASES:
everything else takes the phases as an argument.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from qcity.errors import Lang


@dataclass(frozen=True)
class Phase:
    """One phase of the plan: its clause, name, first and last day, and the plan's words."""

    clause: str
    name: dict[Lang, str]
    start: dt.date
    end: dt.date
    quote: str
    milestone: bool  # an acceptance the figures must be ready for


PHASES: tuple[Phase, ...] = (
    Phase(
        "四(一)",
        {"zh": "制定方案,落实目标任务", "en": "Plan and assign the targets"},
        dt.date(2014, 2, 1),
        dt.date(2014, 5, 31),
        "制定方案,落实目标任务(2014年2月—5月,共4个月)",
        milestone=False,
    ),
    Phase(
        "四(二)",
        {"zh": "全面创建,实现总体达标", "en": "Build and reach the targets"},
        dt.date(2014, 6, 1),
        dt.date(2015, 6, 30),
        "全面创建,实现总体达标(2014年6月—2015年6月,共13个月)",
        milestone=False,
    ),
    Phase(
        "四(三)",
        {
            "zh": "巩固提高,通过省政府预验收",
            "en": "Consolidate and pass the provincial pre-acceptance",
        },
        dt.date(2015, 7, 1),
        dt.date(2015, 7, 31),
        "巩固提高,通过省政府预验收(2015年7月,共1个月)",
        milestone=True,
    ),
    Phase(
        "四(四)",
        {
            "zh": "全力迎检,通过国家质检总局验收",
            "en": "National acceptance by AQSIQ",
        },
        dt.date(2015, 8, 1),
        dt.date(2015, 10, 31),
        "全力迎检,全面完成创建任务(2015年8月—10月,共3个月)",
        milestone=True,
    ),
)


class When(str, enum.Enum):
    """Where today stands against a milestone."""

    UPCOMING = "upcoming"  # it starts in `days` days
    CURRENT = "current"  # under way; it ends in `days` days
    PAST = "past"  # the last milestone ended `days` days ago


@dataclass(frozen=True)
class Milestone:
    """The milestone that matters on a given day, and how far away it is."""

    phase: Phase
    when: When
    days: int


def next_milestone(today: dt.date, phases: tuple[Phase, ...] = PHASES) -> Milestone | None:
    """The current or next acceptance phase on *today*; the last one once all have passed."""
    milestones = [p for p in phases if p.milestone]
    if not milestones:
        return None
    for phase in milestones:
        if today < phase.start:
            return Milestone(phase, When.UPCOMING, (phase.start - today).days)
        if today <= phase.end:
            return Milestone(phase, When.CURRENT, (phase.end - today).days)
    last = milestones[-1]
    return Milestone(last, When.PAST, (today - last.end).days)
