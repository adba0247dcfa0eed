#!/usr/bin/env python3
"""A generator of synthetic news corpora for the speed benchmarks.

    python benchmarks/generate.py --articles 10000 --out /tmp/corpus-10k [--seed 1]

Many outlets report shared events (floods, wildfires, earthquakes, troop deployments,
elections, strikes, protests).  Every event has true figures and dates on a timeline; each
article picks some of them and writes them in one of several wordings and sentence shapes:

* agreeing figures (the true value, exact or with a compatible qualifier: "at least 12",
  "about 4,000", "more than 2,000", "4.2 thousand", "twelve");
* contradicting figures (a different exact value) and dates (a day or two off);
* revised figures: tolls grow day by day, so a later article (later ``published``) reports
  a higher toll, sometimes with "up from N a day earlier";
* unique figures: minor facts from a large pool that usually only one outlet reports;
* dates in many forms ("March 3, 2023", "3 March", "Jan. 19", "13.01.2022", "2023-03-03",
  "on Friday", "yesterday");
* quotes with named speakers and roles; background paragraphs with years, percentages and money;
* front matter (source, published, sometimes url and title) or, for some articles, a dateline
  and a date line at the top instead;
* page furniture: navigation menus, share bars, view counters, subscription prompts,
  comment forms, related-news blocks, photo credits, tags, copyright lines.

Files are written as ``OUT/<event>/<outlet>-<n>.txt`` (``n`` is the article's number in the
corpus, so file names are unique).  The output is a pure function of (--articles, --seed):
each event draws from its own random stream, so the corpus is the same with any --jobs.
Articles are ~2-5 KB.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from multiprocessing import Pool
from pathlib import Path

# ---------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------
_PRE = ["Ra", "Ve", "Lo", "Mar", "Kel", "Tor", "San", "Bel", "Or", "Ist", "Val", "Dor", "Mir", "Zan", "Cor",
        "Al", "Ny", "Sol", "Ber", "Kas", "Lu", "Tam", "Gor", "Hel", "Pra", "Sko", "Vin", "Ar", "Es", "Ul"]
_MID = ["va", "li", "ne", "ra", "do", "mi", "ta", "ro", "sa", "", "", "ben", "ka", "lo"]
_SUF = ["nica", "grad", "burg", "ford", "ton", "ville", "stad", "mouth", "polis", "ova", "ara", "ino", "ez",
        "ia", "field", "haven", "sk", "ovo", "dal", "an"]
_FIRST = ["Ana", "Marko", "Elena", "David", "Sofia", "Ivan", "Maria", "Tomas", "Leila", "Omar", "Grace",
          "Peter", "Nadia", "Samuel", "Irina", "Jonas", "Amira", "Luca", "Hanna", "Mehmet", "Zoran", "Olga",
          "Daniel", "Fatima", "Viktor", "Claire", "Aliyu", "Ingrid", "Rafael", "Yuki", "Kamal", "Teresa",
          "Pavel", "Nora", "Anil", "Beatriz", "Stefan", "Aisha", "Henrik", "Mila", "Oleg", "Rosa", "Tariq",
          "Vera", "Bogdan", "Lucia", "Emeka", "Sara", "Dmitri", "Ines"]
_LAST = ["Petrovic", "Novak", "Horvat", "Kowalski", "Ibrahim", "Okafor", "Lindqvist", "Moreau", "Rossi",
         "Yilmaz", "Haddad", "Kuznetsov", "Fischer", "Silva", "Tanaka", "Mensah", "Dubois", "Jensen", "Costa",
         "Nowak", "Popescu", "Ahmadi", "Karimov", "Santos", "Weber", "Ivanova", "Bakr", "Marin", "Varga",
         "Kovac", "Halloran", "Adeyemi", "Nieminen", "Ortega", "Papadopoulos", "Sokolov", "Chen", "Nair",
         "Abdullah", "Greco", "Balogun", "Lund", "Mazur", "Farouk", "Stein", "Ramos", "Tkachenko", "Aydin"]
_OUTLET_A = ["Riverside", "National", "Continental", "Harbour", "Meridian", "Northern", "Capital", "Evening",
             "Morning", "Valley", "Coast", "Central", "Daily", "Free", "Independent", "Eastern", "Western",
             "Southern", "Union", "Metro", "Frontier", "Highland", "Lakeside", "Citizen"]
_OUTLET_B = ["Herald", "Wire", "Gazette", "Today", "Post", "Times", "Courier", "Observer", "Tribune",
             "Chronicle", "Express", "Monitor", "Journal", "Telegraph", "Dispatch", "Review", "Press", "Star",
             "Bulletin", "Standard", "News", "Mirror", "Ledger", "Voice"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]


def place_name(rng: random.Random) -> str:
    return rng.choice(_PRE) + rng.choice(_MID) + rng.choice(_SUF)


def person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def outlets(seed: int, count: int = 240) -> list[str]:
    rng = random.Random(f"{seed}:outlets")
    names: set[str] = set()
    shapes = [
        lambda: f"{rng.choice(_OUTLET_A)} {rng.choice(_OUTLET_B)}",
        lambda: f"The {place_name(rng)} {rng.choice(_OUTLET_B)}",
        lambda: f"Radio {place_name(rng)}",
        lambda: f"{place_name(rng)} Today",
        lambda: f"{place_name(rng)} News Agency",
        lambda: f"{rng.choice(_OUTLET_A)} {place_name(rng)} {rng.choice(_OUTLET_B)}",
        lambda: f"{place_name(rng)} 24",
        lambda: f"TV {place_name(rng)}",
    ]
    while len(names) < count:
        names.add(rng.choice(shapes)())
    return sorted(names)


def slug(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


# ---------------------------------------------------------------------------------------
# Numbers and dates as written
# ---------------------------------------------------------------------------------------
def written_number(rng: random.Random, v: float, *, words_ok: bool = True) -> str:
    if isinstance(v, float) and not v.is_integer():
        return f"{v:,.1f}"
    v = int(v)
    if v <= 20 and words_ok and rng.random() < 0.3:
        return _WORDS[v]
    if v >= 1_000_000 and v % 100_000 == 0 and rng.random() < 0.7:
        return f"{v / 1e6:g} million"
    if v >= 1000 and v % 100 == 0 and rng.random() < 0.25:
        return f"{v / 1000:g} thousand"
    if 1000 <= v < 10000 and rng.random() < 0.2:
        return str(v)
    return f"{v:,}"


def round_sig(v: int, digits: int = 2) -> int:
    if v < 10:
        return v
    scale = 10 ** (len(str(v)) - digits)
    return max(scale, int(round(v / scale) * scale))


def floor_sig(v: int, digits: int = 1) -> int:
    if v < 10:
        return v
    scale = 10 ** (len(str(v)) - digits)
    return max(scale, (v // scale) * scale)


_APPROX = ["about", "around", "some", "roughly", "nearly", "almost", "an estimated", "approximately", "close to"]
_LOWER = ["at least", "more than", "over", "no fewer than"]


def qualified(rng: random.Random, value: int, variant: str) -> tuple[str, bool]:
    """(number as written with its qualifier, is the written figure plural-safe)."""
    if variant == "approx":
        q = rng.choice(_APPROX)
        shown = round_sig(value)
        if q in ("nearly", "almost", "close to") and shown <= value:
            shown = round_sig(int(value * 1.04) + 1)
        return f"{q} {written_number(rng, shown)}", True
    if variant == "lower":
        q = rng.choice(_LOWER)
        shown = floor_sig(value, 2) if value >= 100 else max(1, value - rng.choice([0, 1, 2]))
        if q in ("more than", "over") and shown >= value:
            shown = max(1, value - 1)
        return f"{q} {written_number(rng, shown)}", True
    return written_number(rng, value), value != 1


def written_date(rng: random.Random, d: date, published: date, *, style: str | None = None) -> str:
    """A date as a reporter might write it, relative to the publication date when natural."""
    delta = (published - d).days
    styles = ["mdy", "dmy", "md", "dm", "abbr", "numeric", "iso", "ordinal", "weekday_md"]
    weights = [20, 14, 14, 10, 10, 7, 3, 6, 6]
    if 0 <= delta <= 5:
        styles += ["weekday", "relative"]
        weights += [10, 6 if delta <= 1 else 0]
    style = style or rng.choices(styles, weights)[0]
    month = _MONTHS[d.month - 1]
    if style == "mdy":
        return f"{month} {d.day}, {d.year}"
    if style == "dmy":
        return f"{d.day} {month} {d.year}"
    if style == "md":
        return f"{month} {d.day}"
    if style == "dm":
        return f"{d.day} {month}"
    if style == "abbr":
        return f"{_MONTH_ABBR[d.month - 1]} {d.day}"
    if style == "numeric":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "ordinal":
        suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return f"{month} {d.day}{suffix}"
    if style == "weekday_md":
        return f"{_WEEKDAYS[d.weekday()]}, {month} {d.day}"
    if style == "weekday":
        return _WEEKDAYS[d.weekday()]
    return {0: "today", 1: "yesterday"}.get(delta, _WEEKDAYS[d.weekday()])


def on(text: str) -> str:
    """'on March 3' but 'yesterday', 'today'."""
    return text if text in ("today", "yesterday") else f"on {text}"


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# ---------------------------------------------------------------------------------------
# Event kinds: facts (figures), dated facts, quotes, background, headlines
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Fact:
    name: str
    low: int
    high: int
    clauses: tuple[str, ...]  # "{N}" = qualified number; "{n}" = exact number
    grows: float = 0.0  # growth of the true value per day (tolls)
    revision: tuple[str, ...] = ()  # "{n}" new value, "{prev}" earlier value, "{when}" earlier day


@dataclass(frozen=True)
class DateFact:
    name: str
    offset: tuple[int, int]  # days after the event's first day
    clauses: tuple[str, ...]  # "{D}" = "on March 3" / "yesterday"; "{d}" = bare date


@dataclass(frozen=True)
class Kind:
    name: str
    nouns: tuple[str, ...]  # folder/headline nouns
    facts: tuple[Fact, ...]
    dates: tuple[DateFact, ...]
    sources: tuple[str, ...]  # who states figures
    roles: tuple[str, ...]  # speakers' roles
    quotes: tuple[str, ...]
    background: tuple[str, ...]
    headlines: tuple[str, ...]
    minor: tuple[str, ...]  # unique-figure clauses, "{n}" exact


COMMON_MINOR = (
    "{n} schools were closed in the district",
    "{n} volunteers registered at the town hall by the evening",
    "the authorities opened {n} temporary shelters",
    "{n} journalists were accredited to cover the events",
    "{n} roads remained closed to traffic",
    "a hotline set up by the ministry received {n} calls in its first hours",
    "{n} buses were laid on to take people out of the area",
    "local charities collected {n} tonnes of food and clothing",
    "{n} police officers were assigned to keep order",
    "{n} flights were cancelled at the regional airport",
)

FLOOD = Kind(
    name="flood",
    nouns=("floods", "flooding", "flash floods"),
    facts=(
        Fact("killed", 3, 60, (
            "{N} people were killed", "{N} people have died in the floods", "the floods have killed {N} people",
            "the death toll stands at {N}", "{N} people lost their lives", "rescuers have recovered the bodies of {N} people",
            "{N} deaths have been confirmed", "the water claimed the lives of {N} people",
        ), grows=0.25, revision=(
            "the death toll rose to {n}, up from {prev} reported {when}",
            "the number of dead climbed to {n} from {prev} {when}",
            "officials raised the death toll to {n}",
        )),
        Fact("injured", 10, 250, (
            "{N} people were injured", "{N} were hurt", "hospitals treated {N} injured",
            "{N} people were taken to hospital with injuries", "at least {n} people were wounded by debris",
        ), grows=0.15),
        Fact("evacuated", 800, 40000, (
            "{N} residents were evacuated", "rescuers evacuated {N} people from flooded homes",
            "{N} people were displaced", "{N} people had to be evacuated from low-lying districts",
            "the evacuation of {N} residents was completed",
        ), grows=0.1),
        Fact("missing", 2, 40, (
            "{N} people are still missing", "{N} people remain unaccounted for", "{N} residents were reported missing",
        )),
        Fact("houses", 40, 3000, (
            "{N} houses were destroyed", "the water destroyed {N} homes", "{N} buildings were damaged",
            "{N} homes were left uninhabitable",
        )),
        Fact("rescuers", 200, 5000, (
            "{N} troops arrived to help with the rescue", "{N} soldiers were deployed to shore up the embankments",
            "{N} rescuers were sent to the worst-hit villages",
        )),
    ),
    dates=(
        DateFact("rain", (0, 0), ("the heavy rain began {D}", "the river burst its banks {D}", "the first villages were flooded {D}")),
        DateFact("emergency", (0, 1), ("a state of emergency was declared {D}", "the government imposed a state of emergency {D}")),
        DateFact("receded", (3, 6), ("the water is expected to recede by {d}", "the state of emergency will be lifted {D}")),
    ),
    sources=("the civil protection agency", "the emergencies ministry", "the regional administration", "the Red Cross",
             "police", "the health ministry", "local officials", "the interior ministry"),
    roles=("the regional governor", "the mayor of {place}", "a spokesperson for the civil protection agency",
           "the head of the emergency service", "a resident of {place}", "a volunteer rescuer", "the prime minister"),
    quotes=(
        "We have never seen the water rise this fast", "Whole streets in {place} are under water",
        "Our teams are working around the clock and will not stop until everyone is accounted for",
        "People waited on rooftops for hours before the boats reached them",
        "The embankment simply gave way in the night", "We lost everything, the house, the car, the animals",
        "The state will pay for the reconstruction of every home", "It is too early to say what the final toll will be",
    ),
    background=(
        "The {river} river rose {x} metres above its normal level within a day.",
        "The valley, home to about {pop} people, was last hit by comparable floods in {year}.",
        "Meteorologists said {place} received a month's worth of rain in under 48 hours.",
        "Farmers in the lowlands said the harvest had been largely lost, and insurers estimated damage at {money}.",
        "Critics have long argued that the embankments along the {river}, built in the {decade}s, were poorly maintained.",
        "Power and drinking water were cut off in parts of {place}, and mobile networks worked only intermittently.",
        "Neighbouring countries offered pumps, boats and helicopters, and the European civil protection mechanism was activated.",
        "Roads between {place} and {place2} were washed away, leaving several villages cut off.",
    ),
    headlines=(
        "{Place} floods: death toll climbs to {n}", "Floods in {region} kill at least {n}",
        "Thousands evacuated as the {river} bursts its banks", "Flood waters rise in {place}; {n} dead",
        "State of emergency in {region} after deadly floods", "\"We lost everything\": {place} counts the cost of the floods",
    ),
    minor=("{n} bridges were damaged", "rescuers used {n} boats", "{n} cattle drowned on farms near {place}",
           "{n} kilometres of road were washed away", "the army sent {n} helicopters") + COMMON_MINOR,
)

WILDFIRE = Kind(
    name="wildfire",
    nouns=("wildfire", "forest fire", "fires"),
    facts=(
        Fact("area", 500, 60000, (
            "the fire has burned {N} hectares", "{N} hectares of forest were destroyed", "the blaze spread over {N} hectares",
        ), grows=0.3),
        Fact("firefighters", 150, 3000, (
            "{N} firefighters were deployed", "{N} firefighters are battling the flames", "more than {n} firefighters were sent to {place}",
        ), grows=0.1),
        Fact("aircraft", 3, 40, (
            "{N} water-bombing aircraft were involved", "{N} helicopters and planes dropped water on the fire",
        )),
        Fact("evacuated", 300, 25000, (
            "{N} people were evacuated", "{N} residents fled the approaching flames", "authorities ordered the evacuation of {N} residents",
        ), grows=0.2),
        Fact("houses", 10, 900, (
            "{N} houses burned down", "the fire destroyed {N} homes", "{N} buildings were damaged",
        ), grows=0.2),
        Fact("killed", 1, 25, (
            "{N} people were killed", "{N} people died in the fire", "the fire has claimed {N} lives", "the death toll stands at {N}",
        ), grows=0.15, revision=("the death toll rose to {n}, up from {prev} {when}", "officials raised the toll to {n}")),
    ),
    dates=(
        DateFact("broke_out", (0, 0), ("the fire broke out {D}", "the blaze started {D} in dry scrubland", "the first fire was reported {D}")),
        DateFact("emergency", (1, 2), ("a state of emergency was declared {D}", "the authorities imposed a curfew {D}")),
        DateFact("contained", (3, 7), ("firefighters hope to contain the fire by {d}", "the fire was brought under control {D}")),
    ),
    sources=("the fire service", "the forestry agency", "the civil protection agency", "the regional governor's office",
             "police", "the environment ministry"),
    roles=("the regional fire chief", "the mayor of {place}", "a spokesperson for the fire service",
           "a resident of {place}", "the environment minister", "a volunteer firefighter"),
    quotes=(
        "The wind changes direction every hour and the fire follows it", "We could see the flames from the kitchen window",
        "This is the worst fire season we have had in decades", "Our crews have not slept for two days",
        "Do not go back to your homes until we say it is safe", "The forest will take fifty years to recover",
    ),
    background=(
        "Temperatures in {region} have exceeded {t} degrees Celsius for {k} consecutive days.",
        "The region has had {pct} percent less rain than usual since the spring.",
        "Scientists say heatwaves in the area have become more frequent since the {decade}s.",
        "A similar fire in {year} destroyed most of the pine forest north of {place}.",
        "The government has promised {money} in aid for those who lost their homes.",
        "Smoke from the fire reached {place2}, where residents were told to keep their windows shut.",
    ),
    headlines=("Wildfire near {place} forces thousands to flee", "{Region} wildfire: {n} hectares burned",
               "Firefighters battle blaze in {region} for a third day", "Fire in {place}: state of emergency declared"),
    minor=("{n} fire engines came from neighbouring regions", "{n} people were treated for smoke inhalation",
           "{n} animals were rescued from a farm near {place}", "{n} people were arrested on suspicion of arson") + COMMON_MINOR,
)

QUAKE = Kind(
    name="earthquake",
    nouns=("earthquake", "quake"),
    facts=(
        Fact("killed", 5, 400, (
            "{N} people were killed", "the earthquake killed {N} people", "the death toll stands at {N}",
            "{N} bodies have been pulled from the rubble", "{N} people died",
        ), grows=0.35, revision=("the death toll rose to {n}, up from {prev} {when}", "the toll climbed to {n} overnight")),
        Fact("injured", 30, 3000, (
            "{N} people were injured", "{N} injured were taken to hospitals", "hospitals treated {N} people for injuries",
        ), grows=0.2),
        Fact("buildings", 20, 2500, (
            "{N} buildings collapsed", "the quake destroyed {N} buildings", "{N} houses were reduced to rubble",
        ), grows=0.1),
        Fact("homeless", 1000, 80000, (
            "{N} people were left homeless", "{N} people spent the night in tents", "{N} residents were displaced",
        )),
        Fact("aftershocks", 10, 200, ("{N} aftershocks were recorded", "seismologists registered {N} aftershocks")),
    ),
    dates=(
        DateFact("struck", (0, 0), ("the quake struck {D}", "the earthquake hit {D} shortly after dawn", "the first tremor was felt {D}")),
        DateFact("mourning", (1, 2), ("a day of national mourning was declared for {d}", "three days of mourning began {D}")),
    ),
    sources=("the disaster management agency", "the health ministry", "the seismological institute", "the interior ministry",
             "the Red Crescent", "local officials"),
    roles=("the head of the disaster agency", "the mayor of {place}", "a rescue worker", "a survivor from {place}",
           "the president", "a seismologist at the national institute"),
    quotes=("We heard voices under the rubble and dug with our hands", "The whole building swayed like a boat",
            "Every hour counts now for those still trapped", "We need tents, blankets and medicine",
            "The old town was built before any building code existed"),
    background=(
        "The quake had a magnitude of {mag} and its epicentre lay {k} kilometres from {place}.",
        "The region sits on a fault line and was hit by a deadly quake in {year}.",
        "Building standards were tightened after {year}, but many older houses were never reinforced.",
        "International rescue teams from {k} countries arrived with search dogs.",
        "The government released {money} from its emergency fund.",
    ),
    headlines=("Earthquake in {region}: at least {n} dead", "Magnitude {mag} quake strikes near {place}",
               "Rescuers search rubble in {place} as toll rises to {n}"),
    minor=("{n} schools were damaged", "{n} people were pulled alive from the rubble", "{n} field hospitals were set up",
           "{n} rescue dogs took part in the search") + COMMON_MINOR,
)

DEPLOYMENT = Kind(
    name="deployment",
    nouns=("deployment", "peacekeeping mission", "troop deployment"),
    facts=(
        Fact("troops", 800, 6000, (
            "{N} troops arrived", "{N} peacekeepers are now in the country", "there are {N} servicemen on the ground",
            "the contingent numbers {N} troops", "{N} soldiers were flown in", "the mission has deployed {N} personnel",
        ), grows=0.05),
        Fact("approved", 2000, 8000, (
            "up to {n} troops were authorised", "the approved ceiling is {n} peacekeepers", "the council agreed to send up to {n} soldiers",
        )),
        Fact("vehicles", 40, 600, ("{N} armoured vehicles crossed the border", "the troops brought {N} military vehicles",
                                   "{N} pieces of equipment were delivered")),
        Fact("flights", 10, 150, ("{N} transport aircraft landed at the airbase", "the airlift took {N} flights")),
        Fact("countries", 3, 12, ("{N} countries contributed troops", "troops came from {N} member states")),
    ),
    dates=(
        DateFact("arrival", (0, 0), ("the first troops arrived {D}", "the deployment began {D}", "the mission started {D}")),
        DateFact("withdrawal", (4, 10), ("the withdrawal began {D}", "the troops will begin to withdraw {D}",
                                         "the pull-out is scheduled to start {D}")),
        DateFact("completed", (8, 14), ("the withdrawal will be completed by {d}", "the last soldiers left {D}")),
        DateFact("summit", (-2, -1), ("the request was approved at an emergency summit {D}", "the council decided {D} to send troops")),
    ),
    sources=("the defence ministry", "the alliance's secretary general", "the joint staff", "the foreign ministry",
             "the presidential press service", "military sources"),
    roles=("the secretary general", "the defence minister", "a spokesperson for the joint staff", "the president",
           "the commander of the contingent", "a military analyst in {place}"),
    quotes=("The mission has fulfilled its task and the troops will go home on schedule",
            "Our soldiers guard strategic facilities, not streets", "The situation in {place} has stabilised",
            "No one will stay a day longer than necessary", "Every unit is ready to leave within hours"),
    background=(
        "The alliance was founded in {year} and has {k} member states.",
        "It is the first time in its history that the collective security clause has been invoked.",
        "The troops guard the airport and power stations around {place}.",
        "Opposition groups questioned whether the request for help met the treaty's conditions.",
        "The operation is estimated to have cost {money}.",
        "Unrest began over a {pct} percent rise in fuel prices and quickly spread to {place2}.",
    ),
    headlines=("{n} peacekeepers deployed to {region}", "Alliance troops to begin withdrawal from {place}",
               "Peacekeeping mission in {region}: what we know", "First troops arrive in {place}"),
    minor=("{n} field kitchens were set up at the base", "{n} officers staff the joint headquarters",
           "{n} checkpoints were set up on the road to {place}") + COMMON_MINOR,
)

ELECTION = Kind(
    name="election",
    nouns=("election", "elections", "vote"),
    facts=(
        Fact("turnout", 38, 78, ("turnout was {n} percent", "{n} percent of registered voters cast a ballot",
                                  "turnout reached {n}%")),
        Fact("votes", 200000, 4000000, ("{N} ballots were cast", "{N} votes were counted", "{N} people voted")),
        Fact("stations", 500, 8000, ("{N} polling stations opened", "voting took place at {N} polling stations")),
        Fact("observers", 100, 1500, ("{N} international observers monitored the vote", "{N} observers were accredited")),
        Fact("arrested", 5, 200, ("{N} people were detained", "police arrested {N} people near polling stations",
                                   "{N} activists were taken into custody")),
        Fact("winner_share", 40, 70, ("the incumbent won {n} percent of the vote", "the winner took {n}% of the votes")),
    ),
    dates=(
        DateFact("vote", (0, 0), ("the election was held {D}", "voters went to the polls {D}", "polls opened {D}")),
        DateFact("results", (1, 3), ("final results will be announced {D}", "the commission published the results {D}")),
        DateFact("runoff", (12, 16), ("a runoff is scheduled for {d}", "a second round will be held {D}")),
    ),
    sources=("the central election commission", "observers", "the interior ministry", "the opposition", "exit polls",
             "the electoral monitoring group"),
    roles=("the head of the election commission", "the opposition leader", "an observer from {place}",
           "the incumbent", "a voter in {place}", "a political scientist"),
    quotes=("The vote was free and fair and the count was transparent", "We will not recognise these results",
            "I came to vote because I want my children to stay in this country",
            "We saw carousel voting in at least three districts", "The people have spoken"),
    background=(
        "The last election, in {year}, was marred by accusations of ballot stuffing.",
        "Polls before the vote gave the ruling party about {pct} percent.",
        "The country of {pop} people has had the same president since {year}.",
        "Campaign spending is capped at {money} per candidate.",
        "Opposition rallies in {place} drew large crowds in the last week of the campaign.",
    ),
    headlines=("{Region} votes: turnout at {n} percent", "Election in {region}: incumbent claims victory",
               "Opposition disputes results of {region} vote", "Polls close in {region}"),
    minor=("{n} complaints were filed with the commission", "{n} candidates ran for parliament",
           "{n} ballot boxes were declared invalid") + COMMON_MINOR,
)

STRIKE = Kind(
    name="strike",
    nouns=("strike", "walkout", "industrial action"),
    facts=(
        Fact("strikers", 1000, 90000, ("{N} workers walked out", "{N} workers joined the strike",
                                       "the strike involves {N} employees", "{N} people took part in the strike"), grows=0.1),
        Fact("rally", 500, 30000, ("{N} people rallied outside the ministry", "{N} demonstrators marched through {place}",
                                   "a crowd of {N} gathered in the main square")),
        Fact("arrested", 3, 150, ("police detained {N} people", "{N} protesters were arrested", "{N} people were taken into custody")),
        Fact("demand", 8, 30, ("the unions demand a {n} percent pay rise", "workers want wages increased by {n}%")),
        Fact("days", 2, 20, ("the strike has lasted {n} days", "the walkout is in its {n}th day")),
    ),
    dates=(
        DateFact("began", (0, 0), ("the strike began {D}", "workers walked off the job {D}", "the walkout started {D}")),
        DateFact("talks", (2, 5), ("talks with the government are planned for {d}", "negotiations resumed {D}")),
        DateFact("ended", (5, 12), ("the unions said the strike would end {D}", "the strike was called off {D}")),
    ),
    sources=("the union", "the transport ministry", "police", "the employers' federation", "the labour ministry",
             "organisers"),
    roles=("the union leader", "the labour minister", "a striking worker in {place}", "a spokesperson for the employers",
           "an economist in {place}"),
    quotes=("We cannot feed our families on these wages", "The government has not made a serious offer",
            "The strike is costing the economy millions every day", "We will stay out as long as it takes",
            "Nobody wants this to drag on"),
    background=(
        "Inflation reached {pct} percent last year, eroding real wages.",
        "The last general strike, in {year}, lasted almost two weeks.",
        "Trains between {place} and {place2} were cancelled and ports stood idle.",
        "The employers say the strike costs {money} a day.",
        "The unions represent about {pop} workers in transport and industry.",
    ),
    headlines=("Strike in {region} enters day {n}", "Thousands walk out in {place}", "{Region} strike: unions reject offer",
               "Transport halted as {region} workers strike"),
    minor=("{n} trains were cancelled", "{n} ships waited outside the port", "{n} factories stopped production") + COMMON_MINOR,
)

PROTEST = Kind(
    name="protest",
    nouns=("protests", "unrest", "demonstrations"),
    facts=(
        Fact("protesters", 1000, 60000, ("{N} protesters gathered in the centre of {place}", "{N} people took to the streets",
                                         "a crowd of {N} demonstrators marched on parliament", "{N} people rallied")),
        Fact("arrested", 20, 3000, ("{N} people were detained", "police arrested {N} protesters", "{N} demonstrators were arrested",
                                    "the number of detentions reached {n}"), grows=0.3),
        Fact("injured", 10, 700, ("{N} people were injured", "{N} police officers were hurt", "{N} people were treated in hospital"),
             grows=0.2),
        Fact("killed", 1, 60, ("{N} people were killed", "{N} protesters died", "the death toll in the unrest stands at {N}"),
             grows=0.2, revision=("the death toll rose to {n}, up from {prev} {when}",)),
        Fact("police", 500, 10000, ("{N} riot police were deployed", "{N} police officers were sent to {place}")),
    ),
    dates=(
        DateFact("began", (0, 0), ("the protests began {D}", "the first demonstrators gathered {D}", "the unrest erupted {D}")),
        DateFact("curfew", (1, 2), ("a curfew was imposed {D}", "the government declared a state of emergency {D}")),
        DateFact("lifted", (5, 10), ("the curfew will be lifted {D}", "the state of emergency ends {D}")),
    ),
    sources=("the interior ministry", "police", "human rights groups", "the health ministry", "organisers",
             "the prosecutor's office"),
    roles=("the interior minister", "a protester in {place}", "a spokesperson for the police", "a human rights lawyer",
           "the president", "a witness"),
    quotes=("We only want to be heard", "Police fired tear gas without any warning", "Order will be restored",
            "The protesters attacked public buildings", "People are angry about prices, not politics"),
    background=(
        "The protests began over a {pct} percent rise in fuel prices.",
        "Internet access was restricted in {place} and {place2}.",
        "The country last saw unrest on this scale in {year}.",
        "The government resigned, and the president promised new elections.",
        "Business groups estimate losses from the unrest at {money}.",
    ),
    headlines=("Protests spread to {place}", "{Region} unrest: {n} detained", "Curfew imposed in {region} after clashes",
               "Thousands march in {place}"),
    minor=("{n} shops were looted", "{n} cars were set on fire", "{n} journalists were detained briefly") + COMMON_MINOR,
)

KINDS = (FLOOD, WILDFIRE, QUAKE, DEPLOYMENT, ELECTION, STRIKE, PROTEST)

# Prose that fits any event: most of a news article says no figure at all.
COMMON_PROSE = (
    "The situation remained tense in {place} late into the evening, and officials urged residents to follow only official announcements.",
    "Reporters who reached {place} described empty streets, closed shops and long queues at the few petrol stations still open.",
    "The government convened an emergency meeting, and ministers were expected to give a fuller account to parliament later in the week.",
    "Opposition politicians accused the authorities of reacting too slowly and of withholding information from the public.",
    "International organisations said they were monitoring the situation closely and stood ready to help if asked.",
    "Social media was flooded with videos from {place}, many of which could not be independently verified.",
    "Several embassies advised their citizens to avoid travel to {region} until further notice.",
    "Local businesses said they had been hit hard, with many forced to close for several days.",
    "Officials cautioned that the figures were preliminary and might be revised as more information came in.",
    "In {place2}, about an hour's drive away, life continued largely as normal, though many residents said they were worried.",
    "The events have revived a long-running debate about how the country prepares for emergencies and who pays for them.",
    "Analysts said the handling of the crisis could become a test for the government ahead of next year's budget debate.",
    "Schools, hospitals and public offices in the area operated under emergency rules.",
    "Residents said information was scarce and contradictory in the first hours, and rumours spread quickly.",
    "The regional authorities published a list of emergency phone numbers and asked people not to call them unless necessary.",
    "Television channels interrupted their schedules to broadcast live from {place}.",
    "The governor of {region} cut short a foreign visit and returned to the region overnight.",
    "Church bells rang in {place} at noon, and a minute of silence was held in schools across {region}.",
    "Volunteers drove in from {place2} with food, water and blankets, and set up a collection point outside the town hall.",
    "It was not immediately clear how many of those affected had insurance, and the finance ministry said it was studying the question.",
    "Critics said the warning system had failed once again, pointing to a report that recommended an overhaul years ago.",
    "The president thanked the emergency services in a televised address and promised that lessons would be learned.",
    "Shops in the centre of {place} reopened in the afternoon, but many shelves were empty.",
    "Our correspondent in {place} said the mood among residents was a mixture of exhaustion and anger.",
)

# ---------------------------------------------------------------------------------------
# Page furniture
# ---------------------------------------------------------------------------------------
_MENU = ["Home", "World", "Politics", "Economy", "Business", "Sport", "Culture", "Opinion", "Society", "Video",
         "Photo", "Regions", "Science", "Health", "Weather", "Latest"]
_SOCIAL = ["Facebook", "Twitter", "Telegram", "WhatsApp", "VK", "Email", "LinkedIn", "Viber"]


def furniture_top(rng: random.Random, published: date, outlet: str) -> list[str]:
    lines: list[str] = []
    if rng.random() < 0.6:
        lines += rng.sample(_MENU, rng.randint(3, 7)) + [""]
    if rng.random() < 0.2:  # the page's "today" widget, not the article's date
        widget = published + timedelta(days=rng.randint(30, 900))
        lines += [f"{_WEEKDAYS[widget.weekday()]}, {widget.day} {_MONTHS[widget.month - 1]} {widget.year}", ""]
    if rng.random() < 0.3:
        lines += [f"Subscribe to {outlet} on Telegram to get the news first", ""]
    return lines


def furniture_bottom(rng: random.Random, outlet: str, published: date, related: list[str], tags: list[str]) -> list[str]:
    blocks: list[list[str]] = []
    if rng.random() < 0.5:
        blocks.append([f"{rng.randint(120, 98000):,} views" if rng.random() < 0.5 else str(rng.randint(120, 98000))])
    if rng.random() < 0.6:
        blocks.append([rng.choice(["Share this article", "Share", "Share:", "Share on Facebook"])] + rng.sample(_SOCIAL, 3))
    if rng.random() < 0.4:
        blocks.append([f"Tags: {', '.join(tags)}"])
    if rng.random() < 0.5:
        blocks.append([rng.choice(["Photo: AFP", "Photo: Reuters", f"Photo: {outlet}", f"Video: {outlet}"])])
    if rng.random() < 0.5:
        blocks.append([rng.choice(["Related news", "Read also", "Latest news", "More on this topic"])] + related)
    if rng.random() < 0.4:
        blocks.append(["Subscribe to our channel", rng.choice(["Subscribe to our newsletter", "Follow us on Telegram"])])
    if rng.random() < 0.5:
        blocks.append(["Leave a Reply", "Your email address will not be published. Required fields are marked *"])
    if rng.random() < 0.5:
        blocks.append([f"© {published.year} {outlet}. All rights reserved."])
    if rng.random() < 0.3:
        blocks.append(["Back to top button"])
    out: list[str] = []
    for block in blocks:
        out += block + [""]
    return out


# ---------------------------------------------------------------------------------------
# Events and articles
# ---------------------------------------------------------------------------------------
@dataclass
class Event:
    index: int
    kind: Kind
    place: str
    place2: str
    region: str
    river: str
    start: date
    values: dict[str, int]  # value on the first day
    dates: dict[str, date]
    officials: list[tuple[str, str]]  # (name, role)
    slug: str = ""
    extras: dict[str, str] = field(default_factory=dict)

    def value(self, fact: Fact, day: int) -> int:
        v = self.values[fact.name]
        if fact.grows and day > 0:
            v = round(v * (1 + fact.grows) ** day)
        return v


def make_event(seed: int, index: int) -> Event:
    rng = random.Random(f"{seed}:event:{index}")
    kind = KINDS[index % len(KINDS)] if rng.random() < 0.5 else rng.choice(KINDS)
    place, place2, region, river = place_name(rng), place_name(rng), place_name(rng), place_name(rng)
    start = date(2019, 1, 1) + timedelta(days=rng.randint(0, 5 * 365))
    values = {f.name: rng.randint(f.low, f.high) for f in kind.facts}
    for name in ("evacuated", "homeless", "votes", "strikers", "protesters", "area", "troops", "rally"):
        if name in values and values[name] > 1000 and rng.random() < 0.5:
            values[name] = round_sig(values[name], 2)  # officials round big counts
    dates = {d.name: start + timedelta(days=rng.randint(*d.offset)) for d in kind.dates}
    officials = []
    for role in kind.roles:
        officials.append((person(rng), role.format(place=place)))
    ev = Event(index, kind, place, place2, region, river, start, values, dates, officials)
    ev.slug = f"{slug(place)}-{kind.name}-{start.isoformat()}-{index:05d}"
    ev.extras = {
        "x": f"{rng.randint(2, 9)}.{rng.randint(0, 9)}", "pop": f"{rng.choice([120, 250, 400, 800])},000",
        "year": str(rng.randint(1950, start.year - 3)), "money": rng.choice([
            f"${rng.randint(2, 90)} million", f"{rng.randint(1, 9)}.{rng.randint(1, 9)} billion euros",
            f"{rng.randint(10, 500)} million dollars", f"€{rng.randint(5, 400)}m"]),
        "decade": str(rng.choice([1950, 1960, 1970, 1980])), "t": str(rng.randint(38, 46)), "k": str(rng.randint(3, 30)),
        "pct": str(rng.randint(5, 60)), "mag": f"{rng.randint(5, 7)}.{rng.randint(0, 9)}",
    }
    return ev


def fill(template: str, ev: Event, rng: random.Random, **extra: str) -> str:
    values = dict(ev.extras)
    values.update(place=ev.place, place2=ev.place2, region=ev.region, river=ev.river, Place=ev.place,
                  Region=ev.region)
    values.update(extra)
    return template.format(**values)


def attributed(rng: random.Random, clause: str, source: str, when: str) -> str:
    """One of several sentence shapes around a fact clause."""
    shape = rng.randrange(9)
    when_s = f" {when}" if when else ""
    if shape == 0:
        return f"{cap(clause)}, {source} said{when_s}."
    if shape == 1:
        return f"{cap(source)} said{when_s} that {clause}."
    if shape == 2:
        return f"According to {source}, {clause}."
    if shape == 3:
        return f"{cap(clause)}, according to {source}."
    if shape == 4:
        return f"{cap(clause)}."
    if shape == 5:
        by = when[3:] if when.startswith("on ") else when.replace("late on ", "") + " evening" if when.startswith("late on") else "the evening"
        if when in ("today", "yesterday"):
            by = "the evening"
        return f"By {by}, {clause}, {source} reported."
    if shape == 6:
        return f"{cap(source)} reported{when_s} that {clause}, adding that the figure could change."
    if shape == 7:
        return f"Officials said {clause}, although {source} gave no breakdown by district."
    return f"{cap(clause)} as of {rng.choice(['noon', 'Sunday evening', 'this morning', 'late on Monday', 'midnight'])}, {source} said."


def quote_sentence(rng: random.Random, ev: Event) -> str:
    name, role = rng.choice(ev.officials)
    q = fill(rng.choice(ev.kind.quotes), ev, rng)
    q2 = fill(rng.choice(ev.kind.quotes), ev, rng)
    surname = name.split()[-1]
    shape = rng.randrange(6)
    if shape == 0:
        return f"\"{q},\" said {name}, {role}."
    if shape == 1:
        if role.startswith("a "):
            return f"\"{q},\" {name}, {role}, told reporters."
        return f"\"{q},\" {role} {name} told reporters."
    if shape == 2:
        return f"{name}, {role}, said: \"{q}.\""
    if shape == 3:
        return f"\"{q},\" {surname} said. \"{q2}.\""
    if shape == 4:
        return f"{cap(role)} {name} told {rng.choice(['local television', 'the agency', 'reporters in ' + ev.place, 'a press conference'])} that \"{q[0].lower() + q[1:]}\"."
    return f"“{q},” {name} wrote on social media."


@dataclass
class Plan:
    """What one article says."""
    outlet: str
    number: int
    day: int  # publication day after the event's start
    dateline: bool  # no front matter; dateline and date line instead


def write_article(ev: Event, plan: Plan, rng: random.Random, related: list[str], outlet_url: str) -> str:
    kind = ev.kind
    published = ev.start + timedelta(days=plan.day)
    sentences: list[str] = []
    headline_fact: tuple[Fact, int] | None = None
    # Figures
    facts = list(kind.facts)
    rng.shuffle(facts)
    chosen = facts[: rng.randint(max(2, len(facts) - 3), len(facts))]
    for fact in chosen:
        true = ev.value(fact, plan.day)
        roll = rng.random()
        if roll < 0.13:  # contradicting: a different exact figure
            value = max(1, int(true * rng.choice([0.5, 0.6, 0.7, 1.3, 1.5, 1.8])))
            variant = "exact"
        else:
            value = true
            variant = rng.choices(["exact", "approx", "lower"], [55, 25, 20])[0]
        if headline_fact is None and variant == "exact":
            headline_fact = (fact, value)
        number, _ = qualified(rng, value, variant)
        source = rng.choice(kind.sources)
        when = rng.choice(["", "", on(written_date(rng, published, published)), "late on " + _WEEKDAYS[published.weekday()]])
        if fact.revision and plan.day > 0 and rng.random() < 0.5:
            prev = ev.value(fact, plan.day - 1)
            if prev < value:
                clause = rng.choice(fact.revision).format(
                    n=written_number(rng, value), prev=written_number(rng, prev),
                    when=rng.choice(["a day earlier", "on " + _WEEKDAYS[(published - timedelta(days=1)).weekday()],
                                     "the previous evening"]))
                sentences.append(attributed(rng, fill(clause, ev, rng), source, when))
                continue
        clause = rng.choice(fact.clauses)
        clause = clause.replace("{N}", number).replace("{n}", written_number(rng, value, words_ok=False))
        sentences.append(attributed(rng, fill(clause, ev, rng), source, when))
    # Dates
    for dfact in kind.dates:
        if rng.random() < 0.35:
            continue
        d = ev.dates[dfact.name]
        if rng.random() < 0.1:
            d = d + timedelta(days=rng.choice([-2, -1, 1, 2]))  # contradicting date
        written = written_date(rng, d, published)
        clause = rng.choice(dfact.clauses).replace("{D}", on(written)).replace("{d}", written)
        sentences.append(attributed(rng, fill(clause, ev, rng), rng.choice(kind.sources), ""))
    # Unique figures
    for minor in rng.sample(kind.minor, rng.randint(1, 3)):
        value = rng.randint(2, 400)
        clause = fill(minor.replace("{n}", written_number(rng, value, words_ok=rng.random() < 0.5)), ev, rng)
        sentences.append(attributed(rng, clause, rng.choice(kind.sources), ""))
    rng.shuffle(sentences)
    # Quotes and background
    quotes = [quote_sentence(rng, ev) for _ in range(rng.randint(1, 4))]
    background = [fill(b, ev, rng) for b in rng.sample(kind.background, rng.randint(3, len(kind.background)))]
    background += [fill(b, ev, rng) for b in rng.sample(COMMON_PROSE, rng.randint(5, 13))]
    # Lede
    noun = rng.choice(kind.nouns)
    lede_when = written_date(rng, ev.start, published)
    lede = rng.choice([
        f"The {noun} in {ev.region} that began {on(lede_when)} continued to dominate the news on {_WEEKDAYS[published.weekday()]}.",
        f"Authorities in {ev.region} were still dealing with the aftermath of the {noun} that began {on(lede_when)}.",
        f"Here is what we know about the {noun} in {ev.place} so far.",
        f"The {noun} around {ev.place} has become the biggest story in {ev.region} this week.",
    ])
    paragraphs: list[str] = []
    body = [lede] + sentences
    pool = quotes + background
    i = 0
    while i < len(body):
        k = rng.randint(1, 3)
        para = body[i : i + k]
        i += k
        if pool and rng.random() < 0.55:
            para.append(pool.pop(rng.randrange(len(pool))))
        paragraphs.append(" ".join(para))
    while pool:
        k = min(len(pool), rng.choice([1, 1, 2, 2, 3]))
        extra, pool = pool[:k], pool[k:]
        paragraphs.insert(rng.randint(1, len(paragraphs)), " ".join(extra))
    # Headline
    if headline_fact is not None:
        n_written = written_number(rng, headline_fact[1], words_ok=False)
    else:
        n_written = written_number(rng, rng.choice(list(ev.values.values())), words_ok=False)
    headline = fill(rng.choice(kind.headlines), ev, rng, n=n_written)
    # Dateline (agencies) on the first paragraph
    if plan.dateline or rng.random() < 0.25:
        dl_date = written_date(rng, published, published, style=rng.choice(["md", "dm", "abbr"]))
        paragraphs[0] = f"{ev.place.upper()}, {dl_date} ({plan.outlet}) – " + paragraphs[0]
    lines: list[str] = []
    if plan.dateline:
        lines += furniture_top(rng, published, plan.outlet)
        lines += [headline, "", f"{published.day} {_MONTHS[published.month - 1]} {published.year}, {rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}", ""]
    else:
        lines += ["---", f"source: {plan.outlet}", f"published: {published.isoformat()}"]
        if rng.random() < 0.5:
            lines.append(f"url: https://{outlet_url}/{published.year}/{published.month:02d}/{slug(headline)[:60]}")
        if rng.random() < 0.3:
            lines.append(f"title: \"{headline.replace(chr(34), chr(39))}\"")
        lines += ["---"]
        lines += furniture_top(rng, published, plan.outlet)
        lines += [headline, ""]
    if rng.random() < 0.3:
        lines += [rng.choice([f"By {person(rng)}", f"By {person(rng)} and {person(rng)}", f"{plan.outlet} staff"]), ""]
    for p in paragraphs:
        lines += [p, ""]
    tags = [kind.name, ev.place, ev.region]
    lines += furniture_bottom(rng, plan.outlet, published, related, tags)
    return "\n".join(lines).rstrip() + "\n"


def event_articles(seed: int, index: int, first_number: int, count: int, outlet_names: list[str]) -> list[tuple[str, str]]:
    """[(relative path, text)] of the ``count`` articles about event ``index``."""
    ev = make_event(seed, index)
    rng = random.Random(f"{seed}:articles:{index}")
    chosen = rng.sample(outlet_names, min(count, len(outlet_names)))
    while len(chosen) < count:
        chosen.append(rng.choice(outlet_names))
    out = []
    for j, outlet in enumerate(chosen):
        number = first_number + j
        plan = Plan(outlet=outlet, number=number, day=min(rng.choice([0, 0, 1, 1, 1, 2, 2, 3, 4, 5]), 6),
                    dateline=rng.random() < 0.12)
        art_rng = random.Random(f"{seed}:article:{number}")
        related = [fill(rng.choice(k.headlines), make_event(seed, index + 1 + r), art_rng, n=str(art_rng.randint(3, 900)))
                   for r, k in enumerate(art_rng.sample(KINDS, 3))]
        text = write_article(ev, plan, art_rng, related, slug(outlet) + ".example")
        out.append((f"{ev.slug}/{slug(outlet)}-{number:06d}.txt", text))
    return out


def layout(seed: int, articles: int) -> list[tuple[int, int, int]]:
    """[(event index, first article number, article count)] covering ``articles`` articles."""
    rng = random.Random(f"{seed}:layout")
    plan = []
    done = 0
    index = 0
    while done < articles:
        count = min(articles - done, rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 15, 20]))
        plan.append((index, done + 1, count))
        done += count
        index += 1
    return plan


def _work(args: tuple[int, list[tuple[int, int, int]], list[str], str]) -> tuple[int, int]:
    seed, chunk, outlet_names, out = args
    files = size = 0
    made: set[str] = set()
    for index, first, count in chunk:
        for rel, text in event_articles(seed, index, first, count, outlet_names):
            path = os.path.join(out, rel)
            folder = os.path.dirname(path)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            data = text.encode("utf-8")
            with open(path, "wb") as handle:
                handle.write(data)
            files += 1
            size += len(data)
    return files, size


def generate(articles: int, out: Path, seed: int = 1, jobs: int = 1) -> tuple[int, int]:
    plan = layout(seed, articles)
    names = outlets(seed)
    chunks = [plan[i : i + 200] for i in range(0, len(plan), 200)]
    work = [(seed, c, names, str(out)) for c in chunks]
    if jobs > 1 and len(chunks) > 1:
        with Pool(jobs) as pool:
            results = pool.map(_work, work)
    else:
        results = [_work(w) for w in work]
    return sum(r[0] for r in results), sum(r[1] for r in results)


def corpus_text(articles: int, seed: int = 1) -> list[str]:
    """Article texts in memory (for benchmarks that need text without files)."""
    names = outlets(seed)
    return [text for index, first, count in layout(seed, articles)
            for _, text in event_articles(seed, index, first, count, names)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, required=True, help="number of articles to write")
    ap.add_argument("--out", type=Path, required=True, help="output folder (created; existing files are overwritten)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1); same seed, same corpus")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    args = ap.parse_args(argv)
    if args.articles < 1:
        ap.error("--articles must be at least 1")
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    files, size = generate(args.articles, args.out, args.seed, args.jobs)
    dt = time.perf_counter() - t0
    print(f"wrote {files:,} articles ({size / 1e6:.1f} MB, {size / max(files, 1) / 1024:.1f} KB each on average) "
          f"about {len(layout(args.seed, args.articles)):,} events to {args.out} in {dt:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
