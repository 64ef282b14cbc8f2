"""Article-body extraction: newsworker beside the peers, on HTML and on whole-page plain text.

    python -m bench.body [--data DIR] [--sets scrapinghub,wcxb-dev,dragnet,...] [--forms html,text]
                         [--extractors newsworker,trafilatura,...] [--limit N | --sample N]
                         [--scripts cjk]

Sets: scrapinghub, wcxb-dev, readability, trafilatura-eval (newsworker was tuned on these: column
`tuned` says yes) and dragnet, cleaneval (held out: never tune on them). trafilatura-eval has no body
truth, only must-keep/must-drop snippets: read its `snip F1` (WCXB has snippets too). A page newsworker
refuses ("not an article") is an empty prediction and scores zero where the truth has a body
(`empty`). `--sample N` takes N pages spread evenly over each set, to keep a run affordable.

newsworker runs the full `worker.pipeline.extract_article(load_document(raw, kind=...))`, the code the
service publishes with. Peers (trafilatura, readability-lxml, justext, newspaper4k, boilerpy3,
resiliparse) run when installed; on the plain-text form they get the text as minimal HTML, one <p> per
line. Each (set, form, extractor) runs in its own child process, so the peak memory (the child's
maxrss) is that one extractor's over one set, and the pages/s are one core's (extraction time only:
decoding plus extracting, reading the files aside, after one untimed warm-up call). Predictions go to
`bench/out/<set>/<form>/<name>/` and are scored by the reference scorer (`score.py` beside the data),
imported from the data folder.
"""

from __future__ import annotations

import argparse
import contextlib
import html as html_lib
import importlib.util
import json
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from bench.datasets import BODY_SETS, Page, data_dir, load_pages, require_data

FORMS = ("html", "text")
EXTRACTORS = (
    "newsworker",
    "trafilatura",
    "readability",
    "justext",
    "newspaper4k",
    "boilerpy3",
    "resiliparse",
)
# The module that must import for an extractor to run.
_MODULES = {
    "newsworker": "worker",
    "trafilatura": "trafilatura",
    "readability": "readability",
    "justext": "justext",
    "newspaper4k": "newspaper",
    "boilerpy3": "boilerpy3",
    "resiliparse": "resiliparse",
}
OUT_DIR = Path(__file__).resolve().parent / "out"
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td", "th", "br"}
    | {"section", "article", "dd", "dt", "figcaption"}
)
_SPACE = re.compile(r"[ \t\r\f\v]+")

Extract = Callable[[str | bytes, Page], str]
# Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) and Hangul:
# `--scripts cjk` keeps the pages whose plain text is mostly in them.
_CJK = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_LETTER = re.compile(r"[^\W\d_]")
CJK_SHARE = 0.3


def cjk_share(text: str) -> float:
    """The share of the text's letters that are in a script written without spaces (or Hangul)."""
    letters = len(_LETTER.findall(text))
    return len(_CJK.findall(text)) / letters if letters else 0.0


def select_pages(pages: list[Page], scripts: str | None) -> list[Page]:
    """Only the pages in the scripts asked for (`cjk`), or all of them."""
    if scripts != "cjk":
        return pages
    return [page for page in pages if cjk_share(page.text()) >= CJK_SHARE]


def text_as_html(text: str) -> str:
    """The plain text as the smallest HTML a peer accepts: one <p> per non-empty line."""
    lines = (line.strip() for line in text.splitlines())
    body = "\n".join(f"<p>{html_lib.escape(line)}</p>" for line in lines if line)
    return f"<html><head><meta charset='utf-8'></head><body>\n{body}\n</body></html>"


def html_to_text(markup: str) -> str:
    """Block-aware text of an HTML fragment (readability returns HTML)."""
    import lxml.html

    if not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    parts: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        block = isinstance(el.tag, str) and el.tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def _as_str(raw: str | bytes) -> str:
    from worker.document import decode_bytes

    return raw if isinstance(raw, str) else decode_bytes(raw)


def make_extractor(name: str, form: str) -> Extract:
    """One function per extractor: raw page (bytes for HTML, str for text) in, article text out."""
    if name == "newsworker":
        from worker.document import InputKind, load_document
        from worker.errors import NewsworkerError
        from worker.pipeline import extract_article

        kind = InputKind.HTML if form == "html" else InputKind.TEXT

        def run(raw: str | bytes, page: Page) -> str:
            try:
                article = extract_article(load_document(raw, kind=kind, url=page.url))
            except NewsworkerError:
                return ""
            return "\n".join(article.paragraphs)

        return run

    def as_html(raw: str | bytes) -> str:
        return _as_str(raw) if form == "html" else text_as_html(_as_str(raw))

    if name == "trafilatura":
        import trafilatura

        # Comments are boilerplate here (issue 6); the baseline figures are with them off.
        return lambda raw, page: trafilatura.extract(as_html(raw), url=page.url, include_comments=False) or ""
    if name == "readability":
        from readability import Document

        return lambda raw, page: html_to_text(Document(as_html(raw)).summary(html_partial=True))
    if name == "justext":
        import justext

        def run_justext(raw: str | bytes, page: Page) -> str:
            markup = as_html(raw)
            match = re.search(r"<html[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2})", markup[:4000])
            language = _JUSTEXT_LANGS.get(match.group(1).lower(), "English") if match else "English"
            paragraphs = justext.justext(
                markup.encode("utf-8"), justext.get_stoplist(language), encoding="utf-8"
            )
            return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

        return run_justext
    if name == "newspaper4k":
        import newspaper

        def run_newspaper(raw: str | bytes, page: Page) -> str:
            # fetch_images=False: newspaper would otherwise download images to pick a top image.
            article = newspaper.Article(page.url or "http://example.com/", fetch_images=False)
            article.download(input_html=as_html(raw))
            article.parse()
            return article.text or ""

        return run_newspaper
    if name == "boilerpy3":
        from boilerpy3 import extractors

        extractor = extractors.ArticleExtractor(raise_on_failure=False)
        return lambda raw, page: extractor.get_content(as_html(raw)) or ""
    if name == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        return lambda raw, page: extract_plain_text(as_html(raw), main_content=True) or ""
    raise ValueError(f"unknown extractor {name}")


_JUSTEXT_LANGS = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "ru": "Russian",
    "sv": "Swedish",
    "da": "Danish",
    "fi": "Finnish",
    "cs": "Czech",
    "tr": "Turkish",
}


def available(name: str) -> bool:
    return importlib.util.find_spec(_MODULES[name]) is not None


def run_child(
    root: Path,
    set_name: str,
    form: str,
    name: str,
    limit: int | None,
    sample: int | None = None,
    scripts: str | None = None,
) -> dict:
    """In a fresh process: one extractor over one set in one form; predictions to disk, figures out."""
    import warnings

    warnings.filterwarnings("ignore")
    extract = make_extractor(name, form)
    out = OUT_DIR / set_name / form / name
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    seconds = 0.0
    empty = errors = 0
    pages = select_pages(load_pages(root, set_name, limit, sample), scripts)
    if pages:  # one untimed call first: imports and models load once per process, not per page
        first = pages[0]
        with contextlib.suppress(Exception):  # the timed run below reports it
            extract(first.html_bytes() if form == "html" else first.text(), first)
    for page in pages:
        raw: str | bytes = page.html_bytes() if form == "html" else page.text()
        start = time.perf_counter()
        try:
            text = extract(raw, page)
        except Exception as exc:  # a peer's crash is its empty output, counted and said
            print(f"{name} failed on {set_name}/{page.page_id}: {exc!r}", file=sys.stderr)
            text, errors = "", errors + 1
        seconds += time.perf_counter() - start
        empty += not text.strip()
        (out / f"{page.page_id}.txt").write_text(text, encoding="utf-8")
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pages": len(pages), "seconds": seconds, "empty": empty, "errors": errors, "maxrss_mb": maxrss_mb}


def load_scorer(root: Path) -> ModuleType:
    """The reference scorer, imported from beside the data (never copied into the project)."""
    spec = importlib.util.spec_from_file_location("reference_score", root / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(root / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: ModuleType, pages: list[Page], set_name: str, form: str, name: str) -> dict:
    truth = {page.page_id: page.truth for page in pages}
    pred, _, _ = scorer.load_pred(OUT_DIR / set_name / form / name, truth.keys())
    snippets = any(page.truth.get("with") for page in pages)
    result, _ = scorer.evaluate(truth, pred, n_boot=0, snippets=snippets)
    if not any(page.truth.get("articleBody") for page in pages):  # snippets only: no body F1
        result.update(precision=float("nan"), recall=float("nan"), f1=float("nan"))
    return result


def print_table(rows: list[dict]) -> None:
    header = (
        f"{'set':<16} {'tuned':<5} {'form':<5} {'extractor':<12} {'precision':>9} {'recall':>7} {'F1':>6} "
        f"{'snip F1':>7} {'pages/s':>8} {'peak MB':>8} {'empty':>6} {'pages':>6}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        snip = f"{row['snip_f1']:>7.3f}" if row["snip_f1"] is not None else f"{'':>7}"
        tuned = "yes" if BODY_SETS[row["set"]] else "NO"
        print(
            f"{row['set']:<16} {tuned:<5} {row['form']:<5} {row['extractor']:<12} {row['precision']:>9.3f} "
            f"{row['recall']:>7.3f} {row['f1']:>6.3f} {snip} {row['pages_per_s']:>8.1f} "
            f"{row['maxrss_mb']:>8.0f} {row['empty']:>6} {row['pages']:>6}"
        )


def _names(value: str, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    names = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise SystemExit(f"unknown {what}: {', '.join(unknown)} (choose from {', '.join(allowed)})")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", help="folder holding scrapinghub/, wcxb-dev/, ... (default: ../shared/bench)"
    )
    parser.add_argument("--sets", default=",".join(BODY_SETS))
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument("--extractors", default=",".join(EXTRACTORS))
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--sample", type=int, help="N pages spread evenly over each set")
    parser.add_argument("--scripts", choices=("cjk",), help="only pages mostly in CJK/Thai/Hangul")
    parser.add_argument("--child", nargs=3, metavar=("SET", "FORM", "EXTRACTOR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    if args.child:
        print(json.dumps(run_child(root, *args.child, args.limit, args.sample, args.scripts)))
        return 0
    if not require_data(root):
        return 0
    sets = _names(args.sets, tuple(BODY_SETS), "set")
    absent = [name for name in sets if not (root / name / "ground-truth.json").is_file()]
    if absent:
        print(f"not found under {root}, skipped: {', '.join(absent)}", file=sys.stderr)
        sets = tuple(name for name in sets if name not in absent)
    forms = _names(args.forms, FORMS, "form")
    extractors = _names(args.extractors, EXTRACTORS, "extractor")
    missing = [name for name in extractors if not available(name)]
    if missing:
        print(f"not installed, skipped: {', '.join(missing)} (pip install '.[bench]')", file=sys.stderr)
    scorer = load_scorer(root)
    rows = []
    for set_name in sets:
        pages = select_pages(load_pages(root, set_name, args.limit, args.sample), args.scripts)
        if not pages:
            continue
        for form in forms:
            for name in (n for n in extractors if n not in missing):
                command = [
                    sys.executable,
                    "-m",
                    "bench.body",
                    "--data",
                    str(root),
                    "--child",
                    set_name,
                    form,
                    name,
                ]
                if args.limit:
                    command += ["--limit", str(args.limit)]
                if args.sample:
                    command += ["--sample", str(args.sample)]
                if args.scripts:
                    command += ["--scripts", args.scripts]
                child = subprocess.run(
                    command, capture_output=True, text=True, cwd=Path(__file__).parent.parent
                )
                if child.returncode != 0:
                    print(f"{name} on {set_name}/{form} crashed:\n{child.stderr[-2000:]}", file=sys.stderr)
                    continue
                figures = json.loads(child.stdout.strip().splitlines()[-1])
                result = score(scorer, pages, set_name, form, name)
                rows.append(
                    {
                        "set": set_name,
                        "form": form,
                        "extractor": name,
                        "precision": result["precision"],
                        "recall": result["recall"],
                        "f1": result["f1"],
                        "snip_f1": result.get("snip_f1"),
                        "pages_per_s": figures["pages"] / figures["seconds"] if figures["seconds"] else 0.0,
                        "maxrss_mb": figures["maxrss_mb"],
                        "empty": figures["empty"],
                        "pages": figures["pages"],
                    }
                )
                print(f"done: {set_name} {form} {name}", file=sys.stderr, flush=True)
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
