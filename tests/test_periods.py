"""Calendar arithmetic: periods, ISO-TimeML values, durations, holidays."""
import datetime as dt

import pytest

from timeline.models import Period
from timeline.periods import (add_months, duration_value, easter, holiday_date, period_value,
                              unit_period)


@pytest.mark.parametrize("year, expected", [(1998, "1998-04-12"), (2000, "2000-04-23"),
                                            (2019, "2019-04-21"), (2024, "2024-03-31"),
                                            (2025, "2025-04-20")])
def test_periods_easter(year, expected):
    assert easter(year).isoformat() == expected


@pytest.mark.parametrize("year, rule, expected", [
    (1999, "11-4-4", "1999-11-25"),        # Thanksgiving: fourth Thursday of November
    (2023, "11-4-4+1", "2023-11-24"),      # Black Friday
    (1998, "11-1-1+1", "1998-11-03"),      # Election Day: the Tuesday after the first Monday
    (2023, "05-1--1", "2023-05-29"),       # Memorial Day: last Monday of May
    (2023, "12-25", "2023-12-25"),
    (2024, "easter-2", "2024-03-29"),      # Good Friday
    (2025, "01-20/4y1", "2025-01-20"),     # Inauguration Day, every fourth year
])
def test_periods_holiday_date(year, rule, expected):
    assert holiday_date(year, rule).isoformat() == expected


def test_periods_holiday_not_this_year():
    with pytest.raises(ValueError):
        holiday_date(2023, "01-20/4y1")


@pytest.mark.parametrize("day, unit, offset, value", [
    (dt.date(2023, 11, 14), "month", -1, "2023-10"),
    (dt.date(2023, 1, 10), "month", -1, "2022-12"),
    (dt.date(2023, 11, 14), "week", 0, "2023-W46"),
    (dt.date(2021, 1, 2), "week", 0, "2020-W53"),   # ISO weeks belong to their Thursday's year
    (dt.date(1989, 10, 30), "quarter", -1, "1989-Q3"),
    (dt.date(1990, 2, 1), "quarter", -1, "1989-Q4"),
    (dt.date(1998, 2, 19), "decade", 0, "199"),
    (dt.date(1998, 2, 19), "century", 0, "19"),
])
def test_periods_unit_period_value(day, unit, offset, value):
    assert period_value(unit_period(day, unit, offset)) == value


def test_periods_month_keeps_whole_month():
    assert unit_period(dt.date(2023, 11, 14), "month", -1) == Period(dt.date(2023, 10, 1), dt.date(2023, 10, 31), "month")


def test_periods_add_months_clamps_the_day():
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)


@pytest.mark.parametrize("num, unit, value", [
    (3, "year", "P3Y"), (2, "decade", "P20Y"), (3, "quarter", "P9M"), (16, "hour", "PT16H"),
    ("X", "month", "PXM"), (2.5, "year", "P2Y6M"), (5.5, "hour", "PT5H30M"), (1.5, "day", "P1DT12H"),
])
def test_periods_duration_value(num, unit, value):
    assert duration_value(num, unit) == value
