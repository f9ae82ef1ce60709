#!/usr/bin/env python3
"""Tolk's benchmark: extract, build, check, export and import at site scale, side by side with the tools
people would otherwise use (Translate Toolkit's html2po/po2html) and with the floor of
parsing the same pages with libxml2 (xmllint). po4a is left out: it stops at the first
page with a stray closing tag (see BENCHMARKS.md).

Needs (Debian/PyPI): libxml2-utils (xmllint), time (/usr/bin/time), and
`pip install translate-toolkit`. Run from the repository, with ../shared beside it:

    python3 Benchmarks/run.py                 # 1,010 and 10,100 pages, 3 and 2 runs
    python3 Benchmarks/run.py --pages 1010 --repeat 5

Commands run alternating (the order rotates each round); the table shows medians, and
ratios are computed pair by pair within a round, then the median taken, because these
machines are noisy. Peak memory is /usr/bin/time's maximum resident set size.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(REPO), "shared", "corpus", "w3c-i18n")
TOLK = os.path.join(REPO, ".build", "release", "tolk")


# A project rules file with one rule of each kind Tolk reads (Locales/its-rules.xml).
ITS_RULES = """<its:rules xmlns:its="http://www.w3.org/2005/11/its" xmlns:h="http://www.w3.org/1999/xhtml" version="2.0">
  <its:param name="brand">brand</its:param>
  <its:translateRule selector="//*[@class=$brand]" translate="no"/>
  <its:translateRule selector="//h:code | //h:kbd" translate="no"/>
  <its:locNoteRule selector="//h:abbr" locNoteType="description" locNotePointer="@title"/>
  <its:withinTextRule selector="//h:cite" withinText="yes"/>
  <its:langRule selector="//h:q" langPointer="@lang"/>
</its:rules>
"""


def run(command, cwd=None, env=None):
    """Runs a command under /usr/bin/time; returns (seconds, peak MB, exit status)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
        start = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", stats.name] + command, cwd=cwd, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        lines = [line for line in stats.read().split("\n") if line.strip().isdigit()]
        peak = int(lines[-1]) / 1024 if lines else float("nan")
    return seconds, peak, result.returncode


def make_corpus(folder, pages):
    """Copies the 101 English W3C pages into pages/101 subfolders of folder/Input."""
    sources = sorted(os.path.join(root, name) for root, _, names in os.walk(CORPUS)
                     for name in names if name.endswith(".en.html"))
    assert len(sources) == 101, f"expected 101 English pages in {CORPUS}, found {len(sources)}"
    shutil.rmtree(folder, ignore_errors=True)
    for copy in range(pages // 101):
        target = os.path.join(folder, "Input", f"p{copy:03d}")
        os.makedirs(target)
        for source in sources:
            shutil.copyfile(source, os.path.join(target, os.path.relpath(source, CORPUS).replace("/", "_")))
    return sorted(os.path.join(root, name) for root, _, names in os.walk(os.path.join(folder, "Input")) for name in names)


def catalogue_path(site, language="de"):
    """The catalogue of the English pages' `language`: Locales/en/de.po (Locales/de.po before Tolk 0.12)."""
    path = os.path.join(site, "Locales", "en", language + ".po")
    return path if os.path.exists(path) else os.path.join(site, "Locales", language + ".po")


def fill_catalogue(path):
    """Translates every entry of a PO file to itself, so the build has a full catalogue."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r'msgid ((?:"(?:[^"\\]|\\.)*"\n)+)msgstr ""\n', lambda m: "msgid " + m.group(1) + "msgstr " + m.group(1),
                  text)
    open(path, "w", encoding="utf-8").write(text)


def identical_trees(first, second):
    for root, _, names in os.walk(first):
        for name in names:
            a = os.path.join(root, name)
            b = os.path.join(second, os.path.relpath(a, first))
            if not os.path.exists(b) or open(a, "rb").read() != open(b, "rb").read():
                return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[1010, 10100])
    parser.add_argument("--repeat", type=int, default=3, help="rounds at the smallest size (2 at larger ones)")
    parser.add_argument("--work", default=os.path.join(REPO, ".build-bench"), help="scratch folder")
    parser.add_argument("--others-up-to", type=int, default=1010,
                        help="run html2po/po2html only up to this many pages (they take minutes beyond)")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()

    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "tolk"], cwd=REPO, check=True)
    for tool in ["xmllint", "html2po", "po2html", "/usr/bin/time"]:
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install libxml2-utils time; pip install translate-toolkit")

    report = []
    per_page = {}
    for pages in args.pages:
        base = os.path.join(args.work, f"c{pages}")
        shutil.rmtree(base, ignore_errors=True)
        files = make_corpus(os.path.join(base, "extract"), pages)
        shutil.copytree(os.path.join(base, "extract", "Input"), os.path.join(base, "site", "Input"))
        site = os.path.join(base, "site")
        subprocess.run([TOLK, "extract", "--locale", "de", "--project", site], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        fill_catalogue(catalogue_path(site))
        # Once more, so the filled catalogue is in Tolk's own layout and later updates leave it alone.
        subprocess.run([TOLK, "extract", "--project", site], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run([TOLK, "build", "--quiet", "--project", site], check=True, stderr=subprocess.DEVNULL)
        subprocess.run([TOLK, "export", "--locale", "de", "-o", os.path.join(base, "de.xlf"), "--project", site], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([TOLK, "export", "--locale", "de", "--format", "xliff12", "-o", os.path.join(base, "de12.xlf"), "--project", site],
                       check=True, stdout=subprocess.DEVNULL)
        others = pages <= args.others_up_to
        if others:
            # po2html needs html2po's catalogues: made once here, untimed.
            subprocess.run(["html2po", "--progress=none", "-i", os.path.join(base, "extract", "Input"), "-o",
                            os.path.join(base, "po")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def clean_extract():
            shutil.rmtree(os.path.join(base, "extract", "Locales"), ignore_errors=True)

        # The same pages with a project-wide ITS rules file of the usual kinds of rule.
        its = os.path.join(base, "its")
        shutil.copytree(os.path.join(base, "extract", "Input"), os.path.join(its, "Input"))

        def clean_its():
            shutil.rmtree(os.path.join(its, "Locales"), ignore_errors=True)
            os.makedirs(os.path.join(its, "Locales"))
            with open(os.path.join(its, "Locales", "its-rules.xml"), "w") as rules:
                rules.write(ITS_RULES)

        xargs_floor = ["sh", "-c", f"find {base}/extract/Input -name '*.html' -print0 | xargs -0 xmllint --html --noout 2>/dev/null; true"]
        commands = {
            "xmllint --html --noout (floor)": (xargs_floor, None),
            "tolk extract": ([TOLK, "extract", "--locale", "de", "--project", os.path.join(base, "extract")], clean_extract),
            "tolk extract (ITS rules)": ([TOLK, "extract", "--locale", "de", "--project", its], clean_its),
            # The everyday case: the translated catalogue is there and gets updated.
            "tolk extract (update)": ([TOLK, "extract", "--project", site], None),
            "tolk build": ([TOLK, "build", "--full", "--quiet", "--project", site], None),
            "tolk check": ([TOLK, "check", "--format", "json", "--project", site], None),
            # A translator's round trip: the whole catalogue out as XLIFF, and back in.
            "tolk export": ([TOLK, "export", "--locale", "de", "-o", os.path.join(base, "de.xlf"), "--project", site], None),
            "tolk import": ([TOLK, "import", os.path.join(base, "de.xlf"), "--project", site], None),
            # The same round trip in XLIFF 1.2, for the agencies' tools that read no XLIFF 2.
            "tolk export (XLIFF 1.2)": ([TOLK, "export", "--locale", "de", "--format", "xliff12", "-o", os.path.join(base, "de12.xlf"),
                                         "--project", site], None),
            "tolk import (XLIFF 1.2)": ([TOLK, "import", os.path.join(base, "de12.xlf"), "--project", site], None),
        }
        if others:
            commands["html2po"] = (["html2po", "--progress=none", "-i", os.path.join(base, "extract", "Input"), "-o",
                                    os.path.join(base, "html2po")], lambda: shutil.rmtree(os.path.join(base, "html2po"), ignore_errors=True))
            commands["po2html"] = (["po2html", "--progress=none", "-i", os.path.join(base, "po"), "-t",
                                    os.path.join(base, "extract", "Input"), "-o", os.path.join(base, "po2html")],
                                   lambda: shutil.rmtree(os.path.join(base, "po2html"), ignore_errors=True))
        rounds = args.repeat if pages == min(args.pages) else max(2, args.repeat - 1)
        results = {name: [] for name in commands}
        names = list(commands)
        for round_index in range(rounds):
            order = names[round_index % len(names):] + names[:round_index % len(names)]
            for name in order:
                command, prepare = commands[name]
                if prepare:
                    prepare()
                results[name].append(run(command))
        # Pages each tool processed.
        built = sum(1 for _, _, names in os.walk(os.path.join(site, "Output", "de")) for name in names if name != "index.html")
        done = {"tolk extract": len(files), "tolk extract (ITS rules)": len(files), "tolk extract (update)": len(files), "tolk build": built, "tolk check": len(files),
                "tolk export": len(files), "tolk import": len(files), "tolk export (XLIFF 1.2)": len(files), "tolk import (XLIFF 1.2)": len(files)}
        if others:
            refused = sum(1 for root, _, names in os.walk(os.path.join(base, "html2po")) for name in names
                          if name.endswith(".po") and "msgid" not in open(os.path.join(root, name), encoding="utf-8", errors="replace").read()[200:])
            made = sum(len(n) for _, _, n in os.walk(os.path.join(base, "html2po")))
            done["html2po"] = made - refused
            done["po2html"] = sum(len(n) for _, _, n in os.walk(os.path.join(base, "po2html")))
        floor = results["xmllint --html --noout (floor)"]
        for name in names:
            times = [r[0] for r in results[name]]
            peaks = [r[1] for r in results[name]]
            ratio_floor = statistics.median(r[0] / f[0] for r, f in zip(results[name], floor))
            row = {"pages": pages, "tool": name, "median": statistics.median(times), "peak": max(peaks),
                   "floor_ratio": ratio_floor, "processed": done.get(name, pages)}
            if name in ("html2po", "po2html"):
                mine = results["tolk extract" if name == "html2po" else "tolk build"]
                row["vs_tolk"] = statistics.median(r[0] / m[0] for r, m in zip(results[name], mine))
            report.append(row)
            per_page[(name, pages)] = row["median"] / pages

    # Incremental and parallel checks at the largest size.
    pages = max(args.pages)
    site = os.path.join(args.work, f"c{pages}", "site")
    full = statistics.median(run([TOLK, "build", "--full", "--quiet", "--project", site])[0] for _ in range(3))
    page = os.path.join(site, "Input", "p000", sorted(os.listdir(os.path.join(site, "Input", "p000")))[0])
    text = open(page, encoding="utf-8").read()
    one_page_runs = []
    for _ in range(3):
        open(page, "w", encoding="utf-8").write(text.replace("</body>", "<p>One more paragraph.</p></body>", 1))
        one_page_runs.append(run([TOLK, "build", "--quiet", "--project", site])[0])
        open(page, "w", encoding="utf-8").write(text)
        run([TOLK, "build", "--quiet", "--project", site])
    one_page = statistics.median(one_page_runs)
    catalogue = catalogue_path(site)
    po = open(catalogue, encoding="utf-8").read()
    # An entry from one of the 101 original pages (so used by its copies only): retranslate it.
    copies = pages // 101
    changed = po
    for block in po.split("\n\n"):
        references = sum(line.count("Input/") for line in block.split("\n") if line.startswith("#:"))
        match = re.search(r'\nmsgstr "(.+)"$', block)
        if references == copies and match:
            changed = po.replace(block, block[:match.end(1)] + ' (neu)"', 1)
            break
    one_entry_runs = []
    for _ in range(3):
        open(catalogue, "w", encoding="utf-8").write(changed)
        one_entry_runs.append(run([TOLK, "build", "--quiet", "--project", site])[0])
        open(catalogue, "w", encoding="utf-8").write(po)
        run([TOLK, "build", "--quiet", "--project", site])
    one_entry = statistics.median(one_entry_runs)
    sequential_site = site + "-sequential"
    shutil.rmtree(sequential_site, ignore_errors=True)
    shutil.copytree(os.path.join(site, "Input"), os.path.join(sequential_site, "Input"))
    shutil.copytree(os.path.join(site, "Locales"), os.path.join(sequential_site, "Locales"))
    run([TOLK, "build", "--full", "--quiet", "--project", site])
    sequential = run([TOLK, "build", "--full", "--quiet", "--project", sequential_site], env=dict(os.environ, TOLK_JOBS="1"))[0]
    same = identical_trees(os.path.join(site, "Output"), os.path.join(sequential_site, "Output")) and \
        identical_trees(os.path.join(sequential_site, "Output"), os.path.join(site, "Output"))

    print(f"\nOne run of `python3 Benchmarks/run.py --pages {' '.join(map(str, args.pages))} --repeat {args.repeat}` "
          f"on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}.\n")
    print("| pages | command | median s | × floor | vs Tolk | peak MB | pages done |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for row in report:
        vs = f"{row['vs_tolk']:.0f}× slower" if "vs_tolk" in row else ""
        print(f"| {row['pages']:,} | {row['tool']} | {row['median']:.2f} | {row['floor_ratio']:.1f} | {vs} | "
              f"{row['peak']:.0f} | {row['processed']:,} |")
    small, large = min(args.pages), max(args.pages)
    if small != large:
        print()
        for name in ["tolk extract", "tolk extract (update)", "tolk build", "tolk check", "tolk export", "tolk import",
                     "xmllint --html --noout (floor)"]:
            growth = per_page[(name, large)] / per_page[(name, small)]
            print(f"- {name}: {per_page[(name, large)] * 1000:.2f} ms a page at {large:,} pages, "
                  f"{growth:.2f}× the cost a page at {small:,}")
    print(f"- incremental at {pages:,} pages (medians of 3): full build {full:.2f} s; one page changed {one_page:.2f} s "
          f"({one_page / full * 100:.1f}%); one catalogue entry (on {copies} pages) changed {one_entry:.2f} s "
          f"({one_entry / full * 100:.1f}%)")
    print(f"- sequential build (TOLK_JOBS=1) {sequential:.2f} s against {full:.2f} s on all cores; "
          f"outputs byte-identical: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
