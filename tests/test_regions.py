"""The regions of the typical-product selection (Thông tư 26/2014 Điều 3): the region of the province a question
names, read off the passages, and the chat's one-line answer."""

import pytest

from assistant.answer.answerer import Answerer
from assistant.domain import regions
from assistant.search.retrieval import Searcher
from tests.conftest import require_corpus


@pytest.fixture(scope="module")
def generation(default_settings):
    return Searcher(default_settings).generation()


@require_corpus()
def test_the_three_regions_are_read_with_their_provinces(generation):
    found = {region.name: region for region in regions.table(generation)}
    assert set(found) == {"Khu vực phía Bắc", "Khu vực miền Trung và Tây Nguyên", "Khu vực phía Nam"}
    assert {name: len(region.provinces) for name, region in found.items()} == {
        "Khu vực phía Bắc": 28, "Khu vực miền Trung và Tây Nguyên": 15, "Khu vực phía Nam": 20}
    assert all(len(region.provinces) == int(region.size) for region in found.values())


@require_corpus()
@pytest.mark.parametrize(("question", "region", "province"), [
    ("cs của e ở Lâm Đồng, mún dự bình chọn sp cnnt tiêu biểu cấp khu vực thì thuộc khu vực nào v mn",
     "Khu vực miền Trung và Tây Nguyên", "Lâm Đồng"),
    ("Bac Ninh thuoc khu vuc nao khi binh chon san pham tieu bieu?", "Khu vực phía Bắc", "Bắc Ninh"),
    ("Which region is Can Tho in for the regional selection?", "Khu vực phía Nam", "Cần Thơ"),
    ("Hà Nội có bao nhiêu lớp tập huấn năm 2020?", None, None),  # no region asked
    ("Bình chọn cấp khu vực do ai tổ chức, thuộc khu vực nào?", None, None),  # no province named
])
def test_the_region_of_a_named_province(generation, question, region, province):
    found = regions.region_of(question, generation)
    assert (found[0].name, found[1]) == (region, province) if region else found is None


@require_corpus()
def test_which_region_is_answered_in_one_line_with_the_list_quoted(default_settings):
    answer = Answerer(Searcher(default_settings)).ask("Cơ sở tôi ở Lâm Đồng thì dự bình chọn cấp khu vực nào?")
    assert answer.lead == "Lâm Đồng thuộc Khu vực miền Trung và Tây Nguyên, gồm 15 tỉnh, thành phố [1]."
    assert "Lâm Đồng" in answer.quotes[0]["text"] and answer.citations[0].chunk_id == "tt-26-2014-bct#d3-k1-c-p1"
