"""Status stage: hedging (asserted, alleged, denied and who says so) and modality (planned, negated)."""
