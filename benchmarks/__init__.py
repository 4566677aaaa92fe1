"""Benchmarks of newsextract against its peers on the Zyte article-extraction set.

Not part of the installed package: run the scripts from the repository root
(`python benchmarks/accuracy.py`, `python benchmarks/speed.py`).
"""
