"""Generate a corpus of synthetic news texts about critical minerals, for benchmarks.

Usage: python bench/generate_corpus.py --count N --out DIR [--seed S]

Writes N distinct plain-text files (``news-00001.txt`` ...) to DIR, the same for the same
count and seed. The texts are written from this script's own templates: a world of stories
(agreements between states or companies, export controls, tariffs, sanctions, pauses and
liftings of them, summits) spread over several years, each story told by one to a few texts
in different words, so that a build has something to merge. Styles: wire reports, analyses and
bulletins with list items; sentences carry dates, amounts, binding and non-binding wording,
talks and threats (which are not facts), and distractor sentences. Actors and minerals are
the reference entities of ``graph/reference/*.ttl`` (labels, aliases, capitals, demonyms).
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import RDF, SKOS, Graph, URIRef

from critmin.graph.base.namespaces import CM

REFERENCE = Path(__file__).resolve().parents[1] / "graph" / "reference"
FIRST_YEAR, LAST_YEAR = 2019, 2026
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WINDOW = 8
"""A text tells stories among this many before and after its place in time."""


@dataclass(frozen=True)
class Actor:
    """A state or company: the names a text may call it by."""

    name: str
    aliases: tuple[str, ...] = ()
    home: str | None = None
    """A company's state (its label)."""


@dataclass(frozen=True)
class Cast:
    """The reference entities texts talk about."""

    states: tuple[Actor, ...]
    companies: tuple[Actor, ...]
    minerals: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    """Something that happened: a sentence template's inputs, fixed once for all its tellers."""

    kind: str
    actors: tuple[Actor, ...]
    minerals: tuple[str, ...]
    year: int
    month: int
    day: int
    number: int


def load_cast(folder: Path = REFERENCE) -> Cast:
    """States (with capitals and aliases), companies and minerals of the reference data."""
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        graph.parse(path)

    def label(node: URIRef) -> str:
        return str(graph.value(node, SKOS.prefLabel))

    def actors(cls: URIRef, *alias_predicates: URIRef) -> tuple[Actor, ...]:
        found = []
        for node in sorted(set(graph.subjects(RDF.type, cls))):
            aliases = sorted(str(o) for p in alias_predicates for o in graph.objects(node, p))
            home = graph.value(node, CM.basedIn)
            found.append(
                Actor(
                    label(node),
                    tuple(a for a in aliases if a.isascii()),
                    label(home) if (home, RDF.type, CM.State) in graph else None,
                )
            )
        return tuple(found)

    minerals = sorted(
        label(node)
        for cls in (CM.ChemicalElement, CM.Mineral)
        for node in graph.subjects(RDF.type, cls)
    )
    return Cast(
        states=actors(CM.State, CM.metonym, SKOS.altLabel),
        companies=actors(CM.Company),
        minerals=tuple(m for m in minerals if m.isascii()),
    )


def make_world(cast: Cast, count: int, rng: random.Random) -> list[Story]:
    """Two stories per text, in date order. A few states take most of the news (the n-th
    busiest one appears n ** -1.3 times as often as the first); an agreement of a group comes with
    a bilateral deal of two of its members; a deal between companies of two states is told by
    some as a deal between the states."""
    ranked = rng.sample(cast.states, len(cast.states))
    weights = [rank**-1.3 for rank in range(1, len(ranked) + 1)]
    kinds = tuple(kind for kind, weight in STORY_WEIGHTS.items() for _ in range(weight))
    stories: list[Story] = []
    while len(stories) < max(4, 2 * count):
        kind = rng.choice(kinds)
        if kind == "company-deal":
            actors = tuple(rng.sample(cast.companies, 2))
        elif kind == "levels":
            actors = two_levels(cast, rng)
        else:
            actors = distinct(ranked, weights, 4 if kind == "group" else 2, rng)
        story = Story(
            kind=kind,
            actors=actors,
            minerals=tuple(rng.sample(cast.minerals, rng.choice((1, 1, 2, 3)))),
            year=rng.randint(FIRST_YEAR, LAST_YEAR),
            month=rng.randint(1, 12),
            day=rng.randint(1, 28),
            number=len(stories),
        )
        stories.append(story)
        if kind == "group":
            bilateral = replace(story, kind="state-deal", actors=actors[:2], number=len(stories))
            stories.append(bilateral)
    return sorted(stories, key=lambda story: (story.year, story.month, story.day, story.number))


def distinct(actors: list[Actor], weights: list[float], size: int, rng: random.Random) -> tuple:
    """``size`` different actors drawn with the given weights."""
    drawn: list[Actor] = []
    while len(drawn) < size:
        actor = rng.choices(actors, weights)[0]
        if actor not in drawn:
            drawn.append(actor)
    return tuple(drawn)


def two_levels(cast: Cast, rng: random.Random) -> tuple[Actor, ...]:
    """Two companies of different states, then those states."""
    states = {state.name: state for state in cast.states}
    while True:
        first, second = rng.sample(cast.companies, 2)
        if first.home and second.home and first.home != second.home:
            return first, second, states[first.home], states[second.home]


def name(actor: Actor, rng: random.Random) -> str:
    """The actor's label, now and then a capital or another alias."""
    if actor.aliases and rng.random() < 0.25:
        return rng.choice(actor.aliases)
    return actor.name


def listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def article(phrase: str) -> str:
    """The phrase with its indefinite article."""
    return f"{'an' if phrase[0] in 'aeiou' else 'a'} {phrase}"


def when(story: Story, rng: random.Random) -> str:
    """The story's date, at the day or the month, in one of a few styles."""
    month = MONTHS[story.month - 1]
    return rng.choice(
        (
            f"on {story.day} {month} {story.year}",
            f"on {month} {story.day}, {story.year}",
            f"in {month} {story.year}",
        )
    )


def amount(story: Story) -> str:
    """The story's sum of money, the same for every teller."""
    millions = 50 + (story.number * 37) % 950
    options = (f"${millions} million", f"US${millions / 100:.1f} billion", f"A${millions} million")
    return options[story.number % len(options)]


AGREEMENT_NOUNS = (
    "memorandum of understanding", "framework agreement", "strategic partnership", "deal",
    "investment agreement", "supply agreement", "letter of intent", "cooperation agreement",
    "action plan", "loan agreement", "joint venture", "declaration of intent",
)  # fmt: skip
LEVEL_NOUNS = ("deal", "memorandum of understanding", "agreement")
STAGES = ("mining", "refining", "processing", "exploration", "recycling", "magnet production")
STORY_WEIGHTS = {
    "state-deal": 8, "company-deal": 3, "group": 1, "ban": 3, "licensing": 2, "duty": 1,
    "quota": 1, "curbs": 1, "tariff": 2, "sanction": 1, "pause": 1, "lifting": 1,
    "mining-ban": 1, "summit": 1, "talks": 2, "threat": 1, "levels": 1,
}  # fmt: skip


def telling(story: Story, rng: random.Random) -> str:
    """One sentence that states the story, in words chosen by ``rng``."""
    names = [name(actor, rng) for actor in story.actors]
    minerals = listed(list(story.minerals))
    date = when(story, rng)
    noun = AGREEMENT_NOUNS[story.number % len(AGREEMENT_NOUNS)]
    stage = STAGES[story.number % len(STAGES)]
    a, b = names[0], names[1]
    flipped = rng.random() < 0.1  # now and then a source says otherwise
    binding = ("", "", "non-binding ", "legally binding ")[(story.number + flipped) % 4]
    sentences = {
        "state-deal": (
            f"{a} and {b} signed {article(binding + noun)} on {minerals} {stage} {date}.",
            f"{date[0].upper()}{date[1:]}, {a} signed {article(binding + noun)} with {b} covering "
            f"{minerals}.",
            f"{a} and {b} concluded a {amount(story)} {noun} on {minerals} {date}.",
        ),
        "company-deal": (
            f"{a} signed an offtake agreement with {b} for {minerals} {date}.",
            f"{a} agreed a {amount(story)} supply deal with {b} for {minerals} {date}.",
        ),
        "group": (
            f"{a} signed an arrangement on {minerals} with {listed(names[1:])} {date}.",
        ),
        "levels": (
            f"{a} and {b} signed {article(LEVEL_NOUNS[story.number % 3])} on {minerals} {date}.",
            f"{listed(names[2:] or names)} signed {article(LEVEL_NOUNS[story.number % 3])} on "
            f"{minerals} {date}.",
        ),
        "ban": (f"{a} banned exports of {minerals} {date}.",
                f"{a} imposed a ban on {minerals} exports {date}."),
        "licensing": (f"{a} placed {minerals} under export licensing {date}.",),
        "duty": (f"{a} raised export duties on {minerals} {date}.",),
        "quota": (f"{a} set an export quota for {minerals} {date}.",),
        "curbs": (f"{a} imposed curbs on {minerals} exports {date}.",),
        "tariff": (f"{a} raised tariffs against {b} on {minerals} imports {date}.",),
        "sanction": (f"{a} imposed sanctions on {b} over {minerals} trade {date}.",),
        "pause": (f"{a} suspended its export ban on {minerals} for one year {date}.",),
        "lifting": (f"{a} lifted its export ban on {minerals} {date}.",),
        "mining-ban": (f"{a} passed a law banning the mining of {minerals} {date}.",),
        "summit": (f"Leaders of {a} and {b} met at a summit in {name(story.actors[0], rng)} "
                   f"{date} to talk about {minerals}.",),
        "talks": (f"{a} and {b} are in talks over {article(noun)} on {minerals}.",
                  f"{a} plans to sign {article(noun)} with {b} on {minerals} next year."),
        "threat": (f"{a} threatened to ban exports of {minerals} to {b}.",),
    }[story.kind]
    return rng.choice(sentences)


DISTRACTORS = (
    "Analysts expect demand for batteries to keep rising through the decade.",
    "Prices of {mineral} rose about {n} percent over the quarter.",
    "Shares of {company} rose {n}% in early trading.",
    "Officials declined to comment on the timetable.",
    "Heavy rain slowed trucks on the main road to the port.",
    "{state} produces a large part of the world's {mineral}.",
    "Industry groups said the market remained tight.",
    "The ministry did not give further details.",
    "Exploration budgets in {state} have grown for three years in a row.",
    "Refiners in {state} reported longer waiting times for ore.",
    "Demand from magnet makers has outpaced new supply.",
    "Environmental groups questioned the pace of new mining permits.",
    "Spot prices for {mineral} have been volatile since the start of the year.",
    "A spokesperson for {company} said output targets were unchanged.",
    "Traders said buyers in {state} were building up stocks of {mineral}.",
    "Geologists have long known of {mineral} deposits in the north of {state}.",
)
TITLES = (
    "{state} moves on {mineral}", "Minerals diplomacy: {state} in focus",
    "What the {mineral} race means for {state}", "Weekly minerals bulletin",
    "{state} and the supply of {mineral}", "Critical minerals roundup",
)  # fmt: skip
FIRST_NAMES = ("Ana", "Tom", "Mei", "Omar", "Lena", "Ravi", "Ines", "Kofi", "Sara", "Yuki")
LAST_NAMES = ("Moreau", "Okafor", "Lindqvist", "Tanaka", "Haddad", "Novak", "Reyes", "Brandt")


def distractor(cast: Cast, rng: random.Random) -> str:
    return rng.choice(DISTRACTORS).format(
        mineral=rng.choice(cast.minerals), company=rng.choice(cast.companies).name,
        state=rng.choice(cast.states).name, n=rng.randint(2, 19),
    )


def write_text(number: int, stories: list[Story], cast: Cast, rng: random.Random) -> str:
    """One text: title, dateline, byline and a body in one of three styles."""
    lead = stories[0]
    last = max(stories, key=lambda story: (story.year, story.month, story.day))
    day, month = last.day + rng.randint(0, 27), MONTHS[last.month - 1]
    month, day = (month, day) if day <= 28 else (MONTHS[last.month % 12], day - 28)
    year = last.year + (month == "January" and last.month == 12)
    published = rng.choice((f"{day} {month} {year}", f"{month} {day}, {year}"))
    title = rng.choice(TITLES).format(state=lead.actors[0].name, mineral=lead.minerals[0])
    author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    sentences = [telling(story, rng) for story in stories]
    sentences += [distractor(cast, rng) for _ in range(rng.randint(3, 8))]
    rng.shuffle(sentences)
    style = rng.choice(("wire", "analysis", "bulletin"))
    if style == "wire":
        head = [title, f"Published: {published}", f"By {author}", ""]
        body = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    elif style == "analysis":
        head = [f"Analysis: {title}", f"By {author}", f"Published: {published}", ""]
        body = [" ".join(sentences), f"{author} writes about trade and resources."]
    else:
        head = [f"{title} (no. {number})", f"Published: {published}", ""]
        body = [f"- {sentence}" for sentence in sentences]
    return "\n".join(head + body + [f"Item reference {number}."]) + "\n"


def generate(count: int, out: Path, seed: int = 0) -> list[Path]:
    """Write ``count`` texts to ``out`` (created if needed); return their paths."""
    rng = random.Random(seed)
    cast = load_cast()
    world = make_world(cast, count, rng)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        middle = (number - 1) * len(world) // count
        nearby = world[max(0, middle - WINDOW) : middle + WINDOW]
        told = rng.sample(nearby, min(len(nearby), rng.randint(3, 6)))
        path = out / f"news-{number:05d}.txt"
        path.write_text(write_text(number, told, cast, rng), encoding="utf-8")
        paths.append(path)
    return paths


def join_texts(paths: list[Path], out: Path) -> Path:
    """The texts at ``paths`` joined by blank lines into one file, ``out/joined.txt`` (one
    long text, as a news dump is); the texts themselves are removed."""
    joined = out / "joined.txt"
    joined.write_text(
        "\n\n".join(path.read_text(encoding="utf-8") for path in paths), encoding="utf-8"
    )
    for path in paths:
        path.unlink()
    return joined


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="how many texts")
    parser.add_argument("--out", type=Path, required=True, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--joined", action="store_true",
                        help="write them as one long text, joined.txt, joined by blank lines")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    if args.out.exists() and any(args.out.glob("*.txt")):
        parser.error(f"{args.out} already holds .txt files")
    paths = generate(args.count, args.out, args.seed)
    if args.joined:
        joined = join_texts(paths, args.out)
        print(f"wrote {len(paths)} texts as one, {joined} ({joined.stat().st_size:,} bytes)")
    else:
        print(f"wrote {len(paths)} texts to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
