"""Search: text tokens, BM25, accent restoration, document references and hybrid retrieval."""
