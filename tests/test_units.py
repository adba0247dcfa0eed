"""Units of measurement after a number (rules/units.toml): which unit, and where the measure ends."""

from __future__ import annotations

import pytest

from consistency.articles import article_from_text
from consistency.extract.pipeline import extract_claims
from consistency.rules import load_rules


@pytest.fixture(scope="module")
def find(vocab):
    return vocab.numbers.find


def measures(find, text):
    """(measure text, value, unit, kind) of every reading."""
    return [(text[m.start : m.measure_end], m.value, m.unit, m.kind) for m in find(text)]


def claims(vocab, text):
    return extract_claims(article_from_text("Headline\n\n" + text + "\n", vocab), vocab)


@pytest.mark.parametrize("text, measure, value, unit", [
    ("The storm left 40 cm of snow.", "40 cm", 40, "centimeter"),
    ("Winds reached 120 km/h overnight.", "120 km/h", 120, "kilometer per hour"),
    ("Gusts of 75 mph were recorded.", "75 mph", 75, "mile per hour"),
    ("The fire burned 3,000 square kilometres of forest.", "3,000 square kilometres", 3000, "square kilometer"),
    ("The fire burned 450 sq km of forest.", "450 sq km", 450, "square kilometer"),
    ("They bought a 45-acre farm.", "45-acre", 45, "acre"),
    ("Police seized 10kg of heroin.", "10kg", 10, "kilogram"),
    ("Temperatures fell to -12°C at night.", "-12°C", -12, "celsius"),
    ("Water boils at 100° Celsius here.", "100° Celsius", 100, "celsius"),
    ("The ship sailed at 18 knots.", "18 knots", 18, "knot"),
    ("The plant adds 450 MW to the grid.", "450 MW", 450, "megawatt"),
    ("The leak exposed 2 TB of records.", "2 TB", 2, "terabyte"),
    ("Exports reached 34,500 metric tons of copper.", "34,500 metric tons", 34500, "metric ton"),
    ("The island covers 190 km2 in all.", "190 km2", 190, "square kilometer"),
])
def test_unit_is_read_and_spanned(find, text, measure, value, unit):
    assert measures(find, text) == [(measure, value, unit, "number")]


def test_every_unit_names_its_dimension(vocab):
    dimensions = vocab.numbers.unit_dimensions
    assert dimensions, "units.toml lists units"
    assert all(dimensions.values()), [u for u, d in dimensions.items() if not d]
    assert set(vocab.numbers.unit_names.values()) <= set(dimensions)
    assert set(vocab.numbers.unit_symbols.values()) <= set(dimensions)


def test_the_counted_thing_follows_a_unit_of_several_words(vocab):
    found = {c.measure: c.unit for c in claims(vocab, "Rescuers searched 3,000 square kilometres of forest.")}
    assert found == {"square kilometer": "forest"}


def test_a_fraction_with_a_unit_is_a_measure(find):
    assert measures(find, "The convoy stretched half a mile.") == [("half a mile", 0.5, "mile", "number")]
    assert measures(find, "They ran 1/4 mile.") == [("1/4 mile", 0.25, "mile", "number")]


def test_pounds_are_a_weight_only_when_the_clause_speaks_of_weight(find):
    text = "The haul weighed 700 pounds, while the club paid 30 million pounds for him."
    assert [(m.value, m.kind, m.unit) for m in find(text)] == [(700, "number", "pound"), (30000000, "money", "GBP")]


@pytest.mark.parametrize("text, measure, value", [
    ("The suspect is 6 feet 2 inches tall.", "6 feet 2 inches", 6 + 2 / 12),
    ("He is 5 ft 6 in, police said.", "5 ft 6 in", 5.5),
    ("The baby weighed 7 pounds and 8 ounces.", "7 pounds and 8 ounces", 7.5),
])
def test_compound_measures_are_one_measure(find, text, measure, value):
    [(got, got_value, _, _)] = measures(find, text)
    assert got == measure
    assert got_value == pytest.approx(value)


def test_in_is_an_inch_only_inside_a_compound(find):
    assert [m.value for m in find("He is 6 feet, and 5 in 10 people agree.")] == [6, 0.5]


def test_metric_measures_are_not_compounded(find):
    assert [m.value for m in find("The wall is 12 m 2 dm long.")] == [12, 2]


def test_two_measures_in_different_units_are_no_range(find):
    assert [(m.value, m.unit) for m in find("Patients got from 44 ml to 50 mg of it.")] == [
        (44, "milliliter"), (50, "milligram")]
    assert find("between 44 mg and 50 mg")[0].qualifier == "range"


def test_a_percent_and_a_measure_are_no_range(find):
    found = find("Output rose by 25% to 34,500 tonnes of copper.")
    assert [(m.value, m.kind, m.unit) for m in found] == [(25, "percent", "percent"), (34500, "number", "ton")]


def test_article_a_counts_one_unit_only_before_listed_units(find):
    assert measures(find, "They need a gallon of fuel.") == [("a gallon", 1, "gallon", "number")]
    assert [(m.value, m.unit) for m in find("Oh look, a penny!")] == [(1, "pence")]
    assert find("The minister took a ton of criticism.") == []


def test_identifiers_stay_masked_while_unit_symbols_with_digits_are_read(find):
    assert find("The MH17 file and COVID-19 rules.") == []
    assert [(m.value, m.unit) for m in find("A 24703m2 plot.")] == [(24703, "square meter")]


def test_glued_capital_letters_are_scales_and_spaced_m_is_metres(find):
    assert [(m.value, m.unit) for m in find("The app has 10M users.")] == [(10000000, None)]
    assert [(m.value, m.unit) for m in find("The firm is worth 1.2b.")] == [(1200000000, None)]
    assert [(m.value, m.unit) for m in find("The barrier is 5 m high.")] == [(5, "meter")]


def test_the_unit_rules_come_from_units_toml(vocab):
    rules = load_rules()
    assert "units" in rules.data
    assert "units" not in rules["numbers"], "units live in units.toml, not numbers.toml"
    spec = rules["units"]["units"]["kilometer"]
    assert spec["dimension"] == "length" and "km" in spec["symbols"]


# -- the accuracy benchmark's views of these readings (benchmarks/accuracy.py) ----------------

def test_dimension_view_keeps_measures_with_their_unit_and_no_temperatures(accuracy_harness, vocab):
    text = "About 40 cm of snow fell on 3 roads at -5°C."
    got = [(r.text, r.value, r.unit) for r in accuracy_harness.dimension_readings(vocab, text)]
    assert got == [("40 cm", 40, "centimeter")]


def test_range_end_convention_only_forgives_the_upper_end(accuracy_harness):
    gold = accuracy_harness.Gold(0, 5, "20-30", low=20, high=30, high_ex=True)
    ours = accuracy_harness.Reading(0, 5, "20-30", 25, low=20, high=30, qualifier="range")
    assert accuracy_harness.inclusive_range_end(gold, ours)
    assert not accuracy_harness.inclusive_range_end(gold, accuracy_harness.Reading(0, 5, "20-30", 25, low=20, high=31, qualifier="range"))
    assert not accuracy_harness.inclusive_range_end(gold, accuracy_harness.Reading(0, 5, "<30", 30, low=20, high=30, qualifier="at_most"))


def test_currency_view_leaves_the_qualifier_out(accuracy_harness, vocab):
    assert [r.text for r in accuracy_harness.money_readings(vocab, "Sales were about $ 14 million.")] == ["$ 14 million"]
