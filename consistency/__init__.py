"""consistency: compare what several articles about one event claim.

The library API lives in :mod:`consistency.api` (``check(paths, options) -> Report``); the
command line in :mod:`consistency.cli`.
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    # Lazy re-export, so that importing one stage does not load the whole pipeline.
    if name in {"check", "CheckOptions", "Report"}:
        from consistency import api

        return getattr(api, name)
    raise AttributeError(name)
