"""A file-backed cache of extracted articles, so that a second run reads only what changed.

One SQLite file (``claims.sqlite3`` in the cache folder) maps a key to an article as read
(metadata, text, offset map, notes) and its claims, and to a small summary of them (what
``check --new`` needs of an article that is not new: see :mod:`consistency.new_fast`).  A
second table remembers each file's digest beside its size, times and inode, so that a file
that did not change is not read again to find its key (as git's index does; a file changed in
the last two seconds is not remembered, since a second change could keep its signature).

The key is a hash of the file's bytes, of how it is read (its suffix), of the article's id and
path, of the rules' version (``rules.version``: a hash of every rule file, built-in and
``--rules``) and of this program's version: a changed article, rule or release is extracted
afresh, and so is a file moved or renamed (or whose id changed because another file took its
name); two copies of one file are two entries.  Keys starting ``copies:`` hold the copy links
found within a story (consistency/api.py ``story_copies``), keyed by its articles' keys.

Entries are pickled: the cache folder is as trusted as the program itself (do not point
``--cache`` at a folder others can write to).  Only the process that runs ``check`` writes, in
one transaction per batch; SQLite's lock keeps two runs on the same folder from corrupting it,
and a run that cannot get the lock in time goes on without storing.  A cache file that cannot
be read (corrupt, not SQLite, from an incompatible version) is set aside and rebuilt, with a
note; so is an entry that cannot be unpickled.
"""

from __future__ import annotations

import pickle
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FILE_NAME = "claims.sqlite3"
SCHEMA = 2
_BATCH = 400  # keys per SELECT (SQLite's limit on parameters is 999 in old builds)


def _pack(value: Any) -> bytes:
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


class ClaimCache:
    def __init__(self, folder: Path | str, *, timeout: float = 10.0) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILE_NAME
        self.timeout = timeout
        self.notes: list[str] = []
        self.hits = 0
        self.misses = 0
        self.stored = 0
        self._db: sqlite3.Connection | None = None
        self._disabled = False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._disable(f"cache folder {self.folder} cannot be created ({exc.strerror or exc}); running without it")
            return
        self._open()

    # -- opening ---------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is not None and row[0] != str(SCHEMA):
            # An older layout: its entries lack the summaries; start afresh (cheaper than migrating).
            db.execute("DROP TABLE IF EXISTS entries")
            db.execute("DROP TABLE IF EXISTS files")
            db.execute("DELETE FROM meta")
            self.notes.append(f"cache {self.path} was written by an older version (layout {row[0]}); emptied")
            row = None
        db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL, summary BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, stat TEXT NOT NULL, digest TEXT NOT NULL)")
        if row is None:
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
        db.execute("SELECT count(*) FROM entries WHERE key = ''").fetchone()  # a corrupt file fails here
        return db

    def _open(self) -> None:
        try:
            self._db = self._connect()
            return
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                self._disable(f"cache {self.path} is busy (another run?); running without it")
                return
            problem = str(exc)
        except sqlite3.DatabaseError as exc:
            problem = str(exc)
        self._rebuild(problem)

    def _rebuild(self, problem: str) -> None:
        """Set a broken cache file aside and start a new one."""
        self.close()
        try:
            for suffix in ("", "-wal", "-shm"):
                side = Path(str(self.path) + suffix)
                if side.exists():
                    side.replace(Path(str(self.path) + suffix + ".corrupt"))
            self._db = self._connect()
            self.notes.append(f"cache {self.path} could not be read ({problem}); set aside as "
                              f"{self.path.name}.corrupt and rebuilt")
        except (OSError, sqlite3.Error) as exc:
            self._disable(f"cache {self.path} could not be read ({problem}) nor rebuilt ({exc}); running without it")

    def _disable(self, note: str) -> None:
        self._disabled = True
        self._db = None
        self.notes.append(note)

    # -- reading and writing ------------------------------------------------------------------
    def get_many(self, keys: Iterable[str], column: str = "value") -> dict[str, Any]:
        """Key -> entry (``column`` "value": (article, claims); "summary": its summary)."""
        assert column in ("value", "summary")
        keys = list(dict.fromkeys(keys))
        found: dict[str, Any] = {}
        if self._db is None:
            self.misses += len(keys)
            return found
        bad = 0
        try:
            for i in range(0, len(keys), _BATCH):
                batch = keys[i : i + _BATCH]
                rows = self._db.execute(
                    f"SELECT key, {column} FROM entries WHERE key IN ({','.join('?' * len(batch))})", batch
                ).fetchall()
                for key, blob in rows:
                    if blob is None:
                        continue
                    try:
                        # Summaries are small and read 10,000 at a time: stored uncompressed.
                        found[key] = pickle.loads(zlib.decompress(blob) if column == "value" else blob)
                    except Exception:  # noqa: BLE001 - a damaged entry is a miss
                        bad += 1
        except sqlite3.DatabaseError as exc:
            self._rebuild(str(exc))
            found = {}
        if bad:
            self.notes.append(f"{bad} cache entr{'y' if bad == 1 else 'ies'} could not be read; extracted again")
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, items: list[tuple[str, Any]] | list[tuple[str, Any, Any]]) -> None:
        """Store (key, entry) or (key, entry, summary) items."""
        if self._db is None or not items:
            return
        rows = [(item[0], _pack(item[1]),
                 pickle.dumps(item[2], protocol=pickle.HIGHEST_PROTOCOL) if len(item) > 2 else None) for item in items]
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO entries (key, value, summary) VALUES (?, ?, ?)", rows)
            self._db.execute("COMMIT")
            self.stored += len(rows)
        except sqlite3.OperationalError as exc:
            self._rollback()
            if "locked" in str(exc) or "busy" in str(exc):
                self.notes.append(f"cache {self.path} is busy (another run?); {len(rows)} article(s) not stored")
            else:
                self._rebuild(str(exc))
        except sqlite3.DatabaseError as exc:
            self._rollback()
            self._rebuild(str(exc))

    # -- file digests: path -> (stat signature, digest of the bytes) ---------------------------
    def digests(self) -> dict[str, tuple[str, str]]:
        """Every remembered file: one query (cheaper than asking for 10,000 paths)."""
        if self._db is None:
            return {}
        try:
            rows = self._db.execute("SELECT path, stat, digest FROM files")
            return {path: (stat, digest) for path, stat, digest in rows}
        except sqlite3.DatabaseError:
            return {}

    def put_digests(self, rows: list[tuple[str, str, str]]) -> None:
        if self._db is None or not rows:
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO files (path, stat, digest) VALUES (?, ?, ?)", rows)
            self._db.execute("COMMIT")
        except sqlite3.Error:
            self._rollback()  # only a shortcut is lost: the next run reads the files again

    def _rollback(self) -> None:
        try:
            if self._db is not None and self._db.in_transaction:
                self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None

    def __enter__(self) -> ClaimCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
