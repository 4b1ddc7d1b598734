"""Importing behaviour files: English and Chinese titles, CSV and XLSX, date forms, clear
errors for unknown or missing columns, malformed rows rejected with their line numbers while
good rows are kept and counted, and the per-member metrics."""

from __future__ import annotations

import datetime as dt

import pytest
from progress_messages import assert_progress_messages

from app.audit.behaviour import (
    BehaviourFileError,
    BehaviourRow,
    ScanCancelled,
    rows_to_csv,
)

from .behaviour_files import (
    DAYS,
    EN_TITLES,
    NORMALS,
    SPAMMER,
    ZH_TITLES,
    planted_rows,
    write_csv,
    write_xlsx,
)


def _by_id(result):
    return {m.userid: m for m in result.members}


@pytest.mark.parametrize("titles", [EN_TITLES, ZH_TITLES], ids=["english", "chinese"])
def test_csv_with_english_or_chinese_titles(tmp_path, titles, load):
    rows = planted_rows()
    result = load(write_csv(tmp_path / "data.csv", rows, titles))
    assert result.rows_read == result.rows_kept == len(rows)
    assert result.rows_rejected == []
    assert len(result.members) == 3 + len(NORMALS)
    assert result.columns["new_apply_cnt"] == titles[2]
    spammer = _by_id(result)[SPAMMER]
    assert spammer.days == DAYS
    assert spammer.applications == 200 * DAYS
    assert spammer.applications_per_day == 200
    assert spammer.acceptance_rate == pytest.approx(0.1)
    assert spammer.peak_applications == 200
    assert spammer.spike_days == DAYS
    assert spammer.first_day == dt.date(2026, 9, 1)


@pytest.mark.parametrize("real_dates", [True, False], ids=["date-cells", "text-dates"])
def test_xlsx_with_chinese_titles(tmp_path, real_dates, load):
    rows = planted_rows()
    result = load(write_xlsx(tmp_path / "data.xlsx", rows, real_dates=real_dates))
    assert result.rows_kept == len(rows)
    assert _by_id(result)[SPAMMER].applications == 200 * DAYS


def test_xlsx_malformed_row_is_named_by_its_sheet_row(tmp_path, load):
    rows = planted_rows(days=2)
    rows[4][2] = "many"  # sheet row 6 (title row is 1)
    result = load(write_xlsx(tmp_path / "data.xlsx", rows, titles=EN_TITLES))
    assert [r.line for r in result.rows_rejected] == [6]
    assert "'many'" in result.rows_rejected[0].reason.en
    assert result.rows_kept == len(rows) - 1


def test_metrics_by_hand(tmp_path, load):
    rows = [["a", "2026-10-01", 10, 5, 4, 20, 50, 10, 1],
            ["a", "2026-10-02", 30, 15, 6, 60, "", "", 2],
            ["b", "2026-10-01", 0, 3, 0, 0, "", "", 0]]
    result = load(write_csv(tmp_path / "d.csv", rows))
    a, b = _by_id(result)["a"], _by_id(result)["b"]
    assert (a.days, a.applications, a.applications_per_day) == (2, 40, 20)
    assert (a.peak_applications, a.peak_day) == (30, dt.date(2026, 10, 2))
    assert a.acceptance_rate == 0.5
    assert a.negative_feedback_rate == 0.15
    assert a.messages_per_chat == 8
    assert a.reply_percentage == 50  # only the day that has it, weighted by its chats
    assert a.avg_reply_time == 10
    assert a.application_trend > 0
    assert b.acceptance_rate is None and b.messages_per_chat is None and b.peak_day is None


def test_unix_seconds_are_china_dates(tmp_path, load):
    # 2026-10-01 00:00 in China (UTC+8) is 2026-09-30 16:00 UTC.
    stamp = int(dt.datetime(2026, 10, 1, tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp())
    rows = [["a", stamp, 1, 1, 1, 1, 100, 1, 0], ["a", stamp + 86400, 1, 1, 1, 1, 100, 1, 0]]
    result = load(write_csv(tmp_path / "d.csv", rows))
    a = _by_id(result)["a"]
    assert (a.first_day, a.last_day) == (dt.date(2026, 10, 1), dt.date(2026, 10, 2))


def test_unknown_column_is_named(tmp_path, load):
    titles = [*EN_TITLES[:-1], "投诉数"]
    with pytest.raises(BehaviourFileError) as err:
        load(write_csv(tmp_path / "d.csv", planted_rows(days=1), titles))
    assert "unknown column '投诉数' (column 9)" in str(err.value)
    assert "投诉数" in err.value.message.zh_CN


def test_missing_column_is_named(tmp_path, load):
    titles = ZH_TITLES[:-1]
    rows = [r[:-1] for r in planted_rows(days=1)]
    with pytest.raises(BehaviourFileError) as err:
        load(write_csv(tmp_path / "d.csv", rows, titles))
    assert "missing column(s)" in str(err.value)
    assert "negative_feedback_cnt" in str(err.value)
    assert "删除/拉黑成员的客户数" in err.value.message.zh_CN


def test_optional_columns_may_be_missing_and_name_columns_are_ignored(tmp_path, load):
    titles = ["成员", "姓名", "日期", "发起申请数", "新增客户数", "聊天数", "发送消息数",
              "删除/拉黑成员的客户数"]
    rows = [["a", "张三", "2026-10-01", 5, 4, 1, 2, 0]]
    result = load(write_csv(tmp_path / "d.csv", rows, titles))
    assert result.rows_kept == 1
    assert _by_id(result)["a"].reply_percentage is None


def test_malformed_rows_are_rejected_with_line_numbers_and_good_rows_kept(tmp_path, load):
    rows = planted_rows(days=3)
    good = len(rows)
    path = write_csv(tmp_path / "d.csv", rows)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "bad1,2026-09-01,abc,1,1,1,50,1,0")          # line 4: not a number
    lines.insert(6, "bad2,2026-09-01,-5,1,1,1,50,1,0")           # line 7: negative count
    lines.insert(9, "bad3,2026-13-45,1,1,1,1,50,1,0")            # line 10: no such date
    lines.insert(12, "bad4,2026-09-01,1,1")                      # line 13: too few values
    lines.insert(15, "bad5,2026-09-01,1,1,1,1,50,1,0,9")         # line 16: too many
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load(path)
    rejected = {r.line: r.reason.en for r in result.rows_rejected}
    assert sorted(rejected) == [4, 7, 10, 13, 16]
    assert "'abc' is not a whole number" in rejected[4]
    assert "new_apply_cnt" in rejected[4]
    assert "'-5'" in rejected[7]
    assert "'2026-13-45' is not a date" in rejected[10]
    assert "fewer values" in rejected[13]
    assert "more values" in rejected[16]
    assert result.rows_kept == good
    assert result.rows_read == good + 5
    assert result.rows_rejected_count == 5
    assert not {"bad1", "bad2", "bad3", "bad4", "bad5"} & set(_by_id(result))


def test_rows_that_pass_types_but_fail_checks_are_located(tmp_path, load):
    rows = [["a", "2026-10-01", 1, 1, 1, 1, 50, 1, 0],
            ["a", "2026-10-02", 1, 1, 1, 1, 150, 1, 0],    # line 3: over 100 %
            ["", "2026-10-02", 1, 1, 1, 1, 50, 1, 0],      # line 4: no member
            ["a", "2026-10-01", 9, 9, 9, 9, 50, 1, 0],     # line 5: duplicate of line 2
            ["b", "2026-10-01", 2, 2, 2, 2, 50, -3, 0]]    # line 6: negative minutes
    result = load(write_csv(tmp_path / "d.csv", rows))
    rejected = {r.line: r.reason for r in result.rows_rejected}
    assert sorted(rejected) == [3, 4, 5, 6]
    assert "outside 0 to 100" in rejected[3].en
    assert "is empty" in rejected[4].en
    assert "same member and day as line 2" in rejected[5].en
    assert "与第 2 行" in rejected[5].zh_CN
    assert "avg_reply_time" in rejected[6].en
    a = _by_id(result)["a"]
    assert (a.days, a.applications) == (1, 1)
    assert set(_by_id(result)) == {"a"}
    assert result.rows_kept == 1 and result.rows_read == 5


def test_gb18030_file_from_excel_is_read(tmp_path, load):
    rows = planted_rows(days=2)
    result = load(write_csv(tmp_path / "d.csv", rows, ZH_TITLES, "gb18030"))
    assert result.rows_kept == len(rows)


def test_semicolon_delimiter_and_bom(tmp_path, load):
    path = tmp_path / "d.csv"
    path.write_text("\ufeff" + ";".join(ZH_TITLES) + "\na;2026/10/1;3;2;1;1;50;1;0\n",
                    encoding="utf-8")
    result = load(path)
    assert result.members[0].first_day == dt.date(2026, 10, 1)


def test_rows_from_the_api_model_round_trip(tmp_path, load):
    rows = [BehaviourRow(userid="a", stat_date=dt.date(2026, 10, d), new_apply_cnt=d,
                         new_contact_cnt=1, negative_feedback_cnt=0) for d in range(1, 5)]
    result = load(rows_to_csv(rows, tmp_path / "api.csv"))
    assert _by_id(result)["a"].applications == 10
    daily = result.daily(["a"])["a"]
    assert [r.new_apply_cnt for r in daily] == [1, 2, 3, 4]
    assert daily[0].stat_date == dt.date(2026, 10, 1)


def test_not_a_file_and_empty_file(tmp_path, load):
    with pytest.raises(BehaviourFileError, match="no such file"):
        load(tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(BehaviourFileError, match="empty"):
        load(tmp_path / "empty.csv")


def test_progress_and_cancel(tmp_path, load):
    path = write_csv(tmp_path / "d.csv", planted_rows(days=2))
    seen = []
    messages = []
    load(path, progress=lambda done, total, msg: (seen.append((done, total)), messages.append(msg)))
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert assert_progress_messages(messages)[0] == ("Checking the file", "正在检查文件")
    with pytest.raises(ScanCancelled):
        load(path, cancel=lambda: True)


def test_percentages_written_with_a_percent_sign(tmp_path, load):
    rows = [["a", "2026-10-01", 1, 1, 2, 2, "60%", 1, 0],
            ["a", "2026-10-02", 1, 1, 2, 2, "40 %", 1, 0],
            ["a", "2026-10-03", 1, 1, 2, 2, "half%", 1, 0]]   # line 4
    result = load(write_csv(tmp_path / "d.csv", rows, ZH_TITLES))
    assert [r.line for r in result.rows_rejected] == [4]
    assert "'half%' is not a number" in result.rows_rejected[0].reason.en
    a = _by_id(result)["a"]
    assert a.days == 2 and a.reply_percentage == 50
    assert [r.reply_percentage for r in result.daily(["a"])["a"]] == [60, 40]


def test_a_report_title_above_the_column_titles_is_skipped(tmp_path, load):
    path = tmp_path / "d.csv"
    body = "\n".join(["成员联系统计（2026年10月）", "",  ",".join(ZH_TITLES),
                      "a,2026-10-01,3,2,1,1,50,1,0",
                      "a,2026-10-02,x,2,1,1,50,1,0",           # line 5
                      "a,2026-10-02,3,2,1,1,150,1,0",          # line 6: over 100 %
                      "a,2026-10-03,4,2,1,1,50,1,0"])
    path.write_text(body + "\n", encoding="utf-8")
    result = load(path)
    assert {r.line: r.reason.en.split(":")[0] for r in result.rows_rejected} == {
        5: "column '发起申请数' (new_apply_cnt)", 6: "column '已回复聊天占比' (reply_percentage)"}
    assert _by_id(result)["a"].applications == 7
    assert [r.new_apply_cnt for r in result.daily(["a"])["a"]] == [3, 4]


def test_no_title_line_in_the_first_lines_names_the_widest_one(tmp_path, load):
    path = tmp_path / "d.csv"
    path.write_text("成员联系统计\nfoo,bar\n", encoding="utf-8")
    with pytest.raises(BehaviourFileError, match=r"unknown column 'foo' \(column 1\)"):
        load(path)


def test_missing_column_under_a_report_title_is_still_named(tmp_path, load):
    path = tmp_path / "d.csv"
    path.write_text("成员联系统计\n" + ",".join(ZH_TITLES[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(BehaviourFileError, match="missing column"):
        load(path)


def test_cancel_while_converting_a_workbook(tmp_path, load):
    path = write_xlsx(tmp_path / "d.xlsx", planted_rows(days=2))
    with pytest.raises(ScanCancelled):
        load(path, cancel=lambda: True)


@pytest.mark.parametrize("first, second", [
    ("2026/10/1", "2026/10/2"),
    ("20261001", "20261002"),
    ("2026年10月1日", "2026年10月2日"),
    ("2026-10-01 00:00:00", "2026-10-02 00:00:00"),
    ("1790784000000", "1790870400000"),  # unix milliseconds, 00:00 China time
])
def test_date_forms(tmp_path, load, first, second):
    rows = [["a", first, 1, 1, 1, 1, 50, 1, 0], ["a", second, 2, 1, 1, 1, 50, 1, 0],
            ["a", "someday", 3, 1, 1, 1, 50, 1, 0]]
    result = load(write_csv(tmp_path / "d.csv", rows, ZH_TITLES))
    a = _by_id(result)["a"]
    assert (a.first_day, a.last_day, a.applications) == (dt.date(2026, 10, 1),
                                                        dt.date(2026, 10, 2), 3)
    assert [r.line for r in result.rows_rejected] == [4]
    assert "'someday'" in result.rows_rejected[0].reason.en
