"""Reading and extracting articles: in this process, over a pool of processes, or on Dask.

Each article is read, normalised and turned into claims on its own (nothing in extraction
looks at another article), so the work is spread over processes and the results are put back
in the order a single process would produce them: the report is byte for byte the same with
any number of jobs, with or without the cache (:mod:`consistency.cache`), on any engine.

Ids are given before the work starts: an article's id is its file name without extension, and
a second file with the same name gets its folder in front (in the order of the files); the
id is part of every claim, so it must be known before extraction.

Workers load the rules themselves: they get the rule data (plain TOML tables), never compiled
patterns, and compile them once per process (:func:`_worker_vocab`).
"""

from __future__ import annotations

import functools
import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consistency.articles import Article, read_article
from consistency.claims import Claim
from consistency.extract.pipeline import extract_claims
from consistency.rules import Rules

if TYPE_CHECKING:
    from consistency.cache import ClaimCache

# Below this many articles to extract, a pool costs more than it saves.
MIN_PARALLEL_ARTICLES = 16


@dataclass(frozen=True)
class Task:
    """One article to read and extract."""

    path: str
    display: str
    id: str
    note: str | None  # "another article is also named ..." when the id was changed
    max_bytes: int


Result = tuple[Article, list[Claim]]
Progress = Callable[[str, int, int], None]


def plan(files: list[Path], displays: list[str], max_bytes: int) -> list[Task]:
    """A task per file, with its final id (unique: a second file of a name gets its folder in front)."""
    tasks = []
    seen: dict[str, int] = {}
    for f, display in zip(files, displays):
        stem = f.stem
        new_id, note = stem, None
        if stem in seen:
            parent = Path(display).parent.name or "root"
            new_id = f"{parent}/{stem}"
            n = 2
            while new_id in seen:
                new_id, n = f"{parent}/{stem}~{n}", n + 1
            note = f"another article is also named '{stem}'; this one is '{new_id}'"
        seen[new_id] = 1
        tasks.append(Task(str(f), display, new_id, note, max_bytes))
    return tasks


def run_task(task: Task, rules: Rules) -> Result:
    """Read, normalise and extract one article (what check() did per article, in that order)."""
    vocab = rules.compiled
    article = read_article(Path(task.path), vocab, display=task.display, max_bytes=task.max_bytes)
    article.id = task.id
    if task.note:
        article.notes.append(task.note)
    claims: list[Claim] = []
    try:
        claims = extract_claims(article, vocab)
    except Exception as exc:  # noqa: BLE001 - one article must not sink the run
        article.status = "skipped"
        article.reason = f"extraction failed ({type(exc).__name__}: {exc}); please report this article"
        claims = []
    article._lines = None  # rebuilt on demand; not worth shipping between processes
    return article, claims


# -- workers ----------------------------------------------------------------------------
_WORKER_RULES: Rules | None = None


def _init_worker(data: dict[str, Any], files: dict[str, list[Path]]) -> None:
    global _WORKER_RULES
    _WORKER_RULES = Rules(data=data, files=files)
    _WORKER_RULES.compiled  # noqa: B018 - compile once per process


def _run_chunk(tasks: list[Task]) -> list[Result]:
    assert _WORKER_RULES is not None, "worker not initialised"
    return [run_task(t, _WORKER_RULES) for t in tasks]


def rules_payload(rules: Rules) -> tuple[dict[str, Any], dict[str, list[Path]]]:
    """What a worker needs to load the same rules: the merged rule data, not compiled objects."""
    return rules.data, rules.files


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def chunks(tasks: list[Task], jobs: int) -> list[list[Task]]:
    """Chunks small enough to balance the load and show progress, large enough to be cheap."""
    size = max(1, min(64, len(tasks) // (jobs * 8) or 1))
    return [tasks[i : i + size] for i in range(0, len(tasks), size)]


def _mp_context():
    import multiprocessing

    # fork is fast (the rules and modules are already loaded) but unsafe with threads running.
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run_local(tasks: list[Task], rules: Rules, jobs: int, progress: Progress | None = None) -> Iterator[Result]:
    """Results in the order of ``tasks``: in this process (jobs 1 or few tasks) or a process pool."""
    if jobs <= 1 or len(tasks) < MIN_PARALLEL_ARTICLES:
        for i, task in enumerate(tasks, start=1):
            yield run_task(task, rules)
            if progress:
                progress("extract", i, len(tasks))
        return
    from concurrent.futures import ProcessPoolExecutor

    done = 0
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=_mp_context(),
                             initializer=_init_worker, initargs=rules_payload(rules)) as pool:
        for results in pool.map(_run_chunk, chunks(tasks, jobs)):
            for result in results:
                done += 1
                yield result
            if progress:
                progress("extract", done, len(tasks))


# -- the whole step ---------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the program's own source: an extraction change without a version bump must
    not be served stale claims from the cache."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_key(data: bytes | str, task: Task, rules_version: str) -> str:
    """The cache key of an article: its bytes (or their digest, :func:`file_digest`), how it is
    read, its id and path (both are in the article and its claims: two copies of one file are
    two entries), the rules and this version."""
    digest = _key_prefix(rules_version).copy()
    for part in (os.path.splitext(task.path)[1].lower(), task.id, task.display):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update((file_digest(data) if isinstance(data, bytes) else data).encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=4)
def _key_prefix(rules_version: str):  # noqa: ANN202 - a hashlib object
    """The part of every key that is the same for a whole run: hashed once, copied per article."""
    from consistency import __version__

    digest = hashlib.sha256()
    for part in (__version__, code_version(), rules_version):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_SETTLED_NS = 2_000_000_000


def _stat_signature(st: os.stat_result) -> str:
    # Size, both times to the nanosecond and the inode: a file rewritten in place changes ctime
    # even when its mtime is set back.
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"


def lookup_keys(tasks: list[Task], rules_version: str, cache: ClaimCache) -> list[str | None]:
    """The cache key of every task (None: not cacheable: unreadable or over the size limit).

    A file whose size, times and inode are as remembered keeps its remembered digest and is not
    read; the others are read and hashed, and remembered for the next run."""
    known = cache.digests()
    keys: list[str | None] = []
    fresh: list[tuple[str, str, str]] = []
    for task in tasks:
        try:
            st = os.stat(task.path)
        except OSError:
            keys.append(None)
            continue
        if st.st_size > task.max_bytes:
            keys.append(None)
            continue
        signature = _stat_signature(st)
        held = known.get(task.path)
        if held is not None and held[0] == signature:
            digest = held[1]
        else:
            try:
                digest = file_digest(Path(task.path).read_bytes())
            except OSError:
                keys.append(None)
                continue
            # A file changed within the clock's granularity of now could change again unseen
            # with the same signature ("racily clean" in git): remember only settled files.
            if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > _SETTLED_NS:
                fresh.append((task.path, signature, digest))
        keys.append(content_key(digest, task, rules_version))
    cache.put_digests(fresh)
    return keys


# The fields of an article that a summary keeps (all but the text): what the report lists.
SUMMARY_FIELDS = ("id", "path", "title", "source", "url", "published_from", "status", "reason", "encoding",
                  "published_partial")


def summary(result: Result) -> tuple:
    """What ``check --new`` needs of an article that is not new (see consistency/new_fast.py):
    its metadata without the text, how many claims it has, its name claims in short form, the
    years its dates give (for the corpus year) and the capitalised words that tie stories.

    Plain tuples, strings and numbers: 10,000 of them unpickle in a fraction of a second."""
    from collections import Counter

    from consistency.stories import proper_words

    article, claims = result
    meta = (*(getattr(article, name) for name in SUMMARY_FIELDS),
            article.published.toordinal() if article.published else None, tuple(article.notes))
    years = Counter(int(str(c.value)[:4]) for c in claims if c.kind == "date" and c.resolved and c.value and c.unit)
    names = tuple((i, c.text, c.value, c.unit, c.offset, c.rule) for i, c in enumerate(claims) if c.kind == "name")
    words = tuple(sorted(proper_words(article.text))) if article.status == "ok" else ()
    # years: in order of first mention (Counter.most_common keeps ties in that order)
    return meta, len(claims), names, tuple(years.items()), words


def extract_all(tasks: list[Task], rules: Rules, *, jobs: int = 1, cache: ClaimCache | None = None,
                engine: str = "local", scheduler: str | None = None,
                progress: Progress | None = None) -> tuple[list[Result], list[str]]:
    """(article, claims) for every task, in task order, and notes about the run (the cache).

    Cached articles are taken from ``cache``; the others are read and extracted by ``engine``
    (``local``: ``jobs`` processes; ``dask``: a Dask cluster) and stored in the cache."""
    results: list[Result | None] = [None] * len(tasks)
    keys: list[str | None] = [None] * len(tasks)
    notes: list[str] = []
    todo: list[int] = list(range(len(tasks)))
    if cache is not None:
        todo = []
        keys = lookup_keys(tasks, rules.version, cache)
        hits = cache.get_many([k for k in keys if k is not None])
        for i, task in enumerate(tasks):
            hit = hits.get(keys[i]) if keys[i] is not None else None
            # A hit counts only for the same id and path (they are part of the article and its claims).
            if hit is not None and hit[0].id == task.id and hit[0].path == task.display:
                results[i] = hit
            else:
                todo.append(i)
        if progress and len(todo) < len(tasks):
            progress("extract", len(tasks) - len(todo), len(tasks))
    pending = [tasks[i] for i in todo]
    offset = len(tasks) - len(todo)

    def shifted(phase: str, done: int, total: int) -> None:
        if progress:
            progress(phase, offset + done, len(tasks))

    if engine == "dask":
        from consistency.dask_engine import run_dask

        produced: Iterable[Result] = run_dask(pending, rules, scheduler=scheduler, progress=shifted)
    elif engine == "local":
        produced = run_local(pending, rules, jobs, progress=shifted)
    else:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    fresh: list[tuple[str, Result]] = []
    for i, result in zip(todo, produced):
        results[i] = result
        if cache is not None and keys[i] is not None:
            fresh.append((keys[i], result, summary(result)))  # type: ignore[arg-type]
            if len(fresh) >= 500:
                cache.put_many(fresh)
                fresh = []
    if cache is not None:
        if fresh:
            cache.put_many(fresh)
        notes.extend(cache.notes)
        notes.append(f"cache {cache.folder}: {len(tasks) - len(todo):,} of {len(tasks):,} article(s) reused, "
                     f"{len(todo):,} extracted")
    return [r for r in results if r is not None], notes
