"""Word lists for telling which speaker names, across articles, name the same entity."""

# Dropped from the front of a person's name before comparing: "Lt Gen Sehgal" is "Sehgal".
NAME_PREFIXES = frozenset((
    "mr", "mrs", "ms", "dr", "shri", "smt", "sri", "prof", "lt", "gen", "col", "maj", "brig",
    "capt", "adm", "cdr", "lieutenant", "general", "colonel", "major", "brigadier", "captain",
    "admiral", "commander", "sir", "dame",
))

# Small words that an organisation's acronym usually skips: "MEA" is the Ministry *of*
# External Affairs. Word order is also ignored: "Defence Ministry" is "Ministry of Defence".
ORGANIZATION_LINK_WORDS = frozenset(("the", "of", "and", "for", "on", "in", "at", "to", "&"))

# A name made of one of these words alone ("the Ministry", "Agency") describes rather than
# names, like any name whose last word is lower case ("the ministry", "ISRO chief").
GENERIC_NAMES = frozenset((
    "ministry", "department", "commission", "committee", "council", "authority", "agency",
    "bureau", "board", "administration", "army", "navy", "police", "court", "government",
    "company", "firm", "party", "office", "embassy", "statement", "minister", "official",
    "spokesperson", "spokesman", "spokeswoman", "chief", "president",
))
