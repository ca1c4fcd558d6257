"""Word lists the extractor reads. Data only: no logic lives here."""

# Verbs of saying, every form news copy uses. The base forms are expanded into
# inflections by `cues.py`; irregular forms are listed in full.
REPORTING_VERBS = (
    "say", "tell", "add", "note", "state", "announce", "declare", "write", "post", "tweet",
    "explain", "argue", "insist", "claim", "warn", "stress", "ask", "reply", "acknowledge",
    "admit", "confirm", "deny", "recall", "report", "urge", "describe", "testify", "maintain",
    "assert", "allege", "caution", "comment", "complain", "concede", "contend", "emphasise",
    "emphasize", "observe", "predict", "promise", "remark", "reiterate", "respond", "reveal",
    "suggest", "underline", "underscore", "vow", "accuse", "agree", "announce", "boast",
    "disclose", "estimate", "forecast", "highlight", "indicate", "inform", "mention",
    "point out", "pledge", "proclaim", "propose", "quip", "reaffirm", "recount", "retort",
    "share", "speculate", "threaten", "assure", "brief", "clarify",
    "counter", "demand", "hint", "joke", "lament", "muse", "plead", "pray", "rule", "find",
    "show", "charge", "question", "wonder", "yell", "shout", "scream", "exclaim", "whisper",
    "mutter", "chide", "scoff", "concur", "interject", "call", "call on", "call for", "label", "dub",
    "exhort", "implore", "liken", "brand", "hail", "praise", "slam", "blast", "criticise",
    "criticize", "thank", "apologise", "apologize", "tout", "continue", "conclude",
    "confess", "shoot back", "fume", "snap", "gush", "answer", "cry", "cry out",
    "repeat", "chant", "tease", "marvel", "gripe", "grumble", "rail", "taunt", "rave",
    "elaborate", "opine", "reason", "sigh", "summarise", "summarize", "begin", "press",
    "read", "riff", "bark", "remember", "go on", "chime in", "interrupt", "intone", "gloat",
    "beam",
)
# Words after a subject that are not the verb of a predicate quoting it: copulas,
# auxiliaries and function words (`Trump was "very pro-choice"` quotes nobody).
NOT_PREDICATES = frozenset((
    "is", "was", "has", "does", "says", "its", "his", "this", "thus", "plus", "less", "unless",
    "always", "perhaps", "across", "towards", "afterwards", "news", "series", "whereas",
    "seems", "seemed", "appears", "appeared", "looks", "looked", "sounds", "sounded",
    "remains", "remained", "becomes", "needs", "needed", "used", "wanted", "wants", "tries",
    "tried", "helped", "helps", "lives", "lived", "worked", "works", "based", "faced", "faces",
    "gets", "takes", "makes", "goes", "comes", "plays", "runs", "turned", "turns", "started",
    "starts", "signed", "won", "lost", "owned", "owns", "born", "raised", "elected", "named",
    "called", "known", "dubbed", "titled", "entitled", "nicknamed", "labeled", "labelled",
    "passed", "includes", "included", "contains", "contained", "reads",
))
# A preposition right after a verb that quotes nothing itself marks a doing, not a saying
# (`landed in Phoenix for a "policy address"`, `clashed with Johnson`): its quoted words
# are no fragment of the subject's.
PREPOSITIONS_AFTER_A_DOING = frozenset(("in", "with", "against", "on", "at", "into", "from", "through", "over"))
# Irregular past forms that can head a predicate quoting its subject.
IRREGULAR_PAST = frozenset((
    "made", "gave", "took", "put", "threw", "spoke", "thought", "felt", "kept", "held",
    "sent", "brought", "cast", "struck", "set", "led", "meant", "offered", "wrote", "told",
    "said", "drew", "hit", "stood", "swore", "sought", "taught", "bit", "shot",
))
# Words after an interrupting cue (`X, he said, would ...`) that carry on X's clause.
CLAUSE_CONTINUING_WORDS = frozenset((
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "should", "shall", "did", "does", "do", "remains",
    "remained", "needs", "needed",
))
# Words after an interrupting cue (`X, he said, and ...`) that start something other than
# the rest of X's clause.
NOT_CLAUSE_CONTINUATIONS = frozenset((
    "and", "but", "or", "so", "which", "who", "whose", "whom", "where", "when", "while",
    "though", "although", "as", "after", "before", "because", "since", "if", "citing",
    "according", "in", "on", "at", "during", "to", "for", "with", "without", "from", "by",
    "of", "about", "than", "then", "also", "too", "however", "nor", "not", "even",
))
# Capitalised only because they open a sentence: not the start of a name
# (`But Sanders`, `Before Trump`, `One of Trump's aides`).
NOT_NAME_STARTS = frozenset((
    "but", "and", "or", "nor", "so", "yet", "then", "before", "after", "when", "while", "if",
    "as", "because", "since", "although", "though", "unless", "until", "once", "like", "unlike",
    "in", "on", "at", "for", "from", "with", "without", "by", "to", "of", "into", "during",
    "despite", "under", "over", "among", "against", "about", "amid", "through",
    "one", "both", "all", "some", "many", "most", "each", "every", "even", "only", "also",
    "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
    "here", "there",
))
# Labels that end in a colon but name no speaker: "Photo: ...", "Update: ...".
NOT_SPEAKER_LABELS = frozenset((
    "photo", "photos", "image", "video", "watch", "read", "related", "source", "sources",
    "credit", "update", "updated", "note", "editor", "editor's", "correction", "file",
    "warning", "breaking", "exclusive", "analysis", "opinion", "review", "live", "listen",
    "advertisement", "caption", "graphic", "map", "chart", "table", "q", "a", "question",
    "answer", "subscribe", "follow", "share", "tags", "topics", "category", "posted",
))

# Participles that continue a sentence's speaker only with a quotation after them:
# `..., tweeting, "..."`, but `asking the court to ...` reports no words.
# Verbs that name as much as they quote: `a group called "X"` names, but `bodies, which he
# called "a cartel"` quotes its subject.
NAMING_VERBS = frozenset((
    "called", "calls", "described", "describes", "dubbed", "dubs", "termed", "terms", "labeled", "labelled", "branded",
))
# Verbs of promising, whose words may be an infinitive: `pledged to "keep every night route"`.
PROMISE_VERBS = frozenset(("vow", "pledge", "promise"))
# Participles that report a clause with no `that`: `called it "historic," saying the county ...`.
CLAUSE_PARTICIPLES = frozenset(("saying", "adding", "arguing", "insisting", "warning", "claiming", "telling"))
QUOTE_ONLY_PARTICIPLES = (
    "tweeting", "asking", "replying", "responding", "concluding", "recalling", "joking",
    "quipping", "posting", "shouting", "chanting", "exclaiming", "answering", "remarking",
)
# Participles that continue a sentence's speaker: "..., adding that ...".
PARTICIPLE_CUES = (
    "saying", "adding", "noting", "arguing", "insisting", "warning", "writing", "explaining",
    "stressing", "claiming", "declaring", "asserting", "telling", "urging", "calling",
    *QUOTE_ONLY_PARTICIPLES,
)
# Verbs that attribute speech only when quoted words follow: `called the port a "success
# story"`, `urged voters to "stay home"`.
QUOTE_VERBS = frozenset((
    "call", "label", "dub", "exhort", "implore", "liken", "brand", "hail", "praise", "slam",
    "blast", "criticise", "criticize", "thank", "apologise", "apologize", "tout", "urge",
    "accuse", "call on", "plead", "demand", "promise", "vow", "pledge", "read",
))
# Verbs whose -s form ("says", "warns") is read as a verb; for the rest ("comments",
# "rules", "calls") the -s form is mostly a plural noun.
S_FORM_VERBS = frozenset((
    "say", "tell", "add", "write", "argue", "insist", "warn", "explain", "ask", "urge",
    "stress", "recall", "admit", "acknowledge", "predict", "contend", "maintain", "concede",
    "suggest", "note", "declare", "allege", "assert", "confirm", "deny", "emphasise",
    "emphasize", "insist", "observe", "reveal", "reiterate", "testify", "tweet", "announce",
    "describe", "caution", "complain", "point out", "wonder", "believe", "agree", "vow",
    "yell", "shout", "scream", "exclaim", "whisper", "mutter", "continue", "reply", "respond",
    "recount", "boast", "quip", "lament", "plead", "concur", "retort", "conclude", "confess",
    "fume", "answer", "cry", "cry out", "repeat", "chant", "tease", "marvel", "gripe",
    "grumble", "taunt", "rave", "opine", "sigh", "begin", "read", "go on", "bark", "riff", "intone",
))

# Verbs of saying whose forms are never nouns ("says" after "the clip" is still a verb).
NEVER_NOUNS = frozenset(("say", "tell", "add", "write", "ask", "insist", "argue", "explain", "declare", "read"))
IRREGULAR_FORMS = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "writes"),
    "find": ("found", "finds", "finding"),
    "show": ("showed", "shows", "shown", "showing"),
    "rule": ("ruled", "rules", "ruling"),
    "shoot": ("shot", "shoots", "shooting"),
    "begin": ("began", "begins"),
    "read": ("reads",),
    "go": ("went", "goes"),
}

# Verbs that need "that", a quotation or a final position to count: alone they
# usually describe something other than speech ("added 5%", "a noted author").
WEAK_VERBS = frozenset((
    "add", "note", "state", "post", "share", "show", "find", "rule", "signal",
    "question", "counter", "charge", "brief", "indicate", "report", "observe", "maintain", "state",
    "highlight", "estimate", "forecast", "predict", "propose", "suggest", "promise",
    "threaten", "demand", "agree", "accuse", "ask", "respond", "reply", "mention", "recall",
    "describe", "inform", "continue", "conclude", "answer", "cry", "repeat", "chant",
    "reason", "sigh", "begin", "press", "remember", "interrupt", "beam",
))

# Auxiliaries and adverbs allowed between a subject and its verb of saying.
PRE_CUE_FILLERS = (
    "also", "further", "later", "earlier", "then", "again", "separately", "previously",
    "has", "have", "had", "has also", "had also", "have also", "repeatedly", "once",
    "recently", "reportedly", "publicly", "privately", "initially", "subsequently",
    "would", "will", "did", "does", "do", "could", "may", "might", "can", "often",
    "used to", "has long", "have long", "had long", "had earlier", "has repeatedly",
    "last week", "last month", "last year", "on Monday", "on Tuesday", "on Wednesday",
    "on Thursday", "on Friday", "on Saturday", "on Sunday", "today", "yesterday",
    "in a statement", "in a separate statement", "in a joint statement",
)

# Words before a verb of saying that mean nothing was said: "is said to be",
# "have not yet said", "never said".
NEGATING_BEFORE = frozenset((
    "not", "never", "n't", "yet", "is", "are", "was", "were", "be", "been", "being", "nor",
    "to", "cannot", "refused", "declined", "wouldn't", "didn't", "won't", "hasn't", "haven't",
    "hadn't", "doesn't", "don't", "isn't", "wasn't", "weren't", "unable", "who", "which",
))
# Phrases before `to say`, `to tell` that report a saying rather than an intention.
REPORTING_INFINITIVES = (
    "went on to", "goes on to", "go on to", "proceeded to", "took to twitter to",
    "took to facebook to", "took to x to", "took to social media to", "took to instagram to",
    "was quick to", "were quick to", "likely to", "rushed to", "took the stage to",
)
# Words right after a verb of saying that mean nothing was said ("says nothing about").
NEGATING_AFTER = frozenset(("nothing", "little", "no", "so", "goodbye", "hello", "yes", "sorry", "thanks", "grace", "prayers"))

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "prof", "rev", "hon", "jr", "sr", "no", "vs", "v", "etc", "inc",
    "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "e.g", "i.e", "mt", "ft",
    "pres", "supt", "insp", "rs", "approx", "dept", "univ", "assn", "bros", "messrs",
))

# News agencies and outlets that relay words or report on their own.
AGENCIES = (
    "ANI", "PTI", "IANS", "UNI", "Reuters", "AP", "Associated Press", "AFP",
    "Agence France-Presse", "TASS", "Xinhua", "RIA", "RIA Novosti", "Interfax", "BSS",
    "Yonhap", "Kyodo", "Bernama", "Anadolu", "dpa", "EFE", "ANSA", "APP", "IRNA", "KCNA",
    "WAM", "SPA", "MENA", "Antara", "PNA", "CNA", "Bloomberg", "BBC", "CNN", "NPR", "CBS",
    "NBC", "ABC", "Fox News", "Politico", "Axios",
)
# Descriptions that mark the words after or before them as an outlet.
OUTLET_WORDS = frozenset((
    "newspaper", "daily", "broadcaster", "channel", "outlet", "tabloid", "weekly",
    "magazine", "radio", "television", "website", "network", "paper", "times", "post",
    "journal", "news", "herald", "tribune", "gazette", "telegraph", "guardian", "express",
    "hindu", "mirror", "chronicle", "observer", "reporter",
))

PLATFORMS = {
    "x": "X", "twitter": "X", "facebook": "Facebook", "instagram": "Instagram",
    "telegram": "Telegram", "linkedin": "LinkedIn", "youtube": "YouTube", "threads": "Threads",
    "truth social": "Truth Social", "weibo": "Weibo", "tiktok": "TikTok",
}

# Channel words, in order of precedence, by source kind. Matched as whole words in the
# part of the sentence that is not the reported content.
SOURCE_KIND_WORDS = (
    ("news_agency_report", ("reported, citing", "reports, citing", "reported")),
    ("social_post", (
        "post on", "tweet", "tweeted", "tweets", "wrote on", "writing on",
        "facebook post", "instagram post", "social media post", "social media", "on x",
        "on twitter", "on facebook", "on instagram", "on telegram", "on linkedin", "on youtube",
        "telegram channel", "instagram account", "x account", "x handle",
    )),
    ("parliament", (
        "lok sabha", "rajya sabha", "parliament", "house of commons", "house of lords",
        "senate floor", "legislative assembly", "vidhan sabha", "written reply", "in the house",
        "congressional hearing", "testified", "testimony",
    )),
    ("press_conference", (
        "told reporters", "tells reporters", "telling reporters", "told journalists",
        "told the media", "told the press", "told mediapersons", "told newsmen",
        "speaking to reporters", "speaking to journalists", "speaking to the media",
        "talking to reporters", "talking to the media", "addressing reporters",
        "addressing the media", "addressing a press", "press conference", "news conference",
        "press briefing", "media briefing", "briefing", "briefed", "conference call",
        "earnings call", "press meet", "told analysts",
    )),
    ("interview", (
        "in an interview", "interview with", "interview", "told ani", "told pti", "told ians",
        "told reuters", "told the associated press", "told ap", "told afp", "speaking to ani",
        "speaking to pti", "speaking to ians", "speaking exclusively", "by phone",
        "by telephone", "in a phone call with", "exclusive",
    )),
    ("letter", ("letter", "letters", "wrote to", "writing to", "memorandum")),
    ("statement", (
        "statement", "statements", "press release", "news release", "release", "bulletin",
        "communique", "communiqué", "advisory", "notification", "circular", "message",
        "emailed", "email", "e-mail", "spokesperson said in", "readout", "notice",
    )),
    ("speech", (
        "speech", "address", "addressing", "addressed", "rally", "rallies", "rallying",
        "keynote", "lecture", "sermon", "accepting the award", "acceptance", "ceremony",
        "convocation", "national statement", "town hall", "toast", "eulogy", "told the crowd",
        "told supporters", "told the gathering", "told a gathering", "told the audience",
        "told a crowd", "told a rally", "meeting of",
    )),
    ("report", (
        "report", "reports", "filing", "study", "survey", "data", "document",
        "documents", "note to clients", "research note", "note", "analysis", "decision",
        "ruling", "judgment", "judgement", "order", "findings", "found", "white paper",
        "paper", "review", "audit", "assessment", "forecast", "estimates", "figures",
        "statistics", "index", "ranking", "rankings", "poll", "results", "census",
    )),
)

# Nouns that, as a speaker, stand for the document or occasion of an earlier speaker.
DOCUMENT_SPEAKERS = {
    "statement": "statement", "release": "statement", "press release": "statement",
    "bulletin": "statement", "message": "statement", "notice": "statement",
    "letter": "letter", "report": "report", "study": "report", "filing": "report",
    "survey": "report", "data": "report", "note": "report", "document": "report",
    "documents": "report", "decision": "report", "ruling": "report", "order": "report",
    "post": "social_post", "tweet": "social_post", "advice": None, "reply": "parliament",
    "speech": "speech", "address": "speech", "interview": "interview",
}

# Titles and roles: kept apart from names. Lower-cased; multiword titles are built from
# these words by `speakers.py`.
TITLE_WORDS = frozenset((
    "president", "vice", "prime", "minister", "ministers", "secretary", "chief", "executive",
    "officer", "director", "general", "spokesperson", "spokesman", "spokeswoman", "chairman",
    "chairwoman", "chairperson", "chair", "governor", "deputy", "senator", "sen.",
    "representative", "rep.", "mayor", "commissioner", "councilwoman", "councilman", "councillor",
    "councilor", "congressman", "congresswoman", "assemblyman", "assemblywoman", "alderman", "ambassador", "envoy", "judge",
    "justice", "chancellor", "king", "queen", "prince", "princess", "sheikh", "pope",
    "cardinal", "bishop", "archbishop", "general", "gen.", "colonel", "col.", "major",
    "captain", "capt.", "lieutenant", "lt.", "admiral", "commander", "sergeant", "inspector",
    "superintendent", "constable", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "prof", "prof.", "professor", "head", "founder", "co-founder", "ceo", "cfo", "coo", "cto",
    "md", "managing", "manager", "chief", "leader", "speaker", "mp", "mla", "mlc", "mep",
    "senior", "junior", "additional", "joint", "principal", "attorney", "counsel", "lawyer",
    "advocate", "solicitor", "coach", "captain", "analyst", "economist", "strategist",
    "editor", "correspondent", "curator", "scientist", "researcher", "professor", "doctor",
    "gynaecologist", "pilot", "loco", "engineer", "official", "officials", "member",
    "members", "state", "union", "external", "affairs", "home", "finance", "defence",
    "defense", "foreign", "interior", "health", "education", "railway", "railways",
    "agriculture", "commerce", "trade", "labour", "labor", "law", "environment", "energy",
    "petroleum", "power", "information", "broadcasting", "cabinet", "former", "acting",
    "interim", "incoming", "outgoing", "then", "district", "election", "regional", "national",
    "country", "company", "agency", "party", "police", "army", "navy", "air", "force",
    "inspector-general", "director-general", "secretary-general", "attorney-general",
    "solicitor-general", "governor-general", "lieutenant-governor", "pm", "cm", "eam", "fm",
    "hm", "dg", "adg", "ig", "dig", "sp", "ssp", "dcp", "ips", "ias", "bjp", "congress",
    "democratic", "republican", "democrat", "independent", "white", "house", "press", "communications", "adviser",
    "advisor", "aide", "candidate", "nominee", "challenger", "incumbent", "rev.", "father",
    "sister", "brother", "rabbi", "imam", "guru", "swami", "shri", "smt", "sri", "lord",
    "lady", "sir", "dame", "baron", "baroness", "gov.", "sheriff", "marshal", "detective",
    "sgt.", "supt.", "pastor", "treasurer", "auditor", "comptroller", "registrar", "dean",
    "vice-chancellor", "provost", "rector", "principal", "physician", "surgeon", "nurse",
    "teacher", "student", "farmer", "resident", "activist", "campaigner", "organiser",
    "organizer", "owner", "partner", "associate", "fellow", "expert", "consultant",
    "specialist", "economist", "agent", "producer", "director", "actor", "actress", "singer",
    "author", "writer", "historian", "chef", "player", "striker", "midfielder", "defender",
    "goalkeeper", "batsman", "bowler",
))
# Honorifics dropped from a name entirely.
HONORIFICS = frozenset(("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "shri", "smt", "smt.", "sri"))

PRONOUNS_PERSON = frozenset(("he", "she"))
PRONOUNS_OTHER = frozenset(("it", "they", "we", "i"))

# Heads of unnamed sources. Singular heads make an anonymous speaker, plural heads a group.
ANONYMOUS_HEADS = frozenset((
    "official", "spokesperson", "spokesman", "spokeswoman", "source", "person", "aide",
    "officer", "diplomat", "executive", "insider", "member", "resident", "witness",
    "analyst", "expert", "economist", "lawmaker", "legislator", "adviser", "advisor",
    "representative", "employee", "worker", "staffer", "investigator", "doctor", "leader",
    "man", "woman", "statement", "someone", "observer", "trader", "banker", "lawyer",
    "negotiator", "engineer", "scientist", "teacher", "student", "farmer", "voter",
    "supporter", "activist", "boss", "friend", "grandmother", "grandfather", "mother",
    "father", "neighbour", "neighbor",
))
GROUP_HEADS = frozenset((
    "builders", "contractors", "drivers", "pilots", "fishermen", "shopkeepers", "vendors",
    "commuters", "hawkers", "labourers", "laborers", "miners", "sailors", "soldiers",
    "officials", "spokespeople", "sources", "people", "aides", "officers", "diplomats",
    "executives", "insiders", "members", "residents", "witnesses", "analysts", "experts",
    "economists", "lawmakers", "legislators", "advisers", "advisors", "representatives",
    "employees", "workers", "staffers", "investigators", "doctors", "leaders", "men", "women",
    "observers", "traders", "bankers", "lawyers", "negotiators", "engineers", "scientists",
    "teachers", "students", "farmers", "voters", "supporters", "activists", "parents",
    "visitors", "critics", "villagers", "protesters", "protestors", "organisers",
    "organizers", "locals", "citizens", "authorities", "police", "rescuers", "researchers",
    "vice-chancellors", "participants", "fans", "users", "customers", "passengers",
    "shareholders", "investors", "consumers", "owners", "operators", "groups", "unions",
    "republicans", "democrats", "conservatives", "liberals", "scholars", "historians",
    "others", "some", "many", "both", "several", "few", "democrats", "advocates",
    "opponents", "proponents", "polls", "pollsters", "strategists", "campaigners",
    "families", "relatives", "survivors", "victims", "patients", "nurses", "commentators",
    "journalists", "reporters", "delegates", "senators", "judges", "prosecutors",
))
# Words that make a plural source explicitly anonymous.
ANONYMITY_MARKERS = (
    "familiar with", "anonymity", "not authorised", "not authorized", "declined to be named",
    "asked not to be named", "requested anonymity", "who did not want to be named",
    "close to", "knowledge of", "briefed on", "unnamed", "anonymous",
)

# Head words of organisations: a mention ending or starting with one names an organisation.
ORGANIZATION_WORDS = frozenset((
    "ministry", "department", "commission", "committee", "council", "authority", "agency",
    "bureau", "office", "board", "government", "administration", "army", "navy", "force",
    "forces", "police", "court", "tribunal", "bank", "company", "corporation", "corp",
    "inc", "ltd", "limited", "group", "association", "federation", "union", "party",
    "organisation", "organization", "institute", "university", "college", "school",
    "hospital", "club", "foundation", "trust", "service", "services", "centre", "center",
    "kremlin", "pentagon", "parliament", "congress", "senate", "assembly", "cabinet",
    "secretariat", "directorate", "division", "railways", "airlines", "airline", "airways",
    "embassy", "consulate", "mission", "fund", "network", "alliance", "coalition", "front",
    "league", "federation", "chamber", "exchange", "regulator", "firm", "campaign",
    "nations", "guild", "society", "station", "channel", "newspaper", "broadcaster",
    "agency", "house", "fbi", "cia", "nasa", "isro", "who", "nato", "un", "eu", "imf",
    "secretariat", "department", "municipality", "corporation", "council", "co", "plc",
    "llc", "motors", "analytics", "capital", "partners", "holdings", "industries",
    "laboratories", "labs", "systems", "technologies", "media", "times", "news",
    "press", "centre", "center", "watch", "institution", "programme", "program", "project",
    "state", "states", "city", "province", "municipal", "republic", "kingdom", "nation",
    "people's", "corps", "command", "brigade", "battalion", "regiment", "guard", "guards",
    "centre", "service", "ministries", "forum", "observatory", "conservation", "wildlife",
    "weekly", "daily", "journal", "gazette", "herald", "tribune", "telegraph", "post",
))
# Short forms ("the ministry", "the company") that refer back to a named organisation.
ORGANIZATION_SHORT_FORMS = frozenset((
    "ministry", "department", "commission", "committee", "council", "authority", "agency",
    "bureau", "board", "administration", "army", "navy", "police", "court",
    "tribunal", "bank", "company", "corporation", "firm", "group", "party", "club",
    "organisation", "organization", "institute", "university", "union", "regulator",
    "airline", "carrier", "utility", "operator", "centre", "center", "embassy", "office",
    "campaign", "force", "service", "agency", "insurer", "lender", "retailer", "automaker",
    "carmaker", "manufacturer", "broadcaster", "newspaper", "body", "panel", "watchdog",
))

# Short forms that name a business: in a business story, the one its lead names.
BUSINESS_SHORT_FORMS = frozenset((
    "company", "firm", "club", "carrier", "airline", "automaker", "carmaker", "manufacturer",
    "retailer", "lender", "insurer", "utility", "operator", "group", "chain", "bank",
))

# Introductory words of a sentence part that is an adjunct, not reported content:
# "In a post on X, the ministry said ...", "Speaking to reporters, she said ...".
INTRO_ADJUNCT_WORDS = frozenset((
    "in", "on", "at", "during", "after", "before", "while", "when", "speaking", "addressing",
    "talking", "writing", "responding", "replying", "asked", "reacting", "commenting",
    "accepting", "launching", "however", "meanwhile", "separately", "earlier", "later",
    "also", "moreover", "besides", "further", "furthermore", "additionally", "instead",
    "still", "yet", "then", "now", "today", "yesterday", "last", "this", "since", "for",
    "with", "without", "from", "under", "amid", "despite", "following", "according",
    "outside", "inside", "within", "through", "upon", "once", "as", "by", "to", "but", "and",
    "so", "thus", "indeed", "notably", "similarly", "likewise", "elsewhere", "nonetheless",
    "nevertheless", "in", "over", "unlike", "like", "quoting", "citing", "recalling",
    "referring", "pointing", "noting", "stressing", "explaining", "sources", "separately",
))

# Words that introduce a quoted title or name rather than quoted speech.
TITLE_INTRODUCERS = frozenset((
    "titled", "entitled", "called", "named", "dubbed", "nicknamed", "known", "film", "movie",
    "song", "album", "book", "novel", "play", "show", "series", "exhibition", "operation",
    "slogan", "tagline", "motto", "hashtag", "campaign", "programme", "program", "scheme",
    "mission", "initiative", "poem", "painting", "documentary", "single", "track", "reads",
    "read", "banner", "poster", "sign", "so-called", "term", "word", "words", "phrase",
    "label", "labelled", "labeled", "branded", "brand", "magazine", "newspaper", "column",
    "headline", "episode", "opera", "musical", "drama", "sitcom", "chant", "chanting",
    "chanted",
))
