"""The Answerer orchestrates one answer: standalone question -> intent -> retrieval -> scope -> evidence -> lead,
short quotes and citations (or a refusal, a validity answer, an eligibility verdict)."""

from __future__ import annotations

import queue
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field

from assistant.answer import compose, lists
from assistant.answer.approval import approval_lead
from assistant.answer.caps import beyond_cap
from assistant.answer.compose import Composition, Quote
from assistant.answer.currency import currency_warning, doc_label, short_warning
from assistant.answer.evidence import (
    DOC_NUMBER,
    Evidence,
    EvidenceRanker,
    Weights,
    addresses,
    asked_holder,
    asked_instalment,
    asked_role,
    asks_floor,
    content_terms,
    floors,
    levels_named,
    says_instalment,
    term_scorer,
    values_of,
)
from assistant.answer.followup import (
    asks_the_same_of,
    continues,
    previous_topic,
    standalone_question,
    unheard_words,
)
from assistant.answer.levels import level_lead
from assistant.answer.llm import LLMClient, LLMUnavailable, Source, StreamingLLM
from assistant.answer.parts import (
    asks_something,
    each_sides,
    level_sides,
    names_both_schemes,
    parallel_sides,
    parts,
    quoted_sides,
    scheme_sides,
    sides,
)
from assistant.answer.question import (
    Intent,
    analyze,
    asks_list,
    asserted_kinds,
    checks_claim,
    defined_term,
    ends_yes_no,
    membership_term,
)
from assistant.answer.remit import asks_remit, remit_lead
from assistant.answer.scope import ScopeJudge, refusal_text
from assistant.answer.validity import (
    asks_amendment,
    asks_effect,
    asks_issue_date,
    asks_proposer,
    asks_replaced,
    asks_signer,
    asks_successor,
    asks_validity,
    dated_line,
    dated_passage,
    dated_title_named,
    described,
    document_sentence,
    effect_chunk,
    effect_line,
    issued_phrase,
    issuer_sentence,
    mention_of,
    proposal_line,
    replacement_claim,
    replaces,
    replacing_clause,
    status_sentence,
    successor_asked,
    successor_sentence,
    vietnamese_date,
)
from assistant.answer.verdict import (
    asks_priority,
    asks_verdict,
    decide,
    funded_already,
    not_twice,
    priority_verdict,
    product_verdict,
    recognition_verdict,
)
from assistant.answer.verdict import follow_up as clarified_question
from assistant.documents.chunking import article_of, references_within_article
from assistant.documents.units import split_units, strip_mark
from assistant.domain import definitions, regions
from assistant.domain.eligibility import CitationMissing
from assistant.search.duties import body_named, duty_positions
from assistant.search.glossary import asked_in_english, english_terms, expand_english, expand_query
from assistant.search.query import names_title
from assistant.search.references import (
    DOC_KINDS,
    References,
    parse_references,
    quoted_phrases,
    resolve,
    title_words,
    titled,
)
from assistant.search.retrieval import Retrieval, Searcher, SearchResult
from assistant.search.shorthand import expand_shorthand
from assistant.text import fold, is_unaccented, nfc, words

# '… được xác định theo văn bản nào?' asks one document ('căn cứ những văn bản nào?' several); folded
_WHICH_DOCUMENT = re.compile(r"\btheo (?:van ban|nghi dinh|thong tu|nghi quyet|quyet dinh|cong van) (?:nao|so may)\b")
# '… còn hiệu lực không?', '… hiện nay vẫn là …?' ask whether a text is current; folded
_CURRENT_ASKED = re.compile(r"\b(?:con hieu luc|con ap dung|(?:hien nay|hien tai|bay gio) van la|still valid|"
                            r"still in force)\b")
LIST_TYPES = compose.LIST_TYPES
_CASE = re.compile(r"^(?:[a-zđ]\)\s*|\d+\.\s*|-\s*)?(?:trong )?(?:trường hợp|nếu)\b", re.IGNORECASE)
_STATES_CASE = re.compile(r"\b(thi|neu|truong hop|khi)\b")
# How much of a claim's focus a text stating the claimed value must cover to confirm it (dev: the two "Đúng." of
# 1598 answers, both wrong, covered 0.0 and 0.54; yes_no_prefix asks the same 0.75 of a "Có.").
CONFIRM_COVERAGE = 0.75
# How far down the ranked units the case of the activity a question describes is looked for, when it asks for papers
# (dev 1958: 10 and 30 both +3 -1).
ACTIVITY_CASE_UNITS = 10
_PAPERS_ASKED = re.compile(r"\b(giay to|ho so|tai lieu|chung tu)\b")
CASE_UNITS = 2  # how far down the ranked units a case the question names is looked for (dev: 10 gave −5 +3)
_IS_WHAT = re.compile(r"^[^,;?]{6,80}\s+la (?:ai|gi)\W*$")  # '<term> là ai?', nothing else asked
# A term and nothing asked of it, as a comparison's side is ('kinh phí khuyến công quốc gia?'); folded.
_BARE_TERM = re.compile(r"^(?!.*\b(?:gi|nao|sao|bao nhieu|ai|khong|dau|may|khi|the|hay)\b)[\w ]{6,80}\?$")
_ASPECT_NAMED = re.compile(r"\sve\s\w")  # '… quốc gia về nguồn ngân sách bảo đảm?' asks that of it, not what it is
# Chat words no document uses, which say nothing of a follow-up's subject ('Học xong thì …'); folded.
_CHAT_WORDS = frozenset({"xong", "roi", "nhe", "nha", "oi", "ad", "mn"})
_ENUMERATES = re.compile(r"\b(?:bao )?gồm\b")
# 'Sau 10 năm thực hiện Nghị định 45, Hà Nội đã tổ chức bao nhiêu lớp?' asks results achieved under it, not its text
# ('Trách nhiệm thực hiện Nghị định 45 …' does).
_IMPLEMENTING = re.compile(r"\b(thuc hien|trien khai|implementing|implementation of)\s+(nghi dinh|thong tu|quyet dinh|"
                          r"nghi quyet|decree|circular|decision)\b.*\b(da|bao nhieu|ket qua|how many|did)\b|"
                          r"\b(\d+ nam|ket qua|over|after)\b.*\b(thuc hien|trien khai|implementing|theo|under)\s+"
                          r"(nghi dinh|decree)\b")
# ('được phê duyệt theo quyết định nào?' asks the approving document itself; 'ban hành theo nghị định nào?' the
# basis a passage cites)
_CITES = re.compile(r"\b(can cu|ap dung|thuc hien theo|dan chieu|quy dinh tai|"
                    r"(?<!duyet )theo (van ban|quyet dinh|nghi dinh|thong tu|nghi quyet)|"
                    # '… theo chế độ báo cáo của thông tư nào?'
                    r"(?<!duyet )theo\b[^?,]{0,40}\bcua (?:van ban|quyet dinh|nghi dinh|thong tu|nghi quyet) nao)\b")


def _recorded_effect(label: str, meta: dict, chunks: list) -> Composition | None:
    """'Nghị quyết 23/2025/NQ-HĐND có hiệu lực từ ngày 01 tháng 1 năm 2026 …' from the document's record, when the
    part of it the corpus holds has no article saying so; None without that date or any passage to cite."""
    if not meta.get("effective") or not chunks or meta.get("complete") is not False:
        return None  # a whole text says it in its own words, which other readings find
    composition = Composition(lead="", cited=[])
    n = composition.number(chunks[0])
    effective = vietnamese_date(meta["effective"])
    composition.lead = (f"{label} có hiệu lực từ {effective} (theo thông tin văn bản; phần văn bản trong kho "
                        f"không có điều khoản hiệu lực) [{n}].")
    return composition


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
    """The /api/ask response: the lead that answers, the proof, and the whole cited passages."""

    answer: str
    refused: bool
    lead: str = ""
    quotes: list[dict] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    standalone_question: str = ""
    intent: dict = field(default_factory=dict)
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """JSON-ready dict."""
        return asdict(self)


# a date or duration another document states is that document's ('Nghị định X có hiệu lực từ ngày nào?')
_VALUED = ("amount", "percent", "count")


def _of_named(usable: list, named: list[str], asked: str) -> list:
    """The passages of the documents a question names, unless none of them states a value of the kind asked and
    another passage does ('ưu tiên theo Điều 6 Nghị định 45/2012 … cao hơn tối đa bao nhiêu?': the decree sets the
    priority, the circular applying it its '1,5 lần mức hỗ trợ')."""
    own = [r for r in usable if r.chunk.doc_id in named]
    if asked in _VALUED and not any(values_of(unit, asked) for r in own for unit in split_units(r.chunk.text)) \
            and any(values_of(unit, asked) for r in usable for unit in split_units(r.chunk.text)):
        return usable
    return own or usable


# An article's opening naming what every case sends before the cases' own lists ('… phải gửi về Cục …: Biên bản
# nghiệm thu cơ sở …; báo cáo … và … các tài liệu, chứng từ dưới đây:'); folded.
_COMMON_PAPERS = re.compile(r"\b(?:phai gui|phai nop|ho so gom)\b[^.]*:\s*\S[^.]*;[^.]*:\s*$")


def _with_common_papers(case: Composition, chunk, generation) -> Composition:
    """One case's papers after those its article's opening asks of every case, when the case is a khoản of an
    article whose opening names them ('Biên bản nghiệm thu cơ sở …; báo cáo tổng hợp …' before 'Đề án hỗ trợ ứng dụng
    máy móc tiên tiến: Hợp đồng, …')."""
    article = generation.chunk(article_id) if (article_id := article_of(chunk.id)) else None
    found = _COMMON_PAPERS.search(fold(article.text)) if article is not None else None
    if found is None:
        return case
    sentence_start = article.text.rfind(". ", 0, found.start()) + 1
    common = compose.tidy(re.sub(r"\s*(?:và\s+)?bản chính[^;:]*dưới đây:\s*$", "", article.text[sentence_start:]))
    every_case = Composition(lead=f"{compose.sentence(common)} [1].", cited=[article], units=[article.text.strip()])
    return compose.joined([every_case, case])


def _with_referenced_clause(composition: Composition, unit: str, chunk, generation) -> None:
    """The lead goes on with what the khoản its unit points to says: 'Trường hợp …, hồ sơ thực hiện theo quy định tại
    khoản 2 Điều này [1]. Khoản 2 (Hồ sơ đề nghị công nhận làng nghề) gồm 3 nội dung: … [2].'"""
    # '… hồ sơ thực hiện theo quy định tại khoản 2 Điều này.': the unit's whole content is another khoản
    pointed = next((ref for ref in references_within_article(unit, chunk.id)[-1:] if ref.closes and not ref.point),
                   None)
    referenced = generation.chunk(pointed.clause_id) if pointed else None
    units = split_units(referenced.text) if referenced is not None else []
    if not units or referenced.id == chunk.id or referenced.text.strip() in composition.units:
        return
    n = composition.number(referenced)
    heading = lists.item_heading(lists.TRAILING_GOM.sub("", strip_mark(units[0]).rstrip(" :.")))
    items = [item for item in lists.items_of(referenced.text) if item != units[0]]  # its heading is no item
    # a khoản cut into one chunk per điểm lists in its điểm
    items = items or [text for _, text in lists.point_items(generation.chunk(f"{referenced.id}-a") or referenced,
                                                             generation.chunk)]
    if len(items) >= 2:
        listed = lists.list_lead(items, n)
        said = f"Khoản {pointed.clause} ({heading}) {listed[:1].lower()}{listed[1:]}"
    else:
        text = strip_mark(referenced.text.strip())
        clause = compose.clause_for(text, "fact", text, compose.SECOND_CHARS)
        said = f"Khoản {pointed.clause}: {compose.sentence(clause)} [{n}]."
    composition.lead = f"{composition.lead} {said}"
    composition.units.append(referenced.text.strip())


def _reference_name(ref) -> str:
    """How a document reference is named in an answer: 'Nghị định 66/2006', 'văn bản số 12'."""
    name = DOC_KINDS[ref.kind][0] if ref.kind in DOC_KINDS else "văn bản số"
    return name + f" {ref.number}" + (f"/{ref.year}" if ref.year else "")


OTHER_CLAIM_UNITS = 6  # how far down the ranked units the value of a claim's other part is looked for


def _with_other_claims(composition: Composition, question: str, focus: str, ranked: list[Evidence], chunks: list,
                       weight) -> None:
    """The lead goes on with the unit stating each other kind of value a claim asserts, when the lead states none:
    '… trước 30/6 hằng năm và chỉ cần nộp 1 bộ, đúng không?' is checked for its date as well as its count."""
    for kind in asserted_kinds(question)[1:]:
        if kind == "body" or values_of(" ".join(composition.units), kind):
            continue
        found = next((e for e in ranked[:OTHER_CLAIM_UNITS] if e.text not in composition.units
                      and values_of(e.text, kind)), None)
        if found is None:
            continue
        chunk = chunks[found.chunk_index]
        clause = compose.clause_for(compose.headed(found.text, chunk, kind), kind, focus, compose.SECOND_CHARS, weight)
        composition.lead = f"{composition.lead[:-1]}; {compose.sentence(clause)} [{composition.number(chunk)}]."
        composition.units.append(found.text)
        if compose.premise_check(question, found.text, kind) is False:  # one part of the claim is wrong: all of it
            composition.lead = re.sub(r"^Đúng\. ", "Không. ", composition.lead)


def _defining(text: str, term: str) -> str:
    """The sentence defining a term, and those after it that go on about the term by its name ('Đề án khuyến công là
    … . Đề án khuyến công có mục tiêu, nội dung và đối tượng thụ hưởng, …'), as long as they fit DEFINITION_CHARS."""
    sentences = re.split(r"(?<=\.)\s+", text)
    said = sentences[0]
    for sentence in sentences[1:]:
        goes_on = re.match(rf"{re.escape(fold(term))} (?:co|la|duoc|phai|gom)\b", fold(sentence).lower())
        if not goes_on or len(said) + 1 + len(sentence) > DEFINITION_CHARS:
            break
        said = f"{said} {sentence}"
    return said


def _quoted_terms(question: str, intent: Intent) -> list[str]:
    """"… được xem là 'A' hay 'B'?" asked of each term; [] unless a definition is asked ('nộp "bản sao" hay "bản
    chính"?' asks which)."""
    return quoted_sides(question) if intent.type == "definition" else []


def value_type(intent: Intent) -> str:
    """The kind of value that answers: the one a yes/no question asserts ('… 90% phải không?'), else its type."""
    return intent.slots.get("asserts") or intent.type


# 'bao nhiêu phần trăm', 'bn %', '… 30% đúng không?' with no sum of money: only a percentage answers
_PERCENT = re.compile(r"%|\bphan tram\b|\bty le\b|\bpercent(age)?\b|\bas a share\b")
_MONEY = re.compile(r"\b(trieu|ty(?! le)|nghin|dong|tien|usd)\b|\bmuc (ho tro|chi)\b")


def _one_item(chunk, item: str, shown: str | None = None) -> Composition:
    """One list item answering alone ('Đề án tổ chức các cuộc thi, cuộc vận động: Quyết định thành lập Ban Tổ chức,
    Ban Giám khảo; … [1].'), shown whole up to a list lead's room, or as `shown`."""
    composition = Composition(lead="", cited=[])
    text = strip_mark(item)
    clause = shown or (text.rstrip(" .;") if len(text) <= lists.LIST_CHARS else
                       compose.clause_for(text, "fact", lists.case_heading(item), lists.LIST_CHARS))
    composition.lead = f"{compose.sentence(clause)} [{composition.number(chunk)}]."
    composition.units.append(item)
    return composition


def _states_value(unit: str, kind: str) -> bool:
    """Whether a unit states a value of the asked kind, a count or an amount."""
    return any(values_of(unit, k) for k in (kind, "count", "amount"))


def _opens_paragraphs(unit: str, kind: str) -> bool:
    """Whether a unit only opens what follows it ('Một số kết quả nổi bật … năm 2022:'), stating no value itself."""
    return unit.rstrip().endswith(":") and not _states_value(unit, kind)


def ranked_type(intent: Intent, question: str) -> str:
    """The value type units are ranked on: an amount asked or asserted as a percentage is a percentage."""
    kind = value_type(intent)
    folded = fold(DOC_NUMBER.sub(" ", question)).lower()
    return "percent" if kind == "amount" and _PERCENT.search(folded) and not _MONEY.search(folded) else kind


# How many of the whole question's passages join each part's own (dev 1508: 0 gave lead 0.856, 1 0.858, 2 0.857,
# 3 0.856, 4 0.856).
WHOLE_PASSAGES = 1
CONTINUED_STRANGE = 1  # words the corpus never uses that a continuation may carry its topic over
DEFINITION_CHARS = 480  # a definition is the whole answer: its one sentence is said whole when it is this short
# 'mỗi hội đồng', 'từng cấp': what is asked is asked of each side the question names.
_EACH_ONE = re.compile(r"(?<!\w)(?:mỗi|từng)(?!\w)", re.IGNORECASE)
# An Điều listed by its khoản, each a chunk of its own, has at least this many.
ARTICLE_ITEMS = 3
DUTY_LEADERS = 2  # khoản of a named body's duties that join the passages
HEADED = 0.7  # the share of a list question's term weight a khoản heading says for its điểm to answer it
# What a body's Điều lists khoản by khoản ('Nhiệm vụ và quyền hạn'); folded. 'hoạt động', 'nội dung' name a kind of
# support, which one khoản lists.
_DUTIES = {"nhiem vu", "quyen han", "trach nhiem", "chuc nang"}


def _other_level(question: str, best: str, other: str) -> bool:
    """'… cấp tỉnh và cấp quốc gia … định kỳ mấy năm một lần?': the other unit states a level the question names
    and the best unit does not."""
    asked = levels_named(question)
    return len(asked) > 1 and bool((levels_named(other) & asked) - levels_named(best))


# the words naming whom a side's difference is of, kept before it ('đơn vị | không lập …', 'cấp | huyện')
_SIDE_HEADS = ("don vi", "co so", "doanh nghiep", "de an", "lang nghe", "khuyen cong", "cap")
# a difference of yes and no needs the words it qualifies ('có / không lập hóa đơn tài chính')
_POLARITY = {"co", "khong"}


def _side_labels(sides: list[str]) -> list[str]:
    """What tells two sides apart, with the head word it qualifies ('Cấp huyện', 'Cấp tỉnh' of '… cấp huyện / cấp
    tỉnh gồm những gì?'); a yes-or-no difference keeps the words after it ('Đơn vị không lập hóa đơn tài chính').
    Empty labels unless both sides have one of at least two words."""
    said = [side.rstrip(" ?.").split() for side in sides]
    if len(said) != 2:
        return ["" for _ in sides]
    pairs = list(zip(*said, strict=False))
    same_start = next((i for i, (a, b) in enumerate(pairs) if a.lower() != b.lower()), len(pairs))
    backwards = list(zip(*(reversed(s) for s in said), strict=False))
    same_end = next((i for i, (a, b) in enumerate(backwards) if a.lower() != b.lower()), len(backwards))
    if {fold(s[same_start]) for s in said if same_start < len(s)} <= _POLARITY:
        same_end = 0
    before = fold(" ".join(said[0][:same_start]))
    head = next((len(h.split()) for h in _SIDE_HEADS if before.endswith(f" {h}") or before == h), 0)
    own = [s[same_start - head:len(s) - same_end] for s in said]
    if any(len(words_) < 2 for words_ in own):
        return ["", ""]
    return [" ".join(words_)[:1].upper() + " ".join(words_)[1:] for words_ in own]


def _with_passages(retrieval: Retrieval, extra: list[SearchResult], k: int) -> Retrieval:
    """A part's retrieval with other passages among its candidates, ranked by score, the best k kept."""
    have = {r.chunk.id for r in retrieval.results}
    added = [r for r in extra if r.chunk.id not in have]
    if not added:
        return retrieval
    merged = sorted(retrieval.results + added, key=lambda r: -r.score)[:k]
    return Retrieval(merged, retrieval.generation, retrieval.query_vector)


def _listed(question: str, siblings: list, opening: str, chunk, intent: Intent, quoted: bool = True) -> Composition:
    """'Gồm 15 nội dung: A [1]; B [2]; …' of items in chunks of their own, the opening quoted under it (`quoted`; an
    Điều's title is no passage to quote); the one item the question names when it names one ('đề án tổ chức cuộc thi
    … cần giấy tờ gì': its khoản, not all fifteen)."""
    asked = lists.asked_case([first for _, first in siblings], question)
    if asked is not None:
        return _one_item(*siblings[asked])
    composition = Composition(lead="", cited=[])
    # numbered in reading order: the items of the lead, then the opening quoted under it
    marks = [composition.number(sibling) for sibling, _ in siblings[: lists.MAX_ITEMS]]
    composition.lead = lists.list_lead([first for _, first in siblings], marks, opening)
    if quoted:
        composition.quotes.append(Quote(compose.quote_text(opening, intent.type, intent.focus),
                                        composition.number(chunk), chunk.citation_label))
    composition.units.append(opening)
    return composition


CASE_STATED = 0.6  # the share of a condition's words a question states it with


def states_the_case(question: str, provision: str) -> bool:
    """Whether the question states the case a provision opens with ('Trong trường hợp không tổ chức bình chọn cấp
    huyện, …'), its negation included: 'Muốn đăng ký … cấp huyện thì …' asks the usual rule. Words are compared
    with their diacritics ('tờ' is not 'tổ'), or folded for a question typed without them."""
    read = fold if is_unaccented(question) else (lambda text: text)
    stated = re.split(r",|:|\bthì\b", strip_mark(provision).lower(), maxsplit=1)[0]
    opening = {read(w) for w in ("trong", "trường", "hợp", "nếu")}
    condition = set(words(read(stated))) - opening
    asked = set(words(read(re.sub(r"\s*(không|chưa|khong|chua)\s*[?.!]*\s*$", "", nfc(question).lower()))))
    if {read("không"), read("chưa")} & condition - asked:
        return False
    # '… chủ đầu tư hạ tầng cụm công nghiệp hoặc đầu tư hệ thống xử lý … là doanh nghiệp': either case is stated
    # when the question states it, the other's words aside
    cases = [set(words(read(case))) - opening for case in stated.split(" hoặc ")]
    return any(_stated(condition - _only_in_others(mine, cases), asked) for mine in cases) if condition else True


def _only_in_others(mine: set[str], cases: list[set[str]]) -> set[str]:
    """The words of the other alternatives of a condition that this one lacks."""
    return set().union(*(other - mine for other in cases if other is not mine))


def _stated(condition: set[str], asked: set[str]) -> bool:
    """Whether a question's words hold most of a condition's (CASE_STATED of them)."""
    return len(condition & asked) >= CASE_STATED * len(condition)


def _titles(term: str, chunks: list) -> bool:
    """Whether the term a 'là gì' question asks about is the title of a retrieved article ('Mục tiêu của hoạt động
    khuyến công là gì?' is answered by what Điều 3 lists, not by a definition)."""
    asked = fold(term).lower()
    return any(len(c.article_title.split()) >= 3 and asked.startswith(fold(c.article_title).lower())
               for c in chunks if c.article_title)


def _same_clause(heading: str, text: str) -> bool:
    """Whether a điểm's khoản heading is the unit `text` ('2. Hội đồng … có 07 hoặc 09 thành viên, bao gồm:')."""
    return bool(heading) and strip_mark(heading).rstrip(" :") == strip_mark(text).rstrip(" :")


# A document a part points at without naming it: 'quyết định phê duyệt …', 'văn bản này …'; folded.
_DOCUMENT_MEANT = re.compile(r"^\W*(?:con |the |vay )?(?:quyet dinh|nghi dinh|thong tu|nghi quyet|van ban)"
                             r"(?: (?:phe duyet|nay|do|tren|ay))?\b(?! so)(?! \d)")


# A part of a question of several leaves a unit another part wants when its next unit scores this share of it (dev
# 2138: +2 -0; letting a unit stating both parts' values go too: +4 -1, but a heading then led several answers).
YIELD_RATIO = 0.9
# Parts asking no typed value, answered after those that do (dev 1958: +1 -1 alone; +4 -1 with the choice signal).
_OPEN_TYPES = frozenset({"fact", "definition", "yes_no"})


# What a comparison of two supported activities may ask of them besides their levels.
_OTHER_ASPECT = re.compile(r"\b(tam ung|thanh toan|quyet toan|ho so|dieu kien|thu tuc|thoi han|giay to)\b")


def _names_support(side: str) -> bool:
    """A side of a comparison naming a supported activity and asking nothing of it ('Hỗ trợ sửa chữa … tại cụm
    công nghiệp?')."""
    return "ho tro" in fold(side).lower() and bool(analyze(side).slots.get("activity")) and not asks_something(side) \
        and not parse_references(side).documents  # '… theo Nghị định 52/2018' is asked of what that text says


class Answerer:
    """Answers from the corpus only, leading with the answer and quoting what it cites; refuses when it cannot."""

    def __init__(self, searcher: Searcher, llm: LLMClient | None = None, mode: str = "hybrid"):
        self.searcher = searcher
        self.llm = llm
        self.mode = mode
        self.settings = searcher.settings
        self.scope = ScopeJudge(self.settings, lexical_only=mode == "lexical")

    def query(self, question: str, history: list[dict] | None = None) -> tuple[str, str]:
        """The standalone question (chat shorthand written out) and the retrieval query (English and colloquial terms
        expanded)."""
        standalone = self._standalone(expand_shorthand(nfc(question).strip()), history)
        return standalone, expand_query(standalone)

    def ask(self, question: str, history: list[dict] | None = None) -> Answer:
        """Answer one question in the context of the conversation history."""
        started = time.perf_counter()
        standalone, query = self.query(question, history)
        intent = analyze(standalone)
        retrieval = self.searcher.retrieve(query, k=self.settings.retrieve_k, mode=self.mode)
        retrieved = time.perf_counter()
        answer = self._answer(standalone, query, intent, retrieval)
        if answer.refused and (carried := self._carried(standalone, history, retrieval.generation,
                                                        continues(question))):
            standalone, query = carried, expand_query(carried)  # a follow-up naming too little of its topic
            intent = analyze(standalone)
            retrieval = self.searcher.retrieve(query, k=self.settings.retrieve_k, mode=self.mode)
            answer = self._answer(standalone, query, intent, retrieval)
        answer.standalone_question = standalone
        answer.intent = intent.to_dict()
        done = time.perf_counter()
        answer.timings_ms = {"retrieve": round((retrieved - started) * 1000, 1),
                             "answer": round((done - retrieved) * 1000, 1),
                             "total": round((done - started) * 1000, 1)}
        return answer

    @staticmethod
    def _carried(question: str, history: list[dict] | None, generation, continued: bool = False) -> str | None:
        """The question with the previous one's topic, when it was refused and every word of it is one the corpus
        uses (syllables and compounds: 'kết hôn' is not, though 'kết' and 'hôn' are): 'Thế cấp tỉnh thì hội đồng có
        mấy người?' after a question on the district's hội đồng, 'Học xong thì bao nhiêu phần trăm có việc làm?'
        after one on a plan's classes; a question changing the subject to what the corpus does not cover stays
        refused. One opened as a continuation ('Thế còn …') may use one syllable the corpus does not ('… trên
        những kênh nào?')."""
        terms = set(content_terms(question)) - _CHAT_WORDS
        topic = previous_topic(history)
        known = term_scorer(generation).known
        strange = sum(not known(term) for term in terms)
        if not topic or not terms or strange > (CONTINUED_STRANGE if continued else 0) \
                or unheard_words(question, generation):
            return None
        return f"{question.rstrip(' ?.')} ({topic})?"

    def _standalone(self, question: str, history: list[dict] | None) -> str:
        """A reply to a clarifying question joins the question it clarifies; otherwise the LLM's rewrite when one is
        configured and there is history, else the offline heuristics."""
        if history and (clarified := clarified_question(question, history)):
            return clarified
        if history and self._foreign_continuation(question):
            return question  # 'Thế còn thủ tục đăng ký kết hôn thì sao?' is no question on the previous topic
        offline = standalone_question(question, history)
        if self.llm is None or not history or offline == question:
            return offline
        try:
            return self.llm.rewrite(question, history)
        except LLMUnavailable:
            return offline

    def _foreign_continuation(self, question: str) -> bool:
        """'Thế còn mua xe tải thì sao?': a continuation naming what the corpus never writes ('xe tải') and no trade,
        activity, kind of establishment or place it covers ('Còn công ty TNHH thì sao?' is one), which the previous
        question's subject must not be swapped for."""
        if not asks_the_same_of(question) or not unheard_words(question, self.searcher.generation()):
            return False
        slots = analyze(question).slots
        return not any(slots.get(name) for name in ("activity", "trade_group", "entity_type", "location"))

    def _answer(self, question: str, query: str, intent: Intent, retrieval: Retrieval) -> Answer:
        generation, results = retrieval.generation, retrieval.results
        refs = parse_references(query)
        named = resolve(refs, generation.document_keys())
        refusal = self.scope.judge(query, intent, results, refs, named, generation, term_scorer(generation),
                                   expanded=query != question)
        if refusal is not None and refs.documents and not named and asks_validity(question):
            # a text the corpus only cites: what the citing says
            cited = self._cited_elsewhere(refs, generation, question)
            if cited is not None:
                return self._finish(cited, generation, results)
        if refusal is not None:
            text = refusal_text(refusal, generation)
            return Answer(answer=text, refused=True, lead=text.split("\n", 1)[0])
        # 'Thông tư 36 quy định gì và áp dụng với ai?' is read off one article, whatever its parts
        asked = self._asked(question, intent)
        if named and all(asks_remit(question)) and len(asked) <= 2:
            asked = [question]
        # 'Hồ sơ cần gì và bao nhiêu điểm thì đạt?': one clause of the lead per question
        # the sides of a comparison, or two quoted terms, are each asked on their own words
        shared = intent.type != "comparison" and not _quoted_terms(question, intent)
        # '… quốc gia và địa phương …' asked of each scheme, however split, or a body asked of each of two levels: one
        # passage may rule both
        jointly = bool(scheme_sides(question)) or (intent.type == "body" and bool(level_sides(question)))
        composition = self._joined(asked, generation, shared, jointly) if len(asked) > 1 else None
        if composition is None:
            composition = self._composition(question, query, intent, retrieval)
        answer = self._finish(composition, generation, results)
        if self.llm is not None and composition.usable:
            answer = self._generate(query, composition.usable, answer, generation)
        return answer

    @staticmethod
    def _asked(question: str, intent: Intent) -> list[str]:
        """The questions a question asks: the two sides of a comparison, the parts of a question of several, or the
        question itself (a document's name answers who issued it and when as well; a verdict weighs every stated
        fact)."""
        if intent.type == "comparison":
            # 'Hỗ trợ A tại cơ sở và tại cụm công nghiệp khác nhau ra sao?': each side's support level
            levels = not _OTHER_ASPECT.search(fold(question))  # not '… tạm ứng theo tỷ lệ khác nhau thế nào?'
            return [f"{side.rstrip(' ?')}: mức hỗ trợ là bao nhiêu?" if levels and _names_support(side) else side
                    for side in sides(question)]
        # (a document the question's passages cite is no document of the corpus: its other parts are asked apart)
        if (intent.type == "document" and not _CITES.search(fold(question))) or asks_verdict(question, intent) \
                or asks_priority(question):
            return [question]
        # '… cấp huyện và cấp tỉnh mỗi hội đồng có bao nhiêu thành viên, ai làm Chủ tịch?': each level, each part;
        # '… ở cấp tỉnh và ở cấp quốc gia do cơ quan nào chủ trì?': each level has its own
        if (_EACH_ONE.search(question) or intent.type == "body") and (by_level := level_sides(question)):
            return [part for side in by_level for part in parts(side)]
        return parallel_sides(question) or each_sides(question) \
            or [part for side in scheme_sides(question) for part in parts(side)] \
            or _quoted_terms(question, intent) or parts(question)

    def _joined(self, asked: list[str], generation, shared: bool = True, jointly: bool = False) -> Composition | None:
        """Each part answered from its own retrieval (of the same generation) with a unit no part answered before it
        used; a part nothing is retrieved for is left out (None when that is every part). `shared`: the other parts'
        words help choose each part's unit; not so for the sides of a comparison, where a unit naming the other side
        is the one to avoid. `jointly`: the parts are one question asked of two schemes or two levels, which one unit
        naming both may answer."""
        # the whole question's best passage is a candidate for every part: 'Muốn khiếu nại thì trong bao nhiêu ngày, Hội
        # đồng giải quyết mất bao lâu?' asks the second part of the complaint the first one names
        whole = self.searcher.retrieve(expand_query(" ".join(asked)), k=WHOLE_PASSAGES, mode=self.mode,
                                       generation=generation).results if shared and WHOLE_PASSAGES else []
        # a part asking a typed value ('… do ai quyết?') picks its unit before one asking what a thing is ('… là công
        # chức hay viên chức?'), whose words may fit the other's unit as well; the lead keeps the question's order
        intents = [analyze(sub) for sub in asked]
        retrievals = [_with_passages(self.searcher.retrieve(expand_query(sub), k=self.settings.retrieve_k,
                                                            mode=self.mode, generation=generation),
                                     whole, self.settings.retrieve_k) for sub in asked]
        composed: dict[tuple[int, frozenset[str]], Composition] = {}

        def answer(n: int, taken: set[str]) -> Composition:  # a part once per set of units kept from it
            key = (n, frozenset(taken))
            if key not in composed:
                composed[key] = self._part(asked, intents, retrievals, shared, n, taken)
            return composed[key]
        # of two parts wanting one unit, the earlier keeps it unless another unit answers it almost as well: 'muốn
        # khiếu nại thì trong bao lâu? hội đồng bao lâu thì trả lời?' leaves the council's 10 days to the second part
        alone = {n: answer(n, set()) for n in range(len(asked)) if retrievals[n].results}
        if jointly and len(alone) > 1 and len({frozenset(c.units) for c in alone.values()}) == 1 \
                and alone[min(alone)].units and all(names_both_schemes(unit) or len(levels_named(unit)) > 1
                                                    for unit in alone[min(alone)].units):
            return alone[min(alone)]  # each side's part is answered by one passage naming both: it rules both
        kinds = [ranked_type(intent, sub) for intent, sub in zip(intents, asked, strict=True)]
        # of two parts that could each do without it, the one losing less does
        kept = {n: self._kept_without(alone, n, answer, kinds) for n in alone}
        order = sorted(alone, key=lambda n: (intents[n].type in _OPEN_TYPES, kept[n], n))
        answered: dict[int, Composition] = {}
        for n in order:
            taken = {unit for c in answered.values() for unit in c.units}
            answered[n] = answer(n, taken)
        labels = _side_labels(asked) if not shared else []
        if labels and all(labels):  # 'Gồm 4 nội dung: …' of each side of a comparison says whose list it is
            for n, composition in answered.items():
                if composition.lead.startswith("Gồm "):
                    composition.lead = f"{labels[n]} — g{composition.lead[1:]}"
        compositions = [answered[n] for n in sorted(answered)]
        return compose.joined(compositions) if compositions else None

    @staticmethod
    def _kept_without(alone: dict[int, Composition], n: int, answer, kinds: list[str]) -> float:
        """The share of its score part `n` keeps without a unit another part wants too, when its next unit scores at
        least YIELD_RATIO of it and holds a value of the kind asked; 0 when it cannot do without it, nobody else
        wants it, or the unit states the values both ask ('do Bộ trưởng …; do Chủ tịch …' answers both)."""
        wanting = {m: set(other.units) & set(alone[n].units) for m, other in alone.items() if m != n}
        wanting = {m: units for m, units in wanting.items() if units}
        if not alone[n].score or not wanting:
            return 0.0
        for m, units in wanting.items():
            asked = {kinds[n], kinds[m]}
            if asked <= set(compose.VALUE_TYPES) and any(
                    len({v.group(0) for kind in asked for v in values_of(unit, kind)}) >= 2 for unit in units):
                return 0.0
        withheld = set.union(*wanting.values())
        instead = answer(n, withheld)
        if withheld & set(instead.units):
            return 0.0  # nothing else to answer with: the part falls back on the unit withheld
        holds = kinds[n] not in compose.VALUE_TYPES or any(values_of(unit, kinds[n]) for unit in instead.units)
        kept = instead.score / alone[n].score
        return kept if holds and kept >= YIELD_RATIO else 0.0

    def _part(self, asked: list[str], intents: list[Intent], retrievals: list[Retrieval], shared: bool, n: int,
              taken: set[str]) -> Composition:
        """Part `n` of a question of several answered without the units in `taken`."""
        return self._composition(asked[n], expand_query(asked[n]), intents[n], retrievals[n], taken,
                                 whole=asked if shared else None)

    def _composition(self, question: str, query: str, intent: Intent, retrieval: Retrieval,
                     taken: set[str] | None = None, whole: list[str] | None = None) -> Composition:
        """The lead and quotes answering one question: a validity answer, an eligibility verdict, a support level,
        a list, a comparison, or the best unit of the retrieved passages."""
        generation, results = retrieval.generation, retrieval.results
        by_number = resolve(parse_references(query), generation.document_keys())
        named = by_number or titled(question, generation.documents) or described(question, results, generation)
        if not named and whole and _DOCUMENT_MEANT.search(fold(question)):
            # '… giai đoạn 2026-2030 được ban hành ngày nào và quyết định phê duyệt có hiệu lực từ bao giờ?': the
            # document another part of the question names
            whole_text = " ".join(whole)
            named = titled(whole_text, generation.documents) or [
                d for d in [dated_title_named(whole_text, results, generation)] if d]
        if by_number and (replacing := self._replacement_verdict(question, generation)) is not None:
            return replacing  # '… đã thay thế Nghị định 66/2006 phải không?'
        if named and (successor := successor_asked(question, generation.document(named[0]))):
            refs = parse_references(successor)
            held = resolve(refs, generation.document_keys())
            if held:  # the amending text is in the corpus: its own dates
                return self._validity(question, held, generation)
            # what a passage citing it says, else the named document's status, which names it
            cited = self._cited_elsewhere(refs, generation)
            if cited is None:
                return self._validity("còn hiệu lực không?", named, generation)
            if asks_successor(question):  # '… bị thay thế bởi văn bản nào?': which one, first
                cited.lead = f"{successor_sentence(generation.document(named[0]), successor)} {cited.lead}"
            return cited
        # '… Chương trình … giai đoạn 2026-2030 theo đề nghị của cơ quan nào?' names its document by the title, maybe
        # in another part of the question ('… do ai phê duyệt và theo đề nghị của cơ quan nào?')
        proposing = asks_proposer(question) and (  # an English title is named by its glossary's words
            named[0] if named
            else dated_title_named(expand_english(" ".join(whole or [question])), results, generation))
        if proposing and (proposed := proposal_line(question, generation.document_chunks(proposing))):
            # '… bằng quyết định nào, theo đề nghị của ai?': the document first
            found = self._document_lead(query, results, generation) if intent.type == "document" else None
            if found and found.cited[0].doc_id != proposing:
                found = None  # the proposal line is of another document than the one found
            # 'When was Decision 1288 signed, and on whose proposal?': the date, then the proposer
            if named and intent.type in ("date", "validity") and asks_validity(question):
                found = self._validity(question, named, generation)
            return compose.joined([found, self._proposed(*proposed)]) if found else self._proposed(*proposed)
        if (approved := approval_lead(query, results, generation)) is not None:
            return approved  # 'Chương trình … giai đoạn 2026-2030 do ai phê duyệt?': the office its preamble names
        if named and (remit := remit_lead(question, named, generation)) is not None:
            return remit  # 'Thông tư 36/2013 quy định về những gì, áp dụng với ai?': its opening articles
        if named and asks_validity(question) and (intent.type in ("validity", "date", "yes_no", "fact")
                                                  or asks_signer(question) or asks_amendment(question)):
            return self._validity(question, named, generation)
        if named and intent.type in ("date", "validity") and (asks_effect(question) or asks_replaced(question)) \
                and not asks_validity(question) and (effect := self._effect_lead(named[0], generation)):
            return effect
        # 'bằng quyết định nào?' names a document of the corpus; 'căn cứ / theo văn bản nào?' one a passage cites. A
        # document the question names by its title ('Chương trình … đến năm 2020 được phê duyệt tại quyết định số
        # mấy?') is the one asked for.
        if intent.type == "document" and not by_number and not _CITES.search(fold(question)) \
                and (found := self._document_lead(query, results, generation)):
            # '… theo quyết định nào, có hiệu lực từ khi nào?': the document, then when it takes effect; '…, and on
            # whose proposal?': then the preamble line naming who proposed it
            doc_id = found.cited[0].doc_id
            effect = self._effect_lead(doc_id, generation) if asks_effect(question) else None
            line = proposal_line(question, generation.document_chunks(doc_id))
            more = [c for c in (effect, self._proposed(*line) if line else None) if c is not None]
            return compose.joined([found, *more]) if more else found
        if (intent.type in ("eligibility", "yes_no") or ends_yes_no(question)) \
                and (capped := beyond_cap(question, generation)) is not None:
            return capped  # '… đã được hỗ trợ đi 2 hội chợ, đi thêm một hội chợ nữa …?' past 'không quá 2 lần/năm'
        if funded_already(question) and (twice := not_twice(generation)):
            return twice
        if asks_priority(question) and (weighed := priority_verdict(question, generation)):
            return weighed
        if (region := regions.region_of(question, generation)) is not None:
            return self._region(*region, generation)
        if (recognized := recognition_verdict(question, generation)) is not None:
            return recognized  # a craft village's stated households and years against Nghị định 52/2018 Điều 5
        if (excluded := product_verdict(question, generation)) is not None:
            return excluded  # a one-of-a-kind, bought-in or copied product against Thông tư 26/2014 Điều 4
        if asks_verdict(question, intent):
            # 'muốn thuê tư vấn …' asks the level of an activity, unless the rules refuse the establishment itself (a
            # lò vòng brick kiln buying machines); cleaner production is who may apply, at any size or place
            decisive = not intent.slots.get("activity") or intent.slots.get("cleaner_production")
            try:
                verdict = self._verdict(question, intent, generation)
                if decisive or verdict.lead.startswith("Không."):
                    return verdict
            except CitationMissing:
                pass  # an index without the rules' texts: the passages answer as they can
        top = results[0].score or 1.0
        usable = self._with_unit_leaders([r for r in results if r.score >= 0.5 * top][: self.settings.answer_k],
                                         query, generation, top)
        usable = self._with_duty_leaders(usable, question, query, generation, top)
        if intent.type in LIST_TYPES:
            usable = self._with_titled_list(usable, question, generation, top)
        # a question about one document, unless it asks what was done under it
        if named and intent.type != "comparison" and not _IMPLEMENTING.search(fold(question)):
            usable = _of_named(usable, named, ranked_type(intent, question))
        # Units are scored on the question's own words (English ones put into Vietnamese), not on the activity name
        # the query adds for retrieval: that name is in every unit of its passage and would drown the question.
        others = " ".join(expand_english(part) for part in whole or [] if part != question)
        ranked = self._rank(expand_english(question), ranked_type(intent, question), retrieval, usable, others)
        if taken is not None:  # one part of a question of several: the units the other parts answered with are out
            ranked = [e for e in ranked if e.text not in taken] or ranked
        composition = self._compose(question, intent, ranked, usable, generation, brief=taken is not None)
        if intent.slots.get("language") == "en" and composition.cited:
            composition.lead = f"According to {composition.cited[0].citation_label}: {composition.lead}"
        composition.usable = usable
        return composition

    def _with_unit_leaders(self, usable: list[SearchResult], query: str, generation,
                           top: float) -> list[SearchResult]:
        """The passages, and those holding the corpus's units most like the question that are not among them: a
        rule one sentence of a long passage states ('… Riêng mức tạm ứng … không quá 70% …' in a khoản on the State
        Treasury) that passage retrieval ranks below twentieth."""
        s = self.settings
        held = {r.chunk.id for r in usable}
        leaders = [generation.chunks[i] for i in self.searcher.unit_leaders(query, generation, s.unit_leaders)]
        return usable + [SearchResult(chunk, s.unit_leader * top) for chunk in leaders if chunk.id not in held]

    def _with_duty_leaders(self, usable: list[SearchResult], question: str, query: str, generation,
                           top: float) -> list[SearchResult]:
        """The passages, and the khoản of the article setting the duties of the body the question names (in its own
        words, not a gloss added to the query) that are most like the query, when retrieval left them out: 'trung
        tâm khuyến công có hỗ trợ làm nhãn hiệu … không?' is answered by the Trung tâm's duty to build brands."""
        body = body_named(question)
        within = set(duty_positions(generation, body)) if body else set()
        if not within:
            return usable
        held = {r.chunk.id for r in usable}
        leaders = [generation.chunks[i] for i in self.searcher.unit_leaders(query, generation, DUTY_LEADERS, within)]
        return usable + [SearchResult(chunk, self.settings.unit_leader * top) for chunk in leaders
                         if chunk.id not in held]

    def _with_titled_list(self, usable: list[SearchResult], question: str, generation,
                          top: float) -> list[SearchResult]:
        """The passages, and the article titled by what the question lists and the rest of its words ('Nội dung thẩm
        định' for '… thẩm định … xem xét những nội dung gì?'), when retrieval left it out."""
        noun = lists.bare_noun(lists.listed_noun(question))
        if not noun:
            return usable
        held, asked = {r.chunk.id for r in usable}, title_words(question)
        # the title's words first: cached, and few titles pass
        titled = [c for c in generation.chunks if c.article_title and names_title(asked, c.article_title)
                  and c.id not in held and fold(c.article_title).startswith(noun + " ")]
        return usable + [SearchResult(chunk, self.settings.unit_leader * top) for chunk in titled[:2]]

    # Evidence and composition ----------------------------------------------------------------------------------

    def _rank(self, query: str, answer_type: str, retrieval: Retrieval,
              usable: list[SearchResult], context: str = "") -> list[Evidence]:
        s = self.settings
        weights = Weights(s.evidence_weight_dense, s.evidence_weight_focus, s.evidence_weight_type, s.evidence_prior,
                          s.evidence_weight_context, s.evidence_weight_level)
        ranker = EvidenceRanker(retrieval.generation, weights)
        top = usable[0].score or 1.0
        return ranker.rank(query, answer_type, retrieval.query_vector, [r.chunk for r in usable],
                           [r.score / top for r in usable], context)

    def _compose(self, question: str, intent: Intent, ranked: list[Evidence], usable: list[SearchResult],
                 generation, brief: bool = False) -> Composition:
        """`brief`: one part of a question of several, whose lead states its best unit only."""
        chunks = [r.chunk for r in usable]
        level = level_lead(question, intent, usable, generation)
        if level is not None:
            return level
        # 'Huyện không tổ chức … thì nộp hồ sơ thế nào?': the provision for that case answers, not the usual list
        special_case = bool(ranked and _CASE.match(ranked[0].text) and _STATES_CASE.search(fold(question))
                            and states_the_case(question, ranked[0].text))
        # '(Các …) được xác định theo văn bản nào?' asks one document, not a list
        listing = intent.type in LIST_TYPES or (intent.type in ("fact", "document")
                                                and asks_list(_WHICH_DOCUMENT.sub(" ", fold(question))))
        # 'Đơn vị thụ hưởng đề án khuyến công quốc gia là ai?' asks what the rules define the term as
        if intent.type in ("body", "fact") and _IS_WHAT.match(fold(question)) and not asked_role(question) \
                and (defined := self._definition(question, generation)):
            return defined
        # a comparison's side named and nothing asked of it ('Kinh phí khuyến công quốc gia?'): what the rules define
        # it as, when they do
        if intent.type == "fact" and _BARE_TERM.match(fold(question)) and not _ASPECT_NAMED.search(fold(question)) \
                and (defined := self._definition(f"{question.rstrip(' ?')} là gì?", generation)):
            return defined
        if intent.type == "definition" and not special_case:
            if defined := self._definition(question, generation):
                return defined
            listing = _titles(defined_term(question), chunks)
        # '"Chứng từ chi" gồm những loại giấy tờ nào?': the definition of the quoted term lists them
        if listing and quoted_phrases(question) and (defined := self._definition(question, generation)) \
                and _ENUMERATES.search(defined.units[0]):
            return defined
        # 'Những loại hình nào được gọi chung là cơ sở công nghiệp nông thôn?': the unit naming the term lists them
        if listing and (term := membership_term(question)) \
                and (defined := self._definition(f"{term} là gì?", generation)) \
                and _ENUMERATES.search(defined.units[0]):
            return defined
        # a list of cases asked of the one it names ('đề án lập quy hoạch … tạm ứng … cần giấy tờ gì'): that case
        # (of the instalment of an advance it asks: 'tạm ứng lần đầu' is not paid on the papers of the rest)
        instalment = asked_instalment(question)
        other_instalment = [says_instalment(chunks[e.chunk_index].article_title or "", instalment) < 0 for e in ranked]
        asked_words = expand_english(question)  # an English question's case in the corpus's words
        named_case = next((e for e, other in zip(ranked[:CASE_UNITS], other_instalment, strict=False)
                           if not other and lists.names_case(asked_words, e.text)), None)
        # '… hỗ trợ mua máy … tạm ứng … giấy tờ gì': the case of the activity the question describes in its own words
        if named_case is None and (activity := intent.slots.get("activity")) and _PAPERS_ASKED.search(fold(question)):
            named_case = next((e for e, other in zip(ranked[:ACTIVITY_CASE_UNITS], other_instalment, strict=False)
                               if not other and lists.names_activity(activity, e.text)), None)
        # 'Điều kiện để công nghệ được chọn xây dựng mô hình trình diễn …?' asks criteria, not that case's papers
        if listing and named_case is not None and not special_case and not lists.asks_criteria(question):
            case = chunks[named_case.chunk_index]
            return _with_common_papers(_one_item(case, named_case.text), case, generation)
        # 'UBND các huyện, thị xã được giao những nhiệm vụ gì?' (or '… có nhiệm vụ gì?') of a plan whose line 'Đối với
        # UBND các huyện, thị xã: …' gives them theirs: that line, whole
        if (listing or intent.type == "fact") and ranked and (holder := asked_holder(question)) \
                and addresses(ranked[0].text, holder):  # not '… phải báo cáo cho cơ quan nào?': a body is asked
            chunk = chunks[ranked[0].chunk_index]
            line = next((line.strip() for line in chunk.text.splitlines() if ranked[0].text.strip() in line),
                        ranked[0].text)
            return _one_item(chunk, line)
        if not special_case and listing:
            listed = self._list_lead(question, intent, ranked, chunks, generation)
            if listed is not None:
                return listed
        if intent.type == "comparison":
            return self._comparison_lead(intent, ranked, chunks)
        if intent.slots.get("asserts") == "body" and (claim := self._body_claim(question, ranked, chunks)):
            return claim
        kind, narrowed = value_type(intent), ranked_type(intent, question)
        best = compose.best_with_values(ranked, narrowed)
        chunk = chunks[best.chunk_index]
        composition = Composition(lead="", cited=[])
        n = composition.number(chunk)
        # A unit that only introduces a list ('… có trách nhiệm:') is answered by the list; one that states a value
        # before its list ('… có 07 hoặc 09 thành viên, cụ thể:') answers itself.
        stated = _states_value(best.text, kind)
        items = [] if stated else lists.items_under(best.text, chunk.text)
        if not items and _opens_paragraphs(best.text, kind) \
                and (told := next((e for e in ranked if e.chunk_index == best.chunk_index
                                   and not _opens_paragraphs(e.text, kind)), None)):
            # 'Một số kết quả nổi bật … năm 2022:' opens paragraphs, not items: the best of them answers
            best = told
            stated = _states_value(best.text, kind)
        if not stated and not items and best.text.strip() == chunk.text.strip() \
                and (listed := self._sibling_list(question, best.text, chunk, intent, generation)):
            return listed  # an article's opening whose khoản are chunks of their own
        if items:
            composition.lead = lists.list_lead(items, n, best.text)
            composition.units.append(best.text)
            composition.quotes.append(Quote(compose.quote_text(best.text, kind, intent.focus), n,
                                            chunk.citation_label))
            return composition
        weight = term_scorer(generation).weight
        focus = expand_english(intent.focus)  # an English question's clause is found by its words in Vietnamese
        clause = compose.clause_for(compose.headed(best.text, chunk, kind), kind, focus, weight=weight)
        if kind == "body":
            clause = compose.titled_holder(clause, chunk)
        if asks_floor(question) and floors(best.text, "amount"):
            # '… với điều kiện khối lượng thế nào?': the bound in the papers' list, under the share its heading states
            clause = compose.headed(best.text, chunk, kind, compose.floor_clause(best.text))
        yes_no = intent.type in ("yes_no", "eligibility") or ends_yes_no(question)
        if yes_no and "asserts" not in intent.slots and (with_level := compose.what_and_level(best.text)):
            clause = with_level  # 'có hỗ trợ chi phí thành lập không?': what is supported, on what terms, how much
        prefix = ""
        if intent.type in ("yes_no", "eligibility"):
            check = compose.premise_check(question, compose.headed(best.text, chunk, kind), kind)
            if check is False:  # the question asserts a value the text contradicts
                prefix = "Không. "
            elif check:  # a value the text states confirms the claim only where the text is about what is claimed
                # ('hằng năm' of a yearly report is no yearly selection; '1 bộ' furniture is no '01 bộ hồ sơ')
                confirms = compose.focus_coverage(intent.focus, best.text, weight) >= CONFIRM_COVERAGE
                prefix = "Đúng. " if confirms else ""
            elif "asserts" not in intent.slots and not checks_claim(question):
                # a claim put up to be checked ('… trực thuộc Bộ …, đúng không?') is not confirmed by a text merely
                # about it: the rule is stated and the reader compares
                prefix = compose.yes_no_prefix(clause, compose.focus_coverage(intent.focus, best.text, weight))
        composition.lead = f"{prefix}{compose.sentence(clause)} [{n}]."
        composition.units.append(best.text)
        composition.score = best.score
        if bound := self._bound_beside(question, kind, ranked, best, chunk):
            # 'khi nào mới được tạm ứng?': '… Tạm ứng 70% …: đối với …' and the share done first, in its next điểm
            composition.lead = f"{composition.lead[:-1]}; {compose.sentence(compose.floor_clause(bound.text))} [{n}]."
            composition.units.append(bound.text)
        runner_up = self._runner_up(narrowed, ranked, best)
        if runner_up is not None and runner_up.text in composition.units:
            runner_up = None  # the bound beside the best unit is in the lead already
        if brief and runner_up is not None and not _other_level(question, best.text, runner_up.text):
            runner_up = None  # one part of several states its best unit, or one per level it names
        if runner_up is not None:  # a near tie: the reader sees both candidates in the first line
            other = chunks[runner_up.chunk_index]
            second = compose.clause_for(compose.headed(runner_up.text, other, kind), kind, intent.focus,
                                        compose.SECOND_CHARS, weight)
            if compose.sentence(second) not in composition.lead:  # the same words in another text add nothing
                composition.lead = (f"{composition.lead[:-1]}; {compose.sentence(second)} "
                                    f"[{composition.number(other)}].")
        if "asserts" in intent.slots:
            _with_other_claims(composition, question, intent.focus, ranked, chunks, weight)
        _with_referenced_clause(composition, best.text, chunk, generation)
        self._add_quotes(composition, intent, ranked, chunks, best, clause, runner_up)
        return composition

    @staticmethod
    def _bound_beside(question: str, kind: str, ranked: list[Evidence], best: Evidence, chunk) -> Evidence | None:
        """The unit of the best unit's passage stating the bound a question asking one must pass, when the best unit
        states none ('Đối với các đề án hỗ trợ: …' and, beside it, '… đã thực hiện được trên 50% khối lượng …')."""
        if not asks_floor(question) or floors(compose.headed(best.text, chunk, kind), kind) \
                or floors(best.text, "amount"):
            return None
        return next((e for e in ranked if e.chunk_index == best.chunk_index and e is not best
                     and floors(e.text, "amount")), None)

    @staticmethod
    def _sibling_list(question: str, opening: str, chunk, intent: Intent, generation) -> Composition | None:
        """'… được hưởng các quyền lợi:' answered by the khoản that follow it in chunks of their own, or by the
        sections or paragraphs a news item's '… 6 lĩnh vực sau:' runs on into, each cited; None when the opening
        introduces nothing so split."""
        siblings = lists.sibling_items(chunk.id, generation.chunk) if opening.rstrip().endswith(":") else []
        if not siblings:
            reading = generation.document_chunks(chunk.doc_id)
            later = reading[reading.index(chunk) + 1:] if chunk in reading else []
            siblings = lists.continued_items(chunk, later)
            opening = next((u for u in reversed(split_units(chunk.text)) if u.rstrip().endswith(":")), opening)
        if len(siblings) < 2:
            return None  # one item is no list ('Gồm 1 nội dung: …')
        return _listed(question, siblings, opening, chunk, intent)

    @staticmethod
    def _article_list(question: str, chunk, noun: str, intent: Intent, generation) -> Composition | None:
        """'Trung tâm … có những nhiệm vụ gì?' asked of a khoản of an Điều titled for what is asked ('Nhiệm vụ và
        quyền hạn') and cut into one chunk per khoản: the Điều's khoản, each cited; None when the khoản's own list
        is of what is asked, or the Điều is no such list."""
        article = article_of(chunk.id) if re.search(r"-k\d+$", chunk.id) else None
        title = fold(chunk.article_title or "").lower()
        if noun not in _DUTIES or not article or not re.search(rf"\b{noun}\b", title) \
                or any(re.search(rf"\b{noun}\b", fold(intro).lower()) for intro, _ in lists.list_groups(chunk.text)):
            return None
        siblings = lists.sibling_items(article, generation.chunk)
        if len(siblings) < ARTICLE_ITEMS:
            return None
        return _listed(question, siblings, chunk.article_title, siblings[0][0], intent, quoted=False)

    @staticmethod
    def _definition(question: str, generation) -> Composition | None:
        """'Kế hoạch khuyến công là tập hợp các đề án, nhiệm vụ khuyến công hàng năm, … [1].': the unit of the rules
        defining the term asked about (of the document the question names, when it names one)."""
        named = resolve(parse_references(question), generation.document_keys())
        found = definitions.lookup(generation, defined_term(question), named)
        if found is None and asked_in_english(question):  # the rules define the Vietnamese term the words gloss
            found = definitions.lookup_glossed(generation, english_terms(question), named)
        chunk = generation.chunk(found.chunk_id) if found else None
        if chunk is None:
            return None
        composition = Composition(lead="", cited=[])
        clause = compose.clause_for(_defining(strip_mark(found.text), found.term), "definition", found.term,
                                    DEFINITION_CHARS)
        composition.lead = f"{compose.sentence(clause)} [{composition.number(chunk)}]."
        composition.units.append(found.text)
        return composition

    @staticmethod
    def _body_claim(question: str, ranked: list[Evidence], chunks: list) -> Composition | None:
        """'Kế hoạch … địa phương do Bộ trưởng … phê duyệt đúng không?' answered by the clause saying who does it."""
        found = compose.body_check(question, [e.text for e in ranked[:8]])
        if found is None:
            return None
        index, clause, same = found
        evidence = ranked[index]
        composition = Composition(lead="", cited=[])
        n = composition.number(chunks[evidence.chunk_index])
        composition.lead = f"{'Đúng' if same else 'Không'}. {compose.sentence(compose.tidy(clause))} [{n}]."
        composition.units.append(evidence.text)
        return composition

    def _runner_up(self, kind: str, ranked: list[Evidence], best: Evidence) -> Evidence | None:
        """The next unit when it scores almost as well as the best (and holds a value when one is asked)."""
        ratio = self.settings.lead_tie_ratio
        for evidence in ranked[:4]:
            if evidence is best or evidence.text == best.text or _opens_paragraphs(evidence.text, kind):
                continue
            if evidence.score < ratio * best.score:
                return None
            if not values_of(evidence.text, kind) and _same_clause(evidence.heading, best.text):
                continue  # 'c) Các thành viên khác …' holds only its heading's number, which the best unit states
            if kind not in compose.VALUE_TYPES or evidence.values(kind):
                return evidence
        return None

    def _add_quotes(self, composition: Composition, intent: Intent, ranked: list[Evidence], chunks: list,
                    best: Evidence, lead_clause: str, runner_up: Evidence | None = None) -> None:
        """At most `max_quotes` proofs: the lead's unit when the lead shows only part of it, then strong units of
        other passages."""
        limit = self.settings.max_quotes
        if "…" in lead_clause:  # the lead shows part of its unit: the quote shows more of it
            self._quote(composition, best, chunks, intent, shown=lead_clause)
        for evidence in ranked[1:]:
            if len(composition.quotes) >= limit or evidence.score < self.settings.quote_ratio * best.score:
                break
            if evidence is runner_up or chunks[evidence.chunk_index] in composition.cited:
                continue  # one quote per passage
            if best.values(intent.type) and not evidence.values(intent.type):
                continue  # a number was asked: only another passage stating one proves anything
            self._quote(composition, evidence, chunks, intent)

    def _quote(self, composition: Composition, evidence: Evidence, chunks: list, intent: Intent,
               shown: str | None = None) -> None:
        chunk = chunks[evidence.chunk_index]
        text = compose.quote_text(evidence.text, intent.type, intent.focus)
        if shown and strip_mark(text) == shown:
            return
        composition.quotes.append(Quote(text, composition.number(chunk), chunk.citation_label))

    def _list_lead(self, question: str, intent: Intent, ranked: list[Evidence], chunks: list,
                   generation) -> Composition | None:
        """'Gồm 4 nội dung: A; B; C; D [1].' from the list items of the passage whose heading names what is asked."""
        weight = term_scorer(generation).weight
        focus = expand_english(intent.focus)  # an English question's list is named in Vietnamese
        noun = lists.listed_noun(question)
        chunk = chunks[lists.list_chunk(focus, ranked, chunks, weight, noun, lists.asks_criteria(question))]
        if article := self._article_list(question, chunk, noun, intent, generation):
            return article
        group = lists.best_group(chunk.text, chunk.article_title or "", focus, weight, lists.bare_noun(noun))
        if group is None and (rule := lists.headed_rule(chunk.text)):
            return _one_item(chunk, rule)  # 'Làng nghề truyền thống phải đạt tiêu chí làng nghề … và có ít nhất …'
        # 'UBND cấp tỉnh có những nhiệm vụ gì …?' of a khoản cut into one chunk per điểm: the khoản's điểm, when
        # the question asks no more than the khoản's heading says
        if group is None and len(points := lists.point_items(chunk, generation.chunk)) >= ARTICLE_ITEMS \
                and lists.heading_share(focus, f"{chunk.article_title} {chunk.clause_heading}", weight) >= HEADED:
            return _listed(question, points, chunk.clause_heading, chunk, intent, quoted=False)
        if group is None:
            return self._sibling_list(question, chunk.text.strip(), chunk, intent, generation)
        intro, items = group
        if (asked := lists.asked_case(items, question)) is not None:
            return _one_item(chunk, items[asked])
        # '… đánh giá năng lực theo một số tiêu chí như: A, B, C [1].' for 'theo những tiêu chí nào?'
        told = ((item, shown) for item in items if (shown := lists.noun_enumeration(item, noun)))
        if enumerated := next(told, None):
            return _one_item(chunk, *enumerated)
        composition = Composition(lead="", cited=[])
        n = composition.number(chunk)
        composition.lead = lists.list_lead(items, n, intro)
        lead_in = intro if intro in split_units(chunk.text) else lists.intro_of(chunk.text)
        if lead_in:  # what the list is of, in the document's words
            composition.quotes.append(Quote(compose.quote_text(lead_in, intent.type, intent.focus), n,
                                            chunk.citation_label))
        return composition

    def _comparison_lead(self, intent: Intent, ranked: list[Evidence], chunks: list) -> Composition:
        """One clause per side: the best unit, then the best unit of another passage (or another unit)."""
        first = compose.best_with_values(ranked, "amount" if intent.type == "comparison" else intent.type)
        others = [e for e in ranked if e.chunk_index != first.chunk_index] or ranked[1:]
        second = next((e for e in others if e.values("amount") or e.values("count")),
                      others[0] if others else None)
        composition = Composition(lead="", cited=[])
        parts = []
        for evidence in (first, second):
            if evidence is None:
                continue
            chunk = chunks[evidence.chunk_index]
            clause = compose.clause_for(compose.headed(evidence.text, chunk), "amount", intent.focus, 160)
            parts.append(f"{compose.sentence(clause)} [{composition.number(chunk)}]")
        composition.lead = "; ".join(parts) + "."
        return composition

    def _verdict(self, question: str, intent: Intent, generation) -> Composition:
        verdict = decide(question, intent, generation)
        composition = Composition(lead="", cited=[])
        parts = []
        for text, chunk in verdict.lead_parts:
            marker = f" [{composition.number(chunk)}]" if chunk is not None else ""
            parts.append(f"{compose.sentence(text)}{marker}" if marker else text)
        lead = " ".join(p if p.endswith((".", "?")) else p + "." for p in parts)
        composition.lead = f"{lead} {verdict.clarify}" if verdict.clarify else lead
        return composition

    @staticmethod
    def _region(region: regions.Region, province: str, generation) -> Composition:
        """'Lâm Đồng thuộc Khu vực miền Trung và Tây Nguyên, gồm 15 tỉnh, thành phố [1].', as the region's line says."""
        composition = Composition(lead="", cited=[])
        chunk = generation.chunk(region.chunk_id)
        n = composition.number(chunk)
        composition.lead = f"{province} thuộc {region.name}, gồm {region.size} tỉnh, thành phố [{n}]."
        composition.quotes.append(Quote(compose.quote_text(region.line, "fact", province), n, chunk.citation_label))
        composition.units.append(region.line)
        return composition

    @staticmethod
    def _proposed(chunk, line: str) -> Composition:
        """'Theo đề nghị của Cục trưởng Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công [1].'"""
        composition = Composition(lead="", cited=[])
        composition.lead = f"{compose.sentence(line.rstrip(' ,.;'))} [{composition.number(chunk)}]."
        composition.units.append(line)
        return composition

    @staticmethod
    def _effect_lead(doc_id: str, generation) -> Composition | None:
        """'Quyết định 2646/QĐ-BCT có hiệu lực thi hành kể từ ngày ký ban hành [1].': when a document takes effect, in
        its own words ('kể từ ngày ký', 'sau 45 ngày kể từ ngày ký'), named rather than 'này', and what it replaces by
        number only."""
        found = effect_line(generation.document_chunks(doc_id))
        meta = generation.document(doc_id)
        label = doc_label(meta)
        if found is None:
            return _recorded_effect(label, meta, generation.document_chunks(doc_id))
        chunk, sentence = found
        said, _, replaced = strip_mark(sentence).partition(" và thay thế")
        said = said.rstrip(" ,")
        # what it replaces, by kind and number as written ('Quyết định số 08/2008/QĐ-BCT', '5918/QĐ-BCT' without its
        # year), not its date, issuer and title
        if numbers := re.findall(r"(?:(?:Quyết định|Nghị định|Thông tư liên tịch|Thông tư|Nghị quyết)\s+(?:số\s+)?)?"
                                 r"\b\d+/(?:\d{4}/)?[A-ZĐ][\wĐđ-]*", replaced):
            said += " và thay thế " + ", ".join(numbers)
        said = re.sub(r"^(?:Quyết định|Nghị định|Thông tư liên tịch|Thông tư|Nghị quyết) này\b", label, said)
        if re.search(r"kể từ ngày ký(?: ban hành)?$", said) and (signed := issued_phrase(meta, chunk.text)):
            said += f" ({signed})"  # 'từ khi nào?' is answered by a date
        composition = Composition(lead="", cited=[])
        composition.lead = f"{compose.sentence(said)} [{composition.number(chunk)}]."
        composition.units.append(sentence)
        return composition

    def _replacement_verdict(self, question: str, generation) -> Composition | None:
        """'Không. Nghị định 45/2012/NĐ-CP có hiệu lực … và thay thế 134/2004/NĐ-CP [1]. Nghị định 66/2006 được thay
        thế bởi Nghị định 52/2018/NĐ-CP: … [2].' for a claim of which text replaced which, checked against the
        replacing text's own effect line; None when the question claims none or the corpus lacks that text."""
        claim = replacement_claim(question, parse_references(question))
        held = resolve(References(documents=[claim[0]]), generation.document_keys()) if claim else []
        # the replacing text's own effect line, the sentence the lead is made of
        composition = self._effect_lead(held[0], generation) \
            if held and effect_line(generation.document_chunks(held[0])) else None
        if composition is None:
            return None
        replaced = claim[1]
        if replaces(composition.units[0], replaced):
            composition.lead = f"Đúng. {composition.lead}"
            return composition
        composition.lead = f"Không. {composition.lead}"
        other = replacing_clause(replaced, [c for c in generation.chunks if c.doc_id != held[0]])
        if other is not None:
            chunk, line = other
            name = _reference_name(replaced)
            composition.lead += (f" {name} được thay thế bởi {doc_label(generation.document(chunk.doc_id))}: "
                                 f"{compose.sentence(strip_mark(line))} [{composition.number(chunk)}].")
            composition.units.append(line)
        return composition

    def _document_lead(self, query: str, results: list[SearchResult], generation) -> Composition | None:
        """'Quyết định nào …?': the numbered document of the best passage (of the kind the question names), with its
        issuer and date, citing its opening."""
        kind = re.search(r"(quyết định|nghị định|thông tư|nghị quyết|công văn)\s+nào", query.lower())
        numbered = [r for r in results if generation.document(r.chunk.doc_id).get("number")]
        if kind:
            named = [r for r in numbered
                     if (generation.document(r.chunk.doc_id).get("doc_type") or "").lower().startswith(kind.group(1))]
            numbered = named or numbered
        if not numbered:
            return None
        meta = generation.document(numbered[0].chunk.doc_id)
        opening = (generation.document_chunks(meta["id"]) or [numbered[0].chunk])[0]
        composition = Composition(lead="", cited=[])
        n = composition.number(opening)
        composition.lead = f"{compose.sentence(document_sentence(meta, opening.text))} [{n}]."
        return composition

    @staticmethod
    def _cited_elsewhere(refs, generation, question: str = "") -> Composition | None:
        """'Kho chưa có toàn văn Thông tư 28/2018; Nghị quyết 23/2025/NQ-HĐND dẫn: Căn cứ Thông tư số 28/2018/TT-BTC
        ngày 28 tháng 3 năm 2018 … [1].' for a document asked about that only a passage of the corpus cites."""
        ref = refs.documents[0]
        found = mention_of(ref, generation.chunks)
        if found is None:
            return None
        chunk, clause = found
        composition = Composition(lead="", cited=[])
        meta = generation.document(chunk.doc_id)
        citing = doc_label(meta)
        name = _reference_name(ref)
        # '… còn hiệu lực không?', '… hiện nay vẫn là …?' of a text the citing one replaces: no, first (not of one
        # it is replaced by: 'được thay thế bởi …')
        replaced = _CURRENT_ASKED.search(fold(question)) and re.search(
            rf"(?<!được )(?<!bị )\bthay thế\s+(?:\w+\s+){{0,3}}?(?:số\s+)?{re.escape(str(ref.number))}/",
            clause, re.IGNORECASE)
        composition.lead = (f"{'Không. ' if replaced else ''}Kho chưa có toàn văn {name}; {citing} dẫn: "
                            f"{compose.sentence(clause)} [{composition.number(chunk)}].")
        return composition

    def _validity(self, question: str, named: list[str], generation) -> Composition:
        composition = Composition(lead="", cited=[])
        lines = []
        for doc_id in named[:2]:
            chunks = generation.document_chunks(doc_id)
            meta = generation.document(doc_id)
            dated = chunks[0] if chunks else None
            if asks_issue_date(question):  # the passage writing its date: its own, else one citing it
                dated = dated_passage(meta, chunks, generation.chunks) or dated
            chunk = dated if asks_issue_date(question) else effect_chunk(chunks)
            if chunk is None:
                continue
            n = composition.number(chunk)
            signed = dated_line(meta, chunk.text) if asks_issue_date(question) else None  # often says who signed
            quoted = compose.quote_text(signed or chunk.text, "date", "ký ban hành" if signed else "hiệu lực thi hành")
            if asks_signer(question):  # '… do ai ký?': the line saying who signed answers, else who issued it
                names_signer = signed and re.search(r"\bký\b", signed)
                lines.append(f"{compose.sentence(quoted if names_signer else issuer_sentence(meta))} [{n}]")
                continue
            lines.append(f"{status_sentence(meta, question, dated.text)} [{n}]")
            composition.quotes.append(Quote(quoted, n, chunk.citation_label))
        lead = "; ".join(lines) + "."
        composition.lead = lead[:1].upper() + lead[1:]  # 'tin bài 400/…' opens the line as 'Tin bài 400/…'
        return composition

    # Output ----------------------------------------------------------------------------------------------------

    def _finish(self, composition: Composition, generation, results: list[SearchResult]) -> Answer:
        """Lead, quotes, then a short currency note per cited document; the full warnings and whole passages go
        with the answer for the sources panel."""
        scores = {r.chunk.id: r.score for r in results}
        citations = [self._citation(i, chunk, scores.get(chunk.id, 0.0), generation)
                     for i, chunk in enumerate(composition.cited, 1)]
        warnings, notes = [], []
        for doc_id in dict.fromkeys(c.doc_id for c in citations):
            meta = generation.document(doc_id)
            if (warning := currency_warning(meta)) and warning not in warnings:
                warnings.append(warning)
                notes.append(short_warning(meta))
        notes = [n for n in notes if n and n.split(" đã ", 1)[0] not in composition.lead]
        lines = [composition.lead, *(q.line() for q in composition.quotes), *(f"⚠ {n}" for n in notes)]
        return Answer(answer="\n".join(lines), refused=False, lead=composition.lead,
                      quotes=[asdict(q) for q in composition.quotes], citations=citations, warnings=warnings)

    def _generate(self, question: str, usable: list[SearchResult], extractive: Answer, generation) -> Answer:
        """The LLM's answer when it passes the guards, else the extractive one with a warning saying why."""
        sources = [Source(i, r.chunk.citation_label, r.chunk.text) for i, r in enumerate(usable, 1)]
        try:
            text, cited = self.llm.answer(question, sources)
        except LLMUnavailable as exc:
            note = f"Không dùng được câu trả lời của mô hình ngôn ngữ ({exc}); câu trả lời dưới đây trích nguyên văn."
            extractive.warnings.insert(0, note)
            extractive.answer = f"⚠ {note}\n{extractive.answer}"
            return extractive
        composition = Composition(lead="", cited=[])
        renumbered = {n: composition.number(usable[n - 1].chunk) for n in sorted(set(cited))}
        # The model cites the prompt's numbering; the answer's citations are numbered in order of first use.
        text = re.sub(r"\[(\d{1,2})\]", lambda m: f"[{renumbered.get(int(m.group(1)), m.group(1))}]", text)
        composition.lead = text.split("\n", 1)[0]
        answer = self._finish(composition, generation, usable)
        answer.answer = "\n".join([text, *answer.answer.split("\n")[1:]])
        return answer

    def _citation(self, n: int, chunk, score: float, generation) -> Citation:
        meta = generation.document(chunk.doc_id)
        return Citation(n=n, chunk_id=chunk.id, doc_id=chunk.doc_id, title=chunk.title, number=chunk.number,
                        locator=chunk.locator, text=chunk.text, score=round(score, 4), status=chunk.status,
                        source=meta.get("source"), issued=meta.get("issued"), effective=meta.get("effective"))

    # Streaming ----------------------------------------------------------------------------------------------

    def stream(self, question: str, history: list[dict] | None = None):
        """("delta", text) as the LLM writes its answer, then ("done", Answer) with the final, guarded answer.
        Without an LLM the extractive answer is given line by line. `ask` runs in a worker thread over a
        per-call Answerer whose LLM hands each piece to a queue; the guards still judge the full text."""
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
