#!/usr/bin/env python3
"""Time each stage of a check separately on a corpus.

    python benchmarks/stages.py CORPUS_DIR [--limit N] [--json out.json]
    python benchmarks/stages.py CORPUS_DIR --growth [--sizes 1000,10000] [--max 100000]
    python benchmarks/stages.py CORPUS_DIR --profile [--limit 1000]

The stages are timed inside one real call of consistency.api.check() (its functions are
wrapped for the run; each stage counts its own time minus that of wrapped functions it calls),
then each renderer is timed:

  discover   finding the article files (consistency.articles.discover)
  read       file I/O and decoding (Path.read_bytes + consistency.articles.decode)
  normalise  the rest of consistency.api.read_articles: front matter, repairs, page furniture,
             header dates, offset maps (consistency.articles.build_article), unique ids
  extract    sentences, dates, quantities, names, context (consistency.extract.pipeline.extract_claims)
  place      the corpus year and year-less dates (consistency.compare.corpus_year, place_yearless)
  names      speaker/name clustering and name findings (consistency.extract.names)
  quotes     comparing quotations (consistency.compare_quotes)
  compare    grouping and verdicts (consistency.compare.compare, set findings)
  copies     copied articles and independent source groups (find_copies, source_groups,
             label_independence)
  other      whatever else check() does (sorting, claim ids, steps not listed above)
  render_*   table, markdown, json (consistency.render.render)

For each: wall time, characters per second (of decoded article text), claims per second, and
the peak resident memory reached during the stage (Linux: VmHWM after resetting it through
/proc/self/clear_refs; elsewhere the process's ru_maxrss, which only grows).  "check total" is
check()'s wall time: what ``consistency check`` does before rendering.

--growth runs each size in a fresh process (so memory is per size) and prints how each stage's
time grows per 10x articles: 10x is linear, about 13x at 1k->10k is n log n; a stage growing
faster is reported as super-linear and profiled with cProfile on --profile-size articles.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import json
import math
import os
import pstats
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

STAGES = ["discover", "read", "normalise", "extract", "place", "names", "quotes", "compare", "copies", "other",
          "render_table", "render_markdown", "render_json"]
CHECK_STAGES = ["discover", "read", "normalise", "extract", "place", "names", "quotes", "compare", "copies", "other"]


# -- memory ------------------------------------------------------------------------------
def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def _status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _peak_mb() -> float:
    hwm = _status_kb("VmHWM")
    if hwm is not None:
        return hwm / 1024
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _rss_mb() -> float:
    rss = _status_kb("VmRSS")
    return rss / 1024 if rss is not None else _peak_mb()


# -- the pipeline, stage by stage -----------------------------------------------------------
# The check stages are timed inside the real consistency.api.check(): the functions it calls
# are wrapped for the run, and each stage gets the time spent in its functions minus the time
# of wrapped functions they call (read inside normalise).  So the total is check()'s own wall
# time, and a step added to check() later that is not listed here shows up as "other".
WRAPPED = {  # stage: [(module, attribute)]
    "discover": [("consistency.api", "discover")],
    "read": [("pathlib", "Path.read_bytes"), ("consistency.articles", "decode")],
    "normalise": [("consistency.api", "read_articles")],
    "extract": [("consistency.api", "extract_claims")],
    "place": [("consistency.api", "corpus_year"), ("consistency.api", "place_yearless")],
    "names": [("consistency.api", "cluster_names"), ("consistency.api", "canonical_speaker"),
              ("consistency.api", "name_findings")],
    "quotes": [("consistency.api", "compare_quotes")],
    "compare": [("consistency.api", "compare"), ("consistency.api", "set_findings")],
    "copies": [("consistency.api", "find_copies"), ("consistency.api", "source_groups"),
               ("consistency.api", "label_independence")],
}


class StageClock:
    """Exclusive time per stage of wrapped functions, and the peak RSS of each outermost stage."""

    def __init__(self, progress: Path | None = None) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.peak: dict[str, float] = {}
        self.stack: list[list] = []  # [stage, start, child seconds]
        self.top: str | None = None
        self.progress = progress
        self.per_stage_peak = _reset_peak()
        self._undo: list[tuple[object, str, object]] = []

    def _enter(self, stage: str) -> None:
        if not self.stack and stage != self.top:
            self._close_top()
            self.top = stage
            if self.progress:
                with open(self.progress, "a") as handle:
                    handle.write(json.dumps({"started": stage}) + "\n")
        self.stack.append([stage, time.perf_counter(), 0.0, time.process_time(), 0.0])

    def _exit(self) -> None:
        stage, t0, child, c0, cchild = self.stack.pop()
        dt = time.perf_counter() - t0
        dc = time.process_time() - c0
        self.seconds[stage] = self.seconds.get(stage, 0.0) + dt - child
        self.cpu[stage] = self.cpu.get(stage, 0.0) + dc - cchild
        if self.stack:
            self.stack[-1][2] += dt
            self.stack[-1][4] += dc

    def _close_top(self) -> None:
        if self.top is not None:
            self.peak[self.top] = max(self.peak.get(self.top, 0.0), _peak_mb())
            if self.progress:
                with open(self.progress, "a") as handle:
                    handle.write(json.dumps({"done": self.top, "seconds": self.seconds.get(self.top, 0.0),
                                             "cpu_seconds": self.cpu.get(self.top, 0.0)}) + "\n")
        self.per_stage_peak = _reset_peak() and self.per_stage_peak

    def wrap(self, stage: str, fn):
        clock = self

        def wrapped(*args, **kwargs):
            clock._enter(stage)
            try:
                return fn(*args, **kwargs)
            finally:
                clock._exit()

        return wrapped

    def install(self) -> list[str]:
        import importlib

        installed = []
        for stage, targets in WRAPPED.items():
            for module_name, attr in targets:
                owner = importlib.import_module(module_name)
                name = attr
                if "." in attr:
                    cls, name = attr.split(".")
                    owner = getattr(owner, cls)
                original = owner.__dict__.get(name) if isinstance(owner, type) else getattr(owner, name, None)
                if original is None:
                    continue
                self._undo.append((owner, name, original))
                setattr(owner, name, self.wrap(stage, original))
                installed.append(f"{module_name}.{attr}")
        return installed

    def uninstall(self) -> None:
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo.clear()

    def timed(self, stage: str, fn):
        """Run ``fn`` as a stage of its own (the renderers)."""
        return self.wrap(stage, fn)()

    def finish(self) -> None:
        self._close_top()
        self.top = None


class _OverBudget(Exception):
    pass


class _budget:
    """Stop the block with _OverBudget after ``seconds`` (SIGALRM; main thread, POSIX)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds

    def __enter__(self) -> None:
        if self.seconds and hasattr(signal, "setitimer"):
            def handler(signum, frame):
                raise _OverBudget()

            self.old = signal.signal(signal.SIGALRM, handler)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc) -> None:
        if self.seconds and hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.old)


class Run:
    def __init__(self, corpus: Path, limit: int | None, progress: Path | None = None,
                 render_budget: float | None = None, per_folder: bool = False) -> None:
        self.corpus = corpus
        self.limit = limit
        self.progress = progress
        self.render_budget = render_budget
        self.per_folder = per_folder
        self.profilers: dict[str, cProfile.Profile] = {}  # "check", "render": enabled around those parts

    def groups(self) -> list[list[Path]]:
        """What each check() call gets: the whole corpus, or (--per-folder) one event folder each."""
        from consistency.articles import discover

        if not self.limit and not self.per_folder:
            return [[self.corpus]]
        files, _ = discover([self.corpus])  # the listing is not timed: check() gets the files
        files = files[: self.limit] if self.limit else files
        if not self.per_folder:
            return [files]
        by_folder: dict[Path, list[Path]] = {}
        for f in files:
            by_folder.setdefault(f.parent, []).append(f)
        return list(by_folder.values())

    def run(self, *, render: bool = True) -> dict:
        from consistency import api
        from consistency.render import Format
        from consistency.render import render as render_fmt
        from consistency.rules import load_rules

        t_rules = time.perf_counter()
        rules = load_rules()
        vocab = rules.compiled
        vocab.dates.find("On Monday, January 3, 2022, 12 people")  # patterns compile lazily: not part of any stage
        vocab.numbers.find("On Monday, January 3, 2022, 12 people")
        rules_s = time.perf_counter() - t_rules
        groups = self.groups()

        clock = StageClock(self.progress)
        wrapped = clock.install()
        total = total_cpu = 0.0
        chars = claims = findings = articles = ok = 0
        kinds: dict[str, int] = {}
        verdicts = {v: 0 for v in ("discrepancy", "update", "agreement", "unique")}
        sizes: dict[str, int | str] = {}
        stopped: dict[str, float] = {}
        check_peak = 0.0
        try:
            for paths in groups:
                prof = self.profilers.get("check")
                t0, c0 = time.perf_counter(), time.process_time()
                if prof:
                    prof.enable()
                report = api.check(paths, rules=rules)
                if prof:
                    prof.disable()
                total += time.perf_counter() - t0
                total_cpu += time.process_time() - c0
                clock.finish()
                check_peak = max(check_peak, _peak_mb_whole())
                if render:
                    for fmt in (Format.table, Format.markdown, Format.json):
                        name = f"render_{fmt.value}"
                        if name in stopped:
                            continue
                        prof = self.profilers.get("render")
                        try:
                            if prof:
                                prof.enable()
                            with _budget(self.render_budget):
                                text = clock.timed(name, lambda fmt=fmt, report=report: render_fmt(report, fmt))
                            if prof:
                                prof.disable()
                            sizes[fmt.value] = sizes.get(fmt.value, 0) + len(text)  # type: ignore[operator]
                        except _OverBudget:
                            if prof:
                                prof.disable()
                            clock.stack.clear()
                            clock.seconds[name] = self.render_budget or 0.0
                            clock.cpu[name] = self.render_budget or 0.0
                            stopped[name] = self.render_budget or 0.0
                            sizes[fmt.value] = "stopped"
                    clock.finish()
                chars += sum(len(a.raw) for a in report.articles)
                claims += len(report.claims)
                findings += len(report.findings)
                articles += len(report.articles) + len(report.problems)
                ok += sum(1 for a in report.articles if a.status == "ok")
                for c in report.claims:
                    kinds[c.kind] = kinds.get(c.kind, 0) + 1
                for v in verdicts:
                    verdicts[v] += report.count(v)
                del report
        finally:
            clock.uninstall()
        stages: dict[str, dict] = {}
        other = total - sum(v for k, v in clock.seconds.items() if not k.startswith("render_"))
        other_cpu = total_cpu - sum(v for k, v in clock.cpu.items() if not k.startswith("render_"))
        for name in STAGES:
            if name == "other":
                secs, cpu = max(other, 0.0), max(other_cpu, 0.0)
            elif name in clock.seconds:
                secs, cpu = clock.seconds[name], clock.cpu.get(name, 0.0)
            else:
                continue
            peak = None if name == "other" else clock.peak.get(name, clock.peak.get("normalise", 0.0))
            stages[name] = {"seconds": secs, "cpu_seconds": cpu, "peak_mb": peak, "chars": chars, "claims": claims}
            if name in stopped:
                stages[name]["stopped_after"] = stopped[name]
        check_peak = max([check_peak] + [v for k, v in clock.peak.items() if not k.startswith("render_")])
        return {
            "corpus": str(self.corpus), "articles": articles, "ok": ok, "check_calls": len(groups),
            "per_folder": self.per_folder, "chars": chars, "claims": claims, "claim_kinds": kinds,
            "findings": findings, "verdicts": verdicts, "rules_seconds": rules_s,
            "stages": stages, "check_seconds": total, "check_cpu_seconds": total_cpu,
            "peak_mb": max([_peak_mb_whole(), *clock.peak.values()]), "check_peak_mb": check_peak,
            "per_stage_peak": bool(clock.per_stage_peak), "render_chars": sizes, "wrapped": wrapped,
            "python": sys.version.split()[0], "cpus": os.cpu_count(),
        }


def _count(items) -> dict:
    out: dict = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out


def _peak_mb_whole() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# -- output ------------------------------------------------------------------------------
def _rate(n: float, seconds: float) -> str:
    if not n or seconds <= 0:
        return "-"
    r = n / seconds
    if r >= 1e6:
        return f"{r / 1e6:.2f} M"
    if r >= 1e3:
        return f"{r / 1e3:.1f} k"
    return f"{r:.0f}"


def print_report(res: dict, out=sys.stdout) -> None:
    calls = f" in {res['check_calls']:,} check() calls, one per event folder (--per-folder)" if res.get("per_folder") else ""
    print(f"corpus {res['corpus']}{calls}: {res['articles']:,} articles ({res['ok']:,} read), "
          f"{res['chars'] / 1e6:.2f} M characters, {res['claims']:,} claims {res.get('claim_kinds', '')}, "
          f"{res['findings']:,} findings {res['verdicts']}", file=out)
    print(f"(rules loaded and compiled in {res['rules_seconds']:.2f} s, not counted below)", file=out)
    peak_label = "peak RSS in stage" if res.get("per_stage_peak") else "peak RSS so far"
    print("(seconds = wall clock; cpu = this process's CPU time, less disturbed by other load on the machine;"
          " rates are per CPU second, i.e. per core)", file=out)
    print(f"{'stage':<16}{'seconds':>9}{'cpu':>9}{'share':>7}{'chars/s':>11}{'claims/s':>11}{peak_label:>20}", file=out)
    total = res["check_seconds"]
    for name in STAGES:
        s = res["stages"].get(name)
        if not s:
            continue
        share = f"{s['seconds'] / total:.0%}" if name in CHECK_STAGES and total else ""
        cpu = s.get("cpu_seconds") or s["seconds"]
        chars_rate = _rate(s["chars"], cpu) if name in ("read", "normalise", "extract") else "-"
        claims_rate = _rate(s["claims"], cpu) if name not in ("discover", "read", "normalise", "other", "copies") else "-"
        if s.get("peak_mb") is None:
            peak = "-"
        elif name in ("read", "normalise"):
            peak = f"{s['peak_mb']:.0f} MB (read+normalise)"
        else:
            peak = f"{s['peak_mb']:.0f} MB"
        if s.get("stopped_after"):
            print(f"{name:<16}{'>' + format(s['seconds'], '.0f'):>9}{'':>9}{'':>7}{'-':>11}{'-':>11}   stopped after "
                  f"{s['stopped_after']:.0f} s (--render-budget)", file=out)
            continue
        print(f"{name:<16}{s['seconds']:>9.2f}{cpu:>9.2f}{share:>7}{chars_rate:>11}{claims_rate:>11}   {peak:>17}", file=out)
    tcpu = res.get("check_cpu_seconds") or total
    print(f"{'check total':<16}{total:>9.2f}{tcpu:>9.2f}{'100%':>7}{_rate(res['chars'], tcpu):>11}"
          f"{_rate(res['claims'], tcpu):>11}   {res['check_peak_mb']:>14.0f} MB  (peak RSS of check())", file=out)
    ext = res["stages"]["extract"].get("cpu_seconds") or res["stages"]["extract"]["seconds"]
    norm = res["stages"]["normalise"].get("cpu_seconds") or res["stages"]["normalise"]["seconds"]
    print(f"extraction alone {_rate(res['chars'], ext)}chars/s; normalise+extract {_rate(res['chars'], ext + norm)}"
          f"chars/s (one process, so one core); whole run peak RSS {res['peak_mb']:.0f} MB", file=out)


# -- profile -----------------------------------------------------------------------------
def profile(corpus: Path, limit: int, top: int = 20, out=sys.stdout, render_budget: float | None = 600,
            per_folder: bool = False) -> dict:
    """cProfile over a run on ``limit`` articles: top functions of check() and of the renderers."""
    run = Run(corpus, limit, render_budget=render_budget, per_folder=per_folder)
    run.profilers = {"check": cProfile.Profile(), "render": cProfile.Profile()}
    res = run.run()
    timed = {k: round(v["seconds"], 1) for k, v in res["stages"].items()}
    print(f"cProfile on {limit:,} articles of {corpus} (times inflated by profiling; stage seconds: {timed})", file=out)
    report: dict = {"stages": timed}
    for part, prof in run.profilers.items():
        stats = pstats.Stats(prof, stream=io.StringIO())
        total = sum(v[2] for v in stats.stats.values())  # own time of every function
        if not total:
            continue
        rows = []
        for (filename, line, func), (cc, nc, tt, ct, _) in stats.stats.items():
            rows.append({"function": f"{_short(filename)}:{line}({func})", "calls": nc, "own_s": tt, "cum_s": ct,
                         "own_share": tt / total, "cum_share": ct / total})
        by_own = sorted(rows, key=lambda r: -r["own_s"])[:top]
        by_cum = sorted((r for r in rows if r["function"].startswith("consistency/")), key=lambda r: -r["cum_s"])[:top]
        label = "check()" if part == "check" else "the renderers (table, markdown, json)"
        print(f"\n{label}: {total:.1f} s profiled. Top {top} functions by own time (share of {label}):", file=out)
        for r in by_own:
            print(f"  {r['own_share']:6.1%} {r['own_s']:8.2f} s {r['calls']:>11,} calls  {r['function']}", file=out)
        print(f"top {top} consistency functions by cumulative time (share of {label}):", file=out)
        for r in by_cum:
            print(f"  {r['cum_share']:6.1%} {r['cum_s']:8.2f} s {r['calls']:>11,} calls  {r['function']}", file=out)
        report[part] = {"total_s": total, "by_own": by_own, "by_cum": by_cum}
    return report


def _short(filename: str) -> str:
    for marker in ("/consistency/", "/site-packages/", "/lib/python"):
        if marker in filename:
            return filename[filename.index(marker) + 1:]
    return filename


# -- growth ------------------------------------------------------------------------------
def growth(corpus: Path, sizes: list[int], timeout: float, json_out: Path | None, profile_size: int,
           render: bool, render_budget: float, per_folder: bool = False) -> int:
    results: list[dict] = []
    for n in sizes:
        tmp = Path(f"/tmp/stages-growth-{os.getpid()}-{n}.json")
        prog = Path(f"/tmp/stages-growth-{os.getpid()}-{n}.progress")
        prog.unlink(missing_ok=True)
        cmd = [sys.executable, __file__, str(corpus), "--limit", str(n), "--json", str(tmp), "--progress", str(prog)]
        cmd += ["--render-budget", str(render_budget)] + (["--per-folder"] if per_folder else [])
        if not render:
            cmd.append("--no-render")
        print(f"== {n:,} articles", flush=True)
        t0 = time.perf_counter()
        try:
            subprocess.run(cmd, check=True, timeout=timeout)
            res = json.loads(tmp.read_text())
            results.append(res)
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError) as exc:
            how = (f"gave up after {timeout:.0f} s" if isinstance(exc, subprocess.TimeoutExpired)
                   else f"the run failed ({exc.returncode})")
            done, running = {}, None
            for line in prog.read_text().splitlines() if prog.exists() else []:
                ev = json.loads(line)
                if "done" in ev:
                    done[ev["done"]] = ev["seconds"]
                    running = None
                else:
                    running = ev["started"]
            print(f"   {how}, in stage {running!r}; finished stages (wall s): "
                  + ", ".join(f"{k} {v:.1f} s" for k, v in done.items()), flush=True)
            results.append({"articles": n, "timeout": timeout, "running": running,
                            "stages": {k: {"seconds": v} for k, v in done.items()},
                            "elapsed": time.perf_counter() - t0})
            break
        finally:
            tmp.unlink(missing_ok=True)
            prog.unlink(missing_ok=True)
    table, slow = growth_table(results)
    print(table)
    summary = {"sizes": results, "table": table, "super_linear": slow}
    if slow:
        print(f"super-linear (faster than n log n): {', '.join(slow)}; profiling {profile_size:,} articles:")
        buf = io.StringIO()
        summary["profile"] = profile(corpus, profile_size, out=buf, render_budget=render_budget, per_folder=per_folder)
        print(buf.getvalue())
        summary["profile_text"] = buf.getvalue()
    if json_out:
        json_out.write_text(json.dumps(summary, indent=2, default=str))
    return 0


def growth_table(results: list[dict]) -> tuple[str, list[str]]:
    """A table of CPU seconds per stage and size, with the growth per 10x between sizes.

    CPU seconds of the measuring process, not wall time: on a shared machine the wall time of
    one size and the next may see different loads.  Growth per 10x = (t2/t1) ** (1/log10(n2/n1));
    linear is 10, n log n is 10 * (ln n2 / ln n1) ** (1/log10(n2/n1)) (13.3 from 1k to 10k).
    """
    def secs(r: dict, name: str) -> float | None:
        if name == "check total":
            return None if "timeout" in r else r.get("check_cpu_seconds", r.get("check_seconds"))
        s = r["stages"].get(name)
        if not s:
            return None
        return s.get("cpu_seconds") or s.get("seconds")

    lines = []
    sizes = [r["articles"] for r in results]
    pairs = list(itertools.pairwise(results))
    head = f"{'CPU seconds':<16}" + "".join(f"{n:>10,}" for n in sizes)
    head += "".join(f"{'x per 10x':>11}" for _ in pairs)
    lines.append(head)
    slow: list[str] = []
    names = [s for s in STAGES if any(s in r["stages"] for r in results)] + ["check total"]
    for name in names:
        row = f"{name:<16}"
        values = [secs(r, name) for r in results]
        for r, v in zip(results, values):
            if v is not None:
                row += f"{v:>10.2f}"
            elif r.get("running") == name:
                row += f"{'>' + format(r['timeout'], '.0f') + 's':>10}"
            else:
                row += f"{'-':>10}"
        for (a, b), (sa, sb) in zip(pairs, itertools.pairwise(values)):
            k = math.log10(b["articles"] / a["articles"])
            nlogn = 10 * (math.log(b["articles"]) / math.log(a["articles"])) ** (1 / k)
            if sa and sb:
                ratio = (sb / sa) ** (1 / k)
                flag = " !" if ratio > nlogn * 1.15 and sb > 0.5 else ""
                if flag and name not in slow and name != "check total":
                    slow.append(name)
                row += f"{ratio:>9.1f}{flag:<2}"
            elif sa and b.get("running") == name:
                row += f"{'>' + format((b['timeout'] / sa) ** (1 / k), '.0f'):>9} !"
                if name not in slow:
                    slow.append(name)
            else:
                row += f"{'-':>11}"
        lines.append(row)
    lines.append(f"{'peak RSS (MB)':<16}" + "".join(f"{r.get('peak_mb', 0):>10.0f}" for r in results))
    k_note = ", ".join(
        f"{a['articles']:,}->{b['articles']:,}: linear 10.0, n log n "
        f"{10 * (math.log(b['articles']) / math.log(a['articles'])) ** (1 / math.log10(b['articles'] / a['articles'])):.1f}"
        for a, b in pairs)
    lines.append(f"(x per 10x: {k_note}; ! = faster than n log n)")
    return "\n".join(lines), slow


def retable(path: Path) -> int:
    data = json.loads(path.read_text())
    table, slow = growth_table(data["sizes"])
    print(table)
    if slow:
        print(f"super-linear (faster than n log n): {', '.join(slow)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="folder of articles (e.g. made by benchmarks/generate.py)")
    ap.add_argument("--limit", type=int, help="use only the first N articles (in path order)")
    ap.add_argument("--json", type=Path, help="also write the measurements to this JSON file")
    ap.add_argument("--no-render", action="store_true", help="skip the render stages")
    ap.add_argument("--growth", action="store_true", help="run 1k and 10k (and --max) articles, each in a fresh process")
    ap.add_argument("--sizes", default="1000,10000", help="sizes for --growth (default 1000,10000)")
    ap.add_argument("--max", type=int, help="add this size (e.g. 100000) to --growth")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds allowed for one size in --growth (default 1800)")
    ap.add_argument("--profile", action="store_true", help="profile a run on --limit articles (default 1000) with cProfile")
    ap.add_argument("--profile-size", type=int, default=1000, help="articles profiled when --growth finds a super-linear stage")
    ap.add_argument("--top", type=int, default=20, help="functions listed by --profile")
    ap.add_argument("--per-folder", action="store_true",
                    help="one check() per sub-folder (one event per run, as a fact-checker would) instead of one for all")
    ap.add_argument("--render-budget", type=float, default=600,
                    help="stop a renderer after this many seconds and report it as slower (default 600; 0 = no limit)")
    ap.add_argument("--progress", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--retable", action="store_true", help="print the growth table of a --growth --json file given as CORPUS")
    args = ap.parse_args(argv)
    if args.retable:
        return retable(args.corpus)
    if not args.corpus.is_dir():
        ap.error(f"{args.corpus} is not a folder; make one with benchmarks/generate.py --articles N --out DIR")
    if args.growth:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        if args.max and args.max not in sizes:
            sizes.append(args.max)
        return growth(args.corpus, sorted(sizes), args.timeout, args.json, args.profile_size, not args.no_render,
                      args.render_budget, args.per_folder)
    if args.profile:
        rows = profile(args.corpus, args.limit or 1000, top=args.top, render_budget=args.render_budget or None,
                       per_folder=args.per_folder)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=2))
        return 0
    res = Run(args.corpus, args.limit, args.progress, args.render_budget or None, args.per_folder).run(render=not args.no_render)
    print_report(res)
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
