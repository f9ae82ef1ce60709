#!/usr/bin/env python3
"""The translation memory at site scale: a 100,000-unit TMX, imported, built into the
memory and used by `tolk extract` to fill a catalogue with nothing translated, at 1,010 and
10,100 W3C pages, against the same extract with no memory.

The memory is made from the pages' own sentences so that it holds what a real one does for
a site: a share of exact matches, many near ones (a word changed, dropped or added, a number
or the case changed) and many unrelated sentences (the words of other sentences shuffled),
each with a made-up translation. It is written as TMX 1.4 (Locales/memory/bench.tmx).

    python3 Benchmarks/memory.py                     # 1,010 and 10,100 pages, 3 rounds
    python3 Benchmarks/memory.py --pages 1010 --repeat 5

Rows, medians of alternating rounds (Benchmarks/run.py's run(): seconds and peak RSS):
- tolk memory import: reading and checking the 100,000-unit TMX, and copying it;
- extract, no memory: the catalogue has no translation and Locales/memory/ is empty;
- extract, memory built: the TMX read and indexed (no .tolk/memory-cache), every new entry looked up;
- extract, memory cached: the same with the TMX's units from .tolk/memory-cache.
The catalogue is put back to its untranslated state before every extract.
"""
import argparse, os, random, re, shutil, statistics, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench

QUIET = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def msgids(template):
    """The msgids of a template, unescaped from PO (each string joined)."""
    text = open(template, encoding="utf-8").read()
    found = []
    for match in re.finditer(r'^msgid ((?:"(?:[^"\\]|\\.)*"\n)+)', text, re.M):
        value = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1)))
        value = value.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
        if value and "{" not in value:
            found.append(value)
    return found


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def segment(message):
    """Tolk's placeholders (<1>, </1>, <2/>) as TMX inline codes."""
    out, position = [], 0
    for match in re.finditer(r"<(/?)([1-9][0-9]*)(/?)>", message):
        out.append(escape(message[position:match.start()]))
        closing, number, empty = match.groups()
        if empty:
            out.append(f'<ph x="{number}">&lt;br/&gt;</ph>')
        elif closing:
            out.append(f'<ept i="{number}">&lt;/b&gt;</ept>')
        else:
            out.append(f'<bpt i="{number}" x="{number}">&lt;b&gt;</bpt>')
        position = match.end()
    out.append(escape(message[position:]))
    return "".join(out)


def balanced(message):
    opened = re.findall(r"<([1-9][0-9]*)>", message)
    return sorted(opened) == sorted(re.findall(r"</([1-9][0-9]*)>", message))


def memory(sentences, units, seed=7):
    """`units` (source, translation) pairs made from `sentences`."""
    rng = random.Random(seed)
    words = [w for s in sentences for w in re.findall(r"[A-Za-z]{3,}", s)]
    pairs = []
    while len(pairs) < units:
        base = rng.choice(sentences)
        kind = rng.random()
        tokens = base.split(" ")
        if kind < 0.10:
            source = base
        elif kind < 0.45 and len(tokens) > 3:
            index = rng.randrange(len(tokens))
            choice = rng.random()
            if choice < 0.4:
                tokens[index] = rng.choice(words)
            elif choice < 0.7:
                del tokens[index]
            else:
                tokens.insert(index, rng.choice(words))
            source = " ".join(tokens)
        elif kind < 0.55:
            source = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), base) if re.search(r"\d", base) else base.upper()
        else:
            length = rng.randint(4, 25)
            source = " ".join(rng.choice(words) for _ in range(length)) + "."
        if not balanced(source):
            source = re.sub(r"</?[1-9][0-9]*/?>", "", source)
        pairs.append((source, "DE " + source))
    return pairs


def write_tmx(path, pairs):
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
                  '<header creationtool="bench" creationtoolversion="1" datatype="html" segtype="sentence" adminlang="en" '
                  'srclang="en" o-tmf="bench"/>\n<body>\n')
        for index, (source, target) in enumerate(pairs):
            out.write(f'<tu tuid="{index}"><tuv xml:lang="en"><seg>{segment(source)}</seg></tuv>'
                      f'<tuv xml:lang="de"><seg>{segment(target)}</seg></tuv></tu>\n')
        out.write("</body>\n</tmx>\n")


def filled(catalogue):
    text = open(catalogue, encoding="utf-8").read()
    return text.count("#. Memory: ")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[1010, 10100])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(bench.REPO, ".build-bench-memory"))
    parser.add_argument("--tolk", default=bench.TOLK)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "tolk"], cwd=bench.REPO, check=True)
    tolk = args.tolk
    rows = []
    for pages in args.pages:
        base = os.path.join(args.work, f"m{pages}")
        bench.make_corpus(base, pages)
        subprocess.run([tolk, "extract", "--locale", "de", "--project", base], check=True, **QUIET)
        catalogue = bench.catalogue_path(base)
        empty = open(catalogue, encoding="utf-8").read()
        sentences = msgids(os.path.join(base, "Locales", "en", "template.pot"))
        tmx = os.path.join(args.work, f"bench-{pages}.tmx")
        write_tmx(tmx, memory(sentences, args.units))
        memory_folder = os.path.join(base, "Locales", "memory")
        cache = os.path.join(base, ".tolk", "memory-cache")

        def reset(with_memory, cached):
            open(catalogue, "w", encoding="utf-8").write(empty)
            if not with_memory:
                shutil.rmtree(memory_folder, ignore_errors=True)
            elif not os.path.exists(os.path.join(memory_folder, "bench.tmx")):
                os.makedirs(memory_folder, exist_ok=True)
                shutil.copyfile(tmx, os.path.join(memory_folder, "bench.tmx"))
            if not cached and os.path.exists(cache):
                os.remove(cache)

        extract = [tolk, "extract", "--project", base]
        commands = {
            "tolk memory import (100,000 units)": ([tolk, "memory", "import", tmx, "--project", base],
                                                   lambda: shutil.rmtree(memory_folder, ignore_errors=True)),
            "extract, no memory": (extract, lambda: reset(False, False)),
            "extract, memory built": (extract, lambda: reset(True, False)),
            "extract, memory cached": (extract, lambda: reset(True, True)),
        }
        results = {name: [] for name in commands}
        names = list(commands)
        fills = 0
        for round_index in range(args.repeat):
            order = names[round_index % len(names):] + names[:round_index % len(names)]
            for name in order:
                command, prepare = commands[name]
                prepare()
                if name == "extract, memory cached" and not os.path.exists(cache):
                    subprocess.run(extract, check=True, **QUIET)  # builds the cache, untimed
                    reset(True, True)
                results[name].append(bench.run(command))
                if name.startswith("extract, memory"):
                    fills = filled(catalogue)
        baseline = results["extract, no memory"]
        for name in names:
            ratio = statistics.median(r[0] / b[0] for r, b in zip(results[name], baseline))
            rows.append((pages, name, statistics.median(r[0] for r in results[name]), max(r[1] for r in results[name]), ratio))
        entries = empty.count("\nmsgid ") - 1
        print(f"{pages} pages: {len(sentences)} messages, {entries} entries, {fills} filled from the memory", flush=True)
    print(f"\n{args.units:,} memory units, {args.repeat} rounds, alternating\n")
    print("| pages | command | median | peak RSS | ÷ extract, no memory |")
    print("| ---: | --- | ---: | ---: | ---: |")
    for pages, name, median, peak, ratio in rows:
        print(f"| {pages:,} | {name} | {median:.2f} s | {peak:.0f} MB | {ratio:.2f}× |")


if __name__ == "__main__":
    main()
