"""timeline: find the dates in a news article and draw its events on a timeline."""
from __future__ import annotations

import datetime as dt

from .models import Article, Event, Mention, Period, Timeline, Timex

__all__ = ["annotate", "Article", "Event", "Mention", "Period", "Timeline", "Timex"]


def annotate(text: str, published: dt.date, named_periods: bool = False) -> list[Timex]:
    """Tag every temporal expression of `text` and resolve it against `published`: the
    TIMEX3s of TimeML, and with `named_periods` also "the Korean War" and the like."""
    from .resolve import resolve
    from .tagger import tag

    mentions = [m for m in tag(text) if named_periods or dict(m.spec)["kind"] != "era"]
    return resolve(mentions, text, published)
