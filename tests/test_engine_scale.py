"""The sub-quadratic paths of comparison give what the pairwise loops gave.

* ``_widest_pair``: the most distant pair of a huge cluster, against every pair compared;
* ``cluster_by_owner``: owners blocked by name, against the claim-by-cluster loop;
* ``cluster_names``: surnames blocked by score, against every cluster compared."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from consistency import compare as cmp
from consistency.claims import Claim
from consistency.extract import names as names_mod
from consistency.rules import load_rules


def _claim(i: int, article: str, lo: float, hi: float, lx: bool = False, hx: bool = False, owner=None,
           kind="quantity", value=None, unit="people") -> Claim:
    return Claim(article=article, kind=kind, text=str(i), sentence="s", line=1, start=0, end=1,
                 value=(lo + hi) / 2 if value is None else value, low=lo, high=hi, qualifier="exact", unit=unit,
                 measure="count", property="killed", owner=owner, attribution=None, rule="", offset=i,
                 low_exclusive=lx, high_exclusive=hx, id=f"c{i}")


def _all_pairs(readings):
    disjoint = []
    for i, (a, (lo_a, hi_a, lx_a, hx_a)) in enumerate(readings):
        for b, (lo_b, hi_b, lx_b, hx_b) in readings[i + 1:]:
            if a.article == b.article:
                continue
            if hi_a < lo_b or hi_b < lo_a or (hi_a == lo_b and (hx_a or lx_b)) or (hi_b == lo_a and (hx_b or lx_a)):
                g = lo_b - hi_a if hi_a <= lo_b else (lo_a - hi_b if hi_b <= lo_a else 0.0)
                disjoint.append((g, a, b))
    return disjoint


def test_widest_pair_is_the_pair_the_loop_reports():
    for trial in range(1500):
        rnd = random.Random(trial)
        articles = [f"a{k}" for k in range(rnd.randint(1, 8))]
        rows = []
        for i in range(rnd.randint(1, 40)):
            lo = rnd.choice([0, 1, 2, 3, 5, 8, 0.1, 0.2, 0.3])
            hi = lo + rnd.choice([0, 0, 0, 1, 2, 0.1])
            rows.append(_claim(i, rnd.choice(articles), lo, hi, rnd.random() < 0.2, rnd.random() < 0.2))
        rows.sort(key=lambda c: (c.article, c.offset, c.id))
        readings = [(c, cmp.bounds(c)) for c in rows]
        expected = _all_pairs(readings)
        got = cmp._widest_pair(readings)
        if got is None:  # only touching pairs: the caller pairs everything
            assert expected and all(g == 0 for g, _, _ in expected)
            continue
        if not expected:
            assert got == []
            continue
        g, a, b = min(expected, key=lambda t: (-t[0], t[1].article, t[1].offset, t[2].article, t[2].offset))
        assert [(x[0], x[1].id, x[2].id) for x in got] == [(g, a.id, b.id)]


def _old_cluster_by_owner(claims, aliases, min_score):
    named = [c for c in claims if c.owner]
    unnamed = [c for c in claims if not c.owner]
    clusters = []
    for claim in named:
        joined = [cl for cl in clusters if any(cmp.owners_compatible(claim.owner, o.owner, aliases, min_score) for o in cl)]
        if not joined:
            clusters.append([claim])
            continue
        merged = [claim]
        for cl in joined:
            merged.extend(cl)
            clusters.remove(cl)
        clusters.append(merged)
    if not clusters:
        return [unnamed] if unnamed else []
    if len(clusters) == 1:
        clusters[0].extend(unnamed)
        return clusters
    for claim in unnamed:
        clusters.append([claim])
    return clusters


def test_cluster_by_owner_matches_the_pairwise_loop():
    owners = ["CSTO", "Collective Security Treaty Organization", "the Ministry of Defence", "Defence Ministry",
              "Ministry of Health", "Red Cross", "the Red Cross", "Red Crescent", "UN", "United Nations", None, None]
    aliases = load_rules().compiled.entity_aliases
    for trial in range(300):
        rnd = random.Random(trial)
        claims = [_claim(i, f"a{rnd.randint(0, 5)}", 1, 1, owner=rnd.choice(owners)) for i in range(rnd.randint(0, 30))]
        old = _old_cluster_by_owner(claims, aliases, 90.0)
        new = cmp.cluster_by_owner(claims, aliases, 90.0)
        assert [[c.id for c in cl] for cl in new] == [[c.id for c in cl] for cl in old]


def _old_people(person_claims, surname_min, given_min):
    people = []
    for c in sorted(person_claims, key=lambda c: (-len(str(c.value).split()), c.article, c.offset)):
        value = str(c.value)
        for cluster in people:
            ref = str(cluster[0].value)
            if fuzz.ratio(names_mod._surname(value), names_mod._surname(ref)) < surname_min:
                continue
            given_a, given_b = value.split()[:-1], ref.split()[:-1]
            if given_a and given_b and fuzz.ratio(" ".join(given_a).lower(), " ".join(given_b).lower()) < given_min:
                continue
            cluster.append(c)
            break
        else:
            people.append([c])
    return people


def test_person_clusters_match_the_pairwise_loop():
    rules = load_rules().compiled.names
    first = ["Kassym-Zhomart", "Kassym-Jomart", "Elena", "Jelena", "Stanislav", ""]
    last = ["Tokayev", "Tokaev", "Varga", "Warga", "Zas", "Zass", "Shalabaev", "Shalabayev", "Ng"]
    for trial in range(100):
        rnd = random.Random(trial)
        claims = []
        for i in range(rnd.randint(1, 40)):
            value = f"{rnd.choice(first)} {rnd.choice(last)}".strip()
            claims.append(_claim(i, f"a{rnd.randint(0, 4)}", 0, 0, kind="name", value=value, unit="person"))
        clusters = names_mod.cluster_names(claims, rules)
        old = _old_people(claims, 85, 70)
        got = [c for c in clusters if c.kind == "person"]
        assert len(got) == len(old)
        expected_canonical = []
        for group in old:
            values = {str(c.value) for c in group}
            expected_canonical.append(sorted(values))
        got_values = [sorted({v for v in (str(x.value) for x in claims if x.id in set(cl.claims))}) for cl in got]
        # each new cluster's claims come from exactly one old cluster, in the same order
        for vals, exp in zip(got_values, expected_canonical):
            assert set(vals) <= set(exp)
