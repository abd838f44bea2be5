"""Answers: question analysis, evidence, composition, follow-ups, currency warnings and the optional LLM."""
