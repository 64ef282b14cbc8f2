"""`python -m bench.text_identity --check` names a held-out page whose output changed but never shows
its text: held-out sets are measured, never read."""

from __future__ import annotations

from bench.text_identity import shown_difference


def test_a_held_out_page_that_changed_is_named_without_its_output() -> None:
    shown = shown_difference("cleaneval/0001", "the old harbour text", "the new harbour text")
    assert "cleaneval/0001" in shown
    assert "harbour" not in shown


def test_a_tuned_page_that_changed_shows_its_output_before_and_after() -> None:
    shown = shown_difference("wcxb-dev/dev-0001", "the old harbour text", "the new harbour text")
    assert "the old harbour text" in shown
    assert "the new harbour text" in shown
