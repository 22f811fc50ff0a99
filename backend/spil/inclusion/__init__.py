"""Inclusive employment: a board's job-agreement track (seed 003, *Baanbrekers*)."""
