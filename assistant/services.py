"""The one place that builds the assistant's services (searcher, answerer, admin, feedback) from settings."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer.answerer import Answerer
from assistant.answer.llm import create_llm
from assistant.config import Settings
from assistant.search.retrieval import Searcher


@dataclass
class Services:
    """The long-lived objects of a running assistant, shared by the API, the workspace, the CLI and the evals."""

    settings: Settings
    searcher: Searcher
    answerer: Answerer

    def admin(self):
        """The document administration service (imported lazily: the CLI's ask and search never need it)."""
        from assistant.serve.admin import Admin

        return Admin(self.settings)

    def feedback(self):
        """The feedback store under KC_DATA_DIR."""
        from assistant.serve.feedback import FeedbackStore

        return FeedbackStore(self.settings.data_dir / "feedback.sqlite3")


def build_services(settings: Settings | None = None, with_llm: bool = True, mode: str = "hybrid") -> Services:
    """Services over the published index; the LLM joins when KC_LLM_BASE_URL is set and `with_llm` allows it."""
    settings = settings or Settings.from_env()
    searcher = Searcher(settings)
    answerer = Answerer(searcher, create_llm(settings) if with_llm else None, mode=mode)
    return Services(settings, searcher, answerer)
