"""Validity answers: whether a named document is in force, what amends or replaces it, and when it was signed."""

from __future__ import annotations

import re

from assistant.answer.currency import STATUS_LABELS, doc_label, title_after_kind, vietnamese_note
from assistant.answer.question import checks_claim
from assistant.search.references import DOC_KINDS
from assistant.text import fold, is_unaccented

# 'On what date did the Prime Minister sign Decision 1288 …?': the verb after 'did' is in its plain form
_DID_SIGN = r"(?:what date|what day|when) did\b[^?]{0,60}?\b(?:sign|issue|publish)"
_ASKS = re.compile(r"\b(con hieu luc|het hieu luc|hieu luc khong|con ap dung|con dung duoc|in force|still valid|"
                   # '… hiện nay vẫn là Nghị định 134/2004 phải không?'
                   r"(?:hien nay|hien tai|bay gio) van la (?:nghi dinh|thong tu|quyet dinh|nghi quyet|van ban)|"
                   r"bi sua doi|sua doi chua|duoc sua doi khong|"
                   r"bi thay the|been amended|been replaced|"
                   r"ky ngay|ngay ky|ky khi nao|ban hanh ngay|ngay ban hanh|ban hanh khi nao|ban hanh nam nao|issued|"
                   rf"signed|dang ngay|ngay dang(?! ky)|published|{_DID_SIGN})\b")
# '… do ai ký?' asked of the document itself, at the question's end ('ai ký quyết định giao kế hoạch?' asks a rule)
_SIGNER_ASKED = re.compile(r"\b(do ai ky|ai ky|nguoi ky)(?: ban hanh)?\s*[?.!]*\s*$|^\W*(ai|nguoi nao) ky\b|"
                           r"^\W*who signed\b")
_EFFECT = re.compile(r"\b(co hieu luc|hieu luc tu|hieu luc thi hanh|in force from|effective)\b")
_ISSUED = re.compile(r"\b(ky ngay|ngay ky|ky khi nao|ban hanh ngay|ngay ban hanh|ban hanh khi nao|ban hanh nam nao|"
                     rf"issued|signed|dang ngay|ngay dang(?! ky)|published|{_DID_SIGN})\b")


# A date as a document writes it: 'ngày 21 tháng 5 năm 2012', or a news item's 'Đăng ngày: 24/02/2021'.
_WRITTEN_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})|\b(\d{1,2})/(\d{1,2})/(\d{4})\b", re.IGNORECASE)


def asks_validity(question: str) -> bool:
    """'… còn hiệu lực không?', '… ký ngày nào?', '… đã được sửa đổi, bổ sung chưa?', 'is … still in force?'"""
    folded = fold(question)
    return bool(_ASKS.search(folded) or _SIGNER_ASKED.search(folded) or _AMENDMENT_ASKED.search(folded))


def _iso(iso: str | None) -> tuple[int, int, int] | None:
    """(day, month, year) of an ISO date ('2025-09-23'); None for anything else."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return (int(match.group(3)), int(match.group(2)), int(match.group(1))) if match else None


def vietnamese_date(iso: str) -> str:
    """'2025-09-23' -> 'ngày 23 tháng 9 năm 2025' (the manifest's dates, as the documents write them)."""
    parts = _iso(iso)
    if parts is None:
        return iso
    day, month, year = parts
    return f"ngày {day:02d} tháng {month} năm {year}"


# '… đã được sửa đổi, bổ sung chưa? Nếu có thì bằng văn bản nào, ban hành ngày nào?' asks of the amending text
_AMENDMENT_ASKED = re.compile(r"\b(?:sua doi|bo sung|thay the)(?:, bo sung)? (?:chua|khong)\b")


def asks_amendment(question: str) -> bool:
    """'… đã được sửa đổi, bổ sung chưa?', '… bị thay thế chưa?'"""
    return bool(_AMENDMENT_ASKED.search(fold(question)))


def asks_issue_date(question: str) -> bool:
    """'… ban hành ngày nào?' asks when it was signed, not when it took effect, nor when what amends it was."""
    folded = fold(question)
    return bool(_ISSUED.search(folded) or _SIGNER_ASKED.search(folded)) and not _EFFECT.search(folded) \
        and not _AMENDMENT_ASKED.search(folded)


def status_sentence(meta: dict, question: str, opening: str = "") -> str:
    """One sentence on a document's currency: its status, what amends or replaces it, and its dates (the date of
    issue as the document's `opening` lines write it)."""
    label = doc_label(meta)
    status = meta.get("status")
    folded = fold(question)
    # 'có hiệu lực từ ngày ký … không?' asks when it took effect, not when it was signed
    if asks_issue_date(question) and meta.get("issued"):
        published = meta.get("status") == "informational" and not meta.get("number")  # a news item is posted
        return f"{label} được {'đăng' if published else 'ban hành'} {issued_phrase(meta, opening)}"
    if status == "amended" and meta.get("amended_by"):
        amended = "; ".join(_bare(a) for a in meta["amended_by"])
        text = f"{label} còn hiệu lực nhưng đã được sửa đổi, bổ sung bởi {amended}"
    elif status == "superseded":
        text = f"{label} đã bị thay thế bởi {_bare(meta.get('superseded_by') or 'văn bản khác')}"
    elif meta.get("superseded_by"):
        text = f"{label} {_bare(meta['superseded_by'])}"
    else:
        text = f"{label}: {STATUS_LABELS.get(status, 'chưa xác minh')}"
    if meta.get("effective") and status != "superseded":
        text += f" (có hiệu lực từ {vietnamese_date(meta['effective'])})"
        effective = _iso(meta["effective"])
        if _EFFECT.search(folded) and effective and (claimed := _claimed_date(question)):
            text = ("Đúng. " if claimed == effective else "Không. ") + text
    return text


def _claimed_date(question: str) -> tuple[int, int, int] | None:
    """The date a question asserts ('từ ngày 21/5/2012', 'ngày 21 tháng 5 năm 2012')."""
    match = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b|\b(\d{1,2}) tháng (\d{1,2}) năm (\d{4})\b", question)
    if not match:
        return None
    numbers = [int(n) for n in match.groups() if n]
    return numbers[0], numbers[1], numbers[2]


def _bare(note: str) -> str:
    """A manifest note in Vietnamese without its parenthetical remarks."""
    return re.sub(r"\s*\((?!\d{1,2}/\d{1,2}/\d{4}\))[^)]*\)", "", vietnamese_note(note)).strip()


def issued_phrase(meta: dict, opening: str) -> str:
    """When a document was issued, as its opening writes that date ('ngày 01 tháng 08 năm 2014'), else from the
    manifest; a date of another document the opening cites ('căn cứ Nghị định … ngày 21 tháng 5 năm 2012') is not
    it. Without a manifest date (an upload), the first date of its opening lines."""
    issued = _iso(meta.get("issued") or "")
    written = list(_WRITTEN_DATE.finditer(opening))
    if issued is None:  # an upload without a date of issue: its opening lines date it
        head = len("\n".join(opening.splitlines()[:3]))
        return next((_as_said(w.group(0)) for w in written if w.start() < head and w.group(0)[:1] in "nN"), "")
    same = next((w.group(0) for w in written if _numbers(w) == issued), None)
    if same is None:
        return vietnamese_date(meta["issued"])
    return _as_said(same)


def _as_said(written: str) -> str:
    """A written date as the lead says it: 'ngày 15/5/2023' for '15/5/2023', 'ngày …' for a line's 'Ngày …'."""
    return f"ngày{written[4:]}" if written[:4].lower() == "ngày" else f"ngày {written}"


def dated_line(meta: dict, text: str) -> str | None:
    """The line of a passage writing the document's date of issue ('Ngày 15/5/2023, Cục trưởng … đã ký ban hành
    Công văn số 400/CTĐP-QLKC …'): it often says who signed; None when no sentence does (a header line such as
    'Hà Nội, ngày 01 tháng 08 năm 2014' says less than the opening it heads)."""
    issued = _iso(meta.get("issued") or "")
    return next((line.strip() for line in text.splitlines() if len(line.split()) >= 12 and "|" not in line
                 and any(_numbers(w) == issued for w in _WRITTEN_DATE.finditer(line))), None)


def _numbers(written: re.Match) -> tuple[int, ...]:
    return tuple(int(g) for g in written.groups() if g)


def dated_passage(meta: dict, own: list, every: list) -> object | None:
    """The passage writing the document's date of issue: one of its own (`own`, opening first), else one citing it by
    number ('Thông tư liên tịch số 26/2014/TTLT-BTC-BCT ngày 18 tháng 02 năm 2014'); None when none does."""
    issued = _iso(meta.get("issued") or "")
    if issued is None:
        return None
    day, month, year = issued
    date = rf"ngày 0?{day} tháng 0?{month} năm {year}"
    if found := next((c for c in own if any(_numbers(w) == issued for w in _WRITTEN_DATE.finditer(c.text))), None):
        return found
    number = meta.get("number")
    cited = re.compile(rf"{re.escape(number)}\s+{date}") if number else None
    return next((c for c in every if cited.search(c.text)), None) if cited else None


def document_sentence(meta: dict, opening: str) -> str:
    """'Quyết định 1288/QĐ-TTg của Thủ tướng Chính phủ, ban hành ngày 01 tháng 08 năm 2014: phê duyệt …'."""
    text = doc_label(meta)
    if meta.get("issuer"):
        text += f" của {meta['issuer']}"
    if when := issued_phrase(meta, opening):
        text += f", ban hành {when}"
    if about := title_after_kind(meta) or (meta.get("title") or "").strip():
        text += f": {about[:1].lower()}{about[1:]}"
    return text


def effect_chunk(chunks: list) -> object | None:
    """The document's 'Hiệu lực thi hành' article (its last chunk when it has none)."""
    return next((c for c in chunks if "hiệu lực" in (c.article_title or "").lower()), chunks[-1] if chunks else None)


def asks_effect(question: str) -> bool:
    """'… có hiệu lực từ khi nào?', 'when does … take effect?'"""
    return bool(_EFFECT.search(fold(question)) or re.search(r"\btake effect\b", question, re.IGNORECASE))


def asks_replaced(question: str) -> bool:
    """'Thông tư 36/2013 thay thế những quyết định nào?', 'which circular does it replace?': what the named document
    replaces (not what replaces it: 'bị thay thế bởi văn bản nào?')."""
    folded = fold(question)
    return bool(re.search(r"(?<!bi )(?<!duoc )\bthay the (?:nhung |cac )?(?:van ban|quyet dinh|thong tu|nghi dinh)?"
                          r"\s*(?:nao|gi)\b|\bdoes it replace\b|\b(?:which|what) \w+ does [^?]{0,60}replace\b", folded))


_EFFECT_LINE = re.compile(r"[^.\n]*có hiệu lực (?:thi hành )?(?:kể )?(?:từ|sau)[^.\n]*", re.IGNORECASE)


def effect_line(chunks: list) -> tuple[object, str] | None:
    """The passage and sentence saying when the document takes effect ('Quyết định này có hiệu lực thi hành kể từ ngày
    ký ban hành'), in the document's words; None when no passage says it."""
    return next(((c, m.group(0).strip()) for c in chunks if (m := _EFFECT_LINE.search(c.text))), None)


def described(question: str, results: list, generation) -> list[str]:
    """The document a validity question describes without its số hiệu ('Quyết định ban hành chương trình khuyến công
    quốc gia 2026-2030 được ký ngày nào?'): the best retrieved one of the kind it names; [] when it names no kind or
    asks nothing of a document's dates or currency."""
    folded = fold(question)
    if not asks_validity(question) and not _EFFECT.search(folded):
        return []
    kind = _DESCRIBED.search(folded)
    for result in results:
        meta = generation.document(result.chunk.doc_id)
        if kind and fold(meta.get("doc_type") or "") == kind.group(1) and _describes(folded[kind.end():], meta):
            return [result.chunk.doc_id]
        # 'Chương trình khuyến công quốc gia giai đoạn 2026-2030 được ban hành ngày nào?': what it issues, by name
        if not kind and names_dated_title(folded, meta):
            return [result.chunk.doc_id]
    return []


def names_dated_title(question: str, meta: dict, run: int = 5) -> bool:
    """Whether a question names a document by what its title says, `run` words of it in a row, with a year of it
    ('Chương trình khuyến công quốc gia giai đoạn 2026-2030 …' of 'Phê duyệt Chương trình khuyến công quốc gia giai
    đoạn 2026 - 2030')."""
    folded = fold(question)
    return bool(re.search(r"\b(?:19|20)\d{2}\b", folded)) and _describes(folded, meta) \
        and _names_title(folded, meta, run)


def dated_title_named(question: str, results: list, generation, run: int = 5) -> str | None:
    """The best retrieved document the question names by its title and year (see names_dated_title); None if none."""
    return next((r.chunk.doc_id for r in results
                 if names_dated_title(question, generation.document(r.chunk.doc_id), run)), None)


def _describes(description: str, meta: dict, words: int = 3) -> bool:
    """Whether a description fits a document's title: every year it names is the title's or the số hiệu's, and it
    shares at least `words` of the title's words ('kế hoạch khuyến công năm 2027 của tỉnh' is no programme of 2026)."""
    title = fold(f"{meta.get('title') or ''} {meta.get('number') or ''}")
    if any(year not in title for year in re.findall(r"\b(?:19|20)\d{2}\b", description)):
        return False
    return len(set(re.findall(r"\w+", description)) & set(re.findall(r"\w+", title))) >= words


def _names_title(folded: str, meta: dict, run: int = 5) -> bool:
    """Whether the question writes `run` words of the document's title in a row ('chương trình khuyến công quốc gia
    giai đoạn 2026-2030' of 'Phê duyệt Chương trình khuyến công quốc gia giai đoạn 2026 - 2030')."""
    title = re.findall(r"\w+", fold(meta.get("title") or ""))
    asked = " ".join(re.findall(r"\w+", folded))
    return any(" ".join(title[i:i + run]) in asked for i in range(len(title) - run + 1))


# 'Quyết định ban hành …', 'Nghị định về khuyến công …': a document described by what it does.
_DESCRIBED = re.compile(r"\b(quyet dinh|nghi dinh|thong tu lien tich|thong tu|nghi quyet)\s+(ban hanh|phe duyet|ve|"
                        r"quy dinh|huong dan)\b")


def successor_asked(question: str, meta: dict) -> str | None:
    """The số hiệu of what amends or replaces the document a question names, when the question asks about that text
    ('Nghị định sửa đổi, bổ sung Nghị định 45/2012 là nghị định số mấy?' -> '235/2025/NĐ-CP'), from the manifest;
    None otherwise."""
    folded = fold(question)
    asked = _SUCCESSOR.search(folded)
    if not asked or not _NAMES_IT.search(folded):  # '… theo nghị định sửa đổi …, mức chi là bao nhiêu?' asks a rule
        return None
    amended = (meta.get("amended_by") or [None])[0]
    replacing = bool(re.search(r"thay the|replac", asked.group(0)))
    successor = (meta.get("superseded_by") or amended) if replacing else (amended or meta.get("superseded_by"))
    found = re.search(r"\d+/\d{4}/[\wĐđ-]+", successor or "")
    return found.group(0) if found else None


_BY_WHICH = re.compile(r"\b(bi|duoc|da bi|da duoc)\s+(sua doi|bo sung|thay the)(?:,? bo sung)?\s+(boi|bang)\b|"
                       r"\b(?:replaced|amended|superseded) by\b|\b(?:which|what) \w+ (?:replaced|amended|superseded)\b")


def asks_successor(question: str) -> bool:
    """'… bị thay thế bởi văn bản nào?', 'replaced by which circular?': the named document's successor is asked."""
    return bool(_BY_WHICH.search(fold(question)))


def successor_sentence(meta: dict, number: str) -> str:
    """'Thông tư liên tịch 26/2014/TTLT-BTC-BCT đã bị thay thế bởi Thông tư 28/2018/TT-BTC.' from the record."""
    label = doc_label(meta)
    kind = next((name for name, code in DOC_KINDS.values() if re.search(rf"/{code}(?:-|$)", number)), "văn bản")
    replaced = number in (meta.get("superseded_by") or "")
    return f"{label} {'đã bị thay thế' if replaced else 'đã được sửa đổi, bổ sung'} bởi {kind} {number}."


# 'Nghị định sửa đổi, bổ sung Nghị định 45/2012 …', 'văn bản thay thế Thông tư liên tịch 26/2014': the text asked
# about is the one that amends or replaces the document named after it.
_SUCCESSOR = re.compile(r"\b(nghi dinh|thong tu|quyet dinh|van ban)\s+(nao\s+)?(da\s+)?(sua doi|bo sung|thay the)\b|"
                        # '… bị thay thế bởi văn bản nào?', '… được sửa đổi bởi thông tư nào?'
                        rf"{_BY_WHICH.pattern}|"
                        r"\b(decree|circular|decision|document)\s+(that\s+|which\s+)?"
                        r"(amends|amended|amending|replaces|replaced|replacing)\b")


# What asks for the amending text itself: its số hiệu, which one, its dates.
_NAMES_IT = re.compile(r"\b(so may|so bao nhieu|so hieu|nao|la gi|ngay nao|khi nao|which|what)\b")


def issuer_sentence(meta: dict) -> str:
    """'Nghị định 45/2012/NĐ-CP do Chính phủ ban hành ngày 21 tháng 5 năm 2012; văn bản trong kho không ghi tên người
    ký': who a document is issued by, for '… do ai ký?' when no passage of it names its signer."""
    issued = f" ngày {vietnamese_date(meta['issued']).removeprefix('ngày ')}" if _iso(meta.get("issued")) else ""
    issuer = meta.get("issuer") or "cơ quan có thẩm quyền"
    return f"{doc_label(meta)} do {issuer} ban hành{issued}; văn bản trong kho không ghi tên người ký"


def asks_signer(question: str) -> bool:
    """'… do ai ký?', 'who signed …?'"""
    return bool(_SIGNER.search(fold(question)))


_SIGNER = re.compile(r"\b(ai ky|nguoi ky|do ai|who signed|signed by)\b")
# 'được ban hành theo đề nghị của cơ quan nào?', 'ai đề nghị ban hành …?', 'on whose proposal …?'
_PROPOSER = re.compile(r"\b(de nghi cua (ai|co quan nao|don vi nao|ben nao)|(ai|co quan nao|don vi nao) de nghi|"
                       r"whose proposal|proposed by|(who|which)\b[^?]{0,80}\b(proposed|recommended))\b")
_PROPOSED = re.compile(r"^\s*(?:Theo|Xét) đề nghị của\b")


def asks_proposer(question: str) -> bool:
    """'… được ban hành theo đề nghị của cơ quan nào?', 'on whose proposal …?'"""
    return bool(_PROPOSER.search(fold(question).lower()))


def proposal_line(question: str, chunks: list) -> tuple[object, str] | None:
    """The preamble line of a document's passages saying on whose proposal it was issued ('Theo đề nghị của Cục
    trưởng Cục Đổi mới sáng tạo …'), when the question asks that; None otherwise."""
    if not asks_proposer(question):
        return None
    return next(((chunk, line.strip()) for chunk in chunks for line in chunk.text.splitlines()
                 if _PROPOSED.match(line)), None)


def mention_of(ref, chunks: list) -> tuple[object, str] | None:
    """The first passage citing a document the corpus does not hold ('Thông tư số 28/2018/TT-BTC ngày 28 tháng 3 năm
    2018 … được sửa đổi, bổ sung bởi Thông tư số 64/2024/TT-BTC'), a dated citation first, with the clause that cites
    it; only a số hiệu of the kind asked ('Nghị định 28/2018' is not 'Thông tư số 28/2018/TT-BTC'); None when none
    does."""
    year = str(ref.year) if ref.year else r"\d{4}"
    code = DOC_KINDS[ref.kind][1] if ref.kind in DOC_KINDS else r"[\wĐđ]+"
    cited = re.compile(rf"(?<![\d/]){ref.number}/{year}/{code}(?![\wĐđ])[\wĐđ-]*(\s+ngày)?")
    found = [(chunk, clause.strip(" ;."), match) for chunk in chunks
             for clause in re.split(r"(?<=[;.])\s+|\n", chunk.text) if (match := cited.search(clause))]
    dated = [(chunk, clause) for chunk, clause, match in found if match.group(1)]  # one saying when it was issued
    return (dated or [(chunk, clause) for chunk, clause, _ in found] or [None])[0]


# 'A đã bị Nghị định 52/2018 thay thế, đúng không?': the replacing text named before the verb
_AGENT_BEFORE = re.compile(r"\b(?:bi|duoc)\s+(?:[\w/.-]+\s+){1,6}?thay the\b")


def replacement_claim(question: str, refs) -> tuple[object, object] | None:
    """The (replacing, replaced) references a claim of replacement names, in that order ('Nghị định 45/2012 đã thay
    thế Nghị định 66/2006 phải không?'); None when the question claims none, or claims what follows from one ('Vì
    … đã thay thế … nên … vẫn …, đúng không?')."""
    folded = fold(question)
    if len(refs.documents) != 2 or not checks_claim(question) or not re.search(r"\bthay the\b", folded) \
            or re.search(r"(?<!\w)(?:nên|thì)(?!\w)", question.lower()) \
            or (is_unaccented(question) and re.search(r"\b(?:nen|thi)\b(?! hanh)", folded)):
        return None
    first, second = refs.documents
    return (second, first) if _BY_WHICH.search(folded) or _AGENT_BEFORE.search(folded) else (first, second)


def replaces(sentence: str, ref) -> bool:
    """Whether a document's effect sentence says it replaces the referenced one ('… và thay thế Nghị định số
    134/2004/NĐ-CP …' replaces 134/2004)."""
    _, said, replaced = sentence.partition("thay thế")
    year = f"/{ref.year}" if ref.year else r"/\d{4}"
    return bool(said) and re.search(rf"(?<![\d/])0*{ref.number}{year}(?!\d)", replaced) is not None


def replacing_clause(ref, chunks: list) -> tuple[object, str] | None:
    """The passage and clause of another document saying it replaces the referenced one ('Nghị định này … thay thế
    Nghị định số 66/2006/NĐ-CP …' of Nghị định 52/2018); None when none says so."""
    year = f"/{ref.year}" if ref.year else r"/\d{4}"
    said = re.compile(rf"(?<!được )(?<!bị )\bthay thế\b[^.;]*?(?<![\d/])0*{ref.number}{year}(?!\d)", re.IGNORECASE)
    return next(((chunk, line) for chunk in chunks for line in re.split(r"(?<=[;.])\s+|\n", chunk.text)
                 if said.search(line)), None)
