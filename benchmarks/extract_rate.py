#!/usr/bin/env python3
"""Extraction speed per core: read N articles, then time extract_claims over them (CPU time).

    python benchmarks/extract_rate.py CORPUS_DIR [--limit 300] [--repeat 3] [--profile] [--ungated]

With --repeat N, reading and extraction run N times and the fastest run is reported: on a
shared machine the slowest runs measure the other processes.  --ungated opens every gate of
the prefilter (consistency/extract/prefilter.py), to measure what it saves.
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
from consistency.extract.prefilter import ungated
from consistency.rules import load_rules


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=1, help="run N times, report the fastest (CPU time)")
    ap.add_argument("--profile", action="store_true", help="cProfile extract_claims (top 35 by own time)")
    ap.add_argument("--ungated", action="store_true", help="run every finder on every sentence")
    args = ap.parse_args()
    if args.ungated:
        with ungated():
            run(args)
    else:
        run(args)


def run(args: argparse.Namespace) -> None:
    files, _ = discover([args.corpus])
    files = files[: args.limit]
    read_times, extract_times = [], []
    prof = cProfile.Profile() if args.profile else None
    for _ in range(max(1, args.repeat)):
        # Fresh rules each run (no cache carried over), compiled on a first article outside the
        # timing: the rate per core, not the start-up.
        rules = load_rules()
        vocab = rules.compiled
        for a in read_articles(files[:1], rules, CheckOptions())[0]:
            extract_claims(a, vocab)
        t0 = time.process_time()
        articles, _ = read_articles(files, rules, CheckOptions())
        t1 = time.process_time()
        if prof:
            prof.enable()
        t2 = time.process_time()
        claims = sum(len(extract_claims(a, vocab)) for a in articles)
        t3 = time.process_time()
        if prof:
            prof.disable()
        read_times.append(t1 - t0)
        extract_times.append(t3 - t2)
    chars = sum(len(a.raw) for a in articles)
    read, extract = min(read_times), min(extract_times)
    print(f"{len(articles)} articles, {chars / 1e6:.2f} M chars, {claims} claims; "
          f"read+normalise {read:.2f} CPU s ({chars / read / 1e6:.3f} MB/s); "
          f"extract {extract:.2f} CPU s ({chars / extract / 1e6:.3f} MB/s); "
          f"both {chars / (read + extract) / 1e6:.3f} MB/s per core"
          + (f" (fastest of {len(read_times)})" if len(read_times) > 1 else ""))
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(35)


if __name__ == "__main__":
    main()
