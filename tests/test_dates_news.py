"""Date wordings of news text: lower-case weekdays, "over the weekend", decades and temperatures,
a month with a two-digit year, lower-case "may" before a day, parts of the current period."""

from __future__ import annotations

from datetime import date

import pytest

from consistency.rules import load_rules

MON_7_NOV_2016 = date(2016, 11, 7)
THU_10_MAR_2022 = date(2022, 3, 10)
SAT_12_MAR_2022 = date(2022, 3, 12)


@pytest.fixture(scope="module")
def reader():
    return load_rules().compiled.dates


def readings(reader, text, reference=THU_10_MAR_2022):
    """(text, value or (low, high)) of every date found, placed at ``reference``."""
    out = []
    for m in reader.find(text):
        res = reader.resolve(m, reference, sentence=text)
        out.append((m.text, res.value if res.value is not None else (res.low, res.high)))
    return out


# -- weekdays in lower case ----------------------------------------------------------------------

@pytest.mark.parametrize("text, written, day", [
    ("Police said friday that the suspect had fled.", "friday", date(2022, 3, 4)),
    ("The council met monday night to discuss the budget.", "monday night", date(2022, 3, 7)),
    ("The vote is tuesday, officials said.", "tuesday", date(2022, 3, 8)),
])
def test_bare_weekday_in_lower_case_is_read(reader, text, written, day):
    assert readings(reader, text) == [(written, day)]


@pytest.mark.parametrize("text", ["Black friday sales rose 5%.", "A robot called Friday answered.", "We met on the sun deck."])
def test_weekday_words_that_are_no_dates(reader, text):
    assert reader.find(text) == []


@pytest.mark.parametrize("text", ["Sunday Times reporters were at the scene.", "He told the Sunday Telegraph it was over.",
                                  "Monday Night Football drew 12 million viewers."])
def test_weekday_opening_a_name_is_not_a_date(reader, text):
    assert reader.find(text) == []


def test_weekday_before_a_name_after_a_verb_is_a_date(reader):
    assert readings(reader, "Officials said Monday Russia had fired.") == [("Monday", date(2022, 3, 7))]


# -- the nearest weekend -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Protesters gathered over the weekend in the capital.",
    "Police said over the weekend that the suspect was armed.",
    "Sales surged at the weekend, retailers said.",
    "Thousands fled during the weekend.",
    "On the weekend, police made 12 arrests.",
])
def test_the_weekend_after_a_cue_is_the_last_one(reader, text):
    assert readings(reader, text) == [("the weekend", (date(2022, 3, 5), date(2022, 3, 6)))]
    assert readings(reader, text, None) == [("the weekend", (None, None))]  # relative: needs a publication date


@pytest.mark.parametrize("text", ["The mayor will speak at the weekend.", "Storms are forecast to hit over the weekend."])
def test_the_weekend_in_a_sentence_about_the_future_is_the_coming_one(reader, text):
    assert readings(reader, text) == [("the weekend", (date(2022, 3, 12), date(2022, 3, 13)))]


def test_the_weekend_in_a_weekend_story_is_the_one_under_way(reader):
    for text in ("Police made 12 arrests over the weekend.", "The mayor will speak at the weekend."):
        assert readings(reader, text, SAT_12_MAR_2022) == [("the weekend", (date(2022, 3, 12), date(2022, 3, 13)))]


@pytest.mark.parametrize("text", [
    "She worked on the weekend shift.",
    "Stalls were set up at the weekend market.",
    "Turnout rose over the weekend of 5 March.",
    "Rallies were held over the weekend before the vote.",
    "The weekend edition sold out.",
])
def test_weekend_words_that_are_not_the_nearest_weekend(reader, text):
    assert not any(m.nearest_weekend for m in reader.find(text))


# -- decades, centuries and temperatures -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Highs will be in the 70s on the coast.",
    "Temperatures stayed in the 90s all week.",
    "Readings were in the low 80s.",
])
def test_temperature_bands_are_not_decades(reader, text):
    assert not any(m.period == "decade" for m in reader.find(text))


@pytest.mark.parametrize("text, written, bounds", [
    ("The band peaked in the 80s.", "the 80s", (date(1980, 1, 1), date(1989, 12, 31))),
    ("In 1990s Britain, growth was strong.", "1990s", (date(1990, 1, 1), date(1999, 12, 31))),
    ("The 1990's were good.", "The 1990's", (date(1990, 1, 1), date(1999, 12, 31))),
    ("Prices were low in the '70s.", "the '70s", (date(1970, 1, 1), date(1979, 12, 31))),
])
def test_decades(reader, text, written, bounds):
    assert readings(reader, text) == [(written, bounds)]


@pytest.mark.parametrize("text, bounds", [
    ("The mill dates from the late 1800s.", (date(1860, 1, 1), date(1899, 12, 31))),
    ("The town grew in the 1900s.", (date(1900, 1, 1), date(1999, 12, 31))),
    ("Records go back to the mid-19th century.", (date(1830, 1, 1), date(1869, 12, 31))),
    ("The early 2000s were calm.", (date(2000, 1, 1), date(2003, 12, 31))),  # a decade, not a century
])
def test_hundreds_and_parts_of_centuries(reader, text, bounds):
    assert [r[1] for r in readings(reader, text)] == [bounds]


# -- a month and a two-digit year ------------------------------------------------------------------

@pytest.mark.parametrize("text, written, bounds", [
    ("Show me the records for August 99", "August 99", (date(1999, 8, 1), date(1999, 8, 31))),
    ("He joined in June 87, aged 20.", "June 87", (date(1987, 6, 1), date(1987, 6, 30))),
])
def test_month_with_a_two_digit_year_that_cannot_be_a_day(reader, text, written, bounds):
    assert readings(reader, text) == [(written, bounds)]


@pytest.mark.parametrize("text, written", [
    ("In August 45 people died.", "August"),      # a count after the month
    ("The meeting on August 9 was cancelled.", "August 9"),  # a day
    ("In May 55% of voters agreed.", "May"),
])
def test_month_followed_by_a_count_or_a_day(reader, text, written):
    assert [r[0] for r in readings(reader, text)] == [written]
    assert all(m.year is None for m in reader.find(text))


# -- "may" in lower case ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, written, day", [
    ("The treaty was signed on may 11th.", "may 11th", date(2022, 5, 11)),
    ("The deal came on may the eleventh.", "may the eleventh", date(2022, 5, 11)),
    ("The meeting on may twenty-first was tense.", "may twenty-first", date(2022, 5, 21)),
    ("It was agreed on may the fourth, 2020.", "may the fourth, 2020", date(2020, 5, 4)),
])
def test_lower_case_may_before_a_day_no_verb_takes(reader, text, written, day):
    assert readings(reader, text) == [(written, day)]


@pytest.mark.parametrize("text", [
    "We may first need more data.",
    "Ministers may second the motion.",
    "Police may 11 times raise the fine.",
    "They may fourth-guess the result.",
])
def test_lower_case_may_as_a_verb(reader, text):
    assert reader.find(text) == []


# -- spans and parts of the current period ---------------------------------------------------------

@pytest.mark.parametrize("text, written", [
    ("The minister resigned in mid-January.", "mid-January"),
    ("Home sales fell in October.", "October"),
    ("Fighting resumed in the second week of August.", "the second week of August"),
    ("The deal closed in Sept.", "Sept."),  # an abbreviation keeps its point
])
def test_full_stop_after_a_month_written_in_full_is_not_part_of_the_date(reader, text, written):
    assert [m.text for m in reader.find(text)] == [written]


@pytest.mark.parametrize("text, written, bounds", [
    ("The plan will be published by the end of the year.", "the end of the year", (date(2022, 9, 1), date(2022, 12, 31))),
    ("The museum will reopen at the end of the month.", "the end of the month", (date(2022, 3, 16), date(2022, 3, 31))),
    ("Since the start of the year, 12 people have died.", "the start of the year", (date(2022, 1, 1), date(2022, 4, 30))),
])
def test_part_of_the_current_period(reader, text, written, bounds):
    assert readings(reader, text) == [(written, bounds)]


@pytest.mark.parametrize("text", [
    "At the end of the week the talks collapsed.",  # which week: the story says elsewhere
    "In 2019 the firm said it expected to hire 300 staff by the end of the year.",
])
def test_part_of_a_period_named_elsewhere_is_not_placed_at_publication(reader, text):
    assert all(m.period_offset is None for m in reader.find(text))


@pytest.mark.parametrize("text, day", [
    ("“We’ll meet again on Friday,” she said.", date(2022, 3, 11)),
    ("He said he won't return until Monday.", date(2022, 3, 14)),
    ("The report is due on Friday.", date(2022, 3, 11)),
])
def test_future_in_quotes_and_deadlines_places_a_weekday_ahead(reader, text, day):
    assert [r[1] for r in readings(reader, text)] == [day]


@pytest.mark.parametrize("text, reference, day", [
    ("The firm filed for bankruptcy on Jan. 3.", date(2023, 8, 10), date(2023, 1, 3)),   # seven months back
    ("The firm will file on Jan. 3.", date(2023, 8, 10), date(2024, 1, 3)),              # looks ahead
    ("The new rules take effect Jan. 1.", date(2023, 11, 10), date(2024, 1, 1)),         # two months ahead
    ("Talks ended on Dec. 28.", date(2024, 1, 5), date(2023, 12, 28)),
])
def test_year_of_a_day_without_a_year(reader, text, reference, day):
    assert [r[1] for r in readings(reader, text, reference)] == [day]


@pytest.mark.parametrize("text, written, bounds", [
    ("The bridge reopened this past weekend.", "this past weekend", (date(2022, 3, 5), date(2022, 3, 6))),
    ("Floods hit the valley this past winter.", "this past winter", (date(2021, 12, 1), date(2022, 2, 28))),
])
def test_this_past_is_the_last_one(reader, text, written, bounds):
    assert readings(reader, text) == [(written, bounds)]


@pytest.mark.parametrize("text, reference, bounds", [
    ("Exports fell 3% in the July-September period.", date(2022, 11, 10), (date(2022, 7, 1), date(2022, 9, 30))),
    ("Profit rose in the October–December quarter.", date(2023, 2, 7), (date(2022, 10, 1), date(2022, 12, 31))),
    ("Sales in the November-February season fell.", date(2023, 3, 7), (date(2022, 11, 1), date(2023, 2, 28))),
])
def test_span_of_months_named_by_its_ends(reader, text, reference, bounds):
    assert [r[1] for r in readings(reader, text, reference)] == [bounds]


def test_a_date_far_before_publication_in_a_sentence_about_the_future_is_next_years(reader):
    assert [r[1] for r in readings(reader, "The hearing will open on 12 March.", MON_7_NOV_2016)] == [date(2017, 3, 12)]
    assert [r[1] for r in readings(reader, "The hearing opened on 12 March.", MON_7_NOV_2016)] == [date(2016, 3, 12)]


@pytest.mark.parametrize("text, days", [
    ("Rail strikes are planned for 21, 23 and 25 June.", [date(2022, 6, 21), date(2022, 6, 23), date(2022, 6, 25)]),
    ("Polls open on 3 or 4 May.", [date(2022, 5, 3), date(2022, 5, 4)]),
    ("They met on the 2nd, 9th and 16th of May.", [date(2022, 5, 2), date(2022, 5, 9), date(2022, 5, 16)]),
    ("He paid $3, 4 and 5 June.", [date(2022, 6, 5)]),                   # money, not days
    ("In 2019, 3 and 4 June were holidays.", [date(2019, 1, 1), date(2022, 6, 4)]),  # a list needs a word before it
    ("Scores of 12, 40 and 5 June were kept.", [date(2022, 6, 5)]),       # not in order: no list of days
])
def test_days_listed_before_their_month(reader, text, days):
    got = [r[1] if isinstance(r[1], date) else r[1][0] for r in readings(reader, text)]
    assert got == days


@pytest.mark.parametrize("text, written, bounds", [
    ("Claims rose in the week ending March 3.", "the week ending March 3", (date(2022, 2, 25), date(2022, 3, 3))),
    ("Claims rose in the week ended 12 May 2023.", "the week ended 12 May 2023", (date(2023, 5, 6), date(2023, 5, 12))),
    ("Sales in the seven days to Jan. 2 rose.", "the seven days to Jan. 2", (date(2021, 12, 27), date(2022, 1, 2))),
])
def test_days_up_to_a_day(reader, text, written, bounds):
    assert readings(reader, text) == [(written, bounds)]


@pytest.mark.parametrize("text, written, day", [
    ("The hearing was adjourned until Thursday next week.", "Thursday next week", date(2022, 3, 17)),
    ("The report is due by Monday next week.", "Monday next week", date(2022, 3, 14)),
])
def test_weekday_of_next_week_after_a_preposition(reader, text, written, day):
    assert readings(reader, text) == [(written, day)]


@pytest.mark.parametrize("text, written, bounds", [
    ("The bill was tabled in the spring of last year.", "the spring of last year", (date(2021, 3, 1), date(2021, 5, 31))),
    ("Building starts in the summer of next year.", "the summer of next year", (date(2023, 6, 1), date(2023, 8, 31))),
])
def test_season_of_a_relative_year(reader, text, written, bounds):
    assert readings(reader, text) == [(written, bounds)]
    assert readings(reader, text, None) == [(written, (None, None))]


@pytest.mark.parametrize("text", ["The market is held every Sunday.", "The shop opens each monday.",
                                  "The choir sings on Friday evenings.", "She works Saturday mornings."])
def test_habits_are_not_dates(reader, text):
    assert reader.find(text) == []


@pytest.mark.parametrize("text, reference, bounds", [
    ("I will have a long vacation from next monday to friday.", date(2019, 9, 5), (date(2019, 9, 9), date(2019, 9, 13))),
    ("Talks ran from Tuesday to Thursday.", THU_10_MAR_2022, (date(2022, 3, 8), date(2022, 3, 10))),
    ("The fair runs from Friday to Monday.", date(2022, 3, 14), (date(2022, 3, 11), date(2022, 3, 14))),
])
def test_range_ending_on_a_weekday_ends_on_the_first_after_its_start(reader, text, reference, bounds):
    assert [r[1] for r in readings(reader, text, reference)] == [bounds]


def test_holiday_near_publication_on_the_other_side_of_the_tense(reader):
    text = "Schools will reopen three weeks after Christmas."
    assert [r[1] for r in readings(reader, text, date(2022, 1, 2))] == [date(2022, 1, 15)]
    assert [r[1] for r in readings(reader, text, date(2022, 6, 2))] == [(None, None)]  # no Christmas near June
    # a sentence about the past never counts from a coming holiday
    assert [r[1] for r in readings(reader, "Sales rose over the days before Christmas.", date(2022, 11, 7))] == [(None, None)]


def test_weekend_then_a_pronoun_is_the_nearest_weekend(reader):
    assert readings(reader, "The prime minister said at the weekend he would not resign.") == [
        ("the weekend", (date(2022, 3, 5), date(2022, 3, 6)))]


@pytest.mark.parametrize("text, written, bounds", [
    ("The firm was founded 25 years ago this month.", "25 years ago this month", (date(1997, 3, 1), date(1997, 3, 31))),
    ("A year ago today, the dam burst.", "A year ago today", (date(2021, 3, 10), date(2021, 3, 10))),
    ("The plant closed two years ago this week.", "two years ago this week", (date(2020, 3, 9), date(2020, 3, 15))),
])
def test_anniversaries(reader, text, written, bounds):
    m = reader.find(text)
    assert [x.text for x in m] == [written]
    res = reader.resolve(m[0], THU_10_MAR_2022, sentence=text)
    assert (res.low, res.high) == bounds
    assert reader.resolve(m[0], None, sentence=text).low is None


def test_a_pause_keeps_an_offset_and_a_period_apart(reader):
    assert [m.text for m in reader.find("Two years ago, this month was calm.")] == ["Two years ago", "this month"]


@pytest.mark.parametrize("text, written", [
    ("The third and final reading is scheduled for May 14.", ["May 14"]),
    ("It was the second and last time.", []),
    ("The first and second quarters were weak.", ["second quarter"]),
    ("The 3rd and final day was calm.", []),
    ("The court sits on the 14th and 15th.", ["the 14th"]),      # a day follows: still read
    ("The court sits on the fifth or sixth.", ["the fifth"]),
])
def test_ordinal_before_and_is_a_day_only_when_a_day_follows(reader, text, written):
    assert [m.text for m in reader.find(text)] == written


@pytest.mark.parametrize("text, written", [
    ("He won the first.", []),
    ("The third, a woman, was unhurt.", []),
    ("Two votes were held: the first, on Monday, and the second, on Tuesday.", ["Monday", "Tuesday"]),
    ("On the fifth, talks resumed.", ["the fifth"]),
    ("The rent is due by the fifth.", ["the fifth"]),
    ("The meeting is on the 27th.", ["the 27th"]),
])
def test_day_in_words_without_a_month_needs_a_day_cue(reader, text, written):
    assert [m.text for m in reader.find(text)] == written


@pytest.mark.parametrize("text, days", [
    ("Talks were held on March 3 and 4, 2021.", [date(2021, 3, 3), date(2021, 3, 4)]),
    ("Strikes are set for June 21, 23 and 25.", [date(2022, 6, 21), date(2022, 6, 23), date(2022, 6, 25)]),
    ("On March 3 and 4, the talks stalled.", [date(2022, 3, 3), date(2022, 3, 4)]),
    ("On June 21, 23 people died.", [date(2022, 6, 21)]),            # a count after the date
    ("On March 3 and 4 people died.", [date(2022, 3, 3)]),
])
def test_days_listed_after_a_month_and_day(reader, text, days):
    assert [r[1] for r in readings(reader, text, date(2022, 5, 1))] == days


@pytest.mark.parametrize("text", ["They served a sunday roast.", "It happened on a Friday.", "One Sunday in May he left."])
def test_any_such_weekday_is_not_a_date(reader, text):
    assert not any(m.weekday_only for m in reader.find(text))
