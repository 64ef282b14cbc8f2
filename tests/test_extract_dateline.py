"""Datelines of each agency style, and agencies from credit lines."""

from __future__ import annotations

import pytest

from worker.article import Dateline
from worker.extract.dateline import agency_from_credit, parse_dateline


def _dateline(line: str) -> Dateline | None:
    found = parse_dateline(line)
    return found[0] if found else None


def test_capital_place_with_reuters() -> None:
    assert _dateline("BRUSSELS (Reuters) - Ministers met on Thursday.") == Dateline("Brussels", "Reuters")


def test_place_and_day_with_afp() -> None:
    assert _dateline("Paris, Feb 3 (AFP) - The minister said.") == Dateline("Paris", "AFP")


def test_place_in_capitals_with_dash_and_no_agency() -> None:
    assert _dateline("WASHINGTON, D.C. — Lawmakers voted.") == Dateline("Washington, D.C.", None)


def test_dateline_line_gives_place_agency_and_date() -> None:
    found = parse_dateline("Lisbon, Portugal, Mar 9 (AFP) Mar 9, 2024")
    assert found == (Dateline("Lisbon, Portugal", "AFP"), "2024-03-09")


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("BERLIN (dpa) - Die Regierung hat entschieden.", "dpa"),
        ("MADRID (EFE) - El gobierno anunció.", "EFE"),
        ("ROME (ANSA) - Il governo ha detto.", "ANSA"),
        ("BEIJING (Xinhua) -- China said on Monday.", "Xinhua"),
        ("TOKYO (Kyodo) - Japan said.", "Kyodo"),
        ("SEOUL (Yonhap) - South Korea said.", "Yonhap"),
        ("NEW DELHI (PTI) - India said.", "PTI"),
        ("MOSCOW (TASS) - Russia said.", "TASS"),
        ("ANKARA (Anadolu Agency) - Turkey said.", "Anadolu"),
        ("SYDNEY (AAP) - Australia said.", "AAP"),
        ("LONDON (PA) - Britain said.", "PA"),
        ("NEW YORK (AP) — Stocks rose.", "AP"),
        ("OTTAWA (The Canadian Press) - Canada said.", "CP"),
    ],
)
def test_agency_styles(line: str, agency: str) -> None:
    found = _dateline(line)
    assert found is not None and found.agency == agency


def test_sentence_opening_is_no_dateline() -> None:
    assert _dateline("The minister said on Thursday that talks would go on.") is None


def test_agency_from_copyright_line() -> None:
    assert agency_from_credit(["© 2025 Agence France-Presse"]) == "AFP"


def test_agency_from_copyright_word() -> None:
    assert agency_from_credit(["Copyright 2024 The Associated Press. All rights reserved."]) == "AP"


def test_no_agency_in_plain_footer() -> None:
    assert agency_from_credit(["© 2025 Harbour Gazette. All rights reserved."]) is None
