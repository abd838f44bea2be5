"""Incremental ingest: no-op, change, delete, reused embeddings, failures, and crashes mid-way."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.index import ingest as ingest_module
from assistant.index.generations import IndexDir, read_chunks
from assistant.index.ingest import Ingestor
from assistant.search.retrieval import Searcher
from tests.conftest import DECREE, PLAN


def chunk_ids(settings) -> list[str]:
    index = IndexDir(settings.index_dir)
    return [c.id for c in read_chunks(index.path(index.current()))]


def chroma_count(settings) -> int:
    return Searcher(settings).generation().collection.count()


def test_first_ingest_then_noop_embeds_nothing(small_settings):
    first = Ingestor(small_settings, progress=False).run()
    assert first.changed and first.embedded == first.chunks > 0 and first.exit_code == 0
    again = Ingestor(small_settings, progress=False).run()
    assert not again.changed and again.embedded == 0
    assert again.generation == first.generation
    assert chroma_count(small_settings) == first.chunks


def test_changed_document_replaces_its_chunks_and_reuses_other_embeddings(small_settings, small_corpus):
    first = Ingestor(small_settings, progress=False).run()
    path = small_corpus / "nd-99.txt"
    path.write_text(DECREE.replace("25 triệu đồng/hộ", "35 triệu đồng/hộ"), encoding="utf-8")
    second = Ingestor(small_settings, progress=False).run()
    assert second.updated == ["nd-99-2030"] and not second.added and not second.removed
    assert second.embedded == 1  # only the changed khoản
    assert second.reused_embeddings == second.chunks - 1
    results = Searcher(small_settings).search("hỗ trợ mua thùng ong bao nhiêu", k=1)
    assert "35 triệu" in results[0].chunk.text
    texts = [c.text for c in read_chunks(IndexDir(small_settings.index_dir).path(second.generation))]
    assert not any("25 triệu" in t for t in texts)
    assert chroma_count(small_settings) == first.chunks


def test_deleted_document_disappears(small_settings, small_corpus):
    Ingestor(small_settings, progress=False).run()
    (small_corpus / "tt-77.txt").unlink()
    report = Ingestor(small_settings, progress=False).run()
    assert report.removed == ["tt-77-2031"]
    assert not any(i.startswith("tt-77-2031#") for i in chunk_ids(small_settings))
    assert chroma_count(small_settings) == report.chunks


def test_ingest_of_paths_adds_without_removing_others(small_settings, tmp_path):
    Ingestor(small_settings, progress=False).run()
    extra = tmp_path / "extra.txt"
    extra.write_text(PLAN.replace("2030", "2031"), encoding="utf-8")
    report = Ingestor(small_settings, progress=False).run([extra])
    assert report.added == ["extra"] and not report.removed
    assert any(i.startswith("nd-99-2030#") for i in chunk_ids(small_settings))


def test_bad_file_is_reported_others_indexed_and_old_version_kept(small_settings, small_corpus):
    Ingestor(small_settings, progress=False).run()
    (small_corpus / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (small_corpus / "tt-77.txt").write_bytes(b"\xff\xfe not utf-8 \xff")
    report = Ingestor(small_settings, progress=False).run()
    assert report.exit_code == 1
    assert sorted(Path(f.path).name for f in report.failures) == ["broken.pdf", "tt-77.txt"]
    assert report.kept_after_failure == ["tt-77-2031"]
    assert any(i.startswith("tt-77-2031#") for i in chunk_ids(small_settings))


def test_failed_ingest_leaves_previous_index_usable(small_settings, small_corpus, monkeypatch):
    first = Ingestor(small_settings, progress=False).run()
    (small_corpus / "new.txt").write_text(PLAN.replace("mật ong", "nấm linh chi"), encoding="utf-8")

    def failing_store(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest_module.Ingestor, "_store", failing_store)
    with pytest.raises(RuntimeError):
        Ingestor(small_settings, progress=False).run()
    monkeypatch.undo()
    assert IndexDir(small_settings.index_dir).current() == first.generation
    assert Searcher(small_settings).search("thùng ong", k=1)[0].chunk.doc_id == "nd-99-2030"
    recovered = Ingestor(small_settings, progress=False).run()
    assert recovered.added == ["new"]
    # The failed run's embeddings were cached: nothing is embedded twice.
    assert recovered.embedded == 0 and recovered.reused_embeddings == recovered.chunks


def test_sigkill_mid_ingest_keeps_previous_generation_and_next_ingest_matches_clean_build(tmp_path, small_corpus):
    settings = Settings(corpus_dirs=[small_corpus], index_dir=tmp_path / "index")
    first = Ingestor(settings, progress=False).run()
    for i in range(40):
        (small_corpus / f"bai-{i}.txt").write_text(f"Bài số {i}. " + PLAN.replace("12", str(100 + i)) * 3,
                                                   encoding="utf-8")
    env = os.environ | {"KC_CORPUS_DIRS": str(small_corpus), "KC_INDEX_DIR": str(settings.index_dir)}
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "ingest", "--quiet"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    half_written = settings.index_dir / "gen-000002"
    deadline = time.monotonic() + 3
    # Kill while it embeds, or as soon as it starts writing the new generation, whichever comes first.
    while time.monotonic() < deadline and not half_written.exists():
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert IndexDir(settings.index_dir).current() == first.generation
    assert Searcher(settings).search("thùng ong", k=1)[0].chunk.doc_id == "nd-99-2030"
    resumed = Ingestor(settings, progress=False).run()
    clean_settings = Settings(corpus_dirs=[small_corpus], index_dir=tmp_path / "clean")
    clean = Ingestor(settings=clean_settings, progress=False).run()
    assert sorted(chunk_ids(settings)) == sorted(chunk_ids(clean_settings))
    assert chroma_count(settings) == chroma_count(clean_settings) == clean.chunks == resumed.chunks
    assert len(IndexDir(settings.index_dir).generations()) <= 2
