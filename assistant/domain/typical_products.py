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
# What a question says of its product, accent-folded, and the condition it fails.
_FAILS = (
    (re.compile(r"\b(doc ban|doc nhat|duy nhat|chi (lam|co|san xuat|lam duoc) (mot|1) (chiec|cai|ban|tac pham)|"
                r"khong (san xuat|lam) them|one[- ]of[- ]a[- ]kind|unique piece|one[- ]off|only one)\b"), IN_SERIES),
    (re.compile(r"\b(nhap|mua)\b.{0,40}\b(ve|noi khac|tu)\b.{0,60}\b(dong goi|dong hop|dan nhan|dan tem|ban lai)\b|"
                r"\b(bought|buys|imported)\b.{0,60}\b(repack|relabel|label)"), OWN_MAKE),
    (re.compile(r"\b(sao chep|lam nhai|hang nhai|nhai theo|bat chuoc|copy|copied|imitation)\b"), NOT_COPIED),
)


def failed_condition(question: str) -> Address | None:
    """The condition of Điều 4 a product the selection question describes fails, or None."""
    folded = fold(question).lower()
    if not _SELECTION.search(folded):
        return None
    return next((address for pattern, address in _FAILS if pattern.search(folded)), None)
