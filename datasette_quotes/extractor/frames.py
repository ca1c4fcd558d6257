"""Frames: around each cue, the speaker mention and the raw span of what was reported,
in every order news uses (`X said`, `said X`, `"...," X said`, `according to X`,
`OUTLET quoted X as saying`, `X said:`, `The letter was blunt: "..."`).

Everything here reads the masked text. A `Frame` holds raw offsets; trimming, typing and
naming happen in `attribute.py`, `speakers.py` and `sources.py`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

import regex

from . import lexicon as lx
from .cues import CUE_KINDS, TELL_FORMS, VERB_ALTERNATION, VERB_BASE, CueWord, find_cue_words
from .marks import Quote
from .segments import MASK, Sentence

Span = tuple[int, int]
# News sentences hold a handful of cues; a bound keeps odd input (a run of "said said
# said ...") linear.
MAX_CUES_PER_SENTENCE = 12
# How far before a cue its subject and any introductory adjuncts may start, in characters.
SUBJECT_REACH = 400

_WEEKDAY = "|".join(d.capitalize() for d in lx.WEEKDAYS)
_MONTH = "|".join(m.capitalize() for m in lx.MONTHS)
_CHANNEL_NOUN = (
    "statement|post|tweet|video|message|interview|briefing|conference|call|reply|letter|report|"
    "filing|note|speech|address|rally|release|bulletin|session|hearing|meeting|event|ceremony|"
    "programme|program|show|podcast|op-ed|column|article|blog|email|e-mail|broadcast|appearance|"
    "debate|webinar|documents?|decision|ruling|submission|affidavit|petition|notice|update|"
    "comments|remarks|editorial|summit|forum|study|survey|judgment|order|communique|website|page|"
    "account|feed|radio|television|program|town\\s+hall"
)
_NAME_WORD = r"[\p{Lu}\p{N}][\p{L}\p{M}\p{N}’'.&/-]*"
# Adjuncts between a verb of saying and its clause: days, channels, "citing X".
ADJUNCT = regex.compile(
    rf"""\s*,?\s*(?:
        (?:(?:on|last|this|late|early|earlier)\s+)?(?:{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?(?![’'])
      | on\s+(?:(?:{_MONTH})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH}))(?:,?\s+\d{{4}})?
      | (?:in|during|earlier\s+in|since)\s+(?:(?:{_MONTH})(?:\s+\d{{4}})?|\d{{4}})
      | \p{{Ll}}{{3,}}ly(?=\s*[,:])
      | (?:today|yesterday|tonight|earlier|later|again|also|separately|recently|too|publicly|privately|repeatedly|
           (?:last|this|earlier\s+this|over\s+the)\s+(?:week|weekend|month|year|morning|afternoon|evening|night))
      | of\s+(?:(?:him|her|them|it|his|their)\b|(?:the\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})*
                 |(?:(?:the|his|her|their|its|a)\s+)?[\w’'-]+(?=\s*,))
      | (?:in|at|during|through|via|on|over|from|with|after|while|before|by|under|to)\s+
        (?:a|an|the|its|his|her|their|this|that|one|another|separate|{_NAME_WORD}[’']s)\s+
        (?:[\w’'-]+\s+){{0,5}}?(?:{_CHANNEL_NOUN})s?(?:\s+(?:{_CHANNEL_NOUN})s?)?\b
        (?:\s+(?:on|to|with|in|at|for|of|by)\s+(?:(?:the|its|his|her|their|a)\s+)?(?:{_NAME_WORD}|X)
           (?:\s+(?:of\s+|and\s+|&\s+)?{_NAME_WORD})*(?:[’']s(?:\s+[\w-]+)?\s+(?:account|page|handle|channel|website))?
         | \s+(?:to|with|for)\s+(?:the\s+)?(?:clients|investors|shareholders|reporters|employees|staff|members|customers|supporters|lawmakers|parliament))*
      | (?:in|at|on|during|to|with|from|for|over)\s+(?:[\w’'-]+\s+){{1,4}}?(?=(?:he|she|they|it|we|I)\s+\p{{Ll}})
      | ,\s*citing\s+[^,;:{MASK}]+?(?=,)
      | ,\s*(?:published|released|issued|dated|posted)\s+[^,;:{MASK}]+?(?=,)
      | (?:in|on|at)\s+(?:{_NAME_WORD})(?:\s+{_NAME_WORD})*
      | (?:after|before|during|following|at|in|on|over|from|with|along|across|near|around|outside|inside|by|for)\s+[^,;:{MASK}\"“”]{{1,60}}?(?=\s+that\b)
    )""",
    regex.VERBOSE,
)
# The words ADJUNCT can open with, past its leading comma (keep in step with it), or a
# second comma; only a word with "ly" in it can be its manner adverb. Testing these first
# spares the match after most cues, which are followed by `that` or the clause itself.
ADJUNCT_OPENINGS = (
    ",", "on", "last", "this", "late", "early", "earlier", "in", "during", "since", "today",
    "yesterday", "tonight", "later", "again", "also", "separately", "recently", "too",
    "publicly", "privately", "repeatedly", "over", "of", "at", "through", "via", "from",
    "with", "after", "while", "before", "by", "under", "to", "for", "following", "along",
    "across", "near", "around", "outside", "inside", "citing", "published", "released",
    "issued", "dated", "posted", *(d.capitalize() for d in lx.WEEKDAYS),
)
# `is telling`, `was saying`: a participle of saying in a progressive verb.
PROGRESSIVE_BEFORE = regex.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)(?:\s+(?:also|still|now))?\s+$")
REPORTING_INFINITIVE = regex.compile(
    r"\b(?:" + "|".join(regex.escape(p) for p in lx.REPORTING_INFINITIVES) + r")\s+$", regex.IGNORECASE
)
AUXILIARY_BEFORE = regex.compile(r"\b(?:has|have|had|used to)(?:\s+(?:also|long|already|repeatedly|previously))?\s+$")
# The words the two patterns above can end with, tested before searching them (keep in step).
REPORTING_INFINITIVE_ENDINGS = tuple({phrase.split()[-1] for phrase in lx.REPORTING_INFINITIVES})
AUXILIARY_ENDINGS = ("has", "have", "had", "to", "also", "long", "already", "repeatedly", "previously")
# `..., though it cautioned that ...`: a second report, with its own frame.
# Past forms of the verbs of saying: `..., and called for ...` starts a second report.
PAST_ALTERNATION = "|".join(sorted((f for f in VERB_BASE if f.endswith(("ed", "s")) or f in lx.IRREGULAR_PAST), key=len, reverse=True))
SECOND_REPORT = regex.compile(
    rf"(?:,|(?<={MASK},?[”\"]))\s+(?:though|although|but|while|and)\s+(?:he|she|it|they|the\s+\p{{Ll}}+)\s+(?:also\s+)?(?:{VERB_ALTERNATION})\b"
    rf"|\s+and\s+(?:also\s+|\p{{Ll}}+ly\s+)?(?:{PAST_ALTERNATION})\b"
)
# The connectives SECOND_REPORT needs (keep in step): most clauses have none.
SECOND_REPORT_WORDS = ("and", "but", "though", "while")
# The subject at the end of a clause: `... mostly because Commissioner Tom Hale`,
# `It was a year ago that Mayor Ellis Grant`, `At the depot meeting on Friday she`.
CLAUSE_OPENER_TAIL = regex.compile(
    r".*\b(?:that|because|when|where|while|after|before|if|as|since|but|so|until|though|although|once)\s+(?P<np>\S.*?)\s*$",
    regex.DOTALL,
)
PRONOUN_TAIL = regex.compile(r"\s(?P<np>he|she|they|we|I)\s*$")
NAME_TAIL = regex.compile(rf"(?<=\p{{Ll}})\s+(?P<np>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*$")
_OPENING_PREPOSITIONS = ("At", "In", "On", "During", "After", "Before", "From", "With", "Under", "Over", "Inside", "Outside", "Near")
PREPOSITION_START = regex.compile(r"\s*(?:" + "|".join(_OPENING_PREPOSITIONS) + r")\s")
# `said it is wishful to hope that when the county delays, "..."`: a clause of the
# report, not an adjunct, before the quoted words.
CLAUSE_BEFORE_QUOTE = regex.compile(r"\s*(?:it|he|she|they|we|I|there|this|that)[’']?\S*\s+\p{Ll}", regex.IGNORECASE)
# A subordinate clause opening a sentence: `While he acknowledged ..., Ham noted ...`.
FRONTED_CLAUSE = regex.compile(r"\s*(?:While|Though|Although|Even\s+though|Even\s+as|Whereas|Because|Since|After|Before|When|Once|If|Unless)\s")
# The next item of a list of quoted words: `the board "timid," "slow" and "out of touch"`.
LISTED_QUOTE = regex.compile(r"\s+(?:(?:and|or)\s+)?(?:(?:a|an|the)\s+)?[“\"]")
# Where a clause with quoted words ends: not at `and` before more quoted words
# (`as "provocative" and a "grave threat"`).
CLAUSE_BREAK = regex.compile(
    r",|\s+[—–―]|\s+--?\s|\s+(?:but|after|while|when|because|during|before|until)\b|\s+and\b(?!\s+(?:\S+\s+){0,2}[“\"])"
    r"|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# `..., after a week of strikes`, `..., quietly staking her own seat on it`: an
# adjunct of the report, not part of what was said. The comma may close quoted words:
# `the fares were "unfair," noting that ...`.
TRAILING_ADJUNCT = regex.compile(
    rf"(?:,|(?<={MASK}[”\"]))\s+(?:after|though|although|citing|even\s+as"
    # `..., which she called "a scandal of neglect"`: the writer's clause quoting the speaker again
    rf"|(?:which|whom|what)\s+(?:he|she|they|it)\s+(?:\p{{Ll}}+ly\s+)?(?:" + "|".join(sorted(lx.NAMING_VERBS)) + ")"
    r"|(?:\p{Ll}+ly\s+)?(?!(?:including|excluding|according|regarding|concerning|during|notwithstanding|pending)\b)\p{Ll}{3,}ing)\b"
    # After the quoted words: `..." — adding that`, `..." as she left`, `...," in a radio interview`
    rf"|(?P<after_quote>(?<={MASK}[”\"])(?:\s+[—–―]|\s+--)\s+\p{{Ll}}{{3,}}ing\b"
    rf"|(?<={MASK},?[”\"])\s+(?:as\s+(?:he|she|they|it|we|I)\b|(?:in|on|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_CHANNEL_NOUN})s?\b))"
)
# A contrast after quoted words set off by their own comma ends the report.
CONTRAST_AFTER = regex.compile(r"\s+(?:but|though|although|while|whereas|yet)\b")
# `says she respects his "passion" but argues that ...`: after the quoted words, a second
# predicate of the speaker's, not more of what was said.
COORDINATED_PREDICATE = regex.compile(
    rf"(?<={MASK}[”\"'])\s+(?:but|and)\s+(?:also\s+|then\s+)?(?:\p{{Ll}}+ly\s+)?(?P<verb>\p{{Ll}}{{3,}})\b"
)
# `Ortega called the plan "tight" and said ...`: a second verb of the same speaker.
AND_BEFORE = regex.compile(r"\band\s+(?:also\s+)?$")
COORDINATED_BEFORE = regex.compile(r"\b(?:and|but)\s+(?:also\s+|now\s+|then\s+|later\s+|\p{Ll}+ly\s+)?$")
# The standard library's engine finds these single characters about twice as fast.
SEGMENT_BREAK = re.compile(rf"''|(?<={MASK})[’']|[‘'](?={MASK})|[,;:—―“”\"«»„()\[\]]")
# `as the Eastfield Courier puts it`, `As Dana Ruiz observed,`: the writer borrows the
# speaker's words.
_AS_X_VERBS = ("said", "says", "noted", "notes", "observed", "wrote", "writes", "argued", "explained", "pointed out", "warned", "remarked")
_AS_PUT_IT = (
    r"[Aa]s\s+(?P<speaker>[^;:\n]{2,120}?),?\s+(?:\p{Ll}+ly\s+)?(?P<cue>(?:once\s+|has\s+|have\s+)?(?:(?:put|puts)\s+it\b"
    r"|(?:" + "|".join(verb.replace(" ", r"\s+") for verb in _AS_X_VERBS) + r")(?=\s*[,:])))\s*[,:]?"
)
AS_PUT_IT = regex.compile(r"\s*" + _AS_PUT_IT)
AS_PUT_IT_AFTER = regex.compile(r"(?:,|(?<=[”\"]))\s*" + _AS_PUT_IT)
# The words of _AS_PUT_IT's cue: a sentence with none of them needs no search.
AS_PUT_IT_CUES = ("put", *(verb.split()[0] for verb in _AS_X_VERBS))
# A roundup's item: a dash or `from` before a name, a colon, the quotation.
BYLINE_COLON = regex.compile(
    rf"(?:\s[-—–]+\s*(?:[Mm]ore\s+)?(?:[Ff]rom\s+)?|\b[Ff]rom\s+)"
    rf"(?P<name>(?:the\s+)?{_NAME_WORD}(?:\s+(?:and\s+|&\s+)?{_NAME_WORD}){{0,5}}|the\s+report):\s*(?=[\"“])"
)
NAME_COLON = regex.compile(rf"[\"“]?({_NAME_WORD}(?:[ \xa0]+{_NAME_WORD}){{0,2}}):\s+(?=\S)")
DASH_SIGNATURE = regex.compile(rf"[\s\xa0]*([―—])[\s\xa0]*({_NAME_WORD}(?:[\s\xa0]+{_NAME_WORD}){{0,4}})(?:,\s[^\n]{{1,80}}?)?[\s.]*$")
# The subject a sentence opens with: a name, a pronoun or a short noun phrase.
LEADING_SUBJECT = regex.compile(
    rf"\s*((?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)\b|The\s+\p{{Ll}}+\b(?!\s+\p{{Lu}})|(?:The\s+)?{_NAME_WORD}(?:\s+(?:of\s+|the\s+)*{_NAME_WORD})*)(?=\s+\p{{Ll}}|\s*[,(])"
)
# Head nouns of a source, for a subject with no determiner: `federal prosecutors wrote`.
SPEAKER_HEADS = lx.GROUP_HEADS | lx.ANONYMOUS_HEADS | lx.ORGANIZATION_SHORT_FORMS | frozenset(lx.DOCUMENT_SPEAKERS)
PRONOUNS = lx.PRONOUNS_PERSON | lx.PRONOUNS_OTHER
OBJECT_PRONOUNS = frozenset(("me", "us", "him", "her", "them"))
# The name or pronoun just before a cue, past a relative pronoun or two adverbs:
# `... Gov. Ana Ruiz said`, `Lee, who declared`, `he also noted`.
NEAREST_SPEAKER = regex.compile(
    rf"(?<![\p{{L}}.])((?:he|she|they|we|I|He|She|They|We)\b|{_NAME_WORD}(?:[ \xa0]+{_NAME_WORD})*)"
    rf"(?:,\s+(?:who|which)\s+|\s+)(?:\p{{Ll}}+ly\s+|also\s+|then\s+|again\s+|and\s+){{0,2}}$"
)
# `Beck, who said ...`: a named antecedent, then a relative clause whose verb is the cue.
RELATIVE_SPEAKER = regex.compile(
    rf"(?<![\p{{L}}.])(?P<speaker>{_NAME_WORD}(?:[ \xa0]+{_NAME_WORD})*)"
    # `Carla Jennings of Toledo, Ohio, who said`: the place is not the speaker.
    rf"(?:\s+(?:of|from)\s+{_NAME_WORD}(?:\s+{_NAME_WORD})*(?:,\s+{_NAME_WORD}(?:\s+{_NAME_WORD})*)?)?"
    rf",\s+who\s+(?:\p{{Ll}}+ly\s+|also\s+|has\s+|had\s+|have\s+){{0,2}}$"
)
RELATIVE_CLAUSE_END = regex.compile(r"[,”\"]")
# A subject and the verb of its predicate, at the start of a sentence:
# `Sanders credited Clinton's win to "a closed primary"`, `He also blamed ...`.
SUBJECT_VERB = regex.compile(
    rf"\s*(?P<subject>(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)\b|(?:[Tt]he\s+)?(?:\p{{Ll}}[\w-]*\s+){{0,2}}?\p{{Ll}}[\w-]*"
    rf"|{_NAME_WORD}[’']s\s+\p{{Ll}}[\w-]*|(?:[Tt]he\s+)?{_NAME_WORD}(?:\s+(?:of\s+|the\s+)*{_NAME_WORD})*)"
    rf"(?:\s+(?:also|has|have|had|(?:is|are|was|were)(?=(?:\s+\p{{Ll}}+){{0,2}}?\s+\p{{Ll}}+ing\b)|once|then|even|later|again|\p{{Ll}}+ly))*"
    rf"\s+(?P<verb>\p{{Ll}}{{3,}})\b"
    # `Suburban riders are "fed up"`: a word before an auxiliary is a noun, not the verb.
    r"(?!\s+(?:are|is|was|were|will|would|have|has|had|can|could|should|must|may|might)\b)"
)
SAYING_BASES = frozenset(VERB_BASE.values())
BE_FORM = regex.compile(r"\b(?:is|are|was|were)\b")
# `... and encouraged riders to "show up early" ...`: a second predicate of the subject.
COORDINATED_VERB = regex.compile(
    r"\s(?:and|but)\s+(?:also\s+|then\s+)?(?P<verb>\p{Ll}{3,}(?:ed|s))\b"
    # `made the point while defending the "..."`, `took to Facebook to accuse ...`
    r"|\s(?:while|by|after|before|when)\s+(?P<verb>\p{Ll}{3,}ing)\b|\sto\s+(?P<verb>" + "|".join(sorted(lx.QUOTE_VERBS)) + r")\b"
)
ACCUSED_OF = regex.compile(rf"[^;:{MASK}“\"]{{1,80}}?\sof\s+")
# `He's been investigated by Congress`: a passive verb, whose subject said nothing.
PASSIVE_BEFORE = regex.compile(r"\b(?:be|been|being|is|are|was|were)\s*$")
PREPOSITION_AFTER = regex.compile(r"\s+(?:" + "|".join(sorted(lx.PREPOSITIONS_AFTER_A_DOING)) + r")\b")
# A reported question after `asked`, past an addressee of up to four words.
REPORTED_QUESTION = regex.compile(r"(?:[\w’'.-]+\s+){0,4}?(?P<wh>whether|if|how|why|what|when|where|who|which)\b")
# `X, he said, would ...`: a comma, then a word or quotation that goes on with X.
CLAUSE_GOES_ON = regex.compile(rf"\s*,\s*(\p{{Ll}}+(?<!ing)\b|[\"“]{MASK})")
# `"...," referencing the plan`: a participle adjunct after a quotation.
PARTICIPLE_AFTER = regex.compile(r"\s*,?\s*\p{Ll}+ing\b")
# After a cue, what starts no clause of its own: a comma, or a participle (`said in an order issued ...`).
NO_CLAUSE_AFTER = regex.compile(r"\s*,|\s*\p{Ll}+(?:ing|ed)\b")
# `which he described as "..."`, `what it calls "..."`: a relative clause quoting its subject.
RELATIVE_QUOTER = regex.compile(
    rf"\b(?P<relative>which|what|whom|who|that)\s+(?P<subject>he|she|they|it|we|I|(?:\p{{Ll}}+\s+){{0,2}}{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
    r"(?:\s+(?:also|has|have|had|once|\p{Ll}+ly))*\s+(?P<verb>\p{Ll}{3,})(?:\s+(?:as|it|them|him|her|the|a|an|to|of|for))*\s*$"
)
# `for years, which she called "a scandal"`: a naming verb that quotes its pronoun subject.
RELATIVE_NAMING = regex.compile(
    r"\b(?:which|whom)\s+(?:he|she|they|it|we|I)\s+(?:\p{Ll}+ly\s+)?(?:" + "|".join(sorted(lx.NAMING_VERBS)) + r")\s+$"
)
# More words about the audience before the reported clause: `told one of his aides on a
# regular basis that ...`.
THAT_AFTER_AUDIENCE = regex.compile(rf"(?!\s+that\b)(?:\s+[^\s,;:“\"{MASK}]+){{1,12}}?\s+(?P<that>that)\b")
# The audience of `told`: `told reporters`, `told the BBC`, `told "Fox and Friends"`.
TOLD_OBJECT = regex.compile(
    rf"\s+((?:(?:the|a|an|his|her|their|its|our)\s+(?!that\b))?(?:{_NAME_WORD}(?:\s+{_NAME_WORD})*"
    # `told his Democratic audience, ...`
    rf"(?:\s+\p{{Ll}}[\w-]*(?=\s*(?:[,:;.]|that\b)))?"
    # `told a veterans group that ...`: a compound audience before its `that`.
    rf"|\p{{Ll}}[\w-]*(?:\s+(?!that\b)\p{{Ll}}[\w-]*){{0,2}}?(?=\s+that\b)|\p{{Ll}}[\w-]*|[\"“]{MASK}+[\"”])"
    r"(?:\s+(?:on|in)\s+(?:a|an)\s+(?:conference|earnings|phone)\s+call)?)"
)
AUTHORED_BY = regex.compile(
    r"\s*(?:released|published|issued|prepared|compiled|written|commissioned|conducted|produced)\b[^,]*?\bby\s+(?P<by>\S.*)$"
)
AS_SAYING = regex.compile(r"\s+as\s+(?:saying|telling\s+\S+|stating|writing)\b")
CITING = regex.compile(r"\s*citing\b")
LOWERCASE_START = regex.compile(r"\s*\p{Ll}")
RELATIVE = regex.compile(r"\s+(?:who|which|whose)\b")
AT_LEAST = regex.compile(r"at\s+(?:least|most)\b")
THAT = regex.compile(r"\s*[,:]?\s*that\b")
LEAD_PUNCT = regex.compile(r"\s*([,:])?\s*")
# Words that end a subject clause: a segment holding one of them is a clause, not a speaker.
CLAUSE_WORDS = frozenset((
    "that", "because", "if", "is", "are", "was", "were", "will", "would", "can", "could",
    "should", "may", "might", "must", "not", "when", "while", "although", "though", "where",
    "since", "but", "so", "than", "whether", "there", "it's", "said", "says", "told",
))
# Auxiliaries: a prefix holding one is a clause ("Prices have risen, ..."), not a speaker.
AUXILIARIES = frozenset(("has", "have", "had", "been", "be", "do", "does", "did"))
# A speaker mention never ends with one of these: "In a (post)", "the (report)".
DANGLING_WORDS = frozenset((
    "a", "an", "the", "of", "in", "on", "at", "for", "to", "by", "with", "and", "or", "this",
    "its", "his", "her", "their", "our", "my", "your", "from", "as",
))
NOUN_DETERMINERS = frozenset((
    "a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "my", "your",
    "whose", "every", "each", "no", "another", "first", "latest",
))
DETERMINERS = frozenset((
    "the", "a", "an", "some", "many", "several", "most", "two", "three", "four", "five",
    "both", "all", "other", "his", "her", "their", "its", "our", "one", "few", "more",
    "senior", "top", "local", "another", "no", "these", "those", "this",
))
_CONJUNCTIONS = (
    "but", "and", "so", "yet", "still", "now", "meanwhile", "however", "also", "then", "instead",
    "even", "or", "though", "although", "while",
)
LEADING_CONJUNCTIONS = regex.compile(
    r"(?:(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _CONJUNCTIONS) + r")\b,?\s+)+"
)
CONJUNCTION_OPENINGS = tuple(form for word in _CONJUNCTIONS for form in (word, word.capitalize()))
APPOSITIVE_START = regex.compile(
    r"\s*(?:who|which|whose|where|whom|speaking|citing|quoting|referring|writing|adding|"
    r"\d+|\p{Ll}+ed\b|(?!(?:during|including|excluding|according|regarding|concerning|following|pending|notwithstanding)\b)\p{Ll}{3,}(?<!thing)ing\b"
    r"|a\s+member|one\s+of|himself|herself|"
    r"(?:in|at|during|on|after|while|via|through)\s+(?:a|an|the|its|his|her|their)\b|(?:of|from)\s+(?=\p{Lu}))"
    r"|\s*(?:however|too|though|in\s+turn|for\s+(?:his|her|their|its)\s+part|for\s+(?:example|instance)|meanwhile|in\s+fact"
    r"|in\s+response|instead|likewise|similarly|in\s+(?:contrast|addition)|by\s+contrast)\s*$"
    # A US legislator's party and state: `Sen. Ron Ortiz, D-Vesk, said`.
    r"|\s*[RDI]-\p{Lu}[\p{L}.]*\s*$"
)
PLACE_OF = regex.compile(r"\s*(?:of|from|in)\s+\p{Lu}")
PLACE_TAIL = regex.compile(r"\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?\s*$")
ORG_LIST_TAIL = regex.compile(
    rf"(?:\b[Tt]he\s+)?(?:{_NAME_WORD}\s+(?:(?:of|for|and|&)\s+)?)*{_NAME_WORD}\s*$"
)
WORD = regex.compile(r"[\p{L}\p{M}\p{N}’'.&/-]+")
FILLERS = regex.compile(
    r"(?:\s*,?\s*\b(?:" + "|".join(sorted((regex.escape(f) for f in lx.PRE_CUE_FILLERS), key=len, reverse=True))
    + r")\b\s*,?)+\s*$"
)
# FILLERS can only match where the text before the cue ends with a filler: checking that
# first spares the search, tried at every position of its window, for most cues.
FILLER_ENDINGS = tuple(lx.PRE_CUE_FILLERS)
COLON_FRAME = regex.compile(
    rf"^(?P<subject>(?:[Tt]he|[Aa]|[Aa]n|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+[^:,{MASK}]{{1,80}}?)\s+"
    r"(?:was|were|is|are|read|reads|ended|ends|began|begins|said|says|stated|states|went)\b[^:{MASK}]{0,40}:\s*$"
)
INVERTED_SPEAKER_END = regex.compile(
    r"\s*(?:[,;:!?()]|(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|Prof|Rev|Sgt|Capt|\p{Lu}))\.|$|"
    r"\b(?:in|on|during|while|when|who|which|that|adding|after|before|because|as|"
    r"at\s+(?:a|an|the)\s+\p{Ll})\b)"
)


@dataclass
class Frame:
    """A cue with its speaker mention and the raw span of what was reported."""

    cue: Span
    speaker: Span | None
    content: Span | None
    sentence: Sentence
    verb: str = ""
    direct: bool = False
    told_object: Span | None = None
    relays: list[Span] = field(default_factory=list)
    colon: bool = False


class FrameFinder:
    def __init__(self, text: str, masked: str, quotes: list[Quote]):
        self.text = text
        self.masked = masked
        self.quote_at = {q.open: q for q in quotes}
        self.double_quotes = [q for q in quotes if q.double]
        self.double_opens = [q.open for q in self.double_quotes]
        self.quote_closing_at = {q.after - 1: q for q in quotes}
        self.quote_starting_at = {q.start: q for q in quotes}
        self.hits = find_cue_words(masked)
        self.hit_starts = [hit.at for hit in self.hits]

    def frames(self, sentence: Sentence) -> list[Frame]:
        found: list[Frame] = []
        first = bisect_left(self.hit_starts, sentence.start)
        last = min(bisect_left(self.hit_starts, sentence.end), first + MAX_CUES_PER_SENTENCE)
        if (first == last and bisect_left(self.double_opens, sentence.start) == bisect_left(self.double_opens, sentence.end)
                and self.masked.find(":", sentence.start, sentence.end) < 0):
            return found  # every frame needs a cue, a quotation or a colon, and many sentences have none
        for match in self.hits[first:last]:
            role = CUE_KINDS[match.group()]
            if found and found[-1].content and match.start() < found[-1].content[1] and match.start() > found[-1].cue[1]:
                continue  # a verb inside the clause already reported
            coordinated = role == "verb" and _coordinated_before(self.masked, match.start())
            if role == "participle" or (coordinated and found and AND_BEFORE.search(self.masked, max(0, match.start() - 10), match.start())):
                frame = self._participle(sentence, match, found)
            elif coordinated:
                # `Walters praised the plan after the vote and (loudly) said ...`: the
                # sentence's subject said it.
                frame = self._participle(sentence, match, found) or self._frame(sentence, match, role)
            else:
                frame = self._frame(sentence, match, role)
            if frame is None and role in ("verb", "participle"):
                frame = self._quote_after_cue(sentence, match)
            if frame:
                found.append(frame)
        if not found:
            # The colon and headline frames need a colon, which most sentences lack.
            has_colon = self.masked.find(":", sentence.start, sentence.end) >= 0
            colon = (
                (has_colon and self._colon_frame(sentence)) or self._dash_frame(sentence)
                or (has_colon and self._headline_frame(sentence))
            )
            if colon:
                found.append(colon)
        if not any(frame.content for frame in found):
            put_it = self._as_put_it_frame(sentence)
            if put_it:
                found = [put_it]  # `as X observed,` is no cue of its own
        fragment = self._fragment_frame(sentence, found)
        if fragment:
            found.append(fragment)
        return found

    def _fragment_frame(self, sentence: Sentence, found: list[Frame]) -> Frame | None:
        """`Sanders credited the win to "a closed primary"`, `which he called "a disaster"`:
        quoted words that no cue frames, after the predicate of a speaker that the sentence
        opens with or that a relative clause names."""
        first = bisect_left(self.double_opens, sentence.start + 1)
        quote = None
        for candidate in self.double_quotes[first:first + MAX_CUES_PER_SENTENCE]:
            if candidate.open >= sentence.end:
                return None
            if any(f.content and f.content[0] <= candidate.open + 1 and candidate.close <= f.content[1] + 1 for f in found):
                continue
            if self._spoken(candidate) or RELATIVE_NAMING.search(self.masked, max(sentence.start, candidate.open - 40), candidate.open):
                quote = candidate
                break
        if quote is None:
            return None
        before_quote = self.masked[sentence.start:quote.open].rstrip()
        ends = self._ends_sentence(quote.after, sentence.end)
        # `Pence continued: "..."`, `Trump issued a statement, "..."`: set off and closing the sentence.
        colon = before_quote.endswith(":") or (before_quote.endswith(",") and ends and len(self.text[quote.start:quote.end].split()) >= 4)
        if colon and not (ends or PARTICIPLE_AFTER.match(self.masked, quote.after, sentence.end)):
            return None
        end = self._clause_end(quote, sentence.end)
        relative = RELATIVE_QUOTER.search(self.masked, max(sentence.start, quote.open - 80), quote.open)
        if relative and (relative.group("verb") not in lx.NOT_PREDICATES
                         or relative.group("relative") in ("which", "whom") and relative.group("verb") in lx.NAMING_VERBS):
            return Frame(relative.span("verb"), relative.span("subject"), (relative.start(), quote.end), sentence, relative.group("verb"))
        begin = self._past_intro(sentence, quote.open)
        match = SUBJECT_VERB.match(self.masked, begin, quote.open)
        if not match:
            return None
        verb = match.group("verb")
        # `Grant is promising cheaper passes and "buses every ten minutes"`: a progressive predicate.
        progressive = (verb.endswith("ing") and _saying_participle(verb)
                       and BE_FORM.search(self.masked, match.end("subject"), match.start("verb")))
        if PASSIVE_BEFORE.search(self.masked, match.start(), match.start("verb")) and not progressive:
            return None
        cue = match.span("verb")
        if not colon:
            for second in COORDINATED_VERB.finditer(self.masked, match.end(), quote.open):
                # `Okafor posted that ... and urged riders to "show up and vote" ...`: the
                # predicate nearest the quoted words is the one they belong to.
                if second.group("verb") not in lx.NOT_PREDICATES:
                    cue, verb = second.span("verb"), second.group("verb")
                    progressive = not verb.endswith(("ed", "s"))  # a participle or an infinitive stands for itself
        if not colon and (verb in lx.NOT_PREDICATES or not (progressive or verb.endswith(("ed", "s")) or verb in lx.IRREGULAR_PAST)):
            return None
        if not colon and PREPOSITION_AFTER.match(self.masked, cue[1], quote.open):
            return None  # `Grant flew to Kellbrook for a "transit summit"`: a doing, not a saying
        subject = match.group("subject")
        if subject[:1].islower() and subject.split()[-1].lower() not in SPEAKER_HEADS and subject.lower() not in PRONOUNS:
            return None
        if subject.split()[-1].lower() in ("the", "a", "an") or subject.split()[0].lower() in FREE_RELATIVES:
            return None
        if colon:
            # `Pence continued: "..."`, `Her letter makes the case: "..."`: the quotation is the words.
            cue = (match.start("verb"), len(before_quote) + sentence.start)
            return Frame(cue, match.span("subject"), (quote.start, quote.end), sentence, match.group("verb"), True)
        start = cue[1]
        if self.masked[cue[0]:cue[1]].startswith("accus"):
            start = self._past_charge(start, quote.open)
        content = _strip_span(self.masked, start, end)
        if content is None:
            return None
        if content == (quote.open, quote.after):
            # `accused him of "fanatic recklessness."`: a quoted description, no clause.
            return Frame(cue, match.span("subject"), (quote.start, quote.end), sentence, self.masked[cue[0]:cue[1]], True)
        return Frame(cue, match.span("subject"), content, sentence, self.masked[cue[0]:cue[1]])

    def _past_charge(self, start: int, limit: int) -> int:
        """`accused the board of "sabotage"`: the charge is what was said."""
        of = ACCUSED_OF.match(self.masked, start, limit)
        return of.end() if of else start

    def _spoken(self, quote: Quote) -> bool:
        """Quoted words that read as speech: not a name in title case, not a title."""
        before = self.masked[max(0, quote.open - 25):quote.open].lower().split()
        if before and before[-1].strip(",") in lx.TITLE_INTRODUCERS:
            return False
        words = [w for w in self.text[quote.start:quote.end].split() if w.lower() not in _SMALL_WORDS]
        return not all(w[:1].isupper() for w in words)

    def _clause_end(self, quote: Quote, limit: int) -> int:
        """Where the clause that `quote` is part of ends, at most at `limit`."""
        while self.text[quote.close - 1] == ",":
            # `was only "partial," meaning ...`: the comma inside the marks ends the words,
            # unless a list of quoted words goes on: `"timid," "slow" and "out of touch"`.
            listed = LISTED_QUOTE.match(self.masked, quote.after, limit)
            following = self.quote_at.get(listed.end() - 1) if listed else None
            if following is None:
                return quote.after
            quote = following
        stop = CLAUSE_BREAK.search(self.masked, quote.after, limit)
        return stop.start() if stop else limit

    def _past_intro(self, sentence: Sentence, limit: int) -> int:
        """Where the sentence's subject starts, past introductory adjuncts (`At the debate, `)."""
        begin = sentence.start
        for start, end in _comma_segments(self.masked, sentence.start, limit):
            words = self.masked[start:end].split()
            adverb_phrase = len(words) > 1 and words[0].endswith("ly") and words[1].lower() in lx.INTRO_ADJUNCT_WORDS
            if words[0].lower() not in lx.INTRO_ADJUNCT_WORDS and not adverb_phrase:
                break  # `Immediately after the attacks, ` is an adjunct too
            begin = end + 1
        lead = _leading_conjunctions(self.masked, begin, limit)
        return lead.end() if lead else begin

    # The three shapes of a cue: "according to X", "OUTLET quoted X as saying", "X said".
    def _frame(self, sentence: Sentence, match: CueWord, role: str) -> Frame | None:
        if role == "according":
            return self._according_to(sentence, match)
        if role == "cite":
            return self._citation(sentence, match)
        verb = match.group()
        # Each pattern below is searched only when the words it ends with are there.
        lo = max(sentence.start, match.start() - 120)
        relative = (verb not in TELL_FORMS and self.masked.find("who", lo, match.start()) >= 0
                    and RELATIVE_SPEAKER.search(self.masked, lo, match.start()))
        if relative:
            return self._relative_frame(sentence, match, relative)
        if self._negated(match) or self._noun_use(match, verb):
            return None
        lo = max(sentence.start, match.start() - 30)
        before = self.masked[lo:match.start()].rstrip()
        aux = ((before.endswith(AUXILIARY_ENDINGS) and AUXILIARY_BEFORE.search(self.masked, lo, match.start()))
               or (before.lower().endswith(REPORTING_INFINITIVE_ENDINGS) and REPORTING_INFINITIVE.search(self.masked, lo, match.start())))
        return self._verb_frame(sentence, aux.start() if aux else match.start(), match.end(), verb)

    def _relative_frame(self, sentence: Sentence, match: CueWord, relative: regex.Match) -> Frame | None:
        """`Farris, who said the depot managers fail to see ...`: the relative clause reports
        its antecedent's words, up to the comma that closes it before the main verb."""
        after, has_that = self._after_adjuncts(match.end(), sentence.end)
        # `X, who said A, said B`: A ends at the comma, which may close quoted words.
        limit = sentence.end
        for close in RELATIVE_CLAUSE_END.finditer(self.masked, after, sentence.end):
            if close.group() == ",":
                limit = close.start()
                break
            quote = self.quote_closing_at.get(close.start())
            if quote and quote.close == close.start() and self.text[quote.close - 1] == ",":
                limit = close.end()
                break
        speaker = relative.span("speaker")
        content, direct = self._content_after(after, limit, has_that, VERB_BASE.get(match.group(), match.group()))
        if content is None:
            return None
        return Frame((match.start(), match.end()), speaker, content, sentence, match.group(), direct)

    def _noun_use(self, match: CueWord, verb: str) -> bool:
        """`a pointed note`, `the report`, `In a post`: the word is a noun here."""
        base = VERB_BASE.get(verb, verb)
        if base in lx.NEVER_NOUNS or verb not in (base, base + "s", base + "es", base[:-1] + "ies"):
            return False
        before = self.masked[max(0, match.start() - 30):match.start()].split()
        if before and (before[-1].lower() in NOUN_DETERMINERS or before[-1].endswith(("’s", "'s"))):
            return True  # `a pointed remark`, `Mrs. Clinton's remark`
        if len(before) > 1 and before[-2].lower() in NOUN_DETERMINERS and before[-1].lower() not in lx.GROUP_HEADS:
            return True
        # `a Donald Trump tweet`: a determiner, then a name modifying the noun.
        modifiers = 0
        while modifiers < len(before) and before[-1 - modifiers][:1].isupper():
            modifiers += 1
        return 1 < modifiers < len(before) and before[-1 - modifiers].lower() in ("a", "an", "the")

    def _negated(self, match: CueWord) -> bool:
        before = self.masked[max(0, match.start() - 25):match.start()].rsplit(None, 2)[-2:]
        after = self.masked[match.end():match.end() + 15].split(None, 1)
        if before and before[-1].lower() in lx.NEGATING_BEFORE:
            # `went on to say`, `took to Facebook to say`: an infinitive that still reports.
            return not REPORTING_INFINITIVE.search(self.masked, max(0, match.start() - 30), match.start())
        if len(before) > 1 and before[-1].lower() in ("also", "yet", "ever") and before[-2].lower() in lx.NEGATING_BEFORE:
            return True
        if after and after[0].strip(",.").lower() in lx.NEGATING_AFTER:
            return True
        return False

    def _verb_frame(self, sentence: Sentence, cs: int, ce: int, verb: str) -> Frame | None:
        masked = self.masked
        base = VERB_BASE.get(verb, verb)
        left_end = cs
        filler = _ends_with_filler(masked, cs) and FILLERS.search(masked, max(sentence.start, cs - 60), cs)
        if filler:
            left_end = filler.start()
        before = masked[sentence.start:left_end].rstrip()
        # Inverted order: `"...," said X` or `..., said X` (but not `X, who ..., said`).
        inverted_ok = verb not in TELL_FORMS
        if inverted_ok and (not before or before[-1] in "”\"’'»" or (before.endswith(",") and not self._appositive_before(max(sentence.start, left_end - SUBJECT_REACH), left_end))):
            after_quote = bool(before) and before[-1] in "”\"’'»"
            speaker = self._inverted_speaker(ce, sentence.end, after_quote)
            if speaker is not None:
                content = self._content_before(sentence, left_end)
                if content is None or (base in lx.WEAK_VERBS and not self._is_quote(content)):
                    return None
                return Frame((cs, ce), speaker, content, sentence, verb, direct=self._is_quote(content))
            if not before or before[-1] in "”\"’'»":
                return None
        subject = self._subject(max(sentence.start, left_end - SUBJECT_REACH), left_end)
        if subject is None:
            return None
        speaker, relays, author, phrase_start = subject
        prefix = masked[sentence.start:phrase_start].rstrip()
        told_object = None
        pos = ce
        if verb in TELL_FORMS:
            told_object = self._told_object(ce, sentence.end)
            if told_object is None:
                return None
            pos = told_object[1]
            that = THAT_AFTER_AUDIENCE.match(self.masked, pos, sentence.end)
            if that:
                pos = that.start("that")  # `told a group of pilots at the jetty on Monday that ...`
        after, has_that = self._after_adjuncts(pos, sentence.end)
        clause_end = self._fronted_clause_end(sentence, cs, after)
        # A "that" clause after the cue outweighs a prefix that might be reported content.
        # `In earlier budgets, "we cut ...," she said`: quoted words end the prefix, so it is
        # what was said, not an introductory adjunct with a quoted title in it.
        reported_before = bool(prefix) and self._spoken_quote_ends(sentence.start + len(prefix))
        clause_before = prefix and not has_that and (reported_before or not self._intro_only(sentence.start, phrase_start))
        content = None
        direct = interrupted = False
        if (not prefix and masked[after:sentence.end].lstrip().startswith(",") and self._follows_quote(sentence)
                and not self._quote_follows(after, sentence.end)):
            # `"Keep going!" Dawson shouted, a call to ...`: the quotation before is what was said.
            return Frame((cs, ce), speaker, None, sentence, verb, told_object=told_object, relays=relays)
        if told_object and not prefix and not has_that and self._follows_quote_in_paragraph(sentence):
            # `"...?" Ortiz told Britain's ITV television station on Monday.`: what was told is
            # the quotation before, not the words after the audience.
            return Frame((cs, ce), speaker, None, sentence, verb, told_object=told_object, relays=relays)
        opening = self.quote_at.get(sentence.start)
        if (opening and opening.double and self.text[opening.close - 1] in ",?!"
                and not masked[opening.after:phrase_start].replace(",", " ").strip()):
            # `"...," Varga told reporters after a meeting that ...`: the opening
            # quotation is what was said, whatever clause follows the cue.
            content, direct, clause_before = (opening.start, opening.end), True, False
        if clause_before and self._quote_follows(after, sentence.end):
            clause_before = False  # `..., Kall said: "..."`: the quotation is what was said
        if (clause_before and prefix.endswith(",") and _np_like(prefix[:-1]) and not _name_like(masked[speaker[0]:speaker[1]])
                and masked[speaker[0]:speaker[1]].lower() not in PRONOUNS
                and not masked[after:sentence.end].lstrip().startswith(",")
                and not AUXILIARIES.intersection(prefix.lower().split())):
            # `China, Pyongyang's only ally, said it was ...`: the prefix is the speaker
            # and what stood between it and the cue was an appositive.
            content, direct = self._content_after(after, clause_end, has_that, base)
            if content is not None:
                speaker = _strip_span(masked, sentence.start, sentence.start + len(prefix) - 1) or speaker
                clause_before = False
        if clause_before and content is None and not NO_CLAUSE_AFTER.match(masked, after, sentence.end):
            # `Emerging from the meeting, Sanders said the talks were "useful."`: a clause
            # right after the cue is what was said; the prefix was only an adjunct.
            content, direct = self._content_after(after, clause_end, has_that, base)
            clause_before = content is None
        if not clause_before and content is None:
            content, direct = self._content_after(after, clause_end, has_that, base)
        if content is None and prefix and (reported_before or not self._intro_only(sentence.start, phrase_start)):
            if prefix.endswith(",") or prefix[-1] in "”\"’'»":
                content = self._content_before(sentence, phrase_start)
                direct = content is not None and self._is_quote(content)
                if content is not None and not direct and prefix.endswith(",") and self._clause_goes_on(after, sentence.end):
                    # `The step, the ministry said, would help farmers.`: the cue interrupts
                    # one clause, which is what was said.
                    content, interrupted = _strip_span(masked, sentence.start, sentence.end), True
                if base in lx.QUOTE_VERBS and not direct:
                    return None
        speaker = author or speaker
        # `In a 1998 speech, she declared:` introduces the next paragraph's words past its adjunct too.
        introduces_next = self._introduces_next(sentence) and (not prefix or self._intro_only(sentence.start, phrase_start))
        if content is None and (introduces_next or not prefix and (self._ends_sentence(after, sentence.end)
                                                                   or self._follows_quote(sentence))):
            return Frame((cs, ce), speaker, None, sentence, verb, told_object=told_object, relays=relays)
        if content is None:
            return None
        promised = base in lx.PROMISE_VERBS and self.masked.startswith("to ", content[0])  # `promised to "clear every berth"`
        if base in lx.WEAK_VERBS and not (has_that or direct or interrupted or promised or base == "describe" or self._asks_question(base, *content)
                                          or (content[1] <= cs and self._ends_sentence(after, sentence.end))):
            return None
        if told_object and masked[told_object[0]:told_object[1]] in OBJECT_PRONOUNS and not (has_that or direct):
            return None  # `told them the story`: an audience, then no report
        return Frame((cs, ce), speaker, content, sentence, verb, direct, told_object, relays)

    def _fronted_clause_end(self, sentence: Sentence, cue: int, after: int) -> int:
        """`While Okafor acknowledged the levy was a heavy ask, Hale warned ...`: a cue in a clause
        that opens the sentence reports only up to the comma that closes that clause."""
        if "," in self.masked[sentence.start:cue] or not FRONTED_CLAUSE.match(self.masked, sentence.start, cue):
            return sentence.end
        comma = self.masked.find(",", after, sentence.end)
        return comma if comma >= 0 else sentence.end

    def _according_to(self, sentence: Sentence, match: CueWord) -> Frame | None:
        end = self._np_end(match.end(), sentence.end)
        speaker = _strip_span(self.masked, match.end(), end)
        if speaker is None:
            return None
        before = self.masked[sentence.start:match.start()].rstrip()
        if before and (before.endswith(",") or self._spoken_quote_ends(sentence.start + len(before))):
            # `..., according to X`, `"...," according to X`
            content = self._content_before(sentence, match.start())
        elif not before or self._intro_only(sentence.start, match.start()):
            rest = LEAD_PUNCT.match(self.masked, end)
            content = _strip_span(self.masked, rest.end(), sentence.end)
            quote = self.quote_at.get(content[0]) if content else None
            if quote and quote.double and TRAILING_ADJUNCT.match(self.masked, quote.after, sentence.end):
                content = (quote.start, quote.end)  # `According to X, "...," presumably meaning ...`
        else:
            return None
        if content is None:
            return None
        return Frame((match.start(), match.end()), speaker, content, sentence, "according to", self._is_quote(content))

    def _citation(self, sentence: Sentence, match: CueWord) -> Frame | None:
        """`OUTLET quoted X as saying ...`, `OUTLET cited X, "..."`: X speaks, OUTLET relays."""
        masked = self.masked
        subject = self._subject(max(sentence.start, match.start() - SUBJECT_REACH), match.start())
        if subject is None:
            return None
        outlet, relays, _, _ = subject
        as_saying = AS_SAYING.search(
            masked, match.end(), min(sentence.end, match.end() + 200)
        )
        if as_saying and MASK not in masked[match.end():as_saying.start()]:
            speaker = _strip_span(masked, match.end(), as_saying.start())
            cue = (match.start(), as_saying.end())
            after, has_that = self._after_adjuncts(as_saying.end(), sentence.end)
        else:
            end = self._np_end(match.end(), sentence.end)
            speaker = _strip_span(masked, match.end(), end)
            cue = (match.start(), match.end())
            after, has_that = self._after_adjuncts(end, sentence.end)
        if speaker is None:
            return None
        content, direct = self._content_after(after, sentence.end, has_that, "say")
        if content is None:
            return None
        return Frame(cue, speaker, content, sentence, match.group(), direct, None, [outlet, *relays])

    def _participle(self, sentence: Sentence, match: CueWord, found: list[Frame]) -> Frame | None:
        """`..., adding that ...`, `Trump attacked Clinton, saying, "..."`, `... and said`:
        the speaker is the one just quoted in this sentence, or else the sentence's subject."""
        progressive = PROGRESSIVE_BEFORE.search(self.masked, max(sentence.start, match.start() - 20), match.start())
        if progressive:
            # `Trump is telling supporters that ...`: a verb, not an adjunct.
            return self._verb_frame(sentence, progressive.start(), match.end(), match.group())
        before = self.masked[sentence.start:match.start()].rstrip()
        closing = self.quote_closing_at.get(sentence.start + len(before) - 1)
        set_off = closing is not None and self.text[closing.close - 1] == ","  # `called it "historic," saying`
        coordinated = _coordinated_before(self.masked, match.start())
        if not (set_off or coordinated or before.endswith((",", "—", "–", "--", "also", " by", " of"))):
            return None
        if found:
            speaker = found[-1].speaker
        else:
            begin = sentence.start
            for start, end in _comma_segments(self.masked, sentence.start, match.start()):
                words = self.masked[start:end].split()
                if words[0].lower() not in lx.INTRO_ADJUNCT_WORDS:
                    break
                begin = end + 1  # `At the debate, Varga ..., saying`: past the adjunct
            lead = LEADING_SUBJECT.match(self.masked, begin, match.start())
            if not lead:
                return None
            speaker = lead.span(1)
        after, has_that = self._after_adjuncts(match.end(), sentence.end)
        limit = self._fronted_clause_end(sentence, match.start(), after)
        content, direct = self._content_after(after, limit, has_that, _participle_base(match.group()))
        if content is None or speaker is None or (match.group() in lx.QUOTE_ONLY_PARTICIPLES and not direct):
            return None
        if set_off and not (has_that or direct or match.group() in lx.CLAUSE_PARTICIPLES):
            return None  # `was "rotten," noting the record fines`: an adjunct of the words before
        return Frame((match.start(), match.end()), speaker, content, sentence, match.group(), direct)

    def _quote_after_cue(self, sentence: Sentence, match: CueWord) -> Frame | None:
        """`... that Gov. Ana Ruiz said, "..."`, `Lee, who declared at the depot, "..."`:
        a cue set off by a comma or colon from the quotation that ends the sentence quotes
        it, whatever the words before the cue; the speaker is the name or pronoun just
        before the cue."""
        last = self._last_quote_in(sentence)
        if last is None or last.open < match.end() or not self._ends_sentence(last.after, sentence.end):
            return None  # no quotation ends the sentence after the cue: spare the rest
        if self._negated(match):
            return None
        told = self._told_object(match.end(), sentence.end) if match.group() in TELL_FORMS else None
        after, _ = self._after_adjuncts(told[1] if told else match.end(), sentence.end)
        lead = LEAD_PUNCT.match(self.masked, after, sentence.end)
        quote = self.quote_at.get(lead.end())
        if not (lead.group(1) and quote and quote.double and self._ends_sentence(quote.after, sentence.end)):
            return None
        lo = max(sentence.start, match.start() - SUBJECT_REACH)
        subject = self._subject(lo, match.start())
        if subject is not None:
            speaker = subject[2] or subject[0]
        else:
            near = NEAREST_SPEAKER.search(self.masked, lo, match.start())
            if near is None:
                return None
            speaker = near.span(1)
        return Frame((match.start(), match.end()), speaker, (quote.start, quote.end), sentence, match.group(), True)

    def colon_intro_frame(self, sentence: Sentence) -> Frame | None:
        """`Whitcomb then listed the qualities she wanted:`, a sentence with no cue that ends
        in a colon before a quotation: its subject introduces the words."""
        colon = sentence.start + len(self.masked[sentence.start:sentence.end].rstrip()) - 1
        match = SUBJECT_VERB.match(self.masked, self._past_intro(sentence, colon), colon)
        if not match or match.group("verb") in lx.NOT_PREDICATES:
            return None
        subject = match.group("subject")
        head = subject.split()[-1].lower()
        if head in ("the", "a", "an") or subject.lower() in lx.NOT_NAME_STARTS:
            return None  # `Here are the facts:`
        if subject[:1].islower() and head not in SPEAKER_HEADS and subject.lower() not in PRONOUNS:
            return None
        cue = _strip_span(self.masked, match.start("verb"), colon)
        return Frame(cue, match.span("subject"), None, sentence, match.group("verb"), True, colon=True)

    def _headline_frame(self, sentence: Sentence) -> Frame | None:
        """`Sanders: Clinton needs to ...`, `PENCE: Well, ...`: a name, a colon, the words."""
        match = NAME_COLON.match(self.masked, sentence.start, sentence.end)
        if not match:
            return self._byline_colon_frame(sentence)
        if match.group(1).split()[0].lower() in lx.NOT_SPEAKER_LABELS:
            return None
        content = _strip_span(self.masked, match.end(), sentence.end)
        if content is None:
            return None
        quote = self.quote_at.get(content[0])
        direct = bool(quote and self._ends_sentence(quote.after, sentence.end))
        if direct:
            content = (quote.start, quote.end)
        elif sentence.start == 0 or self.text[sentence.start - 1] == "\n":
            # A transcript's turn (`FALLIN: Well, ... They want safe homes.`) runs to the
            # end of its paragraph.
            line_end = self.text.find("\n", sentence.start)
            content = _strip_span(self.masked, match.end(), line_end if line_end >= 0 else len(self.text)) or content
        return Frame((match.end(1), match.end(1) + 1), match.span(1), content, sentence, ":", direct)

    def _as_put_it_frame(self, sentence: Sentence) -> Frame | None:
        """`..., as one driver put it.`, `As the Eastfield Courier puts it, ...` and `Yet, as
        Dana Ruiz observed, ...`: the borrowed words are X's."""
        words = self.masked[sentence.start:sentence.end]
        if not any(cue in words for cue in AS_PUT_IT_CUES):
            return None
        match = AS_PUT_IT.match(self.masked, sentence.start, sentence.end) or AS_PUT_IT_AFTER.search(self.masked, sentence.start, sentence.end)
        if match is None:
            return None
        if not self._ends_sentence(match.end(), sentence.end):
            if self.masked[match.start("cue"):match.end()].rstrip()[-1:] not in (",", ":"):
                return None  # `as the Courier put it in a profile, ...`: the words are elsewhere
            # `Yet, as Dana Ruiz observed, the night routes remain ...`
            content = _strip_span(self.masked, match.end(), sentence.end)
            quote = self.quote_at.get(content[0]) if content else None
            if quote and quote.double and self._ends_sentence(quote.after, sentence.end):
                return Frame(match.span("cue"), match.span("speaker"), (quote.start, quote.end), sentence, "put", True)
        else:
            # The borrowed words are the clause with the quotation, not what leads up to it.
            first = bisect_left(self.double_opens, sentence.start)
            opens = self.double_opens[first] if first < len(self.double_opens) else match.start()
            comma = self.masked.rfind(",", sentence.start, min(opens, match.start()))
            begin = comma + 1 if comma >= 0 else sentence.start
            begin += len(self.masked[begin:match.start()]) - len(self.masked[begin:match.start()].lstrip())
            lead = _leading_conjunctions(self.masked, begin, match.start())
            content = _strip_span(self.masked, lead.end() if lead else begin, match.start())
        if content is None or not self._has_spoken_quote(*content):
            return None
        return Frame(match.span("cue"), match.span("speaker"), content, sentence, "put")

    def _byline_colon_frame(self, sentence: Sentence) -> Frame | None:
        """`RIDERSHIP IS BACK - Dana Ruiz and Paul Ng: "..."`, `More from Ruiz: "..."`:
        a roundup's item names whose words it quotes."""
        match = BYLINE_COLON.search(self.masked, sentence.start, sentence.end)
        if not match:
            return None
        quote = self.quote_at.get(match.end())
        if quote is None or not quote.double or not self._ends_sentence(quote.after, sentence.end):
            return None
        return Frame((match.end("name"), match.end("name") + 1), match.span("name"), (quote.start, quote.end), sentence, ":", True)

    def _dash_frame(self, sentence: Sentence) -> Frame | None:
        """`"..." ― Karen Bob`: a quotation signed with a dash and a name."""
        quote = self.quote_at.get(sentence.start)
        if quote is None or not quote.double:
            return None
        match = DASH_SIGNATURE.match(self.masked, quote.after, sentence.end)
        if not match:
            return None
        return Frame(match.span(1), match.span(2), (quote.start, quote.end), sentence, "", True)

    def _colon_frame(self, sentence: Sentence) -> Frame | None:
        """`The letter was blunt: "..."`: a quotation introduced by a description of it."""
        quote = self._last_quote_in(sentence)
        if quote is None or quote.open <= sentence.start:
            return None
        match = COLON_FRAME.match(self.masked[sentence.start:quote.open])
        if not match or not self._ends_sentence(quote.after, sentence.end):
            return None
        subject = (sentence.start + match.start("subject"), sentence.start + match.end("subject"))
        cue = (subject[1], sentence.start + match.end())
        cue = _strip_span(self.masked, *cue) or cue
        return Frame(cue, subject, (quote.start, quote.end), sentence, "", True, colon=True)

    # Pieces of a frame.
    def _subject(self, lo: int, hi: int) -> tuple[Span, list[Span], Span | None, int] | None:
        """The subject that ends at `hi`, any `citing X` relays beside it, the author a
        document subject names (`The report, released by Meridian,`), who speaks for it,
        and where the subject's whole phrase, with a title before it, starts."""
        masked = self.masked
        segments = _comma_segments(masked, lo, hi)
        relays: list[Span] = []
        author: Span | None = None
        appositive_title = False
        while segments:
            start, end = segments.pop()
            piece = masked[start:end]
            if not piece.strip(f" {MASK}") and segments:
                continue  # quoted words inside an appositive: `known as "the Storm",`
            if self._set_off_by_quote(start):
                break  # `"...," retired general Lloyd Newton said`: the words were set off before the speaker
            if (segments and PLACE_TAIL.match(piece) and masked[start - 1] == ","
                    and PLACE_OF.match(masked, *segments[-1])):
                continue  # `Carla Jennings, of Kellbrook, Vesk., said`: the place's state
            if _is_appositive(piece):
                if CITING.match(piece):
                    relays.insert(0, (start + piece.index("citing") + 6, end))
                authored = AUTHORED_BY.match(piece)
                if authored:
                    author = _strip_span(masked, start + authored.start("by"), end)
                continue
            if segments and (LOWERCASE_START.match(piece) or _title_like(piece)) and piece.strip().lower() not in PRONOUNS:
                prev = masked[segments[-1][0]:segments[-1][1]]
                if _name_like(prev):
                    appositive_title = True
                    continue
            break
        else:
            return None
        span = _strip_span(masked, start, end)
        if span is None:
            return None
        start, end = span
        lead = _leading_conjunctions(masked, start, end)
        if lead:
            start = lead.end()
        piece = masked[start:end]
        relative = "wh" in piece and RELATIVE.search(piece)
        if relative:
            end = start + relative.start()
            piece = masked[start:end]
        if " and " in piece and segments and piece[:1].isupper() and not appositive_title:
            prev_start, prev_end = segments[-1]
            tail = ORG_LIST_TAIL.search(masked, prev_start, prev_end)
            if tail and any(w.lower() in lx.ORGANIZATION_WORDS for w in WORD.findall(tail.group())):
                start = tail.start()
                piece = masked[start:end]
        if not _np_like(piece) or (piece.lstrip().startswith(_OPENING_PREPOSITIONS) and PREPOSITION_START.match(piece)):
            # `because Commissioner Tom Hale has said`, `At the depot she said`: the
            # subject is what follows the clause opener or the adjunct.
            tail = CLAUSE_OPENER_TAIL.match(piece) or PRONOUN_TAIL.search(piece) or NAME_TAIL.search(piece)
            if not tail or not _np_like(tail.group("np")):
                return None
            start += tail.start("np")
            piece = masked[start:end]
        if not (author and piece.split()[-1].lower() in lx.DOCUMENT_SPEAKERS):
            author = None
        phrase_start = start
        if segments and _name_like(piece) and _title_like(masked[segments[-1][0]:segments[-1][1]]):
            # `the department's spokesperson, Bishnu Prasad Shrestha,`: the title is part
            # of the subject, not of what came before it.
            phrase_start = (_strip_span(masked, *segments[-1]) or segments[-1])[0]
        return (start, end), relays, author, phrase_start

    def _set_off_by_quote(self, start: int) -> bool:
        """True when masked[start:] follows quoted words closed by their own comma."""
        quote = self.quote_closing_at.get(start - 1)
        return bool(quote and quote.double and self.text[quote.close - 1] == ",")

    def _appositive_before(self, lo: int, hi: int) -> bool:
        """True when masked[lo:hi] ends with an appositive (`X, who ...,`, `X, a member of Y,`)."""
        segments = _comma_segments(self.masked, lo, hi)
        if not segments:
            return False
        start, end = segments[-1]
        if self.masked[start - 1] != ",":
            return False  # the clause goes on past quoted words: `had "changed the mood" among shipping lines,`
        piece = self.masked[start:end]
        if _is_appositive(piece):
            return True
        return bool(
            (LOWERCASE_START.match(piece) or _title_like(piece))
            and len(segments) > 1
            and _name_like(self.masked[segments[-2][0]:segments[-2][1]])
        )

    def _inverted_speaker(self, pos: int, limit: int, after_quote: bool = False) -> Span | None:
        """`..., said Farah Ismail, an analyst.`: the speaker closes the sentence or is
        followed only by punctuation, an appositive or adjuncts; after a quotation
        (`"...," said one source on the panel.`) anything may follow it."""
        end = self._np_end(pos, limit)
        span = _strip_span(self.masked, pos, end)
        if span is None or not _np_like(self.masked[span[0]:span[1]]):
            return None
        if AUXILIARIES.intersection(self.masked[span[0]:span[1]].lower().split()):
            return None
        after, _ = self._after_adjuncts(span[1], limit)
        if not (after_quote or self._ends_sentence(after, limit) or self.masked[after:limit].lstrip()[:1] in (",", ";", ":", "(")):
            return None
        return span

    def _np_end(self, pos: int, limit: int) -> int:
        """Where the noun phrase that starts at `pos` (a speaker after its cue) ends."""
        limit = min(limit, pos + SUBJECT_REACH)
        stop = INVERTED_SPEAKER_END.search(self.masked, pos + 1, limit)
        return stop.start() if stop else limit

    def _told_object(self, pos: int, limit: int) -> Span | None:
        match = TOLD_OBJECT.match(self.masked, pos, limit)
        if not match or match.group(1) in ("that", "of", "about", "it"):
            return None
        return match.span(1)

    def _after_adjuncts(self, pos: int, limit: int) -> tuple[int, bool]:
        while _may_open_adjunct(self.masked, pos, limit):
            match = ADJUNCT.match(self.masked, pos, limit)
            if not match or match.end() == pos:
                break
            pos = match.end()
        that = self.masked.find("that", pos, limit) >= 0 and THAT.match(self.masked, pos, limit)
        if that:
            return that.end(), True
        return pos, False

    def _content_after(self, pos: int, limit: int, has_that: bool, base: str) -> tuple[Span | None, bool]:
        lead = LEAD_PUNCT.match(self.masked, pos, limit)
        start = lead.end()
        if start >= limit:
            return None, False
        quote = self.quote_at.get(start)
        if quote and quote.double and (
            self._ends_sentence(quote.after, limit) or (lead.group(1) and self.text[quote.close - 1] in ",?!")
        ):
            if not self._spoken(quote):
                return None, False  # `said on the programme "Sagar Manthan."`: a title, not the words
            # `says, "Don't do it," until ...`: words set off by a comma and closed by
            # their own punctuation are the quotation, not the sentence's tail.
            return (quote.start, quote.end), True
        if base in lx.QUOTE_VERBS and not has_that and not self._has_spoken_quote(start, limit):
            return None, False
        if not has_that and not quote:
            last = self._last_quote_between(start, limit)
            between = self.masked[start:last.open] if last else ""
            if (last and MASK not in between and between.rstrip().endswith((",", ":")) and self._ends_sentence(last.after, limit)
                    and self._spoken(last)  # not `said in his book, "An American Son."`
                    and not CLAUSE_BEFORE_QUOTE.match(between)):
                # `said in a guest column before the hearing, "..."`: an adjunct the
                # table does not know, then the quotation.
                return (last.start, last.end), True
            words = self.masked[start:start + 20].split()
            word = words[0] if words else ""
            # `called him a "dreamer"`, `pledged to "keep every night route"`
            named = base in lx.QUOTE_VERBS and (word.lower() in OBJECT_PRONOUNS or word == "to" and base in lx.PROMISE_VERBS)
            if not word[:1].isalnum() or (word.lower() in _NOT_A_CLAUSE and not named and not AT_LEAST.match(self.masked, start)):
                return None, False
            if (base in lx.WEAK_VERBS and not named and not (base == "describe" and " as " in self.masked[start:limit])
                    and not self._asks_question(base, start, limit)):
                return None, False
        clause = self.masked[start:limit]
        second = any(word in clause for word in SECOND_REPORT_WORDS) and SECOND_REPORT.search(self.masked, start, limit)
        end = second.start() if second else limit
        if base in lx.QUOTE_VERBS or base == "describe":
            if base == "accuse":
                start = self._past_charge(start, end)
            trailing = "," in self.masked[start:end] and TRAILING_ADJUNCT.search(self.masked, start, end)
            if trailing and self.masked[trailing.start()] == ",":
                end = trailing.start()  # `praised the plan, calling it "..."`: the participle reports
                if base in lx.QUOTE_VERBS and not self._has_spoken_quote(start, end):
                    return None, False
            # `called Okafor a "champion" of the night shift, citing ...`: the words
            # end at the first break after the quoted ones.
            i = bisect_left(self.double_opens, start)
            if i < len(self.double_quotes) and self.double_quotes[i].after < end:
                end = self._clause_end(self.double_quotes[i], end)
            if base in lx.QUOTE_VERBS and not has_that and not self._has_spoken_quote(start, end):
                return None, False  # `urges them to stay calm and says, "..."`: the quotation is the second report's
        else:
            # Every trailing adjunct follows a comma or a closing mark.
            set_off = any(mark in self.masked[max(0, start - 1):end] for mark in (",", "”", '"'))
            for trailing in TRAILING_ADJUNCT.finditer(self.masked, start, end) if set_off else ():
                if self.masked[trailing.start()] == "," or self.text[trailing.start() - 2] == "," or trailing.group("after_quote"):
                    end = trailing.start()
                    break
            for quote in self.double_quotes[bisect_left(self.double_opens, start):]:
                if quote.after >= end:
                    break
                if self.text[quote.close - 1] == "," and CONTRAST_AFTER.match(self.masked, quote.after, end):
                    end = quote.after  # `ruled that the rise was "lawful," but in the same report ...`
                    break
            for predicate in COORDINATED_PREDICATE.finditer(self.masked, start, end):
                verb = predicate.group("verb")
                if verb in VERB_BASE or (verb not in lx.NOT_PREDICATES and (verb.endswith(("s", "ed")) or verb in lx.IRREGULAR_PAST)):
                    end = predicate.start()
                    break
        if has_that and len(self.masked[start:end].split()) < 2:
            return None, False  # `confirmed that observation, ...`: a determiner, not a clause
        question = REPORTED_QUESTION.match(self.masked, start, end) if base == "ask" and not has_that else None
        if question:
            start = question.start("wh")  # `asked the minister how ...`: the addressee is not the question
        return _strip_span(self.masked, start, end), False

    def _quote_follows(self, pos: int, limit: int) -> bool:
        lead = LEAD_PUNCT.match(self.masked, pos, limit)
        quote = self.quote_at.get(lead.end())
        return bool(lead.group(1) and quote and quote.double and self._ends_sentence(quote.after, limit))

    def _has_spoken_quote(self, start: int, end: int) -> bool:
        """Quoted words in text[start:end] that read as speech, not as a name in title case
        (`called the port a "success story"`, not `call the site "the Old Yard"`)."""
        for quote in self.double_quotes[bisect_left(self.double_opens, start):]:
            if quote.open >= end:
                return False
            words = [w for w in self.text[quote.start:quote.end].split() if w.lower() not in _SMALL_WORDS]
            if not all(w[:1].isupper() for w in words):
                return True
        return False

    def _content_before(self, sentence: Sentence, hi: int) -> Span | None:
        end = hi
        text = self.masked
        while end > sentence.start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        if end <= sentence.start:
            return None
        if (end - 1) in self.quote_closing_at:
            quote = self.quote_closing_at[end - 1]
            lead = _leading_conjunctions(text, sentence.start, quote.open)
            before = text[lead.end() if lead else sentence.start:quote.open].strip()
            if quote.open >= sentence.start and (not before or before.endswith(":")):
                # `"...," she said`, `Yet, "...," she added`, `... the job entails: "...," he said`
                return (quote.start, quote.end)
        return _strip_span(text, sentence.start, end)

    def _is_quote(self, content: Span) -> bool:
        quote = self.quote_starting_at.get(content[0])
        return bool(quote and quote.end == content[1])

    def _intro_only(self, lo: int, hi: int) -> bool:
        """True when text[lo:hi] is only introductory adjuncts ("In a post on X,")."""
        if hi - lo > SUBJECT_REACH:
            return False
        saw_intro = False
        for start, end in _comma_segments(self.masked, lo, hi):
            words = self.masked[start:end].split()
            if not words or not words[0].strip(MASK + "“”\"«»„"):
                if not saw_intro:
                    return False  # quoted words open the sentence: `"..." for the record, she said`
                continue  # a quoted title inside the adjunct: `In an interview on "Face the Nation,"`
            if saw_intro and _name_like(self.masked[start:end]) and len(words) <= 3:
                continue  # `Speaking at a depot in Kellbrook, Vesk,`: the place goes on
            if words[0].lower() not in lx.INTRO_ADJUNCT_WORDS:
                return False
            saw_intro = True
        return saw_intro

    def _asks_question(self, base: str, start: int, end: int) -> bool:
        """`asked whether ...`, `asked the minister how ...`: a reported question."""
        return base == "ask" and bool(REPORTED_QUESTION.match(self.masked, start, end))

    def _spoken_quote_ends(self, end: int) -> bool:
        """True when masked[:end] ends with spoken quoted words closed by `,`, `?` or `!`."""
        quote = self.quote_closing_at.get(end - 1)
        return bool(quote and quote.double and self.text[quote.close - 1] in ",?!" and self._spoken(quote))

    def _clause_goes_on(self, pos: int, limit: int) -> bool:
        """After an interrupting cue (`X, he said, ...`), the rest of the clause follows."""
        rest = CLAUSE_GOES_ON.match(self.masked, pos, limit)
        if not rest:
            return False
        word = rest.group(1).lower()
        # The predicate goes on (`would`, `has`, `faces`), not an appositive (`the third loss`).
        return not word[:1].isalpha() or word in lx.CLAUSE_CONTINUING_WORDS or (
            word.endswith(("ed", "s")) and word not in lx.NOT_PREDICATES and word not in lx.NOT_CLAUSE_CONTINUATIONS)

    def _follows_quote(self, sentence: Sentence) -> bool:
        """True when a quotation ends just before the sentence: `"...?" Lee asked, smiling.`"""
        i = sentence.start - 1
        while i > 0 and self.text[i].isspace():
            i -= 1
        quote = self.quote_closing_at.get(i)
        return bool(quote and quote.after == i + 1 and self.text[quote.close - 1] in "?!.")

    def _follows_quote_in_paragraph(self, sentence: Sentence) -> bool:
        """True when a question or exclamation in quotation marks ends just before the sentence,
        in its paragraph: `"...?" Lee told the BBC.` (a quotation ending in a period has
        usually been attributed already)."""
        quote = self.quote_closing_at.get(sentence.start - 2)
        return bool(quote and self.text[sentence.start - 1] == " " and self.text[quote.close - 1] in "?!")

    def _introduces_next(self, sentence: Sentence) -> bool:
        """A sentence ending in a colon introduces the words that follow it."""
        return self.masked[sentence.start:sentence.end].rstrip().endswith(":")

    def _ends_sentence(self, pos: int, limit: int) -> bool:
        return not self.masked[pos:limit].strip(" \t\n\xa0.,!?;:)")

    def _last_quote_between(self, start: int, end: int) -> Quote | None:
        i = bisect_left(self.double_opens, end) - 1
        if i >= 0 and self.double_quotes[i].open >= start and self.double_quotes[i].close < end:
            return self.double_quotes[i]
        return None

    def _last_quote_in(self, sentence: Sentence) -> Quote | None:
        return self._last_quote_between(sentence.start, sentence.end)


FREE_RELATIVES = frozenset(("what", "whatever", "whoever", "how", "why", "whether"))
_SMALL_WORDS = frozenset(("a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by"))
_NOT_A_CLAUSE = frozenset((
    "about", "of", "to", "for", "with", "in", "on", "at", "by", "from", "into", "over", "as",
    "after", "before", "during", "him", "them", "me", "us", "so", "and", "or", "but",
    "nothing", "something", "anything", "yes", "no", "hello", "goodbye", "thanks",
    "when", "where", "otherwise", "last", "earlier", "later",
))


def _participle_stems(participle: str) -> tuple[str, str, str]:
    """The bases an -ing form may come from: `calling` -> call, `dubbing` -> dub, `describing` -> describe."""
    stem = participle[:-3]
    return stem, stem[:-1], stem + "e"


def _participle_base(participle: str) -> str:
    """`calling` -> `call`, `dubbing` -> `dub`: the verb whose rules a participle follows,
    or `say` for the participles of plain saying."""
    return next((base for base in _participle_stems(participle) if base in lx.QUOTE_VERBS), "say")


def _saying_participle(participle: str) -> bool:
    """`promising`, `describing`, `slamming`: the participle of a verb of saying or quoting."""
    return any(base in SAYING_BASES or base in lx.QUOTE_VERBS for base in _participle_stems(participle))


def _ends_with_filler(masked: str, end: int) -> bool:
    tail = masked[max(0, end - 60):end].rstrip()
    return tail.removesuffix(",").rstrip().endswith(FILLER_ENDINGS)


def _leading_conjunctions(text: str, start: int, end: int) -> regex.Match | None:
    """`But`, `And yet,` and the like opening text[start:end]."""
    return LEADING_CONJUNCTIONS.match(text, start, end) if text.startswith(CONJUNCTION_OPENINGS, start, end) else None


def _coordinated_before(masked: str, end: int) -> regex.Match | None:
    lo = max(0, end - 20)
    words = masked[lo:end]
    return COORDINATED_BEFORE.search(masked, lo, end) if "and" in words or "but" in words else None


def _is_appositive(piece: str) -> bool:
    """Every appositive opens with a lower-case word, a number or a party (`R-Vesk`): a
    piece opening with a capital, as most speakers do, needs no match."""
    head = piece.lstrip()[:2]
    if head[:1].isupper() and not (head[:1] in "RDI" and head[1:] == "-"):
        return False
    return bool(APPOSITIVE_START.match(piece))


def _may_open_adjunct(masked: str, pos: int, limit: int) -> bool:
    """Can ADJUNCT match at `pos`? Only where its opening word, or a manner adverb, is."""
    head = masked[pos:min(limit, pos + 60)].lstrip()
    if head.startswith(","):
        head = head[1:].lstrip()
    if not head:
        return False
    return head.startswith(ADJUNCT_OPENINGS) or "ly" in head.split(None, 1)[0]


def _comma_segments(masked: str, lo: int, hi: int) -> list[Span]:
    """Comma-separated parts of masked[lo:hi] that are not blank, ignoring commas inside brackets."""
    segments = []
    depth = 0
    start = lo
    for match in SEGMENT_BREAK.finditer(masked, lo, hi):
        at, after = match.span()
        mark = masked[at]
        if mark in "([":
            depth += 1
        elif mark in ")]":
            depth = max(0, depth - 1)
        elif not depth:
            piece = masked[start:at]
            if piece and not piece.isspace():
                segments.append((start, at))
            start = after
    piece = masked[start:hi]
    if piece and not piece.isspace():
        segments.append((start, hi))
    return segments


def _strip_span(masked: str, start: int, end: int) -> Span | None:
    """The span without surrounding space, a final period outside marks, or stray commas."""
    while start < end and (masked[start].isspace() or masked[start] in ",;:—-"):
        start += 1
    while end > start and (masked[end - 1].isspace() or masked[end - 1] in ".,;:—-"):
        end -= 1
    if start >= end:
        return None
    return start, end


def _name_like(piece: str) -> bool:
    words = [w for w in piece.split() if not w.startswith("(")]  # `Ted Cruz (R-Texas)`
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w in ("of", "and", "&", "de", "bin", "al", "van", "von") for w in words)


def _title_like(piece: str) -> bool:
    """`Democrat of California`, `Chief Executive`: a role, as an appositive to a name."""
    words = piece.split()
    return bool(words) and len(words) <= 8 and (
        words[0].lower().strip(".") in lx.TITLE_WORDS or words[-1].lower().strip(".") in lx.TITLE_WORDS
    )


def _np_like(piece: str) -> bool:
    """Can masked `piece` be a speaker mention? Not a clause, not a quotation."""
    if MASK in piece or not piece.strip():
        return False
    words = piece.split()
    if len(words) > 16:
        return False
    first = words[0].lower()
    if first in FREE_RELATIVES:
        return False  # `What Mr. Trump considers "smart"`: a clause, not a speaker
    if not (words[0][:1].isupper() or first in DETERMINERS or first in lx.GROUP_HEADS or first in lx.ANONYMOUS_HEADS
            or first in lx.TITLE_WORDS or first in lx.PRONOUNS_PERSON or first in lx.PRONOUNS_OTHER
            or words[0][:1].isdigit() or any(w[:1].isupper() for w in words[1:])
            or (len(words) <= 4 and (words[-1].lower() in SPEAKER_HEADS or words[-1].lower() in lx.TITLE_WORDS))):
        return False
    if words[-1].lower() in DANGLING_WORDS:
        return False
    return not any(w.lower().strip(",.") in CLAUSE_WORDS for w in words)
