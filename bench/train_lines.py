"""Train the plain-text line labeller (`worker.extract.text_labels`) and say how well it labels.

    python -m bench.train_lines                       # the shipped model, from every permitted set
    python -m bench.train_lines --without wcxb-dev --out /tmp/cross.crfsuite --check wcxb-dev

Labels come from `bench.line_labels` (dragnet and cleaneval never train it). CRFsuite's L-BFGS is
deterministic: the same sets give the same model file. `--check` scores a set the model was not
trained on: per label precision, recall and F1, and how often the most likely headline line is the
truth's title (of pages where some window line is).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from bench.line_labels import TRAIN_SETS, LabelledPage, labelled_pages, norm
from worker.extract.text_labels import LineLabel, LineLabeller

SHIPPED = Path(__file__).resolve().parent.parent / "worker" / "models" / "text_lines.crfsuite"


@dataclass(frozen=True, slots=True)
class TrainParams:
    """CRFsuite L-BFGS with elastic-net regularisation: L1 `c1` prunes features no set shares."""

    c1: float = 0.2
    c2: float = 0.02
    max_iterations: int = 150


DEFAULT_TRAIN_PARAMS = TrainParams()


def train(pages: list[LabelledPage], out: Path, params: TrainParams = DEFAULT_TRAIN_PARAMS) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for page in pages:
        trainer.append(page.items, [str(label) for label in page.labels])
    trainer.set_params(
        {
            "c1": params.c1,
            "c2": params.c2,
            "max_iterations": params.max_iterations,
            "feature.possible_transitions": True,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


@dataclass(slots=True)
class Scores:
    """Per label: true positives, predicted, actual; and headline picks right of pages with one."""

    hits: Counter[str]
    guessed: Counter[str]
    actual: Counter[str]
    headline_right: int = 0
    headline_pages: int = 0

    def f1(self, label: str) -> tuple[float, float, float]:
        p = self.hits[label] / self.guessed[label] if self.guessed[label] else 0.0
        r = self.hits[label] / self.actual[label] if self.actual[label] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def headline(self) -> float:
        return self.headline_right / self.headline_pages if self.headline_pages else 0.0


def evaluate(model: Path, pages: list[LabelledPage]) -> Scores:
    labeller = LineLabeller(str(model))
    scores = Scores(Counter(), Counter(), Counter())
    for page in pages:
        verdict = labeller.label(page.view)
        for got, want in zip(verdict.labels, page.labels, strict=True):
            scores.guessed[got] += 1
            scores.actual[want] += 1
            scores.hits[got] += got == want
        if LineLabel.HEADLINE in page.labels:
            scores.headline_pages += 1
            best = verdict.best(LineLabel.HEADLINE, page.view.lead + 1)
            scores.headline_right += best is not None and norm(page.view.lines[best[0]]) == page.truth.title
    return scores


def report(name: str, scores: Scores) -> None:
    print(f"{name}: headline pick {scores.headline:.3f} ({scores.headline_right}/{scores.headline_pages})")
    for label in LineLabel:
        p, r, f = scores.f1(label)
        print(f"  {label:<9} P {p:.3f} R {r:.3f} F1 {f:.3f} (n={scores.actual[label]})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data")
    parser.add_argument("--sets", default=",".join(TRAIN_SETS), help="sets to train on")
    parser.add_argument("--without", default="", help="sets left out of training (a cross-set check)")
    parser.add_argument("--out", default=str(SHIPPED), help="where the model goes (default: the shipped one)")
    parser.add_argument("--check", default="", help="sets to score the model on")
    parser.add_argument("--sample", type=int, help="pages per set (while iterating)")
    args = parser.parse_args(argv)
    left_out = set(filter(None, args.without.split(",")))
    sets = tuple(name for name in args.sets.split(",") if name not in left_out)
    pages = list(labelled_pages(args.data, sets, args.sample))
    out = Path(args.out)
    train(pages, out)
    print(f"trained on {len(pages)} pages of {', '.join(sets)} -> {out}")
    report("training pages", evaluate(out, pages))
    for name in filter(None, args.check.split(",")):
        report(name, evaluate(out, list(labelled_pages(args.data, (name,), args.sample))))
    return 0


def train_to_temp(pages: list[LabelledPage], params: TrainParams = DEFAULT_TRAIN_PARAMS) -> Path:
    """A model trained on `pages` in a temporary file (tests retrain from scratch this way)."""
    out = Path(tempfile.mkdtemp(prefix="newsworker-lines-")) / "model.crfsuite"
    train(pages, out, params)
    return out


if __name__ == "__main__":
    sys.exit(main())
