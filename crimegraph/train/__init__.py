"""Training data: gold annotations of real articles, stored as offsets into the corpus texts."""
