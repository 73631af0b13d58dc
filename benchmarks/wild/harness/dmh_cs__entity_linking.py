"""dmh-cs/entity-linking: neural entity linking trained on Wikipedia mentions. Its learning-to-
rank scripts batch a fixed number of training rows with BatchSampler(FixLenSequentialSampler(n))
or a ChunkedRandomSampler(n, super_batch_size) that shuffles within consecutive chunks (for its
chunked, disk-backed dataset), and evaluate over SubsetSequentialSampler(indices); the
mention-context models batch mentions page by page with MentionContextBatchSampler, which
queries the mentions of the next pages from the database cursor (its len() is not
implemented)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="dmh-cs/entity-linking",
    source="github",
    ref="347b77884011a2e5bb175bbccff427e3df685053",
    domain="NLP: entity linking",
    root="src",
    # pydash's is_empty, the one helper the batch sampler uses
    stubs={"pydash": "def is_empty(value):\n    return not value\n"},
)


class _Cursor:
    """A database cursor over entity_mentions_text as MentionContextBatchSampler queries it:
    execute() with the page ids in its `page_id in (...)` clause, fetchall() rows with
    mention_id and page_id."""

    def __init__(self, mentions_by_page):
        self.mentions_by_page = mentions_by_page
        self.rows = []

    def execute(self, query):
        pages = [int(p) for p in query.rsplit("(", 1)[1].rstrip(")").split(",") if p.strip()]
        self.rows = [{"mention_id": m, "page_id": p} for p in pages for m in self.mentions_by_page.get(p, [])]

    def fetchall(self):
        return self.rows


def _pages(n_pages, seed):
    import random

    rng = random.Random(seed)
    mentions, next_id = {}, 0
    for page in range(n_pages):
        count = rng.randint(0, 12)
        mentions[page] = list(range(next_id, next_id + count))
        next_id += count
    order = list(mentions)
    rng.shuffle(order)
    return mentions, order


@sampler(PROJECT, "src/samplers.py", "FixLenSequentialSampler")
def _(cls, module):
    for n in (1, 1000, 2140542):  # its LTR training set has 2140542 rows
        yield Case(f"length {n}", lambda n=n: cls(n))


@sampler(PROJECT, "src/samplers.py", "SubsetSequentialSampler")
def _(cls, module):
    import random

    for n in (1, 100, 5000):
        indices = random.Random(n).sample(range(100000), n)
        yield Case(f"{n} validation indices", lambda i=indices: cls(i))


@sampler(PROJECT, "src/samplers.py", "ChunkedRandomSampler")
def _(cls, module):
    for n, chunk in ((2140542, 100000), (1000, 100), (1000, 300), (7, 10)):
        yield Case(f"length {n}, super-batch {chunk}", lambda n=n, c=chunk: cls(n, c), epochs=2)


@sampler(PROJECT, "src/mention_context_batch_sampler.py", "MentionContextBatchSampler")
def _(cls, module):
    for n_pages, batch, min_mentions in ((50, 8, 0), (200, 32, 0), (10, 5, 2)):
        yield Case(
            f"{n_pages} pages, batch {batch}, min_mentions {min_mentions}",
            lambda n=n_pages, b=batch, m=min_mentions: cls(_Cursor(_pages(n, n)[0]), _pages(n, n)[1], b, m),
        )
