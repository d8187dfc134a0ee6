"""The pieces of the committee minutes parser; `parsers.minutes` is the entry point.

lines       the document's lines, cleaned of layout accidents (split baselines, page numbers, running
            headers of short minutes), with the cells of lines printed in columns
names       one attendee or declarant as printed: title, name, post-nominals, role notes
header      the meeting itself: council, committee, date, times, venue
attendance  PRESENT / Substitutes / IN ATTENDANCE / Apologies blocks and apology minutes
name_lists  a printed list of people (comma lists, one a line, table columns) -> one person each
items       numbered minute items: number, title as printed, text
decisions   declarations of interest and resolutions inside the items
action_log  the action-log table some packs print after the minutes
nlp         the spaCy rule pipeline (blank English tokenizer, Matcher): declarants, cabinet roles, decisions
"""
