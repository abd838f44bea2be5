"""Backends: Chroma in client-server mode against a real server, and the sentence-transformers embedder."""

import numpy as np
import pytest

from assistant.config import Settings
from assistant.index.embeddings import SentenceTransformerEmbedder, create_embedder
from assistant.index.ingest import Ingestor
from assistant.index.vectorstore import StoreUnavailable
from assistant.search.retrieval import Searcher
from tests.servers import chroma_server


def test_chroma_server_mode_ingest_search_and_outage(tmp_path, small_corpus):
    with chroma_server(tmp_path / "chroma-data") as url:
        settings = Settings(corpus_dirs=[small_corpus], index_dir=tmp_path / "index", chroma_url=url)
        report = Ingestor(settings, progress=False).run()
        assert report.changed and report.chunks > 0
        searcher = Searcher(settings)
        assert searcher.generation().collection.count() == report.chunks
        top = searcher.search("gốm sứ men lam áp dụng cho ai", k=1)[0]
        assert top.chunk.doc_id == "tt-77-2031" and top.dense > 0
        assert not (tmp_path / "index" / report.generation / "chroma").exists()
        (small_corpus / "tt-77.txt").unlink()
        second = Ingestor(settings, progress=False).run()
        assert second.removed == ["tt-77-2031"]
        assert Searcher(settings).generation().collection.count() == second.chunks
    with pytest.raises(StoreUnavailable):
        searcher.search("gốm sứ", k=1)


def test_sentence_transformers_backend_with_packaged_minilm(tmp_path, small_corpus):
    embedder = create_embedder("minilm")
    assert isinstance(embedder, SentenceTransformerEmbedder) and embedder.dim == 384
    vectors = embedder.passages(["beekeeping support", "ceramics cooperative"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    settings = Settings(corpus_dirs=[small_corpus], index_dir=tmp_path / "index", embedder="minilm")
    report = Ingestor(settings, progress=False).run()
    assert report.embedded == report.chunks
    results = Searcher(settings).search("Sở Công Thương báo cáo trước ngày nào", k=2, mode="dense")
    assert results and all(r.dense > 0 for r in results)
    hybrid = Searcher(settings).search("Sở Công Thương báo cáo trước ngày nào", k=1)
    assert hybrid[0].chunk.id == "tt-77-2031#d2"


def test_unknown_embedder_is_a_clear_error():
    with pytest.raises(ValueError, match="KC_EMBEDDER"):
        create_embedder("does-not-exist")


def test_app_degrades_during_a_chroma_outage_and_recovers(tmp_path, small_corpus):
    """Server mode: the store stops -> /health 'degraded' and answers a clear 503; it returns -> all is well."""
    from fastapi.testclient import TestClient

    from assistant.serve.api import create_app
    from tests.servers import free_port

    port = free_port()
    data = tmp_path / "chroma-data"
    with chroma_server(data, port) as url:
        settings = Settings(corpus_dirs=[small_corpus], index_dir=tmp_path / "index", chroma_url=url,
                            data_dir=tmp_path / "data")
        Ingestor(settings, progress=False).run()
        client = TestClient(create_app(settings))
        assert client.get("/health").json()["status"] == "ok"
        assert client.post("/api/ask", json={"question": "gốm sứ men lam áp dụng cho ai"}).status_code == 200
    health = client.get("/health")
    assert health.status_code == 503 and health.json()["status"] == "degraded"
    down = client.post("/api/ask", json={"question": "gốm sứ men lam áp dụng cho ai"})
    assert down.status_code == 503 and "Kho vector" in down.json()["error"]
    with chroma_server(data, port):
        assert client.get("/health").json()["status"] == "ok"
        back = client.post("/api/ask", json={"question": "gốm sứ men lam áp dụng cho ai"})
        assert back.status_code == 200 and back.json()["citations"]
