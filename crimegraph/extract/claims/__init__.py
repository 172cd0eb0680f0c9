"""Claim stage: positions, memberships, involvement, sanctions, stances and the learned claim classifier."""
