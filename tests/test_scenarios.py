"""Behaviour on the hand-written scenarios in tests/articles/<scenario>/ (see tests/expectations/<scenario>.md).

Claims are identified by article (substring of the article id = file stem) and by a substring
of the claim's `text`; findings by the claim ids they cite.  The assertions do not depend on
how the engine groups claims into findings (one finding per topic or one per pair): they ask
that *some* finding of the right verdict cites the claims in question, and that *no*
discrepancy cites claims a careful reader would not put in conflict.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scenario_helpers import (
    ARTICLES_DIR,
    REPO_DIR,
    SEEDS_DIR,
    SCENARIOS,
    article_files,
    brief,
    claim_index,
    claims_of,
    explain_findings,
    find_claims,
    findings_citing,
    findings_with,
    fresh_report,
    line_numbers_containing,
    scenario_report,
    show,
    the_claim,
)

approx = pytest.approx


@pytest.fixture(scope="module")
def flood():
    return scenario_report("flood_toll")


@pytest.fixture(scope="module")
def deployment():
    return scenario_report("deployment")


@pytest.fixture(scope="module")
def noise():
    return scenario_report("noise")


def assert_reading(claim, **expected):
    """Compare selected fields of a claim; numbers approximately, None exactly."""
    wrong = {}
    for key, want in expected.items():
        got = claim.get(key)
        if want is None or isinstance(want, str):
            ok = got == want
        else:
            ok = isinstance(got, (int, float)) and not isinstance(got, bool) and got == approx(want)
        if not ok:
            wrong[key] = {"expected": want, "got": got}
    assert not wrong, f"claim read wrongly: {show(wrong)}\nclaim: {show(brief(claim))}"


def assert_cited_together(report, *claims, verdict):
    found = findings_citing(report, *claims, verdict=verdict)
    assert found, (
        f"no {verdict} finding cites all of {[c['id'] for c in claims]} "
        f"({show([brief(c) for c in claims])}).\nFindings citing any of them:\n"
        + explain_findings(report, [f for f in report["findings"]
                                    if set(f["claims"]) & {c["id"] for c in claims}])
    )
    return found


def assert_never_in_discrepancy(report, claim):
    bad = [f for f in findings_with(report, "discrepancy") if claim["id"] in f["claims"]]
    assert not bad, (
        f"claim {show(brief(claim))} must not be in a discrepancy, but is in:\n" + explain_findings(report, bad)
    )


def assert_no_claim_on_lines(report, article_substr, path: Path, needles):
    claims = claims_of(report, article_substr)
    for needle in needles:
        lines = line_numbers_containing(path, needle)
        assert lines, f"test bug: {needle!r} not found in {path.name}"
        bad = [brief(c) for c in claims if c["line"] in lines]
        assert not bad, f"furniture line {needle!r} of {path.name} produced claims: {show(bad)}"


# ============================================================================ flood_toll

def test_flood_toll_claims_are_read(flood):
    assert_reading(the_claim(flood, "riverside_herald", "12 people", "quantity"),
                   value=12, low=12, high=12, qualifier="exact", unit="people", property="killed")
    assert_reading(the_claim(flood, "national_wire", "31 people", "quantity"),
                   value=31, low=31, high=31, qualifier="exact", unit="people", property="killed")


def test_flood_toll_is_a_discrepancy(flood):
    rh = the_claim(flood, "riverside_herald", "12 people", "quantity")
    nw = the_claim(flood, "national_wire", "31 people", "quantity")
    for f in assert_cited_together(flood, rh, nw, verdict="discrepancy"):
        assert f["kind"] == "quantity"


def test_flood_evacuated_agree_in_different_wordings(flood):
    rh = the_claim(flood, "riverside_herald", "4,000", "quantity")
    nw = the_claim(flood, "national_wire", "4,150", "quantity")
    assert_reading(rh, value=4000, low=3600, high=4400, qualifier="approx", unit="people", property="evacuated")
    assert_reading(nw, value=4150, qualifier="exact", unit="people", property="evacuated")
    assert_cited_together(flood, rh, nw, verdict="agreement")
    assert_never_in_discrepancy(flood, rh)
    assert_never_in_discrepancy(flood, nw)


def test_flood_vague_thousands_fits_the_evacuation_figures(flood):
    rr = the_claim(flood, "radio_ravnica", "housands", "quantity")
    assert_reading(rr, low=2000, qualifier="range", unit="people", property="evacuated")
    assert_never_in_discrepancy(flood, rr)


def test_flood_injured_at_least_is_compatible(flood):
    rh = the_claim(flood, "riverside_herald", "40", "quantity")
    nw = the_claim(flood, "national_wire", "57", "quantity")
    rr = the_claim(flood, "radio_ravnica", "50", "quantity")
    assert_reading(rh, value=40, low=40, high=None, qualifier="at_least", unit="people", property="injured")
    assert_reading(nw, value=57, unit="people", property="injured")
    assert_reading(rr, value=50, low=50, high=None, qualifier="more_than", unit="people", property="injured")
    assert_cited_together(flood, rh, nw, verdict="agreement")
    for c in (rh, nw, rr):
        assert_never_in_discrepancy(flood, c)


def test_flood_destroyed_houses_is_unique(flood):
    nw = the_claim(flood, "national_wire", "230", "quantity")
    assert_reading(nw, value=230, unit="buildings")
    citing = findings_citing(flood, nw)
    assert [f for f in citing if f["verdict"] == "unique"], (
        "no unique finding for the 230 destroyed houses:\n" + explain_findings(flood, citing))
    assert not [f for f in citing if f["verdict"] != "unique"], explain_findings(flood, citing)


def test_flood_only_discrepancy_is_the_toll(flood):
    idx = claim_index(flood)
    bad = [f for f in findings_with(flood, "discrepancy")
           if any(idx[c]["property"] != "killed" for c in f["claims"])]
    assert not bad, "discrepancies a careful reader would not see:\n" + explain_findings(flood, bad)


def test_flood_footer_gives_no_claims(flood):
    d = ARTICLES_DIR / "flood_toll"
    assert_no_claim_on_lines(flood, "riverside_herald", d / "riverside_herald.txt",
                             ["Share this article", "Facebook", "Twitter"])
    assert_no_claim_on_lines(flood, "national_wire", d / "national_wire.txt", ["All rights reserved"])


@pytest.mark.parametrize("scenario", ["flood_toll", "deployment"])
def test_titles_are_the_headlines(scenario):
    report = scenario_report(scenario)
    for path in article_files(ARTICLES_DIR / scenario):
        headline = path.read_text(encoding="utf-8").split("\n", 1)[0].strip()
        [article] = [a for a in report["articles"] if a["id"] == path.stem]
        assert article["title"] == headline, show(article)


# ============================================================================ deployment

def test_deployment_present_troops_are_read(deployment):
    assert_reading(the_claim(deployment, "continental_wire", "2,500", "quantity"),
                   value=2500, low=2250, high=2750, qualifier="approx", unit="personnel", property="present")
    assert_reading(the_claim(deployment, "meridia_today", "2,030", "quantity"),
                   value=2030, low=2030, high=2030, qualifier="exact", unit="personnel", property="present")
    assert_reading(the_claim(deployment, "harbour_gazette", "2,000", "quantity"),
                   value=2000, low=2000, high=None, qualifier="more_than", unit="personnel", property="present")


def test_deployment_about_2500_vs_2030_is_a_discrepancy(deployment):
    cw = the_claim(deployment, "continental_wire", "2,500", "quantity")
    mt = the_claim(deployment, "meridia_today", "2,030", "quantity")
    assert_cited_together(deployment, cw, mt, verdict="discrepancy")


def test_deployment_more_than_2000_conflicts_with_nobody(deployment):
    cw = the_claim(deployment, "continental_wire", "2,500", "quantity")
    mt = the_claim(deployment, "meridia_today", "2,030", "quantity")
    hg = the_claim(deployment, "harbour_gazette", "2,000", "quantity")
    # It may sit in the same topic-level discrepancy as the two conflicting figures, but never
    # in a discrepancy that lacks either of them.
    bad = [f for f in findings_with(deployment, "discrepancy")
           if hg["id"] in f["claims"] and not {cw["id"], mt["id"]} <= set(f["claims"])]
    assert not bad, explain_findings(deployment, bad)


def test_deployment_approved_near_miss_is_not_flagged(deployment):
    cw = the_claim(deployment, "continental_wire", "3,000", "quantity")
    hg = the_claim(deployment, "harbour_gazette", "3,000", "quantity")
    assert_reading(cw, value=3000, unit="personnel", property="approved")
    assert_reading(hg, value=3000, low=None, high=3000, qualifier="up_to", unit="personnel", property="approved")
    assert_never_in_discrepancy(deployment, cw)
    assert_never_in_discrepancy(deployment, hg)
    assert_cited_together(deployment, cw, hg, verdict="agreement")


def test_deployment_standing_force_near_miss_is_unique(deployment):
    mt = the_claim(deployment, "meridia_today", "20,000", "quantity")
    assert_reading(mt, value=20000, unit="personnel", property="total")
    assert_never_in_discrepancy(deployment, mt)
    assert findings_citing(deployment, mt, verdict="unique"), explain_findings(deployment)


def test_deployment_withdrawal_dates_are_read(deployment):
    assert_reading(the_claim(deployment, "continental_wire", "March 3", "date"),
                   value="2023-03-03", unit="withdrawal", property="start")
    assert_reading(the_claim(deployment, "meridia_today", "March 5", "date"),
                   value="2023-03-05", unit="withdrawal", property="start")
    assert_reading(the_claim(deployment, "harbour_gazette", "3 March", "date"),
                   value="2023-03-03", unit="withdrawal", property="start")


def test_deployment_withdrawal_start_is_a_discrepancy(deployment):
    cw = the_claim(deployment, "continental_wire", "March 3", "date")
    mt = the_claim(deployment, "meridia_today", "March 5", "date")
    for f in assert_cited_together(deployment, cw, mt, verdict="discrepancy"):
        assert f["kind"] == "date"


@pytest.mark.parametrize("other, text", [("harbour_gazette", "3 March"), ("coast_fm", "Mar. 3")])
def test_deployment_other_formats_agree_with_march_3(deployment, other, text):
    cw = the_claim(deployment, "continental_wire", "March 3", "date")
    mt = the_claim(deployment, "meridia_today", "March 5", "date")
    oc = the_claim(deployment, other, text, "date")
    assert_reading(oc, value="2023-03-03", unit="withdrawal", property="start")
    # compared with the March 3 report at all ...
    assert findings_citing(deployment, cw, oc), explain_findings(deployment)
    # ... and never reported as conflicting with it unless the March 5 claim is the cause
    bad = [f for f in findings_with(deployment, "discrepancy")
           if {cw["id"], oc["id"]} <= set(f["claims"]) and mt["id"] not in f["claims"]]
    assert not bad, explain_findings(deployment, bad)


def test_deployment_decision_date_agrees(deployment):
    cw = the_claim(deployment, "continental_wire", "January 24", "date")
    hg = the_claim(deployment, "harbour_gazette", "24 January", "date")
    assert_reading(cw, value="2023-01-24", unit="decision")
    assert_reading(hg, value="2023-01-24", unit="decision")
    assert_cited_together(deployment, cw, hg, verdict="agreement")
    assert_never_in_discrepancy(deployment, cw)
    assert_never_in_discrepancy(deployment, hg)


def test_deployment_only_expected_discrepancies(deployment):
    idx = claim_index(deployment)

    def expected(claim):
        return ((claim["kind"], claim["unit"], claim["property"]) in
                {("quantity", "personnel", "present"), ("date", "withdrawal", "start")})

    bad = [f for f in findings_with(deployment, "discrepancy")
           if not all(expected(idx[c]) for c in f["claims"])]
    assert not bad, "discrepancies a careful reader would not see:\n" + explain_findings(deployment, bad)


def test_deployment_furniture_gives_no_claims(deployment):
    d = ARTICLES_DIR / "deployment"
    assert_no_claim_on_lines(deployment, "coast_fm", d / "coast_fm.txt", ["6 March 2023, 11:40"])
    assert_no_claim_on_lines(deployment, "meridia_today", d / "meridia_today.txt",
                             ["Leave a Reply", "Required fields"])


# ============================================================================ noise

NOISE_EXPECTED = {("interwire", 300), ("interwire", 60), ("kyiv_city_news", 310), ("kyiv_city_news", 65)}


def test_noise_claims_are_exactly_the_article_figures(noise):
    # Names (kind "name") are claims too; this scenario is about figures and dates.
    figures = [c for c in noise["claims"] if c["kind"] in ("quantity", "date")]
    got = {(c["article"], c["value"]) for c in figures}
    assert got == NOISE_EXPECTED, "claims differ from tests/expectations/noise.md:\n" + show([brief(c) for c in figures])
    assert all(c["kind"] == "quantity" for c in figures), show([brief(c) for c in figures])


def test_noise_figures_are_read(noise):
    assert_reading(the_claim(noise, "interwire", "300"),
                   value=300, low=270, high=330, qualifier="approx", unit="people", property="evacuated")
    assert_reading(the_claim(noise, "interwire", "60"),
                   value=60, low=60, high=None, qualifier="more_than", unit="police", property="present")
    assert_reading(the_claim(noise, "kyiv_city_news", "310"),
                   value=310, qualifier="exact", unit="people", property="evacuated")
    assert_reading(the_claim(noise, "kyiv_city_news", "65"),
                   value=65, low=58.5, high=71.5, qualifier="approx", unit="police", property="present")


def test_noise_articles_fully_agree(noise):
    assert_cited_together(noise, the_claim(noise, "interwire", "300"),
                          the_claim(noise, "kyiv_city_news", "310"), verdict="agreement")
    assert_cited_together(noise, the_claim(noise, "interwire", "60"),
                          the_claim(noise, "kyiv_city_news", "65"), verdict="agreement")
    others = [f for f in noise["findings"] if f["verdict"] != "agreement"]
    assert not others, explain_findings(noise, others)


FURNITURE_NUMBERS = [4821, 14, 30, 5, 380, 44, 555, 1, 23, 9, 15, 2023, 2024, 21, 0]
FURNITURE_DATES = ["2023-05-14", "2024-11-21"]


@pytest.mark.parametrize("number", FURNITURE_NUMBERS)
def test_noise_furniture_numbers_are_not_claims(noise, number):
    bad = [brief(c) for c in noise["claims"]
           if c["kind"] == "quantity" and number in (c["value"], c["low"], c["high"])]
    assert not bad, f"furniture number {number} became a claim: {show(bad)}"


@pytest.mark.parametrize("date", FURNITURE_DATES)
def test_noise_page_dates_are_not_claims(noise, date):
    bad = [brief(c) for c in noise["claims"] if date in (c["value"], c["low"], c["high"])]
    assert not bad, f"page date {date} became a claim: {show(bad)}"
    assert not [c for c in noise["claims"] if "14 May" in c["text"] or "November" in c["text"]]


def test_noise_furniture_lines_give_no_claims(noise):
    d = ARTICLES_DIR / "noise"
    assert_no_claim_on_lines(noise, "interwire", d / "interwire.txt", [
        "14 May 2023, 09:15", "14:30", "Article 5", "+380 44", "Share this article", "Telegram",
        "4821", "Leave a Reply", "Required fields"])
    assert_no_claim_on_lines(noise, "kyiv_city_news", d / "kyiv_city_news.txt", [
        "News", "Tuesday, 21 November 2024", "Weather", "14:30", "(044) 555-01-23",
        "Subscribe to our channel", "Comments (0)"])


# ============================================================================ CLI

def run_cli(*args, cwd=REPO_DIR):
    return subprocess.run([sys.executable, "-m", "consistency", *map(str, args)],
                          cwd=cwd, capture_output=True, text=True, timeout=600)


def normalised_paths(report, base: Path):
    out = json.loads(json.dumps(report))
    for a in out["articles"]:
        p = Path(a["path"])
        a["path"] = str((p if p.is_absolute() else base / p).resolve())
    return out


def cli_json(files_or_dir):
    proc = run_cli("check", *files_or_dir, "--format", "json")
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(f"stdout is not JSON ({exc}); rc={proc.returncode}\n"
                             f"stdout[:2000]={proc.stdout[:2000]!r}\nstderr[-2000:]={proc.stderr[-2000:]!r}")
    return proc, data


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_cli_json_is_the_library_report(scenario):
    files = article_files(ARTICLES_DIR / scenario)
    proc, data = cli_json(files)
    assert normalised_paths(data, REPO_DIR) == normalised_paths(fresh_report(ARTICLES_DIR / scenario), Path.cwd())


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_cli_exit_code_follows_discrepancies(scenario):
    proc, data = cli_json(article_files(ARTICLES_DIR / scenario))
    has_discrepancy = any(f["verdict"] == "discrepancy" for f in data["findings"])
    assert proc.returncode == (1 if has_discrepancy else 0), proc.stderr[-2000:]


@pytest.mark.parametrize("scenario, code", [("flood_toll", 1), ("deployment", 1), ("noise", 0)])
def test_cli_exit_code_per_scenario(scenario, code):
    proc = run_cli("check", *article_files(ARTICLES_DIR / scenario), "--format", "json")
    assert proc.returncode == code, proc.stderr[-2000:]


def test_cli_accepts_a_directory():
    proc, data = cli_json([SEEDS_DIR])
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert normalised_paths(data, REPO_DIR) == normalised_paths(fresh_report(SEEDS_DIR), Path.cwd())


def test_cli_markdown_report(tmp_path):
    out = tmp_path / "out.md"
    proc = run_cli("check", *article_files(ARTICLES_DIR / "deployment"), "--report", out)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert out.is_file(), f"no report written; stderr: {proc.stderr[-2000:]}"
    text = out.read_text(encoding="utf-8")
    assert "discrepanc" in text.lower(), text[:2000]
    assert "2,030" in text and "2,500" in text, text[:2000]


def test_cli_missing_input_is_exit_2(tmp_path):
    proc = run_cli("check", tmp_path / "no_such_article.txt", "--format", "json")
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-1000:], proc.stderr[-1000:])


def test_cli_bad_option_is_exit_2():
    proc = run_cli("check", *article_files(ARTICLES_DIR / "noise"), "--format", "no-such-format")
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-1000:], proc.stderr[-1000:])
