"""The language model read without py3langid's copies tells every text's language as py3langid's own
loader does, to the last digit of its confidence."""

from __future__ import annotations

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from worker.extract.language import _identifier

SENTENCES = [
    "The council agreed on Tuesday to widen the bridge before the winter floods return.",
    "Le conseil a décidé mardi d'élargir le pont avant le retour des crues de l'hiver.",
    "Der Rat beschloss am Dienstag, die Brücke vor den Winterhochwassern zu verbreitern.",
    "El consejo acordó el martes ensanchar el puente antes de que vuelvan las crecidas.",
    "Совет во вторник решил расширить мост до возвращения зимних паводков.",
    "12 34 56",
]


@pytest.fixture(scope="module")
def upstream() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_lean_model_classifies_as_py3langid_does(upstream: LanguageIdentifier, sentence: str) -> None:
    assert _identifier().classify(sentence) == upstream.classify(sentence)
