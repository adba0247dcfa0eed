"""From one article to its claims: sentences, then dates, then quantities, with context."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from consistency.articles import DATELINE, Article
from consistency.claims import Claim
from consistency.extract.context import (
    OF_WHOLE,
    Attributor,
    Thing,
    counted_thing,
    default_thing,
    event_of,
    figure_owner,
    property_of,
    subject_thing,
)
from consistency.extract.dates import DateMatch, DurationMatch, Resolution
from consistency.extract.names import extract_names
from consistency.extract.numbers import NumberMatch
from consistency.extract.quotes import extract_quotes
from consistency.extract.sets import extract_sets
from consistency.vocabulary import CompiledRules

_UNIT_WORD = re.compile(r"\s?-?[^\s,;:.!?()]+\.?")
_NEXT_WORDS = re.compile(r"\s*((?:[\w'-]+\s*){1,3})")
_AMONG = re.compile(r"\s+(?:among|of|in|to)\s+(?:the\s+)?")


def _fmt(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 6)


class ClaimBuilder:
    def __init__(self, article: Article, vocab: CompiledRules) -> None:
        self.article = article
        self.vocab = vocab
        self.attributor = Attributor.for_vocab(vocab)
        self.is_html = article.path.lower().endswith((".html", ".htm"))
        self.last_speaker: str | None = None

    def span(self, start: int, end: int) -> tuple[str, int, int, int]:
        """(text as in the file, line, start column, end column) of a normalised span."""
        line, col_start, col_end = self.article.locate(start, end)
        text = self.article.text[start:end]
        raw_start = self.article.offsets.to_raw(start)
        raw_end = self.article.offsets.to_raw(end, end=True)
        raw_text = self.article.raw[raw_start:raw_end]
        if "<" in raw_text and self.is_html:
            return text, line, col_start, col_end  # markup between the words: the text as read
        if "\n" in raw_text or "\r" in raw_text:
            # A claim wrapped onto the next line: (line, start, end) name one line, so the text
            # is what stands on the first one ("$4.2bn" of "$4.2bn\nin aid").
            first = raw_text[: col_end - col_start].rstrip()
            if first.strip():
                return first, line, col_start, col_start + len(first)
            return text, line, col_start, col_end
        if raw_text.strip():
            text = raw_text
        return text, line, col_start, col_end

    def attribution(self, sentence: str) -> str | None:
        speaker = self.attributor(sentence)
        if speaker and self.attributor.is_pronoun(speaker):
            return self.last_speaker
        if speaker:
            self.last_speaker = speaker
        return speaker


def extract_claims(article: Article, vocab: CompiledRules) -> list[Claim]:
    if article.status != "ok" or not article.text:
        return []
    builder = ClaimBuilder(article, vocab)
    claims: list[Claim] = []
    cut = 0
    prefilter = vocab.prefilter
    for sentence in vocab.splitter.split(article.text):
        s_text = sentence.text
        cut += sentence.cut
        attribution = builder.attribution(s_text)
        gate = prefilter(s_text)  # skips the finders that cannot match this sentence
        if not gate.dates and not gate.numbers:
            continue
        found = vocab.dates.find(s_text) if gate.dates else []
        dates = [d for d in found if not _in_dateline(article, sentence.start, s_text, d)]
        date_spans = [(d.start, d.end) for d in found]
        placed = [(d, vocab.dates.resolve(d, article.published, sentence=s_text)) for d in dates]
        for d, res in placed:
            claims.append(_date_claim(builder, vocab, sentence.start, s_text, d, res, attribution, date_spans))
        durations = [d for d in vocab.dates.find_durations(s_text)
                     if not any(s < d.end and d.start < e for s, e in date_spans)] if gate.dates else []
        for d in durations:
            claims.append(_duration_claim(builder, vocab, sentence.start, s_text, d, attribution))
        taken = date_spans + [(d.start, d.end) for d in durations]
        if not taken and not gate.numbers:
            continue  # blanked dates can make a word boundary: with dates found, numbers are read anyway
        numbers: list[NumberMatch] = []
        wholes: set[int] = set()  # "154 out of 450 seats": the 450 is the whole, not a count of its own
        for found_n in vocab.numbers.find(s_text, exclude=taken):
            parts = _tally_parts(vocab, s_text, found_n)
            numbers.extend(parts)
            wholes.update(id(p) for p in parts[1:])
        quantities = _quantity_claims(builder, vocab, sentence.start, s_text, numbers, attribution, wholes, taken)
        period = _earlier_period(vocab, article.published, s_text, placed) if quantities and placed else None
        if period:
            quantities = [replace(c, period=period, rule=f"{c.rule}; figure of {period}, from the sentence's date")
                          for c in quantities]
        claims.extend(quantities)
    claims.extend(extract_names(article, vocab, builder))
    claims.extend(extract_sets(article, vocab, builder))
    claims.extend(extract_quotes(article, vocab, builder))
    claims.sort(key=lambda c: (c.offset, c.kind))
    if cut:
        note = (f"{cut} piece(s) of text longer than {vocab.splitter.max_chars:,} characters without a sentence "
                "end were read separately (a claim across a cut may be missed)")
        if note not in article.notes:
            article.notes.append(note)
    return claims


def _earlier_period(vocab: CompiledRules, published: date | None, s_text: str,
                    placed: list[tuple[DateMatch, Resolution]]) -> str | None:
    """The earlier year a sentence dates its figures to: "In 2018, a ferry sank, killing 160".

    Only when every placed date of the sentence lies well before publication, or is a whole past
    year ("last year"), (rules/properties.toml [background]): "in 2018 ... and on Sunday 34 died"
    speaks of now too.  A date that says when the thing began or was made ("built in 1998", "since
    2018") dates no figure.
    """
    if published is None:
        return None
    min_days, not_after = vocab.background
    label = None
    for d, res in placed:
        low, high = (res.value, res.value) if res.value is not None else (res.low, res.high)
        if low is None or high is None:
            continue
        whole_past_year = (high - low).days >= 364 and high < published
        if res.open_side or ((published - high).days < min_days and not whole_past_year):
            return None  # "since 2018", "until Sunday", "on Sunday": the figure may be of now
        if not_after.search(s_text[max(0, d.start - 40) : d.start]):
            continue
        label = label or (str(low.year) if low.year == high.year else f"{low.year}-{high.year}")
    return label


def _duration_claim(builder: ClaimBuilder, vocab: CompiledRules, base: int, s_text: str, d: DurationMatch,
                    attribution: str | None) -> Claim:
    """"will last a few days": a length of time, tied to the event it measures (in days)."""
    event = event_of(vocab, s_text, d.start, d.end, builder.attributor.speech)
    text, line, col_start, col_end = builder.span(base + d.start, base + d.end)
    low, high = _fmt(d.low_days), _fmt(d.high_days)
    return Claim(
        article=builder.article.id, kind="duration", text=text, sentence=s_text, line=line, start=col_start,
        end=col_end, value=_fmt(d.days), low=low, high=high, qualifier="range" if low != high else "exact",
        unit=event.name, measure="days", property=None, owner=event.owner, attribution=attribution,
        rule=f"duration '{d.text}' ({d.qualifier})" + (f"; event '{event.name}' from cue '{event.cue}'" if event.name else ""),
        offset=base + d.start,
    )


def _in_dateline(article: Article, sentence_start: int, s_text: str, d: DateMatch) -> bool:
    at_line_start = sentence_start == 0 or article.text[sentence_start - 1] == "\n"
    if not at_line_start:
        return False
    m = DATELINE.match(s_text)
    return bool(m) and d.start >= m.start("rest") and d.end <= m.end("rest")


def _tally_parts(vocab: CompiledRules, s_text: str, n: NumberMatch) -> tuple[NumberMatch, ...]:
    """"268 out of 600 seats": a share that is a tally of counted things is claimed as its two
    counts (seats won, seats in all), as other articles state them; "two out of 500" with nothing
    counted after it stays a share (rules/numbers.toml [ratios])."""
    if n.parts and counted_thing(vocab, s_text, n.start, n.end, kind="number").name:
        return n.parts
    return (n,)


@dataclass(frozen=True)
class _Figure:
    """A number of a sentence with what it counts, before its property is chosen."""

    n: NumberMatch
    kind: str
    number_end: int
    thing: Thing
    revision: str | None  # "earlier", "increment", "part": a figure beside the total, not one

    @property
    def reach(self) -> tuple[int, int]:
        end = self.thing.end if self.thing.end is not None and self.thing.end - self.n.end <= 60 else self.number_end
        return self.n.start, max(end, self.number_end)


def _quantity_claims(builder: ClaimBuilder, vocab: CompiledRules, base: int, s_text: str,
                     numbers: list[NumberMatch], attribution: str | None, wholes: set[int] = frozenset(),
                     dates: list[tuple[int, int]] = ()) -> list[Claim]:
    """The quantity claims of one sentence: each figure's property is chosen knowing the others."""
    out: list[Claim] = []
    figures: list[_Figure] = []
    for n in numbers:
        if vocab.numbers.is_year(s_text, n):
            continue
        if n.kind == "number" and vocab.durations.match(s_text[n.end :]):
            continue  # "five years ago" places something in time; it counts nothing
        if n.written in ("zero-word", "words") and n.value == 0:
            named = _names_something(vocab, s_text[n.end :])
            if named:
                out.append(_zero_claim(builder, vocab, base, s_text, n, named, attribution))
            continue
        number_end = n.end
        kind = n.kind
        if n.kind == "number" and n.unit:
            # "40 cm of snow": a measurement; the unit word follows the number, the thing after "of".
            unit_word = _UNIT_WORD.match(s_text[n.end :])
            number_end = n.unit_end if n.unit_end is not None else n.end + (unit_word.end() if unit_word else 0)
            kind = "dimension"
        thing = counted_thing(vocab, s_text, n.start, number_end, kind=kind)
        if thing.end is not None and any(s < thing.end and number_end < e for s, e in dates):
            # "to NOK 48.6 billion last year": a date after the figure is no counted thing
            thing = (subject_thing(vocab, s_text, n.start) if kind in ("money", "percent") else None) \
                or Thing(None, "", "none", None, None)
        figures.append(_Figure(n, kind, number_end, thing,
                               "whole" if id(n) in wholes else _revision(vocab, s_text, n)))
    # "268 of 600 seats": the 600 is the whole the 268 are taken from, not a count of its own.
    for i in range(1, len(figures)):
        lead = OF_WHOLE.match(s_text, figures[i - 1].n.end)
        if lead and lead.end() == figures[i].n.start and figures[i].revision is None:
            figures[i] = replace(figures[i], revision="whole")
    # "11 were injured, two of them seriously": a part does not take the cue from its total.
    reaches = tuple(f.reach for f in figures if f.revision is None)
    for figure in figures:
        claim = _quantity_claim(builder, vocab, base, s_text, figure, attribution, reaches)
        if claim is not None:
            out.append(claim)
    return out


def _revision(vocab: CompiledRules, s_text: str, n: NumberMatch) -> str | None:
    if vocab.revision_earlier.search(s_text[max(0, n.start - 40) : n.start]):
        return "earlier"
    if vocab.revision_increment.match(s_text[n.end :]) or vocab.revision_increment_before.search(
            s_text[max(0, n.start - 20) : n.start]):
        return "increment"
    if vocab.revision_part.match(s_text[n.end :]):
        return "part"
    return None


def _quantity_claim(builder: ClaimBuilder, vocab: CompiledRules, base: int, s_text: str, figure: _Figure,
                    attribution: str | None, reaches: tuple[tuple[int, int], ...]) -> Claim | None:
    n, kind, number_end, thing = figure.n, figure.kind, figure.number_end, figure.thing
    prop, cue = property_of(vocab, s_text, n.start, n.end, reach=figure.reach, rivals=reaches)
    if prop and kind in ("dimension", "money") and prop in vocab.counts_only:
        prop, cue = None, None  # "bodies found 5 km off the coast": a distance is no count of the dead
    if thing.how.startswith("prefix"):
        prop, cue = None, None  # "magnitude 7.8" measures; "killed" nearby is about something else
    name = thing.name
    rule = [f"number '{n.text}' ({n.written}, {n.qualifier})"]
    if name is None:
        name = default_thing(vocab, prop)
        if name:
            rule.append(f"thing '{name}' is the default of property '{prop}'")
    else:
        rule.append(f"thing '{name}' from {thing.how}")
    if prop:
        rule.append(f"property '{prop}' from cue '{cue}'")
    # A fraction ("two thirds of the residents") is a share, not a head count.
    measure = {"percent": "percent", "multiplier": "times", "money": n.unit, "fraction": "fraction",
               "dimension": n.unit}.get(kind, "count")
    if name is None and not prop and n.kind == "number":
        return None  # a bare number with nothing said about it is not a claim
    if n.written == "words" and n.value == 1 and (not thing.how.startswith("alias") or OF_WHOLE.match(s_text, n.end)):
        return None  # "one" is mostly a pronoun: "one cannot but note", "if one of the member states"
    end = number_end
    if thing.end is not None and thing.end - n.end <= 60:
        end = thing.end
    revision = figure.revision
    if revision:
        rule.append(f"{revision} figure, not compared")
    text, line, col_start, col_end = builder.span(base + n.start, base + end)
    return Claim(
        article=builder.article.id, kind="quantity", text=text, sentence=s_text, line=line, start=col_start,
        end=col_end, value=_fmt(n.value), low=_fmt(n.low), high=_fmt(n.high), qualifier=n.qualifier,
        unit=name, measure=measure, property=prop, attribution=attribution,
        owner=thing.owner or (figure_owner(vocab, s_text, n.start, end) if name in vocab.owned_things[0] else None),
        rule="; ".join(rule), offset=base + n.start, low_exclusive=n.low_exclusive, high_exclusive=n.high_exclusive,
        revision=revision,
    )


def _names_something(vocab: CompiledRules, following: str) -> tuple[str, int] | None:
    """A zero word counts only before a known cue or thing: "no losses", not "no doubt".

    Returns the phrase named and where it ends in ``following``.
    """
    m = _NEXT_WORDS.match(following)
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n]).lower().strip(",.;:")
        if phrase in vocab.property_cues.lookup or phrase in vocab.thing_aliases:
            end = following.lower().find(phrase) + len(phrase)
            return phrase, end
    return None


def _zero_claim(builder: ClaimBuilder, vocab: CompiledRules, base: int, s_text: str, n: NumberMatch,
                named: tuple[str, int], attribution: str | None) -> Claim:
    phrase, phrase_end = named
    end = n.end + phrase_end
    prop = vocab.property_cues.lookup.get(phrase)
    if prop:
        # "no losses among personnel": the thing follows the cue.
        after = _AMONG.match(s_text[end:])
        thing = counted_thing(vocab, s_text, n.start, end + after.end() - 1, kind="number") if after else None
        name = thing.name if thing and thing.name else default_thing(vocab, prop)
        if thing and thing.end is not None and thing.name:
            end = thing.end
    else:
        name = vocab.thing_aliases[phrase]
        prop, _ = property_of(vocab, s_text, n.start, end)
    text, line, col_start, col_end = builder.span(base + n.start, base + end)
    return Claim(
        article=builder.article.id, kind="quantity", text=text, sentence=s_text, line=line, start=col_start,
        end=col_end, value=0, low=0, high=0, qualifier="exact", unit=name, measure="count", property=prop,
        owner=None, attribution=attribution, rule=f"zero word '{n.text}' before '{phrase}'", offset=base + n.start,
    )


def _date_claim(builder: ClaimBuilder, vocab: CompiledRules, base: int, s_text: str, d: DateMatch, res: Resolution,
                attribution: str | None, spans: list[tuple[int, int]] = ()) -> Claim:
    article = builder.article
    event = event_of(vocab, s_text, d.start, d.end, builder.attributor.speech, rivals=tuple(spans))
    if event.phase_assumed and d.is_relative:
        # "convoys to leave next week": a relative date names when something happens, not that a
        # process starts then; without a phase word it is not compared with start dates.
        event = replace(event, phase=None)
    text, line, col_start, col_end = builder.span(base + d.start, base + d.end)
    rule = [f"date '{d.text}' ({d.granularity})"]
    if event.name:
        rule.append(f"event '{event.name}' from cue '{event.cue}'")
    if res.value is not None:
        value, low, high, resolved = res.value.isoformat(), res.value.isoformat(), res.value.isoformat(), True
        qualifier = "exact"
    elif res.low is not None and res.high is not None:
        value, low, high, resolved = None, res.low.isoformat(), res.high.isoformat(), True
        qualifier = "range"
    elif d.month is not None and d.day is not None and d.year is None:
        # Month and day known, year not: kept as ISO "--MM-DD" until the corpus supplies a year.
        value, low, high, resolved = f"--{d.month:02d}-{d.day:02d}", None, None, False
        qualifier = "exact"
    else:
        value, low, high, resolved = None, None, None, False
        qualifier = "exact"
    return Claim(
        article=article.id, kind="date", text=text, sentence=s_text, line=line, start=col_start, end=col_end,
        value=value, low=low, high=high, qualifier=qualifier, unit=event.name, measure=None, property=event.phase,
        owner=event.owner, attribution=attribution, note=res.note, resolved=resolved, rule="; ".join(rule),
        offset=base + d.start, weekday_conflict=res.weekday_conflict,
        weekday=calendar.day_name[d.weekday] if d.weekday is not None and not d.weekday_only else None,
    )
