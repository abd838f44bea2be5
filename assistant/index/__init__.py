"""Index: embedders, the Chroma vector store, immutable generations and incremental ingest."""
