"""Helpers of the Ofsted inspection report parser (`parsers.ofsted_inspection`).

One idea a file:
  text             line clean-up shared by the others (footnote marks, quotes, page numbers)
  entries          a document's lines as the helpers read them
  titles           report titles, their framework, and `is_report_start` for the splitter
  header           title, authority, inspection and publication dates, lead inspector
  grades / areas   printed grades and judgement labels, normalised
  dates            inspection periods (`15 to 26 November 2021`, split fieldwork)
  judgements       the front-page judgement table or sentences, and the LSCB review's judgement
  recommendations  numbered recommendations and `What needs to improve?` bullets
  third_party      comparison with the open-source scraper's CSV (a tool: it reads a file)
"""
from parsers.ofsted.titles import is_report_start

__all__ = ["is_report_start"]
