"""Scope: whether the corpus can answer a question, and, when it cannot, a refusal that says what is missing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.approval import asks_approver
from assistant.answer.currency import doc_label
from assistant.answer.evidence import DOC_NUMBER, TermScorer, content_terms, values_of
from assistant.answer.question import Intent, defined_term, years_in
from assistant.config import Settings
from assistant.documents.units import split_units
from assistant.domain import definitions
from assistant.search.references import References, dated, resolve
from assistant.search.retrieval import SearchResult
from assistant.text import fold, is_unaccented, nfc

# Near-domain topics users bring to a khuyến công assistant. One is refused only while no indexed text mentions it,
# so a document uploaded later brings its topic into scope.
NEAR_TOPICS = ("khuyến nông", "khuyến ngư", "khuyến lâm", "chăn nuôi", "trồng trọt", "nuôi tôm", "nuôi cá",
               "trồng lúa", "lúa gạo", "giống cây", "phân bón hữu cơ", "thuế thu nhập doanh nghiệp",
               "thuế thu nhập cá nhân", "thuế giá trị gia tăng", "thuế môn bài", "thuế khoán", "hoàn thuế",
               "miễn thuế", "giảm thuế", "đất đai", "thuê đất", "giao đất", "sổ đỏ", "giấy phép xây dựng",
               "bảo hiểm xã hội", "bảo hiểm xã hội tự nguyện", "bảo hiểm y tế",
               "bảo hiểm thất nghiệp", "trợ cấp thất nghiệp", "lương tối thiểu", "visa", "học phí", "giá vàng",
               "nhà ở xã hội", "đóng bảo hiểm", "miễn tiền thuê đất", "tiền thuê đất", "thế chấp", "hải quan",
               "thủ tục xuất khẩu", "giá điện", "lãi suất ngân hàng", "agribank", "vietcombank",
               "bảo lãnh tín dụng", "quỹ bảo lãnh", "trồng rừng", "rừng trồng", "héc-ta", "covid", "dịch bệnh",
               "thủy lợi", "chứng khoán", "bất động sản", "khởi nghiệp sáng tạo", "lệ phí", "môn bài",
               "giấy phép môi trường", "đăng ký môi trường", "tác động môi trường", "ngân hàng chính sách",
               "tín dụng chính sách", "nuôi bò", "nuôi lợn", "nuôi heo", "nuôi gà", "phòng cháy", "chữa cháy",
               "hợp đồng lao động", "hóa đơn điện tử", "luật hỗ trợ doanh nghiệp nhỏ và vừa",
               "chuyển mục đích sử dụng đất", "nghệ nhân nhân dân", "nghệ nhân ưu tú", "danh hiệu nghệ nhân",
               # OCOP's star ranks; not 'mấy sao', which folds as 'máy sao' (a tea roaster)
               "hạng sao", "xếp sao", "bao nhiêu sao", "ocop 3 sao", "ocop 4 sao", "ocop 5 sao",
               "agricultural extension", "corporate income tax", "land use", "social insurance", "minimum wage",
               "star rating", "star ranking", "certificate of origin", "chứng nhận xuất xứ", "c/o form",
               "construction permit", "building permit", "value added tax", "value-added tax", "vat rate",
               "income tax", "tax rate", "tax exemption", "tax incentive", "tax incentives", "health insurance",
               "unemployment", "import duty", "export duty", "customs", "livestock", "aquaculture", "forestry",
               "mortgage", "electricity price", "tuition", "work permit", "vat refund", "tax refund",
               "tax declaration", "tax registration", "land rent", "land rental", "per square meter",
               "per square metre", "thuế suất",
               "labour contract", "labor contract", "real estate", "stock market", "hộ nghèo", "poor household",
               "bank for social policies", "social policy bank", "policy bank")
PROVINCES = {fold(p): p for p in (
    "An Giang|Bà Rịa|Vũng Tàu|Bắc Giang|Bắc Kạn|Bạc Liêu|Bắc Ninh|Bến Tre|Bình Định|Bình Dương|Bình Phước|"
    "Bình Thuận|Cà Mau|Cần Thơ|Cao Bằng|Đà Nẵng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|Đồng Tháp|Gia Lai|Hà Giang|"
    "Hà Nam|Hà Nội|Hà Tĩnh|Hải Dương|Hải Phòng|Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|"
    "Lai Châu|Lâm Đồng|Lạng Sơn|Lào Cai|Long An|Nam Định|Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|"
    "Quảng Bình|Quảng Nam|Quảng Ngãi|Quảng Ninh|Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|"
    "Thanh Hóa|Thừa Thiên Huế|Tiền Giang|Hồ Chí Minh|Sài Gòn|Trà Vinh|Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái"
).split("|")}


def _defined(question: str, intent: Intent, generation) -> bool:
    """A definition question whose term the rules define is in scope however far its words ('Đề án điểm là loại đề
    án như thế nào?' for 'Đề án khuyến công quốc gia điểm')."""
    return intent.type == "definition" and definitions.lookup(generation, defined_term(question)) is not None


# At most this share of a question's own terms (its document's title aside) in the stored part of a partial document:
# what is asked is in the missing part (folded syllables collide, 'nơi nhận' holds the 'noi' of 'nội dung').
UNSTATED_SHARE = 0.5


@dataclass
class Refusal:
    """Why the corpus cannot answer (Vietnamese, for the user)."""

    reason: str


def corpus_text(generation) -> str:
    """Every chunk's title, context and text, accent-folded, once per generation (for topic and place tests)."""
    return generation.view("folded_text", lambda g: fold("\n".join(f"{c.title} {c.context} {c.text}"
                                                                     for c in g.chunks)))


def covered_documents(generation) -> str:
    """The documents the refusal lists, derived from the index: legal texts by số hiệu, then the others' count."""
    legal, other = [], 0
    for meta in generation.documents.values():
        if meta.get("number"):
            legal.append(doc_label(meta))
        else:
            other += 1
    shown = ", ".join(sorted(legal)[:3]) + (", …" if len(legal) > 3 else "")
    return f"{len(legal)} văn bản quy phạm ({shown})" + (f" và {other} kế hoạch, tin bài" if other else "")


def refusal_text(refusal: Refusal, generation) -> str:
    """The refusal shown to the user: what is missing, then what the corpus holds."""
    return (f"Xin lỗi, tôi không tìm thấy câu trả lời trong các văn bản hiện có ({refusal.reason}).\n"
            f"Kho hiện có {covered_documents(generation)}: bạn có thể hỏi về đối tượng, điều kiện, mức hỗ trợ, "
            "trình tự, trách nhiệm và hiệu lực của các văn bản này.")


# Extension programmes of other sectors: a question about one of them, not naming khuyến công, is not about the corpus.
_OTHER_PROGRAMME = re.compile(r"\bkhuyen (nong|ngu|lam)\b")
_PROGRAMMES = {"nong": "khuyến nông", "ngu": "khuyến ngư", "lam": "khuyến lâm"}
_OUR_PROGRAMME = re.compile(r"\b(khuyen cong|cong thuong|cong nghiep)\b")
# 'Nghị định 235/2025 sửa những gì của Nghị định 45?', 'Thông tư 20/2017 sửa đổi Thông tư 46 ở điểm nào?': what an
# amending text changes is written in that text.
_CHANGES_ASKED = re.compile(r"\b(sua(?: doi)?(?: bo sung)? (?:nhung |cac )?(?:gi|cai gi|nhung diem|nhung noi dung)|"
                            r"sua doi\b.{0,60}\b(?:diem|noi dung|dieu|khoan|quy dinh) nao|diem moi|"
                            r"thay doi (?:nhung )?gi|(?:what|which)\b.{0,50}\b(?:change|amend)|what'?s new)\b")
# 'Nghị quyết 23/2025 quy định về nội dung gì?' asks what a text is about, which its title says.
_SUBJECT_ASKED = re.compile(r"\b(?:quy dinh|ve) (?:ve )?(?:noi dung|van de|viec|linh vuc|nhung) gi\b")
_RESULTS = re.compile(r"\b(ket qua|da ho tro|da thuc hien|dat duoc|thuc hien duoc|chi tieu|dinh huong|trong tam|"
                      r"bao nhieu (luot|doanh nghiep|co so|de an|lop|hoi cho))\b")


# A province named as the place of a plan, resolution, body or support ('khuyến công của tỉnh Bắc Ninh') is asked about.
_ITS_OWN = (r"(ke hoach|nghi quyet|quyet dinh|ubnd|uy ban nhan dan|so cong thuong|hdnd|chuong trinh|khuyen cong|"
            r"kinh phi|muc ho tro|muc chi)\s+(?:\S+\s+){0,4}")
_CITY = r"(?:(?:tinh|thanh pho|tp)\s+)?"


def _names_province(question: str, province: str) -> bool:
    """Whether a question names the province (folded key of PROVINCES); read with its diacritics when it has them,
    since 'tuyển quặng' (ore dressing) folds into 'tuyen quang'."""
    if is_unaccented(question):
        return bool(re.search(rf"\b{province}\b", fold(question)))
    return bool(re.search(rf"(?<!\w){re.escape(PROVINCES[province])}(?!\w)", nfc(question), re.IGNORECASE))


def _located(folded: str, province: str) -> bool:
    """'hộ kinh doanh … ở Bắc Kạn', 'một huyện vùng cao của Yên Bái': where the asker is, whose national rules still
    answer; not a question about the province's own plan, resolution, budget or results."""
    if _RESULTS.search(folded):
        return False
    if re.search(rf"\b(?:o|tai)\s+{_CITY}{province}\b", folded):  # 'đề án khuyến công của tôi ở Yên Bái'
        return True
    if re.search(rf"\b{_ITS_OWN}(?:cua\s+)?{_CITY}{province}\b", folded):
        return False
    # 'ở huyện Chương Mỹ (Hà Nội)': the province in brackets after the place
    return bool(re.search(rf"\b(o|tai|thuoc)\s+(?:\S+\s+){{0,4}}?\(?{_CITY}{province}\b", folded)
                or re.search(rf"\b(huyen|xa|thon|lang|vung|phuong)\b(?:\s+\S+){{0,3}}\s+cua\s+{_CITY}{province}\b",
                             folded))


class ScopeJudge:
    """Decides whether retrieved passages can answer a question (see README, refusal)."""

    def __init__(self, settings: Settings, lexical_only: bool = False):
        self.settings = settings
        self.lexical_only = lexical_only  # a BM25-only baseline has no similarity to judge scope by

    def judge(self, question: str, intent: Intent, results: list[SearchResult], refs: References, named: list[str],
              generation, terms: TermScorer, expanded: bool = False) -> Refusal | None:
        """A refusal when the corpus cannot answer, None when it can."""
        if not results:
            return Refusal("không tìm thấy nội dung liên quan")
        if refs.documents and not named:
            names = ", ".join(f"số {r.number}" + (f"/{r.year}" if r.year else "") for r in refs.documents)
            return Refusal(f"văn bản {names} chưa có trong kho")
        if (missing := self._partial(intent, results, named, generation)) is not None:
            return missing
        if (missing := self._absent_amendment(question, refs, named, generation)) is not None:
            return missing
        if (missing := self._unstated(question, intent, named, generation)) is not None:
            return missing
        corpus = corpus_text(generation)
        folded = fold(question)
        for topic in NEAR_TOPICS:
            if re.search(rf"\b{fold(topic)}\b", folded) and fold(topic) not in corpus:
                return Refusal(f"kho văn bản không có nội dung về «{topic}»")
        # a passage may name khuyến nông among the programmes funds come from; it says nothing of that programme
        if (other := _OTHER_PROGRAMME.search(folded)) and not _OUR_PROGRAMME.search(folded) and not refs.documents:
            return Refusal(f"kho chỉ có văn bản về khuyến công, không có quy định về {_PROGRAMMES[other.group(1)]}")
        if not refs.documents and self._far(question, intent, results, terms, expanded) \
                and not _defined(question, intent, generation):
            return Refusal("câu hỏi nằm ngoài phạm vi các văn bản khuyến công trong kho")
        seen = fold(" ".join(f"{r.chunk.title} {r.chunk.context} {r.chunk.text}" for r in results))
        asked_places = [p for p in PROVINCES if _names_province(question, p) and not _located(folded, p)]
        for province in asked_places:
            if re.search(rf"\b{province}\b", seen):
                continue
            # the province's own text, though not retrieved ('Phú Thọ hỗ trợ … bao nhiêu?' of a resolution whose
            # stored part holds no level): what it lacks is said of it
            own = [d for d, meta in generation.documents.items()
                   if re.search(rf"\b{province}\b", fold(f"{meta.get('title')} {meta.get('issuer')}"))]
            if not own:
                return Refusal(f"kho chưa có văn bản khuyến công của {PROVINCES[province]}")
            if (missing := self._partial(intent, results, own, generation)) is not None:
                return missing
        # A year the corpus never mentions leaves a question about that year's plan or results unanswered; a rule
        # question that merely names the year it applies to ('khi lập kế hoạch năm 2027 …') is answered by the rule.
        # The year may be written in another passage of a retrieved document ('Năm 2022 …' opens what follows).
        if asked_places or _RESULTS.search(folded):
            read = [c.text for d in {r.chunk.doc_id for r in results} for c in generation.document_chunks(d)]
            for year in years_in(question):  # digits: no folding needed
                if year not in seen and not any(year in text for text in read):
                    return Refusal(f"kho chưa có số liệu, văn bản cho năm {year}")
        return None

    @staticmethod
    def _partial(intent: Intent, results: list[SearchResult], named: list[str], generation) -> Refusal | None:
        """'Theo Nghị quyết 23/2025 …, mức chi … là bao nhiêu?' when the corpus holds only part of that document
        and no stored passage of it states a value of the asked kind: the value is in the part that is missing."""
        kinds = {"amount": "mức chi, mức hỗ trợ", "count": "số liệu", "date": "thời hạn", "duration": "thời hạn"}
        partial = [d for d in named if generation.document(d).get("complete") is False]
        if intent.type not in kinds or not partial or len(partial) < len(named):
            return None
        if any(values_of(r.chunk.text, intent.type) for r in results if r.chunk.doc_id in partial):
            return None
        label = doc_label(generation.document(partial[0]))
        return Refusal(f"kho chỉ có một phần văn bản {label}, phần đó không nêu {kinds[intent.type]} cụ thể")

    @staticmethod
    def _absent_amendment(question: str, refs: References, named: list[str], generation) -> Refusal | None:
        """'Nghị định 235/2025 sửa những gì của Nghị định 45?' when the amending text is not in the corpus: its changes
        are unknown here; what the corpus knows is that it amends the named document."""
        if not named or not _CHANGES_ASKED.search(fold(question)):
            return None
        keys = generation.document_keys()
        absent = [ref for ref in refs.documents if not resolve(References([ref]), keys)]
        if not absent:
            return None
        number = f"{absent[0].number}/{absent[0].year}" if absent[0].year else str(absent[0].number)
        reason = f"văn bản số {number} chưa có trong kho, nên chưa nêu được nội dung nó sửa đổi"
        for doc_id in named:
            meta = generation.document(doc_id)
            amending = " ".join(meta.get("amended_by") or [])
            if number in f"{amending} {meta.get('superseded_by') or ''}":
                label = doc_label(meta)
                verb = "sửa đổi, bổ sung" if number in amending else "thay thế"
                return Refusal(f"{reason}; kho chỉ ghi văn bản này {verb} {label}")
        return Refusal(reason)

    @staticmethod
    def _unstated(question: str, intent: Intent, named: list[str], generation) -> Refusal | None:
        """'Mục tiêu của Chương trình khuyến công quốc gia giai đoạn 2026 - 2030 là gì?' when the corpus holds only
        the decision approving it: most of what is asked, the document's title aside, is in none of its stored
        passages."""
        if intent.type in ("validity", "document", "date", "comparison") or intent.slots.get("language") == "en" \
                or _SUBJECT_ASKED.search(fold(question)) or asks_approver(question):
            # an English question's words are in no Vietnamese passage; a title says what a text is about, and a
            # preamble who approved it
            return None
        asked_years = set(years_in(question))
        # a title named by all its years ('giai đoạn 2026 - 2030'), not a year it shares ('năm 2026 có bình chọn …')
        documents = named or [d for d in dated(question, generation.documents)
                              if set(years_in(generation.document(d).get("title") or "")) <= asked_years]
        partial = [d for d in documents if generation.document(d).get("complete") is False]
        if not partial or len(partial) < len(documents):
            return None
        metas = [generation.document(d) for d in partial]
        titled = {t for meta in metas for t in content_terms(meta.get("title") or "")}
        asked = [t for t in content_terms(DOC_NUMBER.sub(" ", question)) if t not in titled and not t.isdigit()]
        stored = set(content_terms(" ".join(c.text for d in partial for c in generation.document_chunks(d))))
        if not asked or sum(t in stored for t in asked) > UNSTATED_SHARE * len(asked):
            return None
        label = doc_label(metas[0])
        return Refusal(f"kho chỉ có một phần văn bản {label}, phần đó không nêu nội dung được hỏi")

    def _far(self, question: str, intent: Intent, results: list[SearchResult], terms: TermScorer,
             expanded: bool) -> bool:
        """Whether nothing retrieved is about the question.

        English questions reach the corpus only through the glossary: none of its terms, nothing to answer from.
        Otherwise the dense similarity decides, unless under the floor the question's own words say it is about the
        corpus's topics (a supported activity, a trade, an establishment asking about support), or one passage holds
        nearly every term of the question and its phrases."""
        english = intent.slots.get("language") == "en"
        if english and not expanded:
            return True
        if self.lexical_only:
            return False
        s = self.settings
        if max(r.dense for r in results) >= (s.refusal_min_dense_english if english else s.refusal_min_dense):
            return False
        if intent.slots.get("activity") or intent.slots.get("trade_group") or intent.slots.get("ward_from_commune") or (
                intent.slots.get("entity_type") and intent.type in ("eligibility", "amount", "yes_no")):
            return False
        texts = [r.chunk.text for r in results]
        question_terms = content_terms(question)
        best = max((terms.coverage(question_terms, unit) for r in results for unit in split_units(r.chunk.text)),
                   default=0.0)
        return not (best >= s.refusal_evidence and terms.pair_coverage(question, texts) >= s.refusal_min_pairs)

