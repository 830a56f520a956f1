"""Benchmarks: synthetic national-scale data and measured performance (not part of `make test`).

`make bench-data SCALE=small|national` fills a PostgreSQL database per scale;
`make bench` runs the quick set against the small one. See docs/benchmarks.md.
"""
