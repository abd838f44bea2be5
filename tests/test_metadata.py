"""Metadata read from the text: the corpus's own legal texts against their manifest, synthetic full documents with
their header block, precedence (manifest > administrator > text), and statuses computed across the corpus."""

import json
from dataclasses import replace

from assistant.answer.answerer import Answerer
from assistant.config import Settings
from assistant.documents.catalog import Catalog, curate
from assistant.documents.corpus import load_document, read_manifest, split_header
from assistant.documents.metadata import extract, number_key
from assistant.index.generations import IndexDir, read_state
from assistant.index.ingest import Ingestor
from assistant.search.retrieval import Searcher
from assistant.text import fold
from tests.conftest import CIRCULAR, SHARED_CORPUS, check_corpus, require_corpus, write_corpus

needs_corpus = require_corpus()

# A provincial decision as downloaded from a legal portal: header block, trích yếu, căn cứ, articles.
DECISION = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 27/2024/QĐ-UBND
Hà Nội, ngày 12 tháng 3 năm 2024

QUYẾT ĐỊNH
BAN HÀNH QUY ĐỊNH MỨC HỖ TRỢ CHO CÁC HOẠT ĐỘNG KHUYẾN CÔNG
TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI

ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI

Căn cứ Nghị định số 45/2012/NĐ-CP ngày 21 tháng 5 năm 2012 của Chính phủ về khuyến công;
Căn cứ Thông tư số 28/2018/TT-BTC ngày 28 tháng 3 năm 2018 của Bộ Tài chính được sửa đổi, bổ sung bởi Thông tư \
số 64/2024/TT-BTC;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy định mức hỗ trợ cho các hoạt động khuyến công.

Điều 2. Hiệu lực thi hành
1. Quyết định này có hiệu lực thi hành kể từ ngày 25 tháng 3 năm 2024 và thay thế Quyết định số 15/2020/QĐ-UBND \
ngày 10 tháng 8 năm 2020 của Ủy ban nhân dân Thành phố về hỗ trợ khuyến công theo Nghị định số 45/2012/NĐ-CP.
2. Bãi bỏ Điều 5 của Quyết định số 10/2019/QĐ-UBND ngày 2 tháng 5 năm 2019 của Ủy ban nhân dân Thành phố.
3. Quyết định số 08/2018/QĐ-UBND ngày 3 tháng 4 năm 2018 của Ủy ban nhân dân Thành phố hết hiệu lực kể từ ngày \
Quyết định này có hiệu lực.

Điều 3. Chánh Văn phòng Ủy ban nhân dân Thành phố chịu trách nhiệm thi hành Quyết định này./.
"""

AMENDING_CIRCULAR = """BỘ CÔNG THƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 12/2032/TT-BCT
Hà Nội, ngày 5 tháng 1 năm 2032

THÔNG TƯ
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 77/2031/TT-BCT VỀ GỐM SỨ

BỘ TRƯỞNG BỘ CÔNG THƯƠNG

Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 77/2031/TT-BCT như sau:
Sở Công Thương báo cáo trước ngày 15 tháng 7 hằng năm.

Điều 2. Thông tư này có hiệu lực thi hành kể từ ngày ký.
"""


def _replacing_circular(target: str) -> str:
    return f"""BỘ CÔNG THƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 13/2032/TT-BCT
Hà Nội, ngày 9 tháng 2 năm 2032

THÔNG TƯ
QUY ĐỊNH VỀ SẢN XUẤT GỐM SỨ MEN NGỌC

BỘ TRƯỞNG BỘ CÔNG THƯƠNG

Điều 1. Đối tượng áp dụng
Thông tư này áp dụng đối với hợp tác xã sản xuất gốm sứ men ngọc.

Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành sau 45 ngày kể từ ngày ký ban hành và thay thế Thông tư số {target} ngày 1 \
tháng 3 năm 2031 của Bộ trưởng Bộ Công Thương.
"""


# The old circular with its own header block, so its số hiệu is read from the text (no manifest entry).
OLD_CIRCULAR = """BỘ CÔNG THƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 77/2031/TT-BCT
Hà Nội, ngày 1 tháng 3 năm 2031

THÔNG TƯ
VỀ SẢN XUẤT GỐM SỨ MEN LAM

BỘ TRƯỞNG BỘ CÔNG THƯƠNG

""" + CIRCULAR


def test_a_decision_with_its_header_block():
    meta = extract(DECISION)
    assert (meta.doc_type, meta.number, meta.issued, meta.effective) == (
        "Quyết định", "27/2024/QĐ-UBND", "2024-03-12", "2024-03-25")
    assert meta.issuer == "Ủy ban nhân dân thành phố Hà Nội"
    assert meta.title == ("Quyết định ban hành quy định mức hỗ trợ cho các hoạt động khuyến công trên địa bàn "
                          "thành phố hà nội")
    stated = {(r.kind, r.target, r.by) for r in meta.relations}
    assert stated == {
        ("replaces", "15/2020/QĐ-UBND", None),  # not 45/2012, which only describes it
        ("amends", "10/2019/QĐ-UBND", None),  # repealing one article amends the decision
        ("expires", "08/2018/QĐ-UBND", None),
        ("amends", "28/2018/TT-BTC", "64/2024/TT-BTC"),  # stated in the căn cứ about two other texts
    }


def test_effective_on_signing_and_after_a_delay():
    amending = extract(AMENDING_CIRCULAR)
    assert amending.effective == amending.issued == "2032-01-05"
    assert [(r.kind, r.target, r.by) for r in amending.relations] == [("amends", "77/2031/TT-BCT", None)]
    replacing = extract(_replacing_circular("77/2031/TT-BCT"))
    assert replacing.issued == "2032-02-09" and replacing.effective == "2032-03-25"  # 45 days after signing
    assert replacing.title == "Thông tư quy định về sản xuất gốm sứ men ngọc"


def test_what_the_text_does_not_say_stays_unknown():
    meta = extract("Điều 1. Phạm vi\nVăn bản này áp dụng cho ngày 31 tháng 2 năm 2024.\n")
    assert meta.to_dict() == {"doc_type": None, "number": None, "issuer": None, "issued": None, "effective": None,
                              "title": None, "relations": []}
    assert extract("Số: 5/QĐ-UBND\nHà Nội, ngày 31 tháng 2 năm 2024\n").issued is None  # no such day
    assert number_key("45/2012/NĐ-CP") == number_key("45/2012/ND-CP ")


def _legal_texts() -> list[tuple[str, dict, str]]:
    manifest = read_manifest(SHARED_CORPUS)
    return [(name, entry, split_header((SHARED_CORPUS / name).read_text(encoding="utf-8"))[1])
            for name, entry in sorted(manifest.items()) if name.startswith("legal/")]


def _agrees(field: str, read: str, given: str) -> bool:
    if field == "title":  # the manifest shortens some trích yếu ("… ngày 21 tháng 5 năm 2012 của Chính phủ …")
        return set(fold(given).split()) <= set(fold(read).split())
    if field == "issuer":  # what the header names may be less specific: 'Hội đồng nhân dân' of 'HĐND tỉnh Phú Thọ'
        given = given.replace("HĐND", "Hội đồng nhân dân").replace("UBND", "Ủy ban nhân dân")
        return fold(given).startswith(fold(read))
    return read == given


@needs_corpus
def test_corpus_legal_texts_agree_with_their_manifest():
    checked = {}
    for name, entry, body in _legal_texts():
        meta = extract(body)
        for field in ("doc_type", "number", "issuer", "issued", "effective", "title"):
            read, given = getattr(meta, field), entry.get(field)
            if read is not None and given is not None:
                assert _agrees(field, read, given), (name, field, read, given)
                checked[field] = checked.get(field, 0) + 1
        assert meta.number and meta.doc_type and meta.issued, name  # every legal text names itself
    texts = len(_legal_texts())
    assert checked["number"] == checked["doc_type"] == checked["issued"] == texts == 10
    # Dates of effect: Bộ pháp điển's source notes or the 'Hiệu lực thi hành' article (not the partial page copies
    # that stop before it).
    assert checked["effective"] == sum(1 for _, e, _ in _legal_texts() if e.get("effective")) - 1


@needs_corpus
def test_corpus_relations_agree_with_the_manifest_and_the_text():
    replaced, amended = {}, []
    for _, entry, body in _legal_texts():
        for relation in extract(body).relations:
            if relation.kind == "replaces" and relation.by is None:
                replaced.setdefault(entry["number"], set()).add(relation.target)
            if relation.kind == "amends":
                amended.append((relation.target, relation.by))
    # Read by hand from the 'Hiệu lực thi hành' articles.
    assert replaced == {
        "45/2012/NĐ-CP": {"134/2004/NĐ-CP"},
        "46/2012/TT-BCT": {"03/2005/TT-BCN", "07/2008/QĐ-BCT"},
        "36/2013/TT-BCT": {"08/2008/QĐ-BCT", "17/2008/QĐ-BCT", "5918/QĐ-BCT"},
        "26/2014/TTLT-BTC-BCT": {"125/2009/TTLT-BTC-BCT"},
        "26/2014/TT-BCT": {"35/2010/TT-BCT"},
        "16/2011/TTLT-BCT-BNV": {"18/2008/TT-BCT"},
        "52/2018/NĐ-CP": {"66/2006/NĐ-CP"},
    }
    # Every amendment stated about a text of the corpus is the one its manifest records.
    by_number = {entry["number"]: entry for _, entry, _ in _legal_texts()}
    in_corpus = [(target, by) for target, by in amended if target in by_number]
    assert in_corpus and all(any(by in note for note in by_number[target]["amended_by"]) for target, by in in_corpus)


@needs_corpus
def test_the_manifest_wins_and_fills_nothing_it_does_not_give(tmp_path):
    root = SHARED_CORPUS
    document = load_document(root / "legal/qd-2646-2025-bct-partial.txt", root, read_manifest(root))
    assert document.title.startswith("Quyết định phê duyệt Chương trình")  # the manifest's capitals
    assert document.provenance["title"] == "manifest" and document.provenance["status"] == "manifest"
    assert document.effective == "2025-09-23" and document.provenance["effective"] == "text"  # 'kể từ ngày ký'


def test_precedence_manifest_then_administrator_then_text(tmp_path):
    root = write_corpus(tmp_path / "corpus", {"qd.txt": DECISION, "tt.txt": AMENDING_CIRCULAR},
                        [{"file": "qd.txt", "id": "qd-27", "title": "Quyết định về mức hỗ trợ khuyến công",
                          "status": "in_force"}])
    manifest = read_manifest(root)
    documents = [load_document(root / name, root, manifest) for name in ("qd.txt", "tt.txt")]
    data = tmp_path / "data"
    Catalog(data).update("qd-27", {"title": "Tên do cán bộ sửa", "issuer": "UBND thành phố Hà Nội",
                                   "status": "expired"})
    Catalog(data).update("tt", {"effective": "2032-02-01"})
    decision, circular = curate(documents, data)
    assert decision.title == "Quyết định về mức hỗ trợ khuyến công"  # manifest over administrator
    assert decision.status == "in_force"
    assert decision.issuer == "UBND thành phố Hà Nội" and decision.provenance["issuer"] == "admin"  # over text
    assert decision.number == "27/2024/QĐ-UBND" and decision.provenance["number"] == "text"
    assert circular.effective == "2032-02-01" and circular.issued == "2032-01-05"
    assert circular.status == "unverified" and "status" not in circular.provenance  # nobody said


def _state(settings: Settings) -> dict:
    index = IndexDir(settings.index_dir)
    return read_state(index.path(index.current()))["documents"]


def test_a_replacing_circular_supersedes_the_old_one_at_the_next_ingest(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"tt-77.txt": OLD_CIRCULAR})
    settings = Settings(corpus_dirs=[corpus], index_dir=tmp_path / "index", data_dir=tmp_path / "data")
    Ingestor(settings, progress=False).run()
    old = _state(settings)["tt-77"]
    assert (old["number"], old["status"], old["superseded_by"]) == ("77/2031/TT-BCT", "unverified", None)
    answerer = Answerer(Searcher(settings))
    question = "Hợp tác xã sản xuất gốm sứ men lam có thuộc đối tượng áp dụng không?"
    assert not any("thay thế" in w for w in answerer.ask(question).warnings)

    (corpus / "tt-13-2032.txt").write_text(_replacing_circular("77/2031/TT-BCT"), encoding="utf-8")
    (corpus / "tt-12-2032.txt").write_text(AMENDING_CIRCULAR, encoding="utf-8")
    report = Ingestor(settings, progress=False).run()
    assert "tt-77" in report.updated  # its text is unchanged, its status is not
    old = _state(settings)["tt-77"]
    assert old["status"] == "superseded" and old["superseded_by"] == "Thông tư 13/2032/TT-BCT"
    assert old["amended_by"] == ["Thông tư 12/2032/TT-BCT"]
    assert old["provenance"]["status"] == "relations"
    answer = answerer.ask(question)
    cited = [c for c in answer.citations if c.doc_id == "tt-77"]
    assert cited and cited[0].status == "superseded"
    assert any("Thông tư 77/2031/TT-BCT đã bị thay thế bởi Thông tư 13/2032/TT-BCT" in w for w in answer.warnings)

    (corpus / "tt-13-2032.txt").unlink()  # the relation goes with the text that stated it
    Ingestor(settings, progress=False).run()
    assert _state(settings)["tt-77"]["status"] == "amended"


def test_the_manifest_status_is_not_overridden_by_relations(small_settings, small_corpus):
    (small_corpus / "tt-13-2032.txt").write_text(_replacing_circular("77/2031/TT-BCT"), encoding="utf-8")
    Ingestor(small_settings, progress=False).run()
    state = _state(small_settings)
    assert state["tt-77-2031"]["status"] == "in_force"  # SMALL_MANIFEST says so
    assert state["tt-77-2031"]["superseded_by"] is None  # no 'replaced by' on a text the manifest calls in force
    assert json.loads(json.dumps(state["tt-13-2032"]["relations"]))[0]["target"] == "77/2031/TT-BCT"


def test_an_unreadable_catalog_never_stops_an_ingest(small_settings, tmp_path):
    small_settings = replace(small_settings, data_dir=tmp_path / "data")
    path = small_settings.data_dir / "catalog.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    report = Ingestor(small_settings, progress=False).run()
    assert report.changed and report.exit_code == 0


EXTRA = SHARED_CORPUS.parent / "corpus-extra" / "phapdien-7.5-khuyen-cong.txt"


def test_a_compilation_is_no_single_text_and_names_who_states_each_relation():
    check_corpus(EXTRA.parent)
    meta = extract(split_header(EXTRA.read_text(encoding="utf-8"))[1])
    assert (meta.doc_type, meta.number, meta.issued, meta.effective) == (None, None, None, None)
    stated = {(r.kind, r.target, r.by) for r in meta.relations}
    # The same 'Hiệu lực thi hành' articles, read from each text alone, give the same relations.
    for _, entry, body in _legal_texts():
        for relation in extract(body).relations:
            if relation.by is None and entry["file"] != "legal/nd-52-2018.txt":  # đề mục 24.9, not 7.5
                assert (relation.kind, relation.target, entry["number"]) in stated
