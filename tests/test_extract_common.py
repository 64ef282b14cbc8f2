"""The shared last step: language from the text, dateline from the lead, date sanity."""

from __future__ import annotations

from datetime import UTC, datetime

from worker.article import Dateline, Metadata
from worker.clean import clean_text
from worker.document import InputKind, load_document
from worker.extract import complete, complete_metadata
from worker.pipeline import extract_article

NOW = datetime(2025, 6, 1, tzinfo=UTC)
ENGLISH = [
    "The national energy regulator approved a forty-turbine wind farm off the northern harbour on Saturday.",
    "Fishermen's groups said they would appeal, arguing that the turbines would close their fishing grounds.",
    "The operator said construction would start next spring and power would flow within three years.",
]
GERMAN = [
    "Die Regulierungsbehörde hat am Samstag einen Windpark mit vierzig Turbinen vor dem Hafen genehmigt.",
    "Fischereiverbände kündigten Einspruch an, weil die Turbinen ihre Fanggründe schließen würden.",
    "Der Betreiber sagte, der Bau beginne im nächsten Frühjahr und der erste Strom fließe in drei Jahren.",
]


def _complete(metadata: Metadata, paragraphs: list[str]) -> Metadata:
    return complete_metadata(metadata, paragraphs, url=None, now=NOW)


def test_language_from_text_when_markup_is_silent() -> None:
    assert _complete(Metadata(), GERMAN).language == "de"


def test_text_language_wins_over_wrong_markup() -> None:
    assert _complete(Metadata(language="en"), GERMAN).language == "de"


def test_markup_language_kept_when_text_agrees() -> None:
    assert _complete(Metadata(language="en"), ENGLISH).language == "en"


def test_lead_dateline_gives_place_and_agency() -> None:
    lead = ["BRUSSELS (Reuters) - " + ENGLISH[0], *ENGLISH[1:]]
    assert _complete(Metadata(), lead).dateline == Dateline("Brussels", "Reuters")


def test_agency_from_credit_keeps_place_from_lead() -> None:
    lead = ["WASHINGTON, D.C. — " + ENGLISH[0], *ENGLISH[1:]]
    metadata = _complete(Metadata(dateline=Dateline(agency="AP")), lead)
    assert metadata.dateline == Dateline("Washington, D.C.", "AP")


def test_no_dateline_stays_none() -> None:
    assert _complete(Metadata(), ENGLISH).dateline is None


def test_future_date_is_refused() -> None:
    assert _complete(Metadata(published="2025-12-24T00:00:00+00:00"), ENGLISH).published is None


def test_update_before_publication_is_dropped() -> None:
    metadata = _complete(Metadata(published="2025-02-13", updated="2025-01-01"), ENGLISH)
    assert (metadata.published, metadata.updated) == ("2025-02-13", None)


def test_whitespace_is_normalized() -> None:
    assert _complete(Metadata(title="  Wind   farm\napproved "), ENGLISH).title == "Wind farm approved"


def test_language_told_by_the_clean_stage_is_not_told_again() -> None:
    told = complete(Metadata(), ENGLISH, url=None, now=NOW, told_language="de")[0]
    assert told.language == "de"


def test_body_read_for_language_when_the_clean_stage_told_none() -> None:
    assert complete(Metadata(), GERMAN, url=None, now=NOW, told_language=None)[0].language == "de"


def test_text_page_language_is_the_one_its_prose_was_cleaned_in() -> None:
    page = "Windpark genehmigt\n\n" + "\n\n".join(GERMAN) + "\n"
    article = extract_article(load_document(page.encode("utf-8"), kind=InputKind.TEXT), now=NOW)
    assert article.metadata.language == clean_text(page).language == "de"
