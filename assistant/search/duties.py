"""The articles that set a body's duties ('Nhiệm vụ và quyền hạn' of the Trung tâm Khuyến công), found by their
titles, for questions asking what that body does."""

from __future__ import annotations

import re

from assistant.search.shorthand import expand_shorthand
from assistant.text import fold

# The bodies khuyến công rules give duties to, as a question names them (folded, shorthand written out)
_BODIES = ("trung tam khuyen cong", "so cong thuong", "cuc cong nghiep dia phuong", "bo cong thuong",
           "uy ban nhan dan cap tinh", "uy ban nhan dan cap huyen", "uy ban nhan dan cap xa", "hoi dong binh chon",
           "uy ban nhan dan tinh")
# ('Trung tâm Khuyến công và Tư vấn phát triển công nghiệp' is the Trung tâm's full name, no 'tư vấn' it does)
_NAMED = re.compile(r"\b(" + "|".join(_BODIES) + r")\b(?: va tu van phat trien cong nghiep\b)?")
_DUTY_TITLE = re.compile(r"\b(?:nhiem vu|trach nhiem|quyen han)\b(?! thi hanh| thuc hien)")


# What a body is asked to do ('… có hỗ trợ làm nhãn hiệu …', '… được làm những loại tư vấn nào'), not what it is
# ('… trực thuộc cơ quan nào', '… hoạt động theo cơ chế tài chính nào')
_DOES = re.compile(r"\b(?:lam|ho tro|to chuc|mo|thuc hien|de xuat|tap huan|tu van|giup|dao tao|xay dung|"
                   r"cung cap|trien khai)\b(?! theo co che)")


def body_named(question: str) -> str:
    """The first body the question names and asks what it does ('trung tam khuyen cong' of 'trung tâm khuyến công
    tỉnh có hỗ trợ … không?'), folded; '' when it names none or asks what it is."""
    folded = fold(expand_shorthand(question)).lower()
    found = _NAMED.search(folded)
    return found.group(1) if found and _DOES.search(folded, found.end(), found.end() + 60) else ""


def duty_positions(generation, body: str) -> list[int]:
    """Positions of the passages of the articles setting the body's duties: an article titled by duties whose own
    title or whose document's title names the body."""
    by_body = generation.view("duty_positions", _duty_articles)
    return by_body.get(body, [])


def _duty_articles(generation) -> dict[str, list[int]]:
    """Body -> positions of its duty articles: titled by the body ('Trách nhiệm của Sở Công Thương'), or untitled by
    any in a document about the body (the first body its title names: the Trung tâm's 'Nhiệm vụ và quyền hạn')."""
    found: dict[str, list[int]] = {body: [] for body in _BODIES}
    for position, chunk in enumerate(generation.chunks):
        article = fold(chunk.article_title or "").lower()
        if not _DUTY_TITLE.search(article):
            continue
        subject = _NAMED.search(article) or _NAMED.search(fold(chunk.title or "").lower())
        if subject:
            found[subject.group(1)].append(position)
    return found
