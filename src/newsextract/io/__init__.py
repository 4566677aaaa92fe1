"""Batches on all cores, their records and the WARC reader.

Behind the CLI, `newsextract.warc` and `newsextract.dask`.
"""
