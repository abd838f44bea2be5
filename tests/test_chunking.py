"""Chunking along legal structure, on written snippets and on the real shared corpus."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.documents.chunking import Chunker, is_legal, parse_articles, references_within_article
from assistant.documents.corpus import discover, split_header
from assistant.documents.records import Document
from assistant.documents.units import unit_passages
from tests.conftest import DECREE, PLAN, SHARED_CORPUS, require_corpus


def make_doc(text: str, **meta) -> Document:
    header, body = split_header(text)
    fields = {"id": "doc-x", "title": "Văn bản thử", "doc_type": "Nghị định", "number": "99/2030/NĐ-CP"}
    return Document(path="x.txt", text=body, header=header, **(fields | meta))


def long_article() -> str:
    points = "\n".join(
        f"{letter}) Chi hỗ trợ nội dung {letter} với mức tối đa {i * 10}% chi phí, không quá {i * 5} triệu đồng. "
        + "Điều kiện kèm theo được mô tả chi tiết để đoạn văn đủ dài. " * 3
        for i, letter in enumerate("a b c d đ e g".split(), 1)
    )
    return (
        "Điều 6. Mức chi\nCác khoản chi sau đây được áp dụng.\n"
        "1. Mức chi chung\nÁp dụng theo quy định hiện hành.\n"
        f"2. Mức chi quốc gia\n{points}\n"
        "3. Mức chi địa phương do Ủy ban nhân dân cấp tỉnh quy định.\n"
    )


def test_short_article_is_one_chunk_with_context_and_metadata():
    chunks = Chunker().chunk(make_doc(DECREE))
    first = chunks[0]
    assert first.id == "doc-x#d1"
    assert first.locator == "Điều 1"
    assert first.chapter == "Chương I QUY ĐỊNH CHUNG"
    assert first.effective == "2030-03-15"
    assert first.code == "Điều 0.0.NĐ.1"
    assert "Pháp điển" not in first.text and "có hiệu lực thi hành" not in first.text
    assert "99/2030/NĐ-CP" in first.context and "Điều 1. Phạm vi điều chỉnh" in first.context
    assert first.citation_label == "Điều 1 Nghị định 99/2030/NĐ-CP"


def test_an_articles_only_sentence_read_as_its_title_stays_in_its_text():
    text = ("Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về khuyến công.\n"
            "Điều 2. Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị định này./.\n"
            "Nơi nhận:\n- Như Điều 2;\n")
    first, last = Chunker().chunk(make_doc(text))
    assert first.text == "Nghị định này quy định về khuyến công."  # a heading is not repeated in the text
    assert last.text.startswith("Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành")
    assert last.text.endswith("Như Điều 2;")
    # a unit's passage vector is read behind its article's heading, and behind no sentence the text already holds
    assert unit_passages(first)[0][1] == "Phạm vi điều chỉnh: Nghị định này quy định về khuyến công."
    assert unit_passages(last)[0][1].startswith("Bộ trưởng, Chủ tịch")
    # a heading the article's first sentence repeats is still its heading
    ministry = Chunker().chunk(make_doc("Điều 15. Bộ Công Thương\nBộ Công Thương là cơ quan đầu mối.\n"))[0]
    assert unit_passages(ministry)[0][1] == "Bộ Công Thương: Bộ Công Thương là cơ quan đầu mối."


def test_header_lines_are_metadata_not_text():
    doc = make_doc(DECREE)
    assert doc.header[0].startswith("Nghị định thử nghiệm")
    assert all("siêu dữ liệu" not in c.text for c in Chunker().chunk(doc))


def test_long_article_splits_into_clauses_then_points_including_dd():
    chunks = Chunker(max_chars=600).chunk(make_doc(long_article()))
    ids = [c.id for c in chunks]
    assert "doc-x#d6" in ids  # the lead sentence
    assert "doc-x#d6-k1" in ids and "doc-x#d6-k3" in ids
    assert [i for i in ids if i.startswith("doc-x#d6-k2-")] == [
        f"doc-x#d6-k2-{p}" for p in ("a", "b", "c", "d", "dd", "e", "g")
    ]
    point = next(c for c in chunks if c.id == "doc-x#d6-k2-dd")
    assert point.locator == "Điều 6, khoản 2, điểm đ" and point.point == "đ" and point.clause == 2
    assert "Khoản 2. 2. Mức chi quốc gia" in point.context
    assert point.text.startswith("đ) Chi hỗ trợ nội dung đ")


def test_nested_numbering_inside_a_point_stays_in_that_point():
    text = (
        "Điều 3. Hồ sơ\n1. Hồ sơ gồm:\na) Đơn đề nghị;\n1. bản sao thứ nhất\n2. bản sao thứ hai\n"
        "b) Báo cáo tài chính.\n2. Thời hạn nộp hồ sơ là 30 ngày.\n" + "Giải thích thêm. " * 80
    )
    chunks = Chunker(max_chars=400).chunk(make_doc(text))
    clause_one = next(c for c in chunks if c.id.startswith("doc-x#d3-k1"))
    assert "bản sao thứ hai" in clause_one.text
    assert any(c.id.startswith("doc-x#d3-k2") for c in chunks)
    assert not any(c.id.startswith("doc-x#d3-k3") for c in chunks)


def test_nfd_document_gives_same_chunks_as_nfc(tmp_path):
    (tmp_path / "a.txt").write_text(unicodedata.normalize("NFD", DECREE), encoding="utf-8")
    docs, failures = discover([tmp_path])
    assert not failures
    assert [c.text for c in Chunker().chunk(docs[0])] == [c.text for c in Chunker().chunk(make_doc(DECREE))]


def test_plan_is_chunked_by_numbered_sections():
    doc = make_doc(PLAN, id="kh-2030", doc_type="tin bài", number=None, title="Kế hoạch 2030")
    assert not is_legal(doc.text)
    chunks = Chunker().chunk(doc)
    assert [c.id for c in chunks] == ["kh-2030#p1", "kh-2030#s1", "kh-2030#s2"]
    assert chunks[1].locator == "mục 1" and "12 lớp" in chunks[1].text


def test_oversized_paragraph_is_split_at_sentence_ends():
    text = " ".join(f"Câu thứ {i} nói về hỗ trợ khuyến công." for i in range(200))
    chunks = Chunker(max_chars=500).chunk(make_doc(text, id="news", doc_type="tin bài", number=None))
    assert len(chunks) > 5
    assert all(len(c.text) <= 500 for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)


def test_a_news_line_introducing_what_follows_goes_with_it_as_its_heading():
    opening = "Năm 2022 kinh phí khuyến công quốc gia được phân bổ là 140 tỷ đồng cho 175 đề án. " * 3
    intro = "Một số kết quả nổi bật của kế hoạch khuyến công quốc gia năm 2022:"
    text = f"{opening}\n{intro}\n" + "Hỗ trợ 1.850 gian hàng cho cơ sở tham gia hội chợ, triển lãm. " * 4
    chunks = Chunker(max_chars=400).chunk(make_doc(text, id="news", doc_type="tin bài", number=None))
    assert [c.id for c in chunks] == ["news#p1", "news#p2"]
    assert intro not in chunks[0].text and chunks[1].text.startswith(intro) and intro in chunks[1].context


@given(st.text(alphabet=st.sampled_from(list("Điều 1.2a)đb\n khoản xyz")), max_size=800))
@settings(max_examples=60, deadline=None)
def test_chunker_never_loses_text_or_duplicates_ids(text):
    doc = make_doc(text)
    chunks = Chunker(max_chars=200).chunk(doc)
    ids = [c.id for c in chunks]
    assert len(ids) == len(set(ids))
    joined = "".join("".join(c.text.split()) for c in chunks)
    _, articles = parse_articles(doc.text)
    for article in articles:
        for line in article.lines:
            assert "".join(line.split()) in joined


@require_corpus()
def test_real_corpus_articles_are_all_chunked_and_locators_are_exact():
    docs, failures = discover([SHARED_CORPUS])
    assert not failures
    decree = next(d for d in docs if d.id == "nd-45-2012")
    chunks = Chunker().chunk(decree)
    assert {c.article for c in chunks} == set(range(1, 20))
    by_id = {c.id: c for c in chunks}
    assert by_id["nd-45-2012#d1"].chapter.startswith("Chương I")
    assert by_id["nd-45-2012#d1"].effective == "2012-07-05"
    assert all(c.text and len(c.text) <= 1200 for c in chunks)
    funds = next(d for d in docs if d.id == "ttlt-26-2014-btc-bct")
    ids = {c.id for c in Chunker().chunk(funds)}
    assert {"ttlt-26-2014-btc-bct#d6-k2-b", "ttlt-26-2014-btc-bct#d6-k1-dd"} <= ids


def test_a_reference_within_its_article_names_the_khoan_and_point_it_points_to():
    """'… tại điểm b khoản 2 Điều này' in a khoản, a điểm or an article's lead points to that article's khoản 2 điểm
    b; one closing its unit says no more than what it points to; a chunk of no article points nowhere."""
    unit = "b) Chi 100% chi phí đối với nội dung quy định tại điểm b khoản 2 Điều này và tại khoản 3 Điều này."
    first, last = references_within_article(unit, "nd-52-2018#d9-k3-b")
    assert (first.clause_id, first.point, first.point_id, first.closes) == (
        "nd-52-2018#d9-k2", "b", "nd-52-2018#d9-k2-b", False)
    assert (last.clause, last.clause_id, last.point, last.point_id, last.closes) == (
        "3", "nd-52-2018#d9-k3", None, None, True)
    assert references_within_article("Hồ sơ theo quy định tại khoản 2 Điều này", "tt-26-2014-bct#d12")[0].clause_id \
        == "tt-26-2014-bct#d12-k2"
    assert references_within_article("quy định tại điểm đ khoản 1 Điều này", "x#d1-k2")[0].point_id == "x#d1-k1-dd"
    assert references_within_article(unit, "cv-400-ctdp-2023-tin#p1") == []
    assert references_within_article("theo khoản 2 Điều 5 Nghị định này", "nd-52-2018#d9-k3") == []
