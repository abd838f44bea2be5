"""Shared fixtures: small corpora written to tmp folders, settings pointing at them, the default index."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from assistant.config import Settings, default_corpus_dirs  # noqa: E402
from assistant.ingest import Ingestor  # noqa: E402

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

DECREE = """# Nghị định thử nghiệm số 99/2030/NĐ-CP (tệp kiểm thử)
# Dòng tiêu đề này là siêu dữ liệu, không phải nội dung

[Chương I QUY ĐỊNH CHUNG]  (chương theo cấu trúc đề mục)

Điều 1. Phạm vi điều chỉnh
[Pháp điển: Điều 0.0.NĐ.1]
(Điều 1 Nghị định số 99/2030/NĐ-CP, có hiệu lực thi hành kể từ ngày 15/03/2030)

Nghị định này quy định việc hỗ trợ nuôi ong lấy mật tại vùng cao.

Điều 2. Mức hỗ trợ
(Điều 2 Nghị định số 99/2030/NĐ-CP, có hiệu lực thi hành kể từ ngày 15/03/2030)

1. Hỗ trợ tối đa 40% chi phí mua thùng ong nhưng không quá 25 triệu đồng/hộ.

2. Hỗ trợ đào tạo kỹ thuật nuôi ong cho hộ kinh doanh.
"""

PLAN = """Kế hoạch thử nghiệm năm 2030
1. Tổ chức lớp tập huấn
Tổ chức 12 lớp tập huấn chế biến mật ong cho 300 lao động nông thôn.
2. Hỗ trợ máy móc
Hỗ trợ 7 cơ sở đầu tư máy vắt mật hiện đại.
"""

CIRCULAR = """Điều 1. Đối tượng áp dụng
Thông tư này áp dụng đối với hợp tác xã sản xuất gốm sứ men lam.

Điều 2. Trách nhiệm của Sở Công Thương
Sở Công Thương chủ trì thẩm định đề án gốm sứ và báo cáo trước ngày 30 tháng 6 hằng năm.
"""


def write_corpus(root: Path, files: dict[str, str], manifest: list[dict] | None = None) -> Path:
    """Write text files (and an optional manifest.jsonl) under `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if manifest is not None:
        lines = "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in manifest)
        (root / "manifest.jsonl").write_text(lines, encoding="utf-8")
    return root


SMALL_MANIFEST = [
    {"file": "nd-99.txt", "id": "nd-99-2030", "title": "Nghị định về hỗ trợ nuôi ong", "doc_type": "Nghị định",
     "number": "99/2030/NĐ-CP", "status": "amended", "amended_by": ["100/2031/NĐ-CP"]},
    {"file": "tt-77.txt", "id": "tt-77-2031", "title": "Thông tư về gốm sứ", "doc_type": "Thông tư",
     "number": "77/2031/TT-BCT", "status": "in_force"},
]


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Three short documents: a decree, a circular (both in the manifest) and a plan without metadata."""
    files = {"nd-99.txt": DECREE, "tt-77.txt": CIRCULAR, "plans/ke-hoach-2030.txt": PLAN}
    return write_corpus(tmp_path / "corpus", files, SMALL_MANIFEST)


@pytest.fixture
def small_settings(tmp_path: Path, small_corpus: Path) -> Settings:
    """Settings for the small corpus with its own index folder."""
    return Settings(corpus_dirs=[small_corpus], index_dir=tmp_path / "index")


@pytest.fixture(scope="session")
def default_settings() -> Settings:
    """Settings of the default corpus; its index is built if `make ingest` has not built it."""
    settings = Settings.from_env()
    if SHARED_CORPUS.is_dir():
        assert SHARED_CORPUS in [p.resolve() for p in default_corpus_dirs()]
    Ingestor(settings, progress=False).run()
    return settings
