"""Helpers shared by the scenario and JSON-contract tests.

Scenario folders live in tests/articles/<scenario>/ and hold only articles; what a careful
reader finds in each is written down, for humans, in tests/expectations/<scenario>.md.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

TESTS_DIR = Path(__file__).resolve().parent
REPO_DIR = TESTS_DIR.parent
ARTICLES_DIR = TESTS_DIR / "articles"
SEEDS_DIR = REPO_DIR / "seeds"

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
NOT_ARTICLES: set[str] = set()

SCENARIOS = ["flood_toll", "deployment", "noise", "ferry_sinking", "protest_bill", "election_results",
             "steel_results"]


def article_files(directory: Path) -> list[Path]:
    """The article files of a folder, sorted."""
    return sorted(
        p for p in Path(directory).iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and p.name not in NOT_ARTICLES
    )


def fresh_report(directory: Path) -> dict[str, Any]:
    """Run the library on a folder's articles and return the JSON contract dict."""
    from consistency.api import CheckOptions, check

    report = check(article_files(directory), CheckOptions())
    return report.to_json_dict()


@functools.lru_cache(maxsize=None)
def _cached_report_json(directory: str) -> str:
    return json.dumps(fresh_report(Path(directory)))


def report_for(directory: Path) -> dict[str, Any]:
    """Cached run (a fresh copy each call, so a test cannot spoil another's data)."""
    return json.loads(_cached_report_json(str(Path(directory).resolve())))


def scenario_report(name: str) -> dict[str, Any]:
    return report_for(ARTICLES_DIR / name)


# --------------------------------------------------------------------------- lookups

def show(obj: Any) -> str:
    return json.dumps(obj, indent=1, ensure_ascii=False, default=str)


def brief(claim: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "article", "kind", "text", "line", "value", "low", "high", "qualifier", "unit", "property")
    return {k: claim.get(k) for k in keys}


def article_id(report: dict[str, Any], article_substr: str) -> str:
    ids = [a["id"] for a in report["articles"] if article_substr in a["id"]]
    assert len(ids) == 1, f"expected one article matching {article_substr!r}, got {ids}"
    return ids[0]


def claims_of(report: dict[str, Any], article_substr: str) -> list[dict[str, Any]]:
    aid = article_id(report, article_substr)
    return [c for c in report["claims"] if c["article"] == aid]


def find_claims(report: dict[str, Any], article_substr: str, text_substr: str,
                kind: str | None = None) -> list[dict[str, Any]]:
    """Claims of the article whose id contains `article_substr` and whose text contains `text_substr`."""
    return [
        c for c in claims_of(report, article_substr)
        if text_substr in c["text"] and (kind is None or c["kind"] == kind)
    ]


def the_claim(report: dict[str, Any], article_substr: str, text_substr: str,
              kind: str | None = None) -> dict[str, Any]:
    """Exactly one claim must match; on failure the message lists the article's claims."""
    found = find_claims(report, article_substr, text_substr, kind)
    assert len(found) == 1, (
        f"expected exactly one {kind or ''} claim with text containing {text_substr!r} in "
        f"{article_substr!r}, found {len(found)}. Claims of that article:\n"
        + show([brief(c) for c in claims_of(report, article_substr)])
    )
    return found[0]


def claim_index(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in report["claims"]}


def findings_citing(report: dict[str, Any], *claims: dict[str, Any],
                    verdict: str | None = None) -> list[dict[str, Any]]:
    """Findings that cite every one of `claims` (and have `verdict`, if given)."""
    wanted = {c["id"] for c in claims}
    return [
        f for f in report["findings"]
        if wanted <= set(f["claims"]) and (verdict is None or f["verdict"] == verdict)
    ]


def findings_with(report: dict[str, Any], verdict: str) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["verdict"] == verdict]


def explain_findings(report: dict[str, Any], findings: list[dict[str, Any]] | None = None) -> str:
    """Findings with their claims spelled out, for assertion messages."""
    idx = claim_index(report)
    out = []
    for f in report["findings"] if findings is None else findings:
        out.append({**f, "claims": [brief(idx[cid]) if cid in idx else cid for cid in f["claims"]]})
    return show(out)


def line_numbers_containing(path: Path, needle: str) -> list[int]:
    """1-based numbers of the lines of `path` that contain `needle`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return [i for i, line in enumerate(lines, start=1) if needle in line]
