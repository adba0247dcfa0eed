"""Quotes: extraction with speakers (consistency/extract/quotes.py) and matching across articles
(consistency/compare_quotes.py), on rules/quotes.toml examples, short texts, the quotes_summit
scenario (tests/expectations/quotes_summit.md) and the seeds."""

from __future__ import annotations

import random
import time
from dataclasses import replace
from pathlib import Path

import pytest

from consistency.articles import article_from_text, read_article
from consistency.compare_quotes import compare_quotes
from consistency.extract.pipeline import ClaimBuilder
from consistency.extract.quotes import (
    extract_quotes,
    find_quote_spans,
    speaker_key,
    speakers_compatible,
)
from consistency.rules import load_rules

TESTS = Path(__file__).resolve().parent
SUMMIT = TESTS / "articles" / "quotes_summit"
SEEDS = TESTS.parent / "seeds"
RULES = load_rules()
EXAMPLES = [pytest.param(i, ex, id=f"quotes.toml#{i + 1}") for i, ex in enumerate(RULES.data["quotes"]["examples"])]


def quotes_of(text: str, vocab) -> list:
    article = article_from_text(text, vocab)
    return extract_quotes(article, vocab, ClaimBuilder(article, vocab))


def corpus(paths, vocab) -> list:
    claims = []
    for path in sorted(paths):
        article = read_article(Path(path), vocab)
        claims.extend(extract_quotes(article, vocab, ClaimBuilder(article, vocab)))
    claims.sort(key=lambda c: (c.article, c.offset))
    return [replace(c, id=f"q{i}") for i, c in enumerate(claims, start=1)]


def one(claims, article: str, contains: str):
    found = [c for c in claims if article in c.article and contains in c.value]
    assert len(found) == 1, f"{article}/{contains!r}: {[(c.article, c.value[:40]) for c in claims]}"
    return found[0]


def describe(claims) -> str:
    return "\n".join(f"  {c.id} {c.article}: [{c.attribution}] {c.value[:60]!r} ({c.rule})" for c in claims)


# -- rule file examples -----------------------------------------------------------------
@pytest.mark.parametrize("index, example", EXAMPLES)
def test_quotes_toml_example(index, example, vocab):
    claims = quotes_of(example["text"], vocab)
    for want in example.get("quotes", []):
        assert any(c.attribution == want["speaker"] and want["contains"] in c.value for c in claims), (
            f"no quote {want}; got:\n{describe(claims)}")
    if example.get("no_quotes"):
        assert claims == [], describe(claims)


def test_quotes_toml_has_examples_in_two_wordings():
    assert len(RULES.data["quotes"]["examples"]) >= 2


# -- extraction --------------------------------------------------------------------------
def test_claim_fields(vocab):
    text = "Talks ended.\n\n“We did not come here to assign blame,” Varga said on Tuesday.\n"
    (c,) = quotes_of(text, vocab)
    assert c.kind == "quote" and c.qualifier == "exact"
    assert c.value == "We did not come here to assign blame"
    assert c.text == "We did not come here to assign blame,"
    assert (c.line, c.start, c.end) == (3, 2, 39)
    assert c.attribution == "Varga"
    assert c.sentence.startswith('"We did not') and c.sentence.endswith("on Tuesday.")
    assert c.low is None and c.high is None and c.unit is None and c.owner is None
    assert c.offset == text.index("We did")


@pytest.mark.parametrize("text, speaker", [
    ('"The crossings will reopen to civilian traffic on Monday," Varga said.', "Varga"),
    ('"The crossings will reopen to civilian traffic on Monday," said Olzhas Khusainov, a colonel.', "Olzhas Khusainov"),
    ('"The crossings will reopen to civilian traffic on Monday," said Zas in a statement.', "Zas"),
    ('Varga told reporters: "The crossings will reopen to civilian traffic on Monday."', "Varga"),
    ('According to Varga, "the crossings will reopen to civilian traffic on Monday."', "Varga"),
    ('President Ivo Marek promised that Dalmora "will send 300 engineers to rebuild the bridges".', "President Ivo Marek"),
    ('"The crossings will reopen to civilian traffic on Monday" — Foreign Minister Tomas Reiter said.',
     "Foreign Minister Tomas Reiter"),
])
def test_speaker_forms(text, speaker, vocab):
    (c,) = quotes_of(text, vocab)
    assert c.attribution == speaker, c.rule


def test_trailing_pronoun_is_the_last_named_speaker(vocab):
    text = ("Marek said the bridges came first.\n"
            "The delegations then moved on to energy.\n"
            '"Dalmora is not prepared to reopen the pipeline negotiations this year," he said.\n')
    (c,) = quotes_of(text, vocab)
    assert c.attribution == "Marek"
    assert "'he'" in c.rule


def test_pronoun_after_a_person_named_with_a_title(vocab):
    text = ("Dalmoran President Ivo Marek offered help.\n"
            '"Dalmora will send 300 engineers to rebuild the bridges," he said.\n')
    (c,) = quotes_of(text, vocab)
    assert c.attribution == "Dalmoran President Ivo Marek"


def test_role_resolved_to_the_person_named_with_it(vocab):
    text = ("This was stated by Secretary-General of the CSTO Stanislav Zas in Almaty.\n"
            '"More than 2000 peacekeepers were redeployed almost non-stop," the CSTO Secretary-General added.\n')
    (c,) = quotes_of(text, vocab)
    assert "Stanislav Zas" in c.attribution
    assert speaker_key(c.attribution) == "zas"


def test_multi_sentence_and_multi_paragraph_quotes(vocab):
    text = ('Varga described the plan: "The first convoys will cross at Strand. Our engineers will work '
            "side by side.\n\n"
            '"Nobody in the valley should spend another winter in a tent," she said.\n'
            'Later: "This one is closed properly and has more than six words," Reiter said.\n')
    first, second = quotes_of(text, vocab)
    assert first.value.startswith("The first convoys") and first.value.endswith("winter in a tent")
    assert "Our engineers will work side by side." in first.value
    assert first.attribution == "Varga"
    assert second.attribution == "Reiter"


def test_scare_quotes_and_unbalanced_marks(vocab):
    text = ('Varga called the talks "difficult but honest".\n'
            'A 12" pipe burst. An unclosed "quote that runs on to the end of its paragraph without a mark\n'
            "The next paragraph does not continue it.\n"
            '"This statement has its closing mark and enough words," Reiter said.\n')
    claims = quotes_of(text, vocab)
    assert [c.value for c in claims] == ["This statement has its closing mark and enough words"]


def test_reported_speech_inside_a_quote(vocab):
    text = ('According to Zas, the peacekeepers will leave. "At the session, the heads of the member states noted '
            "that the events were a turning point in the development of our organization. We agree,\" he stressed.\n")
    claims = quotes_of(text, vocab)
    inner = [c for c in claims if c.value.startswith("the events")]
    assert len(inner) == 1 and inner[0].attribution == "heads of the member states"
    outer = [c for c in claims if c.value.startswith("At the session")]
    assert outer and outer[0].attribution == "Zas"


def test_quote_finding_takes_linear_time():
    text = ('x "' * 20000) + "\n" + ('"a" ' * 20000) + "\n" + '"' * 50000
    t0 = time.perf_counter()
    find_quote_spans(text)
    assert time.perf_counter() - t0 < 2.0


# -- speaker keys ------------------------------------------------------------------------
@pytest.mark.parametrize("speaker", ["Zas", "Stanislav Zas", "CSTO Secretary-General Stanislav Zas",
                                     "Secretary-General of the CSTO Stanislav Zas", "Zas's",
                                     "CSTO Secretary-General (Secretary-General of the CSTO Stanislav Zas)"])
def test_speaker_key_of_a_person(speaker):
    assert speaker_key(speaker) == "zas"


def test_speaker_keys_of_roles_and_organisations():
    assert speaker_key("the CSTO Secretary-General") == "role:csto secretary-general"
    assert speaker_key("the Kazakh Defense Ministry").startswith("org:")
    assert speakers_compatible("Prime Minister Elena Varga", "the prime minister")
    assert not speakers_compatible("Prime Minister Elena Varga", "Foreign Minister Tomas Reiter")
    assert not speakers_compatible("heads of the CSTO member states", "President Tokayev")
    assert speakers_compatible("Zas", None)
    assert speakers_compatible("the CSTO Secretary-General", "Zas",
                               roles_of={"role:csto secretary-general": {"zas"}})


# -- comparison on the scenario -----------------------------------------------------------
@pytest.fixture(scope="module")
def summit(vocab):
    claims = corpus(SUMMIT.glob("*.txt"), vocab)
    return claims, compare_quotes(claims, vocab)


def test_summit_speakers(summit):
    claims, _ = summit
    expected = {
        ("northern_courier", "We did not come"): "varga",
        ("northern_courier", "The crossings"): "varga",
        ("northern_courier", "will send 300"): "marek",
        ("northern_courier", "is not prepared"): "marek",
        ("northern_courier", "three new shelters"): "varga",
        ("danube_press", "We have not come"): "varga",
        ("danube_press", "the crossings"): "reiter",
        ("danube_press", "3,000 engineers"): "marek",
        ("corvia_daily", "We did not come"): "varga",
        ("corvia_daily", "The crossings"): "reiter",
        ("corvia_daily", "The first convoys"): "varga",
        ("dalmora_today", "will send 300"): "marek",
        ("dalmora_today", "is prepared"): "marek",
        ("dalmora_today", "Our farmers"): "marek",
    }
    for (article, contains), key in expected.items():
        assert speaker_key(one(claims, article, contains).attribution) == key, (article, contains)
    assert len(claims) == len(expected), describe(claims)
    assert not any("responsibility" in c.value or "difficult but honest" in c.value for c in claims)


def _citing(findings, claims, *pairs):
    ids = {one(claims, a, s).id for a, s in pairs}
    return [f for f in findings if ids <= set(f.claims)]


def test_summit_agreement_despite_translation(summit):
    claims, findings = summit
    (f,) = _citing(findings, claims, ("northern_courier", "We did not come"), ("danube_press", "We have not come"),
                   ("corvia_daily", "We did not come"))
    assert f.verdict == "agreement" and f.kind == "quote" and f.id == ""


def test_summit_speaker_discrepancy(summit):
    claims, findings = summit
    found = _citing(findings, claims, ("northern_courier", "The crossings"), ("danube_press", "the crossings"))
    speaker = [f for f in found if f.property == "speaker"]
    assert len(speaker) == 1 and speaker[0].verdict == "discrepancy"
    assert "Reiter" in speaker[0].explanation and "Varga" in speaker[0].explanation


def test_summit_changed_number(summit):
    claims, findings = summit
    (f,) = _citing(findings, claims, ("danube_press", "3,000"), ("northern_courier", "will send 300"))
    assert f.verdict == "discrepancy" and f.property == "wording"
    assert "3,000" in f.explanation and "300" in f.explanation and "became" in f.explanation


def test_summit_dropped_negation(summit):
    claims, findings = summit
    (f,) = _citing(findings, claims, ("northern_courier", "is not prepared"), ("dalmora_today", "is prepared"))
    assert f.verdict == "discrepancy" and f.property == "wording"
    assert "'not' left out" in f.explanation and "negation" in f.explanation


def test_summit_different_statements_of_one_speaker_are_not_matched(summit):
    claims, findings = summit
    groups = [("dalmora_today", "will send 300"), ("dalmora_today", "is prepared"), ("dalmora_today", "Our farmers"),
              ("northern_courier", "three new shelters"), ("northern_courier", "We did not come")]
    ids = [one(claims, a, s).id for a, s in groups]
    for f in findings:
        assert sum(i in f.claims for i in ids) <= 1, f
    assert not _citing(findings, claims, ("northern_courier", "three new shelters"))
    assert not _citing(findings, claims, ("dalmora_today", "Our farmers"))


def test_summit_findings_in_full(summit):
    _, findings = summit
    assert sorted((f.verdict, f.property) for f in findings) == [
        ("agreement", None), ("discrepancy", "speaker"), ("discrepancy", "wording"), ("discrepancy", "wording")]
    assert all(f.verdict != "unique" for f in findings)


def test_comparison_is_deterministic(summit, vocab):
    claims, findings = summit
    shuffled = list(claims)
    random.Random(7).shuffle(shuffled)
    assert compare_quotes(shuffled, vocab) == findings


# -- seeds -------------------------------------------------------------------------------
def test_seed_turning_point_statement_has_two_speakers(vocab):
    claims = corpus([*SEEDS.glob("003_*.txt"), *SEEDS.glob("004_*.txt")], vocab)
    findings = compare_quotes(claims, vocab)
    turning = [f for f in findings if f.property == "speaker" and "turning point" in f.explanation]
    assert len(turning) == 1, findings
    f = turning[0]
    assert f.verdict == "discrepancy"
    cited = [c for c in claims if c.id in f.claims]
    assert {c.article[:3] for c in cited} == {"003", "004"}
    assert {speaker_key(c.attribution) for c in cited} == {"role:csto heads member states", "tokayev"}
    assert "strong international institution" in f.explanation


# -- scale -------------------------------------------------------------------------------
def test_blocking_keeps_large_corpora_fast(vocab):
    rng = random.Random(3)
    words = [f"w{i}x" for i in range(3000)]
    claims = []
    for a in range(200):
        text = "\n".join(f'"{" ".join(rng.choice(words) for _ in range(15))}," Speaker{a} said.' for _ in range(5))
        article = article_from_text(text, vocab)
        article.id = f"a{a:03d}"
        claims.extend(extract_quotes(article, vocab, ClaimBuilder(article, vocab)))
    claims = [replace(c, id=f"q{i}") for i, c in enumerate(claims)]
    assert len(claims) == 1000
    t0 = time.perf_counter()
    assert compare_quotes(claims, vocab) == []
    assert time.perf_counter() - t0 < 10


# -- work per wording, not per pair of articles ------------------------------------------
def _wire_quotes(vocab, n_articles=8):
    """One statement carried word for word by most articles, reworded by a few."""
    same = "We will rebuild 12 bridges in the valley before the winter comes, and we will not wait for help."
    reworded = "We will rebuild 20 bridges in the valley before winter comes, and we shall not wait for help."
    claims = []
    for a in range(n_articles):
        article = article_from_text(f'Headline\n\n"{reworded if a % 4 == 3 else same}" Governor Anna Lind said.\n',
                                    vocab)
        article.id = f"outlet{a}"
        claims.extend(extract_quotes(article, vocab, ClaimBuilder(article, vocab)))
    return [replace(c, id=f"q{i}") for i, c in enumerate(claims, start=1)]


def test_a_wording_is_aligned_once_however_many_articles_carry_it(vocab, monkeypatch):
    import consistency.compare_quotes as cq

    claims = _wire_quotes(vocab)
    assert len(claims) == 8 and len({c.value for c in claims}) == 2
    calls = []
    real = cq._match
    monkeypatch.setattr(cq, "_match", lambda s, b, qm: calls.append((s.claim.value, b.claim.value)) or real(s, b, qm))
    findings = compare_quotes(claims, vocab)
    assert len(calls) == len(set(calls)) <= 3  # same/same, same/reworded (either way round)
    (f,) = [f for f in findings if f.property == "wording"]
    # every article is still cited, each under its own article name
    assert set(f.articles) == {c.article for c in claims}
    assert "outlet3" in f.explanation and "outlet0" in f.explanation


def test_verbatim_alignment_is_the_one_difflib_finds(vocab, monkeypatch):
    import consistency.compare_quotes as cq

    qm = cq.QuoteMatching.from_vocab(vocab)
    texts = [
        "We will rebuild every bridge in the valley before the winter comes.",
        "As I said, we will rebuild every bridge in the valley before the winter comes, and we will not wait.",
        "Every bridge, every road: we will rebuild every bridge in the valley before the winter comes.",
        "We will rebuild every bridge in the valley before the winter comes. We will rebuild every bridge.",
        "We will rebuild every bridge in the hills before the winter comes.",
    ]
    quotes = []
    for k, text in enumerate(texts):
        (claim,) = quotes_of(f'Headline\n\n"{text}" Anna Lind said.\n', vocab)
        quotes.append(cq._Quote.of(replace(claim, article=f"a{k}", id=f"q{k}"), qm, vocab))
    verbatim = 0
    for s in quotes:
        for b in quotes:
            for a in s.sentences:
                fast = cq._align(s, a, b)
                if cq._occurrence(s.norm[a[0]:a[1]], b.norm, 0, len(b.norm)) is not None:
                    verbatim += 1
                with monkeypatch.context() as m:
                    m.setattr(cq, "_occurrence", lambda *args: None)
                    assert cq._align(s, a, b) == fast, (s.claim.value, b.claim.value, a)
    assert verbatim >= 8


def _pairwise_candidates(quotes, qm):
    """The blocking as it was first written: every quote's partners counted one by one."""
    from collections import Counter, defaultdict

    index = defaultdict(list)
    for i, q in enumerate(quotes):
        for stem in sorted(q.content()):
            index[stem].append(i)
    cap = max(qm.min_stem_df, int(qm.max_stem_share * len(quotes)))
    probe, probed = defaultdict(list), []
    for i, q in enumerate(quotes):
        stems = sorted(q.content(), key=lambda st: (len(index[st]), st))
        mine = [st for k, st in enumerate(stems) if k < qm.min_shared or len(index[st]) <= cap]
        for st in mine:
            probe[st].append(i)
        probed.append(mine)
    pairs = set()
    for i, q in enumerate(quotes):
        shared = Counter()
        for st in probed[i]:
            shared.update(probe[st])
        ps = [(-n, j) for j, n in shared.items()
              if n >= qm.min_shared and j != i and quotes[j].claim.article != q.claim.article]
        for _, j in sorted(ps)[: qm.max_partners]:
            pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def test_candidates_counted_per_wording_are_those_of_every_pair(vocab):
    from types import SimpleNamespace

    import consistency.compare_quotes as cq

    base = cq.QuoteMatching.from_vocab(vocab)
    for trial in range(60):
        rng = random.Random(trial)
        stems = [f"st{k}" for k in range(rng.randint(6, 40))]
        wordings = [frozenset(rng.sample(stems, rng.randint(1, min(9, len(stems))))) for _ in range(rng.randint(1, 25))]
        quotes = []
        for _ in range(rng.randint(2, 160)):
            content = rng.choice(wordings)
            quotes.append(SimpleNamespace(content=lambda content=content: set(content),
                                          claim=SimpleNamespace(article=f"a{rng.randrange(30)}")))
        qm = replace(base, max_partners=rng.choice([1, 3, 20]), min_shared=rng.choice([1, 2, 3]),
                     min_stem_df=rng.choice([2, 20]), max_stem_share=rng.choice([0.1, 0.4]))
        assert cq._candidates(quotes, qm) == _pairwise_candidates(quotes, qm), trial
