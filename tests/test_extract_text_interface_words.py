"""A page's buttons and links ("Teilen Twittern", "Share Tweet", "Fotos Videos", "Leave a comment")
name no one, in any language; a person's name holds none of their words."""

from __future__ import annotations

import pytest

from worker.extract.languages.interface import holds_interface_word


@pytest.mark.parametrize("line", ["Teilen Twittern", "Share Tweet", "Fotos Videos", "Leave", "Filter Suche"])
def test_a_button_line_holds_an_interface_word(line: str) -> None:
    assert holds_interface_word(line)


@pytest.mark.parametrize(
    "name", ["Greta Wendholm", "Jonas Link", "Anna Post", "Marta Druck", "Gaspara Stampa"]
)
def test_a_persons_name_holds_none(name: str) -> None:
    assert not holds_interface_word(name)
