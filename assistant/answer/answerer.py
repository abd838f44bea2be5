"""Grounded extractive answers: standalone question -> retrieval -> evidence -> Vietnamese answer with [n] citations."""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass, field

from assistant.answer.currency import STATUS_LABELS, currency_warning, doc_label
from assistant.answer.evidence import (
    Evidence,
    asks_for_list,
    asks_for_number,
    content_terms,
    evidence_scorer,
    is_list_item,
    split_units,
)
from assistant.answer.followup import standalone_question
from assistant.answer.llm import LLMClient, LLMUnavailable, Source
from assistant.domain import support_levels
from assistant.search.glossary import expand_english, is_english
from assistant.search.references import References, parse_references, resolve
from assistant.search.retrieval import Searcher, SearchResult
from assistant.text import fold, nfc

MAX_LIST_ITEMS = 20

PROVINCES = {fold(p): p for p in (
    "An Giang|Bà Rịa|Vũng Tàu|Bắc Giang|Bắc Kạn|Bạc Liêu|Bắc Ninh|Bến Tre|Bình Định|Bình Dương|Bình Phước|"
    "Bình Thuận|Cà Mau|Cần Thơ|Cao Bằng|Đà Nẵng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|Đồng Tháp|Gia Lai|Hà Giang|"
    "Hà Nam|Hà Nội|Hà Tĩnh|Hải Dương|Hải Phòng|Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|"
    "Lai Châu|Lâm Đồng|Lạng Sơn|Lào Cai|Long An|Nam Định|Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|"
    "Quảng Bình|Quảng Nam|Quảng Ngãi|Quảng Ninh|Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|"
    "Thanh Hóa|Thừa Thiên Huế|Tiền Giang|Hồ Chí Minh|Sài Gòn|Trà Vinh|Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái"
).split("|")}
_YEAR = re.compile(r"(?<![/\d])((?:19|20)\d{2})(?![/\d])")
_VALIDITY = re.compile(r"\b(con hieu luc|het hieu luc|hieu luc|con ap dung|in force|still valid|take effect|"
                       r"ky ngay|ngay ky|ky khi nao|ban hanh ngay|ngay ban hanh|ban hanh khi nao|issued)\b")
_COMPARE = re.compile(r"\b(so sanh|so voi|khac nhau|khac gi|compare|difference)\b")
_CLAUSE_HEADING = re.compile(r"^\d+\.\s.{0,200}$")
_POINT_ITEM = re.compile(r"^([a-zđ]\)|-)\s")

REFUSAL_SCOPE = (
    "Trợ lý trả lời dựa trên các văn bản khuyến công trong kho: Nghị định 45/2012/NĐ-CP, Thông tư 46/2012/TT-BCT, "
    "Thông tư 36/2013/TT-BCT, Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Thông tư 26/2014/TT-BCT, Thông tư liên tịch "
    "16/2011/TTLT-BCT-BNV, Nghị định 52/2018/NĐ-CP, các kế hoạch và tin khuyến công của Hà Nội và định hướng năm "
    "2024. Bạn có thể hỏi về đối tượng, điều kiện, mức hỗ trợ, trình tự, trách nhiệm và hiệu lực của các văn bản này."
)


@dataclass
class Citation:
    """A numbered source of an answer."""

    n: int
    chunk_id: str
    doc_id: str
    title: str
    number: str | None
    locator: str
    text: str
    score: float
    status: str
    source: str | None
    issued: str | None = None
    effective: str | None = None


@dataclass
class Answer:
    """The /api/ask response."""

    answer: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    standalone_question: str = ""
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """JSON-ready dict."""
        return asdict(self)


def _in_text_order(ranked: list[Evidence], chunk_index: int, usable: list[SearchResult]) -> list[Evidence]:
    """The units of one chunk in the order the chunk states them (at most MAX_LIST_ITEMS)."""
    order = {u: i for i, u in enumerate(split_units(usable[chunk_index].chunk.text))}
    units = [e for e in ranked if e.chunk_index == chunk_index]
    return sorted(units, key=lambda e: order.get(e.text, len(order)))[:MAX_LIST_ITEMS]


def _vietnamese_date(iso: str) -> str:
    """'2025-09-23' -> 'ngày 23 tháng 9 năm 2025' (the manifest's dates, as the documents write them)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not match:
        return iso
    year, month, day = match.groups()
    return f"ngày {day} tháng {int(month)} năm {year}"


_ELIGIBILITY_ASK = re.compile(r"\b(co duoc (huong|ho tro)|du dieu kien|thuoc doi tuong|thuoc dien|duoc huong|"
                              r"co thuoc|eligible)\b")
CHECKER = ("→ Để biết cơ sở của bạn có đủ điều kiện không, hãy dùng công cụ «Kiểm tra điều kiện» (thẻ trên trang "
           "trợ lý, hoặc POST /api/eligibility): nhập loại hình, nơi sản xuất và ngành nghề để nhận kết luận kèm điều "
           "khoản.")


def _checker_pointer(question: str) -> list[str]:
    """An eligibility question is pointed at the checker, which applies every rule, not just the quoted ones."""
    return [CHECKER] if _ELIGIBILITY_ASK.search(fold(question)) else []


def _level_summary(citations: list[Citation], snapshot) -> list[str]:
    """'Mức hỗ trợ (bảng mức hỗ trợ): tối đa 30%, không quá 500 triệu đồng/mô hình [1]' for cited passages that
    state levels; numbers come from the cited text, so they stay grounded."""
    levels = []
    for citation in citations:
        for row in (r for r in support_levels.table(snapshot) if r.chunk_id == citation.chunk_id):
            amount = ", ".join(part for part in (f"tối đa {row.percent}" if row.percent else "",
                                                  f"không quá {row.cap}" if row.cap else "") if part)
            levels.append(f"{amount} [{citation.n}]")
    if not levels:
        return []
    return ["Mức hỗ trợ (bảng mức hỗ trợ): " + "; ".join(dict.fromkeys(levels[:4])) + "."]


def _list_chunk(question: str, ranked: list[Evidence], usable: list[SearchResult]) -> int:
    """For a list question, the chunk whose heading line names what is asked ('1. Hồ sơ … cấp huyện:'):
    its heading's score plus the share of the heading's terms the question uses (the closest sibling wins)."""
    asked = set(content_terms(question))
    scores = {(e.chunk_index, e.text): e.score for e in ranked}
    best_index, best_score = ranked[0].chunk_index, ranked[0].score
    for index, result in enumerate(usable):
        units = split_units(result.chunk.text)
        heading_terms = set(content_terms(units[0])) if units else set()
        if not heading_terms or (index, units[0]) not in scores:
            continue
        score = scores[(index, units[0])] + 0.5 * len(heading_terms & asked) / len(heading_terms)
        if score > best_score:
            best_index, best_score = index, score
    return best_index


def _following(unit: Evidence, usable: list[SearchResult]) -> list[Evidence]:
    """The units after `unit` in its chunk (at most MAX_LIST_ITEMS)."""
    units = split_units(usable[unit.chunk_index].chunk.text)
    start = units.index(unit.text) + 1 if unit.text in units else len(units)
    return [Evidence(unit.chunk_index, u, unit.score) for u in units[start : start + MAX_LIST_ITEMS]]


def _article_quotes(ranked: list[Evidence], usable: list[SearchResult], refs: References, named: list[str]):
    """'Điều 10 Nghị định 45/2012 quy định gì?': the named article itself, line by line."""
    wanted = [i for i, r in enumerate(usable) if r.chunk.doc_id in named and r.chunk.article in refs.articles]
    return _in_text_order(ranked, wanted[0], usable) if wanted else []


class Answerer:
    """Answers from the corpus only, quoting what it cites; refuses when the corpus does not answer."""

    def __init__(self, searcher: Searcher, llm: LLMClient | None = None, mode: str = "hybrid"):
        self.searcher = searcher
        self.llm = llm
        self.mode = mode
        self.settings = searcher.settings

    def query(self, question: str, history: list[dict] | None = None) -> tuple[str, str]:
        """The standalone question and the retrieval query (English terms expanded) the answer is built on."""
        standalone = self._standalone(nfc(question).strip(), history)
        return standalone, expand_english(standalone)

    def ask(self, question: str, history: list[dict] | None = None) -> Answer:
        """Answer one question in the context of the conversation history."""
        started = time.perf_counter()
        standalone, query = self.query(question, history)
        english = is_english(standalone)
        retrieval = self.searcher.retrieve(query, k=self.settings.retrieve_k, mode=self.mode)
        results, snapshot = retrieval.results, retrieval.generation
        retrieved = time.perf_counter()
        refs = parse_references(query)
        named = resolve(refs, snapshot.document_keys())
        reason = self._out_of_scope(query, results, refs, named, english, english and query == standalone)
        if reason is not None:
            answer = self._refusal(reason, standalone)
        elif named and _VALIDITY.search(fold(standalone)):
            answer = self._validity(standalone, named, snapshot)
        else:
            top = results[0].score or 1.0
            usable = [r for r in results if r.score >= 0.5 * top][: self.settings.answer_k]
            answer = self._extractive(query, usable, snapshot, english, refs, named)
            if self.llm is not None and not answer.refused:
                answer = self._generate(query, usable, answer, snapshot)
            answer.standalone_question = standalone
        done = time.perf_counter()
        answer.timings_ms = {"retrieve": round((retrieved - started) * 1000, 1),
                             "answer": round((done - retrieved) * 1000, 1),
                             "total": round((done - started) * 1000, 1)}
        return answer

    def _standalone(self, question: str, history: list[dict] | None) -> str:
        """The LLM's rewrite when one is configured and there is history; the offline heuristics otherwise."""
        offline = standalone_question(question, history)
        if self.llm is None or not history or offline == question:
            return offline
        try:
            return self.llm.rewrite(question, history)
        except LLMUnavailable:
            return offline

    # Refusal ---------------------------------------------------------------------------------------------

    def _out_of_scope(self, question: str, results: list[SearchResult], refs: References, named: list[str],
                      english: bool, no_corpus_terms: bool = False) -> str | None:
        """Why the corpus cannot answer, or None when it can."""
        if not results:
            return "không tìm thấy nội dung liên quan"
        if refs.documents and not named:
            named = ", ".join(f"số {r.number}" + (f"/{r.year}" if r.year else "") for r in refs.documents)
            return f"văn bản {named} chưa có trong kho"
        if not refs.documents and self._far_from_corpus(question, results, english, no_corpus_terms):
            return "câu hỏi nằm ngoài phạm vi các văn bản khuyến công trong kho"
        seen = fold(" ".join(f"{r.chunk.title} {r.chunk.context} {r.chunk.text}" for r in results))
        folded = fold(question)
        for province, name in PROVINCES.items():
            if re.search(rf"\b{province}\b", folded) and not re.search(rf"\b{province}\b", seen):
                return f"kho chưa có văn bản khuyến công của {name}"
        for year in _YEAR.findall(re.sub(r"\d+\s*/\s*\d{4}", "", question)):
            if year not in seen:
                return f"kho chưa có số liệu, văn bản cho năm {year}"
        return None

    def _far_from_corpus(self, question: str, results: list[SearchResult], english: bool,
                         no_corpus_terms: bool) -> bool:
        """Whether nothing retrieved is about the question (see README, refusal).

        English questions reach the corpus only through the glossary: none of its terms, nothing to answer from.
        Otherwise the dense similarity decides, unless under the floor one passage holds nearly every term of the
        question and its phrases: some answerable questions embed far from their passage but match it word for word.
        """
        if no_corpus_terms:
            return True
        if self.mode == "lexical":
            return False  # a BM25-only baseline has no similarity to judge scope by
        s = self.settings
        if max(r.dense for r in results) >= (s.refusal_min_dense_english if english else s.refusal_min_dense):
            return False
        texts = [r.chunk.text for r in results]
        evidence = evidence_scorer(self.searcher.generation())
        ranked = evidence.rank(question, texts, [0.0] * len(results))
        strong_terms = bool(ranked) and ranked[0].score >= s.refusal_evidence
        return not (strong_terms and evidence.pair_coverage(question, texts) >= s.refusal_min_pairs)

    def _refusal(self, reason: str, question: str) -> Answer:
        lead = "Xin lỗi, tôi không tìm thấy câu trả lời trong các văn bản hiện có"
        text = f"{lead} ({reason}). {REFUSAL_SCOPE}"
        return Answer(answer=text, refused=True, standalone_question=question)

    # Answers ---------------------------------------------------------------------------------------------

    def _extractive(self, question: str, usable: list[SearchResult], snapshot, english: bool, refs: References,
                    named: list[str]) -> Answer:
        top = usable[0].score or 1.0
        ranked = evidence_scorer(snapshot).rank(
            question, [r.chunk.text for r in usable], [r.score / top for r in usable],
            [r.chunk.article_title or "" for r in usable], self.settings.evidence_prior,
            self.settings.evidence_number_bonus)
        if named and not _COMPARE.search(fold(question)):
            # A question about one document is answered from that document.
            ranked = [e for e in ranked if usable[e.chunk_index].chunk.doc_id in named] or ranked
        if not ranked:
            return self._refusal("không tìm thấy đoạn trả lời", question)
        quotes = _article_quotes(ranked, usable, refs, named) or self._select(question, ranked, usable)
        citations: list[Citation] = []
        numbers: dict[int, int] = {}
        for evidence in quotes:
            if evidence.chunk_index not in numbers:
                numbers[evidence.chunk_index] = len(citations) + 1
                citations.append(self._citation(len(citations) + 1, usable[evidence.chunk_index], snapshot))
        first = quotes[0]
        first_chunk = usable[first.chunk_index].chunk
        opener = "According to" if english else "Theo"
        one_chunk = all(q.chunk_index == first.chunk_index for q in quotes)
        if len(quotes) > 1 and one_chunk and (asks_for_list(question) or refs.articles):
            lines = [f"{opener} {first_chunk.citation_label} [1], gồm:"]
            lines += [f"- {q.text} [1]" for q in quotes]
        else:
            quotes = [self._with_heading(q, usable[q.chunk_index].chunk.text) for q in quotes]
            first = quotes[0]
            lines = [f"{opener} {first_chunk.citation_label} [{numbers[first.chunk_index]}]: {first.text}"]
            for q in quotes[1:]:
                chunk = usable[q.chunk_index].chunk
                lines.append(f"- {chunk.citation_label}: {q.text} [{numbers[q.chunk_index]}]")
        return self._finish(lines, citations, question, snapshot)

    def _generate(self, question: str, usable: list[SearchResult], extractive: Answer, snapshot) -> Answer:
        """The LLM's answer when it passes the guards, else the extractive one with a warning saying why."""
        sources = [Source(i, r.chunk.citation_label, r.chunk.text) for i, r in enumerate(usable, 1)]
        try:
            text, cited = self.llm.answer(question, sources)
        except LLMUnavailable as exc:
            note = f"Không dùng được câu trả lời của mô hình ngôn ngữ ({exc}); câu trả lời dưới đây trích nguyên văn."
            extractive.warnings.insert(0, note)
            extractive.answer = f"⚠ {note}\n\n{extractive.answer}"
            return extractive
        citations = [self._citation(n, usable[n - 1], snapshot) for n in cited]
        return self._finish([text], citations, question, snapshot)

    @staticmethod
    def _with_heading(evidence: Evidence, chunk_text: str) -> Evidence:
        """A điểm quoted with its khoản's heading line ('1. Tạm ứng 30% …'), which often holds the number."""
        heading = chunk_text.split("\n", 1)[0].strip()
        if evidence.text == heading or not _CLAUSE_HEADING.match(heading) or not _POINT_ITEM.match(evidence.text):
            return evidence
        return Evidence(evidence.chunk_index, f"{heading} … {evidence.text}", evidence.score)

    def _select(self, question: str, ranked: list[Evidence], usable: list[SearchResult]) -> list[Evidence]:
        """The best unit, then list items of its chunk or other strong units (one per other document)."""
        best = ranked[0]
        compare = bool(_COMPARE.search(fold(question))) or len(set(_YEAR.findall(question))) > 1
        if asks_for_list(question) and not compare:
            items = _in_text_order(ranked, _list_chunk(question, ranked, usable), usable)
            if sum(is_list_item(e.text) for e in items) >= 2:
                return items
        # A question asking 'bao nhiêu' is not answered by a list of conditions.
        if best.text.endswith(":") and not compare and not asks_for_number(question):
            # '… phải đáp ứng các điều kiện sau:' says nothing without the items that follow it.
            following = _following(best, usable)
            if following:
                return [best, *following]
        chosen = [best]
        compare = bool(_COMPARE.search(fold(question))) or len(set(_YEAR.findall(question))) > 1
        for evidence in ranked[1:]:
            if len(chosen) >= self.settings.max_quotes:
                break
            doc = usable[evidence.chunk_index].chunk.doc_id
            # Comparing means quoting each side: another document, or another passage of the same one.
            new_side = (doc not in {usable[c.chunk_index].chunk.doc_id for c in chosen}
                        or evidence.chunk_index not in {c.chunk_index for c in chosen})
            strong = evidence.score >= self.settings.quote_ratio * best.score
            if (strong or (compare and new_side)) and evidence.text not in {c.text for c in chosen}:
                chosen.append(evidence)
        return chosen

    def _validity(self, question: str, doc_ids: list[str], snapshot) -> Answer:
        """Whether named documents are in force, from the manifest, citing each one's effect article."""
        lines, citations = [], []
        for doc_id in doc_ids:
            meta = snapshot.documents.get(doc_id, {})
            chunks = snapshot.document_chunks(doc_id)
            effect = next((c for c in chunks if "hiệu lực" in (c.article_title or "").lower()), chunks[-1])
            n = len(citations) + 1
            citations.append(self._citation(n, SearchResult(effect, 1.0), snapshot))
            status = STATUS_LABELS.get(meta.get("status"), "chưa xác minh")
            dates = "".join(f"; {label} {_vietnamese_date(meta[key])}" for key, label in
                            (("issued", "ban hành"), ("effective", "có hiệu lực từ")) if meta.get(key))
            lines.append(f"{doc_label(meta)}: tình trạng {status}{dates} [{n}]. {effect.citation_label}: {effect.text}")
        return self._finish(lines, citations, question, snapshot)

    def _finish(self, lines: list[str], citations: list[Citation], question: str, snapshot) -> Answer:
        """The answer text, the support-level summary and checker pointer where they apply, then the currency
        warnings of the documents it cites (and, for support levels, of every superseded table of levels)."""
        support_question = support_levels.is_support_question(question)
        lines = lines + (_level_summary(citations, snapshot) if support_question else []) + _checker_pointer(question)
        warnings = self._warnings(citations, snapshot)
        if support_question:
            for doc_id in dict.fromkeys(r.doc_id for r in support_levels.table(snapshot) if r.status == "superseded"):
                warning = currency_warning(snapshot.documents.get(doc_id, {}))
                if warning and warning not in warnings:
                    warnings.append(warning)
        text = "\n".join(lines) + "".join(f"\n\n⚠ {w}" for w in warnings)
        return Answer(answer=text, refused=False, citations=citations, warnings=warnings,
                      standalone_question=question)

    def _citation(self, n: int, result: SearchResult, snapshot) -> Citation:
        c = result.chunk
        meta = snapshot.documents.get(c.doc_id, {})
        return Citation(n=n, chunk_id=c.id, doc_id=c.doc_id, title=c.title, number=c.number, locator=c.locator,
                        text=c.text, score=round(result.score, 4), status=c.status, source=meta.get("source"),
                        issued=meta.get("issued"), effective=meta.get("effective"))

    def _warnings(self, citations: list[Citation], snapshot) -> list[str]:
        warnings = []
        for citation in citations:
            warning = currency_warning(snapshot.documents.get(citation.doc_id, {}))
            if warning and warning not in warnings:
                warnings.append(warning)
        return warnings

    # Streaming (added on the `structure` branch for /api/ask/stream; the lead owns this module) ---------------
    def stream(self, question: str, history: list[dict] | None = None):
        """("delta", text) as the LLM writes its answer, then ("done", Answer) with the final, guarded answer.
        Without an LLM the extractive answer is given line by line. `ask` runs in a worker thread over a
        per-call Answerer whose LLM hands each piece to a queue; the guards still judge the full text."""
        # Imported here so that this block merges as one piece with the lead's version of the module.
        import queue
        from concurrent.futures import ThreadPoolExecutor

        from assistant.answer.llm import StreamingLLM

        if self.llm is None:
            answer = self.ask(question, history)
            for line in answer.answer.splitlines(keepends=True):
                yield "delta", line
            yield "done", answer
            return
        pieces: queue.Queue[str] = queue.Queue()
        streaming = Answerer(self.searcher, StreamingLLM(self.llm, pieces.put), mode=self.mode)
        with ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(streaming.ask, question, history)
            while not (future.done() and pieces.empty()):
                try:
                    yield "delta", pieces.get(timeout=0.05)
                except queue.Empty:
                    continue
            yield "done", future.result()
