"""Documents with several Điều numberings (a decision and its Quy chế, appendices, compilations) and ingest
that never crashes on one document."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.documents.chunking import Chunker
from assistant.documents.corpus import discover
from assistant.documents.records import Document
from assistant.index.generations import read_chunks
from assistant.index.ingest import Ingestor
from tests.conftest import DECREE, SHARED_CORPUS, write_corpus

EXTRA = SHARED_CORPUS.parent / "corpus-extra"

# Invented wording and numbers, shaped like a provincial decision that promulgates a regulation.
DECISION_WITH_REGULATION = """ỦY BAN NHÂN DÂN TỈNH HOA SEN
Số: 12/2030/QĐ-UBND
Hoa Sen, ngày 5 tháng 3 năm 2030
QUYẾT ĐỊNH
Ban hành Quy chế quản lý kinh phí nuôi ong trên địa bàn tỉnh Hoa Sen
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý kinh phí nuôi ong trên địa bàn tỉnh Hoa Sen.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2030.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này.
Nơi nhận:
- Như Điều 3;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

QUY CHẾ
Quản lý kinh phí nuôi ong trên địa bàn tỉnh Hoa Sen
(Ban hành kèm theo Quyết định số 12/2030/QĐ-UBND ngày 5 tháng 3 năm 2030 của Ủy ban nhân dân tỉnh Hoa Sen)

Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc quản lý kinh phí hỗ trợ nuôi ong lấy mật.
Điều 2. Đối tượng áp dụng
Hộ nuôi ong và hợp tác xã nuôi ong trên địa bàn tỉnh.
Chương II
MỨC HỖ TRỢ
Điều 3. Mức hỗ trợ mua thùng ong
1. Hỗ trợ tối đa 30% chi phí mua thùng ong sáp vàng, không quá 7 triệu đồng mỗi hộ.
2. Hỗ trợ tập huấn kỹ thuật chăm sóc đàn ong, không quá 2 triệu đồng mỗi lớp.

PHỤ LỤC I
MẪU ĐƠN ĐỀ NGHỊ HỖ TRỢ
(Kèm theo Quyết định số 12/2030/QĐ-UBND ngày 5 tháng 3 năm 2030)
Tên hộ nuôi ong: ...
Số thùng ong đề nghị hỗ trợ: ...
"""

REGULATION = "Quy chế ban hành kèm theo Quyết định 12/2030/QĐ-UBND"


def _decision(number: str | None = "12/2030/QĐ-UBND") -> Document:
    return Document(id="qd-12-2030", path="qd.txt", text=DECISION_WITH_REGULATION, doc_type="Quyết định",
                    number=number, title="Quyết định ban hành Quy chế quản lý kinh phí nuôi ong")


def test_decision_and_its_regulation_are_separate_parts_with_their_own_ids_and_locators():
    chunks = Chunker(max_chars=120).chunk(_decision())
    by_id = {c.id: c for c in chunks}
    assert len(by_id) == len(chunks)
    # The decision keeps plain ids, the regulation's articles are qualified by the part.
    assert by_id["qd-12-2030#d1"].locator == "Điều 1" and by_id["qd-12-2030#d1"].part is None
    regulation = by_id["qd-12-2030#qc-d3-k1"]
    assert regulation.part == "qc" and regulation.article == 3 and regulation.clause == 1
    assert regulation.locator == f"Điều 3, khoản 1 {REGULATION}"
    assert regulation.citation_label == f"Điều 3, khoản 1 {REGULATION}"
    assert regulation.chapter == "Chương II MỨC HỖ TRỢ"
    assert "30% chi phí mua thùng ong sáp vàng" in regulation.text
    assert REGULATION in regulation.context
    assert by_id["qd-12-2030#qc-d1"].chapter == "Chương I QUY ĐỊNH CHUNG"
    title = [c for c in chunks if c.part == "qc" and c.article is None]  # the regulation's title lines
    assert title and all(c.locator == REGULATION and c.id.startswith("qd-12-2030#qc-p") for c in title)
    appendix = [c for c in chunks if c.part == "pl1"]
    assert appendix and appendix[0].locator == "Phụ lục I kèm theo Quyết định 12/2030/QĐ-UBND"
    assert any("Số thùng ong đề nghị" in c.text for c in appendix)
    # Nothing is lost: every line of the text is in some chunk.
    joined = "\n".join(f"{c.context}\n{c.text}" for c in chunks)
    for line in DECISION_WITH_REGULATION.splitlines():
        if line.strip() and not line.startswith(("Chương", "QUY ĐỊNH CHUNG", "MỨC HỖ TRỢ")):
            assert all(word in joined for word in line.split()), line


def test_a_decision_without_a_number_takes_the_part_label_from_its_own_text():
    chunks = Chunker().chunk(_decision(number=None))
    article = next(c for c in chunks if c.id == "qd-12-2030#qc-d2")
    assert article.locator == f"Điều 2 {REGULATION}"
    assert article.citation_label == f"Điều 2 {REGULATION} (Quyết định ban hành Quy chế quản lý kinh phí nuôi ong)"


def test_numbering_that_starts_again_without_a_heading_still_gives_unique_ids():
    text = "Điều 1. Một\nNội dung một.\nĐiều 2. Hai\nNội dung hai.\nĐiều 1. Lại một\nNội dung khác.\n"
    chunks = Chunker().chunk(Document(id="x", path="x.txt", text=text))
    assert [c.id for c in chunks] == ["x#d1", "x#d2", "x#p2-d1"]
    assert chunks[2].locator == "Điều 1 (phần 2 của văn bản)"


@pytest.mark.skipif(not EXTRA.is_dir(), reason="needs ../shared/corpus-extra")
@pytest.mark.parametrize("name", ["phapdien-7.5-khuyen-cong.txt", "phapdien-24.9-phat-trien-nganh-nghe-nong-thon.txt"])
def test_compilation_chapters_chunk_into_unique_ids_named_by_their_source_texts(name):
    documents, failures = discover([EXTRA / name])
    assert not failures and len(documents) == 1
    chunks = Chunker().chunk(documents[0])
    counts = collections.Counter(c.id for c in chunks)
    assert [i for i, n in counts.items() if n > 1] == []
    articles = [c for c in chunks if c.article is not None]
    assert len(articles) > 200
    # Every compilation article names its source text and keeps its compilation code.
    assert all(c.part and c.code and c.code.startswith("Điều ") for c in articles)
    assert not any("[vbpl:" in c.text for c in chunks)  # source notes are metadata, not text
    if name.startswith("phapdien-7.5"):
        decree = next(c for c in chunks if c.id == "phapdien-7-5-khuyen-cong#nd-d1")
        assert decree.locator == "Điều 1 Nghị định 45/2012/NĐ-CP" and decree.code == "Điều 7.5.NĐ.1"
        assert decree.effective == "2012-07-05"
        circular = next(c for c in chunks if c.id.startswith("phapdien-7-5-khuyen-cong#tt1-d3"))
        assert circular.locator.startswith("Điều 3") and circular.locator.endswith("Thông tư 46/2012/TT-BCT")


def test_ingest_of_a_decision_with_its_regulation_indexes_and_finds_the_regulation(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus", {"qd-12-2030.txt": DECISION_WITH_REGULATION, "nd-99.txt": DECREE})
    settings = Settings(corpus_dirs=[corpus], index_dir=tmp_path / "index")
    report = Ingestor(settings, progress=False).run()
    assert report.failures == [] and sorted(report.added) == ["nd-99", "qd-12-2030"]
    chunks = read_chunks(settings.index_dir / report.generation)
    ids = [c.id for c in chunks]
    assert len(ids) == len(set(ids)) and "qd-12-2030#qc-d3" in ids and "qd-12-2030#d3" in ids
    from assistant.search.retrieval import Searcher

    results = Searcher(settings).search("hỗ trợ mua thùng ong sáp vàng tối đa bao nhiêu", k=3)
    assert results[0].chunk.id == "qd-12-2030#qc-d3"
    assert results[0].chunk.locator == "Điều 3 Quy chế ban hành kèm theo Quyết định 12/2030/QĐ-UBND"


def test_a_document_that_cannot_be_chunked_is_one_failure_and_the_others_are_indexed(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", {"nd-99.txt": DECREE, "hong.txt": "Điều 1. Một\nNội dung."})
    settings = Settings(corpus_dirs=[corpus], index_dir=tmp_path / "index")
    real_chunk = Chunker.chunk

    def duplicate_ids(self, document):
        chunks = real_chunk(self, document)
        return chunks + chunks[:1] if document.id == "hong" else chunks

    monkeypatch.setattr(Chunker, "chunk", duplicate_ids)
    report = Ingestor(settings, progress=False).run()
    assert [Path(f.path).name for f in report.failures] == ["hong.txt"]
    assert "mã đoạn trùng lặp 'hong#d1'" in report.failures[0].reason
    assert report.added == ["nd-99"] and report.generation


def test_an_upload_that_fails_anywhere_is_refused_and_removed(tmp_path, monkeypatch):
    from assistant.serve.admin import Admin, AdminError

    corpus = write_corpus(tmp_path / "corpus", {"nd-99.txt": DECREE})
    settings = Settings(corpus_dirs=[corpus], index_dir=tmp_path / "index", data_dir=tmp_path / "data",
                        admin_token="t" * 32)
    Ingestor(settings, progress=False).run()

    def explode(self, document):
        raise RuntimeError("lỗi không lường trước")

    monkeypatch.setattr(Chunker, "chunk", explode)
    admin = Admin(settings)
    with pytest.raises(AdminError) as refused:
        admin.upload("qd-12-2030.txt", DECISION_WITH_REGULATION.encode("utf-8"), "127.0.0.1")
    assert refused.value.status == 422 and "qd-12-2030.txt" in refused.value.message
    assert not (settings.uploads_dir / "qd-12-2030.txt").exists()
    monkeypatch.undo()
    # A later re-index is not poisoned by what was refused.
    assert Admin(settings).reindex("127.0.0.1")["failures"] == []
