"""The learned keep/drop verdict of HTML blocks: a small model shipped as JSON, run with numpy alone.

`bench.train_blocks` writes the model (`worker/models/blocks.json`) from the training sets; here it is
only read, once per process (`shipped_block_model`), and evaluated on the rows of
`worker.clean.block_features.FEATURE_NAMES`. Two kinds:

    logistic    standardised features, one weight each, a bias: p = sigmoid(w·x + b)
    trees       gradient-boosted regression trees on the log-odds: p = sigmoid(base + sum of leaves)

No training library is needed to run either; the file names its features, so a model trained on
other features is refused at load rather than misread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from worker.clean.block_features import FEATURE_NAMES, block_features, language_sample
from worker.clean.html_blocks import Block, BlockClass
from worker.clean.selectors import TITLE_TAGS
from worker.clean.text_stopwords import page_stopwords

MODEL_RESOURCE = ("worker.models", "blocks.json")


class BlockModelError(ValueError):
    """A model file that does not fit this code (other features, unknown kind)."""


@dataclass(frozen=True, slots=True)
class BlockModel:
    """Keep probability of each block from its feature row. The model arbitrates the rules' verdict:
    a block the rules kept goes below `drop_below`, one they dropped is kept from `keep_above` on
    (0.5 and 0.5: the model alone decides; the training picks the pair by cross-validation)."""

    kind: str
    drop_below: float
    keep_above: float
    # logistic
    mean: np.ndarray | None = None
    scale: np.ndarray | None = None
    weights: np.ndarray | None = None
    bias: float = 0.0
    # trees, all nodes of all trees in flat arrays; a leaf has feature -1 and points to itself
    roots: np.ndarray | None = None
    feature: np.ndarray | None = None
    split: np.ndarray | None = None
    left: np.ndarray | None = None
    right: np.ndarray | None = None
    value: np.ndarray | None = None
    depth: int = 0

    def probabilities(self, rows: list[list[float]]) -> np.ndarray:
        if not rows:
            return np.zeros(0)
        x = np.asarray(rows, dtype=np.float64)
        if self.kind == "logistic":
            z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        else:
            z = self.bias + self._leaves(x)
        return 1.0 / (1.0 + np.exp(-z))

    def keep(self, rows: list[list[float]], rule_keep: list[bool]) -> list[bool]:
        """The verdict on each block, given the rules' (`rule_keep`)."""
        return [
            p >= self.drop_below if rule else p >= self.keep_above
            for p, rule in zip(self.probabilities(rows).tolist(), rule_keep, strict=True)
        ]

    def can_change(self, rule_keep: bool) -> bool:
        """Whether some probability could overturn this verdict of the rules: a bound at 0 (or above 1)
        means every block the rules kept (or dropped) stays so, and needs no features."""
        return self.drop_below > 0.0 if rule_keep else self.keep_above <= 1.0

    def _leaves(self, x: np.ndarray) -> np.ndarray:
        """Every tree walked for every row at once: one numpy step per level of the deepest tree."""
        n = x.shape[0]
        node = np.broadcast_to(self.roots, (n, self.roots.size)).copy()
        rows = np.arange(n)[:, None]
        for _ in range(self.depth):
            feat = self.feature[node]
            inner = feat >= 0
            go_left = x[rows, np.where(inner, feat, 0)] <= self.split[node]
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        return self.value[node].sum(axis=1)


def block_model_from_dict(data: dict[str, Any]) -> BlockModel:
    """The model a training run wrote, checked against the features this code computes."""
    if tuple(data.get("features", ())) != FEATURE_NAMES:
        raise BlockModelError("block model was trained on other features; retrain it (make train-blocks)")
    kind = data.get("kind")
    bounds = {"drop_below": float(data["drop_below"]), "keep_above": float(data["keep_above"])}
    if kind == "logistic":
        return BlockModel(
            kind=kind,
            **bounds,
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            weights=np.asarray(data["weights"], dtype=np.float64),
            bias=float(data["bias"]),
        )
    if kind == "trees":
        roots, feature, split, left, right, value = [], [], [], [], [], []
        for tree in data["trees"]:
            offset = len(feature)
            roots.append(offset)
            for f, s, lo, hi, v in zip(
                tree["feature"], tree["split"], tree["left"], tree["right"], tree["value"], strict=True
            ):
                leaf = f < 0
                feature.append(f)
                split.append(s)
                left.append(len(feature) - 1 if leaf else lo + offset)
                right.append(len(feature) - 1 if leaf else hi + offset)
                value.append(v if leaf else 0.0)
        return BlockModel(
            kind=kind,
            **bounds,
            bias=float(data["base"]),
            roots=np.asarray(roots, dtype=np.intp),
            feature=np.asarray(feature, dtype=np.intp),
            split=np.asarray(split, dtype=np.float64),
            left=np.asarray(left, dtype=np.intp),
            right=np.asarray(right, dtype=np.intp),
            value=np.asarray(value, dtype=np.float64),
            depth=int(data["depth"]),
        )
    raise BlockModelError(f"unknown block model kind {kind!r}")


@cache
def shipped_block_model() -> BlockModel:
    """The model inside the package, read and built once per process."""
    package, name = MODEL_RESOURCE
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return block_model_from_dict(json.loads(text))


def judge_blocks(blocks: list[Block], model: BlockModel, *, title: str = "", scale: float = 1.0) -> None:
    """The model's verdict over the rules' on every block (`BlockModel.keep`), except where a rule is
    principled rather than a threshold: the page's own headline (<h1>) goes to the metadata, never the
    body, and a block a rule dropped for good (`Block.final`: the site's disclosure) stays dropped.
    (Scripts, hidden and furniture subtrees, the headline's container: decided before blocks.)"""
    rule_keep = [block.cls is BlockClass.GOOD for block in blocks]
    open_to_model = []
    for i, block in enumerate(blocks):
        if block.tag in TITLE_TAGS or block.final:
            continue
        if model.can_change(rule_keep[i]):
            open_to_model.append(i)
        elif not rule_keep[i]:
            block.cls = BlockClass.BAD  # the rules' drop, final: what the model would say of it too
    if not open_to_model:
        return
    stopwords = page_stopwords(language_sample(blocks))
    rows = block_features(blocks, title=title, scale=scale, stopwords=stopwords, only=open_to_model)
    verdicts = model.keep(rows, [rule_keep[i] for i in open_to_model])
    for i, keep in zip(open_to_model, verdicts, strict=True):
        blocks[i].cls = BlockClass.GOOD if keep else BlockClass.BAD
