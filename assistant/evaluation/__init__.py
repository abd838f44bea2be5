"""Evaluation suite: curated questions -> pipelines (project and baselines) -> metrics -> report and gate."""
