"""ISO 639-1 language codes, the names people read for the ones we print often, and hints.

:func:`suggest_language` turns a near miss (``engl``, ``Deutsch``, ``ger``, ``DE``) into the code
meant, for the message that refuses it.
"""

ISO_639_1 = frozenset(
    ["aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu"]
)

# German names of languages, as printed on pages and flyers ("Sprachen: Deutsch, Englisch").
GERMAN_NAMES = {
    "ar": "Arabisch", "bg": "Bulgarisch", "cs": "Tschechisch", "de": "Deutsch", "el": "Griechisch",
    "en": "Englisch", "es": "Spanisch", "fa": "Persisch", "fr": "Französisch", "hr": "Kroatisch",
    "hu": "Ungarisch", "it": "Italienisch", "ku": "Kurdisch", "nl": "Niederländisch",
    "pl": "Polnisch", "ps": "Paschtu", "pt": "Portugiesisch", "ro": "Rumänisch", "ru": "Russisch",
    "sq": "Albanisch", "sr": "Serbisch", "ti": "Tigrinya", "tr": "Türkisch", "uk": "Ukrainisch",
    "ur": "Urdu", "vi": "Vietnamesisch", "zh": "Chinesisch", "so": "Somali",
}

# Languages an offer's text may be translated into (the page and flyer languages we render).
TRANSLATION_LANGUAGES = ("en", "uk", "ar", "tr", "ru", "pl", "ro", "bg", "fa", "fr")

# Scripts written right to left.
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps"})


def language_name(code: str) -> str:
    """German name of a language code, or the code itself when we have no name for it."""
    return GERMAN_NAMES.get(code, code)


# English names and three-letter codes (ISO 639-2/3) people write instead of the two letters.
_ENGLISH_NAMES = {
    "arabic": "ar", "bulgarian": "bg", "czech": "cs", "german": "de", "greek": "el",
    "english": "en", "spanish": "es", "persian": "fa", "farsi": "fa", "french": "fr",
    "croatian": "hr", "hungarian": "hu", "italian": "it", "kurdish": "ku", "dutch": "nl",
    "polish": "pl", "pashto": "ps", "portuguese": "pt", "romanian": "ro", "russian": "ru",
    "albanian": "sq", "serbian": "sr", "tigrinya": "ti", "turkish": "tr", "ukrainian": "uk",
    "urdu": "ur", "vietnamese": "vi", "chinese": "zh", "somali": "so", "dari": "fa",
    "gebärdensprache": "", "sign language": "",
}
_THREE_LETTER = {
    "ara": "ar", "bul": "bg", "ces": "cs", "cze": "cs", "deu": "de", "ger": "de", "ell": "el",
    "gre": "el", "eng": "en", "spa": "es", "fas": "fa", "per": "fa", "fra": "fr", "fre": "fr",
    "hrv": "hr", "hun": "hu", "ita": "it", "kur": "ku", "nld": "nl", "dut": "nl", "pol": "pl",
    "pus": "ps", "por": "pt", "ron": "ro", "rum": "ro", "rus": "ru", "sqi": "sq", "alb": "sq",
    "srp": "sr", "tir": "ti", "tur": "tr", "ukr": "uk", "urd": "ur", "vie": "vi", "zho": "zh",
    "chi": "zh", "som": "so", "prs": "fa",
}


def suggest_language(value: str) -> str | None:
    """The ISO 639-1 code an editor probably meant by ``value``, or None when nothing fits.

    An empty string means "no code exists" (sign languages have none in ISO 639-1).
    """
    word = value.strip().lower()
    if word in ISO_639_1:
        return word  # only the case was wrong (DE → de)
    if word in _THREE_LETTER:
        return _THREE_LETTER[word]
    names = {name.lower(): code for code, name in GERMAN_NAMES.items()} | _ENGLISH_NAMES
    if word in names:
        return names[word]
    if len(word) >= 3:
        for name, code in sorted(names.items()):
            if code and name.startswith(word):
                return code
    return None
