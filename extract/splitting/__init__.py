"""Splitting: a source's lines into typed documents (`split_source`)."""
from extract.splitting.classify import classify_lines
from extract.splitting.document import content_hash, document_between, make_document
from extract.splitting.split import VERSION as SPLITTER_VERSION
from extract.splitting.split import split_source

__all__ = ["split_source", "make_document", "document_between", "content_hash", "classify_lines", "SPLITTER_VERSION"]
