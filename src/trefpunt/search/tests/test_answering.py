"""A question that is one sentence of a long passage is answered; an off-topic one is not."""

import numpy as np

from trefpunt.search import answering, index
from trefpunt.search.query import search

from .conftest import document

REPORT = (
    "Der Gemeinderat von Kerkrade tagte am Dienstagabend bis spät in die Nacht. Auf der "
    "Tagesordnung standen der Haushalt für das kommende Jahr, die Sanierung des Hallenbads "
    "und die Anschaffung neuer Fahrzeuge für die Feuerwehr. Mehrere Anwohner beschwerten "
    "sich über den Lärm der Baustelle an der Hauptstraße. Der Bürgermeister blieb in der "
    "Frage der gemeinsamen Kläranlage mit Herzogenrath entschlossen, klar und "
    "unmissverständlich. Die Sitzung endete kurz nach Mitternacht mit einer Abstimmung über "
    "die Gebühren für die Müllabfuhr."
)


def test_a_sentence_of_a_long_passage_answers_a_question_in_another_language(db, monkeypatch):
    council = document("kerkrade-council", "de", "Ratssitzung", REPORT)
    index.bulk_index([("practice", "kerkrade-council", [council])])
    asked = []
    closest = answering.closest_sentence

    def spy(*args):
        asked.append(closest(*args))
        return asked[-1]

    monkeypatch.setattr(answering, "closest_sentence", spy)

    found = search("The mayor was resolute and unequivocal about the shared treatment plant.")

    assert [hit.id for hit in found.results] == ["kerkrade-council"]
    # the passage alone was not close enough: its sentence about the plant decided
    assert len(asked) == 1 and asked[0] >= answering.SENTENCE_MIN
    assert search("comment tricoter une écharpe en laine").count == 0


def test_sentence_vectors_are_embedded_once_per_process():
    class Counting:
        name = "counting"
        embedded: list[str] = []

        def passages(self, texts):
            self.embedded += texts
            return np.eye(4, dtype=np.float32)[: len(texts)]

    embedder = Counting()

    first = answering._sentence_vectors(embedder, ["eins", "zwei"])
    again = answering._sentence_vectors(embedder, ["zwei", "drei"])

    assert embedder.embedded == ["eins", "zwei", "drei"]
    assert (again[0] == first[1]).all()
