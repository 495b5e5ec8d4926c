"""Python VADER's speed on the statements pipeline/tone's BenchmarkScore scores.

Python VADER here is NLTK's port (Debian's python3-nltk), given VADER's own
lexicon from ../shared; it prints MB of text per CPU-second, the unit of the
Go benchmarks. Run through scripts/bench-vader-python.sh.
"""
import gzip, json, sys, time
from nltk.sentiment.vader import SentimentIntensityAnalyzer

shared = sys.argv[1]
# Same statements as pipeline/tone BenchmarkScore: the first BBC articles cut at full stops and line ends, >20 bytes, until 2 MiB.
sents, size = [], 0
with gzip.open(shared + "/data/bbc.jsonl.gz", "rt", encoding="utf-8") as f:
    for line in f:
        if size >= 2 << 20:
            break
        text = json.loads(line)["text"]
        b = text.encode("utf-8")
        start = 0
        for i, c in enumerate(b):
            if c in (0x2E, 0x0A):
                s = b[start:i + 1]
                if len(s) > 20:
                    sents.append(s.decode("utf-8", "replace"))
                    size += len(s)
                start = i + 1

class Analyzer(SentimentIntensityAnalyzer):
    # NLTK loads its lexicon through nltk.data (a download); read the shared file instead.
    # Its trailing newline would make an empty entry that NLTK cannot parse.
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.lexicon_file = f.read().rstrip("\n")
        self.lexicon = self.make_lex_dict()
        from nltk.sentiment.vader import VaderConstants
        self.constants = VaderConstants()

a = Analyzer(shared + "/lexicons/vader/vader_lexicon.txt")
t0, c0 = time.perf_counter(), time.process_time()
for s in sents:
    a.polarity_scores(s)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(f"{len(sents)} statements, {size/1e6:.2f} MB: {wall:.2f} s wall, {cpu:.2f} CPU-s, {size/1e6/cpu:.3f} MB per CPU-second")
