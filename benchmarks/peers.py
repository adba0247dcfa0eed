#!/usr/bin/env python3
"""Extraction speed against peers, on the same generated news text, in the same run.

    /tmp/benchvenv/bin/python benchmarks/peers.py [--kb 200] [--seed 1] [--budget 300] [--json out.json]

Peers (installed only in a separate benchmark virtualenv, never as project dependencies):

    python3 -m venv /tmp/benchvenv
    /tmp/benchvenv/bin/pip install -e . quantulum3 'quantulum3[classifier]' dateparser

Contenders, each given the same paragraphs (non-empty lines of the articles, front matter
left out, page furniture left in as a real page has it):

  consistency finders    vocab.numbers.find(p) and vocab.dates.find(p) per paragraph
                         (consistency.rules.load_rules().compiled): numbers and dates only
  gated finders          the same behind the rules-derived prefilter, as the pipeline runs them
  consistency pipeline   the full per-article path: normalisation (article_from_text) and
                         extract_claims (sentences, dates, quantities, names, context)
  quantulum3             quantulum3.parser.parse(p) per paragraph (with its unit classifier when
                         scikit-learn is installed)
  dateparser             dateparser.search.search_dates(p, languages=["en"]) per paragraph
                         (--dateparser-detect: without languages, i.e. with language detection)

Rates are characters per CPU second of this process (one core); wall seconds are shown too.
Each contender is warmed up on one paragraph first (model loading is reported, not timed).
A slow peer stops after --budget seconds; its rate is taken over the paragraphs it finished.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
INSTALL_HINT = ("python3 -m venv /tmp/benchvenv && /tmp/benchvenv/bin/pip install -e . quantulum3 "
                "'quantulum3[classifier]' dateparser   # then run this script with /tmp/benchvenv/bin/python")


def corpus_paragraphs(kb: int, seed: int, corpus: Path | None) -> tuple[list[str], list[str]]:
    """(articles without front matter, their paragraphs) adding up to about ``kb`` KB."""
    if corpus is not None:
        texts = (p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.rglob("*.txt")))
    else:
        sys.path.insert(0, str(HERE))
        from generate import corpus_text

        texts = iter(corpus_text(max(50, kb // 2), seed))
    articles: list[str] = []
    paragraphs: list[str] = []
    total = 0
    for text in texts:
        if text.startswith("---\n"):
            end = text.find("\n---\n", 4)
            text = text[end + 5:] if end > 0 else text
        articles.append(text)
        for line in text.splitlines():
            if line.strip():
                paragraphs.append(line)
                total += len(line)
        if total >= kb * 1000:
            break
    return articles, paragraphs


class Contender:
    def __init__(self, name: str, unit: str, setup, run, note: str = "") -> None:
        self.name, self.unit, self.setup, self.run_one, self.note = name, unit, setup, run, note
        self.result: dict = {}


def measure(c: Contender, items: list[str], budget: float) -> dict:
    t0 = time.perf_counter()
    c.setup()
    warm = items[0]
    c.run_one(warm)  # first call loads models/caches
    load = time.perf_counter() - t0
    found = chars = done = 0
    w0, c0 = time.perf_counter(), time.process_time()
    for item in items:
        found += c.run_one(item)
        chars += len(item)
        done += 1
        if time.perf_counter() - w0 > budget:
            break
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    return {"name": c.name, "note": c.note, "load_seconds": load, "wall_seconds": wall, "cpu_seconds": cpu,
            "chars": chars, "items_done": done, "items_total": len(items), "found": found,
            "chars_per_cpu_second": chars / cpu if cpu else None, "chars_per_second": chars / wall if wall else None,
            "complete": done == len(items)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kb", type=int, default=200, help="kilobytes of text (default 200)")
    ap.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    ap.add_argument("--corpus", type=Path, help="read articles from this folder instead of generating them")
    ap.add_argument("--budget", type=float, default=300, help="seconds allowed per contender (default 300)")
    ap.add_argument("--dateparser-detect", action="store_true", help="let dateparser detect the language")
    ap.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = ap.parse_args(argv)

    articles, paragraphs = corpus_paragraphs(args.kb, args.seed, args.corpus)
    text_chars = sum(len(p) for p in paragraphs)
    print(f"text: {len(articles)} generated articles, {len(paragraphs)} paragraphs, {text_chars / 1000:.0f} K characters "
          f"(python {sys.version.split()[0]}, {sys.executable})")

    from consistency.articles import article_from_text
    from consistency.extract.pipeline import extract_claims
    from consistency.rules import load_rules

    vocab = load_rules().compiled
    contenders: list[tuple[Contender, list[str]]] = []

    def finders(p: str) -> int:
        return len(vocab.numbers.find(p)) + len(vocab.dates.find(p))

    contenders.append((Contender("consistency finders", "paragraph", lambda: None, finders,
                                 "numbers.find + dates.find"), paragraphs))
    prefilter = vocab.prefilter

    def gated(p: str) -> int:  # as the pipeline runs them: a finder only where the gate says it can match
        gate = prefilter(p)
        return (len(vocab.numbers.find(p)) if gate.numbers else 0) + (len(vocab.dates.find(p)) if gate.dates else 0)

    contenders.append((Contender("consistency gated finders", "paragraph", lambda: None, gated,
                                 "prefilter, then numbers.find + dates.find"), paragraphs))
    # The pipeline gets whole articles (it needs their lines), the same text as the paragraphs.
    joined = ["\n\n".join(line for line in a.splitlines() if line.strip()) for a in articles]
    joined_chars = sum(len(a) for a in joined)

    def pipeline(a: str) -> int:
        return len(extract_claims(article_from_text(a, vocab, id="a"), vocab))

    contenders.append((Contender("consistency pipeline", "article", lambda: None, pipeline,
                                 "normalise + extract_claims"), joined))

    missing: list[str] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import classifier as q_classifier
            from quantulum3 import parser as q_parser
        use_clf = bool(getattr(q_classifier, "USE_CLF", False))
        try:
            import sklearn  # noqa: F401
        except ImportError:
            use_clf = False

        def quantulum(p: str) -> int:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return len(q_parser.parse(p))

        contenders.append((Contender("quantulum3", "paragraph", lambda: None, quantulum,
                                     "parser.parse, classifier " + ("on" if use_clf else "off (scikit-learn missing)")),
                           paragraphs))
    except ImportError as exc:
        missing.append(f"quantulum3 ({exc})")
    try:
        from dateparser.search import search_dates

        kwargs = {} if args.dateparser_detect else {"languages": ["en"]}

        def dateparser_run(p: str) -> int:
            return len(search_dates(p, **kwargs) or [])

        contenders.append((Contender("dateparser", "paragraph", lambda: None, dateparser_run,
                                     "search.search_dates" + ("" if args.dateparser_detect else ", languages=['en']")),
                           paragraphs))
    except ImportError as exc:
        missing.append(f"dateparser ({exc})")
    if missing:
        print(f"\nPEERS MISSING in {sys.executable}: {'; '.join(missing)}.\n"
              f"They belong in a separate benchmark virtualenv, never in the project's dependencies:\n  {INSTALL_HINT}\n"
              "Measuring consistency alone.\n")

    results = []
    failed: list[str] = []
    for c, items in contenders:
        print(f"running {c.name} ...", flush=True)
        try:
            r = measure(c, items, args.budget)
        except Exception as exc:  # noqa: BLE001 - a peer that cannot run is reported, not fatal
            why = f"{type(exc).__name__}: {exc}"
            if c.name == "quantulum3" and "_loss" in str(exc):
                why += (" -- its shipped classifier (clf.joblib) was pickled with an older scikit-learn; retrain it once "
                        "in the benchmark venv: python -c 'from quantulum3 import classifier; "
                        "classifier.train_classifier(store=True)'")
            print(f"  {c.name} FAILED: {why}", flush=True)
            failed.append(f"{c.name}: {why}")
            continue
        results.append(r)

    by_name = {r["name"]: r for r in results}
    ours = by_name.get("consistency finders", {}).get("chars_per_cpu_second")
    ours_pipe = by_name.get("consistency pipeline", {}).get("chars_per_cpu_second")
    print(f"\n{'contender':<22}{'chars/CPU s':>13}{'chars/s wall':>14}{'found':>8}{'text done':>11}{'load s':>8}"
          f"{'finders x':>11}{'pipeline x':>12}  how")
    for r in results:
        rate = r["chars_per_cpu_second"]
        x1 = f"{ours / rate:.1f}" if rate and ours else "-"
        x2 = f"{ours_pipe / rate:.1f}" if rate and ours_pipe else "-"
        done = f"{r['chars'] / (text_chars if r['name'] != 'consistency pipeline' else joined_chars):.0%}"
        print(f"{r['name']:<22}{rate / 1000:>11.1f} k{r['chars_per_second'] / 1000:>12.1f} k{r['found']:>8}{done:>11}"
              f"{r['load_seconds']:>8.1f}{x1:>11}{x2:>12}  {r['note']}")
    print("\n'finders x' = consistency finders' chars/CPU s divided by the row's; 'pipeline x' the same for the full"
          " pipeline.  'found' counts what each reports (quantities, dates, claims): not comparable in kind.")
    for f in failed:
        print(f"FAILED: {f}")
    if args.json:
        args.json.write_text(json.dumps({"chars": text_chars, "paragraphs": len(paragraphs), "articles": len(articles),
                                         "results": results, "missing": missing, "failed": failed}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
