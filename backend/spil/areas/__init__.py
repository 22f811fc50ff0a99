"""Overviews of a municipality or a region across boards: aggregates for municipalities and regions."""
