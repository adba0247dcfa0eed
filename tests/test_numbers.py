"""Reading numbers: every way a news text writes a figure, and the interval it stands for."""

from __future__ import annotations

import pytest

from consistency.articles import article_from_text
from consistency.extract.pipeline import extract_claims
from consistency.rules import load_rules


@pytest.fixture(scope="module")
def find(vocab):
    return vocab.numbers.find


def only(matches):
    assert len(matches) == 1, [(m.text, m.value) for m in matches]
    return matches[0]


def claims(vocab, text):
    article = article_from_text("Headline\n\n" + text + "\n", vocab)
    return extract_claims(article, vocab)


# -- numerals, scales, words ----------------------------------------------------------------

@pytest.mark.parametrize("text, written, value", [
    ("Officials counted 2,030 soldiers.", "2,030", 2030),
    ("Clerks counted 1,250,000 votes.", "1,250,000", 1250000),
    ("The rate was 64.5 in the end.", "64.5", 64.5),
    ("The force numbers 3.6 thousand people.", "3.6 thousand", 3600),
    ("They brought 2.5k reservists.", "2.5k", 2500),
    ("The city has 1.2 million residents.", "1.2 million", 1200000),
    ("The state owes 7 billion.", "7 billion", 7000000000),
    ("A fund of 3 mln was set up.", "3 mln", 3000000),
    ("The agency counted 12 thousand boats.", "12 thousand", 12000),
])
def test_numerals_with_separators_decimals_and_scales(find, text, written, value):
    m = only(find(text))
    assert m.text == written
    assert m.value == value
    assert (m.low, m.high, m.qualifier) == (value, value, "exact")


@pytest.mark.parametrize("phrase, value", [
    ("two thousand", 2000),
    ("One hundred and fifty", 150),
    ("half a million", 500000),
    ("a dozen", 12),
    ("twenty-five", 25),
    ("Three hundred forty-two", 342),
    ("a thousand", 1000),
    ("fifteen hundred", 1500),
    ("two million", 2000000),
])
def test_number_words(find, phrase, value):
    m = only(find(f"Police said {phrase} people were there."))
    assert m.text == phrase
    assert m.value == value
    assert m.written == "words"


def test_lone_article_a_is_not_a_number(find):
    assert find("A convoy left the base.") == []


# -- ranges -------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", [
    "150-200", "150–200", "150—200", "150 — 200", "150 to 200", "150 through 200", "between 150 and 200", "from 150 to 200",
])
def test_range_connectors(find, phrase):
    m = only(find(f"Police counted {phrase} cars at the border."))
    assert m.text == phrase
    assert (m.qualifier, m.low, m.high) == ("range", 150, 200)
    assert m.value == 175


def test_range_takes_the_scale_of_its_second_number(find):
    m = only(find("Officials said 2 to 3 million people fled."))
    assert (m.qualifier, m.low, m.high) == ("range", 2000000, 3000000)


@pytest.mark.parametrize("text", [
    "The death toll rose from 12 to 15 overnight.",
    "Prices dropped from 40 to 30 last week.",
    "The estimate was revised from 200 to 250 on Monday.",
])
def test_from_x_to_y_after_a_change_verb_is_not_a_range(find, text):
    found = find(text)
    assert all(m.qualifier != "range" for m in found)
    assert len(found) == 2


def test_and_without_between_is_not_a_range(find):
    found = find("They sent 2 and 3 ships.")
    assert [m.value for m in found] == [2, 3]
    assert all(m.qualifier == "exact" for m in found)


def test_descending_pair_is_not_a_range(find):
    assert all(m.qualifier != "range" for m in find("Scores were 20-10 at half time."))


# -- qualifiers --------------------------------------------------------------------------

OPEN = None


@pytest.mark.parametrize("phrase, qualifier, low, high, low_ex, high_ex", [
    # more than: strict lower bound, open above
    ("more than 2,000", "more_than", 2000, OPEN, True, False),
    ("over 500", "more_than", 500, OPEN, True, False),
    ("in excess of 500", "more_than", 500, OPEN, True, False),
    ("just over 250", "more_than", 250, 262.5, True, False),
    # at least: inclusive lower bound
    ("at least 40", "at_least", 40, OPEN, False, False),
    ("no fewer than 30", "at_least", 30, OPEN, False, False),
    ("30 or more", "at_least", 30, OPEN, False, False),
    ("500+", "at_least", 500, OPEN, False, False),
    # less than: strict upper bound
    ("fewer than 10", "less_than", OPEN, 10, False, True),
    ("under 60", "less_than", OPEN, 60, False, True),
    ("just under 100", "less_than", 95, 100, False, True),
    # up to / at most: inclusive upper bound
    ("up to 50", "up_to", OPEN, 50, False, False),
    ("as many as 200", "up_to", 180, 200, False, False),
    ("at most 12", "at_most", OPEN, 12, False, False),
    ("no more than 8", "at_most", OPEN, 8, False, False),
    ("20 or fewer", "at_most", OPEN, 20, False, False),
    # approximately: +-10 %
    ("about 250", "approx", 225, 275, False, False),
    ("roughly 1,000", "approx", 900, 1100, False, False),
    ("some 40", "approx", 36, 44, False, False),
    ("50 or so", "approx", 45, 55, False, False),
    # nearly: just below, exclusive of the figure itself
    ("nearly 300", "nearly", 270, 300, False, True),
    ("almost 90", "nearly", 81, 90, False, True),
    ("close to 70", "nearly", 63, 70, False, False),
    # exact
    ("exactly 17", "exact", 17, 17, False, False),
    ("a total of 17", "exact", 17, 17, False, False),
])
def test_qualifiers_become_bounds(find, phrase, qualifier, low, high, low_ex, high_ex):
    m = only(find(f"Officials said {phrase} boats were sunk."))
    assert m.text == phrase
    assert m.qualifier == qualifier
    assert (m.low, m.high) == (pytest.approx(low) if low is not None else None,
                               pytest.approx(high) if high is not None else None)
    assert (m.low_exclusive, m.high_exclusive) == (low_ex, high_ex)


def test_more_than_excludes_the_figure_but_at_least_includes_it(find):
    more = only(find("more than 2,000 troops")).interval
    least = only(find("at least 2,000 troops")).interval
    exact = only(find("2,000 troops")).interval
    assert not more.overlaps(exact)
    assert least.overlaps(exact)
    assert more.overlaps(only(find("2,030 troops")).interval)


def test_fewer_than_excludes_the_figure(find):
    fewer = only(find("fewer than 10 people")).interval
    assert not fewer.overlaps(only(find("10 people")).interval)
    assert fewer.overlaps(only(find("9 people")).interval)


def test_qualifier_after_an_opening_parenthesis(find):
    m = only(find("The force (more than 2,000 troops) arrived."))
    assert m.qualifier == "more_than"


def test_qualifier_after_an_unspaced_em_dash(find):
    m = only(find("The force—more than 2,000 troops—arrived."))
    assert m.qualifier == "more_than"


def test_hyphenated_odd_is_approximate(find):
    m = only(find("Then 40-odd houses burned."))
    assert m.qualifier == "approx"
    assert m.low == 40 and m.high > 40


def test_spaced_odd_is_approximate(find):
    m = only(find("Then 40 odd houses burned."))
    assert m.qualifier == "approx"
    assert m.low == 40 and m.high > 40


# -- percent, money, multipliers, vague ----------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("64.5 percent", 64.5), ("58%", 58), ("3 per cent", 3), ("2 percentage points", 2), ("twelve percent", 12),
])
def test_percentages(find, phrase, value):
    m = only(find(f"Turnout was {phrase} in the city."))
    assert (m.text, m.value, m.kind, m.unit) == (phrase, value, "percent", "percent")


@pytest.mark.parametrize("phrase, value, code", [
    ("$4.2bn", 4200000000, "USD"),
    ("€300 million", 300000000, "EUR"),
    ("£5m", 5000000, "GBP"),
    ("US$12 million", 12000000, "USD"),
    ("EUR 300 million", 300000000, "EUR"),
    ("USD 40", 40, "USD"),
    ("15 billion tenge", 15000000000, "KZT"),
    ("200 euros", 200, "EUR"),
    ("4.2 million dollars", 4200000, "USD"),
    ("3 mln rubles", 3000000, "RUB"),
])
def test_money(find, phrase, value, code):
    m = only(find(f"The bank lent {phrase} to the city."))
    assert (m.text, m.value, m.kind, m.unit) == (phrase, value, "money", code)


def test_qualifier_before_a_currency_sign(find):
    m = only(find("The bank lent more than $4 million."))
    assert (m.kind, m.unit, m.qualifier, m.low, m.low_exclusive) == ("money", "USD", "more_than", 4000000, True)


@pytest.mark.parametrize("phrase, value", [
    ("twofold", 2), ("3-fold", 3), ("three times", 3), ("doubled", 2), ("halved", 0.5), ("tenfold", 10),
])
def test_multipliers(find, phrase, value):
    m = only(find(f"Officials said costs {phrase} this year." if phrase in ("doubled", "halved")
                  else f"Officials saw a {phrase} rise this year."))
    assert (m.text, m.value, m.kind, m.unit) == (phrase, value, "multiplier", "times")


@pytest.mark.parametrize("phrase, low, high", [
    ("Dozens", 24, 144), ("hundreds", 200, 1000), ("thousands", 2000, 10000),
    ("tens of thousands", 20000, 100000), ("hundreds of thousands", 200000, 1000000),
])
def test_vague_quantities_are_ranges(find, phrase, low, high):
    m = only(find(f"{phrase} of people came."))
    assert m.text == phrase
    assert (m.qualifier, m.low, m.high, m.low_exclusive, m.high_exclusive) == ("range", low, high, False, True)


# -- what is not a quantity ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Call +7 (495) 123-45-67 for details.",
    "Call (202) 555-0143 for details.",
    "The talks began at 14:30 and ended at 9.30 am.",
    "The curfew starts at 10pm sharp.",
    "See https://example.org/2024/05/17 for the list.",
    "Write to desk2024@example.org with tips.",
    "The COVID-19 rules and the MH17 file came up at the G20.",
    "The 3rd and 17th brigades moved.",
    "Version 2.1.3 of the app crashed.",
    "Protesters used #Protest2022 online.",
])
def test_masked_numbers_are_not_read(find, text):
    assert find(text) == []


@pytest.mark.parametrize("text, absent", [
    ("The treaty's Article 5 applies.", [5]),
    ("Under Articles 2 and 4 the parties consult.", [2, 4]),
    ("Paragraphs 3, 5 and 7 were struck out.", [3, 5, 7]),
    ("Flight 17 was delayed.", [17]),
    ("See page 12 of the report.", [12]),
    ("Resolution 2231 was cited.", [2231]),
])
def test_labels_are_not_quantities(find, text, absent):
    values = [m.value for m in find(text)]
    assert not set(values) & set(absent), values


def test_a_label_does_not_hide_a_following_count(find):
    values = [m.value for m in find("Under Article 5, page 12 of the report lists 40 sites.")]
    assert values == [40]


@pytest.mark.parametrize("text", [
    "In 2021 the talks began.",
    "The 2022 protests were large.",
    "The force has been there since 1998, officials said.",
])
def test_years_are_not_counts(vocab, text):
    assert [c for c in claims(vocab, text) if c.kind == "quantity"] == []


def test_year_and_count_side_by_side(vocab):
    found = claims(vocab, "In 2021 the UN sent 2000 peacekeepers to the region.")
    assert [(c.value, c.unit) for c in found if c.kind == "quantity"] == [(2000, "personnel")]


def test_year_before_a_comma_then_a_count(vocab):
    found = claims(vocab, "In 2021, 2000 peacekeepers arrived in the country.")
    assert [c.value for c in found if c.kind == "quantity"] == [2000]


def test_zero_words_count_only_before_a_known_thing(vocab):
    found = claims(vocab, "There were no losses among personnel, and there is no doubt about it.")
    zeros = [c for c in found if c.kind == "quantity"]
    assert len(zeros) == 1
    assert zeros[0].value == 0 and zeros[0].property == "losses"
    assert "doubt" not in zeros[0].text


def test_expression_span_covers_qualifier_and_number(find):
    text = "Officials said more than 2,000 soldiers came."
    m = only(find(text))
    assert text[m.start : m.end] == "more than 2,000"
    assert text[m.core_start : m.core_end] == "2,000"


# -- dozens, pronouns, numerals with scale words, ratios -----------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("three dozens", 36), ("3 dzs", 36), ("two dozen", 24), ("three hundred and two dozen", 324),
])
def test_dozens_after_a_number(find, phrase, value):
    assert [(m.text, m.value) for m in find(f"They sold {phrase} eggs.")] == [(phrase, value)]


def test_dozens_alone_stay_vague(find):
    m = only(find("Dozens of people gathered."))
    assert (m.low, m.qualifier) == (24, "range")


@pytest.mark.parametrize("text", [
    "The one you mentioned is wrong.", "Which one do you prefer?", "That one is good.", "Each one of them left.",
])
def test_one_after_a_determiner_is_a_pronoun(find, text):
    assert find(text) == []


def test_one_as_a_count_stays(find):
    assert [m.value for m in find("Police said one of the victims died.")] == [1]
    assert [(m.value, m.unit) for m in find("That one mile took an hour.")] == [(1, "mile")]
    assert [m.value for m in find("The one hundred soldiers left.")] == [100]


@pytest.mark.parametrize("phrase, value", [
    ("4 thousand 3 hundred and 21", 4321), ("3 hundred and 21", 321), ("6 crore and two hundred", 60000200),
])
def test_numerals_with_scale_words_and_smaller_parts(find, phrase, value):
    assert [(m.text, m.value) for m in find(f"Officials counted {phrase} boxes.")] == [(phrase, value)]


def test_parts_join_only_below_the_last_scale_and_after_a_whole_numeral(find):
    assert [m.value for m in find("It had 2.5 million 300 of them.")] == [2500000, 300]
    assert [m.value for m in find("In 4000 3 hundred and 21 remained.")] == [4000, 321]


@pytest.mark.parametrize("phrase, value", [("One in five", 0.2), ("1 in 10", 0.1), ("nine in 10", 0.9)])
def test_n_in_m_is_a_share(find, phrase, value):
    m = only(find(f"{phrase} children live in poverty."))
    assert (m.text, m.value, m.kind) == (phrase, value, "fraction")


@pytest.mark.parametrize("text", ["He scored 2 in 10 minutes.", "They lost 3 in 2019.", "He scored 4 in 5 games."])
def test_n_in_m_is_no_share_before_time_words_or_a_year(find, text):
    assert all(m.kind == "number" for m in find(text))


# -- bounds ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase", [
    ("The toll is equal to 20, officials said.", "equal to 20"), ("Losses equal 300 soldiers.", None),
    ("The number equals 20.", "equals 20"),
])
def test_stated_equality_is_exact(find, text, phrase):
    m = only(find(text))
    assert (m.qualifier, m.low, m.high) == ("exact", m.value, m.value)
    if phrase:
        assert m.text == phrase


def test_a_comparison_sign_after_another_is_no_bound(find):
    assert only(find("Cases <>30 were dropped.")).qualifier == "exact"
    assert only(find("Cases >30 were kept.")).qualifier == "more_than"


def test_or_equal_to_a_next_number_belongs_to_that_number(find):
    found = find("His score is more than 5000 or equal to 6000.")
    assert [(m.text, m.qualifier) for m in found] == [("more than 5000", "more_than"), ("equal to 6000", "exact")]
    assert only(find("Losses were less than 5,000 or equal.")).qualifier == "at_most"


def test_a_dangling_or_greater_than_is_a_bound(find):
    m = only(find("His score is 200 or greater than."))
    assert (m.qualifier, m.low, m.high) == ("at_least", 200, None)
    assert [m.qualifier for m in find("20 or more than 30 ships.")] == ["exact", "more_than"]


def test_tilde_between_numbers_is_a_range(find):
    m = only(find("Prices are 20~100 dollars a night."))
    assert (m.low, m.high, m.qualifier) == (20, 100, "range")


# -- currencies ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, code", [
    ("They lost 75 USD million last year.", 75000000, "USD"),
    ("Losses exceeded 30 MUSD last year.", 30000000, "USD"),
    ("Revenues reached MEUR 120 last year.", 120000000, "EUR"),
    ("The fee is 115USD per night.", 115, "USD"),
    ("The cost is 100元 per night.", 100, "CNY"),
    ("It costs 15 dollars 50.", 15.5, "USD"),
    ("It costs 17 USD and 25.", 17.25, "USD"),
])
def test_currency_forms(find, text, value, code):
    m = only(find(text))
    assert (m.value, m.unit, m.kind) == (value, code, "money")


def test_dollars_and_a_number_that_goes_on_are_not_cents(find):
    assert [m.value for m in find("They paid 20 dollars and 30 others paid 40 dollars.")] == [20, 30, 40]


def test_the_expression_without_its_qualifier_is_kept(find):
    text = "Sales were about $ 14 million last year."
    m = only(find(text))
    assert m.text == "about $ 14 million"
    assert text[m.bare_start : m.end] == "$ 14 million"


def test_percents_plural(find):
    m = only(find("Turnout was one hundred percents."))
    assert (m.value, m.kind) == (100, "percent")


def test_an_ordinal_after_and_is_no_fraction(find):
    assert find("They marked the one hundred and fifth anniversary.") == []
    assert [m.value for m in find("Two and three quarters of the cake were eaten.")] == [2.75]


# -- shares, tallies, lists, decimal commas, spaced signs (issue 7, second round) -----------

@pytest.mark.parametrize("phrase, value", [
    ("one out of four", 0.25), ("Three out of 10", 0.3), ("two out of five hundred", 0.004),
    ("one in every 20", 0.05), ("nine out of every hundred", 0.09),
])
def test_n_out_of_m_is_a_share(find, phrase, value):
    m = only(find(f"{phrase} households lacked heating."))
    assert (m.text, m.kind) == (phrase, "fraction")
    assert m.value == pytest.approx(value)


def test_a_share_over_a_base_that_is_no_round_one_keeps_its_parts(find):
    m = only(find("The bloc took 154 out of 450 seats."))
    assert [(p.text, p.value) for p in m.parts] == [("154", 154), ("450", 450)]
    assert only(find("Seven out of 10 voters agreed.")).parts == ()


def test_a_tally_of_counted_things_is_claimed_as_two_counts(vocab):
    found = [(c.value, c.measure, c.unit, c.revision) for c in claims(vocab, "The bloc took 154 out of 450 seats.")
             if c.kind == "quantity"]
    assert found == [(154, "count", "seats", None), (450, "count", "seats", "whole")]  # the 450 is the whole
    share = [(c.value, c.measure) for c in claims(vocab, "Seven out of 10 voters agreed.") if c.kind == "quantity"]
    assert share == [(0.7, "fraction")]


@pytest.mark.parametrize("phrase, value", [
    ("one over four", 0.25), ("1 over 8", 0.125), ("3 over twenty", 0.15), ("negative one over 20", -0.05),
])
def test_n_over_m_ending_the_clause_is_a_fraction(find, phrase, value):
    m = only(find(f"The ratio was {phrase}."))
    assert m.text == phrase and m.value == pytest.approx(value)


@pytest.mark.parametrize("text", [
    "Over 300 people came.", "Prices rose 3 over 20 years.", "They sold 5 over 2,000 tickets.", "It was 40 over 30.",
])
def test_over_elsewhere_is_no_fraction(find, text):
    assert all(m.kind != "fraction" for m in find(text))


@pytest.mark.parametrize("phrase, value", [
    ("two and fifty-four hundredths", 2.54), ("seven and twenty-one hundredths", 7.21),
    ("three hundred and forty-five hundredths", 300.45),
])
def test_a_whole_number_and_a_fraction_in_words(find, phrase, value):
    m = only(find(f"The gauge showed {phrase}."))
    assert m.text == phrase and m.value == pytest.approx(value)


def test_a_compound_singular_denominator_after_a(find):
    m = only(find("Each heir got a twenty-first."))
    assert m.value == pytest.approx(1 / 21)
    assert find("It was a twenty-first century war.") == []
    assert [(m.text, m.kind) for m in find("They won a two-thirds majority.")] == [("two-thirds", "fraction")]


@pytest.mark.parametrize("text, values", [
    ("Exercises 7,9,13,28 were set.", [7, 9, 13, 28]), ("Pupils of years 2,3,4 and 5 took part.", [2, 3, 4, 5]),
])
def test_numbers_listed_without_spaces(find, text, values):
    assert [m.value for m in find(text)] == values


def test_a_listed_label_stays_a_label(find):
    assert find("Articles 1,2,3 apply.") == []
    assert find("Nos. 4,5 were closed.") == []


@pytest.mark.parametrize("text, value", [
    ("Write 7,00 in the box.", 7), ("The factor is 2,5 here.", 2.5), ("It cost 1.234,56 euros.", 1234.56),
    ("Losses hit 1,5 million euros.", 1500000),
])
def test_decimal_comma_where_no_thousands_reading_is_possible(find, text, value):
    assert only(find(text)).value == pytest.approx(value)


def test_thousands_commas_stay_thousands(find):
    assert [m.value for m in find("They paid 1,300 dollars and 12,500 more.")] == [1300, 12500]


@pytest.mark.parametrize("text, value", [("x = - 5", -5), ("The change (- 2.5 percent) was small.", -2.5)])
def test_a_spaced_sign_after_an_operator_or_bracket(find, text, value):
    assert only(find(text)).value == value


@pytest.mark.parametrize("text", ["- 12 soldiers were hurt.", "The toll - 10 people - rose.", "Note: - 7 left."])
def test_a_spaced_dash_elsewhere_is_no_sign(find, text):
    assert only(find(text)).value > 0


def test_percentage_after_a_number(find):
    m = only(find("Support fell by a 12 percentage margin."))
    assert (m.value, m.kind) == (12, "percent")
    assert only(find("It rose 3 percentage points.")).text == "3 percentage points"


# -- the accuracy benchmark's NumberModel view (benchmarks/accuracy.py) ----------------------

@pytest.mark.parametrize("text, digits, shape", [
    ("The server at 10.20.30.40 went down.", "30", "IP address"),
    ("Call +44 20 7946 0958 today.", "7946", "phone number"),
    ("Call 555-010-4477 today.", "010", "phone number"),
    ("The MH-17 report and COVID-19 rules.", "17", "identifier code"),
    ("Talks were held on 11/23/2021.", "23", "numeric date"),
    ("Talks were held on 2021-11-23.", "2021", "numeric date"),
])
def test_benchmark_leaves_out_digits_that_are_no_quantity(accuracy_harness, text, digits, shape):
    at = text.index(digits)
    assert accuracy_harness.not_quantity(text, (at, at + len(digits))) == shape


@pytest.mark.parametrize("text", ["Turnout was 64.5 percent.", "They paid 1,250,000 dollars.", "Scores were 3-1 and 2/3."])
def test_benchmark_keeps_ordinary_figures(accuracy_harness, text):
    assert all(accuracy_harness.not_quantity(text, (m.core_start, m.core_end)) is None
               for m in load_rules().compiled.numbers.find(text))


def test_benchmark_number_view_leaves_out_glued_measures(accuracy_harness, vocab):
    assert [r.text for r in accuracy_harness.number_readings(vocab, "A 250ml bottle and 3 litres.")] == ["3"]
    assert [r.value for r in accuracy_harness.number_readings(vocab, "They raised 10k and 2.5bn.")] == [10000, 2500000000]
