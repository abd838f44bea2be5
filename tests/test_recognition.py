"""Craft village and traditional trade recognition (Nghị định 52/2018 Điều 5): the facts a question states, the
criteria they meet, and the chat's verdict in the rule's own words."""

import pytest

from assistant.answer.answerer import Answerer
from assistant.domain import recognition
from assistant.search.retrieval import Searcher
from tests.conftest import require_corpus


@pytest.fixture(scope="module")
def answerer(default_settings):
    return Answerer(Searcher(default_settings))


@pytest.mark.parametrize(("question", "asked", "share", "stable", "age"), [
    ("Thôn có 300 hộ, trong đó 80 hộ làm mây tre đan, sản xuất đều đặn 5 năm nay. Có được công nhận làng nghề không?",
     "lang nghe", 80 / 3, 5, None),
    ("Làng tôi có 15% số hộ làm nón, sản xuất ổn định 3 năm, có được công nhận làng nghề không?",
     "lang nghe", 15.0, 3, None),
    # the recognition already held is stated; the one asked comes last
    ("Làng đã được công nhận làng nghề, nghề gốm có ở làng khoảng 40 năm nay. Có được công nhận làng nghề truyền "
     "thống không?", "lang nghe truyen thong", None, None, 40),
])
def test_the_facts_a_recognition_question_states(question, asked, share, stable, age):
    facts = recognition.stated_facts(question)
    assert facts.asked == asked and facts.stable_years == stable and facts.trade_years == age
    assert (facts.share is None) == (share is None) and (share is None or abs(facts.share - share) < 0.01)


@pytest.mark.parametrize(("question", "share_said", "stable_said", "trade_said"), [
    # thousands written with a dot; the trade's count is the one followed by what it does
    ("Làng có 1.200 hộ, 300 hộ làm nghề, sản xuất ổn định 4 năm, có được công nhận làng nghề không?",
     "300/1200 hộ = 25,0%", "4 năm", ""),
    ("Làng có 300 hộ, 80 hộ làm nghề, 20 hộ đã bỏ nghề, có được công nhận làng nghề không?",
     "80/300 hộ = 26,7%", "", ""),
    # 'hơn 50 năm' is more than 50; a clause on another matter is not the trade's age or a stable run
    ("Nghề dệt ở làng tôi đã có hơn 50 năm, có được công nhận nghề truyền thống không?", "", "", "hơn 50 năm"),
    ("Nghề gốm có từ thời Lý, sản xuất ổn định 5 năm, có được công nhận làng nghề truyền thống không?",
     "", "5 năm", ""),
    ("Làng có 80 hộ làm mây tre đan trên 300 hộ, có 2 năm bị ngừng sản xuất, có được công nhận làng nghề không?",
     "80/300 hộ = 26,7%", "", ""),
    ("Làng có gần 20% số hộ làm nón, có được công nhận làng nghề không?", "gần 20%", "", ""),
])
def test_figures_are_read_as_stated(question, share_said, stable_said, trade_said):
    facts = recognition.stated_facts(question)
    assert (facts.share_said, facts.stable_said, facts.trade_said) == (share_said, stable_said, trade_said)


@pytest.mark.parametrize("question", [
    "Làng nghề đã được công nhận, có 300 hộ, 80 hộ làm nghề, có được hỗ trợ khuyến công không?",  # asks support
    "Cơ sở ở làng nghề được công nhận, làm 10 năm rồi, có được hỗ trợ không?",
])
def test_a_support_question_from_a_recognised_village_is_not_a_recognition_one(question):
    assert recognition.stated_facts(question) is None


def test_a_question_stating_no_number_is_left_to_the_passages():
    assert recognition.stated_facts("Tiêu chí công nhận làng nghề là gì?") is None
    assert recognition.stated_facts("Mức hỗ trợ đào tạo nghề là bao nhiêu?") is None


@pytest.mark.parametrize(("question", "verdict"), [
    ("Làng có 15% số hộ làm nón, sản xuất ổn định 3 năm, có được công nhận làng nghề không?", "no"),  # under 20%
    ("Làng có 25% số hộ làm nón, sản xuất ổn định 1 năm, có được công nhận làng nghề không?", "no"),  # under 2 years
    ("Làng có 25% số hộ làm nón, sản xuất ổn định 3 năm, có được công nhận làng nghề không?", "unknown"),  # environment
    ("Nghề có ở làng đúng 50 năm, có được công nhận nghề truyền thống không?", "no"),  # 'từ trên 50 năm'
    ("Nghề có ở làng hơn 50 năm, có được công nhận nghề truyền thống không?", "unknown"),
    ("Làng có gần 20% số hộ làm nón, có được công nhận làng nghề không?", "no"),
])
def test_the_criteria_decide_what_the_facts_decide(question, verdict):
    assert recognition.verdict(recognition.check(recognition.stated_facts(question))) == verdict


@require_corpus()
def test_a_craft_village_question_gets_each_criterion_in_the_rules_words(answerer):
    lead = answerer.ask("Thôn tôi có 300 hộ, 80 hộ làm mây tre đan, sản xuất đều đặn 5 năm nay. Thôn có đủ điều kiện "
                        "được công nhận làng nghề không?").lead
    assert lead.startswith("Có thể, nếu đạt đủ các tiêu chí.")
    assert "Đạt (80/300 hộ = 26,7%): Có tối thiểu 20% tổng số hộ" in lead
    assert "Cần xác định: Đáp ứng các điều kiện bảo vệ môi trường làng nghề" in lead


@require_corpus()
def test_a_refused_village_hears_what_failed_first_then_what_its_facts_meet(answerer):
    lead = answerer.ask("Thôn tôi có khoảng 15% số hộ làm nghề mây tre đan, sản xuất đều đặn được 3 năm nay. Thôn đã "
                        "đủ điều kiện xin công nhận làng nghề chưa?").lead
    assert lead.startswith("Không. Chưa đạt (15%): Có tối thiểu 20% tổng số hộ"), lead
    assert "; Đạt (3 năm): Hoạt động sản xuất kinh doanh ổn định tối thiểu 02 năm liên tục" in lead, lead
    assert "Cần xác định" not in lead, lead  # what no stated fact decides waits


@require_corpus()
def test_a_trade_too_young_is_refused_with_the_rule_it_fails(answerer):
    lead = answerer.ask("Làng tôi đã được công nhận làng nghề, nghề gốm có ở làng khoảng 40 năm nay. Làng có được "
                        "công nhận làng nghề truyền thống không?").lead
    assert lead.startswith("Không. Chưa đạt (40 năm): Nghề đã xuất hiện tại địa phương từ trên 50 năm")
    assert "có ít nhất một nghề truyền thống" in lead


@require_corpus()
def test_a_missing_fact_is_asked_for_and_the_reply_completes_the_question(answerer):
    question = "Làng tôi làm nón đã 3 năm, có được công nhận làng nghề không?"
    first = answerer.ask(question)
    assert first.lead.endswith("Làng có bao nhiêu hộ, và bao nhiêu hộ làm nghề?")
    history = [{"role": "user", "content": question}, {"role": "assistant", "content": first.answer}]
    reply = answerer.ask("làng có 200 hộ", history)
    assert reply.lead.endswith("Làng có bao nhiêu hộ, và bao nhiêu hộ làm nghề?")  # one count is not a share yet
    history += [{"role": "user", "content": "làng có 200 hộ"}, {"role": "assistant", "content": reply.answer}]
    second = answerer.ask("50 hộ làm nón", history)  # the replies add up to the question they complete
    assert "Đạt (50/200 hộ = 25,0%)" in second.lead
