#!/usr/bin/env python3
"""The Python peers of digest's ranking, for `cargo bench --bench ranking`.

Reads JSON Lines on stdin, one article a line:
    {"name": "001", "sentences": ["...", ...], "k": [3, 5]}
(the sentences as digest segments the body, so every method picks from the
same units and picks can be scored by index), and writes JSON Lines:
    {"name": "001", "method": "summa", "k": 5, "picks": [0, 4, ...]}
then one last line {"timing": {"sumy": seconds, "summa": seconds}, "articles": n}
with the time each method took to summarize every article at its largest k,
parsing included.

Methods, each when its package imports (pip install summa sumy):
- summa: summa.summarizer (the TextRank of the old gensim), on the body with
  one sentence a line; its top k sentences by score.
- sumy: sumy 0.13 TextRankSummarizer with the English Snowball stemmer and
  stop words. sumy's own sentence splitter needs NLTK's punkt data, which
  cannot be downloaded here, so it is given digest's sentences and splits
  words with NLTK's Treebank tokenizer (what nltk.word_tokenize does after
  punkt).
"""

import json
import re
import sys
import time


def summa_method():
    from summa import summarizer

    def pick(sentences, k):
        text = "\n".join(sentences)
        scored = summarizer.summarize(text, ratio=1.0, split=True, scores=True)
        scored = sorted(scored, key=lambda s: -s[1])
        picks = []
        for sent, _ in scored:
            i = locate(sentences, sent, picks)
            if i is not None:
                picks.append(i)
            if len(picks) == k:
                break
        return sorted(picks)

    return pick


def sumy_method():
    from nltk.tokenize import TreebankWordTokenizer
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    word_re = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$", re.UNICODE)
    treebank = TreebankWordTokenizer()

    class Tokenizer:
        language = "english"

        def to_sentences(self, paragraph):
            return [paragraph]

        def to_words(self, sentence):
            return tuple(w for w in treebank.tokenize(sentence) if word_re.match(w))

    tokenizer = Tokenizer()
    summarizer = TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def pick(sentences, k):
        sents = [Sentence(s, tokenizer) for s in sentences]
        doc = ObjectDocumentModel([Paragraph(sents)])
        chosen = summarizer(doc, k)
        ids = {id(s): i for i, s in enumerate(sents)}
        return sorted(ids[id(s)] for s in chosen)

    return pick


def locate(sentences, text, taken):
    """The index of the sentence holding `text` (summa may split further)."""
    text = " ".join(text.split())
    for i, s in enumerate(sentences):
        if i not in taken and text in " ".join(s.split()):
            return i
    return None


def main():
    articles = [json.loads(line) for line in sys.stdin if line.strip()]
    methods = {}
    for name, make in (("summa", summa_method), ("sumy", sumy_method)):
        try:
            methods[name] = make()
        except ImportError as e:
            print(f"peers.py: {name} skipped: {e}", file=sys.stderr)
    timing = {}
    out = sys.stdout
    for name, pick in methods.items():
        start = time.perf_counter()
        for a in articles:
            for k in a["k"]:
                picks = pick(a["sentences"], k)
                out.write(json.dumps({"name": a["name"], "method": name, "k": k, "picks": picks}) + "\n")
        timing[name] = time.perf_counter() - start
        # Timed on its own: one summary per article, the largest k.
        start = time.perf_counter()
        for a in articles:
            pick(a["sentences"], max(a["k"]))
        timing[name] = time.perf_counter() - start
    out.write(json.dumps({"timing": timing, "articles": len(articles)}) + "\n")


if __name__ == "__main__":
    main()
