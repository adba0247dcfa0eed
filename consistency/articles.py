"""Reading articles: finding files, decoding them, metadata, normalised text with an offset map.

An article's id is its file name without extension; its title the first non-empty line that
is not page furniture.  Metadata comes from a front-matter block (``source``, ``url``,
``published``) or, for the publication date, from a dateline or a date line at the top of the
page, used only when it agrees with the article's own dates (a page's "today" widget does not).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from consistency.extract.dates import DateMatch, DateReader
from consistency.normalise import Line, assemble, normalise_lines
from consistency.offsets import LineIndex, OffsetMap
from consistency.vocabulary import CompiledRules

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass
class Article:
    id: str
    path: str
    title: str = ""
    source: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str | None = None  # where the publication date was read
    # A dateline without a year ("MAKASSAR, March 4 (Reuters) -"): (month, day), completed with the
    # corpus year after extraction (consistency/api.py complete_publication).
    published_partial: tuple[int, int] | None = None
    raw: str = ""  # the decoded file
    text: str = ""  # normalised text, line-aligned with the article text
    offsets: OffsetMap = field(default_factory=OffsetMap)
    status: str = "ok"
    reason: str | None = None
    encoding: str = "utf-8"
    dropped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, why)
    notes: list[str] = field(default_factory=list)
    _lines: LineIndex | None = None

    def locate(self, start: int, end: int) -> tuple[int, int, int]:
        """(line, start column, end column) in the input file of a normalised span."""
        if self._lines is None:
            self._lines = LineIndex(self.raw)
        raw_start = self.offsets.to_raw(start)
        raw_end = self.offsets.to_raw(end, end=True)
        line, col = self._lines.locate(raw_start)
        line_end = self._lines.starts[line] - 1 if line < len(self._lines.starts) else len(self.raw)
        if line_end > 0 and self.raw[line_end - 1 : line_end + 1] == "\r\n":
            line_end -= 1  # a CRLF line ends before its CR
        return line, col, col + max(0, min(raw_end, line_end) - raw_start)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "published_from": self.published_from,
            "status": self.status,
        }
        if self.reason:
            out["reason"] = self.reason
        if self.status == "ok" and self.encoding.lower() not in ("utf-8", "utf_8", "ascii"):
            out["encoding"] = self.encoding
        return out


@dataclass(frozen=True)
class InputProblem:
    path: str
    reason: str


def discover(paths: list[Path], plain: dict[str, str] | None = None) -> tuple[list[Path], list[InputProblem]]:
    """Article files under ``paths`` (folders recursively), in a stable order.

    Every path that cannot be used is an :class:`InputProblem` naming it and why: missing, a
    broken or looping symbolic link, a folder that cannot be listed or holds no articles.
    ``plain``, if given, receives the found files known not to be symbolic links (the listing
    tells) and their resolved paths, so that callers need not ask the file system again
    (api.display_paths)."""
    found: list[Path] = []
    problems: list[InputProblem] = []
    seen: set[str] = set()  # resolved paths, as strings (cheaper to build and hash than Paths)
    for path in paths:
        if not path.exists():
            problems.append(InputProblem(str(path), _missing_reason(path)))
            continue
        if path.is_dir():
            before = len(problems)
            matches = [m for m in _walk(path, problems) if os.path.splitext(m[0])[1].lower() in ARTICLE_SUFFIXES]
            if not matches and len(problems) == before:
                problems.append(InputProblem(str(path), f"folder holds no articles ({', '.join(ARTICLE_SUFFIXES)})"))
            # Path order compares component by component: the same as the split strings.
            for name, real in sorted(matches, key=lambda m: m[0].split(os.sep)):
                m = Path(name)
                key = str(m.resolve()) if real is None else real
                if key not in seen:
                    seen.add(key)
                    found.append(m)
                    if plain is not None and real is not None:
                        plain[name] = real
        else:
            key = str(path.resolve())
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found, problems


def _missing_reason(path: Path) -> str:
    """Why an existing-looking path cannot be followed: a symlink loop, a broken link, or absent."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link points back at itself)"
        if path.is_symlink():
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return f"broken symbolic link (points to {target}, which does not exist)"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return f"cannot reach path: {exc.strerror}"
    return "no such file or folder"


def _walk(folder: Path, problems: list[InputProblem]) -> list[tuple[str, str | None]]:
    """Files under ``folder`` as (path, its resolved path, or None for a symbolic link).

    One ``scandir`` per folder, whose entries tell their type without a ``stat`` per file
    (10,000 files: most of discover's time went to stat and resolve); a folder reached
    without a link resolves to its parent's real path plus its name."""
    out: list[tuple[str, str | None]] = []
    visited: set[Path] = set()
    stack: list[tuple[Path, Path | None]] = [(folder, None)]
    while stack:
        current, real = stack.pop()
        if real is None:
            try:
                real = current.resolve()
            except (OSError, RuntimeError):
                problems.append(InputProblem(str(current), "symbolic link loop (cannot resolve the path); skipped"))
                continue
        if real in visited:
            if current != folder:
                problems.append(InputProblem(str(current), "folder already visited (symbolic link loop); skipped"))
            continue
        visited.add(real)
        real_str = str(real)
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            problems.append(InputProblem(str(current), f"cannot list folder: {exc.strerror or exc}"))
            continue
        base = str(current)  # as str(current / name) writes it: "./a" is "a"
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                link = entry.is_symlink()
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:  # a link the entry cannot follow (a loop): as pathlib answers
                path = Path(entry.path)
                link, is_dir, is_file = True, path.is_dir(), path.is_file()
            if is_dir:
                stack.append((current / entry.name, None if link else real / entry.name))
            elif is_file:
                out.append((entry.name if base == "." else os.path.join(base, entry.name),
                            None if link else os.path.join(real_str, entry.name)))
            else:
                _odd_entry(Path(entry.path), problems)
    return out


def _odd_entry(entry: Path, problems: list[InputProblem]) -> None:
    """Neither a folder nor a file: a link to nothing, to itself, or a device, socket or pipe."""
    if entry.is_symlink() and not entry.exists():
        # A link to nothing, or to itself: named when it looks like an article or loops.
        reason = _missing_reason(entry)
        if entry.suffix.lower() in ARTICLE_SUFFIXES or "loop" in reason:
            problems.append(InputProblem(str(entry), reason))
    elif entry.suffix.lower() in ARTICLE_SUFFIXES and entry.exists():
        problems.append(InputProblem(str(entry), "not a regular file (a device, socket or pipe); not read"))


# Byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Encodings a news page that is not UTF-8 is likely to be in; charset-normalizer chooses
# among them (left to itself it reads a short latin-1 line as UTF-16 or Shift-JIS).
_LEGACY_ENCODINGS = ["cp1252", "cp1250", "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp1253",
                     "cp1254", "cp1255", "cp1256", "cp1257", "iso8859_8", "gb18030", "big5", "shift_jis",
                     "euc_jp", "euc_kr", "cp874"]
_ENCODING_NAMES = {
    "cp1252": "Windows Western European, latin-1", "latin_1": "Western European", "cp1250": "Windows Central European",
    "cp1251": "Windows Cyrillic", "koi8_r": "Russian KOI8-R", "koi8_u": "Ukrainian KOI8-U", "cp1253": "Windows Greek",
    "cp1254": "Windows Turkish", "cp1257": "Windows Baltic", "gb18030": "Chinese", "big5": "Traditional Chinese",
    "shift_jis": "Japanese", "euc_jp": "Japanese", "euc_kr": "Korean",
}
# Bytes that are letters of Central European languages in cp1250 (Š š Ž ž Ť ť Ź ź ł ą), and
# symbols or gaps in cp1252: a Western text has none of them.
_CENTRAL_EUROPEAN = frozenset(b"\x8a\x9a\x8e\x9e\x8d\x9d\x8f\x9f\xb3\xb9")


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding assumed: a byte-order mark's, UTF-8, UTF-16 without a mark (told
    by its zero bytes), else the best guess of charset-normalizer among the encodings news
    sites use, with Western European (cp1252) preferred over Central European (cp1250) when
    both read the text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding.replace("-sig", ""), errors="replace"), encoding
    utf16 = _utf16_without_bom(data)  # before UTF-8: ASCII with a zero byte after each is valid UTF-8
    if utf16:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_LEGACY_ENCODINGS).best()
    encoding = best.encoding if best is not None and best.encoding else None
    central = bool(_CENTRAL_EUROPEAN & set(data))
    if encoding in (None, "cp1250", "iso8859_2", "cp1257", "cp1252") and encoding != ("cp1250" if central else "cp1252"):
        try:
            return data.decode("cp1250" if central else "cp1252"), "cp1250" if central else "cp1252"
        except UnicodeDecodeError:
            pass
    if encoding is not None:
        return str(best), encoding
    return data.decode("latin-1"), "latin-1"


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a byte-order mark: a zero byte in every other place (Latin text)."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    encoding = "utf-16-le" if odd > 0.3 and even < 0.05 else "utf-16-be" if even > 0.3 and odd < 0.05 else None
    if encoding is None:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


# What a file that is not text starts with.
_MAGIC = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive (or Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"{\\rtf", "an RTF document"), (b"RIFF", "a media file"), (b"\x00\x00\x00", "a binary file"),
)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def _binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not an article's text, or None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({what}), not text"
    return None


def _garbled_reason(text: str) -> str | None:
    """Decoded text that is mostly control characters or undecodable bytes is not text."""
    sample = text[:65536]
    if not sample:
        return None
    bad = len(_CONTROL_CHARS.findall(sample))
    if bad and bad * 10 > len(sample):
        return f"binary file ({bad:,} control characters or undecodable bytes in the first {len(sample):,}), not text"
    return None


# -- HTML -------------------------------------------------------------------------------
_BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
               "blockquote", "header", "footer", "title", "ul", "ol", "table", "figure", "figcaption", "pre"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "nav", "aside", "form", "iframe", "button"}


class _TextExtractor(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", raw))]
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.pos = 0
        self.skip = 0
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title = ""

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, raw_start: int, raw_len: int) -> None:
        if self.skip or not text:
            return
        self.parts.append(text)
        self.map.add(self.pos, len(text), raw_start, raw_len)
        self.pos += len(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        if tag == "meta":
            d = {k: v or "" for k, v in attrs}
            key = (d.get("property") or d.get("name") or "").lower()
            if key and d.get("content"):
                self.meta[key] = d["content"]
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK_TAGS:
            self._emit("\n", self._offset(), 0)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK_TAGS:
            self._emit("\n", self._offset(), 0)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        start = self._offset()
        # Line breaks inside a paragraph's source are spaces in the text.
        self._emit(data.replace("\r", " ").replace("\n", " "), start, len(data))

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")

    def _entity(self, ref: str) -> None:
        import html as _html

        start = self._offset()
        if self.in_title:
            self.title += _html.unescape(ref)
            return
        raw_len = len(ref) if self.raw.startswith(ref, start) else len(ref) - 1
        self._emit(_html.unescape(ref), start, raw_len)


def html_to_text(raw: str) -> tuple[str, OffsetMap, dict[str, str], str]:
    parser = _TextExtractor(raw)
    parser.feed(raw)
    parser.close()
    return "".join(parser.parts), parser.map, parser.meta, parser.title.strip()


# -- front matter -----------------------------------------------------------------------
_FRONT = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


# Front matter of plain "key: value" lines (printable ASCII, no quotes, flow or comment marks) is
# read by libyaml's safe loader when PyYAML has it: the same result, several times faster.
_SIMPLE_YAML = re.compile(
    r"(?:[A-Za-z_][A-Za-z0-9_.-]*:(?: +[A-Za-z0-9(/.+$_][ -\"$-~]*)?\n)*"
    r"[A-Za-z_][A-Za-z0-9_.-]*:(?: +[A-Za-z0-9(/.+$_][ -\"$-~]*)?"
)


def front_matter(raw: str) -> tuple[dict[str, Any], int, str | None]:
    """(metadata, number of lines it occupies, problem) of a leading front-matter block."""
    m = _FRONT.match(raw)
    if not m:
        return {}, 0, None
    lines = raw[: m.end()].count("\n") + (0 if raw[: m.end()].endswith("\n") else 1)
    body = m.group(1)
    try:
        if raw.startswith("+++"):
            import tomllib

            data = tomllib.loads(body)
        else:
            import yaml  # here: a run whose articles all come from the cache never needs it

            fast = getattr(yaml, "CSafeLoader", None)
            if _SIMPLE_YAML.fullmatch(body) and fast is not None:
                try:
                    data = yaml.load(body, Loader=fast)  # noqa: S506 - the safe loader, in C
                except Exception:  # noqa: BLE001 - the error is reported as the Python parser words it
                    data = yaml.safe_load(body)
            else:
                data = yaml.safe_load(body)
    except Exception as exc:  # noqa: BLE001 - any parse error is reported, not raised
        return {}, lines, f"malformed front matter ignored: {str(exc).splitlines()[0]}"
    if not isinstance(data, dict):
        return {}, lines, "front matter is not a set of key: value pairs; ignored"
    return {str(k).lower(): v for k, v in data.items()}, lines, None


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value if not hasattr(value, "date") else value.date() if callable(getattr(value, "date")) else value
    if isinstance(value, str):
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


# -- reading ----------------------------------------------------------------------------
def read_article(path: Path, vocab: CompiledRules, *, display: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article.  A file that cannot be an article is returned with status "skipped" and
    the reason; one that can, but needed help (another encoding, NUL bytes, broken front
    matter ...), with a note saying so.  The file is opened read-only and never written."""
    article = Article(id=path.stem, path=display or str(path))
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return _skip(article, "not a regular file (a device, socket or pipe)")
        if info.st_size > max_bytes:
            return _skip(article, f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # a file that grew since stat() is still cut off
    except OSError as exc:
        return _skip(article, f"cannot read file: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return _skip(article, f"file is over the limit of {max_bytes:,} bytes (--max-bytes)")
    if not data.strip():
        return _skip(article, "empty file" if not data else "empty file (only whitespace)")
    binary = _binary_reason(data)
    if binary:
        return _skip(article, binary)
    raw, encoding = decode(data)
    garbled = _garbled_reason(raw)
    if garbled:
        return _skip(article, garbled)
    article.encoding = encoding
    if encoding in ("utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        if encoding != "utf-8-sig":
            article.notes.append(f"decoded as {encoding} (byte-order mark or zero bytes)")
    elif encoding != "utf-8":
        what = _ENCODING_NAMES.get(encoding.lower().replace("-", "_"))
        article.notes.append(f"decoded as {encoding}{f' ({what})' if what else ''}: not valid UTF-8, encoding guessed")
    nuls = raw.count("\x00")
    if nuls:
        raw = raw.replace("\x00", " ")
        article.notes.append(f"{nuls:,} NUL byte(s) read as spaces")
    if not raw.strip():
        return _skip(article, "empty file (only whitespace)")
    article.raw = raw
    article = build_article(article, vocab, is_html=path.suffix.lower() in (".html", ".htm"))
    if not article.text.strip():
        return _skip(article, "no article text: nothing is left after the front matter, markup and page furniture")
    return article


def article_from_text(text: str, vocab: CompiledRules, *, id: str = "text", published: date | None = None) -> Article:
    """An article from a string (tests, rule examples, other programs)."""
    article = Article(id=id, path=f"<{id}>", raw=text)
    article = build_article(article, vocab, is_html=False)
    if published is not None:
        article.published, article.published_from = published, "given"
    return article


def _skip(article: Article, reason: str) -> Article:
    article.status, article.reason = "skipped", reason
    return article


def build_article(article: Article, vocab: CompiledRules, *, is_html: bool) -> Article:
    raw = article.raw
    meta: dict[str, Any] = {}
    html_map: OffsetMap | None = None
    html_title = ""
    if is_html:
        text_source, html_map, html_meta, html_title = html_to_text(raw)
        meta = {
            "source": html_meta.get("og:site_name"),
            "url": html_meta.get("og:url"),
            "published": html_meta.get("article:published_time") or html_meta.get("date"),
        }
        front_lines = 0
    else:
        meta, front_lines, problem = front_matter(raw)
        if problem:
            article.notes.append(problem)
        text_source = raw

    lines = normalise_lines(text_source, vocab.normaliser, skip=front_lines)
    header_dates(article, lines, vocab, skip=front_lines)
    text, mapping = assemble(lines)
    article.text = text
    article.offsets = mapping.compose(html_map) if html_map is not None else mapping
    article.dropped = [(ln.number, ln.text, ln.dropped) for ln in lines if ln.dropped and ln.text]
    first = next((ln.text for ln in lines if ln.text and not ln.dropped), "")
    article.title = str(meta.get("title") or html_title or first)[:300]
    article.source = str(meta["source"]) if meta.get("source") else article.source
    article.url = str(meta["url"]) if meta.get("url") else article.url
    published = _as_date(meta.get("published") or meta.get("date"))
    if published:
        article.published, article.published_from = published, "front matter"
    elif (meta.get("published") or meta.get("date")) and not is_html:
        article.notes.append(f"front matter date {meta.get('published') or meta.get('date')!r} is not YYYY-MM-DD; ignored")
    return article


DATELINE = re.compile(r"^(?P<place>[A-Z][A-Za-z .'’-]{1,40}),\s+(?P<rest>.{4,40}?)\s*(?:\([^)]{1,40}\))?\s*[–—-]\s")


def _weekday_contradicts(m: DateMatch) -> bool:
    if m.weekday is None or m.year is None or m.month is None or m.day is None:
        return False
    try:
        return date(m.year, m.month, m.day).weekday() != m.weekday
    except ValueError:
        return True


def _dateline_candidates(line: Line, reader: DateReader, candidates: list[tuple[DateMatch, int, str]]) -> None:
    """A dateline ("MOSCOW, 20 January (BelTA) –") opening a paragraph of the body."""
    if line.words < 12:
        return
    dl = DATELINE.match(line.text)
    if dl:
        for m in reader.find(dl.group("rest")):
            if m.day is not None and not m.is_relative:
                candidates.append((m, 1, f"dateline, line {line.number}"))


def header_dates(article: Article, lines: list[Line], vocab: CompiledRules, *, skip: int) -> None:
    """Read the publication date from date lines at the top and from a dateline.

    A date line is dropped from the text either way: it is the page's, not a claim.
    """
    reader = vocab.dates
    prefilter = vocab.prefilter
    candidates: list[tuple[DateMatch, int, str]] = []  # (match, score, where)
    # Lines of the body whose dates weigh the candidates: read only when there is a candidate
    # (most articles have none), as (line, its dates when already read).
    body: list[tuple[Line, list[DateMatch] | None]] = []
    header_done = False
    for index, line in enumerate(lines):
        if index < skip or not line.text:
            continue
        if header_done:
            if not line.dropped:
                body.append((line, None))
                _dateline_candidates(line, reader, candidates)
            continue
        matches = reader.find(line.text) if prefilter.dates_possible(line.text) else []
        is_date_line = False
        if matches and not header_done:
            leftover = line.text
            for m in matches:
                leftover = leftover.replace(m.text, " ")
            words = re.findall(r"[A-Za-z]+", leftover)
            is_date_line = all(w.lower() in reader.furniture_words for w in words) and all(
                not m.is_relative for m in matches
            )
        if is_date_line:
            for m in matches:
                if _weekday_contradicts(m):
                    continue  # "Tuesday, 21 November 2024" on a Thursday is no one's publication date
                score = (2 if m.has_time else 0) + (1 if m.year else 0) - (1 if line.dropped else 0)
                candidates.append((m, score, f"date line {line.number}"))
            line.dropped = line.dropped or "date line"
            continue
        if line.dropped:
            continue
        body.append((line, matches))
        _dateline_candidates(line, reader, candidates)
        header_done = line.words >= 12
    if not candidates:
        return
    body_years: Counter[int] = Counter()
    body_dates: list[date] = []
    for line, found in body:
        if found is None:
            found = reader.find(line.text) if prefilter.dates_possible(line.text) else []
        for m in found:
            if m.year and m.day is not None:
                body_years[m.year] += 1
                try:
                    body_dates.append(date(m.year, m.month, m.day))  # type: ignore[arg-type]
                except ValueError:
                    pass
    # Year for year-less candidates: from other candidates, else from the body.
    years = Counter(m.year for m, _, _ in candidates if m.year)
    fallback_year = (years or body_years).most_common(1)[0][0] if (years or body_years) else None
    resolved: list[tuple[date, int, str]] = []
    partial: list[tuple[int, tuple[int, int], str]] = []
    for m, score, where in candidates:
        year = m.year or fallback_year
        if year is None and m.day is not None and m.month is not None:
            partial.append((score, (m.month, m.day), where))
        if year is None or m.day is None or m.month is None:
            continue
        try:
            day = date(year, m.month, m.day)
        except ValueError:
            continue
        resolved.append((day, score, where))
    latest_body = max(body_dates) if body_dates else None
    if latest_body:
        resolved = [r for r in resolved if (r[0] - latest_body).days <= reader.max_days_after_body]
    if not resolved:
        if partial and not years and not body_years:
            best = max(s for s, _, _ in partial)
            days = {md for s, md, _ in partial if s == best}
            if len(days) == 1:
                article.published_partial = days.pop()
                article.published_from = next(w for s, md, w in partial if s == best)
        return
    # Agreement between candidates (a timestamp and a dateline) strengthens both.
    counts = Counter(d for d, _, _ in resolved)
    scored = [(score + 2 * (counts[d] - 1), d, where) for d, score, where in resolved]
    best = max(s for s, _, _ in scored)
    top = {d for s, d, _ in scored if s == best}
    if len(top) == 1:
        day = top.pop()
        article.published = day
        article.published_from = next(w for s, d, w in scored if d == day and s == best)
    else:
        article.notes.append(
            "publication date ambiguous: " + ", ".join(sorted(d.isoformat() for d in top)) + "; none used"
        )
