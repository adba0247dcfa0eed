"""The comparator on hand-built claims: what is compared with what, and the verdicts."""

from __future__ import annotations

import random
from datetime import date

import pytest

from consistency.api import CheckOptions, check
from consistency.claims import Claim
from consistency.compare import compare, corpus_year, place_yearless
from consistency.rules import load_rules


@pytest.fixture(scope="module")
def vocab():
    return load_rules().compiled


def qty(id, article, value, *, low="=", high="=", qualifier="exact", unit="personnel", prop="present",
        owner=None, measure="count", low_ex=False, high_ex=False, offset=0):
    return Claim(
        article=article, kind="quantity", text=f"{value} {unit}", sentence=f"There were {value} {unit}.", line=1,
        start=1, end=2, value=value, low=value if low == "=" else low, high=value if high == "=" else high,
        qualifier=qualifier, unit=unit, measure=measure, property=prop, owner=owner, attribution=None,
        low_exclusive=low_ex, high_exclusive=high_ex, id=id, offset=offset,
    )


def more_than(id, article, value, **kw):
    return qty(id, article, value, low=value, high=None, qualifier="more_than", low_ex=True, **kw)


def day(id, article, iso, *, unit="withdrawal", prop="start", low=None, high=None, owner=None, offset=0):
    return Claim(
        article=article, kind="date", text=iso, sentence=f"It began on {iso}.", line=1, start=1, end=2,
        value=iso if low is None else None, low=low or iso, high=high or iso, qualifier="exact" if low is None else "range",
        unit=unit, measure=None, property=prop, owner=owner, attribution=None, id=id, offset=offset,
    )


def verdicts(findings):
    return sorted((f.verdict, f.claims) for f in findings)


# -- intervals -------------------------------------------------------------------------------

def test_equal_exact_figures_agree():
    (f,) = compare([qty("c1", "a", 2030), qty("c2", "b", 2030)])
    assert f.verdict == "agreement" and f.claims == ("c1", "c2") and f.articles == ("a", "b")


def test_different_exact_figures_are_a_discrepancy_with_the_gap():
    (f,) = compare([qty("c1", "a", 2030), qty("c2", "b", 1500)])
    assert f.verdict == "discrepancy"
    assert f.difference == 530


def test_more_than_2000_against_exactly_2000_is_a_discrepancy():
    (f,) = compare([more_than("c1", "a", 2000), qty("c2", "b", 2000)])
    assert f.verdict == "discrepancy"


def test_more_than_2000_against_2030_agrees():
    (f,) = compare([more_than("c1", "a", 2000), qty("c2", "b", 2030)])
    assert f.verdict == "agreement"


def test_at_least_2000_against_2000_agrees():
    (f,) = compare([qty("c1", "a", 2000, low=2000, high=None, qualifier="at_least"), qty("c2", "b", 2000)])
    assert f.verdict == "agreement"


def test_fewer_than_10_against_10_is_a_discrepancy():
    fewer = qty("c1", "a", 10, low=None, high=10, qualifier="less_than", high_ex=True, unit="people", prop="killed")
    (f,) = compare([fewer, qty("c2", "b", 10, unit="people", prop="killed")])
    assert f.verdict == "discrepancy"


def test_two_open_bounds_pointing_apart_are_a_discrepancy():
    below = qty("c1", "a", 100, low=None, high=100, qualifier="less_than", high_ex=True)
    above = more_than("c2", "b", 200)
    (f,) = compare([below, above])
    assert f.verdict == "discrepancy" and f.difference == 100


def test_approximate_figures_overlap():
    about = qty("c1", "a", 250, low=225, high=275, qualifier="approx", unit="vehicles")
    (f,) = compare([about, qty("c2", "b", 270, unit="vehicles")])
    assert f.verdict == "agreement"


def test_one_article_alone_is_unique_even_with_two_readings():
    (f,) = compare([qty("c1", "a", 2030), qty("c2", "a", 1500, offset=40)])
    assert f.verdict == "unique"


def test_discrepancy_between_two_articles_ignores_a_third_that_agrees_with_one():
    found = compare([qty("c1", "a", 2030), qty("c2", "b", 2030), qty("c3", "c", 1500)])
    assert [(f.verdict, f.claims) for f in found] == [("discrepancy", ("c1", "c2", "c3"))]
    assert "1,500" in found[0].explanation and "2,030" in found[0].explanation


# -- what is compared with what ------------------------------------------------------------------

def test_different_properties_are_never_compared():
    found = compare([qty("c1", "a", 2030, prop="present"), qty("c2", "b", 2500, prop="approved")])
    assert verdicts(found) == [("unique", ("c1",)), ("unique", ("c2",))]


def test_different_things_and_measures_are_never_compared():
    found = compare([
        qty("c1", "a", 250, unit="vehicles"), qty("c2", "b", 300, unit="equipment"),
        qty("c3", "c", 40, unit="cost", measure="USD", prop="cost"), qty("c4", "d", 40, unit="cost", measure="EUR", prop="cost"),
    ])
    assert all(f.verdict == "unique" for f in found)
    assert len(found) == 4


def test_claim_without_property_joins_the_only_property_of_its_thing():
    found = compare([qty("c1", "a", 2030, prop=None), qty("c2", "b", 2500, prop="approved")])
    (f,) = found
    assert f.verdict == "discrepancy" and f.property == "approved" and f.claims == ("c1", "c2")


def test_claim_without_property_stays_apart_when_its_thing_has_two():
    found = compare([qty("c1", "a", 2030, prop=None), qty("c2", "b", 2500, prop="approved"),
                     qty("c3", "c", 3600, prop="total")])
    assert all(f.verdict == "unique" for f in found)
    assert len(found) == 3


def test_claims_without_unit_or_unresolved_dates_are_not_compared():
    no_unit = qty("c1", "a", 40, unit=None)
    unresolved = Claim(article="b", kind="date", text="yesterday", sentence="s", line=1, start=1, end=2, value=None,
                       low=None, high=None, qualifier="exact", unit="withdrawal", measure=None, property="start",
                       owner=None, attribution=None, resolved=False, id="c2")
    assert compare([no_unit, unresolved]) == []


# -- owners ---------------------------------------------------------------------------------------

def test_owner_names_that_contain_each_other_are_one_cluster():
    (f,) = compare([qty("c1", "a", 2030, owner="CSTO"), qty("c2", "b", 2030, owner="CSTO Collective Security Council")])
    assert f.verdict == "agreement"
    assert f.owner == "CSTO Collective Security Council"


def test_different_owners_are_kept_apart():
    found = compare([qty("c1", "a", 2030, owner="CSTO"), qty("c2", "b", 500, owner="NATO")])
    assert verdicts(found) == [("unique", ("c1",)), ("unique", ("c2",))]
    assert {f.owner for f in found} == {"CSTO", "NATO"}


def test_unnamed_claim_joins_the_only_owner_cluster():
    (f,) = compare([qty("c1", "a", 2030, owner="CSTO"), qty("c2", "b", 1500)])
    assert f.verdict == "discrepancy" and f.claims == ("c1", "c2")


def test_unnamed_claim_with_two_named_clusters_stays_apart():
    found = compare([qty("c1", "a", 2030, owner="CSTO"), qty("c2", "b", 500, owner="NATO"), qty("c3", "c", 700)])
    assert verdicts(found) == [("unique", ("c1",)), ("unique", ("c2",)), ("unique", ("c3",))]


def test_owner_spelling_variants_meet_through_fuzzy_matching():
    (f,) = compare([qty("c1", "a", 2030, owner="Collective Security Treaty Organization"),
                    qty("c2", "b", 2030, owner="Collective Security Treaty Organisation")])
    assert f.verdict == "agreement"


# -- relations -------------------------------------------------------------------------------------

def test_present_above_approved_violates_the_relation(vocab):
    found = compare([qty("c1", "a", 3000, prop="present"), qty("c2", "b", 2500, prop="approved")],
                    relations=vocab.relations)
    rel = [f for f in found if f.property == "present<=approved"]
    assert len(rel) == 1
    assert rel[0].verdict == "discrepancy" and rel[0].claims == ("c1", "c2")


def test_present_below_approved_is_noted_as_consistent(vocab):
    found = compare([qty("c1", "a", 2030, prop="present"), qty("c2", "b", 2500, prop="approved")],
                    relations=vocab.relations)
    assert all(f.verdict == "unique" for f in found)
    for f in found:
        assert any("consistent with" in n for n in f.notes), f


def test_relation_with_open_bounds_uses_the_strict_bound(vocab):
    # "more than 2,500 present" against "2,500 approved": present must exceed the ceiling.
    found = compare([more_than("c1", "a", 2500, prop="present"), qty("c2", "b", 2500, prop="approved")],
                    relations=vocab.relations)
    assert any(f.verdict == "discrepancy" and f.property == "present<=approved" for f in found)


def test_relations_are_only_checked_for_the_same_thing(vocab):
    found = compare([qty("c1", "a", 3000, prop="present", unit="vehicles"), qty("c2", "b", 2500, prop="approved")],
                    relations=vocab.relations)
    assert all(f.verdict == "unique" for f in found)


# -- dates ----------------------------------------------------------------------------------------

def test_dates_agree_on_the_same_day():
    (f,) = compare([day("c1", "a", "2022-01-13"), day("c2", "b", "2022-01-13")])
    assert f.verdict == "agreement"


def test_dates_a_day_apart_are_a_discrepancy_of_one_day():
    (f,) = compare([day("c1", "a", "2022-01-13"), day("c2", "b", "2022-01-14")])
    assert f.verdict == "discrepancy" and f.difference == 1
    assert "1 day" in f.explanation


def test_a_day_inside_a_month_agrees_with_the_month():
    month = day("c2", "b", None, low="2022-01-01", high="2022-01-31")
    (f,) = compare([day("c1", "a", "2022-01-13"), month])
    assert f.verdict == "agreement"


def test_start_and_end_of_an_event_are_not_compared():
    found = compare([day("c1", "a", "2022-01-13", prop="start"), day("c2", "b", "2022-01-19", prop="end")])
    assert all(f.verdict == "unique" for f in found)


def test_yearless_dates_take_the_corpus_year_with_a_note():
    yearless = Claim(article="b", kind="date", text="Jan. 13", sentence="s", line=1, start=1, end=2, value="--01-13",
                     low=None, high=None, qualifier="exact", unit="withdrawal", measure=None, property="start",
                     owner=None, attribution=None, resolved=False, id="c2", weekday="Thursday")
    year, why = corpus_year([date(2022, 1, 20), None], [])
    assert year == 2022
    (placed,) = place_yearless([yearless], year, why)
    assert placed.value == "2022-01-13" and placed.resolved
    assert "2022" in placed.note
    assert placed.weekday_conflict is None  # January 13, 2022 was a Thursday
    (f,) = compare([day("c1", "a", "2022-01-13"), placed])
    assert f.verdict == "agreement"


def test_yearless_date_with_the_wrong_weekday_for_the_corpus_year_is_flagged():
    yearless = Claim(article="b", kind="date", text="Friday, Jan. 13", sentence="s", line=1, start=1, end=2,
                     value="--01-13", low=None, high=None, qualifier="exact", unit="withdrawal", measure=None,
                     property="start", owner=None, attribution=None, resolved=False, id="c2", weekday="Friday")
    (placed,) = place_yearless([yearless], 2022, "the publication dates of the other articles")
    assert placed.weekday_conflict and "Thursday" in placed.weekday_conflict


def test_corpus_year_from_dates_when_no_publication_date():
    year, why = corpus_year([None, None], [day("c1", "a", "2021-06-01"), day("c2", "b", "2021-07-01")])
    assert year == 2021 and "dates" in why


def test_yearless_date_through_the_api(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2022-01-20\n---\nTroops leave the capital city\n\n"
                                   "The withdrawal began on January 13, 2022, officials said.\n")
    (tmp_path / "b.txt").write_text("Troops leave the capital city\n\nThe withdrawal began on Jan. 13, officials said.\n")
    report = check([tmp_path], CheckOptions())
    b_date = next(c for c in report.claims if c.article == "b" and c.kind == "date")
    assert b_date.value == "2022-01-13"
    assert "2022" in b_date.note and "assumed" in b_date.note
    assert [f.verdict for f in report.findings if f.kind == "date"] == ["agreement"]


# -- order and ids ---------------------------------------------------------------------------------

def mixed_claims():
    return [
        qty("c1", "a", 2000), qty("c2", "b", 1500), qty("c3", "c", 2500),
        qty("c4", "a", 3000, prop="approved"), qty("c5", "b", 2600, prop="approved"),
        qty("c6", "c", 12, unit="vehicles", prop=None), qty("c7", "a", 14, unit="vehicles", prop=None),
        day("c8", "a", "2022-01-13"), day("c9", "b", "2022-01-14"), day("c10", "c", "2022-01-13"),
        qty("c11", "a", 40, unit="aircraft", owner="CSTO"), qty("c12", "b", 40, unit="aircraft", owner="Russia"),
        qty("c13", "a", 5000, prop="present", unit="police"), qty("c14", "b", 4000, prop="approved", unit="police"),
        qty("c15", "c", 4500, prop="approved", unit="police"), qty("c16", "d", 7, unit="boats"),
    ]


def test_findings_are_ordered_by_verdict_and_numbered(vocab):
    found = compare(mixed_claims(), relations=vocab.relations)
    order = {"discrepancy": 0, "update": 1, "agreement": 2, "unique": 3}
    ranks = [order[f.verdict] for f in found]
    assert ranks == sorted(ranks)
    assert [f.id for f in found] == [f"f{i}" for i in range(1, len(found) + 1)]


def test_findings_do_not_depend_on_input_order_in_verdicts_claims_and_ids(vocab):
    def key(findings):
        return [(f.id, f.verdict, f.topic, f.claims, f.articles, f.property, f.owner, f.difference, f.notes)
                for f in findings]

    base = key(compare(mixed_claims(), relations=vocab.relations))
    for seed in range(20):
        shuffled = mixed_claims()
        random.Random(seed).shuffle(shuffled)
        assert key(compare(shuffled, relations=vocab.relations)) == base, seed


def test_findings_do_not_depend_on_input_order_at_all(vocab):
    base = [f.to_dict() for f in compare(mixed_claims(), relations=vocab.relations)]
    for seed in range(20):
        shuffled = mixed_claims()
        random.Random(seed).shuffle(shuffled)
        assert [f.to_dict() for f in compare(shuffled, relations=vocab.relations)] == base, seed


def test_check_is_the_same_whatever_order_the_paths_come_in(tmp_path):
    texts = {
        "harbour.txt": "Troops arrive\n\nMore than 2,000 troops were deployed in the country, officials said.\n",
        "coast.txt": "Troops arrive\n\nOfficials said 1,500 troops were deployed in the country.\n",
        "meridia.txt": "Troops arrive\n\nOfficials said 2,030 troops were deployed in the country.\n",
    }
    paths = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
        paths.append(tmp_path / name)
    first = check(paths, CheckOptions()).to_json()
    assert check(list(reversed(paths)), CheckOptions()).to_json() == first
    assert check([tmp_path], CheckOptions()).to_json() == first


# -- the most distant pair alone, when no update is judged ---------------------------------
def test_verdicts_from_the_widest_pair_equal_those_from_every_pair(monkeypatch):
    import consistency.compare as cmp

    timeline = cmp.Timeline(cumulative=frozenset({"killed"}),
                            published={f"a{k}": date(2024, 1, 1 + k) for k in range(7)})
    clusters = []
    for trial in range(400):
        rnd = random.Random(trial)
        articles = [f"a{k}" for k in range(rnd.randint(2, 7))]
        prop = rnd.choice(["present", "killed"])
        cluster = []
        for i in range(rnd.randint(2, 5) if trial % 2 else rnd.randint(2, 30)):
            value = rnd.choice([10, 12, 15, 20, 20.5, 31, 100])
            kind = rnd.random()
            if kind < 0.2:
                c = more_than(f"c{i}", rnd.choice(articles), value, prop=prop, offset=i)
            elif kind < 0.3:
                c = qty(f"c{i}", rnd.choice(articles), value, low=value - 2, high=value + 2, qualifier="approx",
                        prop=prop, offset=i)
            else:
                c = qty(f"c{i}", rnd.choice(articles), value, prop=prop, offset=i)
            cluster.append(c)
        clusters.append((cluster, prop))
    fast = [cmp._verdict(cluster, prop, timeline) for cluster, prop in clusters]
    shortcuts = []
    real = cmp._widest_pair
    monkeypatch.setattr(cmp, "_widest_pair", lambda readings: shortcuts.append(1) or None)
    assert [cmp._verdict(cluster, prop, timeline) for cluster, prop in clusters] == fast
    assert len(shortcuts) > 100  # the shortcut was asked for the non-cumulative clusters
    assert {f.verdict for f in fast} >= {"discrepancy", "agreement", "update"}
    monkeypatch.setattr(cmp, "_widest_pair", real)


def test_inferred_and_relation_findings_stay_within_each_of_many_stories(vocab):
    # many stories, each with a start, a duration, an end and a related pair of figures: the
    # findings are those of each story alone, whatever the number of stories
    def story(k):
        return [
            day(f"s{k}", f"x{k:03d}", "2024-01-13", unit="withdrawal", prop="start", offset=1),
            Claim(article=f"x{k:03d}", kind="duration", text="ten days", sentence="It will last ten days.", line=1,
                  start=1, end=2, value=10, low=10, high=10, qualifier="exact", unit="withdrawal", measure=None,
                  property=None, owner=None, attribution=None, id=f"d{k}", offset=2),
            day(f"e{k}", f"y{k:03d}", "2024-01-30" if k % 2 else "2024-01-22", unit="withdrawal", prop="end"),
            qty(f"p{k}", f"x{k:03d}", 3000 if k % 3 == 0 else 100, prop="present", offset=3),
            qty(f"q{k}", f"y{k:03d}", 2000, prop="approved", offset=3),
        ]
    one = compare(story(1), relations=vocab.relations, story_of={"x001": "x001", "y001": "x001"})
    claims = [c for k in range(300) for c in story(k)]
    story_of = {a: f"x{k:03d}" for k in range(300) for a in (f"x{k:03d}", f"y{k:03d}")}
    many = compare(claims, relations=vocab.relations, story_of=story_of)
    inferred = [f for f in many if f.inferred]
    assert len(inferred) == 300
    assert sum(f.verdict == "discrepancy" for f in inferred) == 150
    relation = [f for f in many if f.property and "<=" in f.property]
    assert len(relation) == 100  # present 3000 above approved 2000, in every third story
    one_relation = [f for f in one if f.notes]
    assert one_relation and all(any("consistent with" in n for n in f.notes) for f in one_relation)
    noted = [f for f in many if any("consistent with" in n for n in f.notes)]
    assert noted and all(len(f.notes) == 1 for f in noted)  # each finding only its own story's note


def test_relation_violations_found_without_pairing_everything():
    import consistency.compare as cmp

    def pairwise(lower, upper):
        violated = [(lo, up) for lo in lower for up in upper if cmp._violates(cmp.bounds(lo), cmp.bounds(up))]
        if not violated:
            return None
        return violated[0], sorted({c.id for pair in violated for c in pair})

    seen = set()
    for trial in range(600):
        rnd = random.Random(trial)
        def claim(k, prop):
            value = rnd.choice([5, 10, 10, 20, 30])
            shape = rnd.random()
            if shape < 0.25:
                return more_than(f"{prop}{k}", f"a{rnd.randrange(4)}", value, prop=prop, offset=k)
            if shape < 0.4:  # "fewer than": an excluded upper bound
                return qty(f"{prop}{k}", f"a{rnd.randrange(4)}", value, low=None, high=value, high_ex=True,
                           qualifier="less_than", prop=prop, offset=k)
            return qty(f"{prop}{k}", f"a{rnd.randrange(4)}", value, prop=prop, offset=k)
        lower = sorted((claim(k, "present") for k in range(rnd.randint(1, 12))), key=lambda c: (c.article, c.offset, c.id))
        upper = sorted((claim(k, "approved") for k in range(rnd.randint(1, 12))), key=lambda c: (c.article, c.offset, c.id))
        expected = pairwise(lower, upper)
        assert cmp._violations(lower, upper) == expected, trial
        seen.add(expected is None)
    assert seen == {True, False}
