"""Whether an establishment can receive khuyến công support, by the rules of Nghị định 45/2012 (Điều 1, 5, 6) and
Thông tư 46/2012 (Điều 3, 5, 6), every reason citing the article it applies. Rules, not retrieval: the answer
must not depend on how a question is worded."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from assistant.search.retrieval import IndexMissing
from assistant.text import blank, fold, nfc

ENTITY_TYPES = ("doanh_nghiep_nho_va_vua", "hop_tac_xa", "to_hop_tac", "ho_kinh_doanh", "doanh_nghiep_lon", "khac")
UNITS = ("xa", "thi_tran", "huyen", "thi_xa", "phuong")
ENTITY_LABELS = {"doanh_nghiep_nho_va_vua": "Doanh nghiệp nhỏ và vừa", "hop_tac_xa": "Hợp tác xã",
                 "to_hop_tac": "Tổ hợp tác", "ho_kinh_doanh": "Hộ kinh doanh", "doanh_nghiep_lon": "Doanh nghiệp lớn",
                 "khac": "Loại hình khác"}
UNIT_LABELS = {"xa": "xã", "thi_tran": "thị trấn", "huyen": "huyện", "thi_xa": "thị xã", "phuong": "phường"}


@dataclass(frozen=True)
class Address:
    """A legal address (document, Điều, khoản, điểm): what a reason cites, resolved in the index when answering."""

    doc_id: str
    article: int
    clause: int | None = None
    point: str | None = None

    @property
    def locator(self) -> str:
        """'Điều 3, khoản 1, điểm a', as the chunker writes locators."""
        parts = [f"Điều {self.article}"]
        parts += [f"khoản {self.clause}"] if self.clause is not None else []
        parts += [f"điểm {self.point}"] if self.point is not None else []
        return ", ".join(parts)


class CitationMissing(IndexMissing):
    """The published index has no passage at an address the rules cite (the document is missing or cut oddly)."""


ND_45 = "nd-45-2012"
TT_46 = "tt-46-2012-bct"
ND45_SCOPE = Address(ND_45, 1)  # Điều 1: phạm vi, đối tượng và địa bàn áp dụng
ND45_SECTORS = Address(ND_45, 5, 1)  # Điều 5 khoản 1: the trade groups a)–g)
ND45_PRIORITY_TRADES = Address(ND_45, 6, 2)
TT46_EXCLUSIONS = Address(TT_46, 5)  # Điều 5: what is not supported (fired clay bricks, mining outside hard areas)
TT46_CLEANER = Address(TT_46, 3, 2)
TT46_WARD = Address(TT_46, 3, 1, "đ")
# Thông tư 46/2012 Điều 3 khoản 1 điểm d: registered in a city ward, producing in a rural place, still eligible.
TT46_HEAD_OFFICE = Address(TT_46, 3, 1, "d")
TT46_PRIORITY_AREAS = Address(TT_46, 6, 1)
TT46_PRIORITY_PRODUCTS = Address(TT_46, 6, 2)
TTLT_26 = "ttlt-26-2014-btc-bct"
# Thông tư liên tịch 26/2014 Điều 7 khoản 4: no khuyến công money for what the state already paid for.
TTLT26_NOT_TWICE = Address(TTLT_26, 7, 4)
ENTITY_ADDRESSES = {"doanh_nghiep_nho_va_vua": Address(TT_46, 3, 1, "a"), "hop_tac_xa": Address(TT_46, 3, 1, "b"),
                    "to_hop_tac": Address(TT_46, 3, 1, "b"), "ho_kinh_doanh": Address(TT_46, 3, 1, "c")}
AMENDMENTS = (
    "Nghị định 45/2012/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định 235/2025/NĐ-CP; Thông tư 46/2012/TT-BCT đã được "
    "sửa đổi bởi Thông tư 20/2017/TT-BCT. Các văn bản sửa đổi chưa có trong kho: kết quả dựa trên bản gốc, cần đối "
    "chiếu trước khi lập hồ sơ."
)

# The groups of Nghị định 45/2012 Điều 5 khoản 1, with words that name their trades (accent-folded).
SECTOR_GROUPS = {
    "a": ("Công nghiệp chế biến nông - lâm - thủy sản và chế biến thực phẩm",
          "che bien|nong san|lam san|thuy san|hai san|thuc pham|luong thuc|xay xat|gao|ca phe|banh keo|banh|keo|"
          "nuoc mam|ruou|bia|say kho|dau an|duong mia|tinh bot|thuc an chan nuoi|mi an lien|nem|gio cha|mat ong|"
          "bun kho|bun tuoi|lam bun|mien dong|mien gao|lam mien|banh trang|banh da|dau phu|tuong ot|dua muoi|"
          "hat dieu|tom kho|hat tieu|say va dong goi|dong goi thuc pham|dong goi nong san|dong goi hat"),
    "b": ("Sản xuất hàng công nghiệp phục vụ tiêu dùng và xuất khẩu, hàng thay thế hàng nhập khẩu",
          "may mac|det may|giay dep|hang tieu dung|xuat khau|nhua|bao bi|do go|noi that|hang gia dung|quan ao"),
    "c": ("Công nghiệp hóa chất phục vụ nông nghiệp, nông thôn; sản xuất vật liệu xây dựng",
          "hoa chat|phan bon|thuoc bao ve thuc vat|vat lieu xay dung|gach|ngoi|xi mang|be tong|da op lat|"
          "vat lieu khong nung"),
    "d": ("Sản xuất sản phẩm, phụ tùng; lắp ráp và sửa chữa máy móc, thiết bị, dụng cụ cơ khí, điện, điện tử - tin "
          "học; gia công chi tiết, bán thành phẩm và công nghiệp hỗ trợ",
          "co khi|phu tung|lap rap|sua chua may|sua may|may moc|thiet bi dien|dien tu|tin hoc|linh kien|"
          "cong nghiep ho tro|gia cong|khuon mau|nong cu|dung cu cam tay"),
    "dd": ("Sản xuất hàng tiểu thủ công nghiệp",
           "thu cong|my nghe|may tre|tre dan|dan lat|gom|gom su|theu|theu ren|son mai|kham trai|det thu cong|"
           "non la|tieu thu cong|guong|dieu khac"),
    "e": ("Khai thác, chế biến khoáng sản tại địa bàn có điều kiện kinh tế - xã hội khó khăn, đặc biệt khó khăn",
          "khai thac|khoang san|mo da|cat soi|khai thac da|che bien da|da xay dung"),
    "g": ("Áp dụng sản xuất sạch hơn; xử lý ô nhiễm môi trường tại cụm công nghiệp, cơ sở công nghiệp nông thôn",
          "san xuat sach hon|xu ly o nhiem|xu ly chat thai|xu ly nuoc thai|tai che"),
}
PRIORITY_GROUPS = {"a", "c", "d", "g"}  # Nghị định 45/2012 Điều 6 khoản 2 điểm a (cơ khí, hóa chất NN, chế biến, CNHT)
# 'xưởng may' sews garments; folded it would read as 'xưởng máy' (a machine shop), so it is read with its accents.
_SEWING = re.compile(r"\b(?:xưởng|cơ sở|nghề|hộ|công ty|doanh nghiệp|tổ|hợp tác xã|htx|tiệm|thợ|làm|hàng) may\b"
                     r"(?! (?:móc|mặc))")
_ECOMMERCE = re.compile(r"\bthuong mai dien tu\b")
_BRICK = re.compile(r"\bgach\b")
_FIRED = re.compile(r"\b(nung|dat set)\b")
_FORBIDDEN_KILN = re.compile(r"\b(lo vong|lo thu cong|thu cong cai tien|lo dung|lo hoffman)\b")
_UNFIRED = re.compile(r"\bkhong nung\b")
# Where a mine is, as the asker says it: not in a hard-up area ('vùng kinh tế thuận lợi'), or in one; folded.
_NOT_HARD_UP = re.compile(r"\b(khong thuoc|khong phai|ngoai)\b[^,.;()]{0,25}\bkho khan\b|\bthuan loi\b|"
                          r"\bkinh te (?:phat trien|kha)\b")
_HARD_UP = re.compile(r"\b(dac biet kho khan|kho khan|huyen ngheo|30a)\b")
_SUPPORTING = re.compile(r"\b(cong nghiep ho tro|linh kien|phu tung|phu kien)\b")


@dataclass
class Location:
    """Where the establishment produces."""

    unit: str
    city_class: int | None = None
    years_since_conversion: float | None = None


@dataclass
class Applicant:
    """What an enterprise tells the checker about itself."""

    entity_type: str
    location: Location
    sector: str
    cleaner_production: bool = False
    workers: int | None = None
    local_material_share: float | None = None
    exports: bool | None = None
    priority_area: bool | None = None
    typical_product: bool | None = None


@dataclass
class Reason:
    """One finding and the legal address it rests on; `evaluate` fills the citation from the index."""

    text: str
    address: Address
    citation: dict = field(default_factory=dict)
    outcome: str = "ok"  # 'no' refuses, 'review' leaves it to the authority


@dataclass
class Verdict:
    """The /api/eligibility response."""

    verdict: str
    reasons: list[Reason] = field(default_factory=list)
    priorities: list[Reason] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sector_group: str | None = None

    def to_dict(self) -> dict:
        """JSON-ready dict, citations as {doc_id, locator, text}."""
        data = asdict(self)
        for key in ("reasons", "priorities"):
            data[key] = [{"text": r["text"], "citation": r["citation"]} for r in data[key]]
        return data


def _sector_hits(sector: str) -> dict[str, list[re.Match]]:
    """Each Điều 5 group's trade words found in the free-text sector, as matches in its padded folded text (the
    sector's own words keep their places: a match past them is the sewing cue's)."""
    sector = nfc(sector)
    folded = _ECOMMERCE.sub(blank, f" {fold(sector)} ")  # e-commerce is a sales channel, not electronics
    if _SEWING.search(sector.lower()):
        folded += " may mac "
    return {key: [hit for word in words.split("|") if word.strip()
                  if (hit := re.search(rf"\b{re.escape(word.strip())}\b", folded))]
            for key, (_, words) in SECTOR_GROUPS.items()}


def _best_group(hits: dict[str, list[re.Match]]) -> str | None:
    best = max(hits, key=lambda key: len(hits[key]))
    return best if hits[best] else None


def match_sector(sector: str) -> str | None:
    """The Điều 5 group whose trade words the free-text sector mentions most (None when none fits)."""
    return _best_group(_sector_hits(sector))


def trade_named(sector: str) -> str:
    """The words of a free-text sector that place it in its group, as written ('đồ gỗ'); '' when none fits."""
    hits = _sector_hits(sector)
    group = _best_group(hits)
    sewing = _SEWING.search(nfc(sector).lower())  # 'xưởng may' is told by its 'may'
    if group and sewing:
        return nfc(sector)[sewing.end() - 3:sewing.end()]
    text = f" {nfc(sector)} "
    if len(fold(text)) != len(text):
        return ""  # a character folding to more or fewer: the words cannot be found again where they stand
    # the earliest and, of two starting there, the longer ('bánh kẹo' rather than 'bánh')
    spans = sorted((hit.start(), -hit.end()) for hit in hits[group] if hit.end() < len(text)) if group else []
    return text[spans[0][0]:-spans[0][1]].strip() if spans else ""


# Where the policy applies (Nghị định 45/2012 Điều 1 khoản 2), as a reason says it.
APPLIED_PLACES = "huyện, thị xã, thị trấn, xã và một số phường"
# How Thông tư 46/2012 Điều 3 khoản 1 điểm đ counts a ward's years since it was a commune (the rule, said whether
# the years were counted from dates or stated by the user).
_COUNTED_TO = "số năm tính đến ngày 31 tháng 12 của năm trước liền kề với năm xây dựng kế hoạch"


LONG_AGO = 1000  # years since a ward said to be old ('có từ lâu') was converted; more than any stated (API: ≤ 200)


def _years_said(years: float) -> str:
    """'3', '5,5', and 'hơn 5' for a few days over five years (5,0 would read as not over)."""
    said = f"{years:.1f}".removesuffix(".0").replace(".", ",")
    return "hơn 5" if years > 5 and said == "5" else said


def _place(location: Location) -> tuple[str, str]:
    """('ok' | 'no' | 'review', why) for the place of production (NĐ 45/2012 Điều 1 khoản 2 điểm a)."""
    label = UNIT_LABELS[location.unit]
    if location.unit != "phuong":
        return "ok", f"Sản xuất tại {label}: thuộc địa bàn áp dụng chính sách khuyến công ({APPLIED_PLACES})."
    if location.city_class in (2, 3):
        return "ok", (f"Phường thuộc thành phố loại {location.city_class}: thuộc địa bàn áp dụng (các phường thuộc "
                      "thành phố loại 2, loại 3).")  # the rule's words, so the reader sees which rule says so
    if location.city_class == 1:
        if location.years_since_conversion is None:
            return "review", ("Phường thuộc thành phố loại 1 chỉ được áp dụng khi được chuyển đổi từ xã chưa quá 05 "
                              "năm (các phường thuộc thành phố loại 2, loại 3 thì được áp dụng): cần cho biết số năm "
                              "kể từ khi chuyển đổi.")
        years = _years_said(location.years_since_conversion)
        if 0 <= location.years_since_conversion <= 5:
            return "ok", (f"Phường thuộc thành phố loại 1 chuyển đổi từ xã {years} năm (chưa quá 05 năm; "
                          f"{_COUNTED_TO}): thuộc địa bàn áp dụng.")
        # the rule itself, so the reader sees which wards it admits
        since = "từ lâu" if location.years_since_conversion >= LONG_AGO else f"{years} năm"
        return "no", (f"Phường thuộc thành phố loại 1 đã chuyển đổi từ xã {since} (quá 05 năm; {_COUNTED_TO}): "
                      "không thuộc địa bàn áp dụng, vì chỉ các phường thuộc thành phố loại 1 được chuyển đổi từ xã "
                      "chưa quá 05 năm và các phường thuộc thành phố loại 2, loại 3 được áp dụng.")
    return "review", ("Cần cho biết phường thuộc thành phố loại mấy: các phường thuộc thành phố loại 2, loại 3 được "
                      "áp dụng; phường thuộc thành phố loại 1 chỉ khi được chuyển đổi từ xã chưa quá 05 năm.")


def admitted_sentence(entities: list[str]) -> str:
    """'Hộ kinh doanh là cơ sở công nghiệp nông thôn thuộc đối tượng áp dụng.'; several kinds: '… và … đều là …'."""
    labels = [ENTITY_LABELS[e] for e in entities]
    if len(labels) == 1:
        return f"{labels[0]} là cơ sở công nghiệp nông thôn thuộc đối tượng áp dụng."
    said = ", ".join(labels[:-1]) + " và " + labels[-1][:1].lower() + labels[-1][1:]
    return f"{said} đều là cơ sở công nghiệp nông thôn thuộc đối tượng áp dụng."


def check(applicant: Applicant) -> Verdict:
    """The verdict, its reasons and the priorities that apply, each pointing at the legal address that states it."""
    verdict = Verdict(verdict="eligible", warnings=[AMENDMENTS])
    outcomes: list[str] = []

    def reason(text: str, address: Address, outcome: str = "ok") -> None:
        verdict.reasons.append(Reason(text, address, outcome=outcome))
        outcomes.append(outcome)

    group = match_sector(applicant.sector)
    verdict.sector_group = group
    folded_sector = fold(applicant.sector)
    if applicant.cleaner_production:
        reason("Cơ sở sản xuất công nghiệp áp dụng sản xuất sạch hơn được hưởng chính sách khuyến công, không giới "
               "hạn quy mô vốn, lao động và địa bàn.", TT46_CLEANER)
    else:
        entity = applicant.entity_type
        if entity in ENTITY_ADDRESSES:
            reason(admitted_sentence([entity]), ENTITY_ADDRESSES[entity])
        elif entity == "doanh_nghiep_lon":
            reason("Doanh nghiệp lớn không thuộc đối tượng áp dụng (chỉ doanh nghiệp nhỏ và vừa, hợp tác xã, tổ hợp "
                   "tác, hộ kinh doanh), trừ khi áp dụng sản xuất sạch hơn.", ND45_SCOPE, "no")
        else:
            reason("Loại hình này không có trong danh sách đối tượng (doanh nghiệp nhỏ và vừa, hợp tác xã, tổ hợp tác, "
                   "hộ kinh doanh): cần cơ quan quản lý xem xét.", ND45_SCOPE, "review")
        outcome, why = _place(applicant.location)
        reason(why, TT46_WARD if applicant.location.unit == "phuong" and applicant.location.city_class == 1
               else ND45_SCOPE, outcome)
    if _BRICK.search(folded_sector) and _FIRED.search(folded_sector) and not _UNFIRED.search(folded_sector):
        if _FORBIDDEN_KILN.search(folded_sector):
            # the rule's own words, up to what it supports instead
            reason("Đối với sản xuất vật liệu xây dựng, không hỗ trợ các cơ sở sản xuất gạch đất sét nung sử dụng công "
                   "nghệ nung bằng lò thủ công cải tiến, lò vòng gây ô nhiễm môi trường; tập trung hỗ trợ các cơ sở "
                   "sản xuất vật liệu xây dựng theo công nghệ mới (vật liệu không nung)…", TT46_EXCLUSIONS, "no")
        else:
            reason("Gạch đất sét nung chỉ được xem xét khi không dùng lò thủ công cải tiến, lò vòng: cần cho biết công "
                   "nghệ lò nung.", TT46_EXCLUSIONS, "review")
    elif group is None:
        reason(f"Ngành nghề \u201c{applicant.sector[:120]}\u201d không khớp nhóm nào của Điều 5: cần cơ quan quản lý "
               "xem xét.", ND45_SECTORS, "review")
    else:
        label = SECTOR_GROUPS[group][0]
        point = "đ" if group == "dd" else group
        reason(f"Ngành nghề thuộc nhóm {point}) Điều 5: {label}.", ND45_SECTORS)
        if group == "e":
            _mining_place(folded_sector, reason)
        if _UNFIRED.search(folded_sector):
            verdict.priorities.append(Reason("Vật liệu xây dựng không nung được tập trung hỗ trợ.",
                                             TT46_EXCLUSIONS))
    if "no" in outcomes:
        verdict.verdict = "not_eligible"
    elif "review" in outcomes:
        verdict.verdict = "needs_review"
    verdict.priorities.extend(_priorities(applicant, group, folded_sector))
    return verdict


def _priorities(applicant: Applicant, group: str | None, folded_sector: str) -> list[Reason]:
    """Nghị định 45/2012 Điều 6 and Thông tư 46/2012 Điều 6: what moves an application up the list."""
    found = []
    if applicant.priority_area:
        found.append(Reason("Địa bàn ưu tiên (vùng cao, hải đảo, biên giới, vùng đồng bào dân tộc thiểu số, huyện "
                            "nghèo, xã xây dựng nông thôn mới, địa bàn khó khăn).", TT46_PRIORITY_AREAS))
    if group in PRIORITY_GROUPS or applicant.cleaner_production:
        found.append(Reason("Ngành nghề ưu tiên: cơ khí, hóa chất phục vụ nông nghiệp, chế biến nông - lâm - thủy sản, "
                            "công nghiệp hỗ trợ, sản xuất sạch hơn.", ND45_PRIORITY_TRADES))
    if applicant.exports:
        found.append(Reason("Sản xuất sản phẩm có thị trường xuất khẩu.", TT46_PRIORITY_PRODUCTS))
    if applicant.local_material_share is not None and applicant.local_material_share > 0.5:
        found.append(Reason(f"Nguyên liệu tại chỗ chiếm {applicant.local_material_share:.0%} (trên 50%) tổng giá trị "
                            "nguyên liệu.", TT46_PRIORITY_PRODUCTS))
    if applicant.workers is not None and applicant.workers >= 50:
        found.append(Reason(f"Sử dụng nhiều lao động: {applicant.workers} lao động (từ 50 trở lên).",
                            TT46_PRIORITY_PRODUCTS))
    if _SUPPORTING.search(folded_sector):
        found.append(Reason("Sản phẩm công nghiệp hỗ trợ.", TT46_PRIORITY_PRODUCTS))
    if applicant.typical_product:
        found.append(Reason("Sản phẩm công nghiệp nông thôn tiêu biểu đã được công nhận.", ND45_PRIORITY_TRADES))
    return found


def _mining_place(folded_sector: str, reason) -> None:
    """Mining and mineral processing is supported only in hard-up areas (Điều 5 e): the place the asker names decides
    it, when named."""
    rule = "Khai thác, chế biến khoáng sản chỉ được hỗ trợ tại những địa bàn có điều kiện kinh tế - xã hội khó khăn và "
    if _NOT_HARD_UP.search(folded_sector):
        reason(rule + "đặc biệt khó khăn: địa bàn bạn nêu không thuộc diện này.", TT46_EXCLUSIONS, "no")
    elif _HARD_UP.search(folded_sector):
        reason(rule + "đặc biệt khó khăn: địa bàn bạn nêu thuộc diện này.", TT46_EXCLUSIONS)
    else:
        reason(rule + "đặc biệt khó khăn: cần xác định địa bàn.", TT46_EXCLUSIONS, "review")


def evaluate(applicant: Applicant, generation) -> Verdict:
    """The verdict with each reason's citation read from the published index ({doc_id, locator, text, …})."""
    verdict = check(applicant)
    for item in verdict.reasons + verdict.priorities:
        item.citation = cite(item.address, generation)
    return verdict


def cite(address: Address, generation) -> dict:
    """The indexed text at a legal address, whatever size the chunker cut it to; CitationMissing when absent."""
    chunks = generation.find_chunks(address.doc_id, address.article, address.clause, address.point)
    if not chunks or not _states(chunks, address):
        raise CitationMissing(f"Chỉ mục không có {address.locator} của văn bản {address.doc_id}: cần nạp lại kho văn "
                              "bản trước khi kiểm tra điều kiện.")
    first = chunks[0]
    return {"doc_id": address.doc_id, "locator": address.locator, "number": first.number,
            "status": generation.document(address.doc_id).get("status", first.status),
            "chunk_ids": [c.id for c in chunks], "text": "\n".join(c.text for c in chunks)}


def _states(chunks: list, address: Address) -> bool:
    """Whether the chunks hold the address itself: a chunk coarser than the address (a whole Điều for a khoản)
    must contain that khoản's "1." line, and within it the điểm's "a)" line."""
    text = "\n".join(c.text for c in chunks)
    if address.clause is not None and all(c.clause is None for c in chunks):
        text = _segment(text, rf"{address.clause}\.", rf"{address.clause + 1}\.")
    if address.point is not None and all(c.point is None for c in chunks):
        text = _segment(text, rf"{re.escape(address.point)}\)", None)
    return bool(text)


def _segment(text: str, opening: str, closing: str | None) -> str:
    """The lines from the one starting with `opening` up to the one starting with `closing` ('' when absent)."""
    start = re.search(rf"(?m)^\s*{opening}\s", text)
    if start is None:
        return ""
    end = re.search(rf"(?m)^\s*{closing}\s", text[start.end():]) if closing else None
    return text[start.start(): start.end() + end.start()] if end else text[start.start():]
