"""Layer 4: tools for study and seminars — the notes store, handouts and reading plans."""
