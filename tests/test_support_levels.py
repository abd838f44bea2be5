"""The support-level table: extracted by code from the indexed articles and checked against rows read by hand."""

import pytest
from fastapi.testclient import TestClient

from assistant.domain import conditions, priorities, support_levels
from assistant.domain.support_levels import search
from assistant.search.retrieval import Searcher
from assistant.serve.api import create_app
from tests.conftest import require_corpus

pytestmark = require_corpus()
T = "ttlt-26-2014-btc-bct#d6-k2-"

# (chunk id, percent, cap, cap in đồng) read from Thông tư liên tịch 26/2014 Điều 6 khoản 2 and Nghị định 52/2018.
BY_HAND = [
    (T + "a", None, "10 triệu đồng/doanh nghiệp", 10_000_000),
    (T + "b", "30%", "500 triệu đồng/mô hình", 500_000_000),
    (T + "b", None, "100 triệu đồng/mô hình", 100_000_000),
    (T + "c", "50%", "200 triệu đồng/cơ sở", 200_000_000),
    (T + "d", "100%", None, None),
    (T + "d", "80%", None, None),
    (T + "dd", "100%", None, None),
    (T + "e", "100%", None, None),
    (T + "g", None, "100 triệu đồng/lần (cấp khu vực)", 100_000_000),
    (T + "g", None, "200 triệu đồng/lần (cấp quốc gia)", 200_000_000),
    (T + "g", None, "05 triệu đồng/sản phẩm", 5_000_000),
    (T + "g", None, "10 triệu đồng/sản phẩm", 10_000_000),
    (T + "h", "50%", "35 triệu đồng/thương hiệu", 35_000_000),
    (T + "i", "50%", "35 triệu đồng/cơ sở", 35_000_000),
    (T + "l", "30%", "70 triệu đồng/hội, hiệp hội cấp vùng", 70_000_000),
    (T + "l", "30%", "100 triệu đồng/hội, hiệp hội cấp quốc gia", 100_000_000),
    (T + "m", "50%", "150 triệu đồng/cụm liên kết", 150_000_000),
    (T + "n", "50%", "500 triệu đồng/cơ sở", 500_000_000),
    (T + "o", "30%", "300 triệu đồng/cơ sở", 300_000_000),
    (T + "p", "30%", "1.500 triệu đồng/cụm công nghiệp", 1_500_000_000),
    (T + "q", "50%", "500 triệu đồng/cụm công nghiệp", 500_000_000),
    (T + "r", None, "3.000 triệu đồng/cụm công nghiệp", 3_000_000_000),
    (T + "s", "1,5%", None, None),
    (T + "s", "2,5%", None, None),
    ("nd-52-2018#d9-k3", "50%", "50 triệu đồng/cơ sở", 50_000_000),
    ("nd-52-2018#d9-k3", "100%", None, None),
    ("nd-52-2018#d12-k1-d", "50%", "500 triệu đồng/dự án", 500_000_000),
]


@pytest.fixture(scope="module")
def rows(default_settings):
    return support_levels.table(Searcher(default_settings).generation())


def test_every_hand_read_level_is_extracted_and_nothing_else(rows):
    got = [(r.chunk_id, r.percent, r.cap, r.cap_vnd) for r in rows
           if r.cap != "1,5 lần mức hỗ trợ" and not r.reference]
    assert sorted(got, key=str) == sorted(BY_HAND, key=str)


def test_levels_set_by_another_text_are_rows_naming_it(rows):
    # Thông tư liên tịch 26/2014 Điều 6 khoản 1: each spending line refers to the circular that sets its level
    referred = {r.chunk_id.removeprefix("ttlt-26-2014-btc-bct#d6-k1-"): r.reference for r in rows if r.reference}
    assert referred == {"a": "Thông tư số 123/2009/TT-BTC", "b": "Thông tư số 112/2010/TTLT-BTC-BLĐTBXH",
                        "c": "Thông tư số 97/2010/TT-BTC", "d": "Thông tư số 102/2012/TT-BTC",
                        "dd": "Thông tư số 101/2009/TT-BTC", "e": "Thông tư số 139/2010/TT-BTC",
                        "g": "Thông tư số 19/2012/TTLT-BTC-BKHĐT-BTTTT", "h": "Thông tư số 221/2012/TTLT-BTC-BCT"}
    assert all(r.percent is None and r.cap is None for r in rows if r.reference)


def test_rows_carry_citation_status_payer_and_text(rows):
    row = next(r for r in rows if r.chunk_id == T + "c")
    assert (row.doc_id, row.number, row.locator) == ("ttlt-26-2014-btc-bct", "26/2014/TTLT-BTC-BCT",
                                                     "Điều 6, khoản 2, điểm c")
    assert row.status == "superseded" and row.payer == "kinh phí khuyến công quốc gia"
    assert row.activity.startswith("Chi hỗ trợ ứng dụng máy móc thiết bị")
    assert "200 triệu đồng/cơ sở" in row.text and row.unit == "cơ sở"
    assert next(r for r in rows if r.chunk_id == "nd-52-2018#d9-k3").status == "unverified"


def test_search_is_accent_insensitive_and_filters(rows):
    assert {r.chunk_id for r in search(rows, "thương hiệu")} == {T + "h"}
    assert search(rows, "thuong hieu") == search(rows, "thương hiệu")
    assert {r.doc_id for r in search(rows, "", doc_id="nd-52-2018")} == {"nd-52-2018"}
    assert {r.status for r in search(rows, "", status="superseded")} == {"superseded"}
    assert search(rows, "karaoke") == []


def test_api_support_levels(default_settings):
    client = TestClient(create_app(default_settings))
    found = client.get("/api/support-levels", params={"q": "cụm công nghiệp"}).json()["rows"]
    assert {r["cap"] for r in found} >= {"1.500 triệu đồng/cụm công nghiệp", "3.000 triệu đồng/cụm công nghiệp"}
    assert set(found[0]) >= {"activity", "percent", "cap", "cap_vnd", "unit", "conditions", "doc_id", "number",
                             "locator", "status", "text"}
    assert client.get("/api/support-levels", params={"q": "x" * 600}).status_code == 422


def test_chat_support_questions_use_the_table_and_warn(default_settings):
    from assistant.answer.answerer import Answerer

    answerer = Answerer(Searcher(default_settings))
    answer = answerer.ask("Hỗ trợ xây dựng, đăng ký thương hiệu tối đa bao nhiêu?")
    assert "tối đa 50%" in answer.lead and "35 triệu đồng/thương hiệu" in answer.lead  # the row, in the first line
    assert "đã bị thay thế" in answer.lead  # with its currency, said right there
    assert any("28/2018/TT-BTC" in w and "64/2024/TT-BTC" in w for w in answer.warnings)
    machine = answerer.ask("Xưởng mộc của tôi ở xã muốn mua máy CNC thì được hỗ trợ bao nhiêu?")
    assert "200 triệu đồng/cơ sở" in machine.lead and machine.citations[0].chunk_id.endswith("#d6-k2-c")
    other = answerer.ask("Dự án phát triển ngành nghề nông thôn được hỗ trợ tối đa bao nhiêu?")
    assert "500 triệu" in other.lead
    # a spending line whose level another text sets answers for its activity, though its own passage ranks low
    training = answerer.ask("Mức hỗ trợ tối đa cho đào tạo nghề là bao nhiêu?")
    assert "Thông tư số 112/2010/TTLT-BTC-BLĐTBXH" in training.lead and "500 triệu" not in training.lead
    assert training.citations[0].chunk_id == "ttlt-26-2014-btc-bct#d6-k1-b"
    # a row naming 'công nghệ' and 'thông tin' far apart (a fair's 'thủ công mỹ nghệ … thông tin tuyên truyền') is no
    # level for information technology, which the referring line names whole
    website = answerer.ask("HTX mây tre đan muốn làm website bán hàng thì có được hỗ trợ không, bao nhiêu?")
    assert "Thông tư số 19/2012/TTLT-BTC-BKHĐT-BTTTT" in website.lead and "gian hàng" not in website.lead
    # not for a craftsman's class under Nghị định 52/2018, whose levels the province sets
    craft = answerer.ask("Tôi là nghệ nhân ở làng nghề truyền thống, muốn mở lớp truyền nghề. Nhà nước hỗ trợ thế nào?")
    assert "112/2010" not in craft.lead.split("\n")[0]


def test_the_conditions_table_reads_what_the_supported_thing_must_be(default_settings):
    found = conditions.table(Searcher(default_settings).generation())
    assert {(c.chunk_id, c.activity.split(",")[0]) for c in found} >= {
        ("tt-46-2012-bct#d4-k2-a", "xây dựng mô hình trình diễn kỹ thuật"),
        ("tt-46-2012-bct#d4-k4", "ứng dụng máy móc thiết bị"),
        ("tt-46-2012-bct#d4-k5", "áp dụng sản xuất sạch hơn"),
    }
    # of a list of dashes holding the requirement, the first dash: a national model's technology is new to its district
    model = next(c for c in found if c.chunk_id == "tt-46-2012-bct#d4-k2-a")
    assert model.text.startswith("- Đối với đề án khuyến công quốc gia là công nghệ, sản phẩm trên địa bàn cấp huyện "
                                 "chưa có cơ sở nào áp dụng")


def test_a_level_lead_says_what_the_support_requires(default_settings):
    from assistant.answer.answerer import Answerer

    answer = Answerer(Searcher(default_settings)).ask("Mua máy cũ đã qua sử dụng thì được hỗ trợ tối đa bao nhiêu?")
    level, condition = answer.lead.split(" Điều kiện: ")
    assert "200 triệu đồng/cơ sở [1]" in level
    assert condition.startswith("Máy móc thiết bị tiên tiến được hỗ trợ ứng dụng phải là máy móc thiết bị mới [2]")
    assert answer.citations[1].chunk_id == "tt-46-2012-bct#d4-k4"


def test_priority_places_and_trades_are_read_from_the_text_and_matched_by_their_words(default_settings):
    found = priorities.table(Searcher(default_settings).generation())
    assert found.uplift == ("không quá 1,5 lần mức hỗ trợ", T + "t")
    phrases = {(p.kind, p.phrase) for p in found.items}
    assert {("địa bàn", "huyện nghèo"), ("địa bàn", "hải đảo"), ("ngành nghề", "công nghiệp cơ khí")} <= phrases
    assert [p.phrase for p in found.matched("Xưởng ở một huyện nghèo vùng cao")] == ["huyện nghèo"]
    assert [p.phrase for p in found.matched("xuong o xa vung dong bao dan toc thieu so")] == [
        "vùng đồng bào dân tộc thiểu số"]
    assert [p.phrase for p in found.matched("Xưởng ở một huyện vùng cao, muốn mua máy")] == ["huyện vùng cao"]
    assert found.matched("Xưởng mộc ở xã muốn mua máy CNC") == []
    assert found.matched("Đề án khuyến công quốc gia ở địa phương nào?") == []  # common words name no priority


def test_a_level_lead_in_a_priority_place_says_how_much_more_it_may_get(default_settings):
    from assistant.answer.answerer import Answerer

    answerer = Answerer(Searcher(default_settings))
    poor = answerer.ask("Cơ sở của tôi ở huyện nghèo muốn mua máy sấy thì được hỗ trợ bao nhiêu?")
    assert "Địa bàn ưu tiên (huyện nghèo) [" in poor.lead
    assert "đề án do Bộ Công Thương phê duyệt được hỗ trợ không quá 1,5 lần mức hỗ trợ [" in poor.lead
    assert {"nd-45-2012#d6-k1", T + "t"} <= {c.chunk_id for c in poor.citations}
    plain = answerer.ask("Cơ sở của tôi ở xã muốn mua máy sấy thì được hỗ trợ bao nhiêu?")
    assert "ưu tiên" not in plain.lead


@pytest.mark.parametrize(("question", "chunk_id"), [
    ("Theo chính sách xúc tiến thương mại cho ngành nghề nông thôn, thuê tư vấn làm trang web được hỗ trợ bao nhiêu?",
     "nd-52-2018#d9-k3"),
    ("Cơ sở công nghiệp nông thôn thuê tư vấn marketing được hỗ trợ bao nhiêu?", T + "i"),
])
def test_the_row_of_the_scheme_the_question_names(rows, question, chunk_id):
    row = support_levels.best_row(rows, "thuê tư vấn, trợ giúp các cơ sở công nghiệp nông thôn", question, [])
    assert row.chunk_id == chunk_id


def test_a_level_for_the_points_of_another_khoan_is_matched_by_what_they_name(rows):
    tied = [row for row in rows if row.chunk_id == "nd-52-2018#d9-k3" and row.cap]
    assert tied and "thương hiệu" in tied[0].scope  # 'các nội dung quy định tại điểm a khoản 2 Điều này'
    question = ("Cơ sở ngành nghề nông thôn thuê tư vấn xây dựng thương hiệu, thiết kế mẫu mã bao bì thì được hỗ trợ "
                "tối đa bao nhiêu?")
    row = support_levels.best_row(rows, "xây dựng và đăng ký thương hiệu", question, [])
    assert row.chunk_id == "nd-52-2018#d9-k3" and row.cap.startswith("50 triệu")
