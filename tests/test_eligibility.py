"""The eligibility checker: cases written from Nghị định 45/2012 Điều 1, 5, 6 and Thông tư 46/2012 Điều 3, 5, 6,
each with its verdict and the article its deciding reason cites; then the API and the chat's pointer."""

import json
import shutil

import pytest
from fastapi.testclient import TestClient

from assistant.answer.verdict import funded_already
from assistant.config import PROJECT_ROOT, Settings
from assistant.domain.eligibility import (
    ND_45,
    TT_46,
    Address,
    Applicant,
    CitationMissing,
    Location,
    check,
    cite,
    evaluate,
    match_sector,
)
from assistant.index.ingest import Ingestor
from assistant.search.retrieval import Searcher
from assistant.serve.api import create_app
from tests.conftest import require_corpus, write_corpus

needs_corpus = require_corpus()


def applicant(entity="ho_kinh_doanh", unit="xa", city_class=None, years=None, sector="mây tre đan", **kw):
    return Applicant(entity, Location(unit, city_class, years), sector, **kw)


# (case, applicant, verdict, the legal address one of the reasons must cite)
CASES = [
    ("household business in a commune", applicant(), "eligible", Address(TT_46, 3, 1, "c")),
    ("SME in a district town, food processing", applicant("doanh_nghiep_nho_va_vua", "thi_tran",
                                                          sector="chế biến nông sản"), "eligible",
     Address(TT_46, 3, 1, "a")),
    ("cooperative in a district", applicant("hop_tac_xa", "huyen", sector="sản xuất phân bón hữu cơ"), "eligible",
     Address(TT_46, 3, 1, "b")),
    ("cooperative group, town", applicant("to_hop_tac", "thi_xa", sector="dệt thổ cẩm thủ công"), "eligible",
     Address(ND_45, 5, 1)),
    ("ward of a class-2 city", applicant(unit="phuong", city_class=2), "eligible", Address(ND_45, 1)),
    ("ward of a class-3 city", applicant(unit="phuong", city_class=3, sector="cơ khí nông cụ"), "eligible",
     Address(ND_45, 1)),
    ("ward of a class-1 city, converted 3 years ago", applicant(unit="phuong", city_class=1, years=3), "eligible",
     Address(TT_46, 3, 1, "đ")),
    ("ward of a class-1 city, converted 5 years ago (chưa quá 05 năm)", applicant(unit="phuong", city_class=1, years=5),
     "eligible", Address(TT_46, 3, 1, "đ")),
    ("ward of a class-1 city, converted 8 years ago", applicant(unit="phuong", city_class=1, years=8), "not_eligible",
     Address(TT_46, 3, 1, "đ")),
    ("ward of a class-1 city, conversion unknown", applicant(unit="phuong", city_class=1), "needs_review",
     Address(TT_46, 3, 1, "đ")),
    ("ward, city class unknown", applicant(unit="phuong"), "needs_review", Address(ND_45, 1)),
    ("large enterprise", applicant("doanh_nghiep_lon", sector="chế biến thủy sản"), "not_eligible", Address(ND_45, 1)),
    ("large enterprise applying cleaner production", applicant("doanh_nghiep_lon", "phuong", 1, 20,
                                                               sector="chế biến thủy sản",
                                                               cleaner_production=True), "eligible",
     Address(TT_46, 3, 2)),
    ("clay bricks fired in a ring kiln", applicant(sector="sản xuất gạch đất sét nung bằng lò vòng"), "not_eligible",
     Address(TT_46, 5)),
    ("clay bricks, kiln not said", applicant(sector="sản xuất gạch đất sét nung"), "needs_review", Address(TT_46, 5)),
    ("unfired bricks", applicant(sector="sản xuất gạch không nung"), "eligible", Address(ND_45, 5, 1)),
    ("mining: only in difficult areas", applicant(sector="khai thác đá xây dựng"), "needs_review",
     Address(TT_46, 5)),
    ("mining in an area said not to be hard-up", applicant(sector="khai thác khoáng sản ở vùng thuận lợi"),
     "not_eligible", Address(TT_46, 5)),
    ("mining in an area said to be hard-up", applicant(sector="khai thác đá ở xã đặc biệt khó khăn"), "eligible",
     Address(TT_46, 5)),
    ("mining in a province said to be well off", applicant(sector="khai thác đá ở tỉnh đồng bằng, kinh tế phát triển"),
     "not_eligible", Address(TT_46, 5)),
    ("retail trade fits no group", applicant(sector="bán lẻ tạp hóa"), "needs_review", Address(ND_45, 5, 1)),
    ("other entity type", applicant("khac"), "needs_review", Address(ND_45, 1)),
]


@pytest.mark.parametrize(("case", "who", "verdict", "cited"), CASES, ids=[c[0] for c in CASES])
def test_verdict_and_the_article_it_rests_on(case, who, verdict, cited):
    result = check(who)
    assert result.verdict == verdict, [r.text for r in result.reasons]
    assert cited in [r.address for r in result.reasons]
    assert any("235/2025" in w and "20/2017" in w for w in result.warnings)  # amendments not in the corpus


def test_a_ward_of_a_class_2_or_3_city_is_told_in_the_rule_s_words():
    reasons = [r.text for r in check(applicant(unit="phuong", city_class=3)).reasons]
    assert any("thành phố loại 3" in r and "thành phố loại 2, loại 3" in r for r in reasons), reasons
    # a ward whose years or city class are not said is told which wards the rule admits, while the missing fact is
    # asked for
    for unsaid in (applicant(unit="phuong", city_class=1), applicant(unit="phuong")):
        reasons = [r.text for r in check(unsaid).reasons]
        assert any("thành phố loại 2, loại 3" in r and "chưa quá 05 năm" in r for r in reasons), reasons


def test_a_bare_may_in_a_question_with_diacritics_sews_and_is_no_machine():
    from assistant.search.glossary import activity_of

    assert activity_of("Doanh nghiệp may của tôi có 40 lao động, có được hỗ trợ không?") is None
    assert activity_of("MAY BAO BÌ: doanh nghiệp có được hỗ trợ không?") is None
    assert activity_of("Xưởng tôi muốn mua máy cưa mới") == activity_of("xuong toi muon mua may cua moi") is not None
    assert activity_of("Tiệm sửa máy của tôi có được hỗ trợ không?") is None  # 'máy của tôi' is no saw ('máy cưa')


def test_the_trade_slot_holds_the_words_naming_the_trade_not_the_question():
    from assistant.answer.question import analyze

    slots = analyze("Công ty nhỏ của tôi làm đồ gỗ xuất khẩu ở Bình Dương, có được hỗ trợ không?").slots
    assert (slots["trade_group"], slots["trade"]) == ("b", "đồ gỗ")
    assert analyze("Doanh nghiệp may của tôi có 40 lao động").slots["trade"] == "may"
    assert analyze("co so san xuat gom su gom nhung gi").slots["trade"] == "gom su"  # the list's 'gồm' is blanked
    # 'thương mại điện tử' is a sales channel, blanked to its length: the trade's words are found where they stand
    assert analyze("Cơ sở tôi bán qua thương mại điện tử, sản xuất bánh kẹo").slots["trade"] == "bánh kẹo"


def test_the_entity_slot_is_what_the_asker_is_not_what_it_says_it_is_not():
    from assistant.answer.question import analyze

    assert "entity_type" not in analyze("Nhà tôi đan lát đồ mây tre tại nhà, không có doanh nghiệp, vậy có được "
                                         "hưởng chính sách không?").slots
    assert analyze("Tôi không phải doanh nghiệp hay hợp tác xã, chỉ là hộ gia đình làm bún ở xã, có được hỗ trợ "
                   "không?").slots["entity_type"] == "ho_kinh_doanh"
    assert analyze("Công ty tôi ở xã có được hỗ trợ không?").slots["entity_type"] == "doanh_nghiep_nho_va_vua"


def test_only_máy_is_a_machine_in_a_question_with_diacritics():
    from assistant.answer.question import answer_type
    from assistant.search.glossary import activity_of

    asked = "Mức hỗ trợ cụ thể cho mấy hạng mục đó do ai quy định?"  # 'mấy' counts
    assert activity_of(asked) is None and answer_type(asked) == "body"
    assert activity_of("Tôi muốn mua mấy cái lò nung") is None
    assert activity_of("Đầu tư mấy trăm triệu thì được gì?") is None
    assert activity_of("Tôi muốn mua mây nguyên liệu") is None  # rattan
    assert activity_of("Cơ sở mây tre đan của tôi muốn mua máy mới") is not None


def test_the_centre_s_name_asks_for_no_consulting():
    from assistant.search.glossary import activity_of

    # 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp' is a body, not the consulting its name says
    assert activity_of("trung tam khuyen cong va tu van phat trien cong nghiep tinh co may pho giam doc") is None
    assert activity_of("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp chịu sự chỉ đạo của ai?") is None
    assert activity_of("Cơ sở tôi muốn thuê tư vấn thiết kế mẫu mã") is not None


def test_sector_groups_of_article_5():
    assert [match_sector(s) for s in ("chế biến cà phê", "may mặc xuất khẩu", "sản xuất phân bón", "lắp ráp "
                                      "linh kiện điện tử", "gốm sứ mỹ nghệ", "khai thác cát sỏi", "xử lý nước thải",
                                      "dịch vụ karaoke")] == ["a", "b", "c", "d", "dd", "e", "g", None]
    assert match_sector("khai thác, chế biến đá") == "e"  # mining, though 'chế biến' also names group a
    assert match_sector("sàn giao dịch thương mại điện tử") is None  # e-commerce sells; it is not electronics
    assert match_sector("làm bún khô") == match_sector("tráng bánh tráng") == "a"  # food, named by the dish
    # 'xưởng may' sews (group b); folded it reads as a machine shop, so only its accents tell
    assert match_sector("Cơ sở may của tôi ở xã có được hỗ trợ không?") == "b"
    assert match_sector("Tiệm sửa máy nông cụ của tôi") == "d"
    assert match_sector("Xưởng cơ khí ở miền núi") == "d"  # 'miền' is a region, not noodles
    assert match_sector("HTX sấy và đóng gói hạt điều, cá khô") == "a"  # dried nuts and fish are food


def test_a_cooperative_is_no_commune():
    from assistant.answer.question import slots
    assert "place" not in slots("Hợp tác xã làm hạt điều có được ưu tiên không?")
    assert slots("Hợp tác xã ở xã Yên Sở làm hạt điều có được hỗ trợ không?").get("place") == "xa"


def test_priorities_are_listed_with_their_articles():
    result = check(applicant(sector="cơ khí sản xuất linh kiện công nghiệp hỗ trợ", workers=60, exports=True,
                             local_material_share=0.7, priority_area=True, typical_product=True))
    cited = {p.address for p in result.priorities}
    assert cited == {Address(TT_46, 6, 1), Address(ND_45, 6, 2), Address(TT_46, 6, 2)}
    texts = " ".join(p.text for p in result.priorities)
    for fact in ("xuất khẩu", "70%", "60 lao động", "công nghiệp hỗ trợ", "tiêu biểu", "Địa bàn ưu tiên"):
        assert fact in texts
    assert check(applicant(workers=49, local_material_share=0.5)).priorities == []  # 50 and "trên 50%" are floors


@needs_corpus
def test_api_answers_with_cited_text(default_settings):
    client = TestClient(create_app(default_settings))
    body = {"entity_type": "ho_kinh_doanh", "location": {"unit": "xa", "city_class": None,
            "years_since_conversion": None}, "sector": "mây tre đan xuất khẩu", "cleaner_production": False,
            "workers": 55, "local_material_share": 0.8, "exports": True}
    result = client.post("/api/eligibility", json=body).json()
    assert result["verdict"] == "eligible" and set(result) >= {"verdict", "reasons", "priorities", "warnings"}
    for item in result["reasons"] + result["priorities"]:
        assert set(item["citation"]) >= {"doc_id", "locator", "text"} and item["citation"]["text"]
    assert "Hộ kinh doanh" in result["reasons"][0]["citation"]["text"]
    bad = client.post("/api/eligibility", json=body | {"entity_type": "cong_ty", "workers": -1})
    assert bad.status_code == 422
    assert "entity_type: giá trị không hợp lệ" in bad.json()["error"] and "workers" in bad.json()["error"]


@needs_corpus
def test_citations_come_from_the_index(default_settings):
    generation = Searcher(default_settings).generation()
    result = evaluate(applicant(sector="gạch đất sét nung lò thủ công cải tiến"), generation)
    brick = next(r for r in result.reasons if r.address == Address(TT_46, 5))
    assert "lò vòng" in brick.citation["text"] and brick.citation["locator"] == "Điều 5"


@needs_corpus
def test_two_kinds_of_establishment_asked_together_are_both_named_in_the_verdict(default_settings):
    from assistant.answer.answerer import Answerer

    lead = Answerer(Searcher(default_settings)).ask("Tổ hợp tác hoặc hợp tác xã làm mây tre đan ở xã có được hưởng "
                                                    "khuyến công không?").lead
    assert lead.startswith("Có. Tổ hợp tác và hợp tác xã đều là cơ sở công nghiệp nông thôn"), lead
    one = Answerer(Searcher(default_settings)).ask("Hộ kinh doanh (không phải hợp tác xã) làm mây tre đan ở xã có được "
                                                   "hưởng khuyến công không?").lead
    assert one.startswith("Có. Hộ kinh doanh là cơ sở công nghiệp nông thôn"), one


@needs_corpus
def test_chat_answers_eligibility_with_a_verdict_or_one_clarifying_question(default_settings):
    from assistant.answer.answerer import Answerer
    from assistant.answer.verdict import CLARIFY_PLACE, CLARIFY_TRADE

    answerer = Answerer(Searcher(default_settings))
    yes = answerer.ask("Hộ kinh doanh làm mây tre đan ở xã có được hỗ trợ khuyến công không?")
    assert yes.lead.startswith("Có.") and "Hộ kinh doanh" in yes.lead and "Điều 5" in yes.lead
    assert {c.doc_id for c in yes.citations} >= {"tt-46-2012-bct", "nd-45-2012"}
    no = answerer.ask("Tôi có lò gạch nung bằng lò vòng, có được hỗ trợ không?")
    assert no.lead.startswith("Không.") and "lò vòng" in no.lead and "(vật liệu không nung)" in no.lead
    # the rules refuse the kiln whatever it asks for: a machine it wants to buy does not make it a level question
    machines = answerer.ask("Tôi có lò gạch đất sét nung kiểu lò vòng ở xã, muốn mua thêm thiết bị. Có được không?")
    assert machines.lead.startswith("Không. Đối với sản xuất vật liệu xây dựng, không hỗ trợ")
    unaccented = answerer.ask("nha toi lam gach nung bang lo vong, xin kinh phi khuyen cong mo rong duoc khong")
    assert unaccented.lead.startswith("Không.")
    asked = answerer.ask("Hộ kinh doanh ở xã có được hưởng khuyến công không?")
    assert asked.lead.endswith(CLARIFY_TRADE) and asked.citations
    where = answerer.ask("Tôi làm mây tre đan có được hỗ trợ khuyến công không?")
    assert where.lead.endswith(CLARIFY_PLACE)
    history = [{"role": "user", "content": "Tôi làm mây tre đan có được hỗ trợ khuyến công không?"},
               {"role": "assistant", "content": where.answer}]
    reply = answerer.ask("ở xã", history)  # the reply to the clarifying question is understood as a follow-up
    assert reply.lead.startswith("Có.") and "xã" in reply.lead
    assert CLARIFY_PLACE not in answerer.ask("Làng nghề là gì?").answer
    # an activity for establishments ('… cho cơ sở …') is answered by the provision supporting it, not a verdict
    activity = answerer.ask("Sàn giao dịch thương mại điện tử cho cơ sở công nghiệp nông thôn có được hỗ trợ không?")
    assert "sàn giao dịch thương mại điện tử" in activity.lead and "Điều 5" not in activity.lead
    # cleaner production names an activity, but who may apply is what is asked: any size, any place, in the rule's words
    clean = answerer.ask("Công ty tôi là doanh nghiệp lớn ở nội thành, muốn áp dụng sản xuất sạch hơn thì có được "
                         "khuyến công hỗ trợ không hay chỉ cơ sở nhỏ ở nông thôn?")
    assert clean.lead.startswith("Có. Các cơ sở sản xuất công nghiệp thực hiện áp dụng sản xuất sạch hơn không giới "
                                 "hạn về quy mô")
    # a comma before the alternative ('… không, hay chỉ …?') asks the same
    comma = answerer.ask("Doanh nghiệp quy mô lớn ở nội thành muốn áp dụng sản xuất sạch hơn thì có được hỗ trợ khuyến "
                         "công không, hay chỉ dành cho doanh nghiệp nhỏ ở nông thôn?")
    assert comma.lead.startswith("Có. Các cơ sở sản xuất công nghiệp thực hiện áp dụng sản xuất sạch hơn")


@pytest.fixture(scope="module", params=[600, 4000], ids=["chunks-600", "chunks-4000"])
def sized_generation(request, tmp_path_factory, shared_corpus):
    """An index of Nghị định 45/2012 and Thông tư 46/2012 alone, chunked at another KC_CHUNK_CHARS."""
    root = tmp_path_factory.mktemp(f"chunks-{request.param}")
    wanted = {ND_45, TT_46}
    entries = [json.loads(line) for line in (shared_corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    entries = [e for e in entries if e["id"] in wanted]
    files = {e["file"]: (shared_corpus / e["file"]).read_text(encoding="utf-8") for e in entries}
    corpus = write_corpus(root / "corpus", files, entries)
    cache = PROJECT_ROOT / "index" / "cache"
    if cache.is_dir():  # chunks that did not change size are not embedded again
        shutil.copytree(cache, root / "index" / "cache")
    settings = Settings(corpus_dirs=[corpus], index_dir=root / "index", chunk_chars=request.param)
    Ingestor(settings, progress=False).run()
    return Searcher(settings).generation()


def every_reason(generation):
    """Each reason and priority of every case, evaluated against the generation."""
    applicants = [who for _, who, _, _ in CASES] + [
        applicant(sector="cơ khí linh kiện công nghiệp hỗ trợ", workers=60, exports=True, local_material_share=0.7,
                  priority_area=True, typical_product=True),
        applicant(sector="sản xuất gạch không nung")]
    for who in applicants:
        verdict = evaluate(who, generation)
        yield from verdict.reasons + verdict.priorities


def test_citations_resolve_by_legal_address_at_any_chunk_size(sized_generation):
    cited = set()
    for reason in every_reason(sized_generation):
        citation, address = reason.citation, reason.address
        assert citation["text"] and citation["locator"] == address.locator and citation["doc_id"] == address.doc_id
        chunks = [sized_generation.chunk(i) for i in citation["chunk_ids"]]
        assert all(c is not None and c.doc_id == address.doc_id and c.article == address.article for c in chunks)
        assert all(c.text in citation["text"] for c in chunks)
        cited.add(address)
    assert len(cited) >= 10  # every address the rules use was resolved, not only the common ones
    household = evaluate(applicant(), sized_generation).reasons[0].citation["text"]
    assert "Hộ kinh doanh" in household
    brick = evaluate(applicant(sector="gạch đất sét nung lò vòng"), sized_generation).reasons[-1]
    assert brick.address == Address(TT_46, 5) and "lò vòng" in brick.citation["text"]


def test_a_missing_legal_address_is_an_error_not_an_empty_citation(sized_generation, small_settings):
    with pytest.raises(CitationMissing, match="Điều 99"):
        cite(Address(ND_45, 99), sized_generation)
    with pytest.raises(CitationMissing, match="khoản 9"):
        cite(Address(TT_46, 3, 9), sized_generation)
    Ingestor(small_settings, progress=False).run()  # an index without the two documents the rules cite
    client = TestClient(create_app(small_settings))
    body = {"entity_type": "ho_kinh_doanh", "location": {"unit": "xa"}, "sector": "mây tre đan"}
    response = client.post("/api/eligibility", json=body)
    assert response.status_code == 503 and "tt-46-2012-bct" in response.json()["error"]


@pytest.mark.parametrize(("question", "stated"), [
    ("Cơ sở tôi đã được một chương trình khác của nhà nước hỗ trợ tiền mua máy rồi, xin thêm khuyến công được không?",
     True),
    ("Đề án của chúng tôi đã nhận tiền từ một chương trình ngân sách khác cho hạng mục đó, xin thêm được không?", True),
    ("Nghị định không hỗ trợ đối tượng đã được hỗ trợ từ chương trình khác nào?", False),  # a rule asked about
    ("Xưởng tôi ở xã muốn mua máy thì được hỗ trợ bao nhiêu?", False),
    ("Tôi đã được nghe là ngân sách nhà nước hỗ trợ mua máy, mức bao nhiêu?", False),  # heard of, not paid
    ("Tôi đã được ngân sách nhà nước hỗ trợ mua máy năm ngoái, năm nay muốn xin hỗ trợ đào tạo nghề được không?",
     False),  # another item
    ("Em đã được Sở hướng dẫn lập đề án khuyến công nhà nước khác, giờ làm sao?", False),
    # a state programme named by its name
    ("Xưởng chè của tôi đã được chương trình nông thôn mới hỗ trợ một phần tiền mua máy sao chè. Giờ tôi định xin "
     "thêm kinh phí khuyến công cho chính cái máy đó thì có được không?", True),
    ("Chương trình nông thôn mới hỗ trợ những gì, tôi có xin thêm khuyến công được không?", False),  # nothing paid
    # the scheme or establishment the state paid is named in the third person
    ("Dây chuyền đóng gói của hợp tác xã đã được một chương trình khác của nhà nước hỗ trợ rồi, giờ xin tiếp kinh phí "
     "khuyến công cho đúng nội dung đó có được không?", True),
    ("Đề án đã được ngân sách nhà nước (chương trình nông thôn mới) hỗ trợ khoản mua máy, nay xin thêm kinh phí khuyến "
     "công cho chính khoản mua máy đó thì có được không?", True),
    # Nghị định 52/2018 (rural trades) has a rule of its own
    ("Cơ sở mây tre đan đã được một chương trình khác của nhà nước hỗ trợ, giờ xin thêm theo Nghị định 52/2018 cho "
     "đúng nội dung đó thì có được không?", False),
])
def test_support_the_state_already_paid_is_recognised(question, stated):
    assert funded_already(question) is stated


@needs_corpus
def test_chat_refuses_paying_twice_for_the_same_thing(default_settings):
    from assistant.answer.answerer import Answerer

    answer = Answerer(Searcher(default_settings)).ask(
        "Xưởng tôi đã được ngân sách nhà nước hỗ trợ mua máy sấy rồi, giờ xin thêm khuyến công cho máy đó được không?")
    assert answer.lead.startswith("Không. Điều kiện để được hỗ trợ kinh phí khuyến công: Cam kết")
    assert "chưa được hỗ trợ từ bất kỳ nguồn kinh phí nào của nhà nước cho cùng một nội dung chi" in answer.lead
    assert answer.citations[0].chunk_id == "ttlt-26-2014-btc-bct#d7"


@needs_corpus
def test_a_company_registered_in_a_ward_but_producing_in_a_commune_is_told_the_rule_for_it(default_settings):
    from assistant.answer.answerer import Answerer

    answer = Answerer(Searcher(default_settings)).ask(
        "Công ty tôi có trụ sở ở phường của thành phố loại 1 nhưng xưởng đặt ở xã thì có được khuyến công hỗ trợ "
        "không?")
    assert "trụ sở đăng ký kinh doanh tại các phường thuộc thành phố loại 1" in answer.lead
    assert "tt-46-2012-bct#d3-k1-d" in {c.chunk_id for c in answer.citations}
    assert not answer.lead.startswith("Không")


def test_the_place_of_a_registered_office_is_read_to_the_end_of_its_clause():
    from assistant.answer.question import slots

    stated = slots("Hợp tác xã tôi có trụ sở đăng ký hoạt động theo giấy phép ở phường trung tâm thành phố loại 1, "
                   "còn xưởng sản xuất đặt ở xã bên cạnh. Có được khuyến công không?")
    assert stated["place"] == "xa"


def test_a_ward_s_years_since_conversion_are_counted_to_the_end_of_the_year_before_the_plan():
    from assistant.answer.question import slots

    stated = slots("Phường nơi xưởng tôi đặt thuộc thành phố loại 1, được chuyển từ xã theo quyết định có hiệu lực "
                   "ngày 1/7/2021. Khi xây dựng kế hoạch khuyến công năm 2027 xưởng tôi còn được hỗ trợ không?")
    assert stated["place"] == "phuong" and stated["city_class"] == 1
    assert stated["years_since_conversion"] == pytest.approx(5.5, abs=0.01)  # 1/7/2021 to 31/12/2026
    sooner = slots("Xưởng ở phường thuộc thành phố loại 1, chuyển từ xã ngày 1/7/2021; kế hoạch năm 2025 thì sao?")
    assert sooner["years_since_conversion"] == pytest.approx(3.5, abs=0.01)
    founded = slots("Công ty thành lập 2/3/2015, xưởng ở phường thuộc thành phố loại 1 chuyển từ xã ngày 30/12/2021; "
                    "kế hoạch năm 2027")
    assert founded["years_since_conversion"] > 5  # the conversion date, a day over five years, not the founding
    assert "years_since_conversion" not in slots("Xưởng ở phường thuộc thành phố loại 1 chuyển từ xã 31/2/2021, "
                                                 "kế hoạch năm 2025")  # no such day
    ward = slots("Xưởng đặt ở một phường nội thành của thành phố loại 1, phường này đã thành lập từ năm 1990.")
    assert ward["years_since_conversion"] > 30  # only the year is said, and it is clearly over five years ago
    company = slots("Công ty thành lập năm 2019, xưởng ở phường thuộc thành phố loại 1.")
    assert "years_since_conversion" not in company  # a company's founding year is not its ward's
    for said in ("Công ty chuyên sản xuất đồ gỗ thành lập năm 2015, xưởng ở phường thuộc thành phố loại 1.",
                 "Xưởng ở phường thuộc thành phố loại 1, công ty nhận chuyển giao công nghệ năm 2010."):
        assert "years_since_conversion" not in slots(said)
    assert "years_since_conversion" not in slots("Xưởng ở phường thuộc thành phố loại 1, lên phường năm 2022; kế "
                                                 "hoạch năm 2027")  # about five years: the clarifying question asks
    # the plan year said first ('Năm 2025 Sở xây dựng kế hoạch'), the conversion year after a longer clause
    recent = slots("Hộ tôi ở một phường thuộc thành phố loại 1; phường này mới được chuyển từ xã lên theo quyết định "
                   "có hiệu lực năm 2022. Năm 2025 Sở xây dựng kế hoạch khuyến công, hộ tôi có được hỗ trợ không?")
    assert recent["years_since_conversion"] == 3


def test_over_five_years_since_conversion_is_refused_with_how_they_are_counted():
    result = check(Applicant("ho_kinh_doanh", Location("phuong", 1, 5.5), "dệt may"))
    place = next(r.text for r in result.reasons if r.text.startswith("Phường"))
    assert "5,5 năm (quá 05 năm; số năm tính đến ngày 31 tháng 12 của năm trước liền kề" in place
    barely = check(Applicant("ho_kinh_doanh", Location("phuong", 1, 5.003), "dệt may"))
    assert "hơn 5 năm (quá 05 năm" in next(r.text for r in barely.reasons if r.text.startswith("Phường"))
    assert result.verdict == "not_eligible"
    # the refusal names the rule it applies: which wards are admitted
    assert "chuyển đổi từ xã chưa quá 05 năm và các phường thuộc thành phố loại 2, loại 3" in place


def test_a_ward_said_to_be_old_was_converted_over_five_years_ago():
    from assistant.answer.question import slots
    found = slots("Hộ kinh doanh ở một phường của thành phố loại 1 (phường có từ lâu, không phải mới chuyển từ xã) "
                  "có được hỗ trợ không?")
    assert found["years_since_conversion"] >= 5
    result = check(Applicant("ho_kinh_doanh", Location("phuong", 1, found["years_since_conversion"]), "đồ gỗ"))
    assert result.verdict == "not_eligible"
    assert "chuyển đổi từ xã từ lâu (quá 05 năm" in next(r.text for r in result.reasons if r.text.startswith("Phường"))
    assert "years_since_conversion" not in slots("Hộ kinh doanh ở phường thuộc thành phố loại 1 có được hỗ trợ không?")


@pytest.mark.parametrize(("question", "asks"), [
    ("Xưởng may 45 công nhân có hợp đồng xuất khẩu, có được xếp vào ngành nghề ưu tiên không?", True),
    ("HTX có 60 lao động, 70% nguyên liệu mua trong tỉnh: có được xếp vào ngành nghề ưu tiên không?", True),
    ("Xưởng ở xã đặc biệt khó khăn, 20 lao động, có được ưu tiên không?", False),  # a priority place, not a trade
    ("Xưởng dệt 80 lao động có thuộc diện ngành nghề được ưu tiên không?", True),
    ("Những ngành nghề ưu tiên là gì?", False),  # states nothing to weigh: the list answers
    ("Xưởng 45 công nhân được hỗ trợ bao nhiêu?", False),  # asks no priority
])
def test_a_priority_question_is_one_stating_facts_to_weigh(question, asks):
    from assistant.answer.verdict import asks_priority

    assert asks_priority(question) is asks


@needs_corpus
def test_stated_facts_are_weighed_against_each_priority_trade_rule(default_settings):
    from assistant.answer.answerer import Answerer

    answerer = Answerer(Searcher(default_settings))
    short = answerer.ask("Xưởng may của tôi ở xã có 45 công nhân, đang may hàng theo hợp đồng xuất khẩu. Đề án của "
                         "xưởng có được xếp vào ngành nghề ưu tiên không?")
    assert short.lead.startswith("Có. Sản xuất sản phẩm có thị trường xuất khẩu")
    assert "Chưa đạt (45 lao động): Cơ sở công nghiệp nông thôn sử dụng nhiều lao động là cơ sở sản xuất có sử dụng " \
           "từ 50 lao động trở lên [1]." in short.lead
    assert short.citations[0].chunk_id.startswith("tt-46-2012-bct#d6-k2")
    more = answerer.ask("HTX chè có 60 lao động, khoảng 70% nguyên liệu mua trong tỉnh. Có được xếp vào ngành nghề ưu "
                        "tiên không, và được hỗ trợ cao hơn bao nhiêu?")
    assert "Đạt (70% nguyên liệu tại chỗ)" in more.lead and "Đạt (60 lao động)" in more.lead
    assert "không quá 1,5 lần mức hỗ trợ" in more.lead
    fewer = answerer.ask("Cơ sở tôi có 20 lao động, 30% nguyên liệu mua trong tỉnh, có được xếp vào ngành nghề ưu "
                         "tiên không?")
    assert fewer.lead.startswith("Chưa đạt (30% nguyên liệu tại chỗ)")  # other points may apply: no 'Không.'
    assert "Chưa đạt (20 lao động)" in fewer.lead


def test_stated_facts_are_read_with_their_negations_and_origins():
    from assistant.answer.verdict import stated_facts
    from assistant.text import fold

    assert stated_facts(fold("Xưởng 45 lao động, chưa có hợp đồng xuất khẩu")) == {"workers": 45}
    assert stated_facts(fold("Dùng 70% nguyên liệu nhập khẩu, 1.020 công nhân")) == {"workers": 1020}
    assert stated_facts(fold("70% nguyên liệu mua ngay trong tỉnh")) == {"local_material_share": 0.7}
    # what it processes named by name, bought in the province, or from elsewhere
    assert stated_facts(fold("khoảng 70% hạt điều thô mua trong tỉnh")) == {"local_material_share": 0.7}
    assert stated_facts(fold("80% mây tre mua từ tỉnh khác")) == {}


@needs_corpus
def test_every_fact_said_before_the_last_clarifying_reply_counts(default_settings):
    from assistant.answer.answerer import Answerer
    from assistant.answer.verdict import CLARIFY_CITY, CLARIFY_PLACE, CLARIFY_TRADE

    answerer = Answerer(Searcher(default_settings))
    history = []
    for turn, asks in (("Cơ sở của tôi làm đồ gỗ có được hỗ trợ khuyến công không?", CLARIFY_PLACE),
                       ("ở phường", CLARIFY_CITY)):
        answer = answerer.ask(turn, history)
        assert answer.lead.endswith(asks)
        history += [{"role": "user", "content": turn}, {"role": "assistant", "content": answer.answer}]
    # the trade came two turns back: the verdict does not ask for it again
    verdict = answerer.ask("thành phố loại 2, lên phường được 3 năm", history)
    assert verdict.lead.startswith("Có.") and "Điều 5" in verdict.lead and CLARIFY_TRADE not in verdict.answer


def test_a_question_of_its_own_after_a_clarifying_question_is_answered_as_asked(default_settings):
    from assistant.answer.answerer import Answerer
    from assistant.answer.verdict import CLARIFY_PLACE, CLARIFY_TRADE

    answerer = Answerer(Searcher(default_settings))
    history = []
    for turn, asks in (("Cơ sở của tôi có được hỗ trợ khuyến công không?", CLARIFY_PLACE), ("ở xã", CLARIFY_TRADE)):
        answer = answerer.ask(turn, history)
        assert answer.lead.endswith(asks)
        history += [{"role": "user", "content": turn}, {"role": "assistant", "content": answer.answer}]
    # asked for the trade, the user asks a level instead: the level answers, without 'hỗ trợ' being said
    level = answerer.ask("muốn mua máy thì được bao nhiêu?", history)
    assert "200 triệu đồng/cơ sở" in level.lead and CLARIFY_TRADE not in level.answer


def test_moving_out_of_a_residential_area_is_no_row_of_the_support_table():
    from assistant.search.glossary import activity_of
    assert activity_of("Xưởng phải di dời ra khỏi khu dân cư đến địa điểm quy hoạch thì được hỗ trợ bao nhiêu?") is None
    assert activity_of("co so phai di doi ra khoi khu dan cu co duoc ho tro khong") is None
    assert activity_of("Cơ sở gây ô nhiễm di dời vào cụm công nghiệp được hỗ trợ lãi suất bao nhiêu?") == \
        "hỗ trợ lãi suất vốn vay di dời vào cụm công nghiệp"
    # the residential area told first, the move asked after
    assert activity_of("Xưởng tôi nằm trong khu dân cư, xã yêu cầu chuyển ra điểm quy hoạch. Có hỗ trợ tiền di dời "
                       "không?") is None
    assert activity_of("Xưởng ở khu dân cư gây ô nhiễm phải di dời vào cụm công nghiệp, lãi vay hỗ trợ thế nào?") == \
        "hỗ trợ lãi suất vốn vay di dời vào cụm công nghiệp"
