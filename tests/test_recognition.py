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


def test_a_question_stating_no_number_is_left_to_the_passages():
    assert recognition.stated_facts("Tiêu chí công nhận làng nghề là gì?") is None
    assert recognition.stated_facts("Mức hỗ trợ đào tạo nghề là bao nhiêu?") is None


@pytest.mark.parametrize(("question", "verdict"), [
    ("Làng có 15% số hộ làm nón, sản xuất ổn định 3 năm, có được công nhận làng nghề không?", "no"),  # under 20%
    ("Làng có 25% số hộ làm nón, sản xuất ổn định 1 năm, có được công nhận làng nghề không?", "no"),  # under 2 years
    ("Làng có 25% số hộ làm nón, sản xuất ổn định 3 năm, có được công nhận làng nghề không?", "unknown"),  # environment
    ("Nghề có ở làng đúng 50 năm, có được công nhận nghề truyền thống không?", "no"),  # 'từ trên 50 năm'
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
    reply = answerer.ask("làng có 200 hộ, 50 hộ làm nón", history)
    assert "Đạt (50/200 hộ = 25,0%)" in reply.lead
