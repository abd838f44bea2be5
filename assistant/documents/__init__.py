"""Documents: reading files, corpus metadata, legal-structure chunking and the record types."""
