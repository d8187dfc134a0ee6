"""Parsers: one pure function per document type, pages in, records out.

The registry of which function parses which type is `parsers.registry`;
shared readers (dates, ...) are in `parsers.common`.
"""
