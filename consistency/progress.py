"""A progress bar on stderr for long runs.

Shown only when there are more than :data:`THRESHOLD` articles, stderr is a terminal and the
run is not ``--quiet``; it is redrawn in place and erased at the end, so nothing of it stays in
logs or in the terminal's scrollback.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

THRESHOLD = 50
PHASES = {"read": "reading", "extract": "extracting claims"}


class ProgressBar:
    def __init__(self, stream: TextIO | None = None, *, width: int = 30, threshold: int = THRESHOLD,
                 min_interval: float = 0.05) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self.threshold = threshold
        self.min_interval = min_interval
        self._last = 0.0
        self._drawn = False

    def __call__(self, phase: str, done: int, total: int) -> None:
        if total <= self.threshold:
            return
        now = time.monotonic()
        if done < total and now - self._last < self.min_interval:
            return
        self._last = now
        filled = self.width * done // total
        bar = "#" * filled + "-" * (self.width - filled)
        label = PHASES.get(phase, phase)
        self.stream.write(f"\r\x1b[K{label:<18} [{bar}] {done}/{total} articles")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False


def progress_for(stream: TextIO | None = None, *, quiet: bool = False) -> ProgressBar | None:
    """A progress bar when ``stream`` (default stderr) is a terminal and not ``quiet``; else None."""
    stream = stream or sys.stderr
    if quiet:
        return None
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return ProgressBar(stream)
