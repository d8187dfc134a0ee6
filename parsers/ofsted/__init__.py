"""Helpers of the Ofsted inspection report parser (`parsers.ofsted_inspection`).

One idea a file: `text` (line clean-up shared by the others), `grades`,
`areas`, `dates`, `titles` (report titles, framework, where a report starts),
`front_page` (header facts and the judgement table), `recommendations`, and
`third_party` (comparison with the open-source scraper's CSV; a tool, not a
parser).
"""
from parsers.ofsted.titles import is_report_start

__all__ = ["is_report_start"]
