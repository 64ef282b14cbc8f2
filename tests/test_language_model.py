"""The language model read without py3langid's copies tells every text's language as py3langid's own
loader does, to the last digit of its confidence."""

from __future__ import annotations

import subprocess
import sys

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


def test_the_model_loads_where_the_temporary_folder_cannot_be_written() -> None:
    """A read-only container: the model is unpacked in memory instead, not refused."""
    script = (
        "import tempfile\n"
        "tempfile.tempdir = '/proc'  # no file can be created there, even by root\n"
        "from worker.extract.language import _identifier\n"
        f"print(_identifier().classify({SENTENCES[0]!r})[0])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "en"
