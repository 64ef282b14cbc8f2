"""Where each plain-text title miss on WCXB dev stands among the header's proposals.

    python -m bench.text_title_misses [--data DIR] [--half 0|1] [--show CLASS] [--json FILE]

Each page whose text-form title (`bench.metadata.newsworker_text`, no URL) misses the truth is put in
one class, the first that holds:
- `empty`: the clean stage keeps no line of the page (nothing to read);
- `not printed`: no line of the page reads as the truth, whole or less a site's affix
  (`strip_site_affixes`): another wording, a subtitle the truth drops, the `<title>`'s words;
  `inside a line` when a longer line holds the truth's words (a date, a kicker or a subtitle glued
  to it);
- `not proposed`: a line reads as it, but the re-ranker's candidates (`text_title_candidates.candidates`)
  leave it out (a lead read far below the header, the line above the labeller's window);
- `out-ranked`: a candidate reads as it, but the re-ranker scores another higher;
- `ranked, then changed`: the re-ranker picks it, and a later stage (the site-affix trim, the
  headline's clean-up) makes it miss.
Only the last three are within the text path's reach. `--show` lists one class's pages with the
truth's lines and the candidates' scores (on stderr); `--json` keeps every miss's reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from bench.datasets import Page, data_dir, load_pages
from bench.line_labels import norm
from bench.metadata import in_half, newsworker_text, norm_title
from bench.train_titles import _Recorder
from worker.clean.text import clean_text
from worker.extract.text import read_layout_header, reading_text_page
from worker.extract.text_title_rank import Reading, default_ranker, features
from worker.extract.titles import strip_site_affixes

CLASSES = ("empty", "not printed", "inside a line", "not proposed", "out-ranked", "ranked, then changed")


def classify(printed: list[int], inside: list[int], proposed: list[int], best: int | None) -> str:
    """A miss's class from the lines that read as the truth (`printed`), those that hold it within
    longer words (`inside`), the candidates (`proposed`) and the re-ranker's pick (`best`)."""
    if not printed:
        return "inside a line" if inside else "not printed"
    if not any(index in proposed for index in printed):
        return "not proposed"
    return "ranked, then changed" if best in printed else "out-ranked"


def reading_of(page: Page, want: str) -> dict:
    """The page's miss: its class, the lines that read as the truth and the candidates' scores."""
    layout = clean_text(page.text())
    if not layout.lines:
        return {"class": "empty"}
    truth = norm(want)
    recorder = _Recorder()
    ranker = default_ranker()
    with reading_text_page(layout):
        read_layout_header(layout, recorder)
        proposal = recorder.proposal
        lines = layout.lines if proposal is None else proposal.lines
        printed = [
            i for i, line in enumerate(lines) if truth in (norm(line), norm(strip_site_affixes(line, [])))
        ]
        inside = [i for i, line in enumerate(lines) if truth and truth in norm(line)]
        if proposal is None:
            return {"class": classify(printed, inside, [], None), "printed": printed}
        reading = Reading(proposal)
        found = reading.found
        scores = {index: ranker.score(features(reading, index)) for index in found}
    best = max(found, key=lambda index: scores[index]) if len(found) > 1 else proposal.chosen
    return {
        "class": classify(printed, inside, found, best),
        "printed": printed[:5],
        "inside": inside[:5],
        "lead": proposal.lead,
        "window": [proposal.window.start, proposal.window.stop],
        "candidates": [(index, round(scores[index], 2), lines[index][:80]) for index in found],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data")
    parser.add_argument("--half", type=int, choices=(0, 1))
    parser.add_argument("--show", choices=CLASSES)
    parser.add_argument("--json", help="write every miss's reading here")
    args = parser.parse_args(argv)
    misses = {}
    for page in load_pages(data_dir(args.data), "wcxb-dev"):
        want = page.truth.get("title")
        if not want or (args.half is not None and not in_half(page.page_id, args.half)):
            continue
        got = newsworker_text(page, page.text()).title
        if norm_title(got) != norm_title(want):
            misses[page.page_id] = {"got": got, "want": want, **reading_of(page, want)}
    counts = Counter(miss["class"] for miss in misses.values())
    half = "" if args.half is None else f", half {args.half}"
    print(f"WCXB dev text title misses{half}: {len(misses)}")
    for name in CLASSES:
        print(f"  {name:22s} {counts[name]}")
    if args.show:
        for page_id, miss in misses.items():
            if miss["class"] == args.show:
                print(f"{page_id}\tgot={miss['got']!r}\twant={miss['want']!r}", file=sys.stderr)
                print(f"  lead {miss.get('lead')} printed {miss.get('printed')}", file=sys.stderr)
                for candidate in miss.get("candidates", []):
                    print(f"    {candidate}", file=sys.stderr)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(misses, out, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
