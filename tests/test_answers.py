"""Grounded answers over the default corpus: numbers, lists, citations, currency warnings, follow-ups, refusals."""


import pytest
from fastapi.testclient import TestClient

from assistant.answer.answerer import Answerer
from assistant.answer.followup import standalone_question
from assistant.answer.question import analyze
from assistant.search.glossary import expand_english, is_english
from assistant.search.references import DocRef, parse_references
from assistant.search.retrieval import Searcher
from assistant.serve.api import create_app
from tests.conftest import numbers_are_grounded, require_corpus

pytestmark = require_corpus()


@pytest.fixture(scope="module")
def answerer(default_settings):
    return Answerer(Searcher(default_settings))


@pytest.fixture(scope="module")
def client(default_settings):
    return TestClient(create_app(default_settings))


@pytest.mark.parametrize(("question", "fact", "chunk"), [
    ("Mức hỗ trợ xây dựng mô hình trình diễn kỹ thuật tối đa là bao nhiêu?", "500 triệu",
     "ttlt-26-2014-btc-bct#d6-k2-b"),
    ("muc ho tro thue gian hang hoi cho trong nuoc", "80%", "ttlt-26-2014-btc-bct#d6-k2-d"),
    ("Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu có giá trị trong bao lâu?", "năm thứ 3",
     "tt-26-2014-bct#d17"),
    ("Cộng tác viên khuyến công được hưởng thù lao do ai quy định?", "Chủ tịch Ủy ban nhân dân cấp tỉnh",
     "nd-45-2012#d10"),
    ("Đề án hạ tầng cụm công nghiệp được tạm ứng lần một bao nhiêu phần trăm?", "30%", "tt-36-2013-bct#d13"),
])
def test_fact_is_quoted_cited_and_numbers_grounded(answerer, question, fact, chunk):
    answer = answerer.ask(question).to_dict()
    assert not answer["refused"]
    assert fact in answer["answer"]
    assert answer["citations"][0]["chunk_id"].startswith(chunk)
    assert "[1]" in answer["answer"]
    assert numbers_are_grounded(answer)
    assert answer["timings_ms"]["total"] >= answer["timings_ms"]["retrieve"] > 0


def test_superseded_levels_carry_the_currency_warning(answerer):
    answer = answerer.ask("Mức hỗ trợ xây dựng mô hình trình diễn kỹ thuật tối đa là bao nhiêu?")
    assert any("28/2018/TT-BTC" in w and "thay thế" in w for w in answer.warnings)
    assert "28/2018/TT-BTC" in answer.answer
    assert answer.citations[0].status == "superseded"


def test_list_question_gets_every_item(answerer):
    answer = answerer.ask("Tiêu chí công nhận nghề truyền thống gồm những gì?")
    assert not answer.refused
    for item in ("từ trên 50 năm", "bản sắc văn hóa dân tộc", "nghệ nhân"):
        assert item in answer.answer


def test_validity_question_answers_from_the_manifest_with_amendment(answerer):
    answer = answerer.ask("Nghị định 45/2012/NĐ-CP còn hiệu lực không?")
    assert not answer.refused
    assert "235/2025/NĐ-CP" in answer.answer and "sửa đổi" in answer.answer
    assert answer.citations[0].doc_id == "nd-45-2012"


def test_follow_up_becomes_standalone_and_is_answered(answerer):
    history = [{"role": "user", "content": "Nghị định 45/2012/NĐ-CP quy định chế độ gì cho cộng tác viên khuyến công?"},
               {"role": "assistant", "content": "Theo Điều 10 Nghị định 45/2012/NĐ-CP [1]: ..."}]
    answer = answerer.ask("Văn bản đó còn hiệu lực không?", history)
    assert answer.standalone_question.startswith("Nghị định 45/2012/NĐ-CP còn hiệu lực")
    assert "235/2025" in answer.answer


@pytest.mark.parametrize(("previous", "follow_up", "said"), [
    ("Năm 2020 Sở Công Thương Hà Nội tổ chức bao nhiêu lớp tập huấn?",
     "còn kiểm tra đề án năm đó thì bao nhiêu cuộc?", "kiểm tra đề án năm 2020 thì bao nhiêu cuộc?"),
    ("How many classes did Hanoi hold in 2020?", "And how many inspections that year?",
     "How many inspections that year 2020?"),
    ("Nghị định 45/2012 quy định gì?", "Năm đó còn văn bản nào khác?", "Năm đó còn"),  # a document's year is none
    ("Năm 2020 Hà Nội tổ chức bao nhiêu lớp?", "Năm 2024 thì kiểm tra năm đó bao nhiêu cuộc?",
     "Năm 2024 thì kiểm tra năm đó"),  # the question names its own year
])
def test_that_year_is_the_year_the_previous_question_named(previous, follow_up, said):
    assert standalone_question(follow_up, [{"role": "user", "content": previous}]).startswith(said)


def test_a_continuation_asking_which_of_two_of_what_was_asked_about_asks_its_own_question():
    previous = "Trung tâm Khuyến công tỉnh có bao nhiêu Phó Giám đốc?"
    said = standalone_question("Thế Giám đốc trung tâm là công chức hay viên chức?",
                               [{"role": "user", "content": previous}])
    assert said.startswith("Giám đốc trung tâm là công chức hay viên chức") and "Trung tâm Khuyến công" in said
    swapped = standalone_question("Còn hội đồng cấp quốc gia thì có mấy người?",
                                  [{"role": "user", "content": "Hội đồng bình chọn cấp tỉnh có bao nhiêu thành viên?"}])
    assert swapped.startswith("Hội đồng bình chọn cấp quốc gia")  # a subject the question was said of is swapped


def test_continuation_keeps_the_previous_intent():
    history = [{"role": "user", "content": "Doanh nghiệp nhỏ và vừa có được hưởng chính sách khuyến công không?"}]
    rewritten = standalone_question("Còn hộ kinh doanh thì sao?", history)
    assert rewritten == "Hộ kinh doanh có được hưởng chính sách khuyến công không?"
    assert standalone_question("con hop tac xa thi sao", history).startswith("Hop tac xa có được hưởng")


@pytest.mark.parametrize(("previous", "follow_up", "expected"), [
    ("Hội đồng bình chọn cấp tỉnh có bao nhiêu thành viên?", "Còn cấp quốc gia thì sao?",
     "Hội đồng bình chọn cấp quốc gia có bao nhiêu thành viên?"),
    ("Đề án hạ tầng cụm công nghiệp được tạm ứng bao nhiêu?", "Còn đề án hỗ trợ thành lập doanh nghiệp thì sao?",
     "Đề án hỗ trợ thành lập doanh nghiệp được tạm ứng bao nhiêu?"),
    ("Mức hỗ trợ xây dựng mô hình trình diễn tối đa là bao nhiêu?", "Còn ứng dụng máy móc thiết bị thì sao?",
     "Mức hỗ trợ ứng dụng máy móc thiết bị tối đa là bao nhiêu?"),
    ("Hộ kinh doanh có được hưởng khuyến công không?", "Còn hợp tác xã thì sao?",
     "Hợp tác xã có được hưởng khuyến công không?"),
    # 'cơ sở' is not the verb 'có', though both fold to 'co'
    ("Sửa chữa hệ thống xử lý ô nhiễm tại cơ sở công nghiệp nông thôn được hỗ trợ bao nhiêu?",
     "Còn tại cụm công nghiệp thì sao?", "Sửa chữa hệ thống xử lý ô nhiễm tại cụm công nghiệp được hỗ trợ bao nhiêu?"),
    # 'Thế …' opens a continuation as 'Còn …' does; 'Thế nào là …?' does not
    ("Hội đồng bình chọn cấp huyện có bao nhiêu thành viên?", "Thế cấp tỉnh thì sao?",
     "Hội đồng bình chọn cấp tỉnh có bao nhiêu thành viên?"),
    ("Hội đồng bình chọn cấp huyện có bao nhiêu thành viên?", "Thế nào là sản phẩm tiêu biểu?",
     "Thế nào là sản phẩm tiêu biểu?"),
    # 'Thể lệ', 'Thẻ' and English 'The' fold to 'the' as 'Thế' does: they open no continuation
    ("Mức hỗ trợ đào tạo nghề là bao nhiêu?", "Thể lệ bình chọn sản phẩm tiêu biểu gồm những gì?",
     "Thể lệ bình chọn sản phẩm tiêu biểu gồm những gì?"),
    ("Mức hỗ trợ đào tạo nghề là bao nhiêu?", "The maximum support for a brand is how much?",
     "The maximum support for a brand is how much?"),
    # the subject ends where the question asks ('bao lâu …'), which the new subject keeps
    ("Bình chọn cấp huyện, cấp tỉnh bao lâu tổ chức một lần?", "Thế còn cấp khu vực với cấp quốc gia thì sao?",
     "Bình chọn cấp khu vực với cấp quốc gia bao lâu tổ chức một lần?"),
    # 'khắc gỗ' is no 'khác'
    ("Những đề án khuyến công quốc gia nào phải thực hiện theo Luật Đấu thầu?",
     "Còn xưởng khắc gỗ thì làm theo cách nào?", "xưởng khắc gỗ thì làm theo cách nào?"),
    # 'các đề án khác' are the others of what was asked: read in its topic
    ("Những đề án khuyến công quốc gia nào phải thực hiện theo Luật Đấu thầu?",
     "Còn các đề án khác thì thực hiện theo cách nào?",
     "các đề án còn lại thì thực hiện theo cách nào (Những đề án khuyến công quốc gia phải thực hiện theo Luật "
     "Đấu thầu)?"),
    # 'các chức danh khác' in the rules' words: 'các chức danh còn lại'
    ("Giám đốc Trung tâm Khuyến công cấp tỉnh thuộc biên chế gì?", "Còn các chức danh khác thì sao?",
     "Giám đốc Trung tâm Khuyến công cấp tỉnh thuộc biên chế gì — đối với các chức danh còn lại?"),
    # a subject pointing back ('danh sách đó') replaces nothing: it is read in the previous topic
    ("Những đề án khuyến công quốc gia nào phải thực hiện theo Luật Đấu thầu?",
     "Còn các đề án ngoài danh sách đó thì làm theo cách nào?",
     "các đề án ngoài danh sách đó thì làm theo cách nào (Những đề án khuyến công quốc gia phải thực hiện theo Luật "
     "Đấu thầu)?"),
    # a new case put as a condition ('nếu chỉ muốn …') takes the place of the case asked before
    ("Cơ sở tôi muốn mua máy sấy thì nộp hồ sơ ở đâu?", "Còn nếu chỉ muốn thuê tư vấn thì sao?",
     "Cơ sở tôi muốn thuê tư vấn thì nộp hồ sơ ở đâu?"),
    # how its own verb stands ('thì quy định ra sao') is a question of its own, not the previous one's
    ("Trung tâm Khuyến công cấp tỉnh có mấy Phó Giám đốc?", "Vậy còn biên chế của trung tâm thì quy định ra sao?",
     "biên chế của trung tâm thì quy định ra sao?"),
])
def test_continuation_swaps_the_subject_it_replaces(previous, follow_up, expected):
    assert standalone_question(follow_up, [{"role": "user", "content": previous}]) == expected


def test_a_word_folding_like_the_opens_no_continuation():
    from assistant.answer.followup import continues

    assert continues("Thế còn cấp tỉnh thì sao?") and continues("Còn hộ kinh doanh thì sao?")
    assert not continues("Thể lệ bình chọn thế nào?") and not continues("The support level is how much?")


def test_a_follow_up_asking_what_else_besides_carries_the_previous_question():
    history = [{"role": "user", "content": "Sản phẩm được cấp Giấy chứng nhận thì có được in logo lên bao bì không?"},
               {"role": "assistant", "content": "Có. …"}]
    rewritten = standalone_question("Ngoài in logo ra thì còn được hưởng gì nữa không?", history)
    assert rewritten.endswith("(Sản phẩm được cấp Giấy chứng nhận thì có được in logo lên bao bì)?")


def test_a_third_turn_reads_the_second_as_it_was_understood():
    history = [{"role": "user", "content": "Hội đồng bình chọn cấp quốc gia có bao nhiêu thành viên?"},
               {"role": "assistant", "content": "Hội đồng bình chọn cấp quốc gia có 11 hoặc 13 thành viên [1]."},
               {"role": "user", "content": "Còn cấp tỉnh thì sao?"},
               {"role": "assistant", "content": "Hội đồng bình chọn cấp tỉnh có 07 hoặc 09 thành viên [1]."}]
    chair = standalone_question("Ai làm chủ tịch?", history)
    assert "Hội đồng bình chọn cấp tỉnh" in chair and "Còn cấp tỉnh" not in chair
    history += [{"role": "user", "content": "Ai làm chủ tịch?"}, {"role": "assistant", "content": "…"}]
    # the office named narrows the one asked before: 'phó chủ tịch' in place of 'chủ tịch'
    assert standalone_question("Còn phó chủ tịch?", history).startswith("Ai làm phó chủ tịch (Hội đồng bình chọn cấp "
                                                                       "tỉnh")


def test_the_third_turn_of_a_conversation_is_answered_about_the_second(answerer):
    history = [{"role": "user", "content": "Hội đồng bình chọn cấp quốc gia có bao nhiêu thành viên?"},
               {"role": "assistant", "content": "…"}, {"role": "user", "content": "Còn cấp tỉnh thì sao?"},
               {"role": "assistant", "content": "…"}]
    answer = answerer.ask("Ai làm chủ tịch?", history)
    assert not answer.refused and "đại diện Lãnh đạo Ủy ban nhân dân cấp tỉnh" in answer.lead


@pytest.mark.parametrize(("question", "opening"), [
    ("Can a large company get khuyến công support?", "Không. Doanh nghiệp lớn không thuộc đối tượng"),
    ("Can a household business in a commune get industrial promotion support?", "Có, nếu ngành nghề"),
])
def test_an_english_eligibility_question_gets_the_verdict(answerer, question, opening):
    assert answerer.ask(question).lead.startswith(opening)


def test_an_unaccented_list_question_names_no_pottery_trade():
    # 'gom những gì' is 'gồm' (comprises) without its accents; 'gốm' (pottery) is a trade
    assert "trade_group" not in analyze("ho so thanh quyet toan de an khuyen cong quoc gia gom nhung gi").slots
    assert analyze("xuong gom o xa co duoc ho tro khong").slots["trade_group"] == "dd"


def test_an_eligibility_question_naming_no_trade_asks_for_the_place_without_quoting_itself(answerer):
    answer = answerer.ask("Are household businesses eligible for industrial promotion support?")
    assert "Ngành nghề" not in answer.lead and answer.lead.endswith("hay ở phường?")
    sewing = answerer.ask("Cơ sở may của tôi có được hỗ trợ khuyến công không?")
    assert "nhóm b) Điều 5" in sewing.lead  # the trade it names is placed, then the place is asked


def test_a_follow_up_pointing_back_carries_the_previous_topic_as_one_question():
    history = [{"role": "user", "content": "Cơ sở di dời vào cụm công nghiệp được hỗ trợ lãi suất bao nhiêu?"}]
    rewritten = standalone_question("Vậy muốn tạm ứng khoản tiền đó thì phải nộp những chứng từ gì?", history)
    assert rewritten == ("Vậy muốn tạm ứng khoản tiền đó thì phải nộp những chứng từ gì (Cơ sở di dời vào cụm công "
                         "nghiệp được hỗ trợ lãi suất)?")


@pytest.mark.parametrize("previous, follow_up, expected", [
    ("Cơ sở di dời vào cụm công nghiệp được hỗ trợ lãi suất bao nhiêu?",
     "Vậy muốn tạm ứng khoản hỗ trợ đó thì phải nộp những chứng từ gì?",
     "Vậy muốn tạm ứng khoản hỗ trợ lãi suất thì phải nộp những chứng từ gì?"),
    ("Sản phẩm của tôi được chấm bình quân 75 điểm thì có được cấp giấy chứng nhận sản phẩm công nghiệp nông thôn "
     "tiêu biểu không?", "Thế giấy chứng nhận đó dùng được đến bao giờ?",
     "Thế giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu dùng được đến bao giờ?"),
])
def test_a_thing_pointed_at_is_named_as_the_previous_question_named_it(previous, follow_up, expected):
    assert standalone_question(follow_up, [{"role": "user", "content": previous}]) == expected


def test_a_follow_up_asking_how_soon_a_reply_comes_carries_the_complaint_it_is_about(answerer):
    history = [{"role": "user", "content": "Sản phẩm của cơ sở tôi bị loại ở vòng bình chọn sản phẩm CNNT tiêu biểu "
                                           "cấp tỉnh, tôi có được khiếu nại không?"},
               {"role": "assistant", "content": "Được."}]
    answer = answerer.ask("Nếu khiếu nại rồi thì hội đồng phải trả lời trong bao lâu?", history)
    assert not answer.refused and "10 (mười) ngày làm việc" in answer.lead


def test_the_topic_carried_into_a_follow_up_loses_what_the_previous_question_asked():
    history = [{"role": "user", "content": "Giấy chứng nhận sản phẩm tiêu biểu có hiệu lực bao lâu?"}]
    rewritten = standalone_question("Trong thời gian đó cơ sở được hưởng những quyền lợi gì?", history)
    assert "bao lâu" not in rewritten and "Giấy chứng nhận sản phẩm tiêu biểu có hiệu lực" in rewritten


def test_units_keep_support_levels_and_conditions_with_their_sentence():
    from assistant.answer.evidence import split_units

    point = "k) Chi xây dựng chương trình truyền hình. " + "Mức chi thực hiện theo hợp đồng, đấu thầu. " * 8
    assert split_units(point) == (point.strip(),)  # a điểm stays whole: its second sentence is the level
    prose = ("Nội dung dài về hỗ trợ mô hình trình diễn kỹ thuật cho cơ sở công nghiệp nông thôn. " * 4
             + "Mức hỗ trợ không quá 100 triệu đồng/mô hình. "
             + "Trường hợp bất khả kháng không hoàn thành đề án. "
             + "Cục Công nghiệp địa phương xem xét quyết toán theo khối lượng công việc đã thực hiện.")
    units = split_units(prose)
    assert any(u.endswith("100 triệu đồng/mô hình.") and u.startswith("Nội dung") for u in units)
    assert units[-1].startswith("Trường hợp bất khả kháng") and units[-1].endswith("đã thực hiện.")
    numbered = "11. Đề án hỗ trợ tham gia hội chợ: " + "Danh sách cơ sở có xác nhận của Sở Công Thương; " * 15
    assert split_units(numbered)[0].startswith("11. Đề án hỗ trợ tham gia hội chợ")  # a number ends no sentence


def test_phrases_not_just_words_keep_a_question_in_scope():
    from assistant.answer.evidence import TermScorer

    passage = ["Hỗ trợ lãi suất vốn vay cho cơ sở di dời; hợp đồng mua máy móc, nhà thầu xây trụ sở xã."]
    assert TermScorer([]).pair_coverage("Lãi suất vay mua nhà ở xã hội bao nhiêu?", passage) < 0.35
    assert TermScorer([]).pair_coverage("Hỗ trợ lãi suất vốn vay cho cơ sở di dời?", passage) == 1.0


@pytest.mark.parametrize("question", [
    "Giá vàng SJC hôm nay bao nhiêu?",
    "Cách nấu phở bò ngon",
    "Who won the world cup 2022?",
    "Kế hoạch khuyến công của tỉnh Đà Nẵng năm 2024 là gì?",
    "Mức hỗ trợ khuyến công của tỉnh Bắc Ninh năm 2025",
    "Nghị định 235/2025/NĐ-CP sửa đổi những gì?",
    "Thủ tục đăng ký kết hôn với người nước ngoài",
    "Mức lương tối thiểu vùng năm 2025 là bao nhiêu?",
    "What is the price of gold today?",
    "Kế hoạch khuyến công của Yên Bái năm 2024 hỗ trợ bao nhiêu cơ sở?",
    "Kinh phí khuyến công năm 2023 của thành phố Cần Thơ là bao nhiêu?",
    # a passage names khuyến nông among the programmes funds come from; it says nothing of khuyến nông itself
    "Chương trình khuyến nông hỗ trợ mua giống cho nông dân bao nhiêu phần trăm?",
    "Năm 2017 khuyến công quốc gia đã hỗ trợ bao nhiêu gian hàng hội chợ?",
    # near-domain: land-use conversion and the state's artisan titles are other laws' business
    "Thủ tục xin chuyển mục đích sử dụng đất nông nghiệp để làm xưởng gồm những bước nào?",
    "Muốn được xét tặng danh hiệu Nghệ nhân nhân dân thì hồ sơ gồm những gì?",
    # OCOP's star ranks are another programme's; the corpus only names OCOP products on display
    "Sản phẩm OCOP được xếp hạng sao theo những tiêu chí nào?",
    "What is the OCOP star rating of a product scoring 75 points?",
    "Muốn đạt OCOP 4 sao thì sản phẩm cần bao nhiêu điểm?",
    # export paperwork: the corpus supports fairs abroad, not certificates of origin
    "What documents do I need to obtain a certificate of origin (C/O) to export rattan furniture to the EU?",
    "Xin giấy chứng nhận xuất xứ hàng hóa để xuất khẩu mây tre sang EU cần hồ sơ gì?",
    # building permits are the construction law's
    "How long does it take to get a building permit for a new weaving workshop in a rural commune?",
    # taxes and insurance asked in English, in words of the corpus's domain ('handicraft', 'cooperative')
    "What VAT rate applies to exported handicraft products made by a rural cooperative?",
    "Is a rural cooperative making handicrafts entitled to health insurance for its workers?",
    "How do we claim a VAT refund on rattan baskets our cooperative exports?",
    "How much is the land rent per square metre in an industrial cluster?",
    "xuat khau hang may tre thi thue suat la bao nhieu %?",
    # the social-policy bank's loans to poor households: the corpus only subsidises interest on commercial loans
    "What is the maximum loan amount a poor household can borrow from the Vietnam Bank for Social Policies?",
    "Hộ nghèo làm nghề đan lát ở xã được vay vốn ưu đãi tối đa bao nhiêu?",
    # chat shorthand for another law's topic ('bhxh' is bảo hiểm xã hội)
    "xưởng e có 12 công nhân thì cty phải đóng bhxh bắt buộc cho họ bao nhiêu % lương vậy mn?",
    # voluntary social insurance and a household's lump-sum tax, in words the corpus has for other things
    "Lao động làm việc ở làng nghề tham gia bảo hiểm xã hội tự nguyện thì nhà nước hỗ trợ mức đóng bao nhiêu?",
    "Hộ kinh doanh làm đồ mộc ở nông thôn phải nộp thuế khoán theo tỷ lệ bao nhiêu phần trăm doanh thu?",
])
def test_out_of_scope_is_refused_politely(answerer, question):
    answer = answerer.ask(question)
    assert answer.refused and not answer.citations
    assert answer.answer.startswith("Xin lỗi") and "Nghị định 45/2012/NĐ-CP" in answer.answer


@pytest.mark.parametrize(("question", "fact"), [
    # where the asker is, however it is said, leaves the national rules to answer
    ("Tôi là chủ nhiệm một hợp tác xã chế biến chè ở một huyện vùng cao của Yên Bái. HTX định mua dây chuyền sấy chè "
     "mới. Nếu xin khuyến công quốc gia hỗ trợ ứng dụng máy móc thì được tối đa bao nhiêu?", "200 triệu đồng"),
    # a year of a stated fact ('được cấp … năm 2023') is not the year asked about
    ("Cơ sở của tôi ở Bắc Ninh có sản phẩm được cấp giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh "
     "năm 2023. Hồ sơ bình chọn cấp khu vực cần những gì?", "Hồ sơ đăng ký bình chọn cấp khu vực"),
    # the year is written in the passage before the results it heads
    ("Năm 2022 khuyến công quốc gia đã hỗ trợ bao nhiêu gian hàng hội chợ?", "2022"),
    # 'ở Yên Bái' right after what the asker has is where the asker is, though 'khuyến công' comes before it
    ("Đề án khuyến công của tôi ở Yên Bái cần hồ sơ gì?", "Công văn đề nghị"),
    # the province in brackets after the district is where the asker is
    ("Nhà tôi là hộ kinh doanh làm đồ gỗ ở huyện Chương Mỹ (Hà Nội), định mua máy CNC mới. Nếu xin kinh phí khuyến "
     "công quốc gia thì được hỗ trợ tối đa bao nhiêu?", "200 triệu đồng"),
    # khuyến nông named beside the ministry's own programme: a khuyến công question
    ("Cơ sở đã nhận hỗ trợ khuyến nông thì có được nhận thêm hỗ trợ từ chương trình của Bộ Công Thương không?", ""),
    # a tea roaster ('máy sao chè') folds like OCOP's 'mấy sao'
    ("Xưởng chè của tôi ở xã muốn mua máy sao chè mới thì khuyến công hỗ trợ bao nhiêu?", "200 triệu đồng"),
    # a ward converted from a commune is a place the rules count apart, in whatever everyday words
    ("Khi xác định một phường mới chuyển từ xã lên đã quá 5 năm hay chưa thì tính từ mốc nào đến mốc nào?",
     "31 tháng 12 của năm trước liền kề"),
])
def test_a_place_or_year_the_question_states_does_not_refuse_it(answerer, question, fact):
    answer = answerer.ask(question)
    assert not answer.refused and fact in answer.lead + " ".join(c.text for c in answer.citations)


def test_a_ward_converted_from_a_commune_is_a_stated_fact():
    assert analyze("Phường mới được chuyển từ xã lên thì tính thế nào?").slots.get("ward_from_commune")
    assert analyze("xa toi vua len phuong nam ngoai").slots.get("ward_from_commune")
    assert not analyze("Cơ sở ở phường thì có được hỗ trợ không?").slots.get("ward_from_commune")


def test_api_ask_contract_and_stream(client):
    body = {"question": "Điều kiện để được hỗ trợ kinh phí khuyến công là gì?", "history": []}
    answer = client.post("/api/ask", json=body).json()
    assert set(answer) == {"answer", "refused", "lead", "quotes", "citations", "warnings", "standalone_question",
                           "intent", "timings_ms"}
    assert answer["answer"].startswith(answer["lead"]) and "\n" not in answer["lead"]
    assert set(answer["intent"]) == {"type", "focus", "slots"} and answer["intent"]["type"] == "criteria"
    assert set(answer["citations"][0]) == {"n", "chunk_id", "doc_id", "title", "number", "locator", "text", "score",
                                           "status", "source", "issued", "effective"}
    with client.stream("POST", "/api/ask/stream", json=body) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        payload = "".join(response.iter_text())
    assert payload.count("event: delta") >= 1 and payload.rstrip().split("\n")[-2] == "event: done"
    assert answer["answer"].splitlines()[0] in payload


@pytest.mark.parametrize("body", [
    {"question": ""}, {"question": "x" * 2001}, {"question": 5},
    {"question": "a", "history": [{"role": "system", "content": "x"}]},
    {"question": "a", "history": [{"role": "user", "content": "x"}] * 21},
])
def test_bad_ask_bodies_are_422_with_an_error_message(client, body):
    response = client.post("/api/ask", json=body)
    assert response.status_code == 422
    assert response.json()["error"].split(":")[0] in ("question", "history", "history.0.role")


@pytest.mark.parametrize(("raw", "message"), [
    (b"{not json", "JSON hợp lệ"), (b"[1, 2]", "đối tượng JSON"), (b"", "thiếu thân yêu cầu"),
])
def test_malformed_json_is_a_clear_422(client, raw, message):
    response = client.post("/api/ask", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 422 and message in response.json()["error"]
    assert response.json()["error"].startswith("yêu cầu:")


def test_documents_listing_and_reading_by_article(client):
    listing = client.get("/api/documents").json()["documents"]
    decree = next(d for d in listing if d["doc_id"] == "nd-45-2012")
    assert decree["status"] == "amended" and decree["status_label"] == "đã được sửa đổi"
    document = client.get("/api/documents/nd-45-2012").json()
    assert document["parts"][0]["locator"] == "Điều 1" and len(document["parts"]) >= 19
    for bad in ("..%2F..%2Fetc%2Fpasswd", "khong-co", "A" * 300):
        response = client.get(f"/api/documents/{bad}")
        assert response.status_code == 404 and response.json()["error"].startswith(("Không có văn bản", "Không tìm"))
    assert client.get("/api/khong-ton-tai").json() == {"error": "Không tìm thấy đường dẫn /api/khong-ton-tai"}
    assert client.get("/api/ask").status_code == 405 and "GET" in client.get("/api/ask").json()["error"]


def test_english_question_gets_an_english_lead_and_vietnamese_quote(answerer):
    answer = answerer.ask("What are the conditions to receive industrial promotion funding?")
    assert not answer.refused
    assert answer.answer.startswith("According to Điều 7 Thông tư liên tịch 26/2014/TTLT-BTC-BCT")
    assert "Điều kiện để các tổ chức, cá nhân được hỗ trợ kinh phí khuyến công" in answer.answer


def test_unaccented_question_is_answered_like_the_accented_one(answerer):
    accented = answerer.ask("Cộng tác viên khuyến công được hưởng thù lao do ai quy định?")
    unaccented = answerer.ask("cong tac vien khuyen cong duoc huong thu lao do ai quy dinh")
    assert accented.citations[0].chunk_id == unaccented.citations[0].chunk_id == "nd-45-2012#d10"
    assert "Chủ tịch Ủy ban nhân dân cấp tỉnh" in unaccented.answer


def test_a_continuation_asking_its_own_question_swaps_only_the_subject():
    history = [{"role": "user", "content": "Hội đồng bình chọn cấp tỉnh có bao nhiêu thành viên?"}]
    assert standalone_question("Còn cấp quốc gia thì ai lập?", history) == "Hội đồng bình chọn cấp quốc gia thì ai lập?"
    assert standalone_question("Còn cấp quốc gia thì sao?", history) == (
        "Hội đồng bình chọn cấp quốc gia có bao nhiêu thành viên?")
    # a new subject opening as the old one does keeps the old one's words up to where they differ
    assert standalone_question("Còn hội đồng cấp quốc gia thì có mấy người, ai lập?", history) == (
        "Hội đồng bình chọn cấp quốc gia thì có mấy người, ai lập?")


@pytest.mark.parametrize(("question", "kind", "number", "year"), [
    ("Under Joint Circular 26/2014, who inspects the funds?", "thong tu lien tich", 26, 2014),
    ("What does Decree 52/2018 cap per project?", "nghi dinh", 52, 2018),
    ("Is Circular 46/2012 still in force?", "thong tu", 46, 2012),
    ("Theo Nghị định 45/2012 thì sao?", "nghi dinh", 45, 2012),
    ("Who signed Official Letter No. 400/CTĐP-QLKC?", "cong van", 400, None),
    ("Is Decision number 2646 in force?", "quyet dinh", 2646, None),
])
def test_documents_are_named_in_english_as_in_vietnamese(question, kind, number, year):
    assert parse_references(question).documents == [DocRef(kind, number, year)]


def test_an_english_question_on_two_parties_shares_gets_both_in_its_first_line(answerer):
    # 'service organisation' and 'managing agency' are named as the corpus names them
    lead = answerer.ask("What share of the annual industrial promotion budget may the managing agency use for "
                        "programme management, and how much can an implementing service organisation spend on "
                        "management of a project?").lead
    assert "1,5%" in lead and "2,5%" in lead


def test_an_english_question_naming_a_document_by_its_number_is_answered_about_it(answerer):
    # 'No.' ends no sentence: the question stays one, asked of the letter it names
    signed = answerer.ask("Who signed Official Letter No. 400/CTĐP-QLKC on the 2024 national industrial promotion "
                          "plan, and on what date?")
    assert "Ngô Quang Trung" in signed.lead and "15/5/2023" in signed.lead
    # 'What is the number and date of the … resolution …?' asks which document
    asked = answerer.ask("What is the number and date of the Phu Tho provincial resolution that sets specific "
                         "spending levels for industrial promotion activities?")
    assert asked.intent["type"] == "document"
    assert asked.lead.startswith("Nghị quyết 23/2025/NQ-HĐND") and "28 tháng 10 năm 2025" in asked.lead


def test_a_programme_named_like_a_document_number_is_no_document():
    assert parse_references("Cơ sở ở huyện nghèo theo Nghị quyết 30a có được ưu tiên không?").documents == []
    assert parse_references("Nghị quyết 23 quy định gì?").documents == [DocRef("nghi quyet", 23, None)]


@require_corpus()
def test_a_question_naming_the_poor_districts_programme_is_answered(answerer):
    answer = answerer.ask("Năm nay tỉnh có một đề án của cơ sở ở huyện nghèo theo Nghị quyết 30a. Khi phân bổ kinh "
                          "phí theo địa bàn thì đề án đó có được xét ưu tiên không?")
    assert not answer.refused  # it was refused: "văn bản số 30 chưa có trong kho"
    assert "chưa có trong kho" not in answer.answer


@pytest.mark.parametrize(("question", "terms"), [
    ("Who directly manages the provincial Consulting Centre, and which agency gives it professional guidance?",
     ["quản lý trực tiếp", "hướng dẫn về chuyên môn, nghiệp vụ"]),
    ("Must the judging panel have an odd number of members, and does it decide by majority?",
     ["Ban Giám khảo", "số lẻ", "đa số"]),
    ("If two projects have the same conditions and the same trade, which gets priority?",
     ["điều kiện như nhau", "ngành nghề như nhau", "ưu tiên"]),
    # a phrase is read around the Vietnamese gloss written inside it
    ("What is the maximum advance for an industrial promotion (khuyến công) project?", ["đề án khuyến công"]),
    # a scheme is an 'đề án'; 'national industrial promotion programme' is the programme's name, read as one
    ("Who manages national industrial promotion schemes?", ["đề án khuyến công quốc gia"]),
    ("Who approved the national industrial promotion programme for 2026-2030?", ["Chương trình khuyến công quốc gia"]),
    ("Who approves local industrial promotion programmes?", ["chương trình khuyến công địa phương"]),
    ("Who drafts the national industrial promotion plans?", ["kế hoạch khuyến công quốc gia"]),
])
def test_english_phrases_are_put_into_the_corpus_words(question, terms):
    expanded = expand_english(question)
    assert all(term in expanded for term in terms), expanded


def test_an_english_question_with_common_words_is_read_as_english():
    question = "Under Joint Circular 26/2014, who must carry out inspections of how khuyến công funds are managed?"
    assert is_english(question)
    assert "kiểm tra" in expand_english(question) and "kinh phí" in expand_english(question)


@require_corpus()
def test_results_of_implementing_a_decree_come_from_the_reports_not_the_decree(answerer):
    answer = answerer.ask("Sau 10 năm thực hiện Nghị định 45, Hà Nội đã tổ chức bao nhiêu lớp truyền nghề?")
    # the report's count of that kind ('625 lớp truyền nghề'), not its '137 lớp tập huấn'
    assert answer.citations[0].doc_id != "nd-45-2012" and "625 lớp truyền nghề" in answer.lead
    chatty = answerer.ask("10 năm làm khuyến công theo nghị định 45 thì hn mở dc bao nhiu lớp truyền nghề")
    assert chatty.citations[0].doc_id != "nd-45-2012"  # years of work under it: what was done, not its text
    duties = answerer.ask("Trách nhiệm thực hiện Nghị định 45/2012 của Sở Công Thương là gì?")
    assert duties.citations[0].doc_id == "nd-45-2012"  # the decree's own text answers what it asks of whom



def test_english_words_of_the_domain_carry_the_corpus_terms():
    from assistant.search.glossary import expand_english

    expanded = expand_english("Who carries out periodic and ad-hoc inspections of khuyến công programmes?")
    assert "định kỳ" in expanded and "đột xuất" in expanded and "chương trình" in expanded
    assert expand_english("Hộ kinh doanh ở xã có được hỗ trợ không?") == "Hộ kinh doanh ở xã có được hỗ trợ không?"


def test_an_english_question_in_the_domain_vocabulary_finds_its_rule(answerer):
    """'levels' is 'cấp', 'State Treasury' is 'Kho bạc nhà nước': words the short list of common phrases lacked."""
    levels = answerer.ask("At how many levels is the selection of typical rural industrial products organized?")
    assert "4 (bốn) cấp" in levels.lead
    treasury = answerer.ask("Which body controls payments for each khuyến công task through the State Treasury?")
    assert "Kho bạc nhà nước" in treasury.lead


@require_corpus()
def test_a_year_s_results_are_found_under_the_line_that_introduces_them(answerer):
    """The news piece on 2024's orientation lists 2022's results after 'Một số kết quả … năm 2022:'."""
    answer = answerer.ask("Under the 2022 national industrial promotion plan, how many fair booths were supported?")
    assert "1.850 gian hàng" in answer.lead


def test_a_continuation_pointing_at_a_decision_asks_of_the_one_named_before():
    history = [{"role": "user", "content": "Quyết định 2646/QĐ-BCT của Bộ Công Thương ban hành nội dung gì?"},
               {"role": "assistant", "content": "Theo Điều 1 Quyết định 2646/QĐ-BCT, Quyết định ban hành kèm theo "
                                                "Chương trình khuyến công quốc gia giai đoạn 2026 - 2030."}]
    assert standalone_question("Thế quyết định này có hiệu lực từ lúc nào?", history) == \
        "Quyết định 2646/QĐ-BCT có hiệu lực từ lúc nào?"
    assert standalone_question("Còn văn bản đó do ai ký?", history) == "Quyết định 2646/QĐ-BCT do ai ký?"


@require_corpus()
def test_land_the_corpus_speaks_of_is_not_refused_in_english(answerer):
    # Nghị định 52/2018 gives priority in leasing land ('thuê đất'); only the land's rent is another law's topic
    answer = answerer.ask("Under Decree 52/2018, where do rural-trade projects with strict pollution-treatment "
                          "requirements get priority land lease?")
    assert not answer.refused and "52/2018" in answer.lead
