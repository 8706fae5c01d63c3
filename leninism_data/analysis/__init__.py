"""Layer 3: pure analysis verbs over the tables — queries, search and KWIC,
frequencies and dispersion, keyness and collocates, the passage finder, lemmas, the
people and works gazetteers, and the statistics they share."""
