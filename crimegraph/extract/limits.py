"""Per-document bounds: past them a component leaves out an expensive, optional step and says so in the
Extraction's warnings, so an outsized document (a list of thousands of names, a scraped page of
repeated tokens) costs time linear in its size instead of stalling.

Each bound is far above what real articles reach (the largest of the 1,780 corpus articles are noted;
a text over clean.MAX_CHUNK characters is extracted in pieces, each piece bounded on its own).
"""

from __future__ import annotations

# Entity mentions (doc.ents) of a Doc. Past it, coreference no longer reads each full name's sentence
# for kinship ("his son, Nicolás Maduro Guerra"): a regular expression per name. Corpus maximum: 410.
MAX_DOC_MENTIONS = 3_000

# Candidate claim pairs of a Doc. Past it, the learned claim model weighs only the first pairs, in text
# order; the rules' claims stand for the sentences left out. Corpus maximum: 1,222.
MAX_DOC_PAIRS = 20_000

# Event candidates of a Doc. Past it, a candidate is compared only with the last MERGE_WINDOW events of
# its type instead of with every one (merging is otherwise quadratic). Corpus maximum: 73.
MAX_EVENT_CANDIDATES = 1_000
MERGE_WINDOW = 100
