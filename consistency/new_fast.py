"""``check CORPUS --new FILE --cache DIR``: only the work whose result can involve a new article.

The report is the one ``check`` gives without the cache (the whole corpus compared, then the
``new`` filter, consistency/newfilter.py), but most of the corpus is never read nor compared:

- a file's cache key comes from its remembered digest when its size, times and inode have not
  changed (consistency/engine.py ``lookup_keys``): no file of the corpus is read;
- of a cached article only its summary is loaded (``engine.summary``): metadata, claim count,
  name claims in short form, the years its dates give, the capitalised words of its text;
- the corpus-wide steps run on those summaries: the corpus year, claim ids (``c{n}`` in corpus
  order, from the claim counts), the name clusters and name findings, the stories;
- only the stories holding a new article are loaded in full and compared, and copies are
  looked for within them (copies are found within stories in every run, consistency/api.py).

New articles, and articles whose file changed or whose cache entry is missing, are extracted
and stored as usual.  A changed rule or program changes every key, so everything is extracted
again (that run is as slow as a cold one).
"""

from __future__ import annotations

import gc
import os
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

from consistency.api import (
    CheckOptions,
    Progress,
    Report,
    canonical_attributions,
    complete_publication,
    display_paths,
    story_copies,
    story_findings,
)
from consistency.articles import Article, InputProblem, discover
from consistency.cache import ClaimCache
from consistency.claims import Claim
from consistency.compare import label_independence, place_yearless
from consistency.engine import (
    Task,
    default_jobs,
    lookup_keys,
    plan,
    run_local,
    run_task,
    summary,
)
from consistency.extract.names import cluster_names, name_findings
from consistency.newfilter import only_new
from consistency.rules import Rules
from consistency.stories import stories


def check_new(paths: list[Path], new_files: set[Path], new_problems: list[InputProblem], rules: Rules,
              options: CheckOptions, progress: Progress | None = None) -> Report:
    """The report of :func:`consistency.api.check` with ``options.new`` and ``options.cache``."""
    with _collector(enabled=False):
        return _check_new(paths, new_files, new_problems, rules, options, progress)


@contextmanager
def _collector(*, enabled: bool):  # noqa: ANN202
    """Python's cycle collector on or off for a while, then as it was.

    Off for the run on summaries: it builds some 200,000 small objects that live to its end
    (summaries, name claims, articles), and the collector walked them again and again as they
    piled up (~10% of a run on 10,000 cached articles), finding nothing: they hold no reference
    cycles.  On again while articles are extracted (a cold cache: the whole corpus), whose
    garbage it should collect as usual."""
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        yield
    finally:
        (gc.enable if was else gc.disable)()


def _check_new(paths: list[Path], new_files: set[Path], new_problems: list[InputProblem], rules: Rules,
               options: CheckOptions, progress: Progress | None) -> Report:
    vocab = rules.compiled
    plain: dict[str, str] = {}
    files, problems = discover(paths, plain)
    problems = new_problems + [p for p in problems if p not in new_problems]
    tasks = plan(files, display_paths(files, plain), options.max_bytes)
    cache = ClaimCache(options.cache)  # type: ignore[arg-type]
    try:
        keys, summaries, full, notes = _gather(tasks, rules, options, cache, progress)
        order = sorted(range(len(tasks)), key=lambda i: tasks[i].id)
        articles: list[Article] = [_article(summaries[i][0]) for i in order]
        # Which articles are new: resolving only the paths whose file name a new file has.
        new_names = {f.name for f in new_files}
        new_ids = {a.id for a in articles
                   if os.path.basename(a.path) in new_names and Path(a.path).resolve() in new_files}
        position = {i: n for n, i in enumerate(order)}
        # Claim ids: c1 ... in corpus order, so an article's first id follows the counts before it.
        first: dict[str, int] = {}
        total = 0
        for i in order:
            first[tasks[i].id] = total
            total += summaries[i][1]
        year, why = _corpus_year(articles, [summaries[i] for i in order])
        completed = _complete_publication(articles, year, why, vocab)

        def load(indices: list[int]) -> dict:
            return _completed(_load(indices, tasks, keys, full, cache, rules), completed, year, why, vocab, full)

        names = [_Name(tasks[i].id, first[tasks[i].id], *row) for i in order for row in summaries[i][2]]
        clusters = cluster_names(names, vocab.names)
        published = {a.id: a.published for a in articles}
        ok = [a.id for a in articles if a.status == "ok"]
        words = {a.id: summaries[i][4] for a, i in zip(articles, order) if a.status == "ok"}
        story_of = stories(ok, names, published, vocab.rules.get("stories", {}), words=words)
        found_names = name_findings(names, vocab.names, clusters)

        involved_stories = {story_of[a] for a in new_ids if a in story_of}
        involved = [i for i in order if story_of.get(tasks[i].id) in involved_stories or tasks[i].id in new_ids]
        loaded = load(involved)

        def claims_of(indices: list[int]) -> list[Claim]:
            out: list[Claim] = []
            for i in indices:
                start = first[tasks[i].id]
                out += [replace(c, id=f"c{start + n}") for n, c in enumerate(loaded[i][1], start=1)]
            return canonical_attributions(place_yearless(out, year, why), clusters, vocab)

        claims = claims_of(involved)
        findings = story_findings(claims, story_of, published, found_names, vocab, options)
        # Name findings cite claims anywhere in the corpus: load those that a reported one cites.
        new_claims = {c.id for c in claims if c.article in new_ids}
        cited = {cid for f in found_names if new_claims.intersection(f.claims) for cid in f.claims}
        have = {c.id for c in claims}
        owners = {n.id: n.article for n in names}
        index_of = {tasks[i].id: i for i in order}
        more = sorted({index_of[owners[cid]] for cid in cited - have}, key=position.__getitem__)
        if more:
            loaded.update(load(more))
            claims += [c for c in claims_of(more) if c.id in cited]
            claims.sort(key=lambda c: int(c.id[1:]))
        # Copies, for the sources behind an agreement: in the new articles' stories, and in those
        # of the articles a reported name finding cites (its spellings may come from anywhere).
        # The links of a story are cached (api.story_copies): a story not in the cache is loaded.
        copy_stories = involved_stories | {story_of[a] for f in found_names if new_claims.intersection(f.claims)
                                           for a in f.articles if a in story_of}
        in_copy_stories = [i for i in order if story_of.get(tasks[i].id) in copy_stories]

        def with_text(ids: list[str]) -> dict[str, Article]:
            wanted = [index_of[a] for a in ids]
            loaded.update(load([i for i in wanted if i not in loaded]))
            return {tasks[i].id: loaded[i][0] for i in wanted}

        members = [loaded[i][0] if i in loaded else articles[position[i]] for i in in_copy_stories]
        copies, groups = story_copies([a for a in members if a.status == "ok"], story_of, vocab, cache=cache,
                                      keys={tasks[i].id: keys[i] for i in in_copy_stories if keys[i] is not None},
                                      full=with_text)
        findings = label_independence(findings, groups)
        for i in loaded:
            articles[position[i]] = loaded[i][0]  # cited articles in full, for the renderers
    finally:
        cache.close()
    report = Report(articles=articles, claims=claims, findings=findings, problems=problems,
                    rules_version=rules.version, copies=copies, run_notes=notes)
    return only_new(report, sorted(new_ids))


def _gather(tasks: list[Task], rules: Rules, options: CheckOptions, cache: ClaimCache,  # noqa: ANN202
            progress: Progress | None):
    """Keys, a summary of every task, the articles extracted now in full, and notes on the cache."""
    keys = lookup_keys(tasks, rules.version, cache)
    held = cache.get_many([k for k in keys if k is not None], column="summary")
    summaries: list[tuple | None] = [None] * len(tasks)
    todo: list[int] = []
    for i, task in enumerate(tasks):
        hit = held.get(keys[i]) if keys[i] is not None else None
        # A hit counts only for the same id and path (they are part of the article and its claims).
        if hit is not None and hit[0][0] == task.id and hit[0][1] == task.display:
            summaries[i] = hit
        else:
            todo.append(i)
    full: dict[int, tuple[Article, list[Claim]]] = {}
    pending = [tasks[i] for i in todo]
    with _collector(enabled=True):
        if options.engine == "dask" and pending:
            from consistency.dask_engine import run_dask

            produced = run_dask(pending, rules, scheduler=options.scheduler, progress=progress)
        else:
            produced = list(run_local(pending, rules, options.jobs or default_jobs(), progress=progress))
    fresh = []
    for i, result in zip(todo, produced):
        full[i] = result
        summaries[i] = summary(result)
        if keys[i] is not None:
            fresh.append((keys[i], result, summaries[i]))
    cache.put_many(fresh)
    reused = (f"cache {cache.folder}: {len(tasks) - len(todo):,} of {len(tasks):,} article(s) reused, "
              f"{len(todo):,} extracted")
    notes = [*cache.notes, reused]
    return keys, summaries, full, notes


def _load(indices: list[int], tasks: list[Task], keys: list[str | None], full: dict, cache: ClaimCache,
          rules: Rules) -> dict:
    """Index -> (article, claims) in full: extracted now, else from the cache (else again)."""
    out = {i: full[i] for i in indices if i in full}
    wanted = {keys[i]: i for i in indices if i not in full}
    got = cache.get_many(list(wanted), column="value")
    for key, i in wanted.items():
        # An entry whose summary was read but not the entry itself (damaged): extracted again.
        hit = got.get(key)
        out[i] = hit if hit is not None and hit[0].id == tasks[i].id else run_task(tasks[i], rules)
    return out


def _complete_publication(articles: list[Article], year: int | None, why: str, vocab) -> set[str]:  # noqa: ANN001
    """api.complete_publication on the listed articles (from the summaries): an article whose
    dateline gave a day but no year takes the corpus year.  The ids of those articles: their
    claims are read again from that date when they are loaded (:func:`_completed`)."""
    partial = [a for a in articles if a.published is None and a.published_partial and a.status == "ok"]
    complete_publication(partial, [], year, why, vocab)  # no claims: only the dates are set
    return {a.id for a in partial if a.published is not None}


def _completed(loaded: dict, ids: set[str], year: int | None, why: str, vocab, full: dict) -> dict:  # noqa: ANN001
    """Loaded articles among ``ids``, read again with their completed date (and kept in ``full``,
    where later loads find them); the others as they were."""
    for i, (article, claims) in loaded.items():
        if article.id in ids and article.published is None:
            loaded[i] = full[i] = (article, complete_publication([article], claims, year, why, vocab))
    return loaded


def _corpus_year(articles: list[Article], summaries: list[tuple]) -> tuple[int | None, str]:
    """consistency.compare.corpus_year over summaries: the same counts, in the same order."""
    years = Counter(a.published.year for a in articles if a.published)
    if years:
        return years.most_common(1)[0][0], "the publication dates of the other articles"
    dated: Counter[int] = Counter()
    for s in summaries:
        dated.update(dict(s[3]))
    if dated:
        return dated.most_common(1)[0][0], "the dates the other articles give"
    return None, ""


def _article(meta: tuple) -> Article:
    """An article as listed in the report, from a summary (engine.summary): no text.  The
    metadata come in the order of engine.SUMMARY_FIELDS, then the date and the notes."""
    id_, path, title, source, url, published_from, status, reason, encoding, partial, published, notes = meta
    return Article(id_, path, title, source, url, date.fromordinal(published) if published is not None else None,
                   published_from, status=status, reason=reason, encoding=encoding, notes=list(notes),
                   published_partial=partial)


class _Name:
    """A name claim in short form (engine.summary): what name clustering, name findings and
    stories read of a claim.  Cheaper than a Claim; the full claims of cited names are loaded."""

    __slots__ = ("article", "id", "offset", "rule", "text", "unit", "value")
    kind = "name"

    def __init__(self, article: str, first: int, index: int, text: str, value, unit, offset: int,  # noqa: ANN001
                 rule: str) -> None:
        self.article, self.id = article, f"c{first + index + 1}"
        self.text, self.value, self.unit, self.offset, self.rule = text, value, unit, offset, rule
