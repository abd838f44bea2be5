"""The lead that answers: questions of several parts, the sentence that answers a restated condition, the list a
question names inside a passage, inline lists told by their items."""

import os
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest

from assistant.answer import compose, evidence, lists
from assistant.answer.answerer import _CITES, Answerer, ranked_type
from assistant.answer.caps import asked_time, beyond_cap
from assistant.answer.evidence import (
    Evidence,
    TermScorer,
    asked_acts,
    asked_choice,
    asked_holder,
    asked_measure,
    asked_nouns,
    asked_objects,
    content_terms,
    counted_nouns,
    holds_duty,
    names_doer,
    picks_one,
    says_something,
    typed_near,
    values_of,
)
from assistant.answer.followup import standalone_question
from assistant.answer.parts import each_sides, parallel_sides, parts, sides
from assistant.answer.question import (
    analyze,
    asks_list,
    asks_whether,
    asserted,
    asserted_kinds,
    checks_claim,
    defined_term,
)
from assistant.answer.remit import asks_remit
from assistant.answer.validity import replacement_claim
from assistant.config import PROJECT_ROOT
from assistant.documents.units import heading_of
from assistant.domain import definitions
from assistant.search import duties
from assistant.search.glossary import activity_of, expand_query, without_claim_opening
from assistant.search.references import parse_references, titled
from assistant.search.retrieval import Searcher
from assistant.search.shorthand import expand_shorthand
from tests.conftest import require_corpus


@pytest.fixture(scope="module")
def answerer(default_settings):
    return Answerer(Searcher(default_settings))


@pytest.mark.parametrize(("question", "count"), [
    ("Hồ sơ cần gì và bao nhiêu điểm thì đạt?", 2),
    ("Tỉnh Phú Thọ ban hành nghị quyết nào về mức chi khuyến công? Ngày ban hành?", 2),
    ("Ai thẩm định cấp cơ sở và ai thẩm định cấp Bộ?", 2),
    ("Hộ kinh doanh và hợp tác xã ở xã có được hỗ trợ không?", 1),
    ("Mức hỗ trợ tối đa cho mua máy móc là bao nhiêu?", 1),
    ("Trong 10 năm 2012-2022, Hà Nội đã tổ chức bao nhiêu lớp truyền nghề?", 1),
    ("Xưởng mộc của tôi ở xã muốn mua máy thì được hỗ trợ bao nhiêu?", 1),
    ("Khuyến công có hỗ trợ chi phí thành lập doanh nghiệp không, bao nhiêu?", 1),  # how much of what it asks about
    ("Công ty được thưởng bao nhiêu và cái giấy chứng nhận dùng được đến bao giờ?", 2),  # 'bao giờ' asks when
    ("co ho tro lai vay ko, muc bao nhieu", 1),
    # unaccented 'may' asks before what is counted ('may khu vuc'), not before what a machine does
    ("ca nuoc chia thanh may khu vuc, khu vuc phia bac co bao nhieu tinh", 2),
    ("xuong muon mua may cap phoi thi duoc ho tro bao nhieu", 1),
    # 'là số mấy' asks a số hiệu; 'cơ sở mây tre' folds to 'so may' and asks nothing
    ("nghi quyet cua HDND tinh Phu Tho ve muc chi khuyen cong la so may, ban hanh ngay nao", 2),
    ("co so may tre dan, thue tu van thiet ke bao bi thi duoc ho tro bao nhieu", 1),
    ("Có được hỗ trợ không và ai duyệt?", 2),
    ("cần bao nhiêu % hộ làm nghề với phải sản xuất ổn định bao lâu?", 2),  # 'với' before what must be done
    ("Hội đồng làm việc với Sở Công Thương thế nào?", 1),
    ("co so lam viec voi can bo khuyen cong nao?", 1),  # unaccented 'với cán bộ' joins nothing
    # 'chưa ai áp dụng' (nobody yet) states a fact: the sentence holding it asks nothing
    ("Cơ sở ở huyện chưa ai áp dụng công nghệ này, chi phí 2 tỷ đồng. Được hỗ trợ tối đa bao nhiêu?", 1),
    # 'sửa chữa' folds to a closing 'chua' (not yet), which asks only when written 'chưa' or 'chua'
    ("Hợp tác xã muốn sửa chữa, thay mới máy sấy thì được hỗ trợ tối đa bao nhiêu?", 1),
    ("Đề án đã nghiệm thu chưa, khi nào được thanh toán?", 2),
    # 'A hay B' closing a stretch asks which
    ("Tổ trưởng tổ hợp tác là công chức hay viên chức, và ai bổ nhiệm tổ trưởng?", 2),
    ("de an da nghiem thu chua, khi nao duoc thanh toan?", 2),
    # the bound to pass for the share asked is asked of it, in one question
    ("Đề án hỗ trợ hạ tầng được tạm ứng bao nhiêu phần trăm và khi nào mới được tạm ứng?", 1),
    ("de an ho tro ha tang duoc tam ung bao nhieu %, can dieu kien gi", 1),
    ("Đề án được tạm ứng bao nhiêu phần trăm và ai phê duyệt?", 2),
    ("Đề án hạ tầng được tạm ứng lần đầu bao nhiêu và với điều kiện khối lượng thế nào?", 1),
])
def test_a_question_is_cut_into_the_questions_it_asks(question, count):
    assert len(parts(question)) == count


def test_each_part_keeps_the_scene_and_borrows_the_subject():
    first, second = parts("Cơ sở tôi ở xã làm đèn lồng. Hồ sơ cần gì và bao nhiêu điểm thì đạt?")
    assert first.startswith("Cơ sở tôi ở xã làm đèn lồng.") and first.endswith("Hồ sơ cần gì?")
    assert second.startswith("Cơ sở tôi ở xã làm đèn lồng.") and "bao nhiêu điểm thì đạt" in second
    assert "Hồ sơ" in second and "gì" not in second.split("đạt", 1)[1]


def test_a_part_asking_where_to_and_one_opening_with_they_are_parts_of_their_own():
    where, form = parts("Địa phương đăng ký đề án khuyến công quốc gia thì gửi báo cáo đăng ký về đâu và báo cáo "
                        "phải kèm biểu tổng hợp theo mẫu nào?")
    assert where.endswith("gửi báo cáo đăng ký về đâu?") and form.endswith("theo mẫu nào?")
    # 'họ' are what the part before is about, said in full
    _, chosen = parts("Một công ty tư nhân có thể tham gia làm tổ chức dịch vụ khuyến công không? Họ được lựa chọn "
                      "dựa trên tiêu chí gì?")
    assert chosen == ("Một công ty tư nhân có thể tham gia làm tổ chức dịch vụ khuyến công được lựa chọn dựa trên "
                      "tiêu chí gì?")
    assert parts("ho tro may moc bao nhieu va ho so gom gi")[1].startswith("ho tro may moc ho so")
    # 'Họ tên' is a name's field, not 'they'; 'nó' stands for the subject, not what was asked of it
    assert len(parts("Đơn đề nghị gồm những nội dung gì? Họ tên người đại diện có phải ghi không?")[1].split("?")) == 2
    assert parts("Đơn đề nghị gồm những nội dung gì? Họ tên người đại diện có phải ghi không?")[1].startswith("Họ tên")
    assert parts("Trung tâm khuyến công có mấy phó giám đốc? Nó trực thuộc cơ quan nào?")[1] == \
        "Trung tâm khuyến công trực thuộc cơ quan nào?"
    assert len(parts("Ho so gom nhung gi, han nop den dau thang 10?")) == 1  # 'đến đầu tháng', not 'đến đâu'


def test_a_part_opening_with_what_it_asks_borrows_the_subject_before_it():
    members, chair = parts("Hội đồng bình chọn cấp quốc gia gồm bao nhiêu thành viên và ai làm Chủ tịch Hội đồng?")
    assert chair.startswith("Hội đồng bình chọn cấp quốc gia") and chair.endswith("ai làm Chủ tịch Hội đồng?")
    # a part that borrowed lends the same subject on; one with a verb of its own lends its own
    built, approved, proposed = parts("Ở cấp tỉnh, kế hoạch bình chọn do ai xây dựng, ai phê duyệt, và ai trình "
                                      "thành lập Hội đồng bình chọn cấp tỉnh?")
    assert approved == "Ở cấp tỉnh, kế hoạch bình chọn ai phê duyệt?"
    assert proposed.startswith("Ở cấp tỉnh, kế hoạch bình chọn ai trình thành lập")
    *_, deadline = parts("Công ty tôi muốn đầu tư dây chuyền mới. Được hỗ trợ bao nhiêu, nộp hồ sơ cho ai và trước "
                         "ngày nào?")
    assert deadline.endswith("nộp hồ sơ trước ngày nào?")
    _, whom = parts("Trong thời gian giấy còn hạn, HTX phải báo cáo gì và báo cáo cho ai?")
    assert whom == "Trong thời gian giấy còn hạn, HTX phải báo cáo cho ai?"  # the verb it borrows is said once


def test_two_measures_given_one_bound_are_asked_one_by_one():
    share, years = parallel_sides("Để được công nhận làng nghề thì tỷ lệ hộ tham gia ngành nghề nông thôn và thời gian "
                                  "sản xuất ổn định tối thiểu là bao nhiêu?")
    assert share == "Để được công nhận làng nghề thì tỷ lệ hộ tham gia ngành nghề nông thôn tối thiểu là bao nhiêu?"
    assert years == "Để được công nhận làng nghề thì thời gian sản xuất ổn định tối thiểu là bao nhiêu?"
    share, years = parallel_sides("Một thôn muốn được công nhận là làng nghề thì cần đạt tiêu chí gì về tỷ lệ hộ tham "
                                  "gia và thời gian hoạt động?")
    assert share == "Một thôn muốn được công nhận là làng nghề thì tỷ lệ hộ tham gia tối thiểu là bao nhiêu?"
    assert years == "Một thôn muốn được công nhận là làng nghề thì thời gian hoạt động tối thiểu là bao lâu?"
    # what is asked of a measure and of a manner is no pair of bounds
    assert not parallel_sides("Ban Giám khảo có yêu cầu gì về số lượng thành viên và cách kết luận?")
    assert parallel_sides("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp có tối đa bao nhiêu Phó Giám đốc?") \
        == []  # one name


def test_two_subjects_asked_what_each_one_has_are_asked_one_by_one():
    rooms, branch = each_sides("Còn các phòng chuyên môn và chi nhánh của Trung tâm thì mỗi nơi có mấy cấp phó?")
    assert rooms == "Các phòng chuyên môn của Trung tâm có mấy cấp phó?"  # the owner the second one names
    assert branch == "Chi nhánh của Trung tâm có mấy cấp phó?"
    assert each_sides("Trung tâm có mấy phòng và mấy chi nhánh?") == []  # nothing asked of each
    # the last 'và' joins the two; a named body keeps no borrowed owner
    centre, branches = each_sides("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp và các chi nhánh thì mỗi "
                                  "nơi có mấy phó giám đốc?")
    assert centre == "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp có mấy phó giám đốc?"
    assert each_sides("Sở Công Thương và Phòng Kinh tế của huyện thì mỗi cơ quan làm gì?")[0] == \
        "Sở Công Thương làm gì?"


@require_corpus()
def test_what_each_of_two_subjects_has_is_answered_for_both(answerer):
    lead = answerer.ask("Các phòng chuyên môn và chi nhánh của Trung tâm thì mỗi nơi có mấy cấp phó?").lead
    assert "01 Phó Trưởng phòng" in lead and "01 Phó Trưởng Chi nhánh" in lead


def test_a_part_asking_only_a_detail_is_asked_of_what_the_part_before_asks_about():
    how, many, size = parts("đăng ký bình chọn sp cnnt tiêu biểu cấp huyện thì phải nộp ảnh sp thế nào, mấy tấm, "
                            "cỡ bn vậy ạ?")
    assert many == "đăng ký bình chọn sp cnnt tiêu biểu cấp huyện thì phải nộp ảnh sp mấy tấm?"
    assert size.startswith("đăng ký bình chọn sp cnnt tiêu biểu cấp huyện thì phải nộp ảnh sp cỡ")
    assert analyze(many).type == "count"


def test_and_between_capitalised_words_joins_a_name_not_two_parts():
    approve, appraise = parts("What does the Ministry of Industry and Trade approve, and who appraises the schemes?")
    assert approve == "What does the Ministry of Industry and Trade approve?"
    assert "Ministry of Industry and Trade" in appraise and appraise.endswith("who appraises the schemes?")
    status, _ = parts("What is the legal status of a provincial Center for Industrial Promotion and Industrial "
                      "Development Consulting, and which bodies direct it?")
    assert status.endswith("Center for Industrial Promotion and Industrial Development Consulting?")


def test_an_english_question_on_a_property_of_a_thing_asks_no_definition():
    assert analyze("What is the legal status of a provincial Center for Industrial Promotion?").type == "fact"
    assert analyze("What is the meaning of rural industrial establishment?").type == "definition"
    assert analyze("What is a typical rural industrial product?").type == "definition"


def test_a_part_asking_the_rule_on_a_number_borrows_the_subject_and_asks_no_criteria():
    _, members = parts("Ban Giám khảo bình chọn sản phẩm CNNT tiêu biểu do ai thành lập và số lượng thành viên có yêu "
                       "cầu gì?")
    assert members == "Ban Giám khảo bình chọn sản phẩm CNNT tiêu biểu số lượng thành viên có yêu cầu gì?"
    assert analyze(members).type != "criteria"
    assert asked_measure("so thanh vien co quy dinh gi khong?") == "thanh vien"
    assert asked_measure("Số lượng thành viên của Hội đồng có yêu cầu gì?") == ""  # its owner is named


def test_the_rule_on_a_number_asked_in_a_second_part_leads_with_that_number(answerer):
    lead = answerer.ask("ban giam khao binh chon san pham cnnt tieu bieu do ai thanh lap, so thanh vien co quy dinh "
                        "gi khong?").lead
    assert "Chủ tịch Hội đồng bình chọn các cấp thành lập" in lead and "là số lẻ" in lead


def test_a_number_of_times_the_asker_wants_is_checked_against_the_limit(answerer):
    lead = answerer.ask("Công ty nhỏ của tôi làm đồ gỗ xuất khẩu ở Bình Dương, năm nay muốn đi 3 hội chợ ở nước ngoài "
                        "bằng kinh phí khuyến công. Có được hỗ trợ cả 3 lần không?").lead
    assert lead.startswith("Không.") and "không quá 2 lần/năm" in lead


def test_the_date_of_a_document_and_the_text_it_rests_on_are_asked_apart(answerer):
    lead = answerer.ask("Nghị quyết 23/2025/NQ-HĐND tỉnh Phú Thọ ban hành ngày nào và căn cứ thông tư nào của Bộ Tài "
                        "chính?").lead
    assert "28 tháng 10 năm 2025" in lead and "28/2018/TT-BTC" in lead


def test_a_part_opening_with_the_bound_it_asks_borrows_the_subject_before_it():
    _, bound = parts("cơ sở mình năm nay được hỗ trợ đi hội chợ nước ngoài 1 lần rồi, còn được hỗ trợ đi nữa không, "
                     "tối đa mấy lần 1 năm?")
    assert bound == "cơ sở mình năm nay được hỗ trợ đi hội chợ nước ngoài 1 lần rồi tối đa mấy lần 1 năm?"


def test_when_a_named_decision_was_signed_and_on_whose_proposal_are_both_answered(answerer):
    lead = answerer.ask("When was Decision 1288/QĐ-TTg signed, and on whose proposal was it issued?").lead
    assert "01 tháng 08 năm 2014" in lead and "Bộ trưởng Bộ Công Thương" in lead


def test_what_folds_alike_or_looks_alike_is_not_read_as_the_new_cues():
    from assistant.search.glossary import expand_query
    from assistant.search.query import counted_noun
    assert analyze("Thời hạn của chương trình khuyến công quốc gia là bao lâu?").type == "duration"  # 'trình'
    assert analyze("Hạn mức kinh phí trình Bộ là bao nhiêu?").type == "amount"  # a limit, not a deadline
    assert asked_measure("Cơ sở hộ gia đình có yêu cầu gì để được hỗ trợ?") == ""  # 'cơ sở hộ', no 'số hộ'
    assert analyze("Cơ sở hộ gia đình có yêu cầu gì để được hỗ trợ?").type == "criteria"
    _, filed = parts("Hồ sơ đề án khuyến công nộp ở đâu, tôi đã nộp cho UBND huyện thì có được không?")
    assert filed.startswith("tôi đã nộp")  # 'tôi đã' folds like 'tối đa'
    assert expand_shorthand("Cơ sở mình có đủ đk tham gia không?") == "Cơ sở mình có đủ điều kiện tham gia không?"
    assert expand_query("Báo cáo định kỳ gồm những nội dung gì?") == "Báo cáo định kỳ gồm những nội dung gì?"
    assert counted_noun("Tôi đã đi hội chợ cả 3 lần, hồ sơ thanh toán gồm những gì?") == ""  # told, not asked
    assert len(parts("Which body approves the National Plan and Who signs the Decision?")) == 2
    _, entered = parts("At how many levels is the selection of typical rural industrial products organized, and can "
                       "the same product be entered in several selection rounds?")
    assert entered == "can the same product be entered in several selection rounds?"  # English 'can', not 'cần'


def test_a_line_that_only_opens_the_paragraphs_after_it_is_no_lead(answerer):
    lead = answerer.ask("Năm 2022 khuyến công quốc gia đạt kết quả nổi bật gì về gian hàng hội chợ và máy móc thiết "
                        "bị?").lead
    assert "1.850 gian hàng" in lead and not lead.startswith("Một số kết quả nổi bật")


def test_a_part_asking_by_which_body_borrows_the_case_before_it():
    _, body = parts("Nếu đi tiếp lên cấp khu vực thì thuộc khu vực nào và do cơ quan nào chủ trì tổ chức?")
    assert body == "Nếu đi tiếp lên cấp khu vực do cơ quan nào chủ trì tổ chức?"


def test_the_sentence_that_answers_a_restated_condition_follows_it():
    unit = ("4. Trường hợp không hoàn thành các yêu cầu về mục tiêu, nội dung, kết quả, thời gian thực hiện của hợp "
            "đồng thực hiện đề án vì lý do bất khả kháng. Cục Công nghiệp địa phương xem xét quyết toán theo khối "
            "lượng công việc đã thực hiện. Hồ sơ để thanh lý, quyết toán hợp đồng trong trường hợp này gồm: Văn bản "
            "giải trình của đơn vị thực hiện đề án; biên bản nghiệm thu xác nhận khối lượng đã thực hiện.")
    clause = compose.clause_for(unit, "fact", "Trường hợp bất khả kháng không hoàn thành đề án quyết toán")
    assert "bất khả kháng" in clause and "khối lượng công việc đã thực hiện" in clause
    assert len(clause) <= compose.LEAD_CHARS + 2


def test_rare_terms_weigh_more_when_choosing_the_sentence():
    unit = ("2. Ban Giám khảo gồm có Trưởng ban, Phó Trưởng ban và các thành viên. Số lượng thành viên của Ban Giám "
            "khảo là số lẻ. Thành viên của Ban Giám khảo là các nhà khoa học, chuyên gia, cán bộ quản lý, người có "
            "chuyên môn, kinh nghiệm thuộc lĩnh vực, ngành nghề liên quan đến các nhóm sản phẩm đăng ký tham gia "
            "bình chọn. Thành viên của Ban Giám khảo có thể là thành viên của Hội đồng bình chọn.")
    rare = {"le": 5.0, "chan": 5.0}
    clause = compose.clause_for(unit, "fact", "Ban Giám khảo có số thành viên chẵn hay lẻ",
                                weight=lambda term: rare.get(term, 1.0))
    assert "số lẻ" in clause


def test_an_inline_list_is_told_by_its_items():
    unit = ("1. Đề án tổ chức đào tạo nghề, truyền nghề, hồ sơ gồm: Quyết định cấp chứng chỉ hoặc chứng nhận; danh "
            "sách học viên được cấp chứng chỉ hoặc chứng nhận (có chữ ký của học viên); danh sách lao động được sử "
            "dụng sau đào tạo (có xác nhận của cơ sở công nghiệp nông thôn sử dụng lao động và đơn vị thực hiện đề "
            "án); hóa đơn chứng từ thanh toán hoặc danh sách ký nhận tiền ăn, tiền đi lại của học viên (nếu có).")
    clause = compose.clause_for(unit, "list", "hồ sơ đào tạo nghề")
    assert clause.startswith("Đề án tổ chức đào tạo nghề, truyền nghề, hồ sơ gồm: Quyết định cấp chứng chỉ")
    assert "danh sách học viên" in clause and "danh sách lao động" in clause
    assert len(clause) <= compose.LEAD_CHARS


def test_what_a_long_opening_includes_is_shown_whole():
    unit = ("a) Chi hỗ trợ thành lập doanh nghiệp sản xuất công nghiệp nông thôn tại các địa bàn có điều kiện kinh "
            "tế - xã hội khó khăn và đặc biệt khó khăn theo quy định của pháp luật, bao gồm: Hoàn thiện kế hoạch "
            "kinh doanh khả thi; dự án thành lập doanh nghiệp và chi phí liên quan đến đăng ký thành lập doanh "
            "nghiệp. Mức hỗ trợ không quá 10 triệu đồng/doanh nghiệp;")
    clause = compose.clause_for(unit, "list", "chi phí thành lập doanh nghiệp", limit=200)
    assert clause.startswith("Chi hỗ trợ thành lập") and " … bao gồm: Hoàn thiện kế hoạch kinh doanh khả thi;" in clause
    assert clause.endswith("chi phí liên quan đến đăng ký thành lập doanh nghiệp") and len(clause) <= 200


def test_the_list_a_question_names_is_chosen_inside_its_passage():
    text = ("1. Kinh phí khuyến công quốc gia được hình thành từ các nguồn sau:\n"
            "a) Ngân sách nhà nước cấp hàng năm theo kế hoạch.\n"
            "b) Tài trợ và đóng góp của các tổ chức, cá nhân trong và ngoài nước.\n"
            "2. Kinh phí khuyến công quốc gia được sử dụng cho mục đích sau:\n"
            "a) Chi cho hoạt động khuyến công quốc gia theo các nội dung quy định tại Điều 4 Nghị định này.\n"
            "b) Các khoản chi khác phục vụ hoạt động khuyến công quốc gia.")
    used = lists.best_group(text, "Kinh phí khuyến công quốc gia", "Kinh phí được sử dụng cho mục đích",
                              lambda term: 1.0)
    sources = lists.best_group(text, "Kinh phí khuyến công quốc gia", "Kinh phí hình thành từ nguồn",
                                 lambda term: 1.0)
    assert used[1][0].startswith("a) Chi cho hoạt động") and len(used[1]) == 2
    assert sources[1][0].startswith("a) Ngân sách nhà nước")


def test_the_list_whose_items_are_each_the_kind_asked_is_chosen():
    text = ("10. Thực hiện các hoạt động tư vấn phát triển công nghiệp và thương mại ở địa phương:\n"
            "a) Tư vấn lập dự án: quy hoạch phát triển công nghiệp; quy hoạch khu, cụm công nghiệp; "
            "quy hoạch điện lực; quy hoạch thương mại của địa phương;\n"
            "b) Tư vấn đầu tư xây dựng các công trình công nghiệp, thương mại và công trình dân dụng;\n"
            "c) Tư vấn về khai thác, chế biến khoáng sản.")
    noun = lists.bare_noun(lists.listed_noun("Trung tâm được tư vấn lập những loại quy hoạch nào?"))
    assert noun == "quy hoach"
    intro, items = lists.best_group(text, "Nhiệm vụ", "Trung tâm", lambda term: 1.0, noun)
    assert intro == "Tư vấn lập dự án:" and items[2] == "quy hoạch điện lực"
    assert lists.best_group(text, "Nhiệm vụ", "Trung tâm", lambda term: 1.0)[0].startswith("Nhiệm vụ")  # no noun
    assert not lists.items_name(items[:2], noun)  # two items are no list


@require_corpus()
def test_a_question_listing_kinds_of_plans_is_answered_by_the_plans(answerer):
    reply = answerer.ask("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp cấp tỉnh được tư vấn lập những loại "
                         "quy hoạch nào?")
    assert "quy hoạch điện lực; quy hoạch thương mại" in reply.lead.splitlines()[0]


@pytest.mark.parametrize(("question", "expected"), [
    ("Giám đốc Trung tâm thuộc biên chế gì?", "bien che"),
    ("thực hiện thông qua những hình thức nào?", "hinh thuc"),
    ("UBND tỉnh báo cáo theo định kỳ nào?", "dinh ky"),
    ("Cơ quan nào phê duyệt?", ""),  # what kind of answer, not what it says
    ("Được hỗ trợ những gì?", ""),
    ("Còn cần thêm điều kiện gì nữa?", ""),
    ("Thủ tục thực hiện như thế nào?", ""),  # asking words, not a noun
    ("Hồ sơ được nộp khi nào?", ""),
    ("Theo Quyết định nào?", ""),
    # the aspect a question (or a comparison's side) ends by naming; a capital after 'về' is a direction
    ("Cấp huyện, cấp tỉnh khác nhau thế nào về định kỳ tổ chức?", "dinh ky"),
    ("căn cứ vào thông tư nào về kinh phí khuyến công?", "kinh phi"),
    ("Sở Công Thương báo cáo về Bộ Công Thương?", ""),
    ("Gửi hồ sơ về đâu?", ""),
    ("So sánh về mức hỗ trợ", ""),
])
def test_the_noun_a_what_question_asks_for(question, expected):
    assert evidence.asked_noun(question) == expected


@require_corpus()
def test_the_unit_naming_what_is_asked_for_leads(answerer):
    reply = answerer.ask("Giám đốc Trung tâm Khuyến công và Tư vấn phát triển công nghiệp cấp tỉnh thuộc biên chế gì?")
    assert "biên chế công chức" in reply.lead.split(" [1]")[0]
    period = answerer.ask("UBND cấp tỉnh phải báo cáo Bộ Công Thương về hoạt động khuyến công tại địa phương theo "
                          "định kỳ nào?")
    assert "hàng quý" in period.lead.splitlines()[0]


@require_corpus()
def test_a_named_decree_stating_no_value_yields_to_the_circular_applying_it(answerer):
    """The decree sets the priority and no figure; the joint circular applying its Điều 6 caps it at 1,5 times."""
    reply = answerer.ask("Đối với đề án thuộc địa bàn, ngành nghề được ưu tiên theo Điều 6 Nghị định 45/2012, mức "
                         "kinh phí hỗ trợ ưu tiên được phép cao hơn mức quy định tối đa bao nhiêu?")
    assert "1,5 lần mức hỗ trợ" in reply.lead.splitlines()[0]
    own = answerer.ask("Theo Nghị định 45/2012, kinh phí khuyến công quốc gia được hình thành từ những nguồn nào?")
    assert own.citations[0].chunk_id.startswith("nd-45-2012")  # a named document that answers keeps the answer


def test_an_article_titled_by_the_listed_noun_and_the_questions_words_is_the_list():
    wanted = {"tham", "dinh", "de", "an", "khuyen", "cong", "quoc", "gia", "xem", "xet"}
    assert lists.titled_by("Nội dung thẩm định", "noi dung", wanted)
    assert not lists.titled_by("Nội dung đề án khuyến công quốc gia", "ho so", wanted)  # another noun
    assert not lists.titled_by("Nội dung hỗ trợ", "noi dung", wanted)  # 'hỗ trợ' is not asked
    assert not lists.titled_by("Nội dung", "noi dung", wanted)  # the noun alone names no topic


@require_corpus()
def test_what_an_appraisal_examines_is_listed_from_the_article_titled_so(answerer):
    reply = answerer.ask("Khi thẩm định đề án khuyến công quốc gia, cơ quan thẩm định xem xét những nội dung gì?")
    first = reply.lead.splitlines()[0]
    assert "Năng lực của đơn vị thực hiện" in first and "lồng ghép" in first
    assert reply.citations[0].chunk_id == "tt-36-2013-bct#d9"


def test_a_clause_cut_at_a_semicolon_of_its_enumeration_runs_to_its_sentence_end():
    unit = ("2. Hỗ trợ nâng cao năng lực quản lý doanh nghiệp, nhận thức và năng lực áp dụng sản xuất sạch hơn trong "
            "sản xuất công nghiệp thông qua các hoạt động tư vấn, tập huấn, đào tạo, hội thảo, diễn đàn; tham quan, "
            "khảo sát học tập kinh nghiệm trong và ngoài nước. Hỗ trợ khởi sự, thành lập doanh nghiệp sản xuất công "
            "nghiệp nông thôn. Hỗ trợ mở rộng thị trường tiêu thụ, xuất khẩu sản phẩm công nghiệp nông thôn.")
    clause = compose.clause_for(unit, "list", "Hoạt động hỗ trợ nâng cao năng lực quản lý doanh nghiệp và năng lực "
                                "áp dụng sản xuất sạch hơn thực hiện thông qua hình thức", limit=len(unit) - 40)
    assert "diễn đàn; tham quan, khảo sát học tập kinh nghiệm trong và ngoài nước" in clause
    assert "thành lập doanh nghiệp" not in clause


_CASES = ["4. Đề án hỗ trợ chuyển giao công nghệ tiên tiến: Hợp đồng, biên bản nghiệm thu.",
          "5. Đề án hỗ trợ ứng dụng máy móc tiên tiến: Hợp đồng, biên bản nghiệm thu và thanh lý hợp đồng mua máy móc.",
          "15. Đề án tổ chức các cuộc thi, cuộc vận động: Quyết định thành lập Ban Tổ chức, Ban Giám khảo."]


@pytest.mark.parametrize(("question", "expected"), [
    ("de an to chuc cuoc thi muon tam ung phan con lai can giay to gi", 2),
    ("Đề án ứng dụng máy móc thì cần giấy tờ gì?", 1),
    ("Tạm ứng phần còn lại cần hồ sơ của những đề án nào?", None),  # the whole list is asked
])
def test_the_case_a_question_names_is_picked_from_a_list_of_cases(question, expected):
    assert lists.asked_case(_CASES, question) == expected
    assert lists.asked_case([c.replace(":", ",") for c in _CASES], question) is None  # no cases


@pytest.mark.parametrize(("unit", "expected"), [
    ("Kế hoạch khuyến công quốc gia do Bộ trưởng Bộ Công Thương phê duyệt.", True),
    ("Dự thảo quyết định phê duyệt kế hoạch khuyến công quốc gia của Bộ trưởng Bộ Công Thương.", False),
    ("Ban Giám khảo do Chủ tịch Hội đồng bình chọn các cấp thành lập.", False),  # another act
])
def test_a_unit_naming_the_doer_of_the_asked_act_is_told_apart(unit, expected):
    acts = asked_acts("Kế hoạch khuyến công quốc gia do ai phê duyệt, ở cấp nào?")
    assert acts == ["phe duyet"]  # 'cấp' (a level) is no act
    assert names_doer(unit, acts) is expected


def test_a_unit_opening_with_its_doer_doing_the_asked_act_names_the_doer():
    question = "Ai là người lập biên bản tổng hợp kết quả chấm điểm?"
    acts, objects = asked_acts(question), asked_objects(question)
    assert objects == ["lap bien", "tong hop ket"]
    assert names_doer("Trưởng ban Giám khảo lập biên bản tổng hợp kết quả bình chọn gửi Hội đồng.", acts, objects)
    assert not names_doer("Ban Giám khảo do Chủ tịch Hội đồng bình chọn các cấp thành lập.", acts, objects)  # thành lập


@require_corpus()
def test_each_side_of_a_comparison_is_answered_by_its_own_doer(answerer):
    lead = answerer.ask("Kế hoạch khuyến công quốc gia và kế hoạch khuyến công địa phương khác nhau thế nào về "
                        "người phê duyệt?").lead
    assert "Bộ trưởng Bộ Công Thương" in lead and "Chủ tịch Ủy ban nhân dân cấp tỉnh" in lead


@pytest.mark.parametrize(("question", "expected"), [
    ("de an ho tro lap quy hoach chi tiet cum cong nghiep muon tam ung phan con lai can giay to gi", True),
    ("Đề án ứng dụng máy móc cần giấy tờ gì?", False),  # too little of the heading
    ("Đề án hỗ trợ lập quy hoạch chi tiết cụm công nghiệp gồm những gì?", True),
])
def test_a_case_the_question_names_by_most_of_its_heading(question, expected):
    item = ("13. Đề án hỗ trợ lập quy hoạch chi tiết cụm công nghiệp: Quyết định phê duyệt quy hoạch chi tiết của cơ "
            "quan có thẩm quyền; bảng kê chứng từ thanh toán.")
    assert lists.names_case(question, item) is expected
    assert not lists.names_case(question, "13. Đề án hỗ trợ lập quy hoạch chi tiết cụm công nghiệp:")  # says nothing


def test_an_item_enumerating_what_is_listed_after_a_colon_answers_by_its_enumeration():
    item = ("2. Năng lực của tổ chức dịch vụ khuyến công được cơ quan quản lý chương trình lựa chọn khi đánh giá năng "
            "lực theo một số tiêu chí như: năng lực về nguồn nhân lực, khả năng về tài chính, cơ sở vật chất.")
    told = lists.noun_enumeration(item, lists.listed_noun("Cơ quan đánh giá năng lực theo những tiêu chí nào?"))
    assert told.startswith("…") and told.endswith("năng lực về nguồn nhân lực, khả năng về tài chính, cơ sở vật chất")
    assert lists.noun_enumeration(item, "ho so") is None  # it enumerates criteria, not papers
    heading = "Nội dung và tiến độ: Xác định rõ nội dung công việc cần thực hiện"
    assert lists.noun_enumeration(heading, "noi dung") is None  # a heading names no enumeration


@require_corpus()
def test_a_list_of_cases_is_answered_by_the_case_asked(answerer):
    contest = answerer.ask("de an to chuc cac cuoc thi, cuoc van dong muon tam ung phan con lai can nop giay to gi")
    # after the papers Điều 14's opening asks of every case
    assert "Đề án tổ chức các cuộc thi, cuộc vận động: Quyết định thành lập Ban Tổ chức" in contest.lead
    assert [c.chunk_id for c in contest.citations[:2]] == ["tt-36-2013-bct#d14", "tt-36-2013-bct#d14-k15"]
    plan = answerer.ask("de an ho tro lap quy hoach chi tiet cum cong nghiep muon tam ung phan kinh phi con lai can "
                        "nhung giay to gi")
    assert "Đề án hỗ trợ lập quy hoạch chi tiết cụm công nghiệp: Quyết định phê duyệt quy hoạch" in plan.lead
    assert "100% số kinh phí thực hiện" in plan.lead  # the case's list is shown whole


@require_corpus()
def test_a_question_of_two_parts_gets_both_answers_in_its_first_line(answerer):
    answer = answerer.ask("Hội đồng bình chọn cấp tỉnh có bao nhiêu thành viên và ai quyết định thành lập?")
    assert not answer.refused and "\n" not in answer.lead
    assert "07 hoặc 09 thành viên" in answer.lead
    assert "Chủ tịch Ủy ban nhân dân cấp tỉnh quyết định thành lập" in answer.lead
    assert "::" not in answer.lead
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    assert markers == set(range(1, len(answer.citations) + 1))  # renumbered in order, none dangling


@pytest.mark.parametrize(("question", "labels"), [
    ("Hồ sơ quyết toán khác nhau thế nào giữa đơn vị không lập hóa đơn tài chính và đơn vị có lập hóa đơn tài chính?",
     ["Đơn vị không lập hóa đơn tài chính", "Đơn vị có lập hóa đơn tài chính"]),  # yes and no keep what they qualify
    ("Tiêu chí công nhận làng nghề truyền thống khác gì so với làng nghề thông thường?",
     ["Làng nghề truyền thống", "Làng nghề thông thường"]),
    # what both sides are asked is no part of either label
    ("Kinh phí khuyến công quốc gia và kinh phí khuyến công địa phương gồm những gì, khác nhau ra sao?",
     ["Khuyến công quốc gia", "Khuyến công địa phương"]),
    ("Hội đồng cấp tỉnh và cấp quốc gia khác nhau thế nào?", ["Cấp tỉnh", "Cấp quốc gia"]),
])
def test_a_comparison_s_sides_are_labelled_by_what_tells_them_apart(question, labels):
    from assistant.answer.answerer import _side_labels

    assert _side_labels(sides(question)) == labels


def test_a_lead_drops_the_words_tying_it_to_the_sentence_before():
    assert compose.sentence("Đồng thời, tổ chức 625 lớp truyền nghề;") == "Tổ chức 625 lớp truyền nghề"
    inside = "Tổ chức 47 lớp; đồng thời, hỗ trợ 14 cơ sở"
    assert compose.sentence(inside) == inside


@require_corpus()
def test_a_unit_going_on_from_the_one_before_holds_its_terms(answerer):
    # 'Đồng thời, tổ chức 625 lớp …' follows 'Thống kê kết quả 10 năm … Nghị định số 45 …'; '16 lớp … miền núi'
    # and the 2020 plan's '47 lớp' count the same things without those words
    answer = answerer.ask("Mười năm thực hiện nghị định 45, Hà Nội mở bao nhiêu lớp truyền nghề cho bao nhiêu "
                          "lao động?")
    assert answer.lead.startswith("Tổ chức 625 lớp truyền nghề, nâng cao tay nghề cho gần 22.000 lao động")


@require_corpus()
def test_each_side_s_list_in_a_comparison_says_whose_it_is(answerer):
    answer = answerer.ask("Hồ sơ quyết toán đề án khuyến công quốc gia khác nhau thế nào giữa đơn vị không lập hóa đơn "
                          "tài chính và đơn vị có lập hóa đơn tài chính?")
    first, second = re.split(r"(?<=\]\.) ", answer.lead, maxsplit=1)
    assert first.startswith("Đơn vị không lập hóa đơn tài chính — gồm 4 nội dung: Biên bản nghiệm thu cơ sở")
    assert second.startswith("Đơn vị có lập hóa đơn tài chính — gồm 3 nội dung: Biên bản nghiệm thu cơ sở")
    # parts of a question that compares nothing keep their lists as they are
    answer = answerer.ask("Đề án hỗ trợ thành lập doanh nghiệp được tạm ứng bao nhiêu phần trăm, cần giấy tờ gì?")
    assert " — gồm" not in answer.lead and "Gồm " in answer.lead


@require_corpus()
def test_a_part_leaves_a_unit_the_next_part_names_when_another_answers_it_as_well(answerer):
    # both parts first choose the council's 10 days (the first for its context words); the first has the 15 days of
    # the complaint itself almost as high, so the council's unit goes to the part naming the council
    answer = answerer.ask("Không đồng ý với kết quả bình chọn sản phẩm công nghiệp nông thôn tiêu biểu thì được "
                          "khiếu nại trong bao lâu, và Hội đồng phải giải quyết trong bao lâu?")
    first, second = re.split(r"(?<=\]\.) ", answer.lead, maxsplit=1)
    assert "15 (mười lăm) ngày làm việc" in first and "10 (mười) ngày làm việc" in second
    # each part could do without the council's unit: the one losing less does
    answer = answerer.ask("sp nhà mình bị chấm trượt bình chọn, giờ muốn khiếu nại thì trong bao lâu vậy ad? hội đồng "
                          "bao lâu thì trả lời?")
    first, second = re.split(r"(?<=\]\.) ", answer.lead, maxsplit=1)
    assert "15 (mười lăm) ngày làm việc" in first and "10 (mười) ngày làm việc" in second


def test_a_comparison_is_cut_into_its_two_sides():
    assert sides("So sánh số thành viên Hội đồng bình chọn cấp tỉnh và cấp khu vực") == [
        "số thành viên Hội đồng bình chọn cấp tỉnh?", "số thành viên Hội đồng bình chọn cấp khu vực?"]
    first, second = sides("So sánh mức hỗ trợ mô hình trình diễn với mức hỗ trợ dự án ngành nghề nông thôn")
    assert first.startswith("mức hỗ trợ mô hình trình diễn") and second.startswith("mức hỗ trợ dự án")
    assert sides("Mức hỗ trợ tối đa là bao nhiêu?") == ["Mức hỗ trợ tối đa là bao nhiêu?"]


@pytest.mark.parametrize(("question", "expected"), [
    ("Hội đồng bình chọn cấp tỉnh và cấp quốc gia khác nhau về số thành viên thế nào?",
     ["Hội đồng bình chọn cấp tỉnh có bao nhiêu thành viên?",
      "Hội đồng bình chọn cấp quốc gia có bao nhiêu thành viên?"]),
    ("Chủ tịch Hội đồng cấp khu vực và cấp quốc gia là ai, khác nhau thế nào?",
     ["Chủ tịch Hội đồng cấp khu vực là ai?", "Chủ tịch Hội đồng cấp quốc gia là ai?"]),
    # two aspects of two levels: four questions, aspect by aspect
    ("Hội đồng cấp huyện và cấp quốc gia khác nhau thế nào về số thành viên và người làm Chủ tịch?",
     ["Hội đồng cấp huyện có bao nhiêu thành viên?", "Hội đồng cấp quốc gia có bao nhiêu thành viên?",
      "Hội đồng cấp huyện, người làm Chủ tịch là ai?", "Hội đồng cấp quốc gia, người làm Chủ tịch là ai?"]),
    # 'khác nhau ở điểm nào' asks nothing of either level
    ("Bình chọn cấp tỉnh và cấp quốc gia được tổ chức định kỳ ra sao, khác nhau ở điểm nào?",
     ["Bình chọn cấp tỉnh được tổ chức định kỳ ra sao?", "Bình chọn cấp quốc gia được tổ chức định kỳ ra sao?"]),
    ("Chương trình đến năm 2020 và chương trình giai đoạn 2026-2030 được phê duyệt ở cấp nào, khác nhau ở chỗ nào?",
     ["Chương trình đến năm 2020 được phê duyệt ở cấp nào?",
      "chương trình giai đoạn 2026-2030 được phê duyệt ở cấp nào?"]),
    # asked of both at once
    ("Có sự khác nhau gì giữa cấp tỉnh và cấp quốc gia?", ["Có sự khác nhau gì giữa cấp tỉnh và cấp quốc gia?"]),
    # two levels set against two others: each pair is a side
    ("Bình chọn cấp huyện, cấp tỉnh khác gì cấp khu vực, cấp quốc gia về thời gian tổ chức?",
     ["Bình chọn cấp huyện, cấp tỉnh, thời gian tổ chức là khi nào?",
      "Bình chọn cấp khu vực, cấp quốc gia, thời gian tổ chức là khi nào?"]),
])
def test_a_comparison_of_two_levels_asks_each_level(question, expected):
    assert sides(question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("Tiêu chí công nhận làng nghề truyền thống khác gì so với làng nghề thông thường?",
     ["Tiêu chí công nhận làng nghề truyền thống?", "Tiêu chí công nhận làng nghề thông thường?"]),
    # a year set against another: the same target, of the other year
    ("Chỉ tiêu số mẫu thiết kế mới của Hà Nội năm 2024 so với định hướng năm 2021 thay đổi thế nào?",
     ["Chỉ tiêu số mẫu thiết kế mới của Hà Nội năm 2024?", "Chỉ tiêu số mẫu thiết kế mới của Hà Nội năm 2021?"]),
    ("Hồ sơ quyết toán khác nhau thế nào giữa đơn vị có lập và đơn vị không lập hóa đơn tài chính?",
     ["Hồ sơ quyết toán đơn vị có lập?", "Hồ sơ quyết toán đơn vị không lập hóa đơn tài chính?"]),
    # the second side opens as the first does: it is whole, and borrows nothing from the 'hóa đơn' inside the first
    ("Hồ sơ quyết toán khác nhau thế nào giữa đơn vị không lập hóa đơn tài chính và đơn vị có lập hóa đơn tài chính?",
     ["Hồ sơ quyết toán đơn vị không lập hóa đơn tài chính?", "Hồ sơ quyết toán đơn vị có lập hóa đơn tài chính?"]),
    ("Chỉ tiêu số mẫu thiết kế mới của Hà Nội năm 2024 khác gì so với chỉ tiêu năm 2021?",
     ["Chỉ tiêu số mẫu thiết kế mới của Hà Nội năm 2024?", "Chỉ tiêu số mẫu thiết kế mới của Hà Nội năm 2021?"]),
    ("Kinh phí khuyến công quốc gia và kinh phí khuyến công địa phương khác nhau ở chỗ nào?",
     ["Kinh phí khuyến công quốc gia?", "kinh phí khuyến công địa phương?"]),
    # two pairs of levels, the second level of each written without its 'cấp'
    ("Kinh phí bình chọn cấp huyện, tỉnh và cấp khu vực, quốc gia lấy từ nguồn nào, có khác nhau không?",
     ["Kinh phí bình chọn cấp huyện, tỉnh lấy từ nguồn nào?",
      "Kinh phí bình chọn cấp khu vực, quốc gia lấy từ nguồn nào?"]),
])
def test_a_comparison_set_against_its_other_side_asks_each_side(question, expected):
    assert sides(question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("Kinh phí khuyến công quốc gia và kinh phí khuyến công địa phương khác nhau thế nào về loại hoạt động được chi?",
     ["Kinh phí khuyến công quốc gia về loại hoạt động được chi?",
      "kinh phí khuyến công địa phương về loại hoạt động được chi?"]),
    # a short second side borrows the first's subject up to where they differ
    ("Bình chọn sản phẩm tiêu biểu cấp huyện, cấp tỉnh và cấp khu vực, cấp quốc gia khác nhau thế nào về chu kỳ?",
     ["Bình chọn sản phẩm tiêu biểu cấp huyện, cấp tỉnh về chu kỳ?",
      "Bình chọn sản phẩm tiêu biểu cấp khu vực, cấp quốc gia về chu kỳ?"]),
    ("Hỗ trợ di dời theo Nghị định 45/2012 và theo Nghị định 52/2018 khác nhau ra sao?",
     ["Hỗ trợ di dời theo Nghị định 45/2012?", "Hỗ trợ di dời theo Nghị định 52/2018?"]),
    # the aspect named says what each side is asked; a side opening with a preposition borrows more
    ("Kế hoạch khuyến công quốc gia và kế hoạch khuyến công địa phương khác nhau thế nào về người phê duyệt?",
     ["Kế hoạch khuyến công quốc gia, người phê duyệt là ai?",
      "kế hoạch khuyến công địa phương, người phê duyệt là ai?"]),
    ("Kế hoạch khuyến công quốc gia và kế hoạch khuyến công địa phương khác nhau thế nào về thẩm quyền phê duyệt?",
     ["Kế hoạch khuyến công quốc gia, thẩm quyền phê duyệt là ai?",
      "kế hoạch khuyến công địa phương, thẩm quyền phê duyệt là ai?"]),
    ("Hỗ trợ nâng cấp hệ thống xử lý ô nhiễm tại cơ sở và tại cụm công nghiệp thì mức trần khác nhau ra sao?",
     ["Hỗ trợ nâng cấp hệ thống xử lý ô nhiễm tại cơ sở, mức trần là bao nhiêu?",
      "Hỗ trợ nâng cấp hệ thống xử lý ô nhiễm tại cụm công nghiệp, mức trần là bao nhiêu?"]),
    ("Hạn nộp hồ sơ của đơn vị lên Sở Công Thương và của Sở Công Thương lên Cục Công nghiệp địa phương khác nhau "
     "thế nào?", ["Hạn nộp hồ sơ của đơn vị lên Sở Công Thương?",
                  "Hạn nộp hồ sơ của Sở Công Thương lên Cục Công nghiệp địa phương?"]),
    ("So sánh mức hỗ trợ sửa chữa hệ thống xử lý ô nhiễm tại cơ sở CNNT với tại cụm công nghiệp?",
     ["mức hỗ trợ sửa chữa hệ thống xử lý ô nhiễm tại cơ sở CNNT là bao nhiêu?",
      "mức hỗ trợ sửa chữa hệ thống xử lý ô nhiễm tại cụm công nghiệp là bao nhiêu?"]),
    # the other party against the first's 'của …': the same thing, of the other party
    ("Thời hạn báo cáo của Sở Công Thương khác gì so với Trung tâm Khuyến công?",
     ["Thời hạn báo cáo của Sở Công Thương?", "Thời hạn báo cáo của Trung tâm Khuyến công?"]),
    # after a topic, two parties and what each ('mỗi bên') is asked
    ("Hồ sơ thẩm định: Sở Công Thương và Trung tâm Khuyến công mỗi bên lưu mấy bộ?",
     ["Hồ sơ thẩm định: Sở Công Thương lưu mấy bộ?", "Hồ sơ thẩm định: Trung tâm Khuyến công lưu mấy bộ?"]),
])
def test_how_two_things_differ_asks_each_of_them(question, expected):
    assert sides(question) == expected


def test_two_levels_differing_in_a_number_ask_it_of_each():
    asked = sides("Hội đồng bình chọn cấp khu vực và cấp quốc gia khác nhau về số thành viên thế nào?")
    assert asked == ["Hội đồng bình chọn cấp khu vực có bao nhiêu thành viên?",
                     "Hội đồng bình chọn cấp quốc gia có bao nhiêu thành viên?"]
    assert {analyze(side).type for side in asked} == {"count"}


def test_how_a_number_of_members_differs_asks_a_count():
    assert analyze("Hội đồng cấp tỉnh về số thành viên thế nào?").type == "count"
    assert analyze("Chưa ai hướng dẫn thủ tục đăng ký đề án thì làm thế nào?").type != "body"  # nobody, not who
    assert analyze("Cơ sở lần đầu đăng ký đề án thì thủ tục thế nào?").type != "count"  # 'cơ sở lần' folds to 'so lan'
    assert analyze("Hà Nội hỗ trợ khách sạn cho bao nhiêu nhà nhập khẩu nước ngoài?").type == "count"  # any noun
    assert analyze("Hội chợ được hỗ trợ bao nhiêu kinh phí?").type == "amount"
    assert analyze("Hạn đơn vị gửi hồ sơ đề án về Sở Công Thương?").type == "date"  # a deadline, not the papers
    assert analyze("Hạn mức hỗ trợ là bao nhiêu?").type == "amount"
    assert analyze("Đề án được tạm ứng bao nhiêu phần trăm?").type == "amount"
    assert analyze("What is the maximum support for vocational training?").type == "amount"  # not a definition
    # a definition setting a number asks the number; where a file is sent asks a place, not a procedure
    assert analyze('"Cơ sở sử dụng nhiều lao động" được hiểu là cơ sở có bao nhiêu lao động?').type == "count"
    assert analyze('"Cơ sở công nghiệp nông thôn" được hiểu là gì?').type == "definition"
    assert analyze("Đề án thực hiện ở nhiều tỉnh thì hồ sơ gửi đi đâu để thẩm định?").type == "body"


@pytest.mark.parametrize(("question", "expected"), [
    ("Đề án thuộc diện phải đấu thầu thì Sở Công Thương phải gửi văn bản gì về Cục?", "fact"),  # states the case
    # what a scheme supports states the case; what is handed in is asked
    ("Đề án hỗ trợ xây dựng, đăng ký thương hiệu thì lúc tạm ứng phần kinh phí còn lại phải nộp những gì?", "list"),
    ("Đề án hỗ trợ xây dựng, đăng ký thương hiệu thì lúc tạm ứng phải nộp những gì ạ?", "list"),  # a polite ending
    ("Đề án hỗ trợ xây dựng, đăng ký thương hiệu thì cần nộp những loại giấy tờ nào?", "list"),
    ("Hộ kinh doanh làm mây tre đan ở xã có thuộc đối tượng được hỗ trợ không?", "eligibility"),
])
def test_a_question_stating_its_case_and_asking_something_else_asks_no_verdict(question, expected):
    assert analyze(question).type == expected
    whether, who = parts("Cơ sở ở phường thuộc diện được hỗ trợ khuyến công không, ai xét?")  # asked one by one
    assert analyze(whether).type == "eligibility" and analyze(who).type == "body"


@pytest.mark.parametrize(("question", "unit", "kind", "expected"), [
    ("Được tạm ứng tới 90% kinh phí phải không?", "Tạm ứng 70% kinh phí hỗ trợ của đề án", "amount", False),
    ("Được tạm ứng 70% kinh phí phải không?", "Tạm ứng 70% kinh phí hỗ trợ của đề án", "amount", True),
    ("Cấp tỉnh tổ chức hằng năm phải không?", "được tổ chức định kỳ 02 (hai) năm một lần", "frequency", False),
    ("Cấp tỉnh tổ chức hằng năm phải không?", "Sở Công Thương tổ chức bình chọn cấp tỉnh", "frequency", None),
    # a date states no length of time: 'ngày 31 tháng 12' is not '31 tháng'
    ("Hiệu lực 3 năm phải không?", "có giá trị đến hết ngày 31 tháng 12 năm 2025", "frequency", None),
    ("Báo cáo 6 tháng 1 lần phải không?", "định kỳ 6 tháng báo cáo một lần", "frequency", True),  # a length still
    ("Cơ sở hằng năm có phải báo cáo gì không?", "có giá trị đến hết ngày 31 tháng 12 của năm thứ 3", "frequency",
     None),
])
def test_a_value_the_question_asserts_is_checked_against_the_text(question, unit, kind, expected):
    assert compose.premise_check(question, unit, kind) is expected


@pytest.mark.parametrize(("text", "counts"), [
    ("Các đơn vị gửi về Sở Công Thương 3 bộ hồ sơ", ["3 bộ hồ"]),
    ("Hội đồng có 07 hoặc 09 thành viên", ["07 hoặc 09 thành viên"]),
    ("tổng hợp theo Mẫu số 2 Phụ lục 1 của Thông tư này", []),  # a form's number counts nothing
    ("quy định tại Điều 5 Nghị định này và khoản 3 Điều 6", []),
])
def test_a_count_is_a_number_of_things_not_a_numbered_provision(text, counts):
    assert [m.group(0) for m in values_of(text, "count")] == counts


def test_the_kind_of_value_a_yes_no_question_asserts():
    assert analyze("Được tạm ứng tới 90% kinh phí hỗ trợ phải không?").slots["asserts"] == "amount"
    assert analyze("Bình chọn cấp tỉnh được tổ chức hằng năm phải không?").slots["asserts"] == "frequency"
    assert "asserts" not in analyze("Hộ kinh doanh có được hỗ trợ không?").slots
    assert analyze("Mỗi phòng được bố trí tới 3 phó trưởng phòng, đúng không?").slots["asserts"] == "count"
    assert analyze("Bình chọn chỉ có 3 cấp là huyện, tỉnh và quốc gia đúng không?").slots["asserts"] == "count"


@require_corpus()
def test_a_count_of_deputies_asserted_wrongly_gets_no_and_the_count(answerer):
    lead = answerer.ask("Mình nghe nói mỗi phòng chuyên môn của Trung tâm Khuyến công tỉnh được bố trí tới 3 phó "
                        "trưởng phòng, đúng không?").lead
    assert lead.startswith("Không.") and "01 Phó Trưởng phòng" in lead


@require_corpus()
def test_a_false_premise_gets_no_and_the_texts_date(answerer):
    answer = answerer.ask("Nghị định 45/2012/NĐ-CP có hiệu lực từ ngày ký 21/5/2012 đúng không?")
    assert answer.lead.startswith("Không.") and "05 tháng 7 năm 2012" in answer.lead


@pytest.mark.parametrize(("typed", "written"), [
    ("nhà nc hỗ trợ dc bn tiền ạ?", "nhà nước hỗ trợ được bao nhiêu tiền ạ?"),
    ("cs e đc kc quốc gia hỗ trợ, giờ mún ứng nốt tiền thì cần giấy tờ j", "cơ sở em được khuyến công quốc gia hỗ "
     "trợ, giờ muốn tạm ứng kinh phí còn lại thì cần giấy tờ gì"),
    ("Tạm ứng phần còn lại cần gì?", "Tạm ứng kinh phí còn lại cần gì?"),  # as Thông tư 36/2013 names it
    ("Muốn tạm ứng nốt phần kinh phí còn lại thì nộp gì?", "Muốn tạm ứng kinh phí còn lại thì nộp gì?"),
    ("htx o xa co dc ho tro k?", "hop tac xa o xa co duoc ho tro khong?"),  # stays without diacritics
    ("đánh giá sxsh cần gì", "đánh giá sản xuất sạch hơn cần gì"),  # the rules never write 'SXSH'
    # 'hk' ends a question as 'không' does; 'đki' is 'đăng ký'
    ("1 sp có đki dự nhiều lần đc hk", "1 sản phẩm có đăng ký dự nhiều lần được không"),
    ("hk kinh doanh ở xã", "hk kinh doanh ở xã"),
    # nor 'xin công nhận'
    ("ho so xin cong nhan lang nghe gom gi", "ho so de nghi cong nhan lang nghe gom gi"),
    ("Điều 6 khoản 2 điểm k là gì?", "Điều 6 khoản 2 điểm k là gì?"),  # 'k' is shorthand only at the end
    ("hệ thống sử lý ô nhiễm ở cụm cn", "hệ thống xử lý ô nhiễm ở cụm công nghiệp"),
    ("trung tâm tiền nong theo cơ chế gì?", "trung tâm tài chính theo cơ chế gì?"),
    ("xin công nhận nghề truyền thống thì cần đk j ạ", "đề nghị công nhận nghề truyền thống thì cần điều kiện gì ạ"),
    ("bình chọn cấp tỉnh mấy năm làm 1 lần?", "bình chọn cấp tỉnh định kỳ mấy năm một lần?"),  # how often
    # 'đk' before what is registered is 'đăng ký'
    ("hồ sơ đk bình chọn sp cần mấy tấm ảnh?", "hồ sơ đăng ký bình chọn sản phẩm cần mấy tấm ảnh?"),
    # a colloquial word; 'Sở' and 'Cục' alone are the two agencies khuyến công deals with
    ("Sở gửi lên Cục thì hạn chót là khi nào?",
     "Sở Công Thương gửi lên Cục Công nghiệp địa phương thì thời hạn là khi nào?"),
    ("Sở hữu trí tuệ, Cục trưởng và Sở Tài chính", "Sở hữu trí tuệ, Cục trưởng và Sở Tài chính"),  # other words
    ("cơ sở gửi hồ sơ cho Sở.", "cơ sở gửi hồ sơ cho Sở Công Thương."),  # a facility is 'cơ sở', lower case
    ("làng e làm nghề lâu r, sp của cty e có đc khuyến công qg hỗ trợ k?",
     "làng em làm nghề lâu rồi, sản phẩm của công ty em có được khuyến công quốc gia hỗ trợ không?"),
    ("xưởng e có 60 cn, có đc tính là dùng nhiều lđ ko? theo nđ 45",
     "xưởng em có 60 cn, có được tính là dùng nhiều lao động không? theo Nghị định 45"),
    ("Điều 6 khoản 2 điểm e; Điểm E", "Điều 6 khoản 2 điểm e; Điểm E"),
    ("đăng lên trang web của sở ct ko", "đăng lên trang thông tin điện tử của Sở Công Thương không"),
    ("bao cao bo ct ko", "bao cao bo cong thuong khong"),  # a numbered part, not 'em'
    ("đc cấp giấy cn r thì hằng năm phải bc cho ai?", "được cấp giấy chứng nhận rồi thì hằng năm phải báo cáo cho ai?"),
    ("làng đc công nhận mấy năm r, giờ ko đạt thì sao", "làng được công nhận vài năm rồi, giờ không đạt thì sao"),
    # codes, numbered parts and other words are not shorthand
    ("Quyết định 2646/QĐ-BCT, điểm r, s và v", "Quyết định 2646/QĐ-BCT, điểm r, s và v"),
    ("Thông tư 46/2012/TT-BCT", "Thông tư 46/2012/TT-BCT"),
    ("R&D theo Chương V, Phụ lục V, v.v.", "R&D theo Chương V, Phụ lục V, v.v."),
    ("Sở nào tiếp nhận? Sở công thương hay các Sở, ngành?", "Sở nào tiếp nhận? Sở công thương hay các Sở, ngành?"),
    ("TT khuyến công tỉnh đc có tối đa mấy phó gđ vậy?",
     "Trung tâm Khuyến công tỉnh được có tối đa mấy Phó Giám đốc vậy?"),
    ("TT 46/2012 ký hồi nào?", "TT 46/2012 ký khi nào?"),  # 'TT' before a number is a Thông tư
    # a product too big to bring, in the rules' words
    ("sp to lắm, ko chở tới chỗ bình chọn đc",
     "sản phẩm có kích thước quá lớn, không vận chuyển tới chỗ bình chọn được"),
    # a site being made is the rules' 'trang thông tin điện tử'; 'web' alone may be English ('web portal')
    ("tiền kc có đc chi để làm web giới thiệu ko", "tiền khuyến công có được chi để làm trang thông tin điện tử giới "
     "thiệu không"),
    ("the provincial web portal", "the provincial web portal"),
    ("sp năm trc trượt, năm nay đky lại đc ko", "sản phẩm năm trước trượt, năm nay đăng ký lại được không"),
    ("co dc lam web ko", "co duoc lam trang thong tin dien tu khong"),
])
def test_chat_shorthand_is_written_out(typed, written):
    assert expand_shorthand(typed) == written


@require_corpus()
def test_a_question_in_chat_shorthand_gets_the_level(answerer):
    answer = answerer.ask("nâng cấp hệ thống sử lý ô nhiễm ở cụm cn thì đc hỗ trợ bn vậy")
    assert not answer.refused and answer.intent["type"] == "amount"
    assert "triệu đồng" in answer.lead or "%" in answer.lead


def test_the_items_a_unit_introduces():
    text = ("Trong thời hạn của Giấy chứng nhận, cơ sở có trách nhiệm:\n1. Sản xuất và phát triển sản phẩm.\n"
            "2. Định kỳ hàng năm, báo cáo Sở Công Thương.\n3. Phối hợp với các cơ quan.")
    assert lists.items_under("Trong thời hạn của Giấy chứng nhận, cơ sở có trách nhiệm:", text) == [
        "1. Sản xuất và phát triển sản phẩm.", "2. Định kỳ hàng năm, báo cáo Sở Công Thương.",
        "3. Phối hợp với các cơ quan."]
    assert lists.items_under("2. Định kỳ hàng năm, báo cáo Sở Công Thương.", text) == []
    # a khoản that is only a heading introduces its điểm
    headed = "1. Mục tiêu tổng quát\na) Huy động các nguồn lực;\nb) Khuyến khích sản xuất sạch hơn.\n2. Mục tiêu cụ thể"
    assert lists.items_under("1. Mục tiêu tổng quát", headed) == ["a) Huy động các nguồn lực;",
                                                                 "b) Khuyến khích sản xuất sạch hơn."]


@require_corpus()
def test_a_unit_that_only_introduces_a_list_is_answered_by_the_list(answerer):
    duties = answerer.ask("Cơ sở có sản phẩm được cấp giấy chứng nhận tiêu biểu có trách nhiệm gì?")
    assert duties.lead.startswith("Gồm 4 nội dung") and "báo cáo Sở Công Thương" in duties.lead
    members = answerer.ask("Hội đồng bình chọn cấp tỉnh có bao nhiêu thành viên?")  # the count is in the intro
    assert "07 hoặc 09 thành viên" in members.lead


def test_a_point_sits_under_its_clause_heading():
    khoan = "3. Tạm ứng 100% kinh phí thực hiện của đề án\na) Đối với đề án hỗ trợ thành lập doanh nghiệp.\nb) Hồ sơ"
    assert heading_of("a) Đối với đề án hỗ trợ thành lập doanh nghiệp.", khoan) == (
        "Tạm ứng 100% kinh phí thực hiện của đề án")
    assert heading_of("3. Tạm ứng 100% kinh phí thực hiện của đề án", khoan) == ""
    point = "d) Đối với các đề án hỗ trợ: Xây dựng mô hình trình diễn kỹ thuật; ứng dụng máy móc."
    assert compose.with_heading(point, point, "Tạm ứng 70% kinh phí hỗ trợ của đề án").startswith(
        "Tạm ứng 70% kinh phí hỗ trợ của đề án: Đối với")
    assert compose.with_heading(point, point, "Trách nhiệm của Sở Công Thương") == point  # states no value


@require_corpus()
def test_a_percentage_in_the_clause_heading_reaches_the_lead(answerer):
    answer = answerer.ask("Đề án ứng dụng máy móc thiết bị được tạm ứng lần một bao nhiêu phần trăm?")
    assert "Tạm ứng 70%" in answer.lead
    assert any(c.chunk_id == "tt-36-2013-bct#d13-k2-d" for c in answer.citations)


@require_corpus()
def test_criteria_asked_of_a_case_are_listed_from_the_requirements_not_the_case_papers(answerer):
    # the case is named in a list of papers ('3. Đề án hỗ trợ xây dựng mô hình trình diễn kỹ thuật: Hóa đơn …'); its
    # criteria are a list under a heading that does not call them criteria, each item a requirement
    answer = answerer.ask("Tiêu chí chọn công nghệ để xây dựng mô hình trình diễn kỹ thuật là gì?")
    assert "chưa có cơ sở nào áp dụng" in answer.lead and "vượt trội" in answer.lead
    assert "Hóa đơn" not in answer.lead
    assert lists.asks_criteria("Điều kiện để một công nghệ được chọn làm mô hình là gì?")
    assert not lists.asks_criteria("Điều 5 quy định gì?")
    assert lists.asks_criteria("Muốn được chọn làm mô hình trình diễn thì phải đáp ứng yêu cầu gì?")
    assert not lists.asks_criteria("Ban Giám khảo có yêu cầu gì về số lượng thành viên?")  # asks of the number
    # a comparison's side names the criteria and asks nothing else of them
    assert lists.asks_criteria("điều kiện công nhận nghề truyền thống?")
    assert not lists.asks_criteria("Điều kiện được hỗ trợ tối đa bao nhiêu?")
    compared = answerer.ask("Điều kiện để được công nhận làng nghề khác gì so với điều kiện công nhận nghề truyền "
                            "thống?")
    assert "từ trên 50 năm" in compared.lead and "Bản tóm tắt quá trình hình thành" not in compared.lead


@require_corpus()
def test_a_yes_no_question_is_answered_by_the_unit_saying_what_it_asks_may_be_done(answerer):
    # the case it states ('mở lớp … truyền nghề') is another khoản's words; what it asks ('thu học phí') is this one's
    question = "nghệ nhân tự mở lớp truyền nghề thì có dc thu học phí của hv ko hay phải dạy free ạ?"
    assert "thu tiền học phí của người học" in answerer.ask(question).lead
    assert evidence.asked_predicate(question) == ("thu", "hoc", "phi")
    assert evidence.asked_predicate("Doanh nghiệp lớn có được hỗ trợ không?") == ()  # no case stated before it
    assert evidence.asked_predicate("Hội thi có được tổ chức hằng năm không?") == ()  # 'thi' (contest) states none


@require_corpus()
def test_a_list_asked_with_cac_nao_is_the_list_headed_by_its_noun(answerer):
    question = "Các địa bàn nào được ưu tiên khi xét hỗ trợ kinh phí khuyến công theo Thông tư 46/2012?"
    lead = answerer.ask(question).lead
    assert lead.startswith("Gồm 4 nội dung: Huyện vùng cao") and "61 huyện nghèo" in lead  # '1. Địa bàn ưu tiên'
    assert lists.listed_noun(question) == "dia ban"
    assert lists.listed_noun("Các cơ sở phải làm gì?") == lists.listed_noun("Các tiêu chí là gì?") == ""  # verbs


@require_corpus()
def test_a_question_asking_the_bound_to_pass_leads_with_the_bound_not_the_share_granted(answerer):
    # the same advance is asked: the work done it needs ('trên 70% tổng vốn đầu tư'), not the 70% it pays
    lead = answerer.ask("xưởng e đang làm đề án mô hình trình diễn kỹ thuật bằng tiền kc quốc gia, mún tạm ứng thì "
                        "phải làm đc bn % r mới đc ứng z").lead
    assert "trên 70% tổng vốn đầu tư" in lead
    assert evidence.asks_floor("Muốn tạm ứng lần đầu thì cần đạt khối lượng bao nhiêu?")
    # in English too: 'for how long must production be stable' asks the minimum ('ổn định tối thiểu 02 năm')
    lead = answerer.ask("What share of households must be involved in rural trades, and for how long must production "
                        "be stable, for a village to be recognised as a craft village?").lead
    assert "tối thiểu 20% tổng số hộ" in lead and "tối thiểu 02 năm" in lead
    assert not evidence.asks_floor("Đề án ứng dụng máy móc thiết bị được tạm ứng lần một bao nhiêu phần trăm?")
    # 'từ' bounds only with 'trở lên' after its value
    assert [m.group(0) for m, _ in evidence.floors("có từ 20 lao động; có từ 50 lao động trở lên", "count")] == \
        ["50 lao động"]
    assert not evidence.asks_floor("Mua máy mới được hỗ trợ bao nhiêu?")  # 'máy' (machine) folds to 'may' (how many)
    assert not evidence.asks_floor("Cơ sở cần có máy móc thiết bị gì?")


@require_corpus()
def test_a_claim_set_against_another_level_is_checked_on_its_own_level(answerer):
    # 'như cấp tỉnh' is what the claim compares with; the national council is what it is about
    lead = answerer.ask("Hội đồng bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia cũng chỉ có 07 hoặc 09 thành viên như "
                        "cấp tỉnh, đúng không?").lead
    assert "cấp quốc gia có 11 hoặc 13 thành viên" in lead


@require_corpus()
def test_which_decision_and_on_whose_proposal_are_answered_together(answerer):
    for question in ("Which decision approved Vietnam's National Industrial Promotion Programme for 2026-2030, when "
                     "was it signed, and on whose proposal?",
                     "Chương trình khuyến công quốc gia giai đoạn 2026-2030 được phê duyệt bằng quyết định nào, theo "
                     "đề nghị của ai?"):
        lead = answerer.ask(question).lead
        assert lead.startswith("Quyết định 2646/QĐ-BCT") and "23 tháng 9 năm 2025" in lead
        assert "Theo đề nghị của Cục trưởng Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công" in lead


@require_corpus()
def test_which_decision_is_answered_with_the_document_its_issuer_and_date(answerer):
    answer = answerer.ask("Chương trình khuyến công quốc gia đến năm 2020 được phê duyệt bằng quyết định nào?")
    assert answer.intent["type"] == "document"
    assert answer.lead.startswith("Quyết định 1288/QĐ-TTg của Thủ tướng Chính phủ, ban hành ngày 01 tháng 08 năm 2014")
    assert answer.citations[0].chunk_id == "qd-1288-2014-ttg#preamble"
    # 'phê duyệt theo quyết định nào' asks the approving decision too, not a document its passages cite; 'ban hành
    # theo nghị định nào' asks the basis a passage cites
    assert _CITES.search("thong tu nay duoc ban hanh theo nghi dinh nao") and not _CITES.search("duoc phe duyet theo "
                                                                                               "quyet dinh nao")
    answer = answerer.ask("Chương trình khuyến công quốc gia giai đoạn 2026 - 2030 được phê duyệt theo quyết định nào?")
    assert answer.lead.startswith("Quyết định 2646/QĐ-BCT của Bộ Công Thương, ban hành ngày 23 tháng 9 năm 2025")
    # asked when it takes effect too: the document's own words follow
    answer = answerer.ask("Chương trình khuyến công quốc gia giai đoạn 2026 - 2030 được phê duyệt theo quyết định nào, "
                          "có hiệu lực từ khi nào?")
    assert "Quyết định 2646/QĐ-BCT có hiệu lực thi hành kể từ ngày ký ban hành" in answer.lead


@require_corpus()
def test_which_document_a_passage_cites_is_quoted_from_the_passage(answerer):
    answer = answerer.ask("Nghị quyết mức chi khuyến công của Phú Thọ căn cứ vào thông tư nào về kinh phí khuyến công?")
    assert "28/2018/TT-BTC" in answer.lead and answer.citations[0].doc_id == "nq-23-2025-hdnd-phutho"


def test_both_sides_of_a_shared_question_are_asked():
    assert sides("Chủ tịch Hội đồng bình chọn cấp khu vực và cấp quốc gia là ai, khác nhau thế nào?") == [
        "Chủ tịch Hội đồng bình chọn cấp khu vực là ai?", "Chủ tịch Hội đồng bình chọn cấp quốc gia là ai?"]


@require_corpus()
def test_a_count_the_question_asserts_is_checked(answerer):
    answer = answerer.ask("Cơ sở muốn dự bình chọn cấp tỉnh khi huyện không tổ chức bình chọn thì nộp 03 bộ hồ sơ, "
                          "có đúng không?")
    assert answer.intent["slots"]["asserts"] == "count"
    assert answer.lead.startswith("Không.") and "01 bộ" in answer.lead


def test_a_support_provision_is_told_with_its_level():
    unit = ("a) Chi hỗ trợ thành lập doanh nghiệp sản xuất công nghiệp nông thôn tại các địa bàn có điều kiện kinh tế "
            "- xã hội khó khăn và đặc biệt khó khăn theo quy định của pháp luật, bao gồm: Hoàn thiện kế hoạch kinh "
            "doanh khả thi; dự án thành lập doanh nghiệp. Mức hỗ trợ không quá 10 triệu đồng/doanh nghiệp;")
    lead = compose.what_and_level(unit)
    assert "khó khăn và đặc biệt khó khăn" in lead and lead.endswith("không quá 10 triệu đồng/doanh nghiệp")
    assert compose.what_and_level("b) Mức hỗ trợ tối đa 50% chi phí. Hồ sơ gồm hợp đồng.") is None
    listed = compose.what_and_level(unit, listed=True)  # '… có hỗ trợ chi phí thành lập không?': which costs
    assert "bao gồm: Hoàn thiện kế hoạch kinh doanh khả thi; dự án thành lập doanh nghiệp …" in listed
    assert "pháp luật" not in listed and listed.endswith("không quá 10 triệu đồng/doanh nghiệp")
    assert compose.what_and_level("c) Chi hỗ trợ tư vấn. Mức hỗ trợ tối đa 50% chi phí.", listed=True) is None


@require_corpus()
def test_a_level_asked_with_what_it_covers_lists_the_items_then_the_level(answerer):
    lead = answerer.ask("Hỗ trợ đầu tư xây dựng kết cấu hạ tầng cụm công nghiệp gồm những hạng mục nào và mức tối "
                        "đa bao nhiêu?").lead
    assert "San lấp mặt bằng, đường giao thông nội bộ" in lead and "3.000 triệu đồng/cụm công nghiệp" in lead
    assert not lead.startswith("Có.")  # nothing was asked whether


@pytest.mark.parametrize(("question", "whether"), [
    ("Khuyến công có hỗ trợ chi phí thành lập doanh nghiệp không, bao nhiêu?", True),
    ("cty e có đc hỗ trợ vé máy bay ko, đc bn %", True),
    ("Có được hỗ trợ không?", True),
    ("Cơ sở có trụ sở ở phường nhưng không sản xuất ở đó, được hỗ trợ bao nhiêu?", False),
])
def test_a_yes_no_clause_is_heard_before_what_else_is_asked(question, whether):
    assert asks_whether(question) is whether


@require_corpus()
def test_whether_a_cost_is_supported_is_answered_with_what_it_covers_and_how_much(answerer):
    answer = answerer.ask("Nhóm chúng tôi ở một xã đặc biệt khó khăn muốn lập doanh nghiệp sản xuất đồ thủ công. "
                          "Khuyến công có hỗ trợ chi phí thành lập doanh nghiệp không, được bao nhiêu?")
    assert answer.lead.startswith("Có.") and "kế hoạch kinh doanh khả thi" in answer.lead
    assert "10 triệu đồng/doanh nghiệp" in answer.lead


def test_a_statement_opening_with_may_is_not_a_question():
    assert len(parts("Mấy anh em chúng tôi muốn thành lập doanh nghiệp. Khuyến công có hỗ trợ chi phí không?")) == 1


def test_a_repeated_item_opening_is_said_once():
    items = ["a) Tổ chức các hội thảo, diễn đàn.", "b) Hỗ trợ các cơ sở công nghiệp nông thôn tham dự các diễn đàn.",
             "c) Hỗ trợ các cơ sở công nghiệp nông thôn quảng bá thông tin trên internet.",
             "d) Hỗ trợ các cơ sở công nghiệp nông thôn khai thác danh sách khách hàng."]
    assert lists.without_shared_opening(items) == [
        "Tổ chức các hội thảo, diễn đàn.", "Hỗ trợ các cơ sở công nghiệp nông thôn tham dự các diễn đàn.",
        "… quảng bá thông tin trên internet.", "… khai thác danh sách khách hàng."]


@require_corpus()
def test_the_list_whose_heading_is_the_question_is_chosen(answerer):
    answer = answerer.ask("Hồ sơ đề nghị công nhận nghề truyền thống gồm những gì?")
    assert "Bản tóm tắt quá trình hình thành" in answer.lead
    assert answer.citations[0].chunk_id == "nd-52-2018#d6-k1"


@pytest.mark.parametrize(("question", "second"), [
    # the deadline the first part asks is not lent to the next: 'gửi Sở Công Thương', not '… trước ngày'
    ("ho so de an gui so cong thuong truoc ngay nao, may bo", "ho so de an gui so cong thuong may bo?"),
    # two parts opening with what they ask are parallel: the second borrows nothing
    ("Ai thẩm định cấp cơ sở và ai thẩm định cấp Bộ?", "ai thẩm định cấp Bộ?"),
    # a stretch asking nothing after a part that has asked opens the next part
    ("Đơn vị có bao lâu để lập hồ sơ quyết toán và thời hạn thanh lý, quyết toán là khi nào?",
     "thời hạn thanh lý, quyết toán là khi nào?"),
    # a part pointing back ('kế hoạch đó') is about the first part's subject, whatever its length
    ("Ai xây dựng kế hoạch bình chọn cấp tỉnh và ai phê duyệt kế hoạch đó?",
     "xây dựng kế hoạch bình chọn cấp tỉnh ai phê duyệt kế hoạch đó?"),
    # the subject lent loses the words that tie it into its own clause
    ("Còn hội đồng bình chọn cấp quốc gia thì có mấy người, ai lập?", "hội đồng bình chọn cấp quốc gia ai lập?"),
    # a short part is about the part before it: the deadline is the filing's
    ("Được hỗ trợ bao nhiêu, nộp hồ sơ cho ai và trước ngày nào?", "nộp hồ sơ trước ngày nào?"),
    # a topic set before a colon scopes every part
    ("Hạ tầng làng nghề theo Nghị định 52/2018: mức hỗ trợ do ai quy định và lấy từ những nguồn kinh phí nào?",
     "Hạ tầng làng nghề theo Nghị định 52/2018: lấy từ những nguồn kinh phí nào?"),
    # a document the first part names scopes the others
    ("Under Decree 52/2018, what is the cap per project, and which ministry approves the implementation plan?",
     "Decree 52/2018 which ministry approves the implementation plan?"),
    # a short part borrows the subject before the verb, not what the part before says of it
    ("Hỗ trợ lãi suất vốn vay di dời vào cụm công nghiệp được tính theo lãi suất của ngân hàng nào và chi khi nào?",
     "Hỗ trợ lãi suất vốn vay di dời vào cụm công nghiệp chi khi nào?"),
    # the document is named once, though the subject borrowed already names it
    ("Cơ quan nào quản lý làng nghề theo Nghị định 52/2018, và ai công nhận làng nghề?",
     "Cơ quan quản lý làng nghề theo Nghị định 52/2018 ai công nhận làng nghề?"),
    # what follows 'thì' is what the first part asks; the second says something else of the subject
    ("Rồi Sở gửi hồ sơ lên Cục thì hạn là khi nào, gửi mấy bộ?", "Sở gửi hồ sơ lên Cục gửi mấy bộ?"),
    # 'thị trấn' is no 'thì'
    ("Cơ sở sản xuất ở thị trấn Phùng được hỗ trợ bao nhiêu và ai duyệt?", "Cơ sở sản xuất ở thị trấn Phùng ai duyệt?"),
    # so is the agent asked about
    ("Hội đồng bình chọn cấp khu vực do ai quyết định thành lập và gồm bao nhiêu người?",
     "Hội đồng bình chọn cấp khu vực gồm bao nhiêu người?"),
    # so is the deadline asked about
    ("Muốn đăng ký đề án, nộp hồ sơ ở sở công thương thời hạn là ngày nào, nộp mấy bộ?",
     "Muốn đăng ký đề án, nộp hồ sơ ở sở công thương nộp mấy bộ?"),
    # when it was signed and takes effect are asked of the document, one part after the other
    ("Quyết định 2646/QĐ-BCT phê duyệt Chương trình khuyến công quốc gia giai đoạn nào, ký ngày nào và có hiệu lực "
     "khi nào?", "Quyết định 2646/QĐ-BCT có hiệu lực khi nào?"),
    # so is the document named by its title, without the signing asked of it before
    ("Quyết định phê duyệt Chương trình khuyến công quốc gia giai đoạn 2026-2030 ký ngày nào và có hiệu lực từ khi "
     "nào?", "Quyết định phê duyệt Chương trình khuyến công quốc gia giai đoạn 2026-2030 có hiệu lực từ khi nào?"),
])
def test_every_part_keeps_what_the_question_is_about(question, second):
    assert parts(question)[-1] == second


@require_corpus()
def test_who_is_answered_by_the_body_a_duty_list_is_headed_by(answerer):
    # Điều 23 khoản 2 lists the duties of the Sở Công Thương; its điểm names only the duty
    answer = answerer.ask("Ai xây dựng kế hoạch bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh?")
    assert answer.lead.startswith("Trách nhiệm của Sở Công Thương") and "Xây dựng kế hoạch bình chọn" in answer.lead


@require_corpus()
def test_a_rare_word_of_the_question_finds_its_unit(answerer):
    # 'sao chép' is a copy, not the asking 'sao'; the clause holding it outranks the many about registering
    answer = answerer.ask("Sản phẩm làm theo mẫu sao chép của cơ sở khác có được đăng ký bình chọn sản phẩm công "
                          "nghiệp nông thôn tiêu biểu không?")
    assert "sao chép" in answer.lead


@pytest.mark.parametrize(("question", "kind"), [
    ("Đề án triển khai trên nhiều tỉnh thì gửi hồ sơ thẩm định ở đâu?", "body"),  # where: a body, not the papers
    ("Where do I send the application?", "body"),
    # the đề án's name says 'hỗ trợ'; the question asks for papers
    ("Hồ sơ tạm ứng của đề án hỗ trợ thành lập hiệp hội, hội ngành nghề gồm những gì?", "list"),
    ("Xưởng tôi muốn mua máy thì được hỗ trợ những gì?", "amount"),
    # English puts the auxiliary first to ask yes or no; after a wh-word, or before 'or', it asks what or which
    ("Can a rural establishment get support to attend trade fairs abroad?", "yes_no"),
    ("What does the state support for a cleaner production assessment?", "fact"),
    ("Are projects awarded by direct selection or by competitive bidding?", "fact"),
    ("How often does the provincial People's Committee report to the Ministry?", "duration"),
    # a condition no longer met asks what follows, not what the criteria are
    ("làng nghề đc công nhận rồi mà giờ ko đạt tiêu chí nữa thì có bị sao ko", "fact"),
    ("Làng nghề phải đạt những tiêu chí nào?", "list"),
    # 'tôi đã' folds like 'tối đa'; 'mấy người này' are these people, not a count
    ("Sản phẩm của cơ sở tôi đã được công nhận cấp tỉnh, giờ muốn dự cấp khu vực thì hồ sơ cần những gì?", "list"),
    ("nghe nói dưới xã có cộng tác viên khuyến công, vậy ai lập ra mấy người này v?", "body"),
    # a comparison's side asks the number of members ('…, số thành viên … là bao nhiêu?'), not an amount
    ("Hội đồng bình chọn cấp tỉnh, số thành viên và người làm Chủ tịch là bao nhiêu?", "count"),
    ("binh chon cap khu vuc chia ca nuoc thanh may khu vuc?", "count"),
    # a target 'về' what is counted, asked how many: a count, not an amount
    ("Chỉ tiêu về lượt doanh nghiệp dự hội chợ năm 2024 là bao nhiêu?", "count"),
    ("Mục tiêu về phát triển thương hiệu gồm những gì?", "list"),
    ("Bình chọn được tổ chức theo mấy cấp?", "count"),
    ("Nghị quyết của HĐND tỉnh Phú Thọ quy định mức chi khuyến công là số mấy?", "document"),
    # the papers the asker lacks are stated before 'thì'; what is asked is whether
    ("Cơ sở tôi giấy tờ đất chưa đầy đủ thì có được chọn làm mô hình trình diễn không?", "yes_no"),
    ("Cơ sở tôi giấy tờ đất chưa đầy đủ thì cần bổ sung hồ sơ gì?", "procedure"),
    ("Xưởng gốm của tôi ở xã có được xét hỗ trợ khuyến công không?", "eligibility"),  # 'được xét' asks the same
    # the share a condition of priority sets ('come from' names no sources here)
    ("To qualify for priority as a producer using local raw materials, what share must come from the province?",
     "amount"),
    # the schemes of a kind, however many words name them
    ("Which national industrial promotion schemes have to be procured through bidding?", "list"),
    ("Which ministry manages the national industrial promotion projects?", "body"),
])
def test_the_answer_type_of_a_question(question, kind):
    assert analyze(question).type == kind


@require_corpus()
def test_a_validity_lead_opens_with_a_capital(answerer):
    # the manifest writes a news item's type in lower case ('tin bài')
    answer = answerer.ask("Công văn 400/CTĐP-QLKC được ký ban hành ngày nào?")
    assert answer.lead[:1].isupper() and "ngày 15/5/2023" in answer.lead  # as the news item writes it
    assert answer.quotes[0]["text"].startswith("Ngày 15/5/2023, Cục trưởng")  # the line that dates it


@require_corpus()
def test_who_signed_is_answered_by_the_line_that_dates_the_document(answerer):
    answer = answerer.ask("Công văn 400/CTĐP-QLKC do ai ký ban hành, ngày nào?")
    assert "Ngô Quang Trung đã ký ban hành" in answer.lead and "15/5/2023" in answer.lead


@require_corpus()
def test_a_news_item_named_by_its_quoted_title_gets_its_posting_date(answerer):
    answer = answerer.ask('Bài "Khuyến công Hà Nội: Phát huy hiệu quả các nguồn lực địa phương" đăng ngày nào?')
    assert answer.lead.startswith("Khuyến công Hà Nội: Phát huy hiệu quả các nguồn lực địa phương")
    assert "được đăng ngày 24/02/2021 [1]" in answer.lead
    assert answer.citations[0].doc_id == "tin-kc-hn-2020-ket-qua"


def test_a_quoted_title_names_its_document():
    documents = {"a": {"title": "Khuyến công Hà Nội: Phát huy hiệu quả các nguồn lực địa phương (kết quả 2020)"},
                 "b": {"title": "Kế hoạch khuyến công thành phố Hà Nội năm 2020"}}
    assert titled('Bài “khuyen cong Ha Noi: phat huy hieu qua” đăng khi nào?', documents) == ["a"]
    assert titled("Kế hoạch khuyến công Hà Nội năm 2020 có gì?", documents) == []  # unquoted: the số hiệu rules


@require_corpus()
@pytest.mark.parametrize(("question", "lead"), [
    ("Kế hoạch khuyến công địa phương do Bộ trưởng Bộ Công Thương phê duyệt đúng không?",
     "Không. Kế hoạch khuyến công địa phương do Chủ tịch Ủy ban nhân dân cấp tỉnh phê duyệt"),
    ("Kế hoạch khuyến công quốc gia do Bộ trưởng Bộ Công Thương phê duyệt, đúng không?",
     "Đúng. Kế hoạch khuyến công quốc gia do Bộ trưởng Bộ Công Thương phê duyệt"),
    # 'cấp tỉnh' and 'cấp huyện' share their first words: the whole body is compared
    ("Hội đồng bình chọn cấp tỉnh do Chủ tịch Ủy ban nhân dân cấp huyện quyết định thành lập phải không?",
     "Không. Hội đồng bình chọn cấp tỉnh do Chủ tịch Ủy ban nhân dân cấp tỉnh quyết định thành lập"),
    # the claim checked is the body, not the 'hằng năm' its subject ends with
    ("Kế hoạch khuyến công địa phương hằng năm do Giám đốc Sở Công Thương phê duyệt phải không?",
     "Không. Kế hoạch khuyến công địa phương do Chủ tịch Ủy ban nhân dân cấp tỉnh phê duyệt"),
    ("Theo Nghị định số 52/2018 thì Bộ Công Thương là cơ quan quản lý nhà nước về làng nghề ở trung ương đúng không?",
     "Không. Bộ Nông nghiệp và Phát triển nông thôn là cơ quan quản lý nhà nước về làng nghề"),
])
def test_the_body_a_question_asserts_is_checked_against_the_clause_saying_who(answerer, question, lead):
    assert answerer.ask(question).lead.startswith(lead)


def test_the_claim_nearest_the_tag_is_the_one_asserted():
    assert asserted("Kế hoạch khuyến công hằng năm do Giám đốc Sở Công Thương phê duyệt phải không?") == "body"
    assert asserted("Sở Công Thương phải báo cáo hằng năm phải không?") == "frequency"
    # whom a plan goes to for approval is the claim, not how often the plan is made
    assert asserted("Kế hoạch khuyến công hàng năm của tỉnh phải trình Bộ trưởng Bộ Công Thương phê duyệt, đúng "
                    "không?") == "body"
    assert asserted("Bộ Công Thương là cơ quan quản lý nhà nước về làng nghề đúng không?") == "body"
    assert asserted("Công văn định hướng khuyến công tập trung vào 4 lĩnh vực chính, đúng không?") == "count"


def test_the_body_a_text_says_is_an_office_is_compared_whole():
    units = ["Bộ Nông nghiệp và Phát triển nông thôn là cơ quan quản lý nhà nước về làng nghề, ngành nghề nông thôn."]
    said = compose.body_check("Theo Nghị định số 52/2018 Bộ Nông nghiệp và Phát triển nông thôn là cơ quan quản lý "
                              "nhà nước về làng nghề phải không?", units)
    assert said is not None and said[2] is True
    said = compose.body_check("Bộ Công Thương là cơ quan quản lý nhà nước về làng nghề phải không?", units)
    assert said is not None and said[2] is False


def test_a_body_is_checked_only_where_a_clause_says_who_does_it_to_that_subject():
    units = ["Cục Công nghiệp địa phương trình Bộ trưởng Bộ Công Thương phê duyệt kế hoạch khuyến công quốc gia."]
    assert compose.body_check("Kế hoạch khuyến công quốc gia do Bộ trưởng phê duyệt đúng không?", units) is None


@require_corpus()
def test_a_list_question_naming_its_document_is_answered_by_the_article_it_names(answerer):
    # 'trong Thông tư 36/2013' scopes the question: Điều 17 'Chứng từ chi' answers, not a list elsewhere in it
    answer = answerer.ask("Chứng từ chi trong Thông tư 36/2013 gồm những gì?")
    assert "phiếu chi" in answer.lead and answer.citations[0].chunk_id == "tt-36-2013-bct#d17"


@require_corpus()
@pytest.mark.parametrize(("previous", "follow_up", "fact", "foreign"), [
    # every word of the foreign question is one the corpus uses, but it shares none with the conversation
    ("Hội đồng bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp huyện gồm bao nhiêu thành viên?",
     "Thế cấp tỉnh thì hội đồng có mấy người?", "07 hoặc 09 thành viên",
     "Thủ tục đăng ký kết hôn với người nước ngoài"),
    # in colloquial words: 'hạn chót' is the corpus's 'thời hạn'
    ("Đơn vị đăng ký đề án khuyến công quốc gia phải nộp hồ sơ cho Sở Công Thương trước ngày nào?",
     "Rồi Sở gửi tiếp lên Cục thì hạn chót là khi nào?", "15 tháng 6", "Giá vàng SJC hôm nay bao nhiêu?"),
    # a word shared with the conversation ('đăng ký'), but a compound the corpus never writes ('kết hôn', 'xe máy')
    ("Đơn vị đăng ký đề án khuyến công quốc gia phải nộp hồ sơ cho Sở Công Thương trước ngày nào?",
     "Rồi Sở gửi tiếp lên Cục thì hạn chót là khi nào?", "15 tháng 6", "Thủ tục đăng ký kết hôn cần giấy tờ gì?"),
    ("Đơn vị đăng ký đề án khuyến công quốc gia phải nộp hồ sơ cho Sở Công Thương trước ngày nào?",
     "Rồi Sở gửi tiếp lên Cục thì hạn chót là khi nào?", "15 tháng 6", "Đăng ký xe máy ở đâu?"),
    # no word of the topic, and a chat word ('xong') no document uses
    ("Kế hoạch khuyến công Hà Nội năm 2020 tổ chức bao nhiêu lớp truyền nghề?",
     "Học xong thì dự kiến bao nhiêu phần trăm có việc làm?", "80%", "Giá vàng SJC hôm nay bao nhiêu?"),
    # 'bao lâu' is joined into one word by the segmenter: an asking word, no foreign topic
    ("Đơn vị đăng ký đề án khuyến công quốc gia phải nộp hồ sơ cho Sở Công Thương trước ngày nào?",
     "Rồi Sở gửi tiếp lên Cục thì mất bao lâu?", "", "Đăng ký xe máy ở đâu?"),
    # opened as a continuation, with one word no document uses ('kênh'); the previous question asked of what the
    # corpus never writes ('kết hôn', 'xe tải') is refused, not answered as the previous one
    ("Sản phẩm được công nhận là sản phẩm CNNT tiêu biểu cấp tỉnh thì được đăng thông tin giới thiệu ở đâu?",
     "Thế còn sản phẩm đạt cấp quốc gia thì được giới thiệu trên những kênh nào?", "Bản tin khuyến công",
     "Thế còn thủ tục đăng ký kết hôn thì sao?"),
    ("Sản phẩm được công nhận là sản phẩm CNNT tiêu biểu cấp tỉnh thì được đăng thông tin giới thiệu ở đâu?",
     "Thế còn cấp quốc gia thì sao?", "Bản tin khuyến công", "Thế còn mua xe tải thì sao?"),
    # a kind of establishment the corpus covers under another name ('công ty TNHH') is swapped in, not refused
    ("Doanh nghiệp nhỏ và vừa được hỗ trợ tối đa bao nhiêu khi xây dựng mô hình trình diễn kỹ thuật?",
     "Còn công ty TNHH thì sao?", "", "Thế còn mua xe tải thì sao?"),
])
def test_a_follow_up_naming_too_little_of_its_topic_carries_the_previous_one(answerer, previous, follow_up, fact,
                                                                             foreign):
    history = [{"role": "user", "content": previous}, {"role": "assistant", "content": "…"}]
    answer = answerer.ask(follow_up, history)
    assert not answer.refused and fact in answer.lead
    assert answerer.ask(foreign, history).refused  # a question changing the subject stays refused


@require_corpus()
def test_a_province_the_asker_lives_in_is_not_a_document_asked_for(answerer):
    answer = answerer.ask("Tôi là hộ kinh doanh ở Bắc Kạn, đi hội chợ triển lãm trong nước thì được hỗ trợ bao nhiêu?")
    assert not answer.refused and "%" in answer.lead
    assert answerer.ask("Kế hoạch khuyến công của tỉnh Bắc Kạn năm 2024 là gì?").refused


@require_corpus()
def test_a_date_of_issue_is_written_and_cited_as_the_document_opens(answerer):
    answer = answerer.ask("Quyết định 1288/QĐ-TTg ban hành ngày nào?")
    assert "ngày 01 tháng 08 năm 2014" in answer.lead and answer.citations[0].chunk_id.endswith("#preamble")
    # the opening of Thông tư 46/2012 dates Nghị định 45/2012, not itself: the passage citing it with its date answers
    circular = answerer.ask("Thông tư 46/2012/TT-BCT được ban hành ngày nào?")
    assert "ngày 28 tháng 12 năm 2012 [1]" in circular.lead
    assert "46/2012/TT-BCT ngày 28 tháng 12 năm 2012" in circular.citations[0].text
    joint = answerer.ask("Thông tư liên tịch 26/2014/TTLT-BTC-BCT ký ngày nào?")
    assert "ngày 18 tháng 02 năm 2014" in joint.lead  # as a passage writes it, not rebuilt from the manifest
    parts_left = answerer.ask("Quyết định 1288/QĐ-TTg áp dụng đến năm nào?")
    assert "không truy xuất được" not in parts_left.lead  # an editorial note is never the answer


@require_corpus()
def test_a_value_asked_of_the_missing_part_of_a_document_is_declined_naming_it(answerer):
    # the corpus holds the resolution's opening only: the national level of another document does not answer
    answer = answerer.ask("Theo Nghị quyết 23/2025/NQ-HĐND, mức chi hỗ trợ mua máy móc thiết bị là bao nhiêu?")
    assert answer.refused and "200 triệu" not in answer.answer
    assert "một phần văn bản Nghị quyết 23/2025/NQ-HĐND" in answer.lead
    about = answerer.ask("Nghị quyết 23/2025/NQ-HĐND quy định về nội dung gì?")  # what the stored part says
    assert not about.refused and {c.doc_id for c in about.citations} == {"nq-23-2025-hdnd-phutho"}

@require_corpus()
def test_what_a_programme_sets_out_is_declined_when_only_its_approving_decision_is_stored(answerer):
    # Quyết định 2646/QĐ-BCT is stored without the programme it approves: its Điều 1 is no statement of the goals
    goals = answerer.ask("Mục tiêu của Chương trình khuyến công quốc gia giai đoạn 2026 - 2030 là gì?")
    assert goals.refused and "một phần văn bản Quyết định 2646/QĐ-BCT" in goals.lead
    contents = answerer.ask("Chương trình khuyến công quốc gia 2026-2030 có những nội dung gì?")
    assert contents.refused, contents.lead  # 'nơi nhận' holds no 'nội dung'; nor does the 2014 programme answer
    # the stored part answers what it states; a year the title shares does not name the programme
    stored = answerer.ask("Chương trình khuyến công quốc gia đến năm 2020 có mục tiêu tổng quát gì?")
    assert not stored.refused and stored.citations[0].doc_id == "qd-1288-2014-ttg"
    other = answerer.ask("Năm 2026 có kỳ bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia không?")
    assert "2646" not in other.lead


@require_corpus()
def test_what_the_corpus_knows_of_a_partial_document_answers_for_its_missing_part(answerer):
    # its stored part has no article on when it takes effect: its record's date, said to come from the record
    effect = answerer.ask("Nghị quyết 23/2025 của Phú Thọ có hiệu lực từ khi nào?")
    assert effect.lead.startswith("Nghị quyết 23/2025/NQ-HĐND có hiệu lực từ ngày 01 tháng 1 năm 2026")
    assert "không có điều khoản hiệu lực" in effect.lead
    # the province's own resolution, though not retrieved, is what a question on its levels is declined about
    level = answerer.ask("Phú Thọ hỗ trợ mua máy móc bao nhiêu?")
    assert level.refused and "một phần văn bản Nghị quyết 23/2025/NQ-HĐND" in level.lead
    assert "kho chưa có văn bản khuyến công của Phú Thọ" not in level.lead


@require_corpus()
@pytest.mark.parametrize(("question", "said"), [
    ("Thông tư liên tịch 26/2014 bị thay thế bởi văn bản nào?",
     "Thông tư liên tịch 26/2014/TTLT-BTC-BCT đã bị thay thế bởi Thông tư 28/2018/TT-BTC. Kho chưa có toàn văn"),
    ("Nghị định 45/2012 được sửa đổi bởi nghị định nào?",
     "Nghị định 45/2012/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định 235/2025/NĐ-CP."),
    ("Which circular replaced Joint Circular 26/2014?", "đã bị thay thế bởi Thông tư 28/2018/TT-BTC"),
])
def test_what_replaced_a_document_is_named_first(answerer, question, said):
    # not what the document itself replaced (Thông tư 125/2009), the direction its own effect article gives
    answer = answerer.ask(question)
    assert said in answer.lead and "125/2009" not in answer.lead


@require_corpus()
def test_what_an_amending_text_missing_from_the_corpus_changes_is_declined_naming_what_it_amends(answerer):
    answer = answerer.ask("Nghị định 235/2025 sửa những gì của Nghị định 45?")
    assert answer.refused
    assert "235/2025 chưa có trong kho" in answer.lead and "sửa đổi, bổ sung Nghị định 45/2012/NĐ-CP" in answer.lead
    circular = answerer.ask("Thông tư 20/2017/TT-BCT sửa đổi Thông tư 46 ở điểm nào?")
    assert circular.refused and "Thông tư 46/2012/TT-BCT" in circular.lead
    # whether it was amended is known: answered, not declined
    status = answerer.ask("Nghị định 45/2012 đã được sửa đổi, bổ sung chưa?")
    assert not status.refused and "235/2025" in status.lead



@require_corpus()
def test_a_part_nothing_is_retrieved_for_is_left_out(default_settings):
    # BM25 alone finds nothing for 'đc bn % vậy mn': the other part still answers, nothing raises
    lexical = Answerer(Searcher(default_settings), mode="lexical")
    answer = lexical.ask("cty e cử ng đi khảo sát nước ngoài thì khuyến công có hỗ chợ vé máy bay ko, đc bn % vậy mn")
    assert not answer.refused and "vé máy bay" in answer.lead


@require_corpus()
def test_an_article_whose_khoan_are_chunks_of_their_own_is_listed_item_by_item(answerer):
    # Điều 21 opens with '… được hưởng các quyền lợi:'; each khoản is a chunk of its own and cites itself
    answer = answerer.ask("Trong thời hạn của Giấy chứng nhận, cơ sở công nghiệp nông thôn được hưởng quyền lợi gì?")
    assert answer.lead.startswith("Gồm 5 nội dung:") and "tặng thưởng bằng tiền mặt" in answer.lead
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)]
    assert markers == sorted(markers) and markers[:2] == [1, 2]  # numbered in reading order
    assert answer.citations[0].chunk_id == "tt-26-2014-bct#d21-k1"
    assert lists.list_lead(["a) Một", "b) Hai"], [3, 4]) == "Gồm 2 nội dung: Một [3]; Hai [4]."
    # a list of nine is shown to its last item: the ninth is as much the answer as the first
    nine = lists.list_lead([f"{n}. Dự án loại {n};" for n in range(1, 10)], 1)
    assert nine.startswith("Gồm 9 nội dung:") and "Dự án loại 9" in nine and "…" not in nine


def test_a_short_list_item_is_shown_whole():
    items = ["c) Công nghiệp hóa chất phục vụ nông nghiệp, nông thôn. Sản xuất vật liệu xây dựng;",
             "b) Sản xuất hàng công nghiệp phục vụ tiêu dùng và xuất khẩu, hàng thay thế hàng nhập khẩu;",
             "đ) Sản xuất hàng tiểu thủ công nghiệp;"]
    lead = lists.list_lead(items * 2 + items[:1], 1)  # 7 items: 70 characters each
    assert "nông thôn. Sản xuất vật liệu xây dựng;" in lead and "Sản xuất hàng tiểu thủ công nghiệp;" in lead
    assert "…" not in lead


def test_a_body_named_inside_the_asked_one_answers_who():
    unit = "a) Chủ tịch Hội đồng là đại diện Lãnh đạo Bộ Công Thương;"
    asked = "chu tich hoi dong binh chon cap quoc gia la ai"
    assert typed_near(unit, "body", ["tich", "chu"], asked=asked) == 1.0  # 'Bộ Công Thương', past the asked 'Chủ tịch'
    assert typed_near("a) Chủ tịch Hội đồng bình chọn;", "body", ["tich"], asked=asked) == 0.0  # only what is asked


@require_corpus()
def test_a_point_is_found_by_the_words_of_its_clause_heading(answerer):
    answer = answerer.ask("khu vuc phia nam trong binh chon san pham cong nghiep nong thon tieu bieu "
                          "gom bao nhieu tinh")
    assert "Khu vực phía Nam, gồm 20 tỉnh" in answer.lead


@require_corpus()
def test_a_loan_for_moving_into_a_cluster_is_the_interest_support_not_the_machines_it_buys(answerer):
    answer = answerer.ask("Xưởng dệt của tôi gây ô nhiễm phải chuyển vào cụm công nghiệp, tôi vay ngân hàng để "
                          "xây xưởng và mua máy. Có được hỗ trợ lãi vay không, bao nhiêu?")
    assert "50% lãi suất" in answer.lead and "500 triệu đồng/cơ sở" in answer.lead


def test_the_sentence_excluding_a_stated_case_is_found_with_its_diacritics():
    text = ("Mức hỗ trợ tối đa 50% lãi suất nhưng không quá 500 triệu đồng/cơ sở. Việc hỗ trợ lãi suất áp dụng "
            "đối với các khoản vay trả nợ trước hoặc trong hạn, không áp dụng đối với các khoản vay đã quá thời hạn "
            "trả nợ.")
    said = "Mức hỗ trợ tối đa 50% lãi suất nhưng không quá 500 triệu đồng/cơ sở"
    excluded = compose.exception_for("Khoản vay đã quá hạn trả nợ có còn được hỗ trợ lãi suất không?", text, said)
    assert excluded is not None and excluded.endswith("đã quá thời hạn trả nợ.")
    assert compose.exception_for("Di dời vào cụm thì có được hỗ trợ lãi suất không?", text, said) is None
    assert compose.exception_for("Vay quá nhiều thì sao, có trả được không?", text, said) is None  # no shared phrase


@require_corpus()
def test_a_level_question_about_an_excluded_case_is_answered_no(answerer):
    answer = answerer.ask("Xưởng tôi đã di dời vào cụm công nghiệp nhưng khoản vay ngân hàng đã quá hạn trả nợ, "
                          "khoản vay đó có còn được hỗ trợ lãi suất không?")
    assert answer.lead.startswith("Không.")
    assert "không áp dụng đối với các khoản vay đã quá thời hạn trả nợ" in answer.lead


@require_corpus()
def test_a_trade_that_repairs_machines_is_asked_about_its_trade_not_machines_it_buys(answerer):
    answer = answerer.ask("Cơ sở sửa chữa máy nông nghiệp ở xã có thuộc ngành nghề được hưởng khuyến công không?")
    assert "200 triệu" not in answer.lead and "Điều 5" in answer.lead


@require_corpus()
def test_a_document_the_corpus_only_cites_is_answered_from_the_citing_passage(answerer):
    answer = answerer.ask("Nghị định 235/2025 được ban hành ngày nào?")
    assert not answer.refused and answer.lead.startswith("Kho chưa có toàn văn Nghị định 235/2025;")
    assert "Nghị định số 235/2025/NĐ-CP ngày 27 tháng 8 năm 2025" in answer.lead  # the mention that dates it
    assert answer.citations[0].doc_id == "qd-2646-2025-bct"
    assert answerer.ask("Theo Thông tư 28/2018, mức hỗ trợ mua máy là bao nhiêu?").refused  # its values are not here
    assert answerer.ask("Nghị định 99/2021 còn hiệu lực không?").refused  # cited nowhere
    assert answerer.ask("Nghị định 28/2018 ban hành ngày nào?").refused  # 28/2018 is cited as a Thông tư only


@require_corpus()
def test_a_definition_question_is_answered_by_the_unit_defining_the_term(answerer):
    planned = answerer.ask('Nghị định 45/2012 định nghĩa "kế hoạch khuyến công" là gì?')
    assert planned.lead.startswith("Kế hoạch khuyến công là tập hợp các đề án, nhiệm vụ khuyến công hàng năm")
    assert planned.citations[0].chunk_id == "nd-45-2012#d2-k2"
    who = answerer.ask('Trong Thông tư 36/2013/TT-BCT, "đơn vị thực hiện đề án" được hiểu là ai?')
    assert who.intent["type"] == "definition" and who.lead.startswith("Đơn vị thực hiện đề án là các tổ chức, cá nhân")
    unquoted = answerer.ask("Nghị định 45/2012 định nghĩa kế hoạch khuyến công là gì?")
    assert unquoted.lead.startswith("Kế hoạch khuyến công là tập hợp")
    unaccented = answerer.ask("san xuat sach hon la gi")
    assert unaccented.lead.startswith("Sản xuất sạch hơn trong công nghiệp là việc áp dụng các giải pháp")
    called = answerer.ask('Theo Nghị định 52/2018/NĐ-CP, thế nào thì được gọi là "làng nghề"?')
    assert called.intent["type"] == "definition" and called.lead.startswith("Làng nghề là một hoặc nhiều cụm dân cư")
    # an unnumbered paragraph defines a term; a list asked of a quoted term is answered by its definition
    who = answerer.ask("Đơn vị thụ hưởng đề án khuyến công quốc gia là ai?")  # a defined term asked as 'là ai'
    assert who.lead.startswith("Đơn vị thụ hưởng là tổ chức, cá nhân được thụ hưởng trực tiếp")
    chair = answerer.ask("Chủ tịch Hội đồng bình chọn cấp tỉnh là ai?")  # an office: not the first council's chair
    assert "Ủy ban nhân dân cấp tỉnh" in chair.lead
    papers = answerer.ask('Khi quyết toán kinh phí khuyến công quốc gia, "chứng từ chi" gồm những giấy tờ nào?')
    assert papers.lead.startswith("Chứng từ chi là toàn bộ chứng từ thanh toán gồm phiếu chi hoặc ủy nhiệm chi")
    # a definition a little longer than a lead is said whole: its last criteria are part of what the term means
    typical = answerer.ask("Sản phẩm công nghiệp nông thôn tiêu biểu là gì?")
    assert "mở rộng thị trường" in typical.lead and "bảo vệ môi trường" in typical.lead
    # the members of a term the rules name ('… (sau đây gọi chung là cơ sở công nghiệp nông thôn)'), not a list of
    # another term's items
    for members in ("Cơ sở công nghiệp nông thôn gồm những loại hình nào?",
                    "nhung ai duoc goi chung la co so cong nghiep nong thon"):
        assert "hợp tác xã, tổ hợp tác, hộ kinh doanh" in answerer.ask(members).lead


@pytest.mark.parametrize(("question", "term"), [
    ("Thế nào là làng nghề truyền thống?", "làng nghề truyền thống"),
    ("the nao duoc coi la co so cong nghiep nong thon", "co so cong nghiep nong thon"),
    ("Làng nghề được hiểu thế nào?", "Làng nghề"),
    ('Thế nào thì được gọi là "nghề truyền thống"?', "nghề truyền thống"),
    # an English term glossed in Vietnamese: the corpus defines the Vietnamese one
    ("What is a 'key national scheme' (đề án khuyến công quốc gia điểm) under Circular 36/2013?",
     "đề án khuyến công quốc gia điểm"),
    ("What is a 'beneficiary unit' (the unit that benefits)?", "beneficiary unit"),
])
def test_the_term_a_definition_asks_for_follows_or_precedes_its_cue(question, term):
    assert analyze(question).type == "definition" and defined_term(question) == term


@require_corpus()
def test_definitions_are_read_off_the_index_and_looked_up_by_the_asked_term(default_settings):
    generation = Searcher(default_settings).generation()
    terms = {d.term for d in definitions.table(generation)}
    assert {"Kế hoạch khuyến công", "Làng nghề", "Bộ sản phẩm", "Đơn vị thụ hưởng", "Chứng từ chi"} <= terms
    assert "Đây" not in terms  # an unnumbered paragraph defines only a term of two words or more
    assert not any(term.endswith("không phải") for term in terms)
    assert definitions.lookup(generation, "bộ sản phẩm trong bình chọn").term == "Bộ sản phẩm"
    # no text says 'Khuyến công là …'; Nghị định 45/2012 Điều 1 names what it governs 'hoạt động khuyến công'
    activity = definitions.lookup(generation, "khuyến công")
    assert activity.term == "hoạt động khuyến công" and "phát triển sản xuất công nghiệp nông thôn" in activity.text
    assert definitions.lookup(generation, "hoạt động khuyến công").term == "hoạt động khuyến công"
    named = definitions.lookup(generation, "cơ sở công nghiệp nông thôn")  # '(sau đây gọi chung là …)'
    assert named is not None and "hộ kinh doanh" in named.text


@pytest.mark.parametrize(("question", "expected"), [
    ('How does Decree 45/2012 define "cleaner production in industry"?', "definition"),
    ("What is the definition of a traditional craft village?", "definition"),
    ("Which resolution defines the poor districts that get priority?", "document"),  # asks a document
    ("How much support is defined for a craft village?", "amount"),
])
def test_an_english_question_asking_how_a_term_is_defined_asks_a_definition(question, expected):
    assert analyze(question).type == expected


@require_corpus()
def test_an_english_definition_is_the_vietnamese_term_its_words_gloss(default_settings, answerer):
    generation = Searcher(default_settings).generation()
    found = definitions.lookup_glossed(generation, ["sản xuất sạch hơn", "nghị định"])
    assert found.term == "Sản xuất sạch hơn trong công nghiệp"
    assert definitions.lookup_glossed(generation, ["cơ sở"]) is None  # two syllables open too many terms
    reply = answerer.ask('How does Decree 45/2012 define "cleaner production in industry"?')
    assert reply.lead.startswith("According to Điều 2, khoản 5 Nghị định 45/2012/NĐ-CP: Sản xuất sạch hơn trong "
                                 "công nghiệp là việc áp dụng các giải pháp")


@require_corpus()
def test_what_an_article_is_titled_is_answered_by_its_list_and_a_named_term_by_its_unit(answerer):
    aims = answerer.ask("muc tieu cua hoat dong khuyen cong theo nghi dinh 45 nam 2012 la gi")
    assert aims.intent["type"] == "definition"  # 'mục tiêu' is no 'mức'
    assert aims.lead.startswith("Gồm 4 nội dung") and "huy động các nguồn lực" in aims.lead
    assert "hộ kinh doanh" in answerer.ask("Cơ sở công nghiệp nông thôn là gì?").lead
    assert analyze("muc ho tro thanh lap doanh nghiep la gi").type == "amount"


def test_what_a_long_stretch_opens_with_a_colon_is_a_clause_of_its_own_but_a_heading_stays():
    rule = ("Đối với các đề án, nhiệm vụ của các đơn vị do Sở Công Thương đăng ký kế hoạch hoặc đề án của đơn vị khác "
            "thực hiện trên địa bàn do Sở Công Thương thẩm định cấp cơ sở: Đối với một số nội dung hoạt động khuyến "
            "công theo quy định phải thực hiện đấu thầu: Sau khi nhận được quyết định giao kế hoạch khuyến công quốc "
            "gia của Bộ trưởng Bộ Công Thương, Sở Công Thương phối hợp với các đơn vị liên quan trình cấp có thẩm "
            "quyền để tổ chức đấu thầu theo quy định và gửi Quyết định phê duyệt kết quả đấu thầu về Cục Công "
            "nghiệp địa phương để làm cơ sở ký kết hợp đồng khuyến công quốc gia.")
    clause = compose.clause_for(rule, "fact", "Sở Công Thương phải gửi văn bản gì về Cục Công nghiệp địa phương")
    assert "gửi Quyết định phê duyệt kết quả đấu thầu về Cục Công nghiệp địa phương" in clause
    headed = "Thẩm định cấp cơ sở: Các Trung tâm Khuyến công cấp tỉnh lập hồ sơ đề án. " + "Giám đốc Sở tổ chức. " * 20
    assert compose.clause_for(headed, "fact", "Trung tâm Khuyến công cấp tỉnh lập hồ sơ").startswith(
        "Thẩm định cấp cơ sở: Các Trung tâm")


def test_a_clause_a_little_over_the_room_is_shown_whole_and_a_cut_never_splits_a_word():
    rule = ("Điều kiện để các tổ chức, cá nhân được hỗ trợ kinh phí khuyến công quốc gia do Bộ Công Thương quy định, "
            "kinh phí khuyến công địa phương do Ủy ban nhân dân cấp tỉnh quy định nhưng phải đảm bảo các nguyên tắc.")
    assert compose.clause_for(rule, "body", "cơ quan nào quy định", limit=160).endswith("cấp tỉnh quy định nhưng "
                                                                                        "phải đảm bảo các nguyên tắc")
    cut = compose.clause_for(rule, "body", "cơ quan nào quy định", limit=90)
    whole = {word.strip(",.") for word in rule.split()}
    assert all(word.strip(",.") in whole for word in cut.replace("…", " ").split())  # no word is cut in two


def test_an_asserted_count_is_checked_against_a_count_of_the_same_thing():
    assert counted_nouns("tối đa 5 lần một năm, đúng không?", "count") == {"lan"}
    assert counted_nouns("Mỗi cơ sở được hỗ trợ không quá 2 lần/năm.", "count") == {"lan"}
    assert counted_nouns("có 200 đến 250 nhà nhập khẩu được hỗ trợ", "count") == {"nha"}
    assert counted_nouns("tối đa 5 lần một năm", "amount") == set()


def test_a_stated_value_above_a_floor_meets_it_rather_than_contradicting_it():
    unit = "Nguyên liệu được cung cấp từ địa bàn cấp tỉnh, chiếm trên 50% tổng giá trị nguyên liệu."
    assert compose.premise_check("70% nguyên liệu mua trong tỉnh, có được ưu tiên không?", unit) is True
    assert compose.premise_check("30% nguyên liệu mua trong tỉnh, có được ưu tiên không?", unit) is False
    assert compose.premise_check("Tạm ứng tới 90% phải không?", "Tạm ứng 70% kinh phí hỗ trợ.") is False
    assert compose.premise_check("70 triệu đồng, đúng không?", unit) is False  # another unit: no floor met
    assert compose.premise_check("80% đúng không?", "hỗ trợ từ 30% đến 50% chi phí") is False  # a range, no floor
    assert compose.premise_check("1,5 tỷ đúng không?", "các dự án trên 500 triệu đồng") is True



@require_corpus()
def test_a_bank_loan_for_machines_is_the_machine_level_not_the_relocation_interest(answerer):
    answer = answerer.ask("Tôi vay ngân hàng để mua máy CNC thì được hỗ trợ bao nhiêu?")
    assert "200 triệu đồng/cơ sở" in answer.lead and "lãi suất" not in answer.lead


def test_the_kind_of_thing_a_list_question_asks_for_is_read():
    assert lists.listed_noun("Sản phẩm được chia thành những nhóm nào?") == "nhom"
    assert lists.listed_noun("Hồ sơ gồm những giấy tờ gì?") == "giay to"
    assert lists.listed_noun("Mức hỗ trợ là bao nhiêu?") == ""
    assert lists.listed_noun("Trung tâm được làm những hoạt động tư vấn phát triển công nghiệp và thương mại "
                             "nào?") == "hoat dong"  # a long kind: its first two words


@require_corpus()
def test_a_list_whose_introduction_names_what_is_asked_is_chosen(answerer):
    answer = answerer.ask("Sản phẩm tham gia bình chọn sản phẩm công nghiệp nông thôn tiêu biểu được chia thành "
                          "những nhóm nào?")
    assert answer.lead.startswith("Gồm 4 nội dung: Nhóm sản phẩm thủ công mỹ nghệ;")
    assert answer.citations[0].chunk_id == "tt-26-2014-bct#d5"


def test_a_negation_inside_the_question_stays_in_its_focus():
    assert "vật liệu không nung" in analyze("Cơ sở làm vật liệu không nung có được ưu tiên hỗ trợ không?").focus
    assert analyze("Hộ kinh doanh có được hỗ trợ không ạ?").focus == "Hộ kinh doanh hỗ trợ"


def test_a_header_table_s_cell_border_is_not_shown():
    assert compose.tidy("Số: 23/2025/NQ-HĐND |") == "Số: 23/2025/NQ-HĐND"
    assert compose.tidy("Hồ sơ gồm:") == "Hồ sơ"


def test_the_clause_holding_the_asked_phrase_wins_over_one_sharing_its_words():
    rule = ("Đối với sản xuất vật liệu xây dựng, không hỗ trợ các cơ sở sản xuất gạch đất sét nung sử dụng công nghệ "
            "nung bằng lò thủ công cải tiến, lò vòng gây ô nhiễm môi trường; tập trung hỗ trợ các cơ sở sản xuất vật "
            "liệu xây dựng theo công nghệ mới (vật liệu không nung), không ô nhiễm môi trường, sử dụng nguyên liệu "
            "tái tạo.")
    clause = compose.clause_for(rule, "yes_no", "Cơ sở làm vật liệu không nung ưu tiên hỗ trợ", limit=200)
    assert "(vật liệu không nung)" in clause and "lò vòng" not in clause


def test_a_list_inside_one_line_is_one_of_the_passage_s_lists():
    text = ("Cụ thể: Phấn đấu năm 2024, tăng trưởng 6-8%/năm; tạo ra 650-800 mẫu thiết kế mới.\n"
            "Nội dung Kế hoạch tập trung vào 5 nhóm nhiệm vụ chính: Nâng cao năng lực quản lý; Hỗ trợ xây dựng mô "
            "hình trình diễn kỹ thuật; Hỗ trợ phát triển sản phẩm công nghiệp nông thôn tiêu biểu; Phát triển sản "
            "phẩm mới; Nâng cao năng lực tổ chức hoạt động khuyến công.\n"
            "Tổ chức 10 lớp tập huấn cho khoảng 1.000 lượt cán bộ lãnh đạo, quản lý các cơ sở công nghiệp nông thôn "
            "về: Khởi sự doanh nghiệp; 01 Hội nghị kết nối cung cầu; Hội thảo quốc tế.")
    groups = dict(lists.list_groups(text))
    assert groups["Nội dung Kế hoạch tập trung vào 5 nhóm nhiệm vụ chính:"][3] == "Phát triển sản phẩm mới"
    assert len(groups) == 1  # the training line's semicolons join activities, not what it trains 'về'


@require_corpus()
def test_a_list_inside_a_news_line_answers_what_it_names(answerer):
    answer = answerer.ask("Kế hoạch khuyến công năm 2024 của Hà Nội gồm những nhóm nhiệm vụ chính nào?")
    assert answer.lead.startswith("Gồm 5 nhóm nhiệm vụ chính: Nâng cao năng lực quản lý")  # as the line counts them
    assert "Phát triển sản phẩm mới" in answer.lead


def test_a_list_running_on_into_the_next_paragraphs_is_read_there():
    from types import SimpleNamespace as Chunk
    opening = Chunk(text="Định hướng tập trung vào 3 lĩnh vực sau:\nHỗ trợ xây dựng các mô hình trình diễn kỹ "
                         "thuật. Lựa chọn mô hình chế biến.")
    later = [Chunk(text="Hỗ trợ ứng dụng máy móc tiên tiến vào sản xuất. Đổi mới máy móc.\n"
                        "Đại biểu thăm gian hàng sản phẩm công nghiệp nông thôn tiêu biểu năm 2022\n"
                        "Hỗ trợ phát triển nguồn nhân lực có chất lượng cho các cơ sở.\n"
                        "Hỗ trợ tư vấn thông tin phát triển công nghiệp nông thôn.")]
    items = lists.continued_items(opening, later)
    assert [text.split(".")[0] for _, text in items] == [
        "Hỗ trợ xây dựng các mô hình trình diễn kỹ thuật", "Hỗ trợ ứng dụng máy móc tiên tiến vào sản xuất",
        "Hỗ trợ phát triển nguồn nhân lực có chất lượng cho các cơ sở"]  # a caption is no item; three announced
    assert [chunk for chunk, _ in items] == [opening, later[0], later[0]]
    sections = [Chunk(text="1. Tổ chức truyền nghề\nTổ chức 47 lớp."), Chunk(text="Tiếp theo của mục 1."),
                Chunk(text="2. Nâng cao năng lực quản lý\nTổ chức 10 lớp.")]
    headed = lists.continued_items(Chunk(text="Kế hoạch có 02 nội dung chính như sau:"), sections)
    assert [text for _, text in headed] == ["1. Tổ chức truyền nghề", "2. Nâng cao năng lực quản lý"]
    assert lists.continued_items(Chunk(text="Hồ sơ gồm:\na) Phiếu đăng ký;\nb) Ảnh màu."), later) == []
    assert lists.continued_items(Chunk(text="Tập trung vào 9 lĩnh vực sau:"), later) == []  # 3 follow, not 9
    assert lists.continued_items(Chunk(text="Kết quả nổi bật:"), later) == []  # announces no count


@require_corpus()
def test_the_areas_a_news_item_announces_are_listed_from_its_paragraphs(answerer):
    answer = answerer.ask("Công văn 400/CTĐP-QLKC định hướng khuyến công năm 2024 vào những lĩnh vực nào?")
    assert answer.lead.startswith("Gồm 6 lĩnh vực: Hỗ trợ xây dựng các mô hình trình diễn kỹ thuật")
    assert "Hỗ trợ phát triển nguồn nhân lực" in answer.lead
    assert {c.chunk_id for c in answer.citations} >= {"cv-400-ctdp-2023-tin#p1", "cv-400-ctdp-2023-tin#p3"}


@require_corpus()
def test_a_classifier_before_the_listed_noun_does_not_hide_the_list(answerer):
    answer = answerer.ask("Ban giám khảo chấm sản phẩm tiêu biểu dựa trên những nhóm tiêu chí nào?")
    assert answer.lead.startswith("Gồm 4 nội dung: Tiêu chí về đáp ứng thị trường")
    assert answer.citations[0].chunk_id == "tt-26-2014-bct#d7"


@require_corpus()
def test_the_text_amending_a_named_document_is_what_is_answered(answerer):
    decree = answerer.ask("Nghị định sửa đổi, bổ sung Nghị định 45/2012 là nghị định số mấy, ban hành ngày nào?")
    assert "Nghị định số 235/2025/NĐ-CP ngày 27 tháng 8 năm 2025" in decree.lead  # as Quyết định 2646 cites it
    assert decree.citations[0].doc_id.startswith("qd-2646")
    circular = answerer.ask("Thông tư nào sửa đổi Thông tư 46/2012?")  # cited nowhere: the manifest names it
    assert circular.lead.startswith("Thông tư 46/2012/TT-BCT còn hiệu lực nhưng đã được sửa đổi, bổ sung bởi "
                                    "20/2017/TT-BCT")
    assert "235/2025" in answerer.ask("Which decree amends Decree 45/2012?").lead
    rule = answerer.ask("Theo nghị định sửa đổi, bổ sung Nghị định 45/2012, đối tượng áp dụng là ai?")
    assert "Kho chưa có toàn văn" not in rule.lead  # a rule asked of it, not which text it is
    own = answerer.ask("Nghị định 45/2012 có hiệu lực từ ngày nào?")  # asks of 45/2012 itself
    assert "Kho chưa có toàn văn" not in own.lead and "05 tháng 7 năm 2012" in own.lead
    # 'đã được sửa đổi, bổ sung chưa? … ban hành ngày nào?' asks the status, the amending text and its date
    amended = answerer.ask("Nghị định 45/2012/NĐ-CP đã được sửa đổi, bổ sung chưa? Nếu có thì bằng văn bản nào, ban "
                           "hành ngày nào?")
    assert amended.lead.startswith("Nghị định 45/2012/NĐ-CP còn hiệu lực nhưng đã được sửa đổi, bổ sung bởi "
                                   "235/2025/NĐ-CP (27/8/2025)")
    assert answerer.ask("Thông tư 46/2012/TT-BCT đã bị thay thế chưa?").lead.startswith("Thông tư 46/2012/TT-BCT còn "
                                                                                       "hiệu lực nhưng")


def test_an_english_question_word_inside_a_clause_opens_no_part():
    # 'of how … are managed' says what is inspected; 'periodic and ad-hoc' is one thing
    assert len(parts("Who must carry out periodic and ad-hoc inspections of how khuyến công funds are managed?")) == 1
    assert len(parts("What is the cap per project, and which ministry approves the plan?")) == 2


def test_a_sentence_saying_none_does_it_sets_the_scene_and_asks_nothing():
    asked = parts("Xưởng tôi muốn làm mô hình trình diễn công nghệ mới mà trong huyện chưa cơ sở nào làm. Được hỗ trợ "
                  "bao nhiêu và công nghệ phải đáp ứng điều kiện gì?")
    assert len(asked) == 2 and all(part.startswith("Xưởng tôi muốn làm mô hình") for part in asked)
    assert asked[0].endswith("Được hỗ trợ bao nhiêu?")
    assert parts("Cơ sở nào chưa được hỗ trợ thì làm sao?") == ["Cơ sở nào chưa được hỗ trợ thì làm sao?"]


def test_a_yes_no_piece_asks_in_english_and_in_shorthand():
    assert len(parts("When did Decree 45/2012 take effect, and has it been amended since?")) == 2
    assert len(parts("For the selection, must the panel have an odd number of members, and how does it decide?")) == 2
    # 'đc ko' is 'được không': the second sentence asks, though it has no question mark
    assert len(parts("giấy cn có hạn bao lâu z mn? hết hạn r thì có đăng ký lại đc ko")) == 2
    assert len(parts("Does the plan include training for rural establishments?")) == 1


@require_corpus()
def test_who_signed_a_named_document_is_answered_by_the_line_dating_it(answerer):
    answer = answerer.ask("Công văn 400/CTĐP-QLKC định hướng khuyến công năm 2024 được ký ngày nào và do ai ký?")
    assert "15/5/2023" in answer.lead and "Ngô Quang Trung" in answer.lead
    rule = answerer.ask("Theo Thông tư 36/2013/TT-BCT, ai ký quyết định giao kế hoạch khuyến công quốc gia?")
    assert "được ban hành ngày" not in rule.lead  # who signs a decision under the circular: a rule, not its date


def test_a_part_opening_with_what_is_done_borrows_the_subject_before_it():
    asked = parts("Quyết định ban hành chương trình khuyến công quốc gia 2026-2030 được ký ngày nào, bắt đầu có hiệu "
                  "lực khi nào?")
    assert len(asked) == 2 and asked[1].startswith("Quyết định ban hành chương trình khuyến công quốc gia 2026-2030")
    assert parts("Quyết định 2646/QĐ-BCT được ký ngày nào và bắt đầu có hiệu lực khi nào?")[1] == \
        "Quyết định 2646/QĐ-BCT bắt đầu có hiệu lực khi nào?"  # the subject, not what the first part says of it


@require_corpus()
def test_a_document_described_by_what_it_does_gets_its_dates(answerer):
    answer = answerer.ask("Quyết định ban hành chương trình khuyến công quốc gia 2026-2030 được ký ngày nào?")
    assert answer.lead.startswith("Quyết định 2646/QĐ-BCT được ban hành ngày 23 tháng 9 năm 2025")
    other = answerer.ask("Quyết định phê duyệt kế hoạch khuyến công năm 2027 của tỉnh ký ngày nào?")
    assert "2646" not in other.lead  # a plan of 2027 is not the programme of 2026-2030
    registering = answerer.ask("Theo Thông tư 26/2014/TT-BCT, ngày đăng ký tham gia bình chọn là khi nào?")
    assert "được ban hành" not in registering.lead  # 'ngày đăng ký' asks a deadline, not the date of issue


def test_asking_whether_a_document_was_amended_asks_its_currency():
    from assistant.answer.validity import asks_validity

    assert asks_validity("When did Decree 45/2012 take effect, and has it been amended since?")
    assert asks_validity("Thông tư 46/2012 đã được sửa đổi chưa?") and asks_validity("Có bị thay thế không?")
    assert not asks_validity("Theo Nghị định 235/2025, mức hỗ trợ được sửa đổi thế nào?")  # asks the new rule


@require_corpus()
def test_which_decision_approved_a_programme_named_by_its_title_names_the_decision_and_its_date(answerer):
    answer = answerer.ask("Chương trình khuyến công quốc gia đến năm 2020 được Thủ tướng phê duyệt tại quyết định số "
                          "mấy, ký ngày nào?")
    assert "1288/QĐ-TTg" in answer.lead and "01 tháng 08 năm 2014" in answer.lead


@require_corpus()
def test_on_what_date_a_document_was_signed_is_asked_in_english_with_did(answerer):
    answer = answerer.ask("On what date did the Prime Minister sign Decision 1288/QĐ-TTg approving the National "
                          "Industrial Promotion Programme to 2020?")
    assert "01 tháng 08 năm 2014" in answer.lead


@require_corpus()
def test_answers_do_not_depend_on_the_hash_seed(tmp_path):
    # Term weights summed over a set in whatever order the hash seed gave once broke a tie the other way (seed 9).
    script = tmp_path / "ask.py"
    script.write_text(
        "from assistant.answer.answerer import Answerer\n"
        "from assistant.config import Settings\n"
        "from assistant.search.retrieval import Searcher\n"
        "answerer = Answerer(Searcher(Settings.from_env()))\n"
        "print(answerer.ask('Công ty tôi là doanh nghiệp lớn, nhà máy ở nội thành, muốn áp dụng sản xuất sạch hơn. "
        "Vậy được khuyến công hỗ trợ những nội dung gì?').answer)\n",
        encoding="utf-8")
    answers = {seed: subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                                    cwd=PROJECT_ROOT, env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
               for seed in ("0", "9")}
    assert answers["0"] and answers["0"] == answers["9"]


@require_corpus()
def test_one_part_of_a_question_reads_the_others_terms(default_settings):
    from dataclasses import replace
    question = ("Sản phẩm của tôi trượt vòng bình chọn sản phẩm CNNT tiêu biểu, tôi thấy chấm chưa thỏa đáng. Tôi "
                "có bao lâu để khiếu nại và hội đồng phải giải quyết trong bao lâu?")
    answerer, alone = Answerer(Searcher(default_settings)), \
        Answerer(Searcher(replace(default_settings, evidence_weight_context=0.0)))
    answer = answerer.ask(question)
    # the council's deadline is the complaint's, though the second part does not say 'khiếu nại'
    assert "15 (mười lăm) ngày làm việc" in answer.lead and "10 (mười) ngày làm việc" in answer.lead
    # the second part's council answers complaints, which only its neighbour says
    shorter = ("htx em có sp bị trượt bình chọn sp tiêu biểu, giờ muốn khiếu nại thì hạn mấy ngày vậy? bao lâu thì "
               "hội đồng trả lời")
    assert "10 (mười) ngày làm việc" in answerer.ask(shorter).lead
    assert "10 (mười) ngày làm việc" not in alone.ask(shorter).lead


@require_corpus()
def test_a_programme_named_by_its_title_gets_the_dates_of_the_decision_issuing_it(answerer):
    answer = answerer.ask("Chương trình khuyến công quốc gia giai đoạn 2026-2030 được ban hành ngày nào?")
    assert answer.lead.startswith("Quyết định 2646/QĐ-BCT được ban hành ngày 23 tháng 9 năm 2025")


@require_corpus()
@pytest.mark.parametrize(("question", "said"), [
    # 'từ ngày ký' with the date it was signed
    ("Quyết định 2646/QĐ-BCT bắt đầu có hiệu lực khi nào?", "kể từ ngày ký ban hành (ngày 23 tháng 9 năm 2025) [1]."),
    # named, not 'Thông tư liên tịch này', and what it replaces by kind and number as written, without its title
    ("Thông tư liên tịch 16/2011/TTLT-BCT-BNV có hiệu lực từ khi nào?", "Thông tư liên tịch 16/2011/TTLT-BCT-BNV có "
     "hiệu lực thi hành sau 45 ngày kể từ ngày ký ban hành và thay thế Thông tư số 18/2008/TT-BCT [1]."),
    # a number written without its year ('Quyết định số 5918/QĐ-BCT') is replaced as well
    ("Thông tư 36/2013/TT-BCT có hiệu lực từ ngày nào?",
     "và thay thế Quyết định số 08/2008/QĐ-BCT, Quyết định số 17/2008/QĐ-BCT, Quyết định số 5918/QĐ-BCT [1]."),
])
def test_when_a_named_document_takes_effect_is_answered_in_its_own_words(answerer, question, said):
    assert said in answerer.ask(question).lead


@require_corpus()
def test_taking_effect_inside_a_rule_question_does_not_ask_when(answerer):
    answer = answerer.ask("Hồ sơ theo Nghị định 66/2006 đã tiếp nhận trước khi Nghị định 52/2018 có hiệu lực thì được "
                          "giải quyết theo quy định nào?")
    assert "tại thời điểm tiếp nhận" in answer.lead


@require_corpus()
def test_an_english_question_on_the_provincial_agency_is_answered_by_the_department(answerer):
    answer = answerer.ask("Which provincial agency helps the provincial People's Committee carry out state management "
                          "of industrial promotion?")
    assert "Sở Công Thương là cơ quan giúp Ủy ban nhân dân cấp tỉnh" in answer.lead


def test_a_list_is_named_as_its_introduction_counts_it():
    from assistant.answer.lists import counted_as, list_lead

    assert counted_as("Nội dung Kế hoạch tập trung vào 5 nhóm nhiệm vụ chính:", 5) == "5 nhóm nhiệm vụ chính"
    assert counted_as("Làng nghề được công nhận phải đạt cả 03 tiêu chí sau:", 3) == "03 tiêu chí"
    assert counted_as("… tập trung vào 6 lĩnh vực sau:", 5) == "5 nội dung"  # fewer items read than it announces
    assert counted_as("… quy định tại khoản 1 Điều 3 gồm:", 3) == "3 nội dung"  # a provision's number counts nothing
    assert list_lead(["A", "B"], 1, "Hồ sơ gồm:") == "Gồm 2 nội dung: A; B [1]."



def test_the_office_a_question_asks_about_and_the_unit_filling_it():
    from assistant.answer.evidence import asked_role, fills_role, levels_named

    assert asked_role("Hội đồng cấp tỉnh ai làm chủ tịch?") == "chu tich"
    assert asked_role("Who chairs the district-level council?") == "chu tich"
    assert asked_role("Phó chủ tịch thường trực hội đồng là ai?") == "pho chu tich thuong truc"
    assert asked_role("Ai lập hội đồng?") == ""
    assert asked_role("Chủ tịch UBND tỉnh phê duyệt kế hoạch và thành viên hội đồng là ai?") == ""
    assert asked_role("Who is the head of the agency?") == ""
    assert fills_role("a) Chủ tịch Hội đồng là đại diện Lãnh đạo Ủy ban nhân dân cấp huyện;", "chu tich")
    assert not fills_role("b) Phó Chủ tịch Hội đồng là đại diện …", "chu tich")
    assert not fills_role("c) Trình Chủ tịch Ủy ban nhân dân cấp tỉnh thành lập Hội đồng …", "chu tich")
    assert levels_named("Hội đồng bình chọn cấp tỉnh và the national-level council") == {"tinh", "quoc gia"}


@require_corpus()
def test_who_holds_the_asked_office_outranks_a_unit_naming_another_chair(answerer):
    # 'c) Trình Chủ tịch Ủy ban nhân dân cấp tỉnh thành lập Hội đồng …' shares more words; it names no chair
    answer = answerer.ask("Hội đồng bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh ai làm chủ tịch?")
    assert "Chủ tịch Hội đồng là đại diện Lãnh đạo Ủy ban nhân dân cấp tỉnh" in answer.lead.split("[")[0]


@require_corpus()
def test_a_council_question_gets_the_size_of_the_level_it_names_only(answerer):
    lead = answerer.ask("Hội đồng bình chọn cấp tỉnh có mấy thành viên?").lead
    assert "cấp tỉnh có 07 hoặc 09 thành viên" in lead and "11 hoặc 13" not in lead  # not the national council


@require_corpus()
@pytest.mark.parametrize(("question", "said"), [
    # the unit giving the office to someone, not one where another body's Chủ tịch acts
    ("Who chairs the district-level council that selects typical rural industrial products?",
     "Chủ tịch Hội đồng là đại diện Lãnh đạo Ủy ban nhân dân cấp huyện"),
])
def test_who_holds_an_office_is_answered_where_the_office_is_given(answerer, question, said):
    assert said in answerer.ask(question).lead


@require_corpus()
def test_a_clause_whose_number_is_its_headings_does_not_repeat_the_lead(answerer):
    lead = answerer.ask("Hội đồng bình chọn sản phẩm CNNT tiêu biểu cấp khu vực có bao nhiêu thành viên?").lead
    assert lead.count("09 hoặc 11 thành viên") == 1


@require_corpus()
@pytest.mark.parametrize("question", [
    # the list headed by the level asked ('1. Hồ sơ đăng ký bình chọn cấp huyện:'), not the council's duties
    "Đăng ký dự bình chọn sản phẩm tiêu biểu cấp huyện cần nộp những giấy tờ nào?",
    # an English question names no Vietnamese introduction: the khoản's own items, not the examples inside item c
    "What documents must be submitted to register a product for the district-level selection?",
])
def test_a_list_question_gets_the_items_of_the_level_it_names(answerer, question):
    lead = answerer.ask(question).lead
    assert "Gồm 3 nội dung: Phiếu đăng ký tham gia bình chọn" in lead


def test_a_chunks_own_list_is_chosen_when_no_introduction_names_the_question():
    text = ("1. Hồ sơ đăng ký bình chọn cấp huyện:\na) Phiếu đăng ký;\nb) Bản thuyết minh;\n"
            "c) Bản sao các tài liệu khác (nếu có) như: chứng chỉ; giấy chứng nhận; giấy khen.")
    intro, items = lists.best_group(text, "", "what is needed", lambda term: 1.0)
    assert items[0].startswith("a) Phiếu đăng ký")


def test_what_a_how_many_question_counts():
    from assistant.answer.evidence import asked_nouns

    assert asked_nouns("Nộp hồ sơ cho Sở Công Thương mấy bộ?") == {"bo"}
    assert asked_nouns("Hội đồng có bao nhiêu thành viên?") == {"thanh"}
    assert asked_nouns("How many regions is the country divided into?") == {"khu"}
    assert asked_nouns("mua may bao nhieu tien") == {"tien"} and asked_nouns("Được hỗ trợ không?") == set()


@require_corpus()
def test_how_many_sets_is_answered_by_the_count_of_sets_not_a_date(answerer):
    # the deadline's '20 tháng 5' is a number too, but of months
    lead = answerer.ask("Đơn vị muốn đăng ký đề án khuyến công quốc gia thì nộp hồ sơ cho Sở Công Thương mấy bộ và "
                        "hạn chót là khi nào?").lead
    assert "3 bộ hồ sơ" in lead and "20 tháng 5" in lead


def test_a_provision_for_a_case_answers_only_a_question_stating_that_case():
    from assistant.answer.answerer import states_the_case

    provision = "d) Trong trường hợp không tổ chức bình chọn cấp huyện, thì cơ sở … lập 01 bộ hồ sơ"
    assert states_the_case("Huyện không tổ chức bình chọn thì nộp hồ sơ thế nào?", provision)
    # a purpose ('Muốn … thì') is not the case, nor is a question without its negation
    assert not states_the_case("Muốn dự bình chọn cấp huyện thì cần chuẩn bị những giấy tờ gì?", provision)
    assert states_the_case("huyen khong to chuc binh chon thi nop ho so the nao?", provision)  # typed unaccented
    # a condition of two cases is stated by a question stating one of them; a colon ends the condition
    either = ("Trong trường hợp chủ đầu tư hạ tầng cụm công nghiệp hoặc đầu tư hệ thống xử lý ô nhiễm môi trường tại "
              "cụm công nghiệp là doanh nghiệp: Bổ sung thêm báo cáo kiểm toán, quyết toán")
    assert states_the_case("Đề án hạ tầng cụm công nghiệp mà chủ đầu tư là doanh nghiệp thì nộp thêm gì?", either)
    assert not states_the_case("Đề án hạ tầng cụm công nghiệp thì nộp thêm gì?", either)


@require_corpus()
def test_an_english_question_on_advancing_cluster_infrastructure_support_gets_the_share(answerer):
    lead = answerer.ask("How much of the support for building an industrial cluster's infrastructure can a national "
                        "industrial-promotion project have advanced first?").lead
    assert "Tạm ứng 30%" in lead


@require_corpus()
@pytest.mark.parametrize(("question", "item"), [
    ("Hồ sơ đề nghị công nhận làng nghề gồm những giấy tờ gì?", "Danh sách các hộ tham gia"),
    # typed without diacritics, 'de' (để) and the listed 'giay to' are no part of the heading compared
    ("ho so de nghi cong nhan lang nghe gom nhung giay to gi", "Danh sách các hộ tham gia"),
    ("Hồ sơ đề nghị công nhận nghề truyền thống theo Nghị định 52/2018 gồm những giấy tờ gì?",
     "Bản tóm tắt quá trình hình thành"),
    # 'để được công nhận' asks the file 'đề nghị công nhận' names
    ("Hồ sơ để được công nhận nghề truyền thống gồm những gì?", "Bản tóm tắt quá trình hình thành"),
])
def test_the_list_whose_first_line_the_question_says_is_chosen(answerer, question, item):
    """'… công nhận làng nghề' is not listed under '3. Hồ sơ đề nghị công nhận làng nghề truyền thống'."""
    assert item in answerer.ask(question).lead


@require_corpus()
@pytest.mark.parametrize(("question", "proposer"), [
    ("Quyết định 2646/QĐ-BCT phê duyệt Chương trình khuyến công quốc gia giai đoạn 2026-2030 được ban hành theo đề "
     "nghị của cơ quan nào?", "Theo đề nghị của Cục trưởng Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công [1]."),
    ("On whose proposal was Decision 1288/QD-TTg issued?", "Xét đề nghị của Bộ trưởng Bộ Công Thương [1]."),
    ("Which department of the Ministry proposed Decision 2646/QĐ-BCT?",
     "Theo đề nghị của Cục trưởng Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công [1]."),
    ("Quyết định 2646/QĐ-BCT do cơ quan nào đề nghị?",
     "Theo đề nghị của Cục trưởng Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công [1]."),
])
def test_on_whose_proposal_a_document_was_issued_is_its_preamble_line(answerer, question, proposer):
    assert answerer.ask(question).lead == proposer


def test_a_short_opening_stating_the_level_leads_its_list():
    items = ["Thuê mặt bằng trình diễn sản phẩm", "tổ chức hội thi", "ăn nghỉ, đi lại"]
    assert lists.list_lead(items, 1, "b) Chi 100% chi phí:").startswith("Chi 100% chi phí, gồm 3 nội dung: Thuê mặt")
    assert lists.list_lead(items, 1, "Hồ sơ gồm:").startswith("Gồm 3 nội dung: Thuê mặt")


def test_a_case_named_at_length_keeps_its_opening_words_and_shows_its_items():
    unit = ("Đề án xây dựng các chương trình truyền hình, truyền thanh; xây dựng dữ liệu, trang thông tin điện tử; tờ "
            "rơi, tờ gấp và các hình thức thông tin đại chúng khác: Hợp đồng, biên bản nghiệm thu và thanh lý hợp "
            "đồng; danh sách các sản phẩm kèm theo sản phẩm mẫu (nếu có); giấy phép hoạt động (đối với trang thông "
            "tin điện tử).")
    shown = lists.inline_list(unit, 280)  # too little room for the whole case name and its items
    assert shown.startswith("Đề án xây dựng các chương trình truyền hình") and "…: Hợp đồng" in shown
    assert "giấy phép hoạt động" in shown
    # 'những chứng từ, tài liệu gì' asks a list, the comma aside
    assert analyze("Đề án cần những chứng từ, tài liệu gì khi tạm ứng phần còn lại?").type == "list"


def test_an_opening_counting_its_members_says_so_in_place_of_a_count_of_items():
    members = ["a) Chủ tịch Hội đồng là đại diện Lãnh đạo Ủy ban nhân dân cấp tỉnh;", "b) Phó Chủ tịch …;",
               "c) Các thành viên khác …"]
    intro = ("Cơ cấu, thành phần của Hội đồng bình chọn 2. Hội đồng bình chọn cấp tỉnh có 07 hoặc 09 thành viên, "
             "bao gồm:")
    assert lists.list_lead(members, 1, intro).startswith(
        "Hội đồng bình chọn cấp tỉnh có 07 hoặc 09 thành viên, gồm: Chủ tịch Hội đồng là đại diện")
    # an opening counting as many items as it lists names them its own way
    criteria = ["Nghề đã xuất hiện tại địa phương từ trên 50 năm", "Nghề tạo ra sản phẩm mang bản sắc văn hóa",
                "Nghề gắn với tên tuổi của nghệ nhân"]
    assert lists.list_lead(criteria, 1, "1. Nghề truyền thống phải đạt cả 03 tiêu chí sau:").startswith(
        "Gồm 03 tiêu chí: Nghề đã xuất hiện")


@require_corpus()
def test_the_list_headed_by_the_asked_thing_and_no_more_answers(answerer):
    # khoản 2 is headed 'Hồ sơ đề nghị công nhận làng nghề'; khoản 3 adds 'truyền thống' and only refers back
    answer = answerer.ask("Hồ sơ đề nghị công nhận làng nghề gồm những gì?")
    assert "Danh sách các hộ tham gia hoạt động ngành nghề nông thôn" in answer.lead
    assert answer.citations[0].chunk_id == "nd-52-2018#d6-k2"


@require_corpus()
def test_who_a_council_is_made_of_is_listed_after_its_size(answerer):
    answer = answerer.ask("Hội đồng bình chọn cấp tỉnh gồm những ai?")
    assert answer.lead.startswith("Hội đồng bình chọn cấp tỉnh có 07 hoặc 09 thành viên, gồm: Chủ tịch Hội đồng là "
                                  "đại diện Lãnh đạo Ủy ban nhân dân cấp tỉnh")
    assert analyze("Những ai được hỗ trợ khuyến công?").type == "list" and analyze("Ai lập hội đồng?").type == "body"


@require_corpus()
def test_an_english_questions_clause_is_found_by_its_words_in_vietnamese(answerer):
    brand = answerer.ask("Under Decree 45/2012 on industrial promotion, can a rural industrial business get support to "
                         "attend trade fairs and to build and register its own brand?")
    assert "đăng ký thương hiệu" in brand.lead.split("[1]")[0]


def test_a_clause_no_focus_word_points_to_is_the_units_opening():
    text = ("6. Cung cấp thông tin về các chính sách phát triển công nghiệp, khuyến công, thông tin thị trường, "
            "phổ biến kinh nghiệm, mô hình sản xuất kinh doanh điển hình, sản xuất sạch hơn trong công nghiệp, "
            "thông qua các hình thức như: Xây dựng các chương trình truyền hình, truyền thanh; xuất bản các bản "
            "tin, ấn phẩm; xây dựng dữ liệu, trang thông tin điện tử; tờ rơi, tờ gấp và các hình thức thông tin "
            "đại chúng khác.")
    assert compose.clause_for(text, "fact", "Through which channels").startswith("Cung cấp thông tin về các chính")
    assert "tờ rơi" in compose.clause_for(text, "fact", "tờ rơi tờ gấp")  # a word that points still decides


@require_corpus()
def test_an_english_question_on_which_costs_gets_the_list_and_its_level(answerer):
    answer = answerer.ask("Under Decree 52/2018, which costs does the state budget cover in full for rural craft "
                          "establishments taking part in the Vietnam Handicraft Products Contest?")
    assert answer.intent["type"] == "list"  # 'which costs does …' asks no yes or no
    assert "Chi 100% chi phí, gồm 3 nội dung: Thuê mặt bằng trình diễn sản phẩm" in answer.lead
    budget = answerer.ask("Under which budget category of the State Budget Index must units settle khuyến công "
                          "spending?")
    assert "loại 070 khoản 102" in budget.lead


@require_corpus()
def test_a_long_kind_of_item_asked_for_names_the_list(answerer):
    lead = answerer.ask("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp cấp tỉnh được làm những hoạt động tư "
                        "vấn phát triển công nghiệp và thương mại nào?").lead
    assert lead.startswith("Gồm 4 nội dung: Tư vấn lập dự án")


@pytest.mark.parametrize(("question", "kind"), [
    ("Đề án hỗ trợ thành lập doanh nghiệp chỉ được tạm ứng 30% kinh phí thôi đúng không?", "percent"),
    ("mún tạm ứng thì phải làm đc bn % r mới đc ứng", "percent"),
    ("Mức hỗ trợ tối đa 50% nhưng không quá bao nhiêu triệu đồng?", "amount"),  # a sum of money is asked too
    ("Hỗ trợ xây dựng thương hiệu tối đa bao nhiêu?", "amount"),
])
def test_an_amount_asked_as_a_percentage_is_ranked_on_percentages(question, kind):
    assert ranked_type(analyze(expand_shorthand(question)), expand_shorthand(question)) == kind


@require_corpus()
def test_an_advance_asserted_wrongly_is_checked_against_the_advance_not_the_level(answerer):
    lead = answerer.ask("Đề án khuyến công quốc gia hỗ trợ thành lập doanh nghiệp sản xuất công nghiệp nông thôn chỉ "
                        "được tạm ứng 30% kinh phí thôi đúng không?").lead
    assert lead.startswith("Không. Tạm ứng 100% kinh phí") and "10 triệu" not in lead


@require_corpus()
def test_an_article_that_lists_in_the_khoan_after_its_opening_is_the_list_asked_for(answerer):
    lead = answerer.ask("Cơ sở có sản phẩm được cấp Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu được "
                        "hưởng những quyền lợi gì?").lead
    assert lead.startswith("Gồm 5 nội dung: Được phép in hoặc dán nhãn Logo")  # not Điều 1 naming 'quyền lợi'


@pytest.mark.parametrize(("question", "kind"), [
    ("Sản phẩm phải đạt điểm bình quân tối thiểu bao nhiêu thì được cấp Giấy chứng nhận?", "count"),
    ("Sản phẩm phải đạt bao nhiêu điểm?", "count"),
    ("Điểm a khoản 2 quy định mức hỗ trợ tối đa bao nhiêu?", "amount"),  # a point of a khoản
    ("What minimum average score does a product need to be certified?", "count"),
    ("How many points must a product score?", "count"),
])
def test_points_asked_are_a_count_of_points(question, kind):
    assert analyze(question).type == kind
    assert (asked_nouns(question) == {"diem"}) is (kind == "count")


@require_corpus()
def test_the_least_average_score_is_led_with_its_points(answerer):
    lead = answerer.ask("Sản phẩm dự bình chọn sản phẩm công nghiệp nông thôn tiêu biểu phải đạt điểm bình quân tối "
                        "thiểu bao nhiêu thì được cấp Giấy chứng nhận?").lead
    assert "70 điểm" in lead.split("[1]")[0]


def test_a_long_rule_is_cut_to_the_item_the_question_names():
    rule = ("a) Cục Công nghiệp địa phương trình Bộ Công Thương phê duyệt đối với các đề nghị điều chỉnh: tăng tổng "
            "mức kinh phí hỗ trợ; thay đổi nội dung hoạt động khuyến công; gia hạn thời gian thực hiện đề án sang "
            "năm sau tiếp theo; đề nghị bổ sung hoặc ngừng triển khai thực hiện đề án khuyến công quốc gia của các "
            "đơn vị thực hiện đề án trên địa bàn nhiều tỉnh, thành phố trực thuộc trung ương và các đơn vị khác.")
    asked = "Đề án muốn xin gia hạn sang năm sau thì cấp nào phê duyệt?"
    assert compose.clause_for(rule, "body", asked, limit=200) == (
        "Cục Công nghiệp địa phương trình Bộ Công Thương phê duyệt đối với các đề nghị điều chỉnh: … gia hạn thời "
        "gian thực hiện đề án sang năm sau tiếp theo; …")
    # the first item is shown anyway; a syllable the items share tells none apart; a level asked is never cut off
    assert "tăng tổng mức" in compose.clause_for(rule, "body", "Muốn tăng tổng mức kinh phí thì ai duyệt?", limit=200)
    levels = ("i) Chi hỗ trợ thuê tư vấn trong các lĩnh vực: lập dự án đầu tư; marketing; quản lý sản xuất, tài chính, "
              "kế toán, nhân lực; thiết kế mẫu mã, bao bì đóng gói; ứng dụng công nghệ - thiết bị mới. Mức hỗ trợ tối "
              "đa 50% chi phí, nhưng không quá 35 triệu đồng/cơ sở;")
    assert "35 triệu đồng/cơ sở" in compose.clause_for(levels, "amount", "thuê tư vấn thiết kế mẫu mã bao bì được "
                                                       "hỗ trợ bao nhiêu", limit=120)


def test_a_cost_the_asker_states_is_no_level_asserted():
    level = "Mức hỗ trợ tối đa 50% chi phí nhưng không quá 200 triệu đồng/cơ sở"
    assert compose.premise_check("Mua dây chuyền trị giá khoảng 800 triệu thì có được hỗ trợ cao hơn không?",
                                 level) is None
    assert compose.premise_check("Được hỗ trợ tối đa 300 triệu đồng phải không?", level) is False
    assert compose.premise_check("Tổng đầu tư 2 tỷ, được hỗ trợ 200 triệu đúng không?", level) is True


def test_a_term_every_candidate_unit_holds_weighs_little_in_choosing_among_them():
    scorer = TermScorer(["hội đồng bình chọn cấp tỉnh", "hội đồng thành viên", "định kỳ hai năm"])
    asked = ("hoi", "dong", "dinh", "ky")
    plain = scorer.coverage(asked, "Hội đồng họp", power=2.0)
    local = {"hoi": 0.1, "dong": 0.1}  # every candidate holds 'hội đồng'
    assert scorer.coverage(asked, "Hội đồng họp", power=2.0, local=local) < plain
    assert scorer.coverage(asked, "tổ chức định kỳ", power=2.0, local=local) > \
        scorer.coverage(asked, "tổ chức định kỳ", power=2.0)


@require_corpus()
def test_the_points_a_product_needs_lead_the_answer(answerer):
    lead = answerer.ask("Sản phẩm dự thi phải đạt bao nhiêu điểm thì mới được cấp giấy chứng nhận sản phẩm công "
                        "nghiệp nông thôn tiêu biểu?").lead
    assert "70 điểm" in lead


@require_corpus()
def test_when_a_document_takes_effect_and_what_it_replaces_is_said_once(answerer):
    # one sentence of Điều 25 says both; the replaced circular is named as written, not by its bare number
    answer = answerer.ask("Thông tư 26/2014/TT-BCT có hiệu lực từ ngày nào và thay thế văn bản nào?")
    assert "ngày 21 tháng 10 năm 2014" in answer.lead and "Thông tư số 35/2010/TT-BCT" in answer.lead
    assert answer.lead.count("hiệu lực") == 1


@require_corpus()
@pytest.mark.parametrize("question", ["Ai ký Nghị định 45/2012?", "Nghị định 45/2012/NĐ-CP do ai ký?"])
def test_who_signed_is_answered_by_the_issuer_when_no_passage_names_the_signer(answerer, question):
    answer = answerer.ask(question)
    assert answer.lead.startswith("Nghị định 45/2012/NĐ-CP do Chính phủ ban hành ngày 21 tháng 5 năm 2012")
    assert "không ghi tên người ký" in answer.lead


@require_corpus()
def test_what_support_an_activity_gets_is_its_row_of_the_support_level_table(answerer):
    answer = answerer.ask("Tôi muốn tham gia hội chợ triển lãm ở nước ngoài thì được hỗ trợ gì?")
    assert answer.intent["type"] == "amount" and answer.lead.startswith("Hỗ trợ 100% các khoản chi phí")


@require_corpus()
def test_a_level_set_by_another_text_is_answered_with_that_text(answerer):
    answer = answerer.ask("Mức chi tổ chức đào tạo nghề, truyền nghề bằng kinh phí khuyến công là bao nhiêu?")
    assert answer.lead.startswith("Chi tổ chức đào tạo nghề, truyền nghề áp dụng theo Thông tư số "
                                  "112/2010/TTLT-BTC-BLĐTBXH [1]")


@require_corpus()
def test_a_share_of_what_is_counted_answers_how_many(answerer):
    # Nghị định 52/2018 Điều 5: 'tối thiểu 20% tổng số hộ' answers 'bao nhiêu hộ'
    answer = answerer.ask("Làng nghề cần bao nhiêu hộ tham gia?")
    assert "20% tổng số hộ" in answer.lead


@require_corpus()
@pytest.mark.parametrize("question", [
    "san pham cnnt tieu bieu cap tinh duoc cong nhan bao nhieu diem",
    "How many points does a product need to be recognised as a typical rural industrial product?",
])
def test_the_unit_counting_what_is_asked_answers_how_many(answerer, question):
    # Thông tư 26/2014 Điều 17: the units sharing the question's words count years, not points
    assert "70 điểm" in answerer.ask(question).lead


def test_an_english_act_is_looked_for_as_the_corpus_says_it():
    assert asked_acts("Who appraises national industrial promotion schemes?") == ["tham dinh"]
    unit = "Đề án khuyến công quốc gia do Giám đốc Sở Công Thương tổ chức thẩm định cấp cơ sở."
    assert names_doer(unit, asked_acts("Who appraises the schemes?"))


def test_a_document_cited_with_its_date_states_no_date():
    unit = ("Xét ưu tiên theo Điều 6 Thông tư số 46/2012/TT-BCT ngày 28 tháng 12 năm 2012 của Bộ Công Thương; gửi "
            "trước ngày 15 tháng 6 hàng năm theo Thông tư 112/2010/TTLT-BTC-BLĐTBXH ngày 30/7/2010.")
    assert [m.group(0) for m in values_of(unit, "date")] == ["ngày 15 tháng 6", "hàng năm"]


@require_corpus()
@pytest.mark.parametrize(("question", "replaced"), [
    ("Thông tư 36/2013/TT-BCT thay thế những quyết định nào?",
     "Quyết định số 08/2008/QĐ-BCT, Quyết định số 17/2008/QĐ-BCT, Quyết định số 5918/QĐ-BCT [1]."),
    ("Which circular does Joint Circular 16/2011/TTLT-BCT-BNV replace?", "Thông tư số 18/2008/TT-BCT [1]."),
])
def test_what_a_document_replaces_is_every_text_it_names(answerer, question, replaced):
    assert answerer.ask(question).lead.endswith(f"và thay thế {replaced}")


@pytest.mark.parametrize(("question", "holder"), [
    ("UBND cấp huyện có những trách nhiệm gì trong việc bình chọn?", "uy ban nhan dan cap huyen"),
    ("Nhiệm vụ của Hội đồng bình chọn là gì?", "hoi dong binh chon"),
    ("Ai có trách nhiệm báo cáo kết quả bình chọn?", ""),  # asks who, not whose duties
    # to whom a body must report is one of that body's duties
    ("Sau khi bình chọn cấp huyện, UBND cấp huyện phải báo cáo kết quả cho cơ quan nào?", "uy ban nhan dan cap huyen"),
    # the asker's own duties are the establishment's
    ("Sản phẩm của xưởng em được công nhận rồi, vậy em có phải báo cáo gì không?", "co so cong nghiep nong thon"),
])
def test_whose_duties_a_question_asks(question, holder):
    assert asked_holder(question) == holder


def test_a_duty_is_held_by_the_body_its_heading_names():
    holder = "uy ban nhan dan cap huyen"
    assert holds_duty("a) Xây dựng kế hoạch bình chọn;", "Trách nhiệm của Ủy ban nhân dân cấp huyện", holder)
    # the Sở's duty mentioning the district committee is not the committee's
    assert not holds_duty("b) Hướng dẫn, phối hợp với Ủy ban nhân dân cấp huyện …",
                          "Trách nhiệm của Sở Công Thương các tỉnh", holder)
    # the holder named before its duties ('… có sản phẩm được cấp Giấy chứng nhận có trách nhiệm:')
    heading = "Trong thời hạn, cơ sở công nghiệp nông thôn có sản phẩm được cấp Giấy chứng nhận có trách nhiệm:"
    assert holds_duty("2. Định kỳ hàng năm, báo cáo Sở Công Thương …", heading, "co so cong nghiep nong thon")


@require_corpus()
def test_a_bodys_duties_are_answered_from_the_list_it_heads(answerer):
    answer = answerer.ask("UBND cấp huyện có những trách nhiệm gì trong việc bình chọn sản phẩm công nghiệp nông thôn "
                          "tiêu biểu?")
    assert "Thành lập Hội đồng bình chọn" in answer.lead


@require_corpus()
def test_a_target_is_answered_from_the_plan_of_the_year_asked(answerer):
    # 'mục tiêu số mẫu' counts designs; the 2024 plan's, not the 2020 plan's contest
    answer = answerer.ask("Mục tiêu số mẫu thiết kế mới thủ công mỹ nghệ của khuyến công Hà Nội năm 2024 là bao nhiêu?")
    assert "650-800 mẫu thiết kế mới" in answer.lead
    assert analyze("Chỉ tiêu số mẫu thiết kế mới năm 2024?").type == "count"
    assert asked_nouns("Chỉ tiêu số mẫu thiết kế mới năm 2024?") == {"mau"}


@require_corpus()
def test_levels_of_one_activity_say_what_each_is_for(answerer):
    # Thông tư liên tịch 26/2014 Điều 6 khoản 2 điểm b: a new-technology model and an existing establishment's
    answer = answerer.ask("HTX chế biến chè ở xã muốn làm mô hình trình diễn dây chuyền sấy chè thì được hỗ trợ bao "
                          "nhiêu?")
    assert "để phổ biến công nghệ mới, sản xuất sản phẩm mới: mức hỗ trợ tối đa 30%" in answer.lead
    assert "đang hoạt động có hiệu quả cần phổ biến tuyên truyền: mức hỗ trợ không quá 100 triệu" in answer.lead


@require_corpus()
def test_each_level_is_told_by_its_own_line_when_two_lines_state_three(answerer):
    # Thông tư liên tịch 26/2014 Điều 6 khoản 2 điểm g: the organising line states two levels, the award line two
    lead = answerer.ask("Chi tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực được hỗ trợ tối "
                        "đa bao nhiêu một lần?").lead
    assert "cấp khu vực, quốc gia: mức hỗ trợ không quá 100 triệu đồng/lần" in lead
    assert "được bình chọn: đạt giải cấp khu vực được thưởng không quá 05 triệu đồng/sản phẩm" in lead


def test_a_part_asking_nothing_of_its_own_asks_what_the_part_before_asked():
    _, changed = parts("Đề án khuyến công quốc gia muốn gia hạn sang năm sau thì cấp nào phê duyệt? Nếu chỉ đổi đơn vị "
                       "thụ hưởng thì sao?")
    assert changed == "Nếu chỉ đổi đơn vị thụ hưởng thì cấp nào phê duyệt?"
    _, others = parts("Giám đốc trung tâm là công chức hay viên chức? Còn các vị trí khác thì sao?")
    assert others == "Các vị trí còn lại là công chức hay viên chức?"  # 'khác' in the rules' words


def test_which_year_asks_a_date_and_odd_or_even_years_answer_it():
    assert analyze("Bình chọn cấp tỉnh được tổ chức định kỳ vào năm nào?").type == "date"
    assert analyze("Which year is the national selection held?").type == "date"
    assert values_of("a) Cấp huyện, cấp tỉnh được tổ chức định kỳ 02 (hai) năm một lần, thường vào năm lẻ.", "date")
    assert not values_of("a) Cấp huyện, cấp tỉnh được tổ chức định kỳ 02 (hai) năm một lần.", "date")


@require_corpus()
def test_ore_dressing_is_not_a_province(answerer):
    answer = answerer.ask("Hợp tác xã của tôi khai thác và tuyển quặng thiếc ở một huyện đồng bằng khá phát triển, "
                          "không thuộc vùng khó khăn. Hợp tác xã có thuộc ngành nghề được hưởng chính sách khuyến công "
                          "không?")
    assert not answer.refused and "khó khăn" in answer.lead  # 'tuyển quặng' folds into 'tuyen quang'
    assert answerer.ask("Kế hoạch khuyến công của Tuyên Quang năm 2024 là gì?").refused


def test_a_large_company_and_who_sets_a_level_are_read_as_asked():
    assert analyze("Doanh nghiệp quy mô lớn sản xuất ở huyện có được hưởng khuyến công không?").slots[
        "entity_type"] == "doanh_nghiep_lon"
    assert analyze("Mức hỗ trợ cho các hoạt động khuyến công địa phương do cơ quan nào quy định?").type == "body"
    assert analyze("Mức hỗ trợ tối đa bao nhiêu và do ai quyết định?").type == "amount"


def test_a_long_second_side_borrows_the_rate_asked_and_a_rate_is_a_percentage():
    question = ("Tỷ lệ tạm ứng kinh phí cho đề án hỗ trợ đầu tư hạ tầng cụm công nghiệp và cho đề án hỗ trợ thành lập "
                "doanh nghiệp sản xuất công nghiệp nông thôn khác nhau thế nào?")
    assert sides(question)[1].startswith("Tỷ lệ tạm ứng kinh phí cho đề án hỗ trợ thành lập doanh nghiệp")
    asked = "Tỷ lệ tạm ứng kinh phí cho đề án hỗ trợ thành lập doanh nghiệp?"
    assert ranked_type(analyze(asked), asked) == "percent"  # 'tỷ' of 'tỷ lệ' is no sum of money


def test_english_lists_are_asked_by_what_they_list_and_when_opens_a_date_question_only_when_it_asks():
    assert analyze("Which industries are given priority under Decree 45/2012?").type == "list"
    assert analyze("What product groups are products divided into when they enter the selection?").type == "list"
    assert analyze("What are the funding sources of the national industrial promotion budget?").type == "list"
    assert analyze("Through which channels does the programme provide market information?").type == "list"
    assert analyze("What happens if the papers of the types listed are submitted late?").type != "list"
    assert analyze("When did Decree 45/2012 take effect?").type == "date"
    assert analyze("Who signed it, and when did it take effect?").type == "date"


@require_corpus()
@pytest.mark.parametrize("question", ["Một năm được hỗ trợ tham dự hội chợ triển lãm ở nước ngoài tối đa mấy lần?",
                                      "Mỗi cơ sở được hỗ trợ đi hội chợ ở nước ngoài mấy lần một năm?",
                                      "How many times a year can an establishment get support to attend fairs abroad?"])
def test_a_sentence_counting_what_is_asked_leads(answerer, question):
    assert "không quá 2 lần/năm" in answerer.ask(question).lead  # one sentence of a long khoản of Thông tư 46


def test_a_point_sits_under_the_khoan_before_it_in_a_chunk_of_several():
    text = ("1. Địa điểm, thời gian tổ chức cấp huyện và cấp tỉnh:\n"
            "a) Cấp huyện, cấp tỉnh được tổ chức định kỳ 02 (hai) năm một lần, thường vào năm lẻ.\n"
            "2. Địa điểm, thời gian tổ chức cấp khu vực và cấp quốc gia:\n"
            "a) Cấp khu vực, cấp quốc gia được tổ chức định kỳ 02 (hai) năm một lần, thường vào năm chẵn.")
    assert heading_of(text.splitlines()[1], text) == "Địa điểm, thời gian tổ chức cấp huyện và cấp tỉnh"
    assert heading_of(text.splitlines()[3], text) == "Địa điểm, thời gian tổ chức cấp khu vực và cấp quốc gia"


def test_a_count_asserted_is_checked_against_a_count_of_the_same_thing():
    assert compose.premise_check("mỗi sản phẩm chỉ được 1 lần thôi à?", "lập 01 bộ hồ sơ", "count") is None
    assert compose.premise_check("hội đồng có 7 thành viên phải không", "Hội đồng có 07 thành viên", "count")
    assert compose.premise_check("hội đồng có 9 thành viên phải không", "Hội đồng có 07 thành viên", "count") is False


def test_a_year_is_no_count():
    assert not counted_nouns("ke hoach khuyen cong ha noi nam 2020 ho tro bao nhieu luot doanh nghiep", "count")
    assert [m.group(0) for m in values_of("Đến 2020 có 200 đơn vị", "count")] == ["200 đơn vị"]


def test_a_body_doing_another_act_is_not_the_doer_asked():
    assert not names_doer("- Phiếu thẩm định cấp cơ sở đối với các đề án do Sở Công Thương đăng ký hoặc Phiếu thẩm "
                          "định cấp cơ sở của Sở Công Thương nơi triển khai", ["tham dinh"])
    assert names_doer("Kế hoạch khuyến công quốc gia do Bộ trưởng Bộ Công Thương phê duyệt", ["phe duyet"])


@require_corpus()
def test_a_count_a_yes_no_question_states_is_checked_not_given_a_verdict(answerer):
    answer = answerer.ask("Một cơ sở công nghiệp nông thôn có được khuyến công hỗ trợ đi dự hội chợ triển lãm ở nước "
                          "ngoài 3 lần trong cùng một năm không?")
    assert answer.lead.startswith("Không.") and "không quá 2 lần/năm" in answer.lead


def test_a_multiple_of_a_level_is_an_amount():
    unit = "t) Mức kinh phí ưu tiên hỗ trợ … nhưng không quá 1,5 lần mức hỗ trợ quy định trên đây."
    assert [m.group(0) for m in values_of(unit, "amount")] == ["1,5 lần mức"]


def test_a_khoan_heading_the_question_names_whole_is_the_list_asked():
    text = ("1. Mục tiêu tổng quát\na) Huy động các nguồn lực trong nước và ngoài nước.\n"
            "b) Khuyến khích, hỗ trợ sản xuất sạch hơn.\n2. Mục tiêu cụ thể\na) Giai đoạn đến 2015")
    intro, items = lists.best_group(text, "Phê duyệt Chương trình khuyến công quốc gia đến năm 2020",
                                    "Mục tiêu tổng quát của Chương trình khuyến công quốc gia đến năm 2020 gồm",
                                    lambda term: 1.0)
    assert intro == "1. Mục tiêu tổng quát" and len(items) == 2


def test_a_part_reads_the_whole_questions_best_passage_among_its_own():
    from types import SimpleNamespace

    from assistant.answer.answerer import _with_passages
    from assistant.search.retrieval import Retrieval, SearchResult

    def found(name, score):
        return SearchResult(SimpleNamespace(id=name), score)
    own = Retrieval([found("a", 1.0), found("b", 0.8), found("c", 0.5)], generation=None)
    merged = _with_passages(own, [found("complaint", 0.9), found("a", 0.95)], k=3)
    assert [r.chunk.id for r in merged.results] == ["a", "complaint", "b"]  # by score, k kept, no passage twice
    assert _with_passages(own, [], k=3) is own


@require_corpus()
def test_the_provision_for_the_stated_case_outranks_the_case_the_question_opens_with(answerer):
    answer = answerer.ask("Khi xét giao kế hoạch khuyến công quốc gia, nếu hai đề án cùng địa bàn có điều kiện như "
                          "nhau và cùng ngành nghề thì đề án nào được ưu tiên?")
    assert "kinh nghiệm, năng lực tổ chức thực hiện tốt hơn" in answer.lead


def test_a_unit_holds_its_documents_topic_terms_and_phrases():
    scorer = TermScorer(["bình chọn sản phẩm tiêu biểu", "cấp tỉnh định kỳ năm lẻ", "hồ sơ lưu tại sở"])
    asked = ("binh", "chon", "san", "pham", "tieu", "bieu", "dinh", "ky")
    topic = ("binh", "chon", "san", "pham", "tieu", "bieu")
    alone = scorer.coverage(asked, "Cấp tỉnh được tổ chức định kỳ", power=2.0)
    assert scorer.coverage(asked, "Cấp tỉnh được tổ chức định kỳ", power=2.0, topic=topic) > alone + 0.2
    naming = scorer.coverage(asked, "Hồ sơ bình chọn sản phẩm tiêu biểu lưu tại Sở", power=2.0, topic=topic)
    assert scorer.coverage(asked, "Cấp tỉnh được tổ chức định kỳ", power=2.0, topic=topic) > naming


@require_corpus()
def test_a_unit_that_leaves_its_documents_topic_unsaid_can_lead(answerer):
    lead = answerer.ask("Sản phẩm CNNT tiêu biểu cấp tỉnh và cấp quốc gia được bình chọn định kỳ mấy năm một lần, vào "
                        "năm nào?").lead
    assert "năm lẻ" in lead and "năm chẵn" in lead


@require_corpus()
def test_moving_out_of_a_residential_area_is_not_answered_by_the_loan_for_moving_into_a_cluster(answerer):
    lead = answerer.ask("Xưởng đan lát của tôi phải di dời ra khỏi khu dân cư, có được hỗ trợ kinh phí di dời không và "
                        "mức hỗ trợ do ai quyết định?").lead
    assert "lãi suất" not in lead and "cụm công nghiệp" not in lead


def test_the_year_a_document_was_signed_is_no_year_asked_of():
    from assistant.answer.evidence import years_named
    assert years_named("Quyết định 2646/QĐ-BCT năm 2025 đặt chỉ tiêu năm 2026 thế nào?") == {"2026"}
    assert years_named("Nghị định số 235/2025/NĐ-CP ngày 27 tháng 8 năm 2025 của Chính phủ") == set()
    assert years_named("Kế hoạch khuyến công năm 2020") == {"2020"}


@require_corpus()
def test_a_decision_named_with_its_year_is_answered_by_what_it_approves_not_its_bases(answerer):
    lead = answerer.ask("Quyết định 2646/QĐ-BCT năm 2025 phê duyệt chương trình khuyến công cho giai đoạn nào?").lead
    assert "2026 - 2030" in lead and not lead.startswith("Căn cứ")


@pytest.mark.parametrize(("question", "asked"), [
    ("Đề án hỗ trợ đầu tư hạ tầng cụm công nghiệp và đề án hỗ trợ thành lập doanh nghiệp được tạm ứng theo tỷ lệ nào?",
     ["Đề án hỗ trợ đầu tư hạ tầng cụm công nghiệp được tạm ứng theo tỷ lệ nào?",
      "Đề án hỗ trợ thành lập doanh nghiệp được tạm ứng theo tỷ lệ nào?"]),
    ("Hỗ trợ lập quy hoạch chi tiết cụm công nghiệp và hỗ trợ xây dựng thương hiệu: mức trần mỗi loại là bao nhiêu?",
     ["Hỗ trợ lập quy hoạch chi tiết cụm công nghiệp: mức trần là bao nhiêu?",
      "Hỗ trợ xây dựng thương hiệu: mức trần là bao nhiêu?"]),
    # two subjects of different heads, or a difference asked, are split by other rules
    ("Hộ kinh doanh và hợp tác xã có được hỗ trợ không?", []),
    ("Kinh phí khuyến công quốc gia và kinh phí khuyến công địa phương khác nhau thế nào về sản phẩm được chi?", []),
])
def test_two_subjects_opening_alike_are_each_asked_what_follows(question, asked):
    assert parallel_sides(question) == asked


@require_corpus()
def test_each_of_two_schemes_named_alike_gets_its_own_advance_in_the_lead(answerer):
    lead = answerer.ask("Đề án hỗ trợ xây dựng mô hình trình diễn kỹ thuật và đề án hỗ trợ thành lập doanh nghiệp sản "
                        "xuất CNNT được tạm ứng theo tỷ lệ nào?").lead
    assert "Tạm ứng 70%" in lead and "Tạm ứng 100%" in lead


def test_the_body_a_unit_is_placed_under_is_compared_whole():
    units = ["Ủy ban nhân dân cấp tỉnh thành lập Trung tâm Khuyến công là đơn vị sự nghiệp công lập trực thuộc Sở Công "
             "Thương để tổ chức triển khai thực hiện các hoạt động khuyến công."]
    said = compose.body_check("Trung tâm Khuyến công cấp tỉnh là đơn vị trực thuộc Bộ Công Thương đúng không?", units)
    assert said is not None and said[2] is False
    said = compose.body_check("Trung tâm Khuyến công tỉnh trực thuộc Sở Công Thương phải không?", units)
    assert said is not None and said[2] is True


@pytest.mark.parametrize(("question", "claims"), [
    ("Trung tâm Khuyến công cấp tỉnh trực thuộc UBND tỉnh, đúng không?", True),
    ("Có phải UBND cấp huyện được tự quyết định thời gian xét công nhận không?", True),
    ("Tôi nghe nói có phải đề án được tạm ứng 90% không?", True),
    ("Hộ kinh doanh có được hỗ trợ không?", False),
])
def test_a_claim_put_up_to_be_checked_is_told_apart(question, claims):
    assert checks_claim(question) is claims


@require_corpus()
@pytest.mark.parametrize(("question", "lead"), [
    ("Trung tâm Khuyến công cấp tỉnh là đơn vị trực thuộc Ủy ban nhân dân tỉnh phải không?", "Không."),
    # no check to make: the rule is stated, not confirmed
    ("Có phải Ủy ban nhân dân cấp huyện tự quyết định thời gian xét công nhận làng nghề không?", "Thời gian xét"),
])
def test_a_claim_is_not_confirmed_by_a_text_merely_about_it(answerer, question, lead):
    assert answerer.ask(question).lead.startswith(lead)


@require_corpus()
@pytest.mark.parametrize(("question", "confirmed"), [
    ("Hội đồng bình chọn cấp tỉnh có 07 hoặc 09 thành viên đúng không?", True),
    # 'hằng năm' of a yearly report is no yearly selection
    ("Việc bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh được tổ chức hằng năm phải không?", False),
])
def test_a_value_confirms_a_claim_only_where_the_text_is_about_it(answerer, question, confirmed):
    assert answerer.ask(question).lead.startswith("Đúng.") is confirmed


@require_corpus()
@pytest.mark.parametrize(("question", "said"), [
    ("Chương trình khuyến công quốc gia giai đoạn 2026-2030 do Thủ tướng Chính phủ ký quyết định phê duyệt, đúng "
     "không?", ["Không. Chương trình khuyến công quốc gia giai đoạn 2026 - 2030 được Bộ trưởng Bộ Công Thương phê "
                "duyệt tại Quyết định 2646/QĐ-BCT ngày 23 tháng 9 năm 2025 [1]."]),
    ("Chương trình khuyến công quốc gia đến năm 2020 do Thủ tướng Chính phủ phê duyệt phải không?",
     ["Đúng. Chương trình khuyến công quốc gia đến năm 2020 được Thủ tướng Chính phủ phê duyệt tại Quyết định "
      "1288/QĐ-TTg"]),
    # the office put up before the title
    ("Có phải do Thủ tướng Chính phủ phê duyệt Chương trình khuyến công quốc gia giai đoạn 2026-2030 không?",
     ["Không. Chương trình khuyến công quốc gia giai đoạn 2026 - 2030 được Bộ trưởng Bộ Công Thương phê duyệt"]),
    # the year after the office is part of the claim, not of the title
    ("Chương trình khuyến công quốc gia đến năm 2020 do Bộ trưởng Bộ Công Thương phê duyệt từ năm 2012, đúng không?",
     ["Không. Chương trình khuyến công quốc gia đến năm 2020 được Thủ tướng Chính phủ phê duyệt"]),
    # each side of the comparison names its programme, the second one short
    ("Chương trình khuyến công quốc gia đến năm 2020 và Chương trình giai đoạn 2026-2030 được phê duyệt ở cấp nào, "
     "khác nhau thế nào?", ["được Thủ tướng Chính phủ phê duyệt tại Quyết định 1288/QĐ-TTg",
                            "được Bộ trưởng Bộ Công Thương phê duyệt tại Quyết định 2646/QĐ-BCT"]),
    # the second part names the programme through the first
    ("Chương trình khuyến công quốc gia giai đoạn 2026-2030 do ai phê duyệt và theo đề nghị của cơ quan nào?",
     ["được Bộ trưởng Bộ Công Thương phê duyệt",
      "Theo đề nghị của Cục trưởng Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công"]),
    # in English, the programme named through the glossary
    ("Who signed the decision approving the national industrial promotion programme for 2026–2030, and on what "
     "date?", ["được Bộ trưởng Bộ Công Thương phê duyệt tại Quyết định 2646/QĐ-BCT ngày 23 tháng 9 năm 2025"]),
    ("Which decision approved the National Industrial Promotion Programme for 2026-2030, and on whose proposal?",
     ["2646/QĐ-BCT", "Theo đề nghị của Cục trưởng Cục Đổi mới sáng tạo"]),
])
def test_who_approved_a_titled_document_is_the_office_its_preamble_names(answerer, question, said):
    lead = answerer.ask(question).lead
    assert all(part in lead for part in said), lead


@require_corpus()
def test_a_title_line_above_the_bases_is_no_office(answerer):
    """Nghị quyết 23/2025's preamble has its title, not an office, above its 'Căn cứ …' lines."""
    lead = answerer.ask("Nghị quyết 23/2025 quy định mức chi khuyến công của tỉnh Phú Thọ là do UBND tỉnh ban hành "
                        "phải không?").lead
    assert "Hội đồng nhân dân tỉnh ban hành" in lead and " do quy định" not in lead


@require_corpus()
@pytest.mark.parametrize(("question", "opening"), [
    ("Giai đoạn 10 năm 2012-2022, Hà Nội mở được bao nhiêu lớp truyền nghề cho lao động các tỉnh miền núi phía Bắc?",
     "16 lớp truyền nghề, nhân cấy nghề cho 800 lao động"),
    ("Qua 10 năm thực hiện Nghị định 45, Hà Nội tổ chức được bao nhiêu lớp truyền nghề, nâng cao tay nghề cho lao "
     "động nông thôn?", "Tổ chức 625 lớp truyền nghề"),
])
def test_what_bao_nhieu_counts_outweighs_what_the_question_counts(answerer, question, opening):
    """'10 năm' states a span; 'bao nhiêu lớp' asks a number of classes, not of years."""
    assert answerer.ask(question).lead.startswith(opening)


@pytest.mark.parametrize(("question", "first"), [
    ("trung tam khuyen cong va tu van phat trien cong nghiep cua tinh truc thuoc co quan nao, co tu cach phap nhan "
     "khong", "trung tam khuyen cong va tu van phat trien cong nghiep cua tinh truc thuoc co quan nao?"),
    ("Hội chợ và triển lãm hàng thủ công được hỗ trợ bao nhiêu, ai duyệt?",
     "Hội chợ và triển lãm hàng thủ công được hỗ trợ bao nhiêu?"),
])
def test_a_stretch_that_asks_nothing_rejoins_as_it_was_written(question, first):
    """'… Khuyến công và Tư vấn …' is one name: the 'và' inside it is no joint between two questions."""
    assert parts(question)[0] == first


@require_corpus()
def test_duties_asked_of_an_article_cut_khoan_by_khoan_list_its_khoan(answerer):
    """Điều 3 of Thông tư liên tịch 16/2011 ('Nhiệm vụ và quyền hạn') is fifteen chunks, one per khoản: all of them
    answer, not the four điểm of the khoản that happens to rank first."""
    answer = answerer.ask("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp tỉnh được giao những nhiệm vụ nào?")
    assert answer.lead.startswith("Gồm 15 nội dung: Xây dựng các chương trình, kế hoạch, đề án về hoạt động khuyến "
                                  "công… [1]; Triển khai thực hiện")
    assert [c.chunk_id for c in answer.citations[:2]] == ["ttlt-16-2011-bct-bnv#d3-k1", "ttlt-16-2011-bct-bnv#d3-k2"]
    # a kind of support ('hoạt động') is listed by the one khoản about it, not by its whole Điều
    assert not answerer.ask("Khuyến công hỗ trợ những hoạt động gì cho cụm công nghiệp?").lead.startswith("Gồm 9")


@require_corpus()
def test_each_level_named_gets_each_part_and_a_part_saying_more_replaces_one_it_holds(answerer):
    """'… cấp huyện và cấp tỉnh, mỗi hội đồng …': both levels answer both parts; '… có 05 hoặc 07 thành viên, bao
    gồm: Chủ tịch …' says all that '… có 05 hoặc 07 thành viên' says, which is not repeated."""
    lead = answerer.ask("Hội đồng bình chọn cấp huyện và cấp tỉnh, mỗi hội đồng gồm bao nhiêu thành viên và ai làm "
                        "chủ tịch?").lead
    assert lead == ("Hội đồng bình chọn cấp huyện có 05 hoặc 07 thành viên, bao gồm: Chủ tịch Hội đồng là đại diện "
                    "Lãnh đạo Ủy ban nhân dân cấp huyện [1]. Hội đồng bình chọn cấp tỉnh có 07 hoặc 09 thành viên, bao "
                    "gồm: Chủ tịch Hội đồng là đại diện Lãnh đạo Ủy ban nhân dân cấp tỉnh [2].")


def test_capitalised_abbreviations_are_read_as_the_words_they_stand_for():
    assert content_terms("Hội chợ quốc tế hàng TCMN, cơ sở CNNT") == \
        content_terms("Hội chợ quốc tế hàng thủ công mỹ nghệ, cơ sở công nghiệp nông thôn")


def test_a_number_written_with_a_leading_zero_is_the_same_term():
    # the rules write '05 năm', '07 thành viên'; users write '5 năm' (a one-digit number is no term either way)
    assert content_terms("chưa quá 05 năm, có 010 thành viên") == content_terms("chưa quá 5 năm, có 10 thành viên")
    assert "10" in content_terms("có 010 thành viên")
    assert content_terms("mức ² và ① lần") == ("muc", "lan")  # digits of other kinds break nothing


@require_corpus()
def test_a_unit_writing_an_abbreviation_covers_the_words_the_question_writes_out(answerer):
    """'… tại Hội chợ quốc tế hàng TCMN Hà Nội năm 2020. Trong đó có 200 đến 250 nhà nhập khẩu được hỗ trợ …'"""
    lead = answerer.ask("Theo kế hoạch khuyến công Hà Nội năm 2020, có bao nhiêu nhà nhập khẩu nước ngoài được hỗ "
                        "trợ khi đến Hội chợ quốc tế hàng thủ công mỹ nghệ?").lead
    assert lead.startswith("Trong đó có 200 đến 250 nhà nhập khẩu được hỗ trợ")


def test_a_list_of_five_shows_the_second_clause_of_each_item():
    """The facts of a short list often follow its items' first clause ('…; chi thù lao cho cộng tác viên …')."""
    items = ["a) Chi xây dựng chương trình, tài liệu và tổ chức tập huấn, bồi dưỡng chuyên môn, nghiệp vụ cho "
             "cán bộ làm công tác khuyến công;",
             "b) Chi tổ chức tham quan khảo sát, học tập kinh nghiệm trong nước; chi hội thảo chuyên đề, hội nghị "
             "đánh giá tổng kết về hoạt động khuyến công;",
             "c) Chi nâng cấp cơ sở vật chất, phương tiện làm việc cho các Trung tâm Khuyến công cấp vùng và cấp tỉnh; "
             "chi thù lao cho cộng tác viên để duy trì mạng lưới cộng tác viên khuyến công;",
             "d) Chi xây dựng chương trình khuyến công từng giai đoạn và kế hoạch khuyến công hàng năm;",
             "đ) Chi kiểm tra, giám sát, hướng dẫn triển khai thực hiện các chương trình, đề án và nghiệm thu "
             "hoạt động khuyến công quốc gia tại địa phương."]
    lead = lists.list_lead(items, 1)
    assert lead.startswith("Gồm 5 nội dung:") and "chi thù lao cho cộng tác viên" in lead and lead.endswith("[1].")


def test_a_requirement_told_in_the_case_is_not_a_criteria_question():
    from assistant.answer.question import answer_type
    told = "Xưởng tôi nằm trong khu dân cư, xã yêu cầu chuyển ra điểm quy hoạch. Nhà nước có hỗ trợ tiền di dời không?"
    assert answer_type(told) == "yes_no"
    assert answer_type("Tôi có xưởng mộc. Điều kiện để được hỗ trợ máy móc là gì?") == "criteria"
    assert answer_type("Làng nghề phải đáp ứng yêu cầu gì để được công nhận?") == "criteria"
    # what follows failing the criteria is asked, not the criteria
    assert answer_type("What happens to a recognized craft village if it no longer meets the criteria?") != "criteria"
    assert answer_type("What are the criteria a craft village must meet?") == "criteria"


def test_which_levels_something_is_held_at_is_a_list_not_who():
    from assistant.answer.question import answer_type
    assert answer_type("Việc bình chọn sản phẩm tiêu biểu được tổ chức theo những cấp nào?") == "list"
    assert answer_type("Kế hoạch khuyến công địa phương do cấp nào phê duyệt?") == "body"


def test_who_approved_two_programmes_stored_in_part_is_answered_from_their_preambles(answerer):
    """Both decisions are stored in part, but a preamble says who approved each: no refusal for what is missing."""
    answer = answerer.ask("Chương trình khuyến công quốc gia đến năm 2020 và Chương trình giai đoạn 2026-2030 được phê "
                          "duyệt bằng quyết định nào, do cấp nào ban hành?")
    assert not answer.refused
    assert "Thủ tướng Chính phủ" in answer.lead and "1288/QĐ-TTg" in answer.lead and "2646/QĐ-BCT" in answer.lead


def test_a_part_pointing_at_the_approving_decision_answers_of_the_programme_another_part_names(answerer):
    answer = answerer.ask("Chương trình khuyến công quốc gia giai đoạn 2026-2030 được ban hành ngày nào và quyết định "
                          "phê duyệt có hiệu lực từ bao giờ?")
    first, second = answer.lead.split(". ", 1)
    assert "23 tháng 9 năm 2025" in first
    assert second.startswith("Quyết định 2646/QĐ-BCT có hiệu lực") and "kể từ ngày ký ban hành" in second


def test_papers_listed_on_one_line_under_their_case_answer_what_to_submit(answerer):
    """'11. Đề án hỗ trợ tham gia hội chợ triển lãm trong nước: Danh sách …; hợp đồng thuê gian hàng …; hóa đơn …':
    its number opens its first sentence rather than being one, so its first line names the case asked about."""
    answer = answerer.ask("Cơ sở của chúng tôi được khuyến công quốc gia hỗ trợ đi hội chợ triển lãm trong nước, vậy "
                          "khi thanh quyết toán phải nộp những giấy tờ gì?")
    assert "hợp đồng thuê gian hàng" in answer.lead  # after what Điều 14's opening asks of every case
    assert [c.chunk_id for c in answer.citations[:2]] == ["tt-36-2013-bct#d14", "tt-36-2013-bct#d14-k11"]


@pytest.mark.parametrize("question", [
    "Làng nghề truyền thống phải đạt những tiêu chí nào?",
    # criteria asked as 'điều kiện': a khoản headed 'Tiêu chí …', not the papers of 'Hồ sơ đề nghị công nhận …'
    "Muốn được công nhận là làng nghề truyền thống thì cần thêm điều kiện gì?",
])
def test_criteria_set_in_one_sentence_under_their_heading_are_the_answer(answerer, question):
    answer = answerer.ask(question)
    assert answer.lead.startswith("Làng nghề truyền thống phải đạt tiêu chí làng nghề")
    assert "ít nhất một nghề truyền thống" in answer.lead and answer.citations[0].chunk_id == "nd-52-2018#d5-k4"


def test_two_terms_compared_with_nothing_asked_of_them_are_told_by_their_definitions(answerer):
    answer = answerer.ask("Kinh phí khuyến công quốc gia và kinh phí khuyến công địa phương khác nhau ở chỗ nào?")
    first, second = answer.lead.split(". ", 1)
    assert first.startswith("Kinh phí khuyến công quốc gia là kinh phí") and "do Bộ Công Thương quản lý" in first
    assert second.startswith("Kinh phí khuyến công địa phương là kinh phí do Ủy ban nhân dân cấp tỉnh")


def test_a_count_of_one_kind_is_answered_by_that_kind_not_another_of_the_same_noun(answerer):
    """'bao nhiêu lớp truyền nghề?' is '625 lớp truyền nghề', not '137 lớp tập huấn' of the same summary sentence."""
    from assistant.answer.evidence import asked_kind, counted_kinds

    assert asked_kind("Hà Nội đã mở bao nhiêu lớp truyền nghề?") == "lop truyen"
    assert counted_kinds("tổ chức 625 lớp truyền nghề, nâng cao tay nghề cho gần 22.000 lao động nông thôn") == \
        frozenset({"lop truyen", "lao dong"})
    answer = answerer.ask("Sau 10 năm thực hiện Nghị định 45 (2012-2022), Hà Nội đã mở bao nhiêu lớp truyền nghề?")
    assert "625 lớp truyền nghề" in answer.lead and "137 lớp tập huấn" not in answer.lead


def test_how_much_of_the_work_is_answered_by_its_share():
    """'phải làm được bao nhiêu khối lượng?' counts the work, which the rules state as a share ('trên 50% khối lượng
    công việc')."""
    from assistant.answer.evidence import counted_nouns

    assert counted_nouns("đã thực hiện được trên 50% khối lượng công việc của hạng mục được hỗ trợ", "count") == \
        frozenset({"khoi"})
    assert counted_nouns("Có tối thiểu 20% tổng số hộ trên địa bàn tham gia", "count") == frozenset({"ho"})


def test_the_work_done_before_an_advance_is_the_lead(answerer):
    answer = answerer.ask("Đề án khuyến công quốc gia hỗ trợ đầu tư kết cấu hạ tầng cụm công nghiệp phải làm được bao "
                          "nhiêu khối lượng thì mới được ứng?")
    assert "trên 50% khối lượng công việc" in answer.lead


def test_where_money_comes_from_asks_a_part_of_its_own():
    asked = parts("Sản phẩm đạt giải sản phẩm CNNT tiêu biểu cấp tỉnh thì tiền thưởng lấy từ đâu và mức bao nhiêu?")
    assert len(asked) == 2 and asked[0].endswith("lấy từ đâu?") and asked[1].endswith("mức bao nhiêu?")


def test_a_heading_that_is_a_sentence_is_followed_not_introduced():
    local = "b) Mức thưởng bằng tiền từ nguồn kinh phí khuyến công địa phương … theo quy định của Ủy ban nhân dân."
    chunk = ("2. Được tặng thưởng bằng tiền mặt từ nguồn kinh phí khuyến công và các nguồn kinh phí hợp pháp khác "
             "(nếu có).\na) Mức thưởng bằng tiền từ nguồn kinh phí khuyến công quốc gia …;\n" + local)
    joined = compose.with_heading(local, chunk)
    assert ".:" not in joined and "(nếu có). Mức thưởng bằng tiền từ nguồn kinh phí khuyến công địa phương" in joined


def test_whether_a_cost_is_supported_is_a_yes_no_support_question():
    from assistant.domain.support_levels import is_support_question
    question = "Cơ sở tôi đi hội chợ trong nước thì được hỗ trợ tiền thuê gian hàng không?"
    assert analyze(question).type == "yes_no" and is_support_question(question)
    assert not is_support_question("Hộ kinh doanh ở xã có được hỗ trợ khuyến công không?")  # who, not what


@require_corpus()
def test_whether_a_cost_is_supported_is_answered_yes_with_its_levels(answerer):
    answer = answerer.ask("Xưởng gốm của tôi thuê gian hàng ở một hội chợ trong nước do công ty tư nhân tổ chức, "
                          "khuyến công có hỗ trợ tiền thuê gian hàng không?")
    assert answer.lead.startswith("Có.") and "80% giá thuê gian hàng" in answer.lead


@require_corpus()
def test_a_negated_case_is_listed_under_the_heading_that_negates_it(answerer):
    lead = answerer.ask("Đơn vị thực hiện không xuất hóa đơn tài chính cho Cục Công nghiệp địa phương thì hồ sơ quyết "
                        "toán đề án khuyến công quốc gia gồm những giấy tờ gì?").lead
    assert "Mẫu số 7" in lead and "Hóa đơn tài chính" not in lead


@require_corpus()
def test_to_whom_a_body_reports_is_answered_from_its_duties(answerer):
    lead = answerer.ask("Sau khi tổ chức bình chọn sản phẩm CNNT tiêu biểu cấp huyện, UBND cấp huyện phải báo cáo "
                        "kết quả cho cơ quan nào?").lead
    assert lead.startswith("Trách nhiệm của Ủy ban nhân dân cấp huyện") and "báo cáo Sở Công Thương" in lead


@pytest.mark.parametrize("question", [
    "What is the budget ceiling for organising the national-level selection of typical rural industrial products?",
    "What is the cap on support for building a brand?",
    "What is the upper limit of support for a demonstration model?",
])
def test_an_english_ceiling_asks_an_amount_not_a_definition(question):
    assert analyze(question).type == "amount"
    assert analyze("Hội đồng bình chọn cấp tỉnh là gì?").type == "definition"  # 'cấp' folds to 'cap'


@require_corpus()
def test_an_english_question_on_a_budget_ceiling_leads_with_the_amounts(answerer):
    lead = answerer.ask("What is the budget ceiling for organising the regional-level and the national-level "
                        "selection of typical rural industrial products?").lead
    assert "100 triệu đồng/lần" in lead and "200 triệu đồng/lần" in lead


def test_whom_an_act_is_done_to_is_asked_and_named():
    from assistant.answer.evidence import asked_recipient, names_recipient
    assert asked_recipient("Trong thời hạn giấy chứng nhận, hằng năm cơ sở có phải báo cáo cho ai không?") == "bao cao"
    assert asked_recipient("Sở Công Thương gửi hồ sơ lên cơ quan nào?") == "gui"
    assert asked_recipient("Ai phải báo cáo kết quả bình chọn?") == ""  # who reports, not to whom
    assert names_recipient("2. Định kỳ hàng năm, báo cáo Sở Công Thương, Ủy ban nhân dân cấp huyện …", "bao cao")
    assert not names_recipient("Báo cáo tiến độ của đơn vị thực hiện đề án xác định …", "bao cao")


@require_corpus()
def test_whom_a_certified_establishment_reports_to_leads(answerer):
    lead = answerer.ask("sp của xưởng e đc cấp giấy cn sp cnnt tiêu biểu r, trong thời hạn giấy cn thì hằng năm có "
                        "phải bc cho ai ko ạ?").lead
    assert "báo cáo Sở Công Thương, Ủy ban nhân dân cấp huyện" in lead


def test_an_exception_a_line_ends_with_is_a_unit_of_its_own():
    from assistant.documents.units import split_units
    line = ("b) Kho bạc nhà nước thực hiện kiểm soát, thanh toán cho từng nhiệm vụ theo chế độ chi tiêu hiện hành. "
            "Riêng mức tạm ứng cho các đề án, nhiệm vụ khuyến công không quá 70% tổng kinh phí khuyến công hỗ trợ.")
    assert split_units(line)[-1].startswith("Riêng mức tạm ứng") and len(split_units(line)) == 2


@require_corpus()
def test_the_passage_of_the_best_unit_can_answer_though_retrieval_ranks_it_low(default_settings):
    from dataclasses import replace
    question = "Mức tạm ứng tối đa cho đề án khuyến công là bao nhiêu phần trăm kinh phí hỗ trợ?"
    with_leader = Answerer(Searcher(default_settings)).ask(question).lead
    without = Answerer(Searcher(replace(default_settings, unit_leaders=0))).ask(question).lead
    assert "không quá 70%" in with_leader and "không quá 70%" not in without


def test_a_list_headed_by_the_asked_noun_outranks_its_sibling_sharing_only_the_article_title():
    title = "Địa bàn, ngành nghề ưu tiên và nguyên tắc xét ưu tiên"
    places = SimpleNamespace(article_title=title, text="1. Địa bàn ưu tiên\na) Huyện vùng cao, hải đảo.\n"
                             "b) Các huyện nghèo.\nc) Địa bàn các xã xây dựng nông thôn mới.")
    rules = SimpleNamespace(article_title=title, text="3. Nguyên tắc xét ưu tiên\na) Ưu tiên trong phân bổ kinh phí\n"
                            "- Về địa bàn: khi xét giao kế hoạch kinh phí khuyến công, xét ưu tiên các địa bàn.\n"
                            "- Về ngành nghề: khi xét giao kế hoạch kinh phí khuyến công, ưu tiên các ngành nghề.")
    question = "Những địa bàn nào được ưu tiên khi xét hỗ trợ kinh phí khuyến công?"
    ranked = [Evidence(1, "Về địa bàn: khi xét giao kế hoạch kinh phí khuyến công", 1.0),
              Evidence(0, "Huyện vùng cao, hải đảo.", 0.75)]
    chosen = lists.list_chunk(analyze(question).focus, ranked, [places, rules], noun=lists.listed_noun(question))
    assert chosen == 0


@pytest.mark.parametrize(("question", "choice"), [
    ("Giám đốc Trung tâm là công chức hay viên chức?", ("cong chuc", "vien chuc")),
    ("bình chọn cấp tỉnh năm chẵn hay lẻ thế", ("chan", "le")),  # the asking word is no alternative
    ("ưu tiên theo địa bàn hay theo ngành nghề?", ("dia ban", "nganh nghe")),  # 'theo' is shared, not chosen
    ("có được thu học phí không hay phải dạy miễn phí?", None),  # 'không hay …' asks yes or no
    ("Mức hỗ trợ là bao nhiêu?", None),
])
def test_the_alternatives_a_question_offers(question, choice):
    assert asked_choice(question) == choice


def test_a_unit_naming_one_alternative_decides_and_one_naming_both_does_not():
    choice = asked_choice("Giám đốc Trung tâm là công chức hay viên chức?")
    assert picks_one("Giám đốc Trung tâm thuộc biên chế công chức.", choice) == 1.0
    assert picks_one("Kỷ luật Giám đốc theo phân cấp quản lý công chức, viên chức.", choice) == 0.0
    assert picks_one("Giám đốc là người đứng đầu Trung tâm.", choice) == 0.0


@require_corpus()
def test_a_choice_between_two_statuses_is_answered_with_the_one_the_rules_give(answerer):
    lead = answerer.ask("Giám đốc trung tâm khuyến công cấp tỉnh là công chức hay viên chức?").lead
    assert "biên chế công chức" in lead  # no bare-term definition of 'Giám đốc', no unit naming both


@require_corpus()
def test_a_part_asking_who_takes_its_unit_before_a_part_asking_what(answerer):
    lead = answerer.ask("Giám đốc trung tâm khuyến công cấp tỉnh là công chức hay viên chức? Số lượng viên chức "
                        "ai quyết định?").lead
    assert "biên chế công chức" in lead and "do Ủy ban nhân dân cấp tỉnh quyết định" in lead


def test_a_case_is_named_by_the_activity_the_question_describes():
    machines = "5. Đề án hỗ trợ ứng dụng máy móc tiên tiến: Hợp đồng, biên bản nghiệm thu và thanh lý hợp đồng."
    consulting = "a) Đề án hỗ trợ tư vấn: Hợp đồng; biên bản nghiệm thu và thanh lý hợp đồng thuê tư vấn kèm sản phẩm."
    training = "1. Đề án tổ chức đào tạo nghề, truyền nghề, hồ sơ gồm: Quyết định cấp chứng chỉ hoặc chứng nhận."
    assert lists.names_activity("ứng dụng máy móc thiết bị, chuyển giao công nghệ tiên tiến vào sản xuất", machines)
    assert not lists.names_activity("ứng dụng máy móc thiết bị", consulting)
    assert not lists.names_activity("đào tạo nghề, truyền nghề", consulting)  # 'Đề án hỗ trợ' is every case's opening
    assert lists.names_activity("đào tạo nghề, truyền nghề", training)


@require_corpus()
def test_papers_for_the_remaining_advance_are_those_of_the_activity_described(answerer):
    lead = answerer.ask("Cơ sở tôi được khuyến công quốc gia hỗ trợ mua máy mới, đã nghiệm thu xong, giờ muốn tạm ứng "
                        "phần kinh phí còn lại thì cần nộp những giấy tờ gì?").lead
    assert "thanh lý hợp đồng mua máy móc" in lead, lead


@require_corpus()
def test_where_funds_come_from_is_answered_by_their_sources(answerer):
    lead = answerer.ask("Where do the funds for local industrial promotion come from?").lead
    assert "Tài trợ và đóng góp" in lead and "Ngân sách" in lead, lead


@pytest.mark.parametrize(("unit", "says"), [
    ("-------", False), ("PV", False), ("---------------", False), ("a) Chủ tịch;", True),
    ("Số: 2646/QĐ-BCT", True),
])
def test_a_rule_line_or_a_byline_is_no_unit_to_answer_with(unit, says):
    assert says_something(unit) is says


@require_corpus()
def test_two_supported_activities_compared_are_each_answered_with_their_level(answerer):
    lead = answerer.ask("Hỗ trợ sửa chữa, nâng cấp hệ thống xử lý ô nhiễm môi trường cho cơ sở công nghiệp nông thôn "
                        "và cho cụm công nghiệp khác nhau thế nào?").lead
    assert "300 triệu đồng/cơ sở" in lead and "1.500 triệu đồng/cụm công nghiệp" in lead, lead


@pytest.mark.parametrize("question", [
    "Công ty tôi đã ký hợp đồng thực hiện đề án khuyến công quốc gia xây dựng mô hình trình diễn kỹ thuật sấy nông "
    "sản. Khi nào thì được tạm ứng kinh phí?",
    "de an ho tro dau tu ha tang cum cong nghep duoc tam ung bao nhieu %, can dieu kien gi",
])
@require_corpus()
def test_when_an_advance_is_paid_is_answered_by_the_share_done_first(answerer, question):
    lead = answerer.ask(question).lead
    assert re.search(r"trên (50|70)% (khối lượng|tổng vốn)", lead), lead
    assert "Tạm ứng" in lead, lead


def test_a_bound_clause_is_cut_around_the_bound():
    unit = ("b) Hồ sơ tạm ứng: Hợp đồng thực hiện đề án; hợp đồng hỗ trợ giữa đơn vị thực hiện đề án và chủ đầu tư; "
            "hợp đồng giữa chủ đầu tư và nhà thầu (trường hợp chủ đầu tư thuê ngoài); Báo cáo tiến độ của đơn vị thực "
            "hiện đề án xác định đã thực hiện được trên 50% khối lượng công việc của hạng mục được hỗ trợ.")
    clause = compose.floor_clause(unit)
    assert "trên 50% khối lượng" in clause and len(clause) <= compose.SECOND_CHARS + 2, clause
    assert evidence.asks_floor("Khi nào thì được tạm ứng kinh phí?")
    assert evidence.asks_floor("de an duoc tam ung bao nhieu %, can dieu kien gi")
    assert not evidence.asks_floor("Đề án được tạm ứng bao nhiêu phần trăm?")


@require_corpus()
def test_a_bound_asked_with_the_share_leads_under_the_heading_holding_the_share(answerer):
    lead = answerer.ask("Đề án khuyến công quốc gia hỗ trợ đầu tư kết cấu hạ tầng cụm công nghiệp được tạm ứng lần đầu "
                        "bao nhiêu và với điều kiện khối lượng thế nào?").lead
    assert lead.startswith("Tạm ứng 30%") and "trên 50% khối lượng" in lead, lead
    assert "hợp đồng giữa chủ đầu tư và nhà thầu" not in lead, lead  # the papers before the bound are cut


def test_part_of_a_unit_goes_under_its_heading_only_for_the_heading_s_number():
    chunk = "1. Tạm ứng 30% kinh phí hỗ trợ của đề án\na) Đối với …\nb) Hồ sơ tạm ứng: Hợp đồng; trên 50% khối lượng."
    unit = "b) Hồ sơ tạm ứng: Hợp đồng; trên 50% khối lượng."
    assert compose.with_heading(unit, chunk, shown="…trên 50% khối lượng").startswith("Tạm ứng 30%")
    plain = "3. Tiêu chí công nhận làng nghề:\na) Có tối thiểu 20% tổng số hộ tham gia."
    assert compose.with_heading("a) Có tối thiểu 20% tổng số hộ tham gia.", plain,
                                shown="Có tối thiểu 20% tổng số hộ") == "Có tối thiểu 20% tổng số hộ"


def test_who_holds_each_office_named_is_asked_apart():
    asked = parts("Hội đồng bình chọn cấp tỉnh gồm bao nhiêu thành viên và ai làm Chủ tịch, Phó Chủ tịch thường trực?")
    assert len(asked) == 3 and asked[2].endswith("ai làm Phó Chủ tịch thường trực?"), asked
    assert len(parts("Ai làm Chủ tịch, nhiệm kỳ bao lâu?")) == 2  # what follows asks a thing of its own


def test_a_part_s_lead_goes_on_without_the_heading_an_earlier_lead_opened_with():
    chunk = SimpleNamespace(id="c1")
    heading = "Hội đồng bình chọn cấp tỉnh có 07 hoặc 09 thành viên, bao gồm"
    first = compose.Composition(lead=f"{heading}: Chủ tịch Hội đồng là đại diện Lãnh đạo UBND cấp tỉnh [1].",
                                cited=[chunk])
    second = compose.Composition(lead=f"{heading}: Phó Chủ tịch thường trực là đại diện Lãnh đạo Sở Công Thương [1].",
                                 cited=[chunk])
    lead = compose.joined([first, second]).lead
    assert lead.count(heading) == 1 and "[1]. Phó Chủ tịch thường trực" in lead, lead


def test_two_quoted_terms_are_each_asked_alone():
    from assistant.answer.parts import quoted_sides
    first, second = quoted_sides("Cơ sở thế nào thì được xem là 'sử dụng nhiều lao động' hay “sử dụng nguyên liệu tại "
                                 "chỗ” để được ưu tiên?")
    assert first == "Cơ sở thế nào thì được xem là 'sử dụng nhiều lao động' để được ưu tiên?"
    assert second == "Cơ sở thế nào thì được xem là “sử dụng nguyên liệu tại chỗ” để được ưu tiên?"
    assert not quoted_sides("“Chứng từ chi” gồm những loại giấy tờ nào?")


@require_corpus()
def test_each_quoted_term_is_answered_by_its_own_definition(answerer):
    lead = answerer.ask("Cơ sở thế nào thì được xem là 'sử dụng nhiều lao động' hay 'sử dụng nguyên liệu tại chỗ' để "
                        "thuộc ngành nghề ưu tiên khuyến công?").lead
    assert "từ 50 lao động trở lên" in lead and "chiếm trên 50%" in lead, lead


def test_an_english_it_is_the_thing_the_part_before_names():
    prepares, approves = parts("Who prepares the local (provincial) industrial promotion programme for each period, "
                               "and who approves it?")
    assert approves == "who approves the local (provincial) industrial promotion programme for each period?"
    _, chairs = parts("How many members does the national-level council have, and who chairs it?")
    assert chairs == "who chairs the national-level council?"
    # 'it' given something is the thing 'of' names, not its status
    _, guides = parts("What is the legal status of a provincial Industrial Promotion Center, and which body gives it "
                      "professional guidance?")
    assert guides == "which body gives a provincial Industrial Promotion Center professional guidance?"


def test_an_english_it_or_they_is_the_document_or_the_counted_thing_the_part_before_names():
    _, areas = parts("Who signed Official Letter No. 400/CTĐP-QLKC on building the national industrial promotion plan "
                     "for 2024, and how many focus areas did it set?")
    assert areas == "how many focus areas did Official Letter No. 400/CTĐP-QLKC set?"
    _, capital = parts("In 2022, how many rural industrial facilities were supported to invest in modern machinery, "
                       "and roughly how much capital did they invest?")
    assert capital == "roughly how much capital did the rural industrial facilities invest?"
    # the decree a part is asked under is not what 'it' points to
    _, belongs = parts("Under Decree 45/2012, who establishes the provincial Industrial Promotion Center, and which "
                       "agency does it belong to?")
    assert belongs.endswith("which agency does it belong to?") and "Decree 45/2012 belong" not in belongs
    _, share = parts("Who signed Official Letter No. 400/CTĐP-QLKC, and when is it due?")
    assert share == "when is Official Letter No. 400/CTĐP-QLKC due?"  # the whole name, not 'Letter No. 400 …'
    _, theirs = parts("How many rural facilities were supported in 2022, and what was their total capital?")
    assert theirs == "what was the rural facilities' total capital?"


def test_a_comparison_naming_its_aspects_before_the_asking_word_asks_each_of_each_side():
    asked = sides("Đề án khuyến công quốc gia và đề án khuyến công địa phương khác nhau ở cơ quan quản lý và nguồn "
                  "kinh phí ra sao?")
    assert asked[:2] == ["Đề án khuyến công quốc gia, cơ quan quản lý là ai?",
                         "đề án khuyến công địa phương, cơ quan quản lý là ai?"]


@require_corpus()
def test_a_replaced_text_the_corpus_only_cites_is_said_to_be_no_longer_the_one(answerer):
    old = answerer.ask("Văn bản chính về khuyến công hiện nay vẫn là Nghị định 134/2004/NĐ-CP phải không?")
    assert old.lead.startswith("Không. Kho chưa có toàn văn Nghị định 134/2004; Nghị định 45/2012/NĐ-CP dẫn: ")
    assert "thay thế Nghị định số 134/2004/NĐ-CP" in old.lead
    cited = answerer.ask("Thông tư 28/2018/TT-BTC còn hiệu lực không?")  # cited as a basis, not replaced
    assert cited.lead.startswith("Kho chưa có toàn văn Thông tư 28/2018")
    # a currency asked of an amount is no currency asked of the document
    from assistant.answer.validity import asks_validity
    assert not asks_validity("Theo Nghị định 45/2012, mức hỗ trợ hiện nay vẫn là 50% phải không?")
    assert not answerer.ask("Nghị định 134/2004 bị thay thế bởi văn bản nào?").lead.startswith("Không.")


@require_corpus()
def test_which_document_of_several_things_is_one_document_not_a_list(answerer):
    poor = answerer.ask("Các huyện nghèo được ưu tiên về địa bàn trong hoạt động khuyến công được xác định theo văn "
                        "bản nào?")
    assert poor.lead.startswith("Các huyện nghèo theo quy định tại Nghị quyết 30a/2008/NQ-CP"), poor.lead
    bases = answerer.ask("Quyết định 2646/QĐ-BCT phê duyệt Chương trình khuyến công quốc gia 2026-2030 được ban hành "
                         "căn cứ những văn bản nào?")
    assert bases.lead.startswith("Gồm 4 nội dung: Căn cứ Nghị định số 45/2012/NĐ-CP"), bases.lead


@require_corpus()
def test_the_papers_every_case_sends_lead_before_the_case_s_own(answerer):
    lead = answerer.ask("Để tạm ứng phần kinh phí còn lại của đề án hỗ trợ ứng dụng máy móc tiên tiến, đơn vị thực "
                        "hiện cần gửi những hồ sơ gì?").lead
    assert lead.index("Biên bản nghiệm thu cơ sở") < lead.index("thanh lý hợp đồng mua máy móc"), lead
    assert "báo cáo tổng hợp kết quả thực hiện đề án" in lead and "dưới đây" not in lead, lead
    assert "[1]" in lead and "[2]" in lead, lead


def test_a_measure_compared_between_two_parties_is_asked_of_each():
    first, second = sides("So sánh tỷ lệ kinh phí dùng cho công tác quản lý giữa cơ quan quản lý kinh phí và đơn vị "
                          "triển khai thực hiện đề án.")
    assert first == "tỷ lệ kinh phí dùng cho công tác quản lý của cơ quan quản lý kinh phí?"
    assert second == "tỷ lệ kinh phí dùng cho công tác quản lý của đơn vị triển khai thực hiện đề án?"


@pytest.mark.parametrize(("question", "count"), [
    # a condition of what is supported is no bound of an advance: two parts, as before
    ("Đề án được hỗ trợ bao nhiêu phần trăm, điều kiện để được hỗ trợ là gì?", 2),
    ("Đề án được hỗ trợ bao nhiêu phần trăm, cần điều kiện gì?", 2),
])
def test_only_an_advance_takes_its_bound_into_one_question(question, count):
    assert len(parts(question)) == count


def test_review_misfires_stay_mended():
    from assistant.answer.parts import quoted_sides
    from assistant.search.accents import AccentRestorer
    # an English 'it' that is no object asked about stays as it is
    assert parts("Which agency appraises the plan, and is it possible to appeal?")[1] != \
        "is the plan possible to appeal?"
    assert "applicant submit due" not in parts("What documents must the applicant submit, and when is it due?")[1]
    # 'chương trình số 3' and 'tờ trình' assert no body
    assert asserted("Mức hỗ trợ 50% áp dụng cho chương trình số 3 phải không?") == "amount"
    # 'gđ' alone may be 'giai đoạn' or 'gia đình'
    assert expand_shorthand("Chương trình khuyến công gđ 2021-2025") == "Chương trình khuyến công gđ 2021-2025"
    assert expand_shorthand("có mấy phó gđ") == "có mấy Phó Giám đốc"
    # 'mấy lần' restores as asked; 'máy' keeps its pairs and stands alone
    restorer = AccentRestorer(["máy móc thiết bị", "bộ máy quản lý", "cung cấp máy"])
    assert restorer.restore("toi da may lan").endswith("mấy lần")
    assert restorer.restore("bo may quan ly cung cap may moc") == "bộ máy quản lý cung cấp máy móc"
    # a choice between two quoted papers is no pair of definitions
    assert analyze('Hồ sơ nộp "bản sao" hay "bản chính"?').type != "definition"
    assert quoted_sides('Hồ sơ nộp "bản sao" hay "bản chính"?')  # split only for a definition question
    # when something is done is no bound asked
    assert not evidence.asks_floor("Khi nào thì được nghiệm thu?")
    assert not evidence.asks_floor("Doanh nghiệp được hỗ trợ cần những điều kiện gì?")


@require_corpus()
def test_an_advance_asked_as_a_share_leads_with_the_advance_not_the_support_level(answerer):
    # 'tạm ứng được mấy phần trăm' asks the advance (70%), not the model's support level (30%)
    lead = answerer.ask("Mô hình trình diễn kỹ thuật thì tạm ứng được mấy phần trăm?").lead
    assert lead.startswith("Tạm ứng 70%")
    assert evidence.asked_payment("mo hinh trinh dien tam ung duoc may phan tram") == "tam ung"
    assert evidence.asked_payment("Mô hình trình diễn được hỗ trợ mấy phần trăm?") == ""
    # 'mấy phần trăm' is how the share is asked: no term of the topic
    assert "phan" not in analyze("Đề án được tạm ứng mấy phần trăm?").focus.split()
    # with the bound it needs: one question, the advance and the work done first
    lead = answerer.ask("Mô hình trình diễn thì tạm ứng được bao nhiêu, cần điều kiện gì?").lead
    assert "70%" in lead and "trên 70% tổng vốn đầu tư" in lead
    assert len(parts("Mô hình trình diễn kỹ thuật được tạm ứng mấy phần trăm, cần điều kiện gì?")) == 1


def test_a_difference_asked_where_and_of_each_asks_each_side():
    question = "Kinh phí khuyến công quốc gia khác kinh phí khuyến công địa phương ở chỗ nào?"
    assert analyze(question).type == "comparison"
    assert sides(question) == ["Kinh phí khuyến công quốc gia?", "kinh phí khuyến công địa phương?"]
    # '…, ai quản lý mỗi loại?': who manages each
    assert sides(question.rstrip("?") + ", ai quản lý mỗi loại?") == [
        "Kinh phí khuyến công quốc gia, ai quản lý?", "kinh phí khuyến công địa phương, ai quản lý?"]
    # 'các khoản chi khác' is no difference asked
    assert analyze("Các khoản chi khác được chi ở đâu?").type != "comparison"


@require_corpus()
def test_a_difference_asked_where_leads_with_both_sides(answerer):
    lead = answerer.ask("Kinh phí khuyến công quốc gia khác kinh phí khuyến công địa phương ở chỗ nào, ai quản lý "
                        "mỗi loại?").lead
    assert "Bộ Công Thương quản lý" in lead and "Ủy ban nhân dân" in lead


def test_the_national_and_the_local_scheme_are_asked_apart():
    from assistant.answer.parts import scheme_sides
    assert scheme_sides("Đề án khuyến công quốc gia và địa phương do ai phê duyệt?") == [
        "Đề án khuyến công quốc gia do ai phê duyệt?", "Đề án khuyến công địa phương do ai phê duyệt?"]
    assert scheme_sides("Kinh phí khuyến công quốc gia và kinh phí khuyến công địa phương.") == []  # nothing asked
    assert scheme_sides("Đề án khuyến công quốc gia do ai phê duyệt?") == []


@require_corpus()
def test_each_scheme_gets_its_rule_unless_one_passage_rules_both(answerer):
    lead = answerer.ask("Quy trình xây dựng kế hoạch, tạm ứng, thanh quyết toán đề án khuyến công quốc gia và đề án "
                        "khuyến công địa phương do ai quy định?").lead
    assert "quy định của Bộ Công Thương" in lead and "Ủy ban nhân dân cấp tỉnh quy định" in lead
    # one passage says who approves both plans: it is the whole lead, no second passage beside it
    lead = answerer.ask("Kế hoạch khuyến công quốc gia và kế hoạch khuyến công địa phương do ai phê duyệt?").lead
    assert lead.count("[") == 1 and "Chủ tịch Ủy ban nhân dân cấp tỉnh phê duyệt" in lead


@require_corpus()
def test_the_milestones_asked_are_dates_not_a_list(answerer):
    question = "Sở Công Thương gửi báo cáo đăng ký kế hoạch khuyến công quốc gia 2024 về Cục trước những mốc nào?"
    assert analyze(question).type == "date"
    lead = answerer.ask(question).lead
    assert "20 tháng 6 năm 2023" in lead and not lead.startswith("Gồm")


@require_corpus()
def test_the_work_an_advance_needs_asked_as_a_level_leads_with_the_bound(answerer):
    question = ("Đề án hỗ trợ ứng dụng máy móc, chuyển giao công nghệ tiên tiến muốn được tạm ứng thì khối lượng "
                "đã thực hiện phải đạt mức nào?")
    assert evidence.asks_floor(question)
    assert "trên 70% tổng vốn đầu tư" in answerer.ask(question).lead


def test_this_sessions_review_misfires_stay_mended():
    from assistant.answer.parts import scheme_sides
    from assistant.answer.question import slots
    from assistant.domain.eligibility import LONG_AGO, match_sector
    from assistant.search.glossary import expand_query
    # 'khác' (other) and 'khắc' (carved) ask no difference; 'mộc nào' (which carpentry) asks no date
    assert analyze("Sản phẩm chạm khắc gỗ được trưng bày ở chỗ nào?").type != "comparison"
    assert analyze("Các cơ sở khác được hỗ trợ ở những điểm nào?").type != "comparison"
    assert analyze("Cơ sở làm nghề mộc nào được hỗ trợ?").type != "date"
    # a project's cold-store item is no food processing; packing nuts is
    assert "trade_group" not in slots("Đề án xây dựng hạng mục kho lạnh có được hỗ trợ không?")
    assert match_sector("đóng gói hạt") == "a"
    # an organisation ('tổ chức, cá nhân') or a signature ('ký') is no selection held
    for question in ("Tổ chức, cá nhân có sản phẩm đạt giải bình chọn năm 2024 được thưởng bao nhiêu?",
                     "Ai ký quyết định công nhận sản phẩm bình chọn năm 2024?"):
        assert expand_query(question) == question
    # the asker's own long practice says nothing of the ward's age
    assert slots("Tôi làm nghề từ lâu rồi, cơ sở ở phường thuộc thành phố loại 1 vừa chuyển từ xã năm ngoái, có "
                 "được hỗ trợ không?").get("years_since_conversion") != LONG_AGO
    # 'tôi đã' is no 'tối đa'; a choice between the schemes is one question
    assert evidence.asked_payment("Sau khi được tạm ứng tôi đã được giải ngân bao nhiêu phần trăm?") == ""
    assert scheme_sides("Hồ sơ đăng ký thuộc đề án khuyến công quốc gia hay địa phương?") == []


@require_corpus()
def test_who_runs_each_of_two_levels_is_answered_for_both(answerer):
    lead = answerer.ask("Cơ quan nào chủ trì tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu ở cấp tỉnh "
                        "và ở cấp quốc gia?").lead
    assert "Ủy ban nhân dân cấp tỉnh" in lead and "Bộ Công Thương chủ trì" in lead
    # one passage names both councils' founders: each is said once, in the question's order
    lead = answerer.ask("Hội đồng bình chọn cấp tỉnh và cấp khu vực do ai quyết định thành lập?").lead
    assert lead.index("cấp tỉnh do Chủ tịch") < lead.index("cấp khu vực do Cục trưởng")
    assert lead.count("các cấp được thành lập như sau") == 1


@require_corpus()
def test_the_document_a_rule_is_followed_under_is_the_one_its_passage_cites(answerer):
    # 'theo chế độ báo cáo của thông tư nào' asks the circular the duty's passage names, not the corpus's own
    lead = answerer.ask("Sở Công Thương tổng hợp báo cáo khuyến công trên địa bàn theo chế độ báo cáo của thông tư "
                        "nào?").lead
    assert "20/2012/TT-BCT" in lead


@require_corpus()
def test_an_english_which_question_asks_the_noun_the_glossary_names(answerer):
    assert evidence.asked_noun("Which product groups can be entered in the product selection?") == "nhom san pham"
    assert evidence.asked_noun("Who approves the plan?") == ""
    lead = answerer.ask("Which product groups can be entered in the typical rural industrial product selection?").lead
    assert "Nhóm sản phẩm thủ công mỹ nghệ" in lead


@pytest.mark.parametrize(("question", "expected"), [
    ("Phạm vi điều chỉnh của Thông tư 36/2013 là gì?", (True, False)),
    ("Thông tư 36/2013 quy định về những gì và áp dụng với đối tượng nào?", (True, True)),
    ("What does Circular 36/2013/TT-BCT regulate, and who does it apply to?", (True, True)),
    ("Nghị định 52/2018 áp dụng cho những đối tượng nào?", (False, True)),
    ("Thông tư 36/2013 quy định gì về tạm ứng?", (False, False)),  # a topic asked of it, not its remit
    ("Điều 5 Nghị định 45/2012 quy định gì?", (False, False)),  # what one article rules
    ("What does the support for machinery under Decree 45/2012 cover?", (False, False)),  # the support covers
    ("Mức hỗ trợ đào tạo nghề áp dụng cho những đối tượng nào?", (False, False)),  # a support level applies
])
def test_what_a_document_rules_on_and_whom_it_applies_to_is_asked(question, expected):
    assert asks_remit(question) == expected


@require_corpus()
def test_a_documents_remit_is_read_off_its_opening_article(answerer):
    scope = answerer.ask("Phạm vi điều chỉnh của Thông tư 36/2013 là gì?")
    assert scope.lead.startswith("Thông tư này quy định về trình tự, thủ tục xây dựng, thẩm định")
    assert scope.citations[0].chunk_id == "tt-36-2013-bct#d1"
    both = answerer.ask("What does Circular 36/2013/TT-BCT regulate, and who does it apply to?")
    assert "tạm ứng, thanh lý, quyết toán" in both.lead and "thực hiện, thụ hưởng và quản lý" in both.lead
    subjects = answerer.ask("Đối tượng áp dụng của Nghị định 45/2012 là gì?")  # a heading inside the scope article
    assert subjects.lead.startswith("Đối tượng áp dụng: ") and "sản xuất sạch hơn" in subjects.lead
    # a verdict asked of a subject is no remit; a stored text cut short ('… mức chi cụ thể cho c') is not quoted
    assert not answerer.ask("Hộ gia đình có thuộc đối tượng áp dụng của Nghị định 52/2018 không?").lead.startswith(
        "Đối tượng áp dụng")
    assert not answerer.ask("Phạm vi điều chỉnh của Nghị quyết 23/2025/NQ-HĐND là gì?").lead.endswith("cho c [1].")


@require_corpus()
def test_a_remit_cut_short_in_the_store_is_said_by_the_documents_title(answerer):
    resolution = answerer.ask("nghi quyet 23/2025/NQ-HDND cua tinh Phu Tho quy dinh ve noi dung gi")
    assert resolution.lead.startswith("Nghị quyết 23/2025/NQ-HĐND quy định mức chi cụ thể cho các hoạt động khuyến "
                                      "công trên địa bàn tỉnh Phú Thọ [1]")
    assert resolution.citations[0].chunk_id == "nq-23-2025-hdnd-phutho#preamble"
    # a news item's headline is no remit
    assert not answerer.ask("Kế hoạch khuyến công thành phố Hà Nội năm 2020 quy định về nội dung gì?").lead \
        .startswith("Kế hoạch khuyến công thành phố Hà Nội năm 2020 (tóm tắt")


@require_corpus()
def test_an_articles_only_sentence_is_answered_from(answerer):
    executing = answerer.ask("Theo quyết định phê duyệt Chương trình khuyến công quốc gia 2026-2030, đơn vị cấp Cục "
                             "nào của Bộ Công Thương chịu trách nhiệm thi hành?")
    assert not executing.refused
    assert executing.lead.startswith("Chánh Văn phòng Bộ, Cục trưởng Cục Đổi mới sáng tạo, Chuyển đổi xanh và "
                                     "Khuyến công") and "Quyết định này [1]" in executing.lead


@require_corpus()
def test_a_claims_opening_is_no_part_of_what_is_looked_for(answerer):
    assert without_claim_opening("Tôi hiểu là bình chọn chỉ có 3 cấp, đúng không?") == \
        "bình chọn chỉ có 3 cấp, đúng không?"
    assert without_claim_opening("toi nghe noi la duoc ho tro 70%?") == "duoc ho tro 70%?"
    assert without_claim_opening("Tôi là hộ kinh doanh, có được hỗ trợ không?").startswith("Tôi là")
    claim = answerer.ask("Tôi hiểu là bình chọn sản phẩm công nghiệp nông thôn tiêu biểu chỉ có 3 cấp: huyện, tỉnh và "
                         "quốc gia, đúng không?")
    assert claim.lead.startswith("Không.") and "4 (bốn) cấp" in claim.lead


@require_corpus()
def test_a_comparison_side_with_the_aspect_it_is_compared_on_is_not_asked_what_it_is(answerer):
    compared = answerer.ask("Kinh phí khuyến công quốc gia và kinh phí khuyến công địa phương khác nhau thế nào về "
                            "nguồn ngân sách bảo đảm?")
    assert "Ngân sách Trung ương bảo đảm" in compared.lead and "Ngân sách địa phương bảo đảm" in compared.lead
    bare = answerer.ask("Kinh phí khuyến công quốc gia và kinh phí khuyến công địa phương khác nhau thế nào?")
    assert bare.lead.startswith("Kinh phí khuyến công quốc gia là")  # a bare side: what the rules define it as


def test_a_bound_asked_one_way_is_found_said_the_other(answerer):
    """'tạm ứng tối đa bao nhiêu phần trăm?' is answered by 'mức tạm ứng … không quá 70%', not by another share a
    rule caps 'tối đa'; the scorer holds 'không quá' as saying 'tối đa'."""
    scorer = TermScorer(["mức tạm ứng không quá 70%", "chi tối đa 2,5%"])
    assert scorer.coverage(content_terms("tạm ứng tối đa"), "mức tạm ứng không quá 70%") == pytest.approx(1.05)
    lead = answerer.ask("Đề án khuyến công được tạm ứng tối đa bao nhiêu phần trăm?").lead
    assert "70%" in lead and "2,5%" not in lead


def test_by_what_way_a_cost_is_paid_asks_the_rule_not_a_procedure(answerer):
    """'… chi theo cách nào?' asks how the rules set the cost (by tender, at an approved unit price), not for the
    papers of a procedure; 'Làm cách nào để …' still asks one."""
    assert analyze("Chi phí làm phóng sự truyền hình được thanh toán theo cách nào?").type != "procedure"
    assert analyze("Làm cách nào để đăng ký đề án khuyến công?").type == "procedure"
    lead = answerer.ask("Kinh phí khuyến công làm phóng sự truyền hình, in tờ rơi tuyên truyền thì chi theo cách nào?"
                        ).lead
    assert lead.startswith("Chi xây dựng các chương trình truyền hình") and "đấu thầu" in lead


def test_kể_giúp_asks_a_list_of_what_it_names(answerer):
    """'Kể giúp mình các ngành nghề được ưu tiên …' asks the priority trades one by one, as 'Những ngành nghề nào
    …' does, not the rule on the order in which priorities are weighed."""
    assert analyze("Kể giúp mình các ngành nghề được ưu tiên với.").type == "list"
    assert lists.listed_noun("Kể giúp mình các ngành nghề được ưu tiên với.") == "nganh nghe"
    lead = answerer.ask("Kể giúp mình các ngành nghề đc ưu tiên khi xét chương trình, đề án khuyến công với.").lead
    assert "cơ khí, hóa chất phục vụ nông nghiệp" in lead


def test_what_things_a_body_does_names_no_kind_of_list(answerer):
    """'Bộ Công Thương làm những việc gì …?' asks what it does: 'việc' is no noun a heading must say, so the
    khoản listing the Ministry's work ('… theo các nội dung sau:') answers, not one that happens to say 'việc'."""
    assert lists.listed_noun("Bộ Công Thương làm những việc gì?") == ""
    assert lists.listed_noun("Hồ sơ gồm những giấy tờ gì?") == "giay to"
    lead = answerer.ask("Bộ Công Thương làm những việc gì trong quản lý nhà nước về khuyến công?").lead
    assert "chương trình khuyến công quốc gia từng giai đoạn" in lead


def test_a_khoan_cut_into_one_chunk_per_diem_is_listed_by_its_diem(answerer):
    """Nghị định 45 Điều 16 khoản 1 is cut into one chunk per điểm under the heading '… có những nhiệm vụ và quyền
    hạn sau': 'UBND cấp tỉnh có những nhiệm vụ gì …?' is answered by its nine điểm, each cited; a question saying
    more than the heading ('kêu gọi vốn') is answered by the điểm that says it, not the whole list."""
    answer = answerer.ask("UBND cấp tỉnh có những nhiệm vụ gì trong quản lý khuyến công ở địa phương?")
    assert answer.lead.startswith("Gồm 9 ") and "thu hút các nguồn vốn" in answer.lead
    assert {c.locator for c in answer.citations} >= {"Điều 16, khoản 1, điểm a", "Điều 16, khoản 1, điểm i"}
    lead = answerer.ask("Chuyện kêu gọi vốn cho khuyến công thì tỉnh có trách nhiệm gì không?").lead
    assert "nguồn vốn" in lead and not lead.startswith("Gồm")


def test_an_english_difference_between_two_terms_asks_what_each_is(answerer):
    """"What's the difference between a 'craft village' and a 'traditional craft village' …?" is answered by the
    rules' definition of each; 'national and local … funds' share their noun and are not split."""
    assert sides("What's the difference between a 'craft village' and a 'traditional craft village' under Decree "
                 "52/2018?") == ["What is a 'craft village' under Decree 52/2018?",
                                 "What is a 'traditional craft village' under Decree 52/2018?"]
    assert len(sides("What is the difference between national and local industrial promotion funds?")) == 1
    lead = answerer.ask("What's the difference between a 'craft village' and a 'traditional craft village' under "
                        "Decree 52/2018?").lead
    assert "cụm dân cư cấp thôn" in lead and "hình thành từ lâu đời" in lead


def test_an_english_question_for_goals_asks_a_list(answerer):
    """'What are the main goals of …?' lists the goals an article sets (Nghị định 45 Điều 3), as 'Mục tiêu … là
    gì?' does, not a definition that mentions 'mục tiêu'."""
    assert analyze("What are the main goals of industrial promotion?").type == "list"
    lead = answerer.ask("What are the main goals of industrial promotion (khuyến công) according to Decree "
                        "45/2012?").lead
    assert "Điều 3 Nghị định 45/2012" in lead and "nông thôn mới" in lead and "sản xuất sạch hơn" in lead


def test_an_english_what_are_of_something_named_asks_no_definition(answerer):
    """"What are Hanoi's 2024 … targets …?" asks a property of a named plan (its targets), not what a term means."""
    assert analyze("What are Hanoi's 2024 khuyen cong targets for new product designs?").type != "definition"
    assert analyze("What is a 'traditional craft village' under Decree 52/2018?").type == "definition"
    lead = answerer.ask("What are Hanoi's 2024 khuyen cong targets for new product designs and trade fair "
                        "participation?").lead
    assert "650-800 mẫu thiết kế mới" in lead and "600-650 lượt doanh nghiệp" in lead


def test_a_plans_line_addressed_to_a_body_answers_for_its_duties(answerer):
    """A plan gives each body its duties in a line of its own ('Đối với UBND các huyện, thị xã: …'): asked what that
    body is given, the whole line answers, not the plan's list of contents."""
    assert asked_holder("Trong Kế hoạch khuyến công Hà Nội năm 2020, UBND các huyện, thị xã được giao những nhiệm vụ "
                        "gì?") == "uy ban nhan dan cac huyen"
    assert evidence.addresses("Đối với UBND các huyện, thị xã: Căn cứ Kế hoạch …", "uy ban nhan dan cac huyen")
    assert not evidence.addresses("Đối với các sở, ngành có liên quan: …", "uy ban nhan dan cac huyen")
    lead = answerer.ask("Trong Kế hoạch khuyến công Hà Nội năm 2020, UBND các huyện, thị xã được giao những nhiệm vụ "
                        "gì?").lead
    assert lead.startswith("Đối với UBND các huyện, thị xã") and "cân đối một phần ngân sách cấp huyện" in lead


def test_an_advance_asked_is_its_first_instalment_unless_the_rest_is_said():
    """'… tạm ứng kinh phí lần đầu …' and '… tạm ứng cần gì?' ask the first instalment (Thông tư 36 Điều 13 'Tạm ứng
    kinh phí lần một'), '… tạm ứng nốt phần còn lại …' the rest (Điều 14 'Tạm ứng kinh phí còn lại')."""
    assert evidence.asked_instalment("Đề án muốn tạm ứng lần đầu thì cần hồ sơ gì?") == "lan mot"
    assert evidence.asked_instalment("Muốn tạm ứng nốt phần kinh phí còn lại thì cần gì?") == "con lai"
    assert evidence.asked_instalment("Hồ sơ thanh toán gồm gì?") == ""
    assert evidence.says_instalment("Tạm ứng kinh phí còn lại", "lan mot") == -1.0
    assert evidence.says_instalment("Tạm ứng kinh phí lần một", "lan mot") == 0.0
    assert evidence.says_instalment("Kiểm tra, giám sát", "lan mot") == 0.0


def test_the_papers_of_a_first_advance_are_not_those_of_the_rest(answerer):
    lead = answerer.ask("Đề án hỗ trợ xây dựng, đăng ký thương hiệu muốn được tạm ứng kinh phí lần đầu thì phải nộp "
                        "những hồ sơ gì?").lead
    assert "Hợp đồng thực hiện đề án" in lead and "kinh phí còn lại" not in lead


def test_what_the_asker_says_they_are_not_is_no_subject_of_the_answer(answerer):
    """'Một tổ chức tư vấn không thuộc hệ thống trung tâm khuyến công …': the asker is no Trung tâm, so the unit
    about the Trung tâm ('1. Trung tâm Khuyến công … là đơn vị sự nghiệp công lập …') does not lead; the rule on other
    service organisations (Nghị định 45 Điều 9) does."""
    assert evidence.denied_subject("Tổ chức tư vấn không thuộc hệ thống trung tâm khuyến công thì sao?") == "trung tam"
    assert evidence.denied_subject("Hộ kinh doanh (không phải doanh nghiệp hay HTX) có được không?") == "doanh nghiep"
    assert evidence.denied_subject("Cơ sở tôi có được hỗ trợ không?") == ""
    assert evidence.opens_with("1. Trung tâm Khuyến công và Tư vấn phát triển công nghiệp …", "trung tam")
    lead = answerer.ask("Một tổ chức tư vấn không thuộc hệ thống trung tâm khuyến công của nhà nước thì có được cung "
                        "cấp dịch vụ khuyến công không?").lead
    assert "Tổ chức dịch vụ khuyến công khác" in lead and not lead.startswith("Trung tâm")


def test_a_definition_goes_on_while_its_sentences_name_the_term(answerer):
    """'Đề án khuyến công là … . Đề án khuyến công có mục tiêu, nội dung và đối tượng thụ hưởng, …': the second
    sentence still defines the term by its name and is said with the first; 'Làng nghề là …' stops at its one."""
    lead = answerer.ask("Đề án khuyến công là gì?").lead
    assert "Điều 4 Nghị định này. Đề án khuyến công có mục tiêu" in lead and "kinh phí xác định" in lead
    assert answerer.ask("Làng nghề là gì?").lead.count(". ") == 0


def test_what_a_named_body_does_is_looked_for_among_its_duties(answerer):
    """'trung tâm khuyến công có hỗ trợ làm nhãn hiệu … ko ạ?' asks what the Trung tâm does: the khoản of its duty
    article (Thông tư liên tịch 16/2011 Điều 3) most like the question join the passages; asked what the Trung tâm
    is ('… trực thuộc cơ quan nào', '… hoạt động theo cơ chế tài chính nào'), none do."""
    assert duties.body_named("trung tâm khuyến công có hỗ trợ làm nhãn hiệu ko ạ?") == "trung tam khuyen cong"
    assert duties.body_named("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp cấp tỉnh trực thuộc cơ quan "
                             "nào?") == ""
    assert duties.body_named("trung tam khuyen cong tinh hoat dong theo co che tai chinh nao?") == ""
    positions = duties.duty_positions(answerer.searcher.generation(), "trung tam khuyen cong")
    assert "ttlt-16-2011-bct-bnv#d3-k11" in {answerer.searcher.generation().chunks[i].id for i in positions}
    lead = answerer.ask("trung tâm khuyến công có hỗ trợ làm nhãn hiệu, PR sản phẩm với kêu gọi nhà đầu tư ko ạ?").lead
    assert "xây dựng và quảng bá thương hiệu sản phẩm" in lead and "xúc tiến đầu tư" in lead


@pytest.mark.parametrize(("question", "instalment"), [
    ("Đề án xây dựng thương hiệu tạm ứng đợt 2 cần hồ sơ gì?", "con lai"),
    ("Đã nghiệm thu cơ sở, muốn tạm ứng tiếp thì cần hồ sơ gì?", "con lai"),
    ("Đề án đào tạo nghề muốn tạm ứng cần hồ sơ gì?", ""),  # which instalment is not said: neither is ruled out
    ("What documents are required to get an advance for a scheme that has not started yet?", ""),
    ("Which documents prove completion of a scheme for transferring advanced technology?", ""),
])
def test_an_instalment_is_asked_only_when_said(question, instalment):
    assert evidence.asked_instalment(question) == instalment


def test_a_denial_names_an_entity_not_a_need_or_a_condition():
    """'không phải hoàn trả' is no need to repay and 'không thuộc đối tượng' a condition: neither denies a subject."""
    assert evidence.denied_subject("Trường hợp nào không phải hoàn trả kinh phí đã tạm ứng?") == ""
    assert evidence.denied_subject("Doanh nghiệp không thuộc đối tượng hỗ trợ thì làm sao?") == ""


def test_a_line_addressed_to_a_body_is_read_past_its_mark_and_to_its_colon():
    assert evidence.addresses("a) Đối với UBND cấp huyện: xây dựng kế hoạch …", "uy ban nhan dan cap huyen")
    assert not evidence.addresses("Đối với cơ sở công nghiệp nông thôn gây ô nhiễm: hỗ trợ 50% lãi suất", "co so")


def test_polite_telling_and_a_year_after_the_term_keep_a_definition_asked():
    """'Kể giúp mình X là gì' asks what X is (only 'kể … các / những …' lists); a year in a scope after the term
    ('… under the 2018 decree') does not make 'What is …' a property question."""
    assert analyze("Kể giúp mình làng nghề truyền thống là gì với").type == "definition"
    assert analyze("Thống kê ra sao về số lớp truyền nghề?").type != "list"
    assert analyze("What is a traditional craft village under the 2018 decree?").type == "definition"


def test_a_bodys_duty_articles_are_those_about_that_body():
    """The Trung tâm's 'Nhiệm vụ và quyền hạn' belongs to the Trung tâm, not to the Sở Công Thương its document's
    title also names; a closing 'Trách nhiệm thi hành' is nobody's duty article; 'UBND tỉnh' has Nghị định 45
    Điều 16."""
    generation = Searcher().generation()
    ids = {body: {generation.chunks[i].id for i in duties.duty_positions(generation, body)}
           for body in ("trung tam khuyen cong", "so cong thuong", "uy ban nhan dan tinh")}
    assert "ttlt-16-2011-bct-bnv#d3-k11" in ids["trung tam khuyen cong"]
    assert "ttlt-16-2011-bct-bnv#d3-k11" not in ids["so cong thuong"]
    assert "nd-45-2012#d16-k1-g" in ids["uy ban nhan dan tinh"]
    assert duties.body_named("UBND tỉnh có làm gì để thu hút vốn không?") == "uy ban nhan dan tinh"


def test_an_english_maximum_advance_asks_the_advance_share():
    """'What is the maximum advance payment …?' asks the share an advance may reach (tạm ứng), as 'được tạm ứng bao
    nhiêu?' does: a unit naming the advance is preferred to a support level's 'tối đa 50%'."""
    assert evidence.asked_payment("What is the maximum advance payment allowed for a project?") == "tam ung"
    assert evidence.asked_payment("Đề án được tạm ứng bao nhiêu?") == "tam ung"
    assert evidence.asked_payment("What is the maximum support for a machine?") == ""
    assert evidence.asked_payment("What is the maximum support for advanced machinery?") == ""


def test_a_part_opening_with_how_often_it_must_report_borrows_the_subject():
    """'… và định kỳ phải báo cáo kết quả cho ai?' says nothing of who reports: the subject of the part before."""
    asked = parts("Cơ quan nào chủ trì triển khai Kế hoạch khuyến công Hà Nội năm 2024 và định kỳ phải báo cáo kết "
                  "quả cho ai?")
    assert len(asked) == 2 and "Kế hoạch khuyến công Hà Nội năm 2024" in asked[1]


def test_the_rest_of_the_positions_asked_after_one_is_the_same_question(answerer):
    """'… GĐ … thuộc biên chế gì, mấy vị trí còn lại thì sao ạ?': the other positions' status is asked too (Thông tư
    liên tịch 16/2011: the director is a civil servant, the other positions public employees)."""
    lead = answerer.ask("cho hỏi GĐ trung tâm khuyến công tỉnh thuộc biên chế gì, mấy vị trí còn lại thì sao ạ?").lead
    assert "công chức" in lead and "viên chức" in lead


def test_a_body_abbreviated_is_a_body_value():
    """'báo cáo UBND Thành phố' names to whom: 'UBND' is a body as 'Ủy ban nhân dân' is."""
    assert evidence.values_of("Định kỳ tổng hợp, báo cáo UBND Thành phố kết quả thực hiện", "body")
    assert not evidence.values_of("Định kỳ tổng hợp kết quả thực hiện", "body")


def test_two_sides_asked_whether_they_differ_are_each_asked(answerer):
    """'A và B được phê duyệt ở cấp nào, có khác nhau không?': each side's approver."""
    question = ("Chương trình khuyến công quốc gia đến năm 2020 và Chương trình giai đoạn 2026-2030 được phê duyệt ở "
                "cấp nào, có khác nhau không?")
    assert len(sides(question)) == 2
    lead = answerer.ask(question).lead
    assert "Thủ tướng Chính phủ" in lead and "Bộ trưởng Bộ Công Thương" in lead


@pytest.mark.parametrize(("question", "kind"), [
    ("Đề án hỗ trợ phát triển sản phẩm CNNT tiêu biểu thì ưu tiên những đề án như thế nào?", "fact"),
    ("Khi xét các đề án phát triển sản phẩm tiêu biểu năm 2024 thì đề án nào được ưu tiên?", "fact"),
    ("Những đề án nào được ưu tiên?", "list"),
    ("Các ngành nghề nào được hỗ trợ?", "list"),
    ("Các huyện, thị xã nào được hỗ trợ kinh phí khuyến công?", "list"),
])
def test_what_things_are_like_or_one_asked_after_a_scene_is_no_list(question, kind):
    """'những đề án như thế nào' asks what they are like and '…, thì đề án nào' one of them; 'thị xã nào' lists."""
    assert analyze(question).type == kind


def test_the_priority_a_plan_gives_is_its_line_not_a_list(answerer):
    assert not asks_list("Khi xét các đề án sản phẩm tiêu biểu năm 2024 thì đề án nào được ưu tiên?")
    assert asks_list("Khi làm hồ sơ các đề án thì cần những giấy tờ nào?")
    lead = answerer.ask("Theo định hướng khuyến công quốc gia năm 2024, đề án hỗ trợ phát triển sản phẩm CNNT tiêu "
                        "biểu thì ưu tiên những đề án như thế nào?").lead
    assert "cấp khu vực, quốc gia" in lead and "còn hiệu lực" in lead


def test_a_plans_line_to_a_body_answers_what_it_must_do_listed_or_not(answerer):
    lead = answerer.ask("Theo Kế hoạch khuyến công Hà Nội năm 2020, UBND các huyện, thị xã có nhiệm vụ gì?").lead
    assert lead.startswith("Đối với UBND các huyện, thị xã") and "ngân sách cấp huyện" in lead


def test_a_storm_is_glossed_as_force_majeure_for_retrieval():
    """A storm or a flood that left the work unfinished is what the rules call 'bất khả kháng' (Thông tư 36/2013 Điều
    18 khoản 4); the same words in a question about support, or inside other words, are no such event."""
    assert "bất khả kháng" in expand_query("Bão lũ khiến không hoàn thành hợp đồng thì quyết toán thế nào?")
    assert "bat kha khang" in expand_query("bao lu nen khong hoan thanh de an thi sao")
    assert "bất khả kháng" not in expand_query("Cơ sở bị hỏa hoạn được hỗ trợ bao nhiêu?")
    assert "bất khả kháng" not in expand_query("Xưởng có 600 lao động đặt ở xã, chưa hoàn thành đề án thì sao?")
    assert "bất khả kháng" not in expand_query("Thông báo số 12 về quyết toán đề án là gì?")


def test_an_english_choice_is_between_the_corpus_words_for_its_sides(answerer):
    """'… a civil servant or a public employee?' chooses between 'công chức' and 'viên chức', as '… công chức hay viên
    chức?' does."""
    question = ("Is the director of a provincial Industrial Promotion and Industrial Development Consulting Center a "
                "civil servant or a public employee?")
    assert evidence.asked_choice(question) == ("cong chuc", "vien chuc")
    assert evidence.asked_choice("Is the council set up at provincial or national level?") == ("cap tinh",
                                                                                                 "cap quoc gia")
    assert evidence.asked_choice("Can enterprises or cooperatives receive support?") is None
    assert "biên chế công chức" in answerer.ask(question).lead


def test_a_khoan_naming_its_case_at_length_lists_its_papers(answerer):
    """'8. Đề án xây dựng các chương trình truyền hình, …; trang thông tin điện tử; …: A; B; C' lists the papers of
    that case, however long the case's name; a long opening that names no case is no list's introduction."""
    assert lists.inline_items("8. Đề án xây dựng các chương trình truyền hình, truyền thanh; xây dựng dữ liệu, trang "
                              "thông tin điện tử; tờ rơi, tờ gấp và các hình thức thông tin đại chúng khác: Hợp đồng; "
                              "danh sách các sản phẩm; giấy phép hoạt động.")
    assert lists.inline_items("Tổ chức 10 lớp tập huấn cho cán bộ cơ sở công nghiệp nông thôn ở huyện Sóc Sơn, huyện "
                              "Ba Vì về: quản lý; kỹ thuật; thị trường.") is None
    lead = answerer.ask("de an xay dung trang thong tin dien tu ve khuyen cong thi ho so tam ung kinh phi con lai "
                        "gom nhung gi?").lead
    assert "giấy phép hoạt động" in lead and "biên bản nghiệm thu" in lead


def test_papers_asked_after_the_support_named_are_listed_not_priced(answerer):
    """'Đề án … hỗ trợ đào tạo, … thì hồ sơ tạm ứng lần một gồm những gì?' lists papers; 'Nội dung chi hỗ trợ … gồm
    những khoản nào?' lists what is covered: neither asks how much."""
    assert analyze("Đề án khuyến công quốc gia hỗ trợ đào tạo, hội thảo, tham quan khảo sát thì hồ sơ tạm ứng lần một "
                   "gồm những gì?").type == "list"
    assert analyze("Nội dung chi hỗ trợ liên doanh liên kết, hợp tác kinh tế, phát triển cụm công nghiệp và di dời "
                   "cơ sở gây ô nhiễm gồm những khoản nào?").type == "list"
    assert analyze("Muốn mua máy thì được hỗ trợ những khoản nào?").type == "amount"


def test_a_pointer_back_keeps_what_was_named_not_the_asking_words():
    """'… tạm ứng khoản hỗ trợ này …' after '… được hỗ trợ lãi suất vốn vay mức bao nhiêu?' is the interest support,
    not its 'mức'."""
    history = [{"role": "user", "content": "Cơ sở công nghiệp nông thôn gây ô nhiễm di dời vào cụm công nghiệp được "
                                           "hỗ trợ lãi suất vốn vay mức bao nhiêu?"},
               {"role": "assistant", "content": "Mức hỗ trợ tối đa 50% lãi suất."}]
    question = standalone_question("Vậy muốn tạm ứng khoản hỗ trợ này thì cần hồ sơ gì?", history)
    assert "lãi suất vốn vay thì cần hồ sơ" in question and "mức" not in question
    limit = [{"role": "user", "content": "Khoản hỗ trợ theo hạn mức bao nhiêu?"}, {"role": "assistant", "content": "…"}]
    assert "hạn mức" in standalone_question("Vậy hỗ trợ đó tạm ứng thế nào?", limit)


def test_a_level_left_to_a_body_answers_how_much(answerer):
    """No number is set for the villages' infrastructure: 'Ủy ban nhân dân cấp tỉnh quy định mức hỗ trợ …' is the
    answer, not the list of what may be built."""
    assert evidence.values_of("Ủy ban nhân dân cấp tỉnh quy định mức hỗ trợ đầu tư cải tạo", "percent")
    assert evidence.values_of("định mức hỗ trợ cụ thể do Ủy ban nhân dân cấp tỉnh quyết định", "amount")
    assert not evidence.values_of("Nghị quyết quy định mức chi cụ thể cho các hoạt động khuyến công", "amount")
    assert not evidence.values_of("Cục trưởng quyết định tỷ lệ và hồ sơ tạm ứng", "amount")
    lead = answerer.ask("Làng nghề được hỗ trợ đầu tư cải tạo, nâng cấp hạ tầng như đường giao thông, điện, nước sạch "
                        "với tỷ lệ bao nhiêu phần trăm?").lead
    assert lead.startswith("Ủy ban nhân dân cấp tỉnh quy định mức hỗ trợ")


def test_a_part_asking_what_else_borrows_the_subject_and_particles_do_not_hide_an_ask():
    """'…, ngoài ra còn từ nguồn nào?' asks of the part before's subject; '… được không nhỉ' asks as '… được không'."""
    asked = parts("Kinh phí khuyến công địa phương có được nhận tài trợ từ tổ chức nước ngoài không, ngoài ra còn từ "
                  "nguồn nào?")
    assert asked[1] == "Kinh phí khuyến công địa phương ngoài ra còn từ nguồn nào?"
    assert len(parts("Năm nay đăng ký lại được không nhỉ, mà bình chọn có mấy cấp thế?")) == 2
    # written with its accents, 'chưa vay' has taken no loan: it closes on no particle and asks nothing
    assert parts("Cơ sở tôi chưa vay, vậy có được hỗ trợ lãi suất không?") == [
        "Cơ sở tôi chưa vay, vậy có được hỗ trợ lãi suất không?"]
    assert evidence.asked_choice("Được hỗ trợ toàn bộ hay một nửa?") == ("toan bo", "mot nua")


def test_a_rule_pointing_to_another_khoan_is_followed(answerer):
    """'… hồ sơ thực hiện theo quy định tại khoản 2 Điều này' goes on with what khoản 2 lists."""
    lead = answerer.ask("Làng tôi chưa được công nhận làng nghề nhưng nghề gốm của làng đã được công nhận là nghề "
                        "truyền thống. Giờ muốn đề nghị công nhận làng nghề truyền thống thì hồ sơ làm theo quy định "
                        "nào?").lead
    assert "Khoản 2 (Hồ sơ đề nghị công nhận làng nghề)" in lead and "Danh sách các hộ" in lead


def test_a_machine_written_with_its_accents_counts_nothing(answerer):
    """'máy cơ sở đang dùng' is the facility's machine, not 'mấy cơ sở' (how many facilities)."""
    question = ("Máy móc đã qua sử dụng nhưng tốt hơn máy cơ sở đang dùng thì vẫn được hỗ trợ ứng dụng máy móc tiên "
                "tiến, phải không?")
    assert analyze(question).type != "count"
    assert analyze("Có mấy cơ sở được hỗ trợ?").type == "count"
    assert analyze("co may co so duoc ho tro?").type == "count"
    assert "máy móc thiết bị mới" in answerer.ask(question).lead


def test_the_centres_name_is_no_consulting_activity():
    """'… Industrial Development Consulting Centre' and its gloss 'Tư vấn phát triển công nghiệp' name the centre,
    not the hiring of consultants; 'financial mechanism' is the rules' 'cơ chế tài chính'."""
    question = ("What financial mechanism applies to the provincial Industrial Promotion and Industrial Development "
                "Consulting Centre?")
    assert activity_of(question) is None and activity_of(expand_query(question)) is None
    assert "cơ chế tài chính" in expand_query(question)
    assert activity_of("Can we hire a consulting firm for marketing?") is not None
    assert activity_of("Thuê tư vấn lập dự án được hỗ trợ bao nhiêu?") is not None
    assert activity_of("Thuê tư vấn phát triển công nghiệp nông thôn có được hỗ trợ không?") is not None


def test_the_body_issuing_a_cited_document_does_not_answer_who(answerer):
    """'… theo Điều 6 Thông tư số 46/2012/TT-BCT … của Bộ Công Thương' names the Thông tư's issuer, and '… theo quy
    định của Chính phủ' the rule's author: neither is the unit a 'đơn vị nào?' is given to. 'Which Ministry of Finance
    circular …' asks a circular."""
    cited = "xét ưu tiên theo Điều 6 Thông tư số 46/2012/TT-BCT ngày 28 tháng 12 năm 2012 của Bộ Công Thương quy định"
    assert not evidence.values_of(cited, "body")
    assert not evidence.values_of("các huyện nghèo theo quy định của Chính phủ.", "body")
    assert evidence.values_of("mức thưởng theo quy định của Ủy ban nhân dân cấp tỉnh", "body")  # a province's own
    # the issuer's name ends where its capitals do: what follows is read
    assert [m.group(0) for m in evidence.values_of(f"{cited} chi tiết, Sở Công Thương lập", "body")] == [
        "Sở Công Thương lập"]
    assert [m.group(0) for m in evidence.values_of("theo Nghị định 45/2012/NĐ-CP, Sở Công Thương lập", "body")] == [
        "Sở Công Thương lập"]
    lead = answerer.ask("Khi hai đề án khuyến công quốc gia có cùng điều kiện địa bàn và ngành nghề thì ưu tiên giao "
                        "cho đơn vị nào?").lead
    assert "kinh nghiệm, năng lực tổ chức thực hiện" in lead
    assert analyze("Which Ministry of Finance circular does Resolution 23/2025/NQ-HĐND cite?").type == "document"
    assert analyze("Which ministry issues the decree on industrial promotion?").type == "body"


def test_what_befalls_a_case_is_answered_by_its_consequence(answerer):
    """'… không còn đủ tiêu chí nữa thì có sao không?' asks what befalls the village: the rule withdrawing its
    recognition, not the criteria themselves; 'sản phẩm chấm xong xử lý thế nào' asks no consequence."""
    assert evidence.asks_consequence("làng nghề giờ ko còn đủ tiêu chí nữa thì có sao ko ạ?")
    assert evidence.asks_consequence("làm sai quy định thì bị xử lý ntn?")
    assert not evidence.asks_consequence("Chấm xong thì sản phẩm xử lý thế nào?")
    assert not evidence.asks_consequence("Hồ sơ cần bản sao chép giấy chứng nhận không?")
    assert not evidence.asks_consequence("Còn cấp huyện thì sao?")  # another case of what was asked before
    assert not evidence.asks_consequence("Hồ sơ có sao y bản chính không?")
    assert evidence.asks_consequence("Nếu mấy năm sau không còn đạt mấy tiêu chí đó nữa thì sao?")
    assert evidence.says_consequence("… không đạt tiêu chí quy định sẽ bị thu hồi bằng công nhận.")
    lead = answerer.ask("làng nghề bên em đc công nhận mấy năm r mà giờ ko còn đủ tiêu chí nữa thì có sao ko ạ?").lead
    assert "thu hồi bằng công nhận" in lead


def test_a_doer_leading_a_shared_act_answers_who(answerer):
    """'Bộ Nội vụ chủ trì, phối hợp với Bộ Công Thương hướng dẫn …' names who guides; 'cơ cấu tổ chức' is a
    structure, not the act 'tổ chức'."""
    question = ("Cơ quan nào hướng dẫn chức năng, nhiệm vụ, cơ cấu tổ chức và biên chế của Trung tâm Khuyến công cấp "
                "tỉnh?")
    assert evidence.asked_acts(question) == ["huong dan"]
    assert evidence.names_doer("3. Bộ Nội vụ chủ trì, phối hợp với Bộ Công Thương hướng dẫn chức năng, nhiệm vụ.",
                               evidence.asked_acts(question), evidence.asked_objects(question))
    assert answerer.ask(question).lead.startswith("Bộ Nội vụ chủ trì")


def test_an_article_titled_by_a_body_lists_its_duties(answerer):
    """Nghị định 52/2018 Điều 16 is titled 'Bộ Tài nguyên và Môi trường' and lists that ministry's duties, unlike
    Điều 15, whose opening names 'trách nhiệm' of another ministry."""
    assert evidence.holds_duty("1. Chỉ đạo …", "", "bo tai nguyen va moi truong", "Bộ Tài nguyên và Môi trường")
    assert not evidence.holds_duty("1. Chỉ đạo …", "", "bo tai nguyen va moi truong",
                                   "Bộ Nông nghiệp và Phát triển nông thôn")
    assert not evidence.holds_duty("1. …", "", "so", "Số lượng thành viên")  # a word, not a name's opening
    lead = answerer.ask("Bộ Tài nguyên và Môi trường có những trách nhiệm gì trong phát triển ngành nghề nông thôn "
                        "theo Nghị định 52/2018?").lead
    assert "giao đất, thuê đất" in lead and "quản lý nhà nước đối với làng nghề" not in lead


def test_who_counts_as_a_term_asks_its_definition(answerer):
    """'Who counts as a "rural industrial establishment"?' asks what the term covers (Nghị định 45/2012 Điều 1's
    '… (sau đây gọi chung là cơ sở công nghiệp nông thôn)'), not which body."""
    question = "Who counts as a 'rural industrial establishment' under Decree 45/2012 on industrial promotion?"
    assert analyze(question).type == "definition"
    assert analyze("Who approves the national plan?").type == "body"
    lead = answerer.ask(question).lead
    assert "Doanh nghiệp nhỏ và vừa, hợp tác xã" in lead


def test_a_rule_on_a_point_of_its_article_holds_that_points_words(answerer):
    """'b) Chi 100% chi phí: …; ăn nghỉ, đi lại đối với nội dung quy định tại điểm b khoản 2 Điều này' is about the
    'Hội thi sản phẩm thủ công Việt Nam' that Nghị định 52/2018 Điều 9 khoản 2 điểm b names."""
    clause = SimpleNamespace(id="nd-52-2018#d9-k2", text="2. Nhà nước tổ chức:\na) Xây dựng trang thông tin;\n"
                                                         "b) Hội thi sản phẩm thủ công Việt Nam.")
    lookup = {clause.id: clause}.get
    unit = "b) Chi 100% chi phí: Thuê mặt bằng; ăn nghỉ, đi lại đối với nội dung quy định tại điểm b khoản 2 Điều này."
    assert evidence.referenced_text(unit, "nd-52-2018#d9-k3", lookup) == "b) Hội thi sản phẩm thủ công Việt Nam."
    assert evidence.referenced_text("… quy định tại điểm b khoản 5 Điều này", "nd-52-2018#d9-k3", lookup) == ""
    assert evidence.referenced_text("… quy định tại khoản 2 Điều này", "nd-52-2018#d9-k3", lookup) == ""  # too much
    lead = answerer.ask("Cơ sở ngành nghề nông thôn tham gia Hội thi sản phẩm thủ công Việt Nam được ngân sách hỗ "
                        "trợ những chi phí gì, mức bao nhiêu?").lead
    assert "ăn nghỉ, đi lại" in lead.split("[1]")[0]


def test_a_line_telling_about_a_point_does_not_end_the_list():
    """Hà Nội's 2020 plan lists 'c) Hội nghị tổng kết, đánh giá', a line telling what it holds, then 'd)' and 'e)':
    five points, not three; a khoản after a list starts a list of its own."""
    text = ("7. Nâng cao năng lực quản lý\na) Tổ chức các đoàn công tác\nb) Bồi dưỡng nghiệp vụ\nc) Hội nghị tổng kết\n"
            "Tổ chức hội nghị tổng kết chương trình 2016-2020\nd) Nâng cấp trang thông tin điện tử\n"
            "e) Xây dựng cơ sở dữ liệu")
    assert [len(items) for _, items in lists.list_groups(text)] == [5]
    two = "1. Khoản một:\na) A một\nb) B hai\n2. Khoản hai\na) C ba\nb) D bốn"
    assert [len(items) for _, items in lists.list_groups(two)] == [2, 2]


def test_a_claim_of_two_values_is_checked_for_each(answerer):
    """'… trước 30/6 hằng năm và chỉ cần nộp 1 bộ, đúng không?' asserts a count and a date ('trước 30/6' is a day
    and month, not a document's number): the lead states the 3 copies and the 20 May deadline."""
    question = ("Hạn gửi hồ sơ đăng ký kế hoạch khuyến công quốc gia về Sở Công Thương là trước 30/6 hằng năm và chỉ "
                "cần nộp 1 bộ, đúng không?")
    assert asserted_kinds(question)[0] == "count" and "date" in asserted_kinds(question)
    assert "date" not in asserted_kinds("Thông tư 36/2013/TT-BCT quy định nộp 3 bộ, đúng không?")
    assert "date" not in asserted_kinds("Được tạm ứng trước 1/3 kinh phí, đúng không?")  # a share
    lead = answerer.ask(question).lead
    assert lead.startswith("Không.") and "3 bộ" in lead and "20 tháng 5" in lead


def test_a_follow_up_asking_of_the_head_and_the_others_stands_alone(answerer):
    """After '… có mấy Phó Giám đốc?', 'Còn Giám đốc trung tâm thì thuộc biên chế gì, các chức danh còn lại thì sao?'
    asks of the head what the earlier question counted ('mấy' folds to 'may' as 'máy' does), then of the others: two
    parts, answered by the công chức and the viên chức rules."""
    history = [{"role": "user", "content": "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp tỉnh có mấy Phó "
                                           "Giám đốc?"}]
    question = "Còn Giám đốc trung tâm thì thuộc biên chế gì, các chức danh còn lại thì sao?"
    assert standalone_question(question, history) == ("Giám đốc trung tâm thì thuộc biên chế gì, các chức danh còn "
                                                      "lại thì sao?")
    lead = answerer.ask(question, history).lead
    assert "biên chế công chức" in lead and "là viên chức" in lead


def test_a_quality_asked_after_becoming_something_is_that_things(answerer):
    """'… có được tham gia làm tổ chức dịch vụ khuyến công không, năng lực được đánh giá theo tiêu chí gì?': the
    capacity is the service organisation's (Thông tư 46/2012 Điều 7), not a product's criteria."""
    question = ("Công ty tư nhân có được tham gia làm tổ chức dịch vụ khuyến công không, năng lực được đánh giá theo "
                "tiêu chí gì?")
    assert parts(question)[1] == "năng lực của tổ chức dịch vụ khuyến công được đánh giá theo tiêu chí gì?"
    assert parts("cong ty co duoc lam to chuc dich vu khuyen cong khong, nang luc danh gia the nao?")[1] == \
        "nang luc cua to chuc dich vu khuyen cong danh gia the nao?"
    # being paid or filing papers makes no one anything
    assert parts("Cơ sở có được thanh toán trực tiếp không, trách nhiệm báo cáo thế nào?")[1] == \
        "trách nhiệm báo cáo thế nào?"
    lead = answerer.ask(question).lead
    assert "mọi thành phần kinh tế" in lead and "nguồn nhân lực" in lead


def test_a_passage_far_ahead_answers_a_list_question_unlisted(answerer):
    """'… ưu tiên những đề án nào?' is answered by Công văn 400's line 'ưu tiên các đề án có sản phẩm được bình chọn
    …', far ahead of every other passage, not by the list of Hà Nội's 2024 targets."""
    lead = answerer.ask("Năm 2024, đề án hỗ trợ phát triển sản phẩm CNNT tiêu biểu thì ưu tiên những đề án nào?").lead
    assert "cấp khu vực, quốc gia" in lead and "còn hiệu lực" in lead


def test_a_programme_and_a_decision_named_are_no_acts_asked(answerer):
    """'chương trình' holds no 'trình' (to submit) and 'Quyết định 2646' is a document, not 'quyết định' (to
    decide): 'Who is responsible for implementing Decision 2646 …?' names Quyết định 2646's Điều 3, which says who
    carries it out, not Điều 1 'Ban hành kèm theo Quyết định này Chương trình …'."""
    assert asked_acts("Ai phê duyệt chương trình khuyến công quốc gia?") == ["phe duyet"]
    assert asked_acts("Ai chịu trách nhiệm thi hành Quyết định 2646/QĐ-BCT?") == []
    assert asked_acts("Ai trình Bộ trưởng quyết định kế hoạch?") == ["trinh", "quyet dinh"]
    assert not names_doer("Ban hành kèm theo Quyết định này Chương trình khuyến công quốc gia giai đoạn 2026 - 2030.",
                          asked_acts("Chương trình khuyến công quốc gia do ai lập?"),
                          asked_objects("Chương trình khuyến công quốc gia do ai lập?"))
    lead = answerer.ask("Who is responsible for implementing Decision 2646/QĐ-BCT?").lead
    assert "Cục Đổi mới sáng tạo" in lead and "Giám đốc Sở Công Thương" in lead


def test_a_defined_term_written_short_is_found_and_in_scope(answerer):
    """'Đề án điểm' is the 'Đề án khuyến công quốc gia điểm' Thông tư 36/2013 Điều 2 defines, not the shorter 'Đề án
    khuyến công' it opens with; '… là loại đề án như thế nào?' asks its definition, which no far dense score
    refuses."""
    generation = answerer.searcher.generation()
    assert analyze("Đề án điểm là loại đề án như thế nào vậy?").type == "definition"
    assert defined_term("Đề án điểm là loại đề án như thế nào vậy?") == "Đề án điểm"
    assert definitions.lookup(generation, "đề án khuyến công điểm").term == "Đề án khuyến công quốc gia điểm"
    assert definitions.lookup(generation, "de an diem").term == "Đề án khuyến công quốc gia điểm"
    assert definitions.lookup(generation, "đề án khuyến công").term == "Đề án khuyến công"
    for question in ("Đề án điểm là loại đề án như thế nào vậy?", "de an diem la gi"):
        answer = answerer.ask(question)
        assert not answer.refused and "hai nội dung hoạt động trở lên" in answer.lead
    assert answerer.ask("Lúa nếp là gì?").refused


def test_a_holder_named_only_by_its_articles_title_leads_a_who_answer(answerer):
    """Thông tư 36/2013 Điều 21 'Trách nhiệm của Sở Công Thương' khoản 1 names no body: '… cơ quan nào chịu trách
    nhiệm tổ chức nghiệm thu cơ sở …?' is answered under the title naming who."""
    chunk = SimpleNamespace(article_title="Trách nhiệm của Sở Công Thương")
    assert compose.titled_holder("Chịu trách nhiệm tổ chức nghiệm thu cơ sở.", chunk) == \
        "Trách nhiệm của Sở Công Thương: Chịu trách nhiệm tổ chức nghiệm thu cơ sở."
    assert compose.titled_holder("Cục Công nghiệp địa phương nghiệm thu.", chunk) == \
        "Cục Công nghiệp địa phương nghiệm thu."
    assert compose.titled_holder("Nghiệm thu.", SimpleNamespace(article_title="Nghiệm thu đề án")) == "Nghiệm thu."
    lead = answerer.ask("Đối với đề án khuyến công quốc gia triển khai ở địa phương, cơ quan nào chịu trách nhiệm tổ "
                        "chức nghiệm thu cơ sở và giám sát việc sử dụng kinh phí?").lead
    assert "Sở Công Thương" in lead.split("[1]")[0] and "đúng đối tượng, đúng mục đích" in lead


def test_a_count_spelt_out_is_a_claim_checked_like_digits(answerer):
    """'… chỉ có hai cấp …, đúng không?' asserts 2 levels; Thông tư 26/2014 Điều 6 says '4 (bốn) cấp'."""
    assert expand_shorthand("chỉ có hai cấp, ba lần một năm, bảy thành viên") == \
        "chỉ có 2 cấp, 3 lần một năm, 7 thành viên"
    assert expand_shorthand("binh chon co ba cap") == "binh chon co 3 cap"
    assert expand_shorthand("Năm nay có mấy cấp, hai bên") == "Năm nay có mấy cấp, hai bên"  # no count of a noun
    # 'sau' (after), 'tam', 'năm' (a year) and 'một' are other words as often
    for kept in ("Sau hội chợ thì sao?", "trung tam khu vuc", "trong năm lần thứ ba", "mỗi năm một lần"):
        assert expand_shorthand(kept) == kept
    question = ("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu chỉ có hai cấp là cấp tỉnh và cấp quốc gia, đúng "
                "không?")
    lead = answerer.ask(question).lead
    assert lead.startswith("Không.") and "4 (bốn) cấp" in lead


def test_a_time_past_a_yearly_cap_is_refused_by_the_cap(answerer):
    """'… đã được hỗ trợ đi hai hội chợ ở nước ngoài … đi thêm hội chợ thứ ba …?' asks the third time; Thông tư
    46/2012 Điều 4 khoản 1 điểm b supports a fair abroad 'không quá 2 lần/năm'."""
    assert asked_time("đã được hỗ trợ đi 2 hội chợ ở nước ngoài, đi thêm 1 hội chợ nữa có được không?") == 3
    assert asked_time("Nếu tôi đăng ký đi thêm hội chợ thứ ba trong năm thì sao?") == 3
    assert asked_time("Đã được hỗ trợ 2 hội chợ rồi.") is None  # no more is asked
    assert asked_time("Mỗi năm được hỗ trợ mấy lần?") is None
    question = ("Công ty TNHH mây tre xuất khẩu của tôi năm nay đã được khuyến công hỗ trợ đi hai hội chợ ở nước "
                "ngoài. Nếu tôi đăng ký đi thêm hội chợ thứ ba trong năm thì có được hỗ trợ nữa không?")
    lead = answerer.ask(question).lead
    assert lead.startswith("Không.") and "không quá 2 lần/năm" in lead and "hội chợ triển lãm tại nước ngoài" in lead
    generation = answerer.searcher.generation()
    assert beyond_cap("Đã được hỗ trợ đi 2 hội chợ ở nước ngoài, đi thêm 1 hội chợ ở nước ngoài nữa?", generation)
    # a second fair is within the cap; domestic fairs are not the fairs abroad it caps; 'tối đa' is no 'đã'
    for within in ("Năm nay cơ sở tôi đã được hỗ trợ đi 1 hội chợ ở nước ngoài, đi thêm 1 hội chợ nữa có được không?",
                   "Đã tham gia 2 hội chợ trong nước, đi thêm hội chợ trong nước nữa được không?",
                   "Được hỗ trợ tối đa 2 lần/năm, vậy có được hỗ trợ thêm chi phí vận chuyển không?"):
        assert beyond_cap(within, generation) is None
    assert asked_time("Năm ngoái đã được hỗ trợ 2 lần, năm nay đi hội chợ nữa không?") is None


def test_a_claim_of_which_text_replaced_which_is_checked_against_the_effect_line(answerer):
    """Nghị định 45/2012 Điều 18 replaces Nghị định 134/2004, not 66/2006, which Nghị định 52/2018 Điều 25
    replaces: '… đã thay thế Nghị định 66/2006 phải không?' is denied and told which text did."""
    lead = answerer.ask("Nghị định 45/2012/NĐ-CP về khuyến công đã thay thế Nghị định 66/2006/NĐ-CP phải không?").lead
    assert lead.startswith("Không.") and "134/2004" in lead and "01 tháng 6 năm 2018" in lead
    assert answerer.ask("Nghị định 134/2004 bị thay thế bởi Nghị định 45/2012, đúng không?").lead.startswith("Đúng.")
    assert answerer.ask("Nghị định 134/2004 đã bị Nghị định 45/2012 thay thế, đúng không?").lead.startswith("Đúng.")
    # what follows from a replacement is another claim
    assert replacement_claim("Vì Nghị định 52/2018 đã thay thế Nghị định 66/2006 nên đề án vẫn làm, đúng không?",
                             parse_references("Nghị định 52/2018 Nghị định 66/2006")) is None
    assert answerer.ask("Thông tư 46/2012 thay thế Thông tư 03/2005 đúng không?").lead.startswith("Đúng.")


def test_what_a_promotion_body_may_do_is_its_remit_not_a_support_level(answerer):
    """'Trung tâm khuyến công tỉnh có được tư vấn về khoáng sản …?' asks the centre's tasks (Thông tư liên tịch
    16/2011 Điều 3 khoản 10), not the level of support for hiring a consultant."""
    for question in ("Trung tâm khuyến công tỉnh có được tư vấn về khoáng sản và vật liệu nổ không?",
                     "trung tam khuyen cong tinh co duoc tu van ve khoang san va vat lieu no khong"):
        lead = answerer.ask(question).lead
        assert "khai thác, chế biến khoáng sản" in lead and "35 triệu" not in lead


def test_a_case_holding_value_words_asks_how_it_is_dealt_with(answerer):
    """'… không lập hồ sơ quyết toán đúng thời hạn thì xử lý thế nào?' asks no duration: Thông tư 36/2013 Điều 18
    khoản 3 says what the Cục does then."""
    question = ("Nếu đơn vị thực hiện đề án khuyến công quốc gia không lập hồ sơ quyết toán đúng thời hạn thì xử lý "
                "thế nào?")
    assert analyze(question).type == "fact"
    assert analyze("Thời hạn lập hồ sơ quyết toán là bao lâu?").type == "duration"
    lead = answerer.ask(question).lead
    assert "Kho bạc Nhà nước" in lead and "Mẫu số 9" in lead


def test_a_list_item_keeps_the_form_it_names():
    """'… cấp khu vực (theo mẫu tại Phụ lục số 5 của Thông tư này).' names the form an official fills in, said short;
    '(sau đây gọi chung là …)' names nothing."""
    assert lists.item_heading("c) Văn bản đề nghị kèm theo danh sách trích ngang (theo mẫu tại Phụ lục số 5 của Thông "
                              "tư này).", 200).endswith("danh sách trích ngang (Phụ lục số 5)")
    assert lists.item_heading("a) Kế hoạch (theo Mẫu số 11 Phụ lục 1 của Thông tư này) trình Sở.", 200) == \
        "Kế hoạch (Mẫu số 11 Phụ lục 1) trình Sở"
    assert lists.item_heading("a) Doanh nghiệp nhỏ và vừa (sau đây gọi chung là cơ sở).", 200) == \
        "Doanh nghiệp nhỏ và vừa"
    # a body's long name the rules shorten is said by its short name, which opens with the same words
    assert lists.item_heading("a) Ủy ban nhân dân quận, huyện, thị xã (sau đây gọi chung là Ủy ban nhân dân cấp "
                              "huyện) lập hồ sơ.", 200) == "Ủy ban nhân dân cấp huyện lập hồ sơ"


def test_two_years_compared_ask_the_same_of_each_year(answerer):
    """'So sánh mục tiêu A và B của Hà Nội năm 2021 với năm 2024?' asks A and B of 2021 and of 2024, not A apart
    from B: the lead holds both years' targets (350 - 500 and 650-800 new designs)."""
    assert sides("So sánh mục tiêu tạo mẫu thiết kế mới và số lượt doanh nghiệp dự hội chợ của Hà Nội năm 2021 với "
                 "Kế hoạch năm 2024?") == [
        "mục tiêu tạo mẫu thiết kế mới và số lượt doanh nghiệp dự hội chợ của Hà Nội năm 2021?",
        "mục tiêu tạo mẫu thiết kế mới và số lượt doanh nghiệp dự hội chợ của Hà Nội năm 2024?"]
    assert sides("So sánh số lớp đào tạo nghề năm 2020 và 2024 của Hà Nội") == [
        "số lớp đào tạo nghề năm 2020 của Hà Nội?", "số lớp đào tạo nghề năm 2024 của Hà Nội?"]
    lead = answerer.ask("So sánh mục tiêu tạo mẫu thiết kế mới và số lượt doanh nghiệp dự hội chợ của Hà Nội năm 2021 "
                        "với năm 2024?").lead
    assert "350 - 500 mẫu thiết kế mới" in lead and "650-800 mẫu thiết kế mới" in lead


def test_an_asker_outside_every_centre_is_answered_by_the_rule_on_outsiders(answerer):
    """'… không thuộc trung tâm khuyến công nào, thì có thể tham gia …?' states that the asker belongs to no centre
    (one question, not two) and is answered by Nghị định 45/2012 Điều 9 khoản 1 on those 'không thuộc Điều 7, Điều 8'
    with the capacity to serve."""
    question = ("Tôi là chuyên gia tư vấn độc lập, không thuộc trung tâm khuyến công nào, thì có thể tham gia cung cấp "
                "dịch vụ khuyến công không?")
    assert parts(question) == [question]
    assert "có đủ năng lực" in answerer.ask(question).lead
