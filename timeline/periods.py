"""Calendar periods and ISO-TimeML values: the arithmetic the resolver counts with."""
from __future__ import annotations

import datetime as dt
import math

import pendulum

from .models import Period

UNIT_LETTER = {"year": "Y", "month": "M", "week": "W", "day": "D", "quarter": "Q",
               "decade": "DE", "century": "CE", "hour": "H", "minute": "M", "second": "S",
               "weekend": "WE"}
TIME_UNITS = {"hour", "minute", "second"}
SMALLER = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7),
           "day": ("hour", 24), "hour": ("minute", 60), "minute": ("second", 60)}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _plain(day: dt.date) -> dt.date:
    """A pendulum date as a plain datetime.date, so values print and compare plainly."""
    return dt.date(day.year, day.month, day.day)


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clamped to the target month's length (pendulum)."""
    return _plain(pendulum.date(day.year, day.month, day.day).add(months=months))


def month_period(year: int, month: int) -> Period:
    first = pendulum.date(year, month, 1)
    return Period(_plain(first), _plain(first.end_of("month")), "month")


def quarter_period(year: int, quarter: int) -> Period:
    start = dt.date(year, 3 * quarter - 2, 1)
    return Period(start, add_months(start, 3) - dt.timedelta(days=1), "quarter")


def season_period(year: int, season: str) -> Period:
    start = dt.date(year, SEASON_START[season], 1)
    return Period(start, add_months(start, 3) - dt.timedelta(days=1), "season")


def week_period(day: dt.date) -> Period:
    monday = day - dt.timedelta(days=day.weekday())
    return Period(monday, monday + dt.timedelta(days=6), "week")


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def day_period(day: dt.date) -> Period:
    return Period(day, day, "day")


def period_value(period: Period) -> str:
    """The ISO-TimeML value of a calendar period."""
    start, g = period.start, period.granularity
    if g == "day":
        return start.isoformat()
    if g == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if g == "month":
        return f"{start.year}-{start.month:02d}"
    if g == "quarter":
        return f"{start.year}-Q{(start.month + 2) // 3}"
    if g == "season":
        return f"{start.year}-{next(k for k, v in SEASON_START.items() if v == start.month)}"
    if g == "year":
        return f"{start.year:04d}"
    if g == "decade":
        return f"{start.year // 10:03d}"
    if g == "century":
        return f"{start.year // 100:02d}"
    raise ValueError(f"no value for granularity {g}")


def unit_period(day: dt.date, unit: str, offset: int = 0) -> Period:
    """The period of `unit` containing `day`, moved by `offset` units."""
    if unit == "day":
        return day_period(day + dt.timedelta(days=offset))
    if unit == "week":
        return week_period(day + dt.timedelta(weeks=offset))
    if unit == "month":
        moved = add_months(day, offset)
        return month_period(moved.year, moved.month)
    if unit == "quarter":
        moved = add_months(day, 3 * offset)
        return quarter_period(moved.year, (moved.month + 2) // 3)
    if unit == "year":
        return year_period(day.year + offset)
    if unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        start = (day.year // size + offset) * size
        # Named by their first digits (the 1990s: 199), so the first decade and century
        # hold years 1-9 and 1-99: there is no year 0.
        return Period(dt.date(max(1, start), 1, 1), dt.date(start + size - 1, 12, 31), unit)
    raise ValueError(f"no period for unit {unit}")


def shift_date(day: dt.date, unit: str, amount: int) -> dt.date:
    if unit in ("day", "week"):
        return day + dt.timedelta(days=amount * (7 if unit == "week" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, amount * months)


def easter(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the Meeus/Jones/Butcher computus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(year: int, rule: str) -> dt.date:
    """The date of a holiday in `year` from its lexicon rule (see lexicon.toml)."""
    if rule.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule[6:]))
    rule, _, every = rule.partition("/")
    if every and year % int(every[:-2]) != int(every[-1]):
        raise ValueError(f"no such holiday in {year}")
    rule, _, days_after = rule.partition("+")
    parts = rule.split("-", 2)
    if len(parts) == 2:
        return dt.date(year, int(parts[0]), int(parts[1]))
    nth = nth_weekday(year, int(parts[0]), int(parts[1]), int(parts[2]))
    return nth + dt.timedelta(days=int(days_after or 0))


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth `weekday` (1 = Monday) of a month; nth -1 is the last."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - 1 - first.weekday()) % 7 + 7 * (nth - 1))
    last = month_period(year, month).end
    return last - dt.timedelta(days=(last.weekday() - (weekday - 1)) % 7)


class Written(float):
    """A count written with a decimal point ("4.8 years"): its duration keeps the
    decimal (P4.8Y), where a fraction said in words is split ("two and a half years": P2Y6M)."""


def duration_value(num, unit: str) -> str | None:
    """ISO 8601 duration for `num` `unit`s: P3Y, P9M, PT5H, PXY."""
    if unit in ("decade", "century"):
        num, unit = (num if num == "X" else num * (10 if unit == "decade" else 100)), "year"
    if unit == "quarter":
        num, unit = (num if num == "X" else num * 3), "month"
    if unit == "weekend":
        num, unit = (num if num == "X" else num * 2), "day"
    if unit == "week" and isinstance(num, float) and not num.is_integer():
        num, unit = round(num * 7), "day"       # "a week and 3 days": P10D, not P1W3D
    if unit not in UNIT_LETTER:
        return None
    if isinstance(num, float) and num.is_integer():
        num = int(num)
    t = "T" if unit in TIME_UNITS else ""
    if isinstance(num, float) and not isinstance(num, Written) and unit in SMALLER:   # P2Y6M, PT2H4M11S
        units, pers = [unit], []              # the unit and up to two smaller ones, in whole counts
        while len(units) < 3 and units[-1] in SMALLER:
            units.append(SMALLER[units[-1]][0])
            pers.append(SMALLER[units[-2]][1])
        rest, counts = round(num * math.prod(pers)), []
        for per in reversed(pers):
            rest, count = divmod(rest, per)
            counts.insert(0, count)
        parts = {"date": "", "time": ""}
        for n, u in zip([rest] + counts, units):
            if n:
                parts["time" if u in TIME_UNITS else "date"] += f"{n}{UNIT_LETTER[u]}"
        return "P" + parts["date"] + ("T" + parts["time"] if parts["time"] else "")
    return f"P{t}{num}{UNIT_LETTER[unit]}"


