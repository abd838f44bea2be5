"""Normalization and tokens: NFC, accent folding, tokens that let unaccented questions match."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from assistant.text import fold, is_unaccented, lexical_tokens, nfc, query_tokens


def test_fold_strips_tones_and_d_stroke():
    assert fold("Hộ kinh doanh ĐƯỢC hỗ trợ") == "ho kinh doanh duoc ho tro"


def test_nfd_input_becomes_nfc():
    decomposed = unicodedata.normalize("NFD", "Nghị định khuyến công")
    assert decomposed != "Nghị định khuyến công"
    assert nfc(decomposed) == "Nghị định khuyến công"


def test_unaccented_question_tokens_meet_accented_text_tokens():
    text_tokens = set(lexical_tokens("Hộ kinh doanh được hỗ trợ đào tạo nghề"))
    question = query_tokens("ho kinh doanh dao tao nghe")
    assert question and all(token in text_tokens for token in question)


def test_is_unaccented():
    assert is_unaccented("muc ho tro la bao nhieu")
    assert not is_unaccented("mức hỗ trợ")
    assert not is_unaccented("2024 / 45")


@given(st.text(max_size=300))
def test_fold_is_idempotent_and_ascii_for_vietnamese(text):
    once = fold(text)
    assert fold(once) == once
    assert unicodedata.is_normalized("NFC", nfc(text))


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãầấậẩẫằắặẳẵ ", max_size=200))
def test_folded_vietnamese_letters_are_plain_ascii(text):
    assert fold(text).isascii()
