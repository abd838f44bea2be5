"""Statuses computed across the corpus: a text that says it replaces, amends or repeals another sets the other's
status and its replaced-by / amended-by, unless the manifest or an administrator says otherwise."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.documents.metadata import number_key
from assistant.documents.records import Document, document_label

# The status a relation gives its target, strongest first (a replaced text stays replaced when it was amended too).
_STATUS_OF = {"replaces": "superseded", "repeals": "expired", "expires": "expired", "amends": "amended"}
_STRENGTH = ("superseded", "expired", "amended")
_FIXED = ("manifest", "admin")  # provenance that relations never override


@dataclass
class Stated:
    """One relation as the corpus states it: which text acts on which, and who says so."""

    kind: str
    target_key: str
    by_label: str
    stated_in: str  # doc_id of the text that says it


def resolve(documents: list[Document], others: Iterable[dict] = ()) -> None:
    """Set status, superseded_by and amended_by of `documents` from the relations stated by them and by `others`
    (metadata of indexed documents kept as they are, e.g. during a partial ingest)."""
    fresh = {d.id for d in documents}
    sources = [d.metadata() for d in documents] + [dict(o) for o in others if o.get("id") not in fresh]
    labels = {number_key(s.get("number")): document_label(s.get("doc_type"), s.get("number"), s.get("title"))
              for s in sources if s.get("number")}
    stated = [rel for source in sources for rel in _stated(source, labels)]
    for document in documents:
        own = number_key(document.number)
        if own:
            _apply(document, [s for s in stated if s.target_key == own and s.stated_in != document.id])


def _stated(source: dict, labels: dict[str, str]) -> list[Stated]:
    """The relations a document states, with the acting text named as the corpus names it."""
    out = []
    own_label = document_label(source.get("doc_type"), source.get("number"), source.get("title"))
    for relation in source.get("relations") or []:
        if relation.get("by"):
            key = number_key(relation["by"])
            by_label = labels.get(key) or f"{relation.get('by_type') or ''} {relation['by']}".strip()
        else:
            by_label = own_label
        stated = Stated(relation["kind"], number_key(relation["target"]), by_label, source.get("id", ""))
        if stated.target_key != number_key(source.get("number")) or relation.get("by"):
            out.append(stated)
    return out


def _apply(document: Document, stated: list[Stated]) -> None:
    """The document's computed status and links, where neither the manifest nor an administrator set them; a link
    follows only a status it agrees with (a text the manifest calls in force gets no 'replaced by')."""
    if not stated:
        return
    provenance = document.provenance
    statuses = {_STATUS_OF[s.kind] for s in stated}
    if provenance.get("status") not in _FIXED:
        document.status = next(status for status in _STRENGTH if status in statuses)
        provenance["status"] = "relations"
    replaced_by = list(dict.fromkeys(s.by_label for s in stated if s.kind == "replaces"))
    if replaced_by and document.status == "superseded" and provenance.get("superseded_by") not in _FIXED:
        document.superseded_by = "; ".join(replaced_by)
        provenance["superseded_by"] = "relations"
    amended_by = list(dict.fromkeys(s.by_label for s in stated if s.kind == "amends"))
    if amended_by and document.status in ("amended", "superseded") and provenance.get("amended_by") not in _FIXED:
        document.amended_by = amended_by
        provenance["amended_by"] = "relations"
