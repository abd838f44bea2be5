"""Which products may enter the selection of typical rural industrial products (Thông tư 26/2014 Điều 4): the
condition a described product fails, and the chat's 'Không.' in the rule's own words."""

import pytest

from assistant.answer.answerer import Answerer
from assistant.domain import typical_products
from assistant.search.retrieval import Searcher
from tests.conftest import require_corpus


@pytest.mark.parametrize(("question", "fails"), [
    ("Chiếc bình gốm độc nhất tôi làm có được dự bình chọn sản phẩm tiêu biểu không?", typical_products.IN_SERIES),
    ("Tác phẩm chỉ làm một chiếc có được đăng ký bình chọn không?", typical_products.IN_SERIES),
    ("Can a one-of-a-kind statue enter the typical product selection?", typical_products.IN_SERIES),
    ("Cơ sở mua bánh từ nơi khác về đóng hộp, dán nhãn rồi đăng ký bình chọn được không?", typical_products.OWN_MAKE),
    ("Sản phẩm làm nhái mẫu của làng khác có được dự bình chọn không?", typical_products.NOT_COPIED),
    # no selection asked, or nothing said against the product
    ("Chiếc bình gốm độc nhất có được hỗ trợ khuyến công không?", None),
    ("Sản phẩm gốm của tôi có được đăng ký bình chọn không?", None),
    ("Sản phẩm duy nhất của làng có được dự bình chọn không?", None),  # the village's only product, made in series
    ("Cơ sở tôi là đơn vị duy nhất trong tỉnh làm gốm, có được dự bình chọn không?", None),
    ("Cơ sở nhập nguyên liệu từ nơi khác về để sản xuất rồi đóng gói có được bình chọn không?", None),  # materials
    ("Sản phẩm có bản quyền, không sao chép, có được dự bình chọn không?", None),
    ("Sản phẩm bị người khác làm nhái có được bình chọn không?", None),  # others copy it
    ("Can I copy the registration form for the selection?", None),
])
def test_the_condition_a_described_product_fails(question, fails):
    assert typical_products.failed_condition(question) == fails


@pytest.fixture(scope="module")
def answerer(default_settings):
    return Answerer(Searcher(default_settings))


@require_corpus()
def test_a_one_of_a_kind_work_is_refused_with_the_condition_it_fails(answerer):
    lead = answerer.ask("Tôi khắc một bức tượng gỗ duy nhất, không làm thêm. Có được đăng ký bình chọn sản phẩm công "
                        "nghiệp nông thôn tiêu biểu không?").lead
    assert lead.startswith("Không. Sản phẩm tham gia bình chọn phải có khả năng sản xuất hàng loạt")
    assert "không phải là sản phẩm độc bản" in lead and "[1]" in lead


@require_corpus()
def test_a_statement_opening_like_an_english_question_is_not_a_yes_no_one(answerer):
    # 'Đồ gốm …' folds to 'do …': the question asks for papers, not whether the product may enter
    lead = answerer.ask("Đồ gốm độc bản thì đăng ký bình chọn cần hồ sơ gì?").lead
    assert not lead.startswith("Không.")
