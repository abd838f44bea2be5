"""The Gradio workspace for officials, one module per tab (Vietnamese UI), apart from the core."""

from assistant.serve.ui.common import CSS
from assistant.serve.ui.workspace import Workspace, build_workspace

__all__ = ["CSS", "Workspace", "build_workspace"]
