"""Text stage: cleaning, boilerplate, language, dates and counts (helpers of the later stages)."""
