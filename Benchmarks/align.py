#!/usr/bin/env python3
"""How much of a site's existing translation `tolk align` takes in: the 51 W3C pages with
German translations made by people (../shared/corpus/w3c-i18n/).

The English pages go to Input/, their German translations to de/ at the same paths;
`tolk align --locale de de` fills the catalogue and `tolk build` writes Output/de/. Each
built German page is compared with the human one block by block (p, h1–h6, li, td, th,
dt, dd, caption, figcaption, title, pre, blockquote: each block's own text,
whitespace-normalised, in document order): the share of the human page's blocks the
build reproduces exactly, as the longest common subsequence of the two block lists.
Fuzzy entries are not used by the build, so they count as not reproduced. "Same
structure" pairs are those whose English and German pages have the same sequence of
block elements.

    python3 Benchmarks/align.py            # builds Tolk in release mode first
"""
import argparse, os, shutil, subprocess, sys
from html.parser import HTMLParser

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(REPO), "shared", "corpus", "w3c-i18n")
TOLK = os.environ.get("TOLK", os.path.join(REPO, ".build", "release", "tolk"))
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd", "caption", "figcaption", "title", "pre",
          "blockquote"}


class Blocks(HTMLParser):
    """Each block element's own text (nested blocks apart), and the sequence of block names."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.blocks, self.names, self.skip = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCKS:
            self.stack.append([])
            self.names.append(tag)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS and self.stack:
            text = " ".join("".join(self.stack.pop()).split())
            if text:
                self.blocks.append(text)

    def handle_data(self, data):
        if not self.skip and self.stack:
            self.stack[-1].append(data)


def blocks(path):
    parser = Blocks()
    parser.feed(open(path, encoding="utf-8", errors="replace").read())
    parser.close()
    while parser.stack:
        parser.handle_endtag(parser.names[-1] if parser.names else "p")
    return parser.blocks, parser.names


def lcs(a, b):
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", default="/tmp/tolk-align")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--pages", action="store_true", help="print each pair's figure")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "tolk"], cwd=REPO, check=True)
    shutil.rmtree(args.work, ignore_errors=True)
    pairs = []
    for root, _, names in os.walk(CORPUS):
        for name in names:
            if name.endswith(".de.html"):
                german = os.path.join(root, name)
                relative = os.path.relpath(german, CORPUS)[: -len(".de.html")] + ".html"
                for side, source in (("Input", german[: -len(".de.html")] + ".en.html"), ("de", german)):
                    target = os.path.join(args.work, side, relative)
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    shutil.copyfile(source, target)
                pairs.append(relative)
    pairs.sort()
    # Every German page is built, however much of it is aligned.
    with open(os.path.join(args.work, "tolk.toml"), "w") as settings:
        settings.write("[languages.de]\nmin-completion = 0\n")
    subprocess.run([TOLK, "align", "--locale", "de", "de", "--quiet"], cwd=args.work, check=True, stderr=subprocess.DEVNULL)
    subprocess.run([TOLK, "build", "--quiet", "--full"], cwd=args.work, check=True, stderr=subprocess.DEVNULL)
    totals = {"same": [0, 0, 0, 0], "all": [0, 0, 0, 0]}
    humans = {relative: blocks(os.path.join(args.work, "de", relative)) for relative in pairs}
    every_human_block = {block for human, _ in humans.values() for block in human}
    for relative in pairs:
        human, human_names = humans[relative]
        _, english_names = blocks(os.path.join(args.work, "Input", relative))
        built_path = os.path.join(args.work, "Output", "de", relative)
        built = blocks(built_path)[0] if os.path.exists(built_path) else []
        matched = lcs(human, built)
        # Built blocks that are another page's human German: the same English text, which
        # the translators of two pages put differently and one catalogue holds one way.
        own = set(human)
        elsewhere = sum(1 for block in built if block not in own and block in every_human_block)
        same = english_names == human_names
        for group in (["all", "same"] if same else ["all"]):
            totals[group][0] += matched
            totals[group][1] += len(human)
            totals[group][2] += 1
            totals[group][3] += elsewhere
        if args.pages:
            print(f"{matched:4}/{len(human):4} {'same ' if same else 'other'} {relative}")
    for group, label in (("same", "same-structure pairs"), ("all", "all pairs")):
        matched, total, count, elsewhere = totals[group]
        print(f"{label}: {count} pairs, {matched:,} of {total:,} human German blocks reproduced ({matched / total * 100:.1f}%);"
              f" {elsewhere} built as another page's human German for the same English")


if __name__ == "__main__":
    main()
