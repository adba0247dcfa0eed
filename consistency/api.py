"""The library entry point: ``check(paths, options) -> Report``.

read → normalise → extract → compare; rendering is left to :mod:`consistency.render`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Callable

from consistency import __version__
from consistency.articles import DEFAULT_MAX_BYTES, Article, InputProblem, discover, read_article
from consistency.claims import Claim, claims_frame
from consistency.compare import Finding, Timeline, Tolerances, compare, corpus_year, label_independence, place_yearless
from consistency.extract.names import canonical_speaker, cluster_names, name_findings
from consistency.compare_quotes import compare_quotes
from consistency.copies import find_copies, source_groups
from consistency.stories import stories
from consistency.extract.pipeline import extract_claims
from consistency.extract.sets import set_findings
from consistency.rules import Rules, load_rules

if TYPE_CHECKING:
    import pandas as pd

SCHEMA = "consistency/report@1"


@dataclass(frozen=True)
class CheckOptions:
    rules_dirs: tuple[Path, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    owner_min_score: float = 90.0
    # The ``new`` filter: files or folders of new articles.  They are read with the corpus
    # (``paths``) and compared with all of it, but only findings that cite a claim of a new
    # article are reported; the other articles are context.  ``None``: no filter.
    new: tuple[Path, ...] | None = None
    # How extraction runs (consistency/engine.py); the report is the same either way.
    # jobs: processes reading and extracting articles (1: this process; None: one per core).
    jobs: int | None = 1
    # cache: a folder for the cache of extracted articles (consistency/cache.py); None: off.
    cache: Path | None = None
    # engine: "local" (this machine, ``jobs`` processes) or "dask" (``scheduler``'s cluster, or
    # a LocalCluster when it is None; needs the ``dask`` extra).
    engine: str = "local"
    scheduler: str | None = None
    # With ``new`` and a cache, only the stories of the new articles are compared
    # (consistency/new_fast.py); the findings among other articles (``context_findings``) are
    # then not all known.  A caller that needs them all (a baseline telling stale entries)
    # sets this, and the whole corpus is compared.
    all_context: bool = False


# progress(phase, done, total): called while articles are read ("read") and their claims
# extracted ("extract"), so a caller can show a progress bar.
Progress = Callable[[str, int, int], None]


@dataclass
class Report:
    articles: list[Article]
    claims: list[Claim]
    findings: list[Finding]
    problems: list[InputProblem] = field(default_factory=list)
    rules_version: str = ""
    # With the ``new`` filter: the ids of the new articles, and what was left out as context
    # (findings not involving a new article, claims neither of a new article nor cited).
    new_articles: tuple[str, ...] | None = None
    context_findings: list[Finding] = field(default_factory=list)
    context_claims: list[Claim] = field(default_factory=list)
    # With a baseline: the findings it suppressed, and {"suppressed": n, "stale": [...]}.
    suppressed: list[Finding] = field(default_factory=list)
    baseline: dict[str, Any] | None = None
    # Articles that derive from one another (consistency/copies.py).
    copies: list[Any] = field(default_factory=list)
    # Notes about the run itself, not about an article (the cache was rebuilt ...): for stderr.
    run_notes: list[str] = field(default_factory=list)

    @property
    def claims_frame(self) -> pd.DataFrame:
        return claims_frame(self.claims)

    def count(self, verdict: str) -> int:
        return sum(1 for f in self.findings if f.verdict == verdict)

    @property
    def skipped(self) -> list[tuple[str, str]]:
        rows = [(p.path, p.reason) for p in self.problems]
        rows += [(a.path, a.reason or "") for a in self.articles if a.status != "ok"]
        return rows

    def claim(self, claim_id: str) -> Claim:
        try:
            return self._by_id[claim_id]
        except KeyError:
            return next(c for c in self.context_claims if c.id == claim_id)

    @property
    def _by_id(self) -> dict[str, Claim]:
        # Built once per list of claims (renderers ask for every cited claim).
        held = self.__dict__.get("_by_id_cache")
        if held is None or held[0] is not self.claims or held[1] != len(self.claims):
            held = (self.claims, len(self.claims), {c.id: c for c in self.claims})
            self.__dict__["_by_id_cache"] = held
        return held[2]

    def is_new(self, article_id: str) -> bool:
        """Whether an article is a subject of the run (always true without the ``new`` filter)."""
        return self.new_articles is None or article_id in self.new_articles

    def article(self, article_id: str) -> Article:
        # An index built once per list of articles (renderers ask for every cited article); ids
        # are unique, but the first article of an id wins, as a scan would find it.
        held = self.__dict__.get("_article_index")
        if held is None or held[0] is not self.articles or held[1] != len(self.articles):
            index: dict[str, Article] = {}
            for a in self.articles:
                index.setdefault(a.id, a)
            held = (self.articles, len(self.articles), index)
            self.__dict__["_article_index"] = held
        try:
            return held[2][article_id]
        except KeyError:
            raise StopIteration from None  # what next() over no match raised

    def to_json_dict(self) -> dict[str, Any]:
        return {key: (list(value) if isinstance(value, Iterator) else value) for key, value in self._json_parts()}

    def _json_parts(self) -> list[tuple[str, Any]]:
        """The report's top-level keys in order; the long lists as iterators, built one item at a time."""
        articles = [a.to_dict() for a in self.articles]
        for problem in self.problems:
            articles.append({"id": None, "path": problem.path, "title": None, "source": None, "url": None,
                             "published": None, "status": "skipped", "reason": problem.reason})
        for a, out in zip(self.articles, articles):
            if a.notes:
                out["notes"] = list(a.notes)
        out: list[tuple[str, Any]] = [
            ("schema", SCHEMA),
            ("generated_by", f"consistency {__version__}"),
            ("rules_version", self.rules_version),
            ("summary", {
                "articles": sum(1 for a in self.articles if a.status == "ok"),
                "skipped": len(self.skipped),
                "claims": len(self.claims),
                **{v: self.count(v) for v in ("discrepancy", "update", "agreement", "unique")},
            }),
            ("articles", iter(articles)),
            ("claims", (_claim_json(c) for c in self.claims)),
            ("findings", (f.to_dict() for f in self.findings)),
            ("copies", (link.to_dict() for link in self.copies)),
        ]
        # Additive to consistency/report@1: present only when the feature is used.
        if self.new_articles is not None:
            out.append(("new_articles", list(self.new_articles)))
        if self.baseline is not None:
            out.append(("baseline", dict(self.baseline)))
        return out

    def json_chunks(self) -> Iterator[str]:
        """The JSON report in pieces, the same text as ``json.dumps(to_json_dict(), indent=2)``.

        A report of 100,000 articles holds millions of claims: built as one string (and its
        escaped and encoded copies) it took some 15 GB; written piece by piece, one claim's text
        at a time."""
        from consistency.render.escape import json_text

        def dumps(value: Any, pad: str) -> str:
            return json_text(_indented(value, pad))

        yield "{"
        for n, (key, value) in enumerate(self._json_parts()):
            yield ("," if n else "") + "\n  " + dumps(key, "") + ": "
            if not isinstance(value, Iterator):
                yield dumps(value, "  ")
                continue
            empty = True
            for item in value:
                yield ("[" if empty else ",") + "\n    " + dumps(item, "    ")
                empty = False
            yield "[]" if empty else "\n  ]"
        yield "\n}\n"

    def to_json(self) -> str:
        return "".join(self.json_chunks())


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # one value, by the C encoder


def _indented(value: Any, pad: str = "") -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, its lines after the first indented by
    ``pad``.  json.dumps indents with its pure-Python encoder; this writes the layout itself and
    leaves each scalar to the C encoder (a report of 10,000 articles: 0.4 -> 0.1 s)."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not all(isinstance(k, str) for k in value):
            return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + pad)
        inner = pad + "  "
        return "{\n" + ",\n".join(f"{inner}{_ENCODE(k)}: {_indented(v, inner)}" for k, v in value.items()) \
            + "\n" + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = pad + "  "
        return "[\n" + ",\n".join(inner + _indented(v, inner) for v in value) + "\n" + pad + "]"
    return _ENCODE(value)


def _claim_json(c: Claim) -> dict[str, Any]:
    out = {
        "id": c.id, "article": c.article, "kind": c.kind, "text": c.text, "sentence": c.sentence,
        "line": c.line, "start": c.start, "end": c.end,
        # A date that cannot be placed has no value; its note says why.
        "value": None if c.kind == "date" and not c.resolved else c.value, "low": c.low, "high": c.high,
        "low_exclusive": c.low_exclusive, "high_exclusive": c.high_exclusive, "qualifier": c.qualifier,
        "unit": c.unit, "measure": c.measure, "property": c.property, "owner": c.owner,
        "attribution": c.attribution, "resolved": c.resolved, "note": c.note,
    }
    if c.weekday:
        out["weekday"] = c.weekday
    if c.revision:
        out["revision"] = c.revision
    if c.period:
        out["period"] = c.period
    if c.weekday_conflict:
        out["weekday_conflict"] = c.weekday_conflict
    return out


def _display_path(path: Path, cwd: Path | None = None) -> str:
    try:
        return str(path.resolve().relative_to(cwd or Path.cwd().resolve()))
    except ValueError:
        return str(path)


def display_paths(files: list[Path], plain: dict[str, str] | None = None) -> list[str]:
    """``_display_path`` of every file, resolving each folder once rather than each file's
    every component (10,000 files: a second less): a file that is not a symbolic link resolves
    to its folder's real path plus its name.  ``plain``: files known not to be links, and their
    resolved paths (discover's listing told): not asked again."""
    cwd = Path.cwd().resolve()
    under = os.path.join(str(cwd), "")  # "/work/" (or "/"): a resolved path under cwd starts so
    shown: dict[str, str | None] = {}  # folder -> its real path relative to cwd (None: outside)
    out = []
    plain = plain or {}
    for f in files:
        text = str(f)
        real = plain.get(text)
        if real is not None:
            out.append(real[len(under):] if real.startswith(under) else text)
            continue
        folder, name = os.path.split(text)
        if not name or name in (".", "..") or os.path.islink(text):
            out.append(_display_path(f, cwd))
            continue
        if folder not in shown:
            try:
                shown[folder] = str(Path(folder or ".").resolve().relative_to(cwd))
            except ValueError:
                shown[folder] = None
        rel = shown[folder]
        out.append(text if rel is None else name if rel == "." else os.path.join(rel, name))
    return out


def read_articles(paths: list[Path], rules: Rules, options: CheckOptions,
                  progress: Progress | None = None) -> tuple[list[Article], list[InputProblem]]:
    files, problems = discover([Path(p) for p in paths])
    vocab = rules.compiled
    articles = []
    for i, f in enumerate(files, start=1):
        articles.append(read_article(f, vocab, display=_display_path(f), max_bytes=options.max_bytes))
        if progress:
            progress("read", i, len(files))
    # Ids must be unique: a second file with the same name gets its folder in front.
    seen: dict[str, int] = {}
    for a in articles:
        if a.id in seen:
            parent = Path(a.path).parent.name or "root"
            new_id = f"{parent}/{a.id}"
            n = 2
            while new_id in seen:
                new_id, n = f"{parent}/{a.id}~{n}", n + 1
            a.notes.append(f"another article is also named '{a.id}'; this one is '{new_id}'")
            a.id = new_id
        seen[a.id] = 1
    return articles, problems


def _extract_with_engine(paths: list[Path], rules: Rules, options: CheckOptions, progress: Progress | None
                         ) -> tuple[list[Article], list[Claim], list[InputProblem], list[str], dict[str, str]]:
    """Read and extract with consistency/engine.py (processes, a cache, Dask): the same articles,
    claims and order as the one-process path of check()."""
    from consistency.engine import default_jobs, extract_all, plan

    plain: dict[str, str] = {}
    files, problems = discover(paths, plain)
    tasks = plan(files, display_paths(files, plain), options.max_bytes)
    cache = None
    if options.cache is not None:
        from consistency.cache import ClaimCache

        cache = ClaimCache(options.cache)
    keys: dict[str, str] = {}
    try:
        results, notes = extract_all(tasks, rules, jobs=options.jobs or default_jobs(), cache=cache,
                                     engine=options.engine, scheduler=options.scheduler, progress=progress)
        if cache is not None:  # the articles' keys, for the copies of each story (story_copies)
            from consistency.engine import lookup_keys

            keys = {t.id: k for t, k in zip(tasks, lookup_keys(tasks, rules.version, cache)) if k is not None}
    finally:
        if cache is not None:
            cache.close()
    order = sorted(range(len(results)), key=lambda i: results[i][0].id)
    articles = [results[i][0] for i in order]
    claims = [c for i in order for c in results[i][1]]
    return articles, claims, problems, notes, keys


def check(paths: list[Path] | list[str], options: CheckOptions = CheckOptions(), *, rules: Rules | None = None,
          progress: Progress | None = None) -> Report:
    """Read the articles under ``paths``, extract their claims and compare them.

    With ``options.new``, the new articles are read too, and only findings that involve one
    of them are reported (see :class:`CheckOptions`)."""
    rules = rules or load_rules(options.rules_dirs)
    new_files: set[Path] | None = None
    new_problems: list[InputProblem] = []
    if options.new is not None:
        found, new_problems = discover([Path(p) for p in options.new])
        new_files = {f.resolve() for f in found}
        if not new_files:  # nothing new to check: the corpus need not be read
            return Report(articles=[], claims=[], findings=[], problems=new_problems,
                          rules_version=rules.version, new_articles=())
        paths = [*map(Path, paths), *sorted(new_files)]
        if options.cache is not None and not options.all_context:
            from consistency.new_fast import check_new

            return check_new(paths, new_files, new_problems, rules, options, progress)
    vocab = rules.compiled
    run_notes: list[str] = []
    keys: dict[str, str] = {}
    if options.jobs == 1 and options.cache is None and options.engine == "local":
        # One process, no cache: read everything, then extract in order of id.
        articles, problems = read_articles([Path(p) for p in paths], rules, options, progress)
        articles.sort(key=lambda a: a.id)
        claims: list[Claim] = []
        for i, article in enumerate(articles, start=1):
            try:
                claims.extend(extract_claims(article, vocab))
            except Exception as exc:  # noqa: BLE001 - one article must not sink the run
                article.status = "skipped"
                article.reason = f"extraction failed ({type(exc).__name__}: {exc}); please report this article"
            if progress:
                progress("extract", i, len(articles))
    else:
        articles, claims, problems, run_notes, keys = _extract_with_engine([Path(p) for p in paths], rules,
                                                                           options, progress)
    problems = new_problems + [p for p in problems if p not in new_problems]
    year, why = corpus_year([a.published for a in articles], claims)
    claims = complete_publication(articles, claims, year, why, vocab)
    claims = place_yearless(claims, year, why)
    claims = [replace(c, id=f"c{i}") for i, c in enumerate(claims, start=1)]
    clusters = cluster_names([c for c in claims if c.kind == "name"], vocab.names)
    claims = canonical_attributions(claims, clusters, vocab)
    published = {a.id: a.published for a in articles}
    ok = [a for a in articles if a.status == "ok"]
    story_of = stories([a.id for a in ok], claims, published, vocab.rules.get("stories", {}),
                       texts={a.id: a.text for a in ok})
    findings = story_findings(claims, story_of, published, name_findings(claims, vocab.names, clusters), vocab,
                              options)
    if options.cache is not None:
        from consistency.cache import ClaimCache

        with ClaimCache(options.cache) as cache:
            copies, groups = story_copies(ok, story_of, vocab, cache=cache, keys=keys)
    else:
        copies, groups = story_copies(ok, story_of, vocab)
    findings = label_independence(findings, groups)
    report = Report(articles=articles, claims=claims, findings=findings, problems=problems,
                    rules_version=rules.version, copies=copies, run_notes=run_notes)
    if new_files is not None:  # the ``new`` filter (consistency/newfilter.py)
        from consistency.newfilter import only_new

        report = only_new(report, [a.id for a in articles if Path(a.path).resolve() in new_files])
    return report


# -- the steps after extraction, shared with consistency/new_fast.py --------------------------
def canonical_attributions(claims: list[Claim], clusters: list, vocab) -> list[Claim]:  # noqa: ANN001
    return [
        replace(c, attribution=canonical_speaker(c.attribution, clusters, vocab.names)) if c.attribution else c
        for c in claims
    ]


def complete_publication(articles: list[Article], claims: list[Claim], year: int | None, why: str,
                         vocab: Any) -> list[Claim]:
    """Articles whose dateline gave a day without a year ("MAKASSAR, March 4 (Reuters) -") take the
    corpus year; their claims are read again from that date, so that "on Sunday" is placed.

    Re-reading changes values, never the number of claims (ids stay as ``check --new`` counts them)."""
    if year is None:
        return claims
    redo: dict[str, Article | None] = {}
    for a in articles:
        if a.published is None and a.published_partial and a.status == "ok":
            month, day = a.published_partial
            try:
                a.published = date(year, month, day)
            except ValueError:
                continue
            a.published_from = f"{a.published_from}; year {year} assumed from {why}"
            redo[a.id] = a
    if not redo:
        return claims
    out: list[Claim] = []
    for c in claims:
        if c.article not in redo:
            out.append(c)
        elif (article := redo[c.article]) is not None:
            out.extend(extract_claims(article, vocab))
            redo[c.article] = None  # its claims are in
    return out


def story_findings(claims: list[Claim], story_of: dict[str, str], published: dict, names: list[Finding],
                   vocab, options: CheckOptions) -> list[Finding]:  # noqa: ANN001
    """Findings over ``claims`` (every claim of the stories compared), with ``names``: the
    corpus's name findings.  Everything but the names is found within a story."""
    by_story: dict[str, list[Claim]] = {}
    for c in claims:
        by_story.setdefault(story_of.get(c.article, ""), []).append(c)
    # Lists and quotes are compared within a story; a name's spellings across the whole corpus.
    per_story = [f for story in sorted(by_story) for f in set_findings(by_story[story], vocab)
                 + compare_quotes(by_story[story], vocab)]
    return compare(
        claims,
        relations=vocab.relations,
        aliases=vocab.entity_aliases,
        tolerances=Tolerances(owner_min_score=options.owner_min_score),
        extra=names + per_story,
        story_of=story_of,
        owned=frozenset(vocab.owned_things[0]),
        generic=frozenset(vocab.generic_heads),
        timeline=Timeline(
            published=published,
            cumulative=frozenset(vocab.cumulative),
            update_cues=vocab.update_cues,
            vague_duration_slack=float(vocab.event_rules.get("matching", {}).get("vague_duration_slack", 0.0)),
            occurrence_days=vocab.event_rules.get("matching", {}).get("same_occurrence_days"),
        ),
    )


def story_copies(ok: list[Article], story_of: dict[str, str], vocab, *, cache=None,  # noqa: ANN001
                 keys: dict[str, str] | None = None,
                 full: Callable[[list[str]], dict[str, Article]] | None = None) -> tuple[list, dict[str, str]]:
    """Copy links and source groups, looked for within each story.

    A copy is one story told twice, so it shares the story's names and dates: looking within
    stories finds the same copies, keeps what counts as boilerplate local to the story, and
    lets ``check --new`` look only at the stories it needs with the same result.

    With a ``cache`` and the articles' cache ``keys`` (article id -> key), a story's links are
    kept under a key made of its members' keys: they depend on nothing else.  ``full`` gives
    the articles with their text when ``ok`` holds them without (consistency/new_fast.py); it
    is asked only for stories not in the cache."""
    import hashlib

    copy_rules = vocab.rules.get("copies", {})
    by_story: dict[str, list[Article]] = {}
    for a in ok:
        by_story.setdefault(story_of.get(a.id, ""), []).append(a)
    story_keys: dict[str, str] = {}
    links_of: dict[str, list] = {}
    if cache is not None and keys:
        for story, members in by_story.items():
            member_keys = [keys.get(a.id) for a in members]
            if all(member_keys):
                digest = hashlib.sha256("\0".join(sorted(member_keys)).encode()).hexdigest()  # type: ignore[arg-type]
                story_keys[story] = f"copies:{digest}"
        held = cache.get_many(list(story_keys.values()))
        links_of = {story: held[key] for story, key in story_keys.items() if key in held}
    missing = [story for story in sorted(by_story) if story not in links_of]
    texts = full([a.id for story in missing for a in by_story[story]]) if full is not None and missing else {}
    fresh = []
    for story in missing:
        members = [texts.get(a.id, a) for a in by_story[story]]
        links_of[story] = find_copies(members, copy_rules)
        if story in story_keys:
            fresh.append((story_keys[story], links_of[story]))
    if cache is not None and fresh:
        cache.put_many(fresh)
    copies = sorted((link for story in sorted(by_story) for link in links_of[story]), key=lambda l: (l.a, l.b))
    return copies, source_groups(ok, copies, rules=copy_rules)
