"""How well ``consistency.stories.stories`` groups a generated multi-event corpus.

The generator (benchmarks/generate.py) writes one folder per event, so the folder is the true
story of an article.  This script groups the corpus with the story grouping as ``check``
runs it (name claims and capitalised words from the summaries kept in the cache, see
consistency/new_fast.py) and scores the stories against the folders:

- pure stories: share of stories (of 2+ articles) holding articles of one event only;
- split events: share of events whose articles land in more than one story;
- largest story, and the pairs compared across events (the cost and the false discrepancies).

    python benchmarks/stories_purity.py /tmp/corpus-10k --cache /tmp/c10k2 [--json out.json]

A cache that lacks some articles gets them extracted (and stored) first.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from consistency.api import CheckOptions, display_paths
from consistency.articles import discover
from consistency.cache import ClaimCache
from consistency.new_fast import _gather, _Name
from consistency.rules import load_rules
from consistency.stories import stories


def load(corpus: Path, cache_dir: Path) -> tuple[list[str], list[_Name], dict, dict, dict[str, str]]:
    """Article ids, name claims, publication dates, capitalised words and the event of each article."""
    from consistency.engine import plan

    rules = load_rules()
    options = CheckOptions(cache=cache_dir)
    files, _ = discover([corpus])
    tasks = plan(files, display_paths(files), options.max_bytes)
    with ClaimCache(cache_dir) as cache:
        _, summaries, _, _ = _gather(tasks, rules, options, cache, None)
    ids, names, published, words, event = [], [], {}, {}, {}
    for task, s in zip(tasks, summaries):
        meta = s[0]
        if meta[6] != "ok":
            continue
        ids.append(task.id)
        published[task.id] = date.fromordinal(meta[-2]) if meta[-2] is not None else None
        names += [_Name(task.id, 0, *row) for row in s[2]]
        words[task.id] = s[4]
        event[task.id] = Path(meta[1]).parent.name
    return ids, names, published, words, event


def score(story_of: dict[str, str], event: dict[str, str]) -> dict[str, float | int]:
    members: dict[str, list[str]] = defaultdict(list)
    for article, story in story_of.items():
        members[story].append(article)
    groups = [m for m in members.values() if len(m) > 1]
    pure = sum(1 for m in groups if len({event[a] for a in m}) == 1)
    stories_of_event: dict[str, set[str]] = defaultdict(set)
    for article, story in story_of.items():
        stories_of_event[event[article]].add(story)
    split = sum(1 for s in stories_of_event.values() if len(s) > 1)
    # Pairs of articles compared although their events differ; pairs of one event never compared.
    cross = sum(len(m) * (len(m) - 1) // 2 - sum(k * (k - 1) // 2 for k in Counter(event[a] for a in m).values())
                for m in members.values())
    per_event = Counter(event.values())
    same = sum(k * (k - 1) // 2 for k in per_event.values())
    kept = sum(k * (k - 1) // 2 for m in members.values() for k in Counter(event[a] for a in m).values())
    return {
        "articles": len(story_of), "events": len(per_event), "stories": len(members),
        "singletons": len(members) - len(groups),
        "pure_stories": round(pure / max(1, len(groups)), 3),
        "split_events": round(split / max(1, len(per_event)), 3),
        "largest_story": max((len(m) for m in members.values()), default=0),
        "cross_event_pairs": cross,
        "same_event_pairs_kept": round(kept / max(1, same), 3),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    ids, names, published, words, event = load(args.corpus, args.cache)
    rules = load_rules().compiled.rules.get("stories", {})
    start = time.process_time()
    story_of = stories(ids, names, published, rules, words=words)
    result = {"corpus": str(args.corpus), **score(story_of, event),
              "cpu_seconds": round(time.process_time() - start, 2)}
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
