"""Reading the ground-truthed benchmark sets, which live outside the project (default ../shared/bench).

Each set is `html/<id>.html.gz`, `text/<id>.txt` and `ground-truth.json`; the path comes from
`NEWSWORKER_BENCH_DATA` or `--data`. When it is absent the benchmarks skip with a clear message.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
SETS = ("scrapinghub", "wcxb-dev")
# Every body set, and whether newsworker's rules were tuned on it (True) or it is held out (False):
# dragnet and cleaneval are report-only and must never be tuned on.
BODY_SETS: dict[str, bool] = {
    "scrapinghub": True,
    "wcxb-dev": True,
    "readability": True,
    "trafilatura-eval": True,
    "dragnet": False,
    "cleaneval": False,
}


@dataclass(frozen=True, slots=True)
class Page:
    set_name: str
    page_id: str
    html_path: Path
    text_path: Path
    truth: dict

    @property
    def url(self) -> str | None:
        """The page's address when the truth knows it (some sets write the string "None")."""
        url = self.truth.get("url")
        return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None

    def html_bytes(self) -> bytes:
        return gzip.decompress(self.html_path.read_bytes())

    def text(self) -> str:
        return self.text_path.read_text(encoding="utf-8")


def data_dir(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get("NEWSWORKER_BENCH_DATA") or DEFAULT_DATA_DIR)


def require_data(root: Path) -> bool:
    """True when the data is there; otherwise says so on stderr (the caller skips)."""
    missing = [name for name in SETS if not (root / name / "ground-truth.json").is_file()]
    if missing:
        print(
            f"benchmark data not found under {root} (missing: {', '.join(missing)}); "
            "set NEWSWORKER_BENCH_DATA or --data to the folder holding scrapinghub/ and wcxb-dev/. Skipping.",
            file=sys.stderr,
        )
        return False
    return True


def load_pages(root: Path, set_name: str, limit: int | None = None, sample: int | None = None) -> list[Page]:
    """The set's pages in id order: the first `limit`, or `sample` pages spread evenly over the set."""
    base = root / set_name
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        if set_name == "wcxb-dev" and truth[page_id].get("page_type", "article") != "article":
            continue
        pages.append(
            Page(
                set_name,
                page_id,
                base / "html" / f"{page_id}.html.gz",
                base / "text" / f"{page_id}.txt",
                truth[page_id],
            )
        )
    if sample and sample < len(pages):
        step = len(pages) / sample
        pages = [pages[int(i * step)] for i in range(sample)]
    return pages[:limit] if limit else pages


def iter_pages(root: Path, set_names: tuple[str, ...] = SETS) -> Iterator[Page]:
    for name in set_names:
        yield from load_pages(root, name)
