"""timeline: find the dates in a news article and draw its events on a timeline."""
from __future__ import annotations

import datetime as dt

from .models import Article, Event, Mention, Period, Timeline, Timex

__all__ = ["annotate", "Article", "Event", "Mention", "Period", "Timeline", "Timex"]


def annotate(text: str, published: dt.date) -> list[Timex]:
    """Tag every temporal expression of `text` and resolve it against `published`."""
    from .resolve import resolve
    from .tagger import tag

    return resolve(tag(text), text, published)
