"""The shared last step: language from the text, dateline from the lead, date sanity."""

from __future__ import annotations

from datetime import UTC, datetime

from worker.article import Dateline, Metadata
from worker.extract import complete_metadata

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
