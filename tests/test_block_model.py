"""The learned block model: the shipped file loads once and judges a page; training is reproducible.

Pages here are written for the test: an article of plain sentences among a menu, share labels,
teaser cards and a footer, laid out a few ways. The retraining test runs on them, always; a second one
runs on the shared training sets when they are there (a sample of each) and skips when they are not.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from worker.clean import clean_html
from worker.clean.block_features import FEATURE_NAMES, block_features
from worker.clean.block_model import BlockModelError, block_model_from_dict, judge_blocks, shipped_block_model
from worker.clean.html import rule_blocks
from worker.clean.html_blocks import BlockClass
from worker.clean.selectors import TITLE_TAGS
from worker.parse import parse_html

SUBJECTS = ["The council", "A local bakery", "The rowing club", "Our reporter", "The new library", "A farmer"]
VERBS = ["announced on Monday that", "said in a statement that", "explained to neighbours why", "wrote that"]
ENDS = [
    "the opening hours will change after the summer holidays are over.",
    "the old bridge needs repairs before the winter storms arrive in the valley.",
    "more volunteers are wanted for the market that fills the square every Saturday.",
    "the bus to the coast will run twice as often from the first week of June.",
    "the harvest was the best in a decade, thanks to a wet spring and a warm autumn.",
]
MENU = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(7)) + "</ul></nav>"
# Furniture inside the article's own container, unnamed, so that only the block stage can drop it.
SHARE = "<div><a href='#s'>Share</a> <a href='#t'>Tweet</a> <a href='#e'>Email</a></div>"
LABEL = "<div>Advertisement</div>"
FOOTER = "<footer><p>© 2026 The Valley Courier. All rights reserved.</p><a href='/p'>Privacy</a></footer>"


def _sentence(i: int) -> str:
    return f"{SUBJECTS[i % len(SUBJECTS)]} {VERBS[i % len(VERBS)]} {ENDS[i % len(ENDS)]}"


def _article(seed: int, n: int = 6) -> list[str]:
    return [f"{_sentence(seed + k)} {_sentence(seed + 2 * k + 1)}" for k in range(n)]


def _teasers(seed: int) -> str:
    cards = "".join(
        f"<li><a href='/story/{seed}-{i}'>{SUBJECTS[(seed + i) % len(SUBJECTS)]} in the news again</a></li>"
        for i in range(5)
    )
    return f"<div><h3>More stories</h3><ul>{cards}</ul></div>"


def fixture_page(seed: int) -> tuple[str, list[str]]:
    """A page and its article's paragraphs; the seed picks the sentences and one of three layouts."""
    headline = f"{SUBJECTS[seed % len(SUBJECTS)]} makes news in the valley, report {seed}"
    paragraphs = _article(seed, 5 + seed % 4)
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:3]) + LABEL
    body += "".join(f"<p>{p}</p>" for p in paragraphs[3:])
    layout = seed % 3
    if layout == 0:
        main = f"<article><h1>{headline}</h1>{SHARE}{body}</article>{_teasers(seed)}"
    elif layout == 1:
        story = f"<div class='story'><h1>{headline}</h1>{body}{SHARE}</div>"
        main = f"<div class='wrap'>{story}</div>{_teasers(seed)}"
    else:
        main = f"<main><h1>{headline}</h1><div>{body}</div><aside>{_teasers(seed)}</aside></main>"
    html = f"<html><head><title>{headline}</title></head><body>{MENU}{main}{FOOTER}</body></html>"
    return html, paragraphs


def test_the_shipped_model_is_loaded_once_and_names_the_features_this_code_computes() -> None:
    model = shipped_block_model()
    assert model is shipped_block_model()
    assert model.kind in ("logistic", "trees")


def test_the_shipped_model_keeps_a_fixture_article_and_drops_its_furniture() -> None:
    html, paragraphs = fixture_page(4)
    assert clean_html(parse_html(html), block_model=shipped_block_model()) == paragraphs


def test_the_shipped_model_gives_each_block_of_a_page_a_probability() -> None:
    html, _ = fixture_page(2)
    page = rule_blocks(parse_html(html))
    rows = block_features(page.blocks, title=page.title, scale=page.scale)
    probabilities = shipped_block_model().probabilities(rows)
    assert len(probabilities) == len(page.blocks)
    assert all(0.0 <= p <= 1.0 for p in probabilities)


def _logistic(weights: list[float], bias: float) -> dict:
    n = len(FEATURE_NAMES)
    return {
        "kind": "logistic",
        "features": list(FEATURE_NAMES),
        "drop_below": 0.5,
        "keep_above": 0.5,
        "mean": [0.0] * n,
        "scale": [1.0] * n,
        "weights": weights,
        "bias": bias,
    }


def test_a_logistic_model_is_the_sigmoid_of_its_weighted_sum() -> None:
    weights = [0.0] * len(FEATURE_NAMES)
    weights[FEATURE_NAMES.index("link_density")] = -4.0
    model = block_model_from_dict(_logistic(weights, 2.0))
    row = [0.0] * len(FEATURE_NAMES)
    row[FEATURE_NAMES.index("link_density")] = 0.5
    assert model.probabilities([row])[0] == pytest.approx(0.5)


def test_a_tree_model_sums_the_leaves_each_row_reaches() -> None:
    # One stump on link density: <= 0.3 goes left (+2), else right (-2); base 0.
    stump = {"feature": [FEATURE_NAMES.index("link_density"), -1, -1], "split": [0.3, 0.0, 0.0]}
    stump |= {"left": [1, 0, 0], "right": [2, 0, 0], "value": [0.0, 2.0, -2.0]}
    data = {"kind": "trees", "features": list(FEATURE_NAMES), "drop_below": 0.5, "keep_above": 0.5}
    model = block_model_from_dict(data | {"base": 0.0, "depth": 1, "trees": [stump, stump]})
    low, high = [0.0] * len(FEATURE_NAMES), [0.0] * len(FEATURE_NAMES)
    high[FEATURE_NAMES.index("link_density")] = 0.9
    p_low, p_high = model.probabilities([low, high])
    assert p_low == pytest.approx(1 / (1 + pow(2.718281828459045, -4.0)))
    assert p_high == pytest.approx(1 - p_low)


def test_a_model_trained_on_other_features_is_refused() -> None:
    data = _logistic([0.0] * len(FEATURE_NAMES), 0.0) | {"features": ["chars", "links"]}
    with pytest.raises(BlockModelError):
        block_model_from_dict(data)


def test_the_model_arbitrates_the_rules_within_its_bounds() -> None:
    data = _logistic([0.0] * len(FEATURE_NAMES), 0.0) | {"drop_below": 0.2, "keep_above": 0.8}
    model = block_model_from_dict(data)  # every block at p = 0.5: not sure enough to overrule
    row = [0.0] * len(FEATURE_NAMES)
    assert model.keep([row, row], [True, False]) == [True, False]


def test_the_rows_of_some_blocks_are_their_rows_in_the_whole_page() -> None:
    html, _ = fixture_page(5)
    page = rule_blocks(parse_html(html))
    every = block_features(page.blocks, title=page.title, scale=page.scale)
    some = [len(page.blocks) - 1, 0, len(page.blocks) // 2]
    rows = block_features(page.blocks, title=page.title, scale=page.scale, only=some)
    assert rows == [every[i] for i in some]


def test_a_bound_at_zero_leaves_the_rules_kept_blocks_out_of_the_model() -> None:
    model = block_model_from_dict(_logistic([0.0] * len(FEATURE_NAMES), 0.0) | {"drop_below": 0.0})
    assert not model.can_change(True)
    assert model.can_change(False)


def test_judging_only_the_blocks_the_model_can_change_gives_the_verdicts_of_judging_all() -> None:
    model = shipped_block_model()
    for seed in range(6):
        html, _ = fixture_page(seed)
        page = rule_blocks(parse_html(html))
        rows = block_features(page.blocks, title=page.title, scale=page.scale)
        expected = [
            block.cls is BlockClass.GOOD if block.tag in TITLE_TAGS else keep
            for block, keep in zip(
                page.blocks, model.keep(rows, [b.cls is BlockClass.GOOD for b in page.blocks]), strict=True
            )
        ]
        judge_blocks(page.blocks, model, title=page.title, scale=page.scale)
        assert [block.cls is BlockClass.GOOD for block in page.blocks] == expected


def _fixture_rows(seeds: range):
    from bench.datasets import Page
    from bench.train_blocks import page_rows

    pages = []
    for seed in seeds:
        html, paragraphs = fixture_page(seed)
        truth = {"articleBody": "\n".join(paragraphs)}
        page = Page("fixture", f"{seed:03d}", Path("-"), Path("-"), truth)
        pages.append(page_rows(html.encode(), page))
    return pages


@pytest.mark.parametrize("family", ["logistic", "trees"])
def test_training_on_fixture_pages_is_deterministic(family: str) -> None:
    pytest.importorskip("sklearn", reason="training needs the `train` extra (scikit-learn)")
    from bench.train_blocks import fit, model_verdict, score_pages

    pages = _fixture_rows(range(24))
    first, second = fit(pages, family), fit(pages, family)
    assert first == second
    score = score_pages(pages, model_verdict(first, pages))
    assert score == score_pages(pages, model_verdict(second, pages))
    assert score >= 0.95


def test_training_labels_follow_the_truth_token_overlap() -> None:
    from bench.train_blocks import body_labels, snippet_labels

    body = "The rowing club wrote that the old bridge needs repairs before the winter."
    texts = ["The rowing club wrote that the old bridge needs repairs", "Share Tweet Email", "the"]
    assert body_labels(texts, body) == [1, 0, 1]
    assert snippet_labels(texts, ["old bridge needs repairs"], ["Tweet"]) == [1, 0, None]


def test_retraining_on_the_shared_training_sets_reproduces_its_scores() -> None:
    pytest.importorskip("sklearn", reason="training needs the `train` extra (scikit-learn)")
    from bench.datasets import data_dir
    from bench.train_blocks import TRAIN_SETS, collect, fit, model_verdict, score_pages

    root = data_dir(os.environ.get("NEWSWORKER_BENCH_DATA"))
    if not all((root / name / "ground-truth.json").is_file() for name in TRAIN_SETS):
        pytest.skip(f"shared training sets not under {root}: only the fixture retraining runs")
    pages = collect(root, TRAIN_SETS, sample=12)
    first, second = fit(pages, "logistic"), fit(pages, "logistic")
    assert first == second
    scores = [score_pages(pages, model_verdict(m, pages)) for m in (first, second)]
    assert scores[0] == pytest.approx(scores[1], abs=1e-9)


def test_a_larger_family_is_chosen_only_when_it_beats_the_first_by_more_than_noise() -> None:
    from bench.train_blocks import MIN_FAMILY_GAIN, choose

    def table(trees_gain: float) -> dict:
        row = {("rules", (0.0, 0.0)): 0.95, ("logistic", (0.0, 0.9)): 0.95}
        row[("trees", (0.0, 0.7))] = 0.95 + trees_gain
        return {"a": row, "b": row}

    assert choose(table(MIN_FAMILY_GAIN / 2)) == ("logistic", (0.0, 0.9))
    assert choose(table(2 * MIN_FAMILY_GAIN)) == ("trees", (0.0, 0.7))
