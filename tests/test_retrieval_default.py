"""Hand-written questions over the default corpus: the right article must be in the top 3."""

import pytest

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
