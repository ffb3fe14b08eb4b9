"""egov.lang.en.words: English tokens, lemmas, stopwords and sentences, exactly."""
from __future__ import annotations

from egov.lang.en import words as en


def test_raw_tokens_keep_hyphens_plus_and_apostrophes() -> None:
    assert en.raw_tokens("The e-Government of Internet+ and China's 2016 plan") == [
        "the", "e-government", "of", "internet+", "and", "china's", "2016", "plan"]
    assert en.raw_tokens("Internet + government") == ["internet +", "government"]
    assert en.normalize("Ünïcode As Is") == "Ünïcode As Is"


def test_type_info_gives_lemma_word_and_stopword() -> None:
    assert en.type_info("platforms", True) == ("platform", True, False)
    assert en.type_info("platforms", False) == ("platforms", True, False)
    assert en.type_info("china's", True) == ("china", True, False)
    assert en.type_info("e-services", True) == ("e-service", True, False)
    assert en.type_info("data", True) == ("data", True, False)  # an exception to the lemmatiser
    assert en.type_info("2016", True) == ("2016", False, False)  # a number is not a word
    assert en.type_info("internet +", True) == ("internet+", True, False)
    assert en.type_info("the", True)[2] and "the" in en.stopwords()


def test_split_sentences() -> None:
    assert en.split_sentences('One. Two! "Three?" 4 more. e.g. not split') == ["One.", "Two!", '"Three?"', "4 more. e.g. not split"]
