"""Demo meetings, written by us and marked ``is_demo``.

The dates of the first three meetings are public facts of the Benelux cooperation (the
Secretary-General meeting the mayor of Brussels on 16 November 2021, the Benelux Council of
25 November 2021, the crisis-centre directors under the Belgian presidency on 24 June 2024);
what they discussed is retold in our own words, without real people. The Eurometropolis series
of local consultations is invented to show a series at work: two past meetings with decisions,
actions and minutes, and an upcoming one on whose agenda the open actions return by
themselves. Loading is idempotent: a meeting is keyed by its original title, a series by its
slug; a meeting whose organisations or people are missing is skipped whole.

The content is data (``meetings.json``): ``meetings`` (start and end as local times in the
meeting's time zone, action due dates as ISO dates) and ``series`` (its fields, ``timezone``
and ``hours`` of its meetings, its ``participants`` as ``[kind, slug, country, level]`` and
its ``meetings``, each with one participant status per series participant). People and
organisations are referred to by their slug in the demo directory (``organisations/demo.py``);
agenda items are ``[title, presenter, minutes, practice keys]``. The series moves with the day
of loading: its upcoming meeting takes place on the first Thursday of a month at least 30 days
after loading (``next_first_thursday``), so the demo always has an upcoming meeting; the
others on the first Thursday ``months_before_upcoming`` months earlier, their actions fall due
``due_days_after`` their meeting, and minutes are approved three weeks after their meeting.
"""

import json
from datetime import date, timedelta
from pathlib import Path

from django.utils import timezone

from .loader import Loader, Missing

CONTENT = Path(__file__).resolve().parent / "meetings.json"


def read_content() -> dict:
    with CONTENT.open(encoding="utf-8") as handle:
        return json.load(handle)


def next_first_thursday(today: date, at_least_days: int = 30) -> date:
    """The first Thursday of a month, at least ``at_least_days`` after ``today``."""
    earliest = today + timedelta(days=at_least_days)
    year, month = earliest.year, earliest.month
    while True:
        day = date(year, month, 1)
        day += timedelta(days=(3 - day.weekday()) % 7)
        if day >= earliest:
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def load(stdout=None) -> int:
    """Create the demo meetings that are missing; returns how many records were created."""
    content = read_content()
    loader = Loader()
    for spec in content["meetings"]:
        try:
            loader.meeting(spec)
        except Missing:
            continue
    try:
        loader.series_meetings(content["series"], next_first_thursday(timezone.localdate()))
    except Missing:  # no Eurometropolis, Halluin or Menen in the directory
        pass
    return loader.created
