#!/usr/bin/env python3
"""Extraction speed per core: read N articles, then time extract_claims over them (CPU time).

    python benchmarks/extract_rate.py CORPUS_DIR [--limit 300] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from consistency.api import CheckOptions, read_articles
from consistency.articles import discover
from consistency.extract.pipeline import extract_claims
from consistency.rules import load_rules


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--profile", action="store_true", help="cProfile extract_claims (top 35 by own time)")
    args = ap.parse_args()
    rules = load_rules()
    vocab = rules.compiled
    files, _ = discover([args.corpus])
    files = files[: args.limit]
    t0 = time.process_time()
    articles, _ = read_articles(files, rules, CheckOptions())
    t1 = time.process_time()
    chars = sum(len(a.raw) for a in articles)
    prof = cProfile.Profile() if args.profile else None
    if prof:
        prof.enable()
    t2 = time.process_time()
    claims = sum(len(extract_claims(a, vocab)) for a in articles)
    t3 = time.process_time()
    if prof:
        prof.disable()
    print(f"{len(articles)} articles, {chars / 1e6:.2f} M chars, {claims} claims; "
          f"read+normalise {t1 - t0:.2f} CPU s ({chars / (t1 - t0) / 1e6:.3f} MB/s); "
          f"extract {t3 - t2:.2f} CPU s ({chars / (t3 - t2) / 1e6:.3f} MB/s); "
          f"both {chars / (t3 - t2 + t1 - t0) / 1e6:.3f} MB/s per core")
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(35)


if __name__ == "__main__":
    main()
