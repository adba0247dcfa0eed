"""A corpus of several events: claims are compared only within the story they belong to."""

from __future__ import annotations

import shutil
from pathlib import Path

from consistency.api import check

ARTICLES = Path(__file__).parent / "articles"


def _corpus(tmp_path: Path) -> Path:
    # Three unrelated events, fourteen articles: more than a fact-checker's one-event folder.
    for name in ("flood_toll", "toll_updates", "deployment", "timeline"):
        shutil.copytree(ARTICLES / name, tmp_path / name)
    return tmp_path


def test_tolls_of_different_disasters_are_not_compared(tmp_path):
    report = check([_corpus(tmp_path)])
    for f in report.findings:
        if f.kind in ("quantity", "date") and f.verdict in ("discrepancy", "update", "agreement"):
            folders = {report.article(a).path.split("/")[-2] for a in f.articles}
            assert len(folders) == 1, (f.topic, f.explanation)


def test_each_event_keeps_its_own_findings(tmp_path):
    mixed = check([_corpus(tmp_path)])
    alone = check([ARTICLES / "flood_toll"])
    killed = lambda r: sorted((f.verdict, f.articles) for f in r.findings if f.kind == "quantity" and f.property == "killed")
    assert [k for k in killed(mixed) if set(k[1]) <= {"national_wire", "riverside_herald", "radio_ravnica"}] == killed(alone)


def test_a_revised_toll_is_still_an_update_among_other_events(tmp_path):
    report = check([_corpus(tmp_path)])
    updates = [f for f in report.findings if f.verdict == "update"]
    assert updates and all(set(f.articles) <= {"early_bulletin", "later_wire", "radio_note", "late_lower"} for f in updates) \
        or any(f.verdict == "discrepancy" and "late_lower" in f.articles for f in report.findings)
    killed = [f for f in report.findings if f.kind == "quantity" and f.property == "killed"
              and set(f.articles) & {"early_bulletin", "later_wire"}]
    assert killed and len(killed[0].articles) >= 2, "the landslide reports are compared with each other"


def test_a_small_folder_is_one_story():
    from consistency.stories import stories

    report = check([Path(__file__).parent.parent / "seeds"])
    published = {a.id: a.published for a in report.articles}
    story = stories([a.id for a in report.articles], report.claims, published)
    assert len(set(story.values())) == 1


# A newsroom's archive of many events, written here with invented names.  Every article carries
# furniture that ties it to other events: its outlet's name (eight outlets write all the
# reports), a spokesperson of the civil protection agency from a pool, and "related" headlines
# naming the towns of other events.  Events follow each other by days, so dates alone cannot
# tell them apart.
_OUTLETS = ("Harbour Courier", "Velmont Post", "Ostrava Ledger", "Kestrel Daily", "Brindle Times", "Marrow Voice",
            "Quarry Herald", "Lantern Gazette")
_SPOKESPEOPLE = ("Ilse Varga", "Tomas Arden", "Noor Halim", "Pavel Osei", "Greta Lund", "Oskar Brandt",
                 "Lina Moreau", "Karim Sadik", "Edda Holm", "Rui Tavares")
_OPENINGS = (
    "Heavy rain flooded the town of {town} on Monday, and the {river} burst its banks near {district}.",
    "Rescuers in {town} worked through the night as water from the {river} reached the houses of {district}.",
    "The mayor of {town}, {mayor}, said the flooding of {district} by the {river} was the worst in decades.",
)
_MIDDLES = (
    "Families from {district} slept in schools in {town}, according to {mayor}.",
    "Roads between {town} and the valley of the {river} were closed, police in {district} said.",
    "Volunteers filled sandbags along the {river} in {district}, said {mayor}.",
)
_FURNITURE = (
    "A spokesperson for the agency, {spokesperson}, said teams were on their way.\n\n"
    "More from the {outlet}: bridge closed in {related[0]}, storm warning for {related[1]},"
    " schools shut in {related[2]}.\n\nCopyright the {outlet}, all rights reserved."
)


def _invented_names(rng, count: int) -> list[str]:
    syllables = ("tar", "vel", "mon", "ska", "dri", "bel", "oro", "kan", "lis", "zer", "pra", "hul", "dun", "mir")
    endings = ("ovo", "ica", "heim", "ford", "ara", "esk", "ton", "by")
    made: list[str] = []
    while len(made) < count:
        name = (rng.choice(syllables) + rng.choice(syllables) + rng.choice(endings)).capitalize()
        if name not in made:
            made.append(name)
    return made


def _archive(events: int = 36, per_event: int = 4, seed: int = 11):
    """Article ids, texts and dates of ``events`` floods, and the event of every article."""
    import random
    from datetime import date, timedelta

    rng = random.Random(seed)
    towns = _invented_names(rng, events * 4 + 12)
    elsewhere = towns[events * 4 :]  # towns of events outside the archive
    texts, published, event_of = {}, {}, {}
    for e in range(events):
        town, river, district, surname = towns[4 * e : 4 * e + 4]
        names = {"town": town, "river": river, "district": district, "mayor": f"Anna {surname}"}
        for n in range(per_event):
            related = rng.sample([towns[4 * k] for k in range(events) if k != e] + elsewhere, 3)
            article = f"e{e:02d}-{n}"
            outlet = _OUTLETS[(e + n) % len(_OUTLETS)]
            body = [rng.choice(_OPENINGS), *rng.sample(_MIDDLES, 2)]
            text = " ".join(line.format(**names) for line in body) + "\n\n"
            text += _FURNITURE.format(spokesperson=rng.choice(_SPOKESPEOPLE), outlet=outlet, related=related)
            texts[article] = text
            published[article] = date(2024, 3, 1) + timedelta(days=e + n % 2)
            event_of[article] = e
    return sorted(texts), texts, published, event_of


def test_an_archive_of_many_events_does_not_chain_into_one_story():
    from consistency.rules import load_rules
    from consistency.stories import stories

    ids, texts, published, event_of = _archive()
    story = stories(ids, [], published, load_rules().compiled.rules.get("stories", {}), texts=texts)
    events_in = {}
    for article, s in story.items():
        events_in.setdefault(s, set()).add(event_of[article])
    # Outlet names, spokespeople and related headlines tie every event to others: linked
    # pair by pair, they made one story of the whole archive.
    assert all(len(events) == 1 for events in events_in.values()), sorted(map(sorted, events_in.values()))[:3]


def test_reports_of_one_event_by_different_outlets_still_group():
    from consistency.rules import load_rules
    from consistency.stories import stories

    ids, texts, published, event_of = _archive()
    story = stories(ids, [], published, load_rules().compiled.rules.get("stories", {}), texts=texts)
    stories_of = {}
    for article, s in story.items():
        stories_of.setdefault(event_of[article], set()).add(s)
    # Each event's four reports come from four outlets and are worded differently.
    assert all(len({_OUTLETS[(e + n) % len(_OUTLETS)] for n in range(4)}) == 4 for e in stories_of)
    assert all(len(s) == 1 for s in stories_of.values()), {e: s for e, s in stories_of.items() if len(s) > 1}


def test_a_folder_of_thirty_reports_of_one_event_is_one_story():
    from consistency.rules import load_rules
    from consistency.stories import stories

    # The event's names are in most of its reports: rare in a large archive, common here.  They
    # still weigh (a little), and the reports' furniture does not split the event.
    ids, texts, published, _ = _archive(events=1, per_event=30)
    story = stories(ids, [], published, load_rules().compiled.rules.get("stories", {}), texts=texts)
    assert len(set(story.values())) == 1


def test_reports_a_year_apart_are_not_one_story():
    from datetime import timedelta

    from consistency.rules import load_rules
    from consistency.stories import stories

    ids, texts, published, _ = _archive()
    # The same town flooding again a year later is another story, however alike the reports.
    for late in ("e00-2", "e00-3"):
        published[late] += timedelta(days=365)
    story = stories(ids, [], published, load_rules().compiled.rules.get("stories", {}), texts=texts)
    assert story["e00-0"] == story["e00-1"] and story["e00-2"] == story["e00-3"]
    assert story["e00-0"] != story["e00-2"]
