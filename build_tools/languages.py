"""ISO 639-1 language codes, and the names people read for the ones we print often."""

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
