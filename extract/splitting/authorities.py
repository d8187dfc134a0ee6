"""The English local authorities with children's services functions.

A gazetteer, not a per-council rule: it lets any document name its
authority ("Gloucestershire County Council", "London Borough of Ealing",
"City of Wolverhampton") and be recorded under one canonical name.
"""
from __future__ import annotations

import re

AUTHORITIES = [
    "Barking and Dagenham", "Barnet", "Barnsley", "Bath and North East Somerset", "Bedford",
    "Bexley", "Birmingham", "Blackburn with Darwen", "Blackpool", "Bolton",
    "Bournemouth, Christchurch and Poole", "Bracknell Forest", "Bradford", "Brent", "Brighton and Hove",
    "Bristol", "Bromley", "Buckinghamshire", "Bury", "Calderdale", "Cambridgeshire", "Camden",
    "Central Bedfordshire", "Cheshire East", "Cheshire West and Chester", "City of London", "Cornwall",
    "Coventry", "Croydon", "Cumberland", "Cumbria", "Darlington", "Derby", "Derbyshire", "Devon", "Doncaster",
    "Dorset", "Dudley", "Durham", "Ealing", "East Riding of Yorkshire", "East Sussex", "Enfield", "Essex",
    "Gateshead", "Gloucestershire", "Greenwich", "Hackney", "Halton", "Hammersmith and Fulham",
    "Hampshire", "Haringey", "Harrow", "Hartlepool", "Havering", "Herefordshire", "Hertfordshire",
    "Hillingdon", "Hounslow", "Isle of Wight", "Isles of Scilly", "Islington", "Kensington and Chelsea",
    "Kent", "Kingston upon Hull", "Hull", "Kingston upon Thames", "Kirklees", "Knowsley", "Lambeth",
    "Lancashire", "Leeds", "Leicester", "Leicestershire", "Lewisham", "Lincolnshire", "Liverpool", "Luton",
    "Manchester", "Medway", "Merton", "Middlesbrough", "Milton Keynes", "Newcastle upon Tyne", "Newham",
    "Norfolk", "North East Lincolnshire", "North Lincolnshire", "North Northamptonshire", "North Somerset",
    "North Tyneside", "North Yorkshire", "Northamptonshire", "West Northamptonshire", "Northumberland",
    "Nottingham", "Nottinghamshire", "Oldham", "Oxfordshire", "Peterborough", "Plymouth", "Portsmouth",
    "Reading", "Redbridge", "Redcar and Cleveland", "Richmond upon Thames", "Rochdale", "Rotherham",
    "Rutland", "Salford", "Sandwell", "Sefton", "Sheffield", "Shropshire", "Slough", "Solihull", "Somerset",
    "South Gloucestershire", "South Tyneside", "Southampton", "Southend-on-Sea", "Southend", "Southwark",
    "St Helens", "Staffordshire", "Stockport", "Stockton-on-Tees", "Stoke-on-Trent", "Suffolk", "Sunderland",
    "Surrey", "Sutton", "Swindon", "Tameside", "Telford and Wrekin", "Thurrock", "Torbay", "Tower Hamlets",
    "Trafford", "Wakefield", "Walsall", "Waltham Forest", "Wandsworth", "Warrington", "Warwickshire",
    "West Berkshire", "West Sussex", "Westminster", "Westmorland and Furness", "Wigan", "Wiltshire",
    "Windsor and Maidenhead", "Wirral", "Wokingham", "Wolverhampton", "Worcestershire", "York",
]

# Longest names first so "South Gloucestershire" wins over "Gloucestershire".
_NAMES = sorted(AUTHORITIES, key=len, reverse=True)
_PATTERN = re.compile(
    r"(?<![A-Za-z])(" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _NAMES) + r")(?![A-Za-z])",
    # Case-sensitive: "Reading", "Bury" and "York" are also ordinary words.
)
_CANONICAL = {n.lower(): n for n in AUTHORITIES}


def canonical_authority(name: str) -> str:
    key = re.sub(r"\s+", " ", name).strip().lower()
    return _CANONICAL.get(key, name)


def authorities_in(text: str) -> list[str]:
    """Every authority named in `text`, canonical, in order of appearance (repeats kept)."""
    if text.isupper():
        text = text.title()
    return [canonical_authority(m.group(1)) for m in _PATTERN.finditer(text)]


def first_authority(text: str) -> str | None:
    found = authorities_in(text)
    return found[0] if found else None
