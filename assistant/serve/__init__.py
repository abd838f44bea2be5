"""Serving: the JSON API, the web app, limits, administration, feedback and the Gradio workspace."""
