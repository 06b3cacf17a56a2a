"""The command line: exit codes, messages, and the seed article end to end."""
import csv
import json
import struct
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b8ae17975e8e1d93.txt"
TBAQ = ROOT.parent / "shared" / "data" / "tbaq"
runner = CliRunner()

# product.md's worked example, with its nice-to-have "during the Korean War":
# (expression, start, end, granularity)
SEED_EVENTS = [
    ("the Korean War", "1950-06-25", "1953-07-27", "span"),
    ("the past year", "2022-11-14", "2023-11-14", "span"),
    ("last month", "2023-10-01", "2023-10-31", "month"),
    ("Last month", "2023-10-01", "2023-10-31", "month"),
    ("7 October", "2023-10-07", "2023-10-07", "day"),
    ("7 October", "2023-10-07", "2023-10-07", "day"),
    ("Sunday", "2023-11-12", "2023-11-12", "day"),
    ("Monday", "2023-11-13", "2023-11-13", "day"),
]


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = invoke("build", SEED, "--out", out)
    assert result.exit_code == 0, result.output
    return result, out


def test_cli_build_seed_rows_are_the_worked_example(seed_build):
    _, out = seed_build
    rows = read_rows(out / f"{SEED.stem}.csv")
    dated = [r for r in rows if r["granularity"] != "vague"]
    got = [(r["expression"], r["start"], r["end"], r["granularity"]) for r in dated]
    assert sorted(got) == sorted(SEED_EVENTS)
    assert [(r["start"], r["end"]) for r in dated] == sorted((r["start"], r["end"]) for r in dated)


def test_cli_build_seed_keeps_in_recent_years_as_an_undated_last_row(seed_build):
    result, out = seed_build
    last = read_rows(out / f"{SEED.stem}.csv")[-1]
    assert (last["expression"], last["start"], last["end"], last["granularity"], last["value"]) \
        == ("recent years", "", "", "vague", "PAST_REF")
    assert "progress that we have made" in last["event"]
    assert "8 events (and 1 undated)" in result.output


def test_cli_build_seed_offsets_point_at_the_expression(seed_build):
    _, out = seed_build
    text = SEED.read_text("utf-8")
    for row in read_rows(out / f"{SEED.stem}.csv"):
        assert text[int(row["char_start"]):int(row["char_end"])] == row["expression"]
        assert row["published"] == "2023-11-14" and row["rule"]


def test_cli_build_seed_png_is_big_enough(seed_build):
    result, out = seed_build
    width, height = png_size(out / f"{SEED.stem}.png")
    assert width >= 1000 and height >= 400
    assert "published 2023-11-14 (from its header), 8 events" in result.output


def test_cli_build_folder_means_its_txt_files(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline\n\nPublished: 2023-11-14\n\nThe minister resigned on Monday after a long row.\n", "utf-8")
    (folder / "notes.md").write_text("ignored", "utf-8")
    result = invoke("build", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.csv", "a.png"]


@pytest.mark.parametrize("content, expected", [
    (None, "no such file"),
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary"),
    ("Headline\n\nSomething happened on Monday.\n".encode(), "--published"),
])
def test_cli_build_bad_input_exits_2_without_output(tmp_path, content, expected):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out"
    result = invoke("build", path, "--out", out)
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)     # a clean exit, not a crash
    assert not out.exists() or not any(out.iterdir())


def test_cli_build_invalid_published_names_the_option(tmp_path):
    result = invoke("build", SEED, "--published", "2023-13-45", "--out", tmp_path)
    assert result.exit_code == 2
    assert "--published" in result.output and "YYYY-MM-DD" in result.output
    assert list(tmp_path.iterdir()) == []


def test_cli_build_published_dates_only_articles_without_a_header_date(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("Talks resume\n\nThe two sides met again on Sunday.\n", "utf-8")
    result = invoke("build", SEED, undated, "--published", "2023-11-21", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "published 2023-11-14 (from its header)" in result.output
    assert "published 2023-11-21 (from --published)" in result.output
    rows = read_rows(tmp_path / "out" / f"{SEED.stem}.csv")
    assert {r["start"] for r in rows if r["expression"] == "Sunday"} == {"2023-11-12"}


def test_cli_build_one_bad_file_does_not_stop_the_others(tmp_path):
    result = invoke("build", tmp_path / "missing.txt", SEED, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert (tmp_path / "out" / f"{SEED.stem}.csv").exists()


def test_cli_build_out_is_a_file(tmp_path):
    target = tmp_path / "afile"
    target.write_text("keep me", "utf-8")
    result = invoke("build", SEED, "--out", target)
    assert result.exit_code == 2 and "not a folder" in result.output
    assert target.read_text("utf-8") == "keep me"


def test_cli_build_unwritable_output_leaves_nothing(tmp_path):
    out = tmp_path / "out"
    (out / f"{SEED.stem}.png").mkdir(parents=True)      # a folder where the PNG should go
    result = invoke("build", SEED, "--out", out)
    assert result.exit_code == 2 and "cannot write" in result.output
    assert f"{SEED.stem}.png" in result.output
    assert "Traceback" not in result.output
    assert not (out / f"{SEED.stem}.csv").exists()


def test_cli_build_that_fails_keeps_the_earlier_files(tmp_path):
    out = tmp_path / "out"
    (out / f"{SEED.stem}.png").mkdir(parents=True)
    (out / f"{SEED.stem}.csv").write_text("my edited csv", "utf-8")
    result = invoke("build", SEED, "--out", out)
    assert result.exit_code == 2
    assert (out / f"{SEED.stem}.csv").read_text("utf-8") == "my edited csv"


def test_cli_build_failed_figure_removes_the_files_already_written(tmp_path):
    out = tmp_path / "out"
    (out / f"{SEED.stem}.svg").mkdir(parents=True)      # a folder where the SVG should go
    result = invoke("build", SEED, "--out", out, "--format", "png,svg")
    assert result.exit_code == 2
    assert sorted(p.name for p in out.iterdir()) == [f"{SEED.stem}.svg"]


def test_cli_build_without_paths_needs_seeds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("build")
    assert result.exit_code == 2 and "seeds/" in result.output


def test_cli_build_rejects_unknown_figure_format(tmp_path):
    result = invoke("build", SEED, "--format", "gif", "--out", tmp_path)
    assert result.exit_code == 2 and "--format" in result.output


def test_cli_tag_text_file_json_lines():
    result = invoke("tag", SEED)
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["dct"] == "2023-11-14" and record["source"] == str(SEED)
    text = SEED.read_text("utf-8")
    for timex in record["timexes"]:
        assert text[timex["start"]:timex["end"]] == timex["text"]
        assert set(timex) >= {"start", "end", "text", "type", "value"}


def test_cli_tag_tml_takes_dct_and_text(tmp_path):
    tml = tmp_path / "doc.tml"
    tml.write_text('<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" '
                   'functionInDocument="CREATION_TIME">1998-02-06</TIMEX3></DCT>\n'
                   '<TEXT>Prices fell last week &amp; rose on Friday.</TEXT>\n</TimeML>\n', "utf-8")
    result = invoke("tag", tml, "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["dct"] == "1998-02-06"
    values = {t["text"]: t["value"] for t in record["timexes"]}
    assert values == {"last week": "1998-W05", "Friday": "1998-02-06"}
    assert record["timexes"][0]["start"] == len("Prices fell ")


def test_cli_tag_dct_stands_in_for_a_missing_dct(tmp_path):
    tml = tmp_path / "doc.tml"
    tml.write_text("<TimeML><TEXT>Prices rose on Friday.</TEXT></TimeML>", "utf-8")
    assert invoke("tag", tml).exit_code == 2
    result = invoke("tag", tml, "--dct", "1998-02-06")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["timexes"][0]["value"] == "1998-02-06"


def test_cli_tag_timeml_output_has_inline_tags():
    result = invoke("tag", SEED, "--format", "timeml")
    assert result.exit_code == 0
    assert '<TIMEX3 tid="t1"' in result.output and 'value="2023-11-12">Sunday</TIMEX3>' in result.output


def test_cli_tag_invalid_dct(tmp_path):
    result = invoke("tag", SEED, "--dct", "yesterday")
    assert result.exit_code == 2 and "--dct" in result.output


def test_cli_help_lists_commands():
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("build", "tag", "eval"):
        assert command in result.output


@pytest.mark.skipif(not TBAQ.exists(), reason="the TBAQ gold data is not beside the repository")
def test_cli_eval_prints_summary_line():
    result = invoke("eval", TBAQ / "TimeBank" / "ABC19980108.1830.0711.tml")
    assert result.exit_code == 0, result.output
    assert "TE3 timex: relaxed F1" in result.output


def test_cli_eval_without_gold_annotations_says_so(tmp_path):
    tml = tmp_path / "doc.tml"
    tml.write_text('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06">1998-02-06</TIMEX3></DCT>'
                   "<TEXT>Prices rose on Friday.</TEXT></TimeML>", "utf-8")
    result = invoke("eval", tml)
    assert result.exit_code == 2 and "nothing to score" in result.output


def test_cli_build_refuses_two_articles_writing_the_same_files(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    result = invoke("build", tmp_path / "a", tmp_path / "b", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "would both write" in result.output
    assert not (tmp_path / "out").exists()


def test_cli_build_refuses_to_overwrite_an_article(tmp_path):
    article = tmp_path / "story.csv"
    article.write_text(SEED.read_text("utf-8"), "utf-8")
    result = invoke("build", article, "--out", tmp_path)
    assert result.exit_code == 2 and "would overwrite the article" in result.output
    assert article.read_text("utf-8") == SEED.read_text("utf-8")


def test_cli_tag_finds_upper_case_suffixes_in_a_folder(tmp_path):
    (tmp_path / "STORY.TXT").write_text("He spoke on Monday.\n", "utf-8")
    result = invoke("tag", tmp_path, "--dct", "2023-11-14")
    assert result.exit_code == 0 and '"Monday"' in result.output


def test_cli_an_output_that_cannot_be_written_is_one_line(tmp_path):
    """`timeline tag ... > /dev/full`: a message and exit code 2, no traceback."""
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "timeline", "tag", str(SEED)],
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: cannot write the output") and "Traceback" not in proc.stderr


def test_cli_a_name_too_long_is_reported_and_the_others_go_on():
    result = invoke("tag", "a" * 300 + ".txt", SEED)
    assert result.exit_code == 2 and "File name too long" in result.output
    assert '"dct": "2023-11-14"' in result.output


def test_cli_build_a_file_named_twice_is_built_once(tmp_path):
    result = invoke("build", SEED.parent, SEED, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert result.output.count(SEED.name + ":") == 1
