"""Benchmarks (``make bench``): a national-scale data set on PostgreSQL and a load runner that
prints latency and throughput of the API as ratios against hand-written SQL and a trivial
endpoint measured in the same run. Never part of ``make test``; no timed assertions."""
