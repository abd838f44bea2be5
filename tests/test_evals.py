"""The evaluation suite: the question set is well-formed and grounded, metrics compute what they claim, and the
project's pipeline stays above evals/thresholds.json on the test split (the gate of `make test`)."""

import json

import pytest

from assistant.config import Settings
from assistant.evaluation import metrics, report, runner
from assistant.evaluation.dataset import TYPES, DatasetError, load
from assistant.evaluation.pipelines import covers, create_pipelines
from assistant.search.retrieval import Searcher
from tests.conftest import require_corpus

needs_corpus = require_corpus()


def test_recall_mrr_ndcg_on_a_hand_computed_ranking():
    ranked = [{"x"}, {"a"}, {"y"}, {"b"}, {"z"}]
    gold = {"a", "b", "c"}
    assert metrics.recall_at(ranked, gold, 1) == 0
    assert metrics.recall_at(ranked, gold, 2) == 0.5  # 1 found / min(3, 2)
    assert metrics.recall_at(ranked, gold, 5) == pytest.approx(2 / 3)
    assert metrics.mrr_at(ranked, gold) == 0.5
    ideal = 1 + 1 / 1.5849625 + 1 / 2  # ranks 1-3
    assert metrics.ndcg_at(ranked, gold) == pytest.approx((1 / 1.5849625 + 1 / 2.3219281) / ideal, rel=1e-6)
    assert metrics.ndcg_at([{"a", "b"}], {"a", "b"}) == pytest.approx(1 / (1 + 1 / 1.5849625))


def test_key_facts_numbers_and_citations():
    answer = "Theo Thông tư [1]: Mức hỗ trợ tối đa 50%  chi phí,\nkhông quá 200 triệu đồng.\n\n⚠ Lưu ý: 2017"
    assert metrics.facts_found(answer, [["50 %", "50%"], ["200 TRIỆU"]])
    assert not metrics.facts_found(answer, [["35 triệu"]])
    assert metrics.grounded_numbers(answer, ["… tối đa 50% … 200 triệu …"]) == (2, 2)  # warning and [1] left out
    assert metrics.grounded_numbers(answer, ["… 50% …"]) == (1, 2)
    assert metrics.cited_with_fact(["có 50%", "không có"], [["50%"]]) == 1
    # a range is the same range however its dash is spaced
    assert metrics.has_fact("hỗ trợ 600-650 lượt doanh nghiệp", ["600 - 650"])
    assert not metrics.has_fact("hỗ trợ 600-650 lượt doanh nghiệp", ["600 - 750"])
    assert metrics.has_fact("hỗ trợ 650 – 800 mẫu", ["650-800"]) and metrics.normalize("1 - 7 - 2021") == "1-7-2021"


def test_quickstart_split_covers_a_chunk_by_its_text():
    chunk = "a) " + "Chi hỗ trợ xây dựng mô hình trình diễn kỹ thuật " * 4
    assert covers("đầu " + " ".join(chunk.split()) + " cuối", chunk)
    assert not covers("một đoạn khác hẳn " * 10, chunk)


def test_gate_failures_name_the_metric():
    summary = {"answer_accuracy": 0.7, "recall@5": 0.95, "false_refusal_rate": 0.1}
    floors = {"answer_accuracy": 0.8, "recall@5": 0.9, "false_refusal_rate": 0.05, "mrr@10": 0.5}
    assert runner.gate_failures(summary, floors) == [
        "answer_accuracy: 0.7 < 0.8", "false_refusal_rate: 0.1 > 0.05", "mrr@10: không đo được"]


def test_malformed_question_files_are_named(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "question": "?", "type": "fact", "split": "dev"}\n', encoding="utf-8")
    with pytest.raises(DatasetError, match="dòng 1: câu hỏi có đáp án cần must_contain"):
        load(path)
    path.write_text('{"id": "a", "question": "?", "type": "joke", "split": "dev"}\n', encoding="utf-8")
    with pytest.raises(DatasetError, match="loại câu hỏi 'joke'"):
        load(path)
    bare = '{"id": "a", "question": "?", "type": "fact", "split": "dev", "must_contain": ["50%"], "chunk_ids": ["x"]}'
    path.write_text(bare + "\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="dòng 1: must_contain phải là danh sách các nhóm"):
        load(path)
    path.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="dòng 1: JSON không hợp lệ"):
        load(path)


def test_question_set_size_types_and_splits():
    items = load()
    assert len(items) >= 150
    assert len({i.id for i in items}) == len(items)
    for split in ("dev", "test"):
        assert {i.type for i in items if i.split == split} == set(TYPES), split
    assert len(load(split="test")) >= 100


@needs_corpus
def test_every_document_is_covered_and_every_gold_passage_exists(default_settings):
    snapshot = Searcher(default_settings).generation()
    chunks = {c.id: c for c in snapshot.chunks}
    items = load()
    assert {d for i in items for d in i.doc_ids} == set(snapshot.documents)
    for item in items:
        assert set(item.chunk_ids) <= set(chunks), item.id
        assert item.doc_ids == sorted({chunks[c].doc_id for c in item.chunk_ids}), item.id
        if item.type == "date_validity":
            continue  # status facts come from the manifest, not the text
        # an article's heading is part of its passage ('Điều 21. Trách nhiệm của Sở Công Thương')
        gold_text = " ".join(f"{chunks[c].title} {chunks[c].article_title or ''} {chunks[c].text}"
                             for c in item.chunk_ids)
        for group in item.must_contain:
            assert metrics.has_fact(gold_text, group), (item.id, group)


@needs_corpus
def test_gate_project_pipeline_on_the_test_split(default_settings):
    """The gate: a regression below evals/thresholds.json fails `make test`."""
    results = runner.run("test", ["project"], default_settings)
    summary = results["configs"]["project"]["summary"]
    assert summary["questions"] == len(load(split="test"))
    failures = runner.gate_failures(summary, runner.thresholds())
    assert not failures, failures


@needs_corpus
def test_report_files_and_cli_errors(default_settings, tmp_path, capsys):
    from assistant.cli import main

    results = runner.run("dev", ["bm25"], default_settings)
    written = report.write(results, tmp_path, "check")
    assert [p.name for p in written] == ["check.md", "check.json", "check-metrics_by_config.png",
                                         "check-accuracy_by_type.png", "check-latency.png"]
    assert all(p.stat().st_size > 0 for p in written)
    text = (tmp_path / "check.md").read_text(encoding="utf-8")
    assert "| bm25 |" in text and "out_of_scope" in text
    assert json.loads((tmp_path / "check.json").read_text(encoding="utf-8"))["split"] == "dev"
    with pytest.raises(ValueError, match="cấu hình không có: nope"):
        create_pipelines(Settings.from_env(), ["nope"])
    assert main(["eval", "--config", "nope"]) == 2
    assert "Lỗi: cấu hình không có: nope" in capsys.readouterr().err
