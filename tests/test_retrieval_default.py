"""Hand-written questions over the default corpus: the right article must be in the top 3."""

from dataclasses import replace

import numpy as np
import pytest

from assistant.search.accents import accent_restorer
from assistant.search.query import names_title
from assistant.search.references import dated, title_words
from assistant.search.retrieval import Searcher
from evals.retrieval_questions import ACCENTED, DOCUMENT_NUMBERS, UNACCENTED, is_gold
from tests.conftest import require_corpus

pytestmark = require_corpus()


@pytest.fixture(scope="module")
def searcher(default_settings):
    return Searcher(default_settings)


def _hit(searcher, question, gold):
    ids = [r.chunk.id for r in searcher.search(question, k=3)]
    return any(is_gold(i, gold) for i in ids), ids


@pytest.mark.parametrize(("question", "gold"), ACCENTED + UNACCENTED + DOCUMENT_NUMBERS)
def test_right_article_in_top_3(searcher, question, gold):
    hit, ids = _hit(searcher, question, gold)
    assert hit, f"{gold} not in top 3: {ids}"


def test_at_least_25_questions_cover_three_styles():
    assert len(ACCENTED + UNACCENTED + DOCUMENT_NUMBERS) >= 25
    assert min(len(ACCENTED), len(UNACCENTED), len(DOCUMENT_NUMBERS)) >= 8


def test_dense_search_returns_the_exact_nearest_chunks(searcher, default_settings):
    # Chroma's default search explores 100 neighbours and returned a slightly different top 50 from one process to
    # the next; the collection explores enough of its graph that the top 50 is the exact one.
    generation = searcher.generation()
    stored = generation.collection.get(include=["embeddings"])
    vectors = np.asarray(stored["embeddings"], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    k = default_settings.dense_candidates
    for question in ("how much counterpart capital did they put in? (vốn đối ứng)",
                     "Hội đồng bình chọn cấp quốc gia có mấy thành viên?"):
        query = searcher.query_vector(generation, question)
        found = generation.collection.query(query_embeddings=[query.tolist()], n_results=k, include=[])
        exact = {stored["ids"][i] for i in np.argsort(-(vectors @ query))[:k]}
        assert set(found["ids"][0]) == exact


def test_a_passages_best_unit_adds_its_weight_to_the_fused_score(default_settings):
    from dataclasses import replace

    from assistant.search.retrieval import unit_matrix

    question = "Riêng mức tạm ứng cho các đề án, nhiệm vụ khuyến công không quá bao nhiêu phần trăm?"
    without = {r.chunk.id: r.score for r in Searcher(replace(default_settings, weight_unit=0.0)).search(question, 40)}
    weighted = Searcher(replace(default_settings, weight_unit=0.2))
    matrix, positions = unit_matrix(weighted.generation())
    assert matrix is not None and len(matrix) == len(positions) > len(weighted.generation().chunks)
    gains = [r.score - without[r.chunk.id] for r in weighted.search(question, 40) if r.chunk.id in without]
    assert min(gains) >= -1e-9 and max(gains) == pytest.approx(0.2)  # the passage whose unit is closest gains it all


def test_a_year_and_words_of_a_title_name_that_document(searcher):
    """'kế hoạch khuyến công Hà Nội năm 2024' is the 2024 plan, not the 2024 orientation letter nor the 2020 plan."""
    documents = searcher.generation().documents
    assert dated("ke hoach khuyen cong ha noi nam 2024 ho tro bao nhieu luot doanh nghiep", documents) == [
        "kh-kc-hn-2024-tin"]
    assert dated("Năm 2024 khuyến công định hướng những nội dung nào?", documents) == ["cv-400-ctdp-2023-tin"]
    assert dated("Hồ sơ nộp trước ngày 20/5/2024 phải không?", documents) == []  # a date names no title
    assert dated("Nghị định 45/2012 quy định gì?", documents) == []
    ids = [r.chunk.doc_id for r in searcher.search("ke hoach khuyen cong ha noi nam 2024 ho tro bao nhieu luot doanh "
                                                   "nghiep tham gia hoi cho", k=3)]
    assert "kh-kc-hn-2024-tin" in ids


def test_what_is_done_periodically_is_searched_for_how_often(searcher):
    from assistant.search.glossary import expand_query
    assert expand_query("Bình chọn cấp tỉnh tổ chức định kỳ ra sao?") == \
        "Bình chọn cấp tỉnh tổ chức định kỳ bao lâu một lần?"
    assert expand_query("binh chon cap tinh to chuc dinh ky?") == \
        "binh chon cap tinh to chuc dinh ky? (bao lau mot lan)"
    assert expand_query("Báo cáo định kỳ mấy năm một lần?") == "Báo cáo định kỳ mấy năm một lần?"  # asked already
    for question in ("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh được tổ chức định kỳ như thế nào?",
                     "binh chon san pham cong nghiep nong thon tieu bieu cap tinh to chuc dinh ky ra sao?"):
        # asked as written, the passage ranks past 20th: every passage of its Thông tư shares its topic words
        assert "tt-26-2014-bct#d14" in [r.chunk.id for r in searcher.search(question, k=10)], question
    # whether a selection is held in a year, or every year, is asked of how often it is held
    for question in ("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh có tổ chức hằng năm không?",
                     "Năm 2027 có kỳ bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh không?"):
        assert expand_query(question).endswith("(định kỳ mấy năm một lần)")
        assert "tt-26-2014-bct#d14" in [r.chunk.id for r in searcher.search(expand_query(question), k=5)], question
    assert "định kỳ mấy năm" not in expand_query("Hội chợ được tổ chức hằng năm không?")  # only a selection's


def test_what_a_question_counts():
    from assistant.search.query import counted_noun, counts
    assert counted_noun("Một năm được hỗ trợ tối đa mấy lần?") == "lan"
    assert counted_noun("How many times a year?") == "lan"
    assert counted_noun("Có được hỗ trợ cả 3 lần không?") == "lan"  # whether that many is allowed
    assert counted_noun("Được hỗ trợ bao nhiêu tiền?") == ""
    assert counts("Mỗi cơ sở được hỗ trợ không quá 2 lần/năm.", "lan")
    assert not counts("Mỗi cơ sở được hỗ trợ hằng năm.", "lan")


def test_a_passage_whose_title_the_question_says_gains_the_title_boost(default_settings):
    question = "Khi thẩm định đề án khuyến công quốc gia, cơ quan thẩm định xem xét những nội dung gì?"
    assert names_title(title_words(question), "Nội dung thẩm định")
    assert names_title(title_words("khi tham dinh thi xem xet nhung noi dung gi"), "Nội dung thẩm định")
    assert not names_title(title_words(question), "Quy trình thẩm định")  # 'quy trình' is not asked
    assert not names_title(title_words("UBND tỉnh báo cáo Bộ Công Thương những gì?"), "Bộ Công Thương")  # a body
    without = {r.chunk.id: r.score for r in Searcher(replace(default_settings, boost_title=0.0)).search(question, 40)}
    boosted = {r.chunk.id: r.score for r in Searcher(replace(default_settings, boost_title=0.3)).search(question, 40)}
    assert boosted["tt-36-2013-bct#d9"] - without["tt-36-2013-bct#d9"] == pytest.approx(0.3)
    assert boosted["tt-36-2013-bct#d8-k1"] == pytest.approx(without["tt-36-2013-bct#d8-k1"])
    assert default_settings.boost_title > 0


def test_an_unaccented_question_is_restored_before_the_accented_words_its_expansion_appends(searcher):
    generation = searcher.generation()
    asked = "moi co so duoc ho tro di hoi cho o nuoc ngoai toi da may lan mot nam"
    expanded = f"{asked} (tham gia hội chợ triển lãm, thuê gian hàng)"
    restored = searcher.query_vector(generation, expanded)
    accented = searcher.query_vector(
        generation, "mỗi cơ sở được hỗ trợ đi hội chợ ở nước ngoài tối đa mấy lần một năm "
                    "(tham gia hội chợ triển lãm, thuê gian hàng)")
    assert float(np.dot(restored, accented)) > 0.99  # 'mấy lần' too, not 'máy lần'
    english = "How many times a year can an establishment be supported?"  # English is asked as written
    as_restored = f"{accent_restorer(generation).restore(english)} (hội chợ)"
    assert as_restored != f"{english} (hội chợ)"
    assert float(np.dot(searcher.query_vector(generation, f"{english} (hội chợ)"),
                        searcher.query_vector(generation, as_restored))) < 0.999
