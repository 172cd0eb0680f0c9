"""One ACLED-style note with its ACLED coding and its gold event, for the note sets' source files
(acled_notes_source.py, acled_heldout_source.py): fatalities stay null in the gold unless the text states a
toll (or states none), while the ACLED coding gives 0 as ACLED does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def note(notes: list[dict[str, Any]], prefix: str, i: int, lang: str, date: str, text: str, etype: str, sub: str,
         loc: str, admin1: str, country: str, prec: int, fatal: int, ours: str, actors: list[str],
         arrested: int | None = None, edate: str | None = None, tp: int = 1, stated_zero: bool = False,
         gold_loc: str | None = None) -> None:
    """Append one note to `notes`; `gold_loc` is the place as the note's own language names it, when that
    differs from ACLED's spelling."""
    notes.append({"id": f"{prefix}-{i:02d}", "language": lang, "date": date, "title": "", "text": text,
                  "gold": {"events": [{"type": ours, "date": edate, "location": gold_loc or loc, "actors": actors,
                                       "fatalities": fatal if ours in ("attack", "protest") and (fatal or stated_zero)
                                       else None,
                                       "arrested": arrested}]},
                  "acled": {"event_type": etype, "sub_event_type": sub, "location": loc, "admin1": admin1,
                            "country": country, "geo_precision": prec, "fatalities": fatal, "time_precision": tp}})


def write(notes: list[dict[str, Any]], path: Path) -> None:
    path.write_text("".join(json.dumps(n, ensure_ascii=False) + "\n" for n in notes), encoding="utf-8")
