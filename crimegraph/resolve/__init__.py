"""Resolve: link entities across articles (recorded, reversible judgements) and de-duplicate events."""
