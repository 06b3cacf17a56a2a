"""The CSV opens cleanly in a real spreadsheet: LibreOffice Calc, converted to xlsx."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import pytest

from timeline.models import Article, Event, Period, Timeline, Timex
from timeline.render.csv import csv_bytes

D = dt.date


def event(start, end, gran, desc, text) -> Event:
    timex = Timex(10, 10 + len(text), text, "DATE", start.isoformat(), "rule", "anchor",
                  Period(start, end, gran))
    return Event(timex, desc, f"“{desc}”, he said.")


TIMELINE = Timeline(Article("seeds/korea.txt", "text", D(2023, 11, 14), "Title"), (
    event(D(2023, 10, 7), D(2023, 10, 7), "day", "Hamas’ attack on Israel", "7 October"),
    event(D(2023, 10, 1), D(2023, 10, 31), "month", "=1+1", "+last month"),
    event(D(2022, 11, 14), D(2023, 11, 14), "span", "@SUM(A1:A2)", "-the past year"),
))


def test_libreoffice_reads_dates_text_and_no_formulas(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run this test: .ci/run installs libreoffice-calc-nogui")
        pytest.skip("soffice not installed: apt-get install libreoffice-calc-nogui")
    openpyxl = pytest.importorskip("openpyxl")
    source = tmp_path / "timeline.csv"
    source.write_bytes(csv_bytes(TIMELINE))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir",
                    str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    sheet = openpyxl.load_workbook(tmp_path / "timeline.xlsx").active
    header, *rows = list(sheet.iter_rows())
    columns = {cell.value: i for i, cell in enumerate(header)}
    assert len(rows) == 3
    for row in rows:
        assert isinstance(row[columns["start"]].value, dt.datetime)
        assert isinstance(row[columns["end"]].value, dt.datetime)
        for cell in row:
            assert cell.data_type != "f"
            assert not str(cell.value).startswith("=")
    first = rows[0]
    assert first[columns["start"]].value == dt.datetime(2022, 11, 14)
    assert first[columns["event"]].value == "'@SUM(A1:A2)"
    assert any(row[columns["event"]].value == "Hamas’ attack on Israel" for row in rows)
    assert any(row[columns["sentence"]].value == "“Hamas’ attack on Israel”, he said."
               for row in rows)
