"""Khuyến công assistant: documents -> chunks -> index -> retrieval -> answers -> API/UI."""

__version__ = "0.1.0"
__all__ = ["__version__"]
