"""Reading rules more than one reader shares, so that no type package imports another.

  dates, periods        printed dates, ordinals and reporting periods
  text                  line clean-up (footnote marks, quotes, page numbers), wrapped lines joined
  figures               figures as printed (`49.1 %`, `£2,786`, `?`) and their units
  person_names          a person's name and the titles before it (honorifics.txt)
  authorities           England's local authorities (authorities.csv) found in text
  ofsted_letters        where an Ofsted letter starts and ends
  ofsted_grades         Ofsted's grades as printed, normalised to the contract's words
  ofsted_frameworks     Ofsted's inspection frameworks (ofsted_frameworks.csv)
  plan_kind, plan_labels  improvement plans: their titles and printed labels
  minutes_announced     a line that names minutes without opening them
  commentary_evidence   what makes scorecard commentary and not a report (commentary_words.toml)
  provenance            the document, page and line every record carries
  word_lists            TOML word lists beside the code that reads them, matched as whole words
"""
