"""The learned keep/drop verdict of plain-text lines: the rules' body, revised line by line.

The rules (`clean.text`) find the article's block and its body; the model then reads every line of
the block's neighbourhood with its neighbours (`clean.text_line_features`) and says which are the
article: a lede the block started below, a last paragraph or a list it cut, a headline stack or a
"more on this" box it kept. It is the HTML block model's kind of model (`clean.block_model`: logistic
regression or boosted trees in JSON, run with numpy alone), trained by `python -m bench.train_body`
(`make train-body`) on the licensed sets only, and shipped as `worker/models/text_body.json`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from worker.clean.block_model import BlockModel, block_model_from_dict
from worker.clean.text_line_features import FEATURE_NAMES, line_rows
from worker.clean.text_line_model import Line

MODEL_RESOURCE = ("worker.models", "text_body.json")


@cache
def shipped_text_body_model() -> BlockModel | None:
    """The model inside the package, read once per process; None when none ships (the rules decide)."""
    package, name = MODEL_RESOURCE
    path = resources.files(package).joinpath(name)
    if not path.is_file():
        return None
    return block_model_from_dict(json.loads(path.read_text(encoding="utf-8")), FEATURE_NAMES)


def judge_lines(lines: list[Line], body: list[int], block: tuple[int, int], model: BlockModel) -> list[int]:
    """The body lines, in order, by the model's verdict over the rules' (`body`) in the block's window."""
    span, rows = line_rows(lines, body, block)
    kept = set(body)
    verdict = model.keep(rows, [index in kept for index in span])
    return [index for index, keep in zip(span, verdict, strict=True) if keep]
