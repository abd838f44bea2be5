"""Which products may enter the selection of typical rural industrial products (Thông tư 26/2014/TT-BCT Điều 4): the
conditions a product the question describes fails (one of a kind, made by someone else, copied)."""

from __future__ import annotations

import re

from assistant.domain.eligibility import Address
from assistant.text import fold

TT_26 = "tt-26-2014-bct"
# Điều 4: 2. made by the establishment itself; 3. not a copy; 4. made in series, not one of a kind.
OWN_MAKE = Address(TT_26, 4, 2)
NOT_COPIED = Address(TT_26, 4, 3)
IN_SERIES = Address(TT_26, 4, 4)

_SELECTION = re.compile(r"\b(binh chon|du thi|san pham (cong nghiep nong thon |cnnt )?tieu bieu|typical (rural )?"
                        r"(industrial )?products?)\b")
# What a question says of its product, accent-folded, and the condition it fails. 'duy nhất' must say the work is
# one piece ('chỉ làm một chiếc', 'bức tượng … duy nhất'), not that a village or a company is the only one; goods
# bought in must be the product sold, not materials or machines; a copy is the product, not what the asker fights.
_ONE_PIECE = re.compile(r"\bdoc ban\b|\b(tac pham|buc|chiec|cai|mon)\b[^.?,;]{0,40}?\b(doc nhat|duy nhat)\b|"
                        r"\bchi (lam|co|san xuat|lam duoc) (mot|1) (chiec|cai|ban|tac pham|buc)\b|"
                        r"\b(duy nhat|doc nhat) (mot|1) (chiec|cai|ban)\b|\bkhong (san xuat|lam) them\b|"
                        r"\bone[- ]of[- ]a[- ]kind\b|\bunique piece\b|\bone[- ]off\b")
_BOUGHT_IN = re.compile(r"\b(nhap|mua)\b(?![^.?;]{0,30}\b(nguyen lieu|vat tu|vat lieu|may|thiet bi|de san xuat)\b)"
                        r"[^.?;]{0,40}\b(ve|noi khac)\b[^.?;]{0,60}\b(dong goi|dong hop|dan nhan|dan tem|ban lai)\b|"
                        r"\b(bought|buys|imported)\b.{0,60}\b(repack|relabel)")
_COPIED = re.compile(r"(?<!khong )(?<!chong )(?<!\bbi )(?<!khong phai )\b(sao chep|lam nhai|hang nhai|nhai theo|"
                     r"bat chuoc)\b|\b(copied|an imitation|a copy of)\b")
_FAILS = ((_ONE_PIECE, IN_SERIES), (_BOUGHT_IN, OWN_MAKE), (_COPIED, NOT_COPIED))
_SUFFERED = re.compile(r"\b(bi|chong|tranh)\b[^.?,;]{0,25}$")


def failed_condition(question: str) -> Address | None:
    """The condition of Điều 4 a product the selection question describes fails, or None."""
    folded = fold(question).lower()
    if not _SELECTION.search(folded):
        return None
    for pattern, address in _FAILS:
        found = pattern.search(folded)
        # 'bị người khác làm nhái', 'chống hàng nhái': the product is what others copy
        if found and not (address is NOT_COPIED and _SUFFERED.search(folded[: found.start()])):
            return address
    return None
