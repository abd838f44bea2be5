"""Starts the assistant's web app on KC_HOST:KC_PORT (default http://127.0.0.1:7860)."""

import uvicorn

from assistant.api import create_app
from assistant.config import Settings

if __name__ == "__main__":
    settings = Settings.from_env()
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port)
